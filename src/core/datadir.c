/* datadir.c - where sheetpile finds its own data (datadir.h). */
#define _XOPEN_SOURCE 700
#include "datadir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SP_INSTALL_DATADIR
#define SP_INSTALL_DATADIR "/usr/local/share/sheetpile"
#endif

/* A data directory holds the catalogue. */
static int S_holds_data(const char *dir)
{
	char p[4096];
	int n = snprintf(p, sizeof p, "%s/profiles.csv", dir);
	return n > 0 && (size_t)n < sizeof p && access(p, R_OK) == 0;
}

/* <folder of the executable>/../share/sheetpile into dir; 0, or -1. */
static int S_next_to_exe(char *dir, size_t size)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || (size_t)n >= sizeof exe - 1)
		return -1;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash == NULL)
		return -1;
	*slash = '\0';
	int w = snprintf(dir, size, "%s/../share/sheetpile", exe);
	if (w < 0 || (size_t)w >= size)
		return -1;
	char real[4096];
	if (realpath(dir, real) != NULL && strlen(real) < size)
		strcpy(dir, real); /* --version shows /opt/x/share/sheetpile, not /opt/x/bin/../share/... */
	return 0;
}

sp_datadir_origin sp_datadir_find(char *dir, size_t size)
{
	const char *env = getenv("SHEETPILE_DATA_DIR");
	if (env && *env) {
		snprintf(dir, size, "%s", env);
		return SP_DATADIR_ENV; /* taken as given: a wrong one says so at the catalogue */
	}
	int exe = S_next_to_exe(dir, size) == 0;
	if (exe && S_holds_data(dir))
		return SP_DATADIR_EXE;
	if (S_holds_data(SP_INSTALL_DATADIR)) {
		snprintf(dir, size, "%s", SP_INSTALL_DATADIR);
		return SP_DATADIR_PREFIX;
	}
	if (!exe)
		snprintf(dir, size, "%s", SP_INSTALL_DATADIR);
	return SP_DATADIR_NOT_FOUND;
}

int sp_datadir_path(char *path, size_t size, const char *name)
{
	char dir[4096];
	sp_datadir_find(dir, sizeof dir);
	int n = snprintf(path, size, "%s/%s", dir, name);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

const char *sp_datadir_origin_text(sp_datadir_origin origin)
{
	switch (origin) {
	case SP_DATADIR_ENV: return "SHEETPILE_DATA_DIR";
	case SP_DATADIR_EXE: return "next to the executable";
	case SP_DATADIR_PREFIX: return "the install prefix configured at build time";
	default: return "NOT FOUND: no profiles.csv there; set SHEETPILE_DATA_DIR";
	}
}
