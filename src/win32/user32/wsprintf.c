/*
 * wsprintf and wvsprintf, A and W: the documented subset of printf.
 *   %[-][#][0][width][.precision][h|l|I64|I32|I]type, type one of c C d i u x X
 *   s S p and %%; no floating point.  h forces the narrow form of c/s, l
 *   the wide form, C and S are the opposite of the function's own width.
 * At most 1024 characters are written, the NUL included (documented); the
 * result is the number written without the NUL.  One formatter serves
 * both widths; a character of the other width is converted through the
 * ANSI code page.
 */
#include "user32_private.h"
#include <stdarg.h>

#define WSPRINTF_MAX 1024

struct out {
	BOOL wide;      /* the function's width: W writes WCHARs */
	void *buf;
	int n;
};

/* One unit of the output's own width. */
static void put(struct out *o, unsigned c)
{
	if (o->n >= WSPRINTF_MAX - 1)
		return;
	if (o->wide)
		((WCHAR *)o->buf)[o->n++] = (WCHAR)c;
	else
		((char *)o->buf)[o->n++] = (char)c;
}

/* One character of width `wide` into the output. */
static void put_char(struct out *o, BOOL wide, unsigned c)
{
	WCHAR w;
	char a;

	if (wide == o->wide) {
		put(o, c);
	} else if (o->wide) {
		a = (char)c;
		put(o, MultiByteToWideChar(CP_ACP, 0, &a, 1, &w, 1) ? w : '?');
	} else {
		w = (WCHAR)c;
		put(o, WideCharToMultiByte(CP_ACP, 0, &w, 1, &a, 1, NULL, NULL) ? (BYTE)a : '?');
	}
}

struct spec {
	BOOL left, alt, zero, wide_arg, is64;
	int width, precision; /* precision -1: none */
	char type;
};

static void pad(struct out *o, int count, unsigned c)
{
	while (count-- > 0)
		put(o, c);
}

static void put_string(struct out *o, const struct spec *sp, const void *s)
{
	const WCHAR *w = s;
	const char *a = s;
	int len = 0;

	if (!s) {
		w = L"(null)";
		a = "(null)";
	}
	while ((sp->precision < 0 || len < sp->precision) && (sp->wide_arg ? w[len] : a[len]))
		len++;
	if (!sp->left)
		pad(o, sp->width - len, ' ');
	for (int i = 0; i < len; i++)
		put_char(o, sp->wide_arg, sp->wide_arg ? w[i] : (BYTE)a[i]);
	if (sp->left)
		pad(o, sp->width - len, ' ');
}

static void put_number(struct out *o, const struct spec *sp, ULONGLONG v, BOOL negative)
{
	const char *digits = sp->type == 'X' || sp->type == 'p' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = sp->type == 'x' || sp->type == 'X' || sp->type == 'p' ? 16 : 10;
	char tmp[24];
	int n = 0, len, prefix, zeros;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	len = n;
	prefix = negative ? 1 : (sp->alt && base == 16 && sp->type != 'p') ? 2 : 0;
	zeros = sp->precision > n ? sp->precision - n : 0;
	if (sp->zero && !sp->left && sp->precision < 0 && sp->width > n + prefix)
		zeros = sp->width - n - prefix;
	if (!sp->left)
		pad(o, sp->width - n - prefix - zeros, ' ');
	if (negative)
		put(o, '-');
	else if (prefix) {
		put(o, '0');
		put(o, sp->type);
	}
	pad(o, zeros, '0');
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, sp->width - len - prefix - zeros, ' ');
}

/* The format, read unit by unit whatever its width. */
struct fmt {
	BOOL wide;
	const void *p;
	int i;
};

/* The unit k places ahead (k is 0 or stops at the end). */
static unsigned ahead(const struct fmt *f, int k)
{
	for (int j = 0; j < k; j++)
		if (!(f->wide ? ((const WCHAR *)f->p)[f->i + j] : ((const char *)f->p)[f->i + j]))
			return 0;
	return f->wide ? ((const WCHAR *)f->p)[f->i + k] : (BYTE)((const char *)f->p)[f->i + k];
}

static unsigned peek(const struct fmt *f)
{
	return ahead(f, 0);
}

static unsigned next(struct fmt *f)
{
	unsigned c = peek(f);

	if (c)
		f->i++;
	return c;
}

