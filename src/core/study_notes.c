/* study_notes.c - the importer's notes as [dsheet] note_N keys (study_notes.h). */
#include "study_notes.h"

#include <string.h>

#define S_LINE_CHARS 100 /* a note's line is broken at the first blank after this many characters */

int sp_study_notes_section(const char *section)
{
	return strcmp(section, "dsheet") == 0;
}

void sp_study_notes_read(sp_ini_t *c, sp_wall_t *w)
{
	for (int k = 1; k <= SP_STUDY_NOTES_MAX; k++) {
		char key[32];
		snprintf(key, sizeof key, "note_%d", k);
		sp_ini_entry_t *e = sp_ini_find(c, "dsheet", key);
		if (e == NULL)
			break;
		sp_wall_note(w, "%s", e->value);
	}
}

void sp_study_notes_write(FILE *fp, const sp_wall_t *w)
{
	if (w->notes[0] == '\0')
		return;
	fputs("\n[dsheet]\n; what the importer read but does not compute: analyze and run repeat each note as a warning\n",
	      fp);
	int k = 0;
	for (const char *p = w->notes; *p && k < SP_STUDY_NOTES_MAX;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len > 0 && (*p == ' ' || *p == '\t')) /* the INI reader trims the ends */
			p++, len--;
		size_t n = len;
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n > 0) {
			fprintf(fp, "note_%d = ", ++k);
			size_t col = 0;
			for (size_t i = 0; i < n; i++) {
				unsigned char ch = (unsigned char)p[i];
				if (ch < 0x20 || ch == 0x7f)
					ch = ' ';
				else if (ch == ';' && i > 0 && (p[i - 1] == ' ' || p[i - 1] == '\t'))
					ch = ',';
				if (ch == ' ' && col >= S_LINE_CHARS && i + 1 < n && p[i + 1] != ' ') {
					fputs("\n  ", fp); /* an indented line continues the value, joined by one blank */
					col = 0;
					continue;
				}
				fputc(ch, fp);
				col++;
			}
			fputc('\n', fp);
		}
		p += len + (end != NULL);
		if (end == NULL)
			break;
	}
}
