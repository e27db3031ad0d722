/*
 * FormatMessageA/W: system messages from message_table.def or a caller
 * string (FORMAT_MESSAGE_FROM_STRING); inserts %1..%99 with the printf
 * forms !s! !S! !d! !i! !u! !x! !X! !c! (and their l/I64 variants); escapes
 * %0 %n %t %space %. %! %%; FORMAT_MESSAGE_ALLOCATE_BUFFER (LocalAlloc)
 * and FORMAT_MESSAGE_IGNORE_INSERTS.  Message resources of modules
 * (FROM_HMODULE) are not supported yet.  Line-width control is ignored
 * except for the documented 0xFF: line breaks are dropped.
 */
#include <stdarg.h>
#include "k32_private.h"

#define MAX_INSERTS 99

static const struct {
	DWORD id;
	const char *text;
} messages[] = {
#define MESSAGE(id, text) { id, text },
#include "message_table.def"
#undef MESSAGE
};

typedef struct fmt_out {
	WCHAR *buf;
	SIZE_T len, max;
} fmt_out;

static BOOL out_grow(fmt_out *o, SIZE_T need)
{
	WCHAR *nb;
	SIZE_T max = o->max ? o->max : 256;

	if (o->len + need <= o->max)
		return TRUE;
	while (max < o->len + need)
		max *= 2;
	nb = o->buf ? RtlReAllocateHeap(k32_heap(), 0, o->buf, max * sizeof(WCHAR)) :
		      RtlAllocateHeap(k32_heap(), 0, max * sizeof(WCHAR));
	if (!nb)
		return FALSE;
	o->buf = nb;
	o->max = max;
	return TRUE;
}

static BOOL out_w(fmt_out *o, const WCHAR *s, SIZE_T n)
{
	if (!out_grow(o, n))
		return FALSE;
	memcpy(o->buf + o->len, s, n * sizeof(WCHAR));
	o->len += n;
	return TRUE;
}

static BOOL out_a(fmt_out *o, const char *s, SIZE_T n)
{
	SIZE_T i;

	if (!out_grow(o, n))
		return FALSE;
	for (i = 0; i < n; i++)
		o->buf[o->len++] = (BYTE)s[i];
	return TRUE;
}

/* A printf-style insert spec (the part between '!'): flags, width and
 * precision (-1: none), then the conversion with its size prefix. */
typedef struct fmt_spec {
	BOOL left, zero;
	int width, precision;
	const WCHAR *conv;  /* size prefix and conversion letter */
	SIZE_T nconv;
} fmt_spec;

/* Format one argument per its conversion, unpadded. */
static BOOL format_arg(fmt_out *o, const WCHAR *spec, SIZE_T n, ULONG_PTR arg, BOOL unicode)
{
	WCHAR conv = n ? spec[n - 1] : 's';
	BOOL wide64 = n >= 2 && (spec[0] == 'I' || spec[0] == 'l' || spec[0] == 'h' ? TRUE : FALSE);
	char num[24];

	if (conv == 's' || conv == 'S') {
		BOOL w = (conv == 's') == (unicode != 0);
		if (n >= 2 && spec[n - 2] == 'l')
			w = TRUE;
		if (n >= 2 && spec[n - 2] == 'h')
			w = FALSE;
		if (!arg)
			return out_a(o, "(null)", 6);
		return w ? out_w(o, (const WCHAR *)arg, wcslen((const WCHAR *)arg)) :
			   out_a(o, (const char *)arg, strlen((const char *)arg));
	}
	if (conv == 'c') {
		WCHAR c = (WCHAR)arg;
		return out_w(o, &c, 1);
	}
	if (!(wide64 && spec[0] == 'I'))
		arg = conv == 'd' || conv == 'i' ? (ULONG_PTR)(LONG_PTR)(LONG)arg : (ULONG)arg;
	if (conv == 'x')
		_ui64toa(arg, num, 16);
	else if (conv == 'X') {
		char *p;
		_ui64toa(arg, num, 16);
		for (p = num; *p; p++)
			if (*p >= 'a')
				*p = (char)(*p - 32);
	} else if (conv == 'd' || conv == 'i')
		_i64toa((LONGLONG)arg, num, 10);
	else
		_ui64toa(arg, num, 10);
	return out_a(o, num, strlen(num));
}

static BOOL out_fill(fmt_out *o, WCHAR c, int n)
{
	for (; n > 0; n--)
		if (!out_w(o, &c, 1))
			return FALSE;
	return TRUE;
}

/* The insert formatted, then cut to the precision (strings) or padded
 * with zeros to it (numbers), then padded to the width. */
