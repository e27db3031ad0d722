/*
 * One string section of a format: '@' (a character or a space) and '&'
 * (a character or nothing) placeholders, filled from the right unless
 * '!' says from the left; '<' lower case, '>' upper case (the first of
 * them counts); literal text.  A string longer than the placeholders
 * puts one character in each and the rest after the section.
 */
#include "varfmt.h"

struct str_pattern {
	int places;
	BOOL left;
	OLECHAR casing;         /* '<', '>' or 0 */
};

static void scan(const OLECHAR *f, const OLECHAR *end, struct str_pattern *p)
{
	memset(p, 0, sizeof(*p));
	while (f < end) {
		const OLECHAR *lit = fmt_skip_literal(f, end);

		if (lit != f) {
			f = lit;
			continue;
		}
		if (*f == '@' || *f == '&')
			p->places++;
		else if (*f == '!')
			p->left = TRUE;
		else if ((*f == '<' || *f == '>') && !p->casing)
			p->casing = *f;
		f++;
	}
}

static OLECHAR cased(const struct str_pattern *p, OLECHAR c)
{
	OLECHAR r = c;

	if (p->casing)
		LCMapStringW(LOCALE_INVARIANT, p->casing == '<' ? LCMAP_LOWERCASE : LCMAP_UPPERCASE,
			     &c, 1, &r, 1);
	return r;
}

void fmt_string(const OLECHAR *f, const OLECHAR *end, const OLECHAR *s, struct fmt_out *o)
{
	struct str_pattern p;
	int len = lstrlenW(s), slot = 0, next = 0;
	int blank;

	scan(f, end, &p);
	blank = len < p.places && !p.left ? p.places - len : 0;
	while (f < end) {
		const OLECHAR *lit = fmt_skip_literal(f, end);

		if (lit != f) {
			fmt_put_literal(o, f, lit);
			f = lit;
			continue;
		}
		if (*f == '@' || *f == '&') {
			if (slot++ >= blank && next < len)
				fmt_put(o, cased(&p, s[next++]));
			else if (*f == '@')
				fmt_put(o, ' ');
		} else if (*f != '!' && *f != '<' && *f != '>') {
			fmt_put(o, *f);
		}
		f++;
	}
	while (next < len)
		fmt_put(o, cased(&p, s[next++]));
}
