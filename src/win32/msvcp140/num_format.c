/*
 * The text of a number as num_put makes it: integers in the base the
 * flags say (a sign or showpos's '+' in decimal, showbase's 0x or 0),
 * floating point numbers in fixed, scientific, hexfloat or general form
 * with the precision (6 when it is 0 but in fixed), bool as a number or
 * with boolalpha the locale's names, pointers as %p; then the stream
 * locale's numpunct: its decimal point for '.', its thousands separator
 * between the groups of the digits after the sign and any 0x.
 */
#include "msvcp140/num_format.h"

static void punctuate(struct numtext *t, const struct ios_base *b, BOOL wide, const char *text, int len,
		      int digits_at, int ndigits)
{
	struct numpunct_values punct;

	numpunct_read(b->ploc, wide, &punct);
	t->len = numpunct_apply(&punct, text, len, digits_at, ndigits, t->text, NUMPUNCT_TEXT);
	t->pad_at = digits_at;
}

/* An octal base's 0 is a digit, grouped with the others. */
void numtext_unsigned(struct numtext *t, const struct ios_base *b, BOOL wide, ULONGLONG value, BOOL negative)
{
	int fl = b->fmtfl, base = fl & FMT_BASE, len, prefix = 0;
	char buf[40];
	const char *conv = base == FMT_HEX ? (fl & FMT_UPPERCASE ? "%llX" : "%llx") :
			   base == FMT_OCT ? ((fl & FMT_SHOWBASE) && value ? "0%llo" : "%llo") : "%llu";

	if (base == FMT_HEX || base == FMT_OCT)
		negative = FALSE;
	if (negative || ((fl & FMT_SHOWPOS) && base != FMT_HEX && base != FMT_OCT))
		buf[prefix++] = negative ? '-' : '+';
	if ((fl & FMT_SHOWBASE) && base == FMT_HEX && value) {
		buf[prefix++] = '0';
		buf[prefix++] = fl & FMT_UPPERCASE ? 'X' : 'x';
	}
	len = prefix + msvcp_format(buf + prefix, sizeof(buf) - prefix, conv, value);
	punctuate(t, b, wide, buf, len, prefix, len - prefix);
}

void numtext_signed(struct numtext *t, const struct ios_base *b, BOOL wide, LONGLONG v, ULONGLONG bits)
{
	int base = b->fmtfl & FMT_BASE;

	if (base == FMT_HEX || base == FMT_OCT)
		numtext_unsigned(t, b, wide, (ULONGLONG)v & bits, FALSE);
	else
		numtext_unsigned(t, b, wide, v < 0 ? 0 - (ULONGLONG)v : (ULONGLONG)v, v < 0);
}

void numtext_bool(struct numtext *t, const struct ios_base *b, BOOL wide, BOOLEAN v)
{
	struct numpunct_values punct;

	if (!(b->fmtfl & FMT_BOOLALPHA)) {
		numtext_unsigned(t, b, wide, v != 0, FALSE);
		return;
	}
	numpunct_read(b->ploc, wide, &punct);
	t->len = punct.namelen[v != 0];
	memcpy(t->text, punct.names[v != 0], (t->len + 1) * sizeof(WCHAR));
	t->pad_at = 0;
}

/* printf's format for the flags: %[+][#][.*]f/e/E/a/A/g/G */
static BOOL double_format(int fl, char *fmt)
{
	int ff = fl & FMT_FLOAT, up = fl & FMT_UPPERCASE, n = 0;

	fmt[n++] = '%';
	if (fl & FMT_SHOWPOS)
		fmt[n++] = '+';
	if (fl & FMT_SHOWPOINT)
		fmt[n++] = '#';
	if (ff != (FMT_FIXED | FMT_SCIENTIFIC)) {
		fmt[n++] = '.';
		fmt[n++] = '*';
	}
	fmt[n++] = ff == FMT_FIXED ? 'f' : ff == FMT_SCIENTIFIC ? (up ? 'E' : 'e') :
		   ff ? (up ? 'A' : 'a') : (up ? 'G' : 'g');
	fmt[n] = 0;
	return ff != (FMT_FIXED | FMT_SCIENTIFIC);
}

void numtext_double(struct numtext *t, const struct ios_base *b, BOOL wide, double v)
{
	int fl = b->fmtfl, ff = fl & FMT_FLOAT, len, sign, digits_at, ndigits;
	LONGLONG prec = b->prec <= 0 && ff != FMT_FIXED ? 6 : b->prec;
	char fmt[16], buf[512];

	if (prec > 100)
		prec = 100;
	len = double_format(fl, fmt) ? msvcp_format(buf, sizeof(buf), fmt, (int)prec, v)
				     : msvcp_format(buf, sizeof(buf), fmt, v);
	if (len < 0 || len >= (int)sizeof(buf))
		len = 0;
	sign = len && (buf[0] == '-' || buf[0] == '+');
	digits_at = sign + (len > sign + 1 && buf[sign] == '0' && (buf[sign + 1] | 0x20) == 'x' ? 2 : 0);
	for (ndigits = 0; digits_at + ndigits < len; ndigits++)
		if (buf[digits_at + ndigits] < '0' || buf[digits_at + ndigits] > '9')
			break;
	punctuate(t, b, wide, buf, len, digits_at, ndigits);
}

void numtext_pointer(struct numtext *t, const struct ios_base *b, BOOL wide, const void *p)
{
	char buf[24];

	t->len = msvcp_format(buf, sizeof(buf), "%p", p);
	for (int i = 0; i < t->len; i++)
		t->text[i] = (unsigned char)buf[i];
	t->pad_at = 0;
}

LONGLONG numtext_padding(const struct numtext *t, const struct ios_base *b, int *before)
{
	int adjust = b->fmtfl & FMT_ADJUST;

	*before = adjust == FMT_LEFT ? t->len : adjust == FMT_INTERNAL ? t->pad_at : 0;
	return b->wide > t->len ? b->wide - t->len : 0;
}