static BOOL format_insert(fmt_out *o, const fmt_spec *sp, ULONG_PTR arg, BOOL unicode)
{
	WCHAR conv = sp->nconv ? sp->conv[sp->nconv - 1] : 's';
	BOOL text = conv == 's' || conv == 'S' || conv == 'c';
	fmt_out t = { 0 };
	SIZE_T len, digits_at = 0;
	int zeros = 0, pad;
	BOOL ok;

	if (!format_arg(&t, sp->conv, sp->nconv, arg, unicode)) {
		k32_free(t.buf);
		return FALSE;
	}
	len = t.len;
	if (text && sp->precision >= 0 && (SIZE_T)sp->precision < len)
		len = (SIZE_T)sp->precision;
	if (!text) {
		digits_at = len && t.buf[0] == '-';
		if (sp->precision >= 0 && (SIZE_T)sp->precision > len - digits_at)
			zeros = sp->precision - (int)(len - digits_at);
	}
	pad = sp->width - (int)len - zeros;
	if (!text && sp->zero && !sp->left && sp->precision < 0 && pad > 0)
		zeros += pad, pad = 0;
	ok = (sp->left || out_fill(o, ' ', pad)) && out_w(o, t.buf, digits_at) &&
	     out_fill(o, '0', zeros) && out_w(o, t.buf + digits_at, len - digits_at) &&
	     (!sp->left || out_fill(o, ' ', pad));
	k32_free(t.buf);
	return ok;
}

typedef struct fmt_args {
	ULONG_PTR v[MAX_INSERTS + 1];
	const DWORD_PTR *array;
	va_list *va;
	int fetched;
} fmt_args;

static ULONG_PTR get_arg(fmt_args *a, int n)
{
	if (a->array)
		return a->array[n - 1];
	while (a->va && a->fetched < n)
		a->v[++a->fetched] = va_arg(*a->va, ULONG_PTR);
	return a->v[n];
}

/* A number of the spec, or '*': the value of the next insert, as
 * documented (%1!*.*s! takes its width from %1, its precision from %2
 * and its text from %3). */
static int spec_number(const WCHAR **p, fmt_args *args, int *next)
{
	int v = 0;

	if (**p == '*') {
		(*p)++;
		v = (int)get_arg(args, (*next)++);
		return v < 0 ? 0 : v;
	}
	while (**p >= '0' && **p <= '9' && v < 100000)
		v = v * 10 + (*(*p)++ - '0');
	return v;
}

/* Parses [flags][width][.precision]conversion of the spec [p, end);
 * returns the insert that holds the value. */
static int parse_spec(fmt_spec *sp, const WCHAR *p, const WCHAR *end, fmt_args *args, int n)
{
	for (; p < end && (*p == '-' || *p == '0' || *p == '+' || *p == ' ' || *p == '#'); p++) {
		if (*p == '-')
			sp->left = TRUE;
		if (*p == '0')
			sp->zero = TRUE;
	}
	sp->width = spec_number(&p, args, &n);
	if (p < end && *p == '.') {
		p++;
		sp->precision = spec_number(&p, args, &n);
	}
	sp->conv = p;
	sp->nconv = p < end ? (SIZE_T)(end - p) : 0;
	if (!sp->nconv)
		sp->conv = L"s", sp->nconv = 1;
	return n > MAX_INSERTS ? MAX_INSERTS : n;
}

/* One '%' sequence at s[0] (s[0] == '%'); returns chars consumed, 0 on
 * end of message (%0), -1 on error. */
static int do_escape(fmt_out *o, const WCHAR *s, fmt_args *args, DWORD flags, BOOL unicode)
{
	int n, i = 1;

	if (s[1] >= '1' && s[1] <= '9') {
		fmt_spec sp = { FALSE, FALSE, 0, -1, L"s", 1 };
		n = s[i++] - '0';
		if (s[i] >= '0' && s[i] <= '9')
			n = n * 10 + (s[i++] - '0');
		if (s[i] == '!') {
			const WCHAR *end = wcschr(s + i + 1, '!');
			if (!end)
				return -1;
			if (!(flags & FORMAT_MESSAGE_IGNORE_INSERTS) && !args->array && !args->va)
				return -1;
			if (!(flags & FORMAT_MESSAGE_IGNORE_INSERTS))
				n = parse_spec(&sp, s + i + 1, end, args, n);
			i = (int)(end - s) + 1;
		}
		if (flags & FORMAT_MESSAGE_IGNORE_INSERTS)
			return out_w(o, s, (SIZE_T)i) ? i : -1;
		if (!args->array && !args->va)
			return -1;
		return format_insert(o, &sp, get_arg(args, n), unicode) ? i : -1;
	}
	switch (s[1]) {
	case '0': return 0;
	case 'n': return out_a(o, "\r\n", 2) ? 2 : -1;
	case 't': return out_a(o, "\t", 1) ? 2 : -1;
	case 'r': return out_a(o, "\r", 1) ? 2 : -1;
	case 0: return 1;
	}
	return out_w(o, s + 1, 1) ? 2 : -1;
}

