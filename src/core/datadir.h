/* datadir.h - where sheetpile finds its own data: the catalogue
 * (profiles.csv, grades.csv) and the gnuplot templates (plots/NAME.gp).
 *
 * In order: the directory named by the environment variable
 * SHEETPILE_DATA_DIR; the directory ../share/sheetpile next to the running
 * executable (/proc/self/exe), so that an installed prefix can be moved and
 * the build tree (build/src/sheetpile, build/share/sheetpile) works the same;
 * the directory of the install prefix configured at build time. Never the
 * source tree. */
#ifndef SP_DATADIR_H
#define SP_DATADIR_H

#include <stddef.h>

typedef enum {
	SP_DATADIR_ENV,       /* SHEETPILE_DATA_DIR */
	SP_DATADIR_EXE,       /* ../share/sheetpile from the executable */
	SP_DATADIR_PREFIX,    /* the configured install prefix */
	SP_DATADIR_NOT_FOUND  /* none holds profiles.csv: dir is where the executable's would be */
} sp_datadir_origin;

/* The data directory into dir (size bytes, no trailing '/') and where it
 * comes from. Reads the environment and the file system on every call (no
 * state: safe from any thread). */
sp_datadir_origin sp_datadir_find(char *dir, size_t size);
/* dir/name into path (size bytes) for the data directory found. 0, or -1
 * when it does not fit. */
int sp_datadir_path(char *path, size_t size, const char *name);
/* "SHEETPILE_DATA_DIR", "next to the executable", ... for --version */
const char *sp_datadir_origin_text(sp_datadir_origin origin);

#endif
