/* html.h - text into HTML (html.c): the one escaper of report.html and
 * index.html. */
#ifndef SP_HTML_H
#define SP_HTML_H

#include <stdio.h>

/* s with < > & " ' as character references (safe in text and in quoted
 * attribute values). */
void sp_html_text(FILE *fp, const char *s);

#endif