static BOOL format(fmt_out *o, const WCHAR *s, fmt_args *args, DWORD flags, BOOL unicode)
{
	DWORD width = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK;

	while (*s) {
		int n;
		if (*s != '%') {
			if (width == 0xFF && (*s == '\r' || *s == '\n')) {
				s++;
				continue;
			}
			if (!out_w(o, s++, 1))
				return FALSE;
			continue;
		}
		n = do_escape(o, s, args, flags, unicode);
		if (n == 0)
			break;
		if (n < 0)
			return FALSE;
		s += n;
	}
	return TRUE;
}

/* The source text as a heap UTF-16 string. */
static WCHAR *message_source(DWORD flags, LPCVOID src, DWORD id, BOOL unicode)
{
	size_t i;

	if (flags & FORMAT_MESSAGE_FROM_STRING) {
		if (unicode) {
			SIZE_T n = (wcslen(src) + 1) * sizeof(WCHAR);
			WCHAR *w = RtlAllocateHeap(k32_heap(), 0, n);
			if (w)
				memcpy(w, src, n);
			return w;
		}
		return k32_a_to_w(src);
	}
	if (!(flags & FORMAT_MESSAGE_FROM_SYSTEM)) {
		k32_error(ERROR_RESOURCE_TYPE_NOT_FOUND);
		return NULL;
	}
	for (i = 0; i < sizeof(messages) / sizeof(messages[0]); i++) {
		if (messages[i].id == id) {
			SIZE_T n = strlen(messages[i].text);
			WCHAR *w = RtlAllocateHeap(k32_heap(), 0, (n + 3) * sizeof(WCHAR));
			if (w) {
				RtlMultiByteToUnicodeN(w, (ULONG)n * 2, NULL, messages[i].text, (ULONG)n);
				w[n] = '\r', w[n + 1] = '\n', w[n + 2] = 0;
			}
			return w;
		}
	}
	k32_error(ERROR_MR_MID_NOT_FOUND);
	return NULL;
}

/* Formats into a heap UTF-16 buffer; returns its length or 0 on error. */
static DWORD format_message(DWORD flags, LPCVOID src, DWORD id, va_list *va, BOOL unicode,
			    WCHAR **result)
{
	fmt_args args = { .va = va };
	fmt_out o = { 0 };
	WCHAR *text = message_source(flags, src, id, unicode);

	*result = NULL;
	if (!text)
		return 0;
	if (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) {
		args.array = (const DWORD_PTR *)va;
		args.va = NULL;
	}
	if (!format(&o, text, &args, flags, unicode) || !out_w(&o, L"", 1)) {
		k32_free(text);
		k32_free(o.buf);
		return k32_error(ERROR_INVALID_PARAMETER);
	}
	k32_free(text);
	*result = o.buf;
	return (DWORD)o.len - 1;
}

K32API DWORD WINAPI FormatMessageW(DWORD flags, LPCVOID src, DWORD id, DWORD lang, LPWSTR buf,
				   DWORD size, va_list *args)
{
	WCHAR *w;
	DWORD n = format_message(flags, src, id, args, TRUE, &w);

	if (!n) {
		k32_free(w);
		return 0;
	}
	if ((flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) && !buf) {
		k32_free(w);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY); /* nowhere to put it */
	}
	if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
		WCHAR *p = LocalAlloc(LMEM_FIXED, (n + 1 > size ? n + 1 : size) * sizeof(WCHAR));
		if (p)
			memcpy(p, w, (n + 1) * sizeof(WCHAR));
		*(WCHAR **)buf = p;
		k32_free(w);
		return p ? n : 0;
	}
	if (n >= size) {
		k32_free(w);
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	memcpy(buf, w, (n + 1) * sizeof(WCHAR));
	k32_free(w);
	return n;
}

K32API DWORD WINAPI FormatMessageA(DWORD flags, LPCVOID src, DWORD id, DWORD lang, LPSTR buf,
				   DWORD size, va_list *args)
{
	WCHAR *w;
	DWORD n = format_message(flags, src, id, args, FALSE, &w);

	if (!n) {
		k32_free(w);
		return 0;
	}
	if ((flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) && !buf) {
		k32_free(w);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY); /* nowhere to put it */
	}
	if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
		char *p = LocalAlloc(LMEM_FIXED, n + 1 > size ? n + 1 : size);
		if (p)
			k32_w_to_a(w, n, p);
		*(char **)buf = p;
		k32_free(w);
		return p ? n : 0;
	}
	if (n >= size) {
		k32_free(w);
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	k32_w_to_a(w, n, buf);
	k32_free(w);
	return n;
}