static int number(struct fmt *f)
{
	int v = 0;

	while (peek(f) >= '0' && peek(f) <= '9')
		v = v * 10 + (next(f) - '0');
	return v;
}

/* Flags, width, precision and size after a '%'; sp->type is 0 at the end
 * of the format. */
static void parse_spec(struct fmt *f, struct spec *sp)
{
	memset(sp, 0, sizeof(*sp));
	sp->precision = -1;
	sp->wide_arg = f->wide;
	for (;; next(f)) {
		if (peek(f) == '-')
			sp->left = TRUE;
		else if (peek(f) == '#')
			sp->alt = TRUE;
		else if (peek(f) == '0')
			sp->zero = TRUE;
		else
			break;
	}
	sp->width = number(f);
	if (peek(f) == '.') {
		next(f);
		sp->precision = number(f);
	}
	if (peek(f) == 'h') {
		next(f);
		sp->wide_arg = FALSE;
	} else if (peek(f) == 'l') {
		next(f);
		sp->wide_arg = TRUE;
	} else if (peek(f) == 'I' && ahead(f, 1) == '6' && ahead(f, 2) == '4') {
		f->i += 3;
		sp->is64 = TRUE;
	} else if (peek(f) == 'I' && ahead(f, 1) == '3' && ahead(f, 2) == '2') {
		f->i += 3;
	} else if (peek(f) == 'I') { /* pointer-sized */
		next(f);
		sp->is64 = sizeof(void *) == 8;
	}
	sp->type = (char)next(f);
	if (sp->type == 'C' || sp->type == 'S') {
		sp->wide_arg = !f->wide;
		sp->type += 'a' - 'A';
	}
}

static void convert(struct out *o, const struct spec *sp, va_list *ap)
{
	LONGLONG v;

	switch (sp->type) {
	case 'c':
		if (!sp->left)
			pad(o, sp->width - 1, ' ');
		put_char(o, sp->wide_arg, (unsigned)va_arg(*ap, int) & (sp->wide_arg ? 0xFFFF : 0xFF));
		if (sp->left)
			pad(o, sp->width - 1, ' ');
		return;
	case 's':
		put_string(o, sp, va_arg(*ap, const void *));
		return;
	case 'd': case 'i':
		v = sp->is64 ? va_arg(*ap, LONGLONG) : va_arg(*ap, int);
		put_number(o, sp, v < 0 ? 0 - (ULONGLONG)v : (ULONGLONG)v, v < 0);
		return;
	case 'u': case 'x': case 'X':
		put_number(o, sp, sp->is64 ? va_arg(*ap, ULONGLONG) : va_arg(*ap, unsigned), FALSE);
		return;
	case 'p': {
		struct spec ps = *sp;

		ps.precision = 16;
		put_number(o, &ps, (ULONG_PTR)va_arg(*ap, void *), FALSE);
		return;
	}
	default: /* %% and any unknown type: the character itself */
		put(o, (BYTE)sp->type);
	}
}

static int format(BOOL wide, void *buf, const void *fmt, va_list ap)
{
	struct out o = { wide, buf, 0 };
	struct fmt f = { wide, fmt, 0 };
	struct spec sp;
	unsigned c;
	va_list args;

	va_copy(args, ap);
	while ((c = next(&f))) {
		if (c != '%') {
			put(&o, c);
			continue;
		}
		parse_spec(&f, &sp);
		if (!sp.type)
			break;
		convert(&o, &sp, &args);
	}
	va_end(args);
	if (wide)
		((WCHAR *)buf)[o.n] = 0;
	else
		((char *)buf)[o.n] = 0;
	return o.n;
}

int WINAPI wvsprintfA(LPSTR buf, LPCSTR fmt, va_list ap)
{
	return buf && fmt ? format(FALSE, buf, fmt, ap) : -1;
}

int WINAPI wvsprintfW(LPWSTR buf, LPCWSTR fmt, va_list ap)
{
	return buf && fmt ? format(TRUE, buf, fmt, ap) : -1;
}

int WINAPIV wsprintfA(LPSTR buf, LPCSTR fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = wvsprintfA(buf, fmt, ap);
	va_end(ap);
	return n;
}

int WINAPIV wsprintfW(LPWSTR buf, LPCWSTR fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = wvsprintfW(buf, fmt, ap);
	va_end(ap);
	return n;
}
