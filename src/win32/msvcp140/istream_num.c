/*
 * basic_istream's extractors of numbers, bool and pointers (operator>>),
 * char and wchar_t, as num_get reads them in the "C" locale: the sentry
 * skips white space, then the longest field that can be a number of the
 * kind (an integer in the base the flags say, 0x/0 prefixes when the base
 * is left open; a decimal floating point number), which the C runtime's
 * strtoll/strtoull/strtod converts.  The stream locale's numpunct gives
 * the decimal point, the names of true and false, and the thousands
 * separator, taken between the digits of an integer part when the locale
 * groups digits: a separator with no digit before it ends the field, and
 * groups that do not match the grouping (the last one exactly, the first
 * one at most its size) make the field a failure, as num_get has it.  No digits is a failure leaving 0;
 * an integer out of the type's range is a failure leaving its nearest
 * limit ([facet.num.get.virtuals] stage 3), a floating point one leaves 0
 * (msvcp140's way); reaching the end of the input sets eofbit.  The manipulator forms call the function given.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/numpunct.h"
#include "msvcp140/ucrt.h"

enum { FIELD_MAX = 128 };   /* longer fields are out of range anyway */

struct field {
	char text[FIELD_MAX];
	int len;
	BOOL too_long;
	BOOL bad_groups;    /* separators where the grouping has none */
};

/* What a reader reads from: the buffer, its width, the format flags and
 * the stream locale's punctuation. */
struct numin {
	struct streambuf *sb;
	BOOL wide;
	int fmtfl;
	struct numpunct_values punct;
};

static void keep(struct field *f, int c)
{
	if (f->len < FIELD_MAX - 1)
		f->text[f->len++] = (char)c;
	else
		f->too_long = TRUE;
	f->text[f->len] = 0;
}

static BOOL is_digit(int c, int base)
{
	if (base == 16)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	return c >= '0' && c < '0' + (base == 8 ? 8 : 10);
}

/* Whether the group sizes (left to right, the last still open) agree
 * with the grouping: from the right, each group its size (the last size
 * repeating), the leftmost one at most that; a size of 0 or less or
 * CHAR_MAX lets the group before it be any length. */
static BOOL groups_match(const char *grouping, const int *groups, int n)
{
	const char *g = grouping;

	for (int i = n - 1; i >= 0; i--) {
		if (*g <= 0 || *g == 0x7f)
			return i == 0;
		if (i ? groups[i] != *g : groups[i] > *g)
			return FALSE;
		if (g[1])
			g++;
	}
	return TRUE;
}

/* A run of digits, with the locale's separators between groups when it
 * groups digits; the character after it. */
static int get_digits(const struct numin *in, struct field *f, int c, int base, int *digits)
{
	const char *grouping = in->punct.grouping;
	BOOL grouped = grouping[0] > 0 && grouping[0] != 0x7f;
	int groups[FIELD_MAX], n = 0;

	groups[0] = 0;
	for (;; c = istream_in_nextc(in->sb, in->wide)) {
		if (c != CHAR_EOF && is_digit(c, base)) {
			keep(f, c);
			(*digits)++;
			groups[n]++;
		} else if (grouped && c == in->punct.thousands_sep && groups[n] && n < FIELD_MAX - 1) {
			groups[++n] = 0;
		} else {
			break;
		}
	}
	if (n && !groups_match(grouping, groups, n + 1))
		f->bad_groups = TRUE;
	return c;
}

/* Sign, prefix and digits of an integer: the base it is in, 0 when no
 * digit came.  c is the buffer's current character; the last one looked
 * at stays there. */
static int get_int_field(const struct numin *in, struct field *f, int *last)
{
	struct streambuf *sb = in->sb;
	BOOL wide = in->wide;
	int basefield = in->fmtfl & FMT_BASE, c = istream_in_getc(sb, wide), digits = 0;
	int base = basefield == FMT_OCT ? 8 : basefield == FMT_HEX ? 16 : basefield == 0 ? 0 : 10;

	if (c == '+' || c == '-') {
		keep(f, c);
		c = istream_in_nextc(sb, wide);
	}
	if (c == '0' && (base == 0 || base == 16)) {
		digits = 1;
		keep(f, c);
		c = istream_in_nextc(sb, wide);
		if (c == 'x' || c == 'X') {
			digits = 0;
			base = 16;
			keep(f, c);
			c = istream_in_nextc(sb, wide);
		} else if (base == 0) {
			base = 8;
		}
	}
	if (!base)
		base = 10;
	*last = get_digits(in, f, c, base, &digits);
	return digits ? base : 0;
}

