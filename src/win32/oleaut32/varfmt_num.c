/*
 * One number section of a format: digit placeholders '0' (a digit always)
 * and '#' (a digit if significant), one '.', ',' between integer
 * placeholders for thousands, E+ E- e+ e- for scientific notation, '%'
 * (times 100), and literal text anywhere.  The value is first taken to
 * 15 significant decimal digits, then rounded half up, as VB does.
 */
#include "varfmt.h"

/* The value 0.d[0]d[1]... x 10^pt. */
struct decimal {
	char d[24];
	int n, pt;
};

static void to_decimal(double v, struct decimal *x)
{
	OLECHAR buf[40];
	int e;

	x->n = x->pt = 0;
	if (!(v - v == 0))      /* infinite or NaN: no digits to show */
		return;
	crt_snwprintf(buf, 40, L"%.14e", v < 0 ? -v : v);
	for (const OLECHAR *p = buf; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9' && x->n < (int)sizeof(x->d))
			x->d[x->n++] = (char)*p;
	e = wcschr(buf, 'e') ? (int)crt_wcstod(wcschr(buf, 'e') + 1, NULL) : 0;
	x->pt = e + 1;
	while (x->n && x->d[x->n - 1] == '0')
		x->n--;
	if (!x->n)
		x->pt = 0;
}

/* Keeps `frac` digits after the point, rounding half up. */
static void round_decimal(struct decimal *x, int frac)
{
	int keep = x->pt + frac, i;

	if (keep >= x->n)
		return;
	if (keep < 0 || (keep == 0 && x->d[0] < '5')) {
		x->n = 0;
		return;
	}
	i = keep;
	x->n = keep;
	if (x->d[i] < '5')
		goto trim;
	for (i = keep - 1; i >= 0 && x->d[i] == '9'; i--)
		x->n = i;
	if (i < 0) {            /* 9.99 -> 10.0 */
		x->d[0] = '1';
		x->n = 1;
		x->pt++;
	} else {
		x->d[i]++;
	}
trim:
	while (x->n && x->d[x->n - 1] == '0')
		x->n--;
}

static char digit_at(const struct decimal *x, int i)
{
	return i >= 0 && i < x->n ? x->d[i] : '0';
}

/* The section taken apart: placeholders of the three parts. */
struct num_pattern {
	int int_places, int_min, frac_places, frac_min, exp_min;
	BOOL group, percent;
	OLECHAR exp_char;       /* 'E' or 'e', 0 without one */
};

static BOOL is_place(OLECHAR c)
{
	return c == '0' || c == '#';
}

static void scan_place(struct num_pattern *p, OLECHAR c, int part)
{
	if (part == 0) {
		p->int_places++;
		if (c == '0' && !p->int_min)
			p->int_min = 1;
		else if (p->int_min)
			p->int_min++;
	} else if (part == 1) {
		p->frac_places++;
		if (c == '0')
			p->frac_min = p->frac_places;
	} else if (c == '0') {
		p->exp_min++;
	}
}

static void scan_pattern(const OLECHAR *f, const OLECHAR *end, struct num_pattern *p)
{
	int part = 0;           /* integer, fraction, exponent */

	memset(p, 0, sizeof(*p));
	while (f < end) {
		const OLECHAR *lit = fmt_skip_literal(f, end);

		if (lit != f) {
			f = lit;
			continue;
		}
		if (is_place(*f))
			scan_place(p, *f, part);
		else if (*f == '.' && part == 0)
			part = 1;
		else if (*f == ',' && part == 0 && f + 1 < end && is_place(f[1]) && p->int_places)
			p->group = TRUE;
		else if (*f == '%')
			p->percent = TRUE;
		else if ((*f == 'E' || *f == 'e') && part < 2 && f + 1 < end &&
			 (f[1] == '+' || f[1] == '-')) {
			p->exp_char = *f;
			part = 2;
			f++;
		}
		f++;
	}
}

/* The digits being placed, with where each part starts. */
struct num_state {
	const struct fmt_ctx *ctx;
	const struct num_pattern *p;
	char ints[340];         /* the integer digits, padded to int_min */
	int nints, next_int, int_slot;
	struct decimal x;
	int frac_keep, frac_slot, exponent;
	BOOL exp_done;
};

static void put_int_digit(struct num_state *s, struct fmt_out *o)
{
	int left = s->nints - s->next_int - 1;     /* digits after this one */

	fmt_put(o, s->ints[s->next_int++]);
	if (s->p->group && left > 0 && left % 3 == 0)
		fmt_put(o, s->ctx->thousand);
}

/* An integer placeholder: the excess digits at the first, then one digit
 * per placeholder, right-aligned. */
static void put_int_place(struct num_state *s, struct fmt_out *o)
{
	int slot = s->int_slot++;
	int shown = s->nints < s->p->int_places ? s->nints : s->p->int_places;

	if (slot == 0)
		while (s->nints - s->next_int > s->p->int_places)
			put_int_digit(s, o);
	if (slot >= s->p->int_places - shown)
		put_int_digit(s, o);
}

static void put_exponent(struct num_state *s, struct fmt_out *o)
{
	OLECHAR buf[16];
	int e = s->exponent < 0 ? -s->exponent : s->exponent;

	crt_snwprintf(buf, 16, L"%0*d", s->p->exp_min ? s->p->exp_min : 1, e);
	fmt_puts(o, buf);
	s->exp_done = TRUE;
}

static void put_place(struct num_state *s, int part, struct fmt_out *o)
{
	if (part == 0) {
		put_int_place(s, o);
	} else if (part == 1) {
		int j = s->frac_slot++;

		if (j < s->frac_keep)
			fmt_put(o, digit_at(&s->x, s->x.pt + j));
	} else if (!s->exp_done) {
		put_exponent(s, o);
	}
}

static const OLECHAR *put_exp_mark(struct num_state *s, const OLECHAR *f, const OLECHAR *end,
				   struct fmt_out *o)
{
	fmt_put(o, *f);
	if (s->exponent < 0)
		fmt_put(o, '-');
	else if (f[1] == '+')
		fmt_put(o, '+');
	f += 2;
	if (f >= end || !is_place(*f))
		put_exponent(s, o);     /* no placeholders: the digits it takes */
	return f;
}

static void emit(struct num_state *s, const OLECHAR *f, const OLECHAR *end, struct fmt_out *o)
{
	int part = 0;

	while (f < end) {
		const OLECHAR *lit = fmt_skip_literal(f, end);

		if (lit != f) {
			fmt_put_literal(o, f, lit);
			f = lit;
		} else if (is_place(*f)) {
			put_place(s, part, o);
			f++;
		} else if (*f == '.' && part == 0) {
			while (!s->p->int_places && s->next_int < s->nints)
				put_int_digit(s, o);    /* no integer placeholders */
			fmt_put(o, s->ctx->decimal);
			part = 1;
			f++;
		} else if (*f == ',' && part == 0 && s->p->group && f + 1 < end && is_place(f[1])) {
			f++;
		} else if (*f == s->p->exp_char && part < 2 && f + 1 < end && (f[1] == '+' || f[1] == '-')) {
			f = put_exp_mark(s, f, end, o);
			part = 2;
		} else {
			fmt_put(o, *f++);
		}
	}
}

/* The integer digits: those of the value, padded with zeros to int_min. */
static void integer_digits(struct num_state *s)
{
	int pad = s->p->int_min - (s->x.pt > 0 ? s->x.pt : 0);

	s->nints = 0;
	while (pad-- > 0 && s->nints < (int)sizeof(s->ints) / 2)
		s->ints[s->nints++] = '0';
	for (int i = 0; i < s->x.pt && s->nints < (int)sizeof(s->ints); i++)
		s->ints[s->nints++] = digit_at(&s->x, i);
}

/* Scientific notation: integer placeholders' worth of digits before the
 * point, the rest in the exponent. */
static void scale(struct num_state *s)
{
	int want = s->p->int_places;

	s->exponent = s->x.n ? s->x.pt - want : 0;
	if (s->x.n)
		s->x.pt = want;
	round_decimal(&s->x, s->p->frac_places);
	if (s->x.n && s->x.pt > want) {     /* rounded up to one more digit */
		s->x.pt = want;
		s->exponent++;
	}
}

void fmt_number(const struct fmt_ctx *c, const OLECHAR *fmt, const OLECHAR *end, double v,
		BOOL sign, struct fmt_out *o)
{
	struct num_pattern p;
	struct num_state s;

	scan_pattern(fmt, end, &p);
	memset(&s, 0, sizeof(s));
	s.ctx = c;
	s.p = &p;
	to_decimal(p.percent ? v * 100 : v, &s.x);
	if (p.exp_char)
		scale(&s);
	else
		round_decimal(&s.x, p.frac_places);
	integer_digits(&s);
	s.frac_keep = p.frac_min;
	for (int j = p.frac_places; j > p.frac_min; j--)
		if (digit_at(&s.x, s.x.pt + j - 1) != '0') {
			s.frac_keep = j;
			break;
		}
	if (sign && v < 0)
		fmt_put(o, '-');
	emit(&s, fmt, end, o);
}

void fmt_plain(double v, struct fmt_out *o)
{
	static const OLECHAR pattern[] = L"0.###############";
	struct fmt_ctx c = { LOCALE_INVARIANT, 0, '.', ',', ':', '/' };

	fmt_number(&c, pattern, pattern + ARRAYSIZE(pattern) - 1, v, TRUE, o);
	if (o->n && o->buf[o->n - 1] == '.')
		o->n--;
	o->buf[o->n] = 0;
}
