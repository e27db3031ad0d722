/*
 * The punctuation num_put writes numbers with, read from a stream's
 * locale (numpunct.c), and its application to printf's text.
 */
#ifndef LSW_MSVCP140_NUMPUNCT_H
#define LSW_MSVCP140_NUMPUNCT_H

#include <windows.h>

enum { NUMPUNCT_MAX = 32, NUMPUNCT_TEXT = 1024 };

struct locale;
struct numpunct_values {
	WCHAR decimal_point, thousands_sep;   /* a char's value for a narrow stream */
	char grouping[NUMPUNCT_MAX];
	WCHAR names[2][NUMPUNCT_MAX];         /* falsename, truename */
	int namelen[2];
};

void numpunct_read(const struct locale *loc, BOOL wide, struct numpunct_values *p);

/* text (len characters) with the decimal point put for '.' and the
 * thousands separator between the groups of the ndigits digits at
 * digits_at; the length written to out (at most max). */
int numpunct_apply(const struct numpunct_values *p, const char *text, int len, int digits_at, int ndigits,
		   WCHAR *out, int max);

#endif