/* [sign] digits [point digits] [e [sign] digits]: whether any digit came
 * (the point kept as '.' for strtod). */
static BOOL get_float_field(const struct numin *in, struct field *f, int *last)
{
	struct streambuf *sb = in->sb;
	BOOL wide = in->wide;
	int c = istream_in_getc(sb, wide), digits = 0;

	if (c == '+' || c == '-') {
		keep(f, c);
		c = istream_in_nextc(sb, wide);
	}
	c = get_digits(in, f, c, 10, &digits);
	if (c == in->punct.decimal_point) {
		keep(f, '.');
		for (c = istream_in_nextc(sb, wide); c >= '0' && c <= '9'; c = istream_in_nextc(sb, wide), digits++)
			keep(f, c);
	}
	if (digits && (c == 'e' || c == 'E')) {
		keep(f, c);
		c = istream_in_nextc(sb, wide);
		if (c == '+' || c == '-') {
			keep(f, c);
			c = istream_in_nextc(sb, wide);
		}
		for (; c >= '0' && c <= '9'; c = istream_in_nextc(sb, wide))
			keep(f, c);
	}
	*last = c;
	return digits != 0;
}

static int *crt_errno(void)
{
	static int none;
	int *(__cdecl *fn)(void) = msvcp_ucrt_proc("_errno");

	return fn ? fn() : &none;
}

enum { ERANGE_ = 34 };

/* The sentry, then the field; the state to add (failbit when the sentry
 * or the field fails, eofbit at the end of the input). */
typedef int (*reader)(const struct numin *in, void *out);

static struct istream *extract(struct istream *is, BOOL wide, reader read, void *out)
{
	struct basic_ios *ios = istream_ios(is);
	struct numin in = { ios->strbuf, wide, ios->base.fmtfl };
	int state;

	if (!(wide ? wistream_ipfx(is, FALSE) : istream_ipfx(is, FALSE)))
		return is;
	numpunct_read(ios->base.ploc, wide, &in.punct);
	state = read(&in, out);
	if (state)
		ios_setstate(ios, state, FALSE);
	return is;
}

/* A signed integer in [min, max]. */
static int read_signed(const struct numin *in, LONGLONG min, LONGLONG max, LONGLONG *v)
{
	LONGLONG (__cdecl *strtoll_)(const char *, char **, int) = msvcp_ucrt_proc("_strtoi64");
	struct field f = { { 0 } };
	int last, base = get_int_field(in, &f, &last), state = last == CHAR_EOF ? IOS_EOF : 0;
	LONGLONG n;

	*v = 0;
	if (!base || !strtoll_ || f.bad_groups)
		return state | IOS_FAIL;
	*crt_errno() = 0;
	n = strtoll_(f.text, NULL, base);
	if (*crt_errno() == ERANGE_ || f.too_long || n < min || n > max) {
		*v = f.text[0] == '-' ? min : max;
		return state | IOS_FAIL;
	}
	*v = n;
	return state;
}

/* An unsigned integer up to max ("-1" is the largest, as strtoull has it). */
static int read_unsigned(const struct numin *in, ULONGLONG max, ULONGLONG *v)
{
	ULONGLONG (__cdecl *strtoull_)(const char *, char **, int) = msvcp_ucrt_proc("_strtoui64");
	struct field f = { { 0 } };
	int last, base = get_int_field(in, &f, &last), state = last == CHAR_EOF ? IOS_EOF : 0;
	ULONGLONG n;

	*v = 0;
	if (!base || !strtoull_ || f.bad_groups)
		return state | IOS_FAIL;
	*crt_errno() = 0;
	n = strtoull_(f.text, NULL, base);
	if (f.text[0] == '-' && max != ~0ULL)
		n = (ULONGLONG)-(LONGLONG)n & max;
	if (*crt_errno() == ERANGE_ || f.too_long || n > max) {
		*v = max;
		return state | IOS_FAIL;
	}
	*v = n;
	return state;
}

#define SIGNED_READER(name, type, min, max) \
	static int name(const struct numin *in, void *out) \
	{ \
		LONGLONG v; \
		int state = read_signed(in, min, max, &v); \
		*(type *)out = (type)v; \
		return state; \
	}
#define UNSIGNED_READER(name, type, max) \
	static int name(const struct numin *in, void *out) \
	{ \
		ULONGLONG v; \
		int state = read_unsigned(in, max, &v); \
		*(type *)out = (type)v; \
		return state; \
	}

SIGNED_READER(read_short, short, -0x8000, 0x7fff)
SIGNED_READER(read_int, int, -0x7fffffffLL - 1, 0x7fffffff)
SIGNED_READER(read_int64, LONGLONG, (LONGLONG)(~0ULL >> 1) * -1 - 1, (LONGLONG)(~0ULL >> 1))
UNSIGNED_READER(read_ushort, unsigned short, 0xffff)
UNSIGNED_READER(read_uint, unsigned int, 0xffffffffULL)
UNSIGNED_READER(read_uint64, ULONGLONG, ~0ULL)

/* A pointer: hexadecimal, as %p writes it. */
static int read_pointer(const struct numin *in, void *out)
{
	struct numin hex = *in;
	ULONGLONG v;
	int state;

	hex.fmtfl = (in->fmtfl & ~FMT_BASE) | FMT_HEX;
	state = read_unsigned(&hex, ~0ULL, &v);

	*(void **)out = (void *)(ULONG_PTR)v;
	return state;
}

/* bool: 0 or 1 (another number is true and a failure), or with
 * boolalpha the longest match of the locale's falsename or truename. */
static int read_bool(const struct numin *in, void *out)
{
	const WCHAR (*names)[NUMPUNCT_MAX] = in->punct.names;
	struct streambuf *sb = in->sb;
	BOOL wide = in->wide, alive[2] = { in->punct.namelen[0] > 0, in->punct.namelen[1] > 0 };
	int c = istream_in_getc(sb, wide), n = 0, state;
	LONGLONG v;

	if (!(in->fmtfl & FMT_BOOLALPHA)) {
		state = read_signed(in, -0x7fffffffLL - 1, 0x7fffffff, &v);
		*(BOOLEAN *)out = v != 0;
		return v == 0 || v == 1 ? state : state | IOS_FAIL;
	}
	for (; c != CHAR_EOF; c = istream_in_nextc(sb, wide), n++) {
		BOOL any = FALSE;

		for (int i = 0; i < 2; i++) {
			alive[i] = alive[i] && n < in->punct.namelen[i] && names[i][n] == c;
			any |= alive[i];
		}
		if (!any)
			break;
		if ((alive[0] && n + 1 == in->punct.namelen[0]) || (alive[1] && n + 1 == in->punct.namelen[1])) {
			*(BOOLEAN *)out = alive[1];
			return istream_in_nextc(sb, wide) == CHAR_EOF ? IOS_EOF : 0;
		}
	}
	*(BOOLEAN *)out = FALSE;
	return (c == CHAR_EOF ? IOS_EOF : 0) | IOS_FAIL;
}

/* A floating point number; out of range is a failure leaving 0, as
 * msvcp140 has it. */
static int read_real(const struct numin *in, double *v)
{
	double (__cdecl *strtod_)(const char *, char **) = msvcp_ucrt_proc("strtod");
	struct field f = { { 0 } };
	int last, state;
	BOOL digits = get_float_field(in, &f, &last);

	state = last == CHAR_EOF ? IOS_EOF : 0;
	*v = 0;
	if (!digits || !strtod_ || f.too_long || f.bad_groups)
		return state | IOS_FAIL;
	*crt_errno() = 0;
	*v = strtod_(f.text, NULL);
	if (*crt_errno() != ERANGE_)
		return state;
	*v = 0;
	return state | IOS_FAIL;
}

static int read_double(const struct numin *in, void *out)
{
	return read_real(in, out);
}

static int read_float(const struct numin *in, void *out)
{
	double v;
	int state = read_real(in, &v);

	if (!(state & IOS_FAIL) && (v > 3.402823466e+38 || v < -3.402823466e+38)) {
		state |= IOS_FAIL;
		v = 0;
	}
	*(float *)out = (float)v;
	return state;
}

#define EXTRACTORS(kind, type, read) \
	struct istream *__cdecl istream_get_##kind(struct istream *is, type *v) { return extract(is, FALSE, read, v); } \
	struct istream *__cdecl wistream_get_##kind(struct istream *is, type *v) { return extract(is, TRUE, read, v); }

EXTRACTORS(short, short, read_short)
EXTRACTORS(ushort, unsigned short, read_ushort)
EXTRACTORS(int, int, read_int)
EXTRACTORS(uint, unsigned int, read_uint)
EXTRACTORS(int64, LONGLONG, read_int64)
EXTRACTORS(uint64, ULONGLONG, read_uint64)
EXTRACTORS(float, float, read_float)
EXTRACTORS(double, double, read_double)
EXTRACTORS(bool, BOOLEAN, read_bool)
EXTRACTORS(pointer, void *, read_pointer)

