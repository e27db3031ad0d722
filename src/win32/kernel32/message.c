/*
 * FormatMessageA/W: system messages from message_table.def or a caller
 * string (FORMAT_MESSAGE_FROM_STRING); inserts %1..%99 with the printf
 * forms !s! !S! !d! !i! !u! !x! !X! !c! (and their l/I64 variants); escapes
 * %0 %n %t %space %. %! %%; FORMAT_MESSAGE_ALLOCATE_BUFFER (LocalAlloc)
 * and FORMAT_MESSAGE_IGNORE_INSERTS; message tables of modules
 * (FROM_HMODULE, message_module.c); the line width (message_wrap.c, and
 * 0xFF: the source's line breaks become spaces).
 */
#include <stdarg.h>
#include "k32_private.h"

#define MAX_INSERTS 99
#ifndef ERROR_NO_WORK_DONE
#define ERROR_NO_WORK_DONE 235
#endif

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
	SIZE_T limit;       /* stop formatting at this length (0: never), as
			     * FormatMessageW does at the end of the caller's
			     * buffer: the inserts after it are not read */
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

	/* s and c are of the call's width, S and C of the other; an l or w
	 * prefix makes them wide, h narrow */
	BOOL w = (conv == 's' || conv == 'c') == (unicode != 0);

	if (n >= 2 && (spec[n - 2] == 'l' || spec[n - 2] == 'w'))
		w = TRUE;
	if (n >= 2 && spec[n - 2] == 'h')
		w = FALSE;
	if (conv == 's' || conv == 'S') {
		if (!arg)
			return out_a(o, "(null)", 6);
		return w ? out_w(o, (const WCHAR *)arg, wcslen((const WCHAR *)arg)) :
			   out_a(o, (const char *)arg, strlen((const char *)arg));
	}
	if (conv == 'c' || conv == 'C') {
		WCHAR c = w ? (WCHAR)arg : (BYTE)arg;
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
	BOOL text = conv == 's' || conv == 'S' || conv == 'c' || conv == 'C';
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
	int fetched;                 /* va_list arguments read into v */
	int last;                    /* the highest argument used */
	int star[MAX_INSERTS + 1];   /* where each insert's '*' arguments start */
} fmt_args;

static ULONG_PTR get_arg(fmt_args *a, int n)
{
	if (n > MAX_INSERTS)
		n = MAX_INSERTS;
	if (n > a->last)
		a->last = n;
	if (a->array)
		return a->array[n - 1];
	while (a->va && a->fetched < n)
		a->v[++a->fetched] = va_arg(*a->va, ULONG_PTR);
	return a->v[n];
}

/* The argument the next '*' of insert n takes.  The first '*' takes the
 * insert's own argument, or the one after the last used if an earlier
 * insert took that one (Windows 10: "%1!*.*u!,%3!*.*u!" with 5,3,1,6,4,2
 * prints "  001,  0002"); an insert used again starts where it started
 * the first time; the others take the next unused argument. */
static int star_index(fmt_args *a, int n, BOOL *started)
{
	if (*started)
		return a->last + 1;
	*started = TRUE;
	if (!a->star[n])
		a->star[n] = n > a->last ? n : a->last + 1;
	return a->star[n];
}

/* A number of the spec, or '*': the value of an argument (star_index). */
static int spec_number(const WCHAR **p, fmt_args *args, int n, BOOL *started)
{
	int v = 0;

	if (**p == '*') {
		(*p)++;
		v = (int)get_arg(args, star_index(args, n, started));
		return v < 0 ? 0 : v;
	}
	while (**p >= '0' && **p <= '9' && v < 100000)
		v = v * 10 + (*(*p)++ - '0');
	return v;
}

/* Parses [flags][width][.precision]conversion of the spec [p, end);
 * returns the argument that holds the value. */
static int parse_spec(fmt_spec *sp, const WCHAR *p, const WCHAR *end, fmt_args *args, int n)
{
	BOOL started = FALSE;

	for (; p < end && (*p == '-' || *p == '0' || *p == '+' || *p == ' ' || *p == '#'); p++) {
		if (*p == '-')
			sp->left = TRUE;
		if (*p == '0')
			sp->zero = TRUE;
	}
	sp->width = spec_number(&p, args, n, &started);
	if (p < end && *p == '.') {
		p++;
		sp->precision = spec_number(&p, args, n, &started);
	}
	sp->conv = p;
	sp->nconv = p < end ? (SIZE_T)(end - p) : 0;
	if (!sp->nconv)
		sp->conv = L"s", sp->nconv = 1;
	n = started ? args->last + 1 : n;
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
	case 0: return -1; /* a lone '%' at the end */
	}
	if (flags & FORMAT_MESSAGE_IGNORE_INSERTS) /* "%%", "%.", "% " kept as written */
		return out_w(o, s, 2) ? 2 : -1;
	return out_w(o, s + 1, 1) ? 2 : -1;
}

/* A line break of the source text (CR LF, CR or LF): its length, else 0. */
static int source_break(const WCHAR *s)
{
	if (s[0] == '\r')
		return s[1] == '\n' ? 2 : 1;
	return s[0] == '\n';
}

/* Without a line width, each line break of the source becomes CR LF;
 * with one (FORMAT_MESSAGE_MAX_WIDTH_MASK bits), a space, and only %n and
 * %r break lines (wrap_lines then cuts them to the width). */
static BOOL format(fmt_out *o, const WCHAR *s, fmt_args *args, DWORD flags, BOOL unicode)
{
	DWORD width = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK;

	while (*s && !(o->limit && o->len >= o->limit)) {
		int n = source_break(s);

		if (n) {
			if (!(width ? out_a(o, " ", 1) : out_a(o, "\r\n", 2)))
				return FALSE;
			s += n;
			continue;
		}
		if (*s != '%') {
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

static WCHAR *system_message(DWORD id)
{
	/* an HRESULT of FACILITY_WIN32 is the Win32 error it wraps */
	if ((id & 0xFFFF0000) == 0x80070000)
		id &= 0xFFFF;
	for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++) {
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

/* The source text as a heap UTF-16 string: the caller's string (which
 * wins over the other sources), the module's message, the system's. */
static WCHAR *message_source(DWORD flags, LPCVOID src, DWORD id, DWORD lang, BOOL unicode)
{
	WCHAR *w;

	if (flags & FORMAT_MESSAGE_FROM_STRING) {
		if (!src)
			return k32_error(ERROR_INVALID_PARAMETER), NULL;
		if (unicode) {
			SIZE_T n = (wcslen(src) + 1) * sizeof(WCHAR);
			w = RtlAllocateHeap(k32_heap(), 0, n);
			if (w)
				memcpy(w, src, n);
			return w;
		}
		return k32_a_to_w(src);
	}
	if (flags & FORMAT_MESSAGE_FROM_HMODULE) {
		if ((w = k32_module_message((HMODULE)src, id, lang)) ||
		    !(flags & FORMAT_MESSAGE_FROM_SYSTEM))
			return w;
	}
	return system_message(id);
}

/* Formats into a heap UTF-16 buffer (*result, *len units, NUL-terminated),
 * wrapped to the line width.  FALSE with the last error set; *result then
 * holds what was formatted before the error, if anything. */
static BOOL format_message(DWORD flags, LPCVOID src, DWORD id, DWORD lang, va_list *va,
			  DWORD limit, BOOL unicode, WCHAR **result, DWORD *len)
{
	fmt_args args = { .va = va };
	fmt_out o = { .limit = limit };
	DWORD width = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK;
	WCHAR *text = message_source(flags, src, id, lang, unicode), *wrapped;
	SIZE_T n;
	BOOL ok;

	*result = NULL;
	*len = 0;
	if (!text)
		return FALSE;
	if (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) {
		args.array = (const DWORD_PTR *)va;
		args.va = NULL;
	}
	ok = format(&o, text, &args, flags, unicode);
	k32_free(text);
	if (!out_w(&o, L"", 1)) {
		k32_free(o.buf);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	n = o.len - 1;
	if (ok && width && width != FORMAT_MESSAGE_MAX_WIDTH_MASK && n) {
		wrapped = k32_wrap_lines(o.buf, n, width, &n);
		k32_free(o.buf);
		if (!(o.buf = wrapped))
			return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	*result = o.buf;
	*len = (DWORD)n;
	if (!ok)
		return k32_error(ERROR_INVALID_PARAMETER);
	return n ? TRUE : k32_error(ERROR_NO_WORK_DONE);
}

/* A source is needed; with ALLOCATE_BUFFER the pointer is cleared first. */
static BOOL check_call(DWORD flags, void *buf)
{
	if ((flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) && buf)
		*(void **)buf = NULL;
	if (!(flags & (FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_FROM_HMODULE |
		       FORMAT_MESSAGE_FROM_SYSTEM)))
		return k32_error(ERROR_INVALID_PARAMETER);
	return TRUE;
}

/* n units of the text (and a NUL) in a LocalAlloc'd buffer of at least
 * size units, its address stored at buf; unit: 1 (A) or 2 (W). */
static DWORD deliver_allocated(const void *text, DWORD n, SIZE_T unit, void *buf, DWORD size)
{
	void *p = LocalAlloc(LMEM_FIXED, (n + 1 > size ? n + 1 : size) * unit);

	if (!p)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	memcpy(p, text, (n + 1) * unit);
	*(void **)buf = p;
	return n;
}

/* W writes into the caller's buffer as it goes: what was formatted before
 * an error stays there (without a NUL), a text too long for the buffer is
 * cut and NUL-terminated, an empty one leaves just the NUL. */
static DWORD deliver_w(BOOL ok, const WCHAR *w, DWORD n, WCHAR *buf, DWORD size)
{
	DWORD err = GetLastError();

	if (!ok) {
		if (w && n)
			memcpy(buf, w, (n < size ? n : size) * sizeof(WCHAR));
		else if (w && size && err == ERROR_NO_WORK_DONE)
			buf[0] = 0;
		return 0;
	}
	if (n < size) {
		memcpy(buf, w, (n + 1) * sizeof(WCHAR));
		return n;
	}
	if (size) {
		memcpy(buf, w, (size - 1) * sizeof(WCHAR));
		buf[size - 1] = 0;
	}
	return k32_error(ERROR_INSUFFICIENT_BUFFER);
}

K32API DWORD WINAPI FormatMessageW(DWORD flags, LPCVOID src, DWORD id, DWORD lang, LPWSTR buf,
				   DWORD size, va_list *args)
{
	WCHAR *w;
	DWORD n;
	BOOL ok;

	if (!check_call(flags, buf))
		return 0;
	if (!buf)
		return k32_error(ERROR_INVALID_PARAMETER);
	ok = format_message(flags, src, id, lang, args,
			    flags & FORMAT_MESSAGE_ALLOCATE_BUFFER ? 0 : size, TRUE, &w, &n);
	if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER)
		n = ok ? deliver_allocated(w, n, sizeof(WCHAR), buf, size) : 0;
	else
		n = deliver_w(ok, w, n, buf, size);
	k32_free(w);
	return n;
}

/* The A result is limited to 32766 characters: the W text it comes from
 * must fit Windows' 64 KB buffer with its NUL.  A leaves the caller's
 * buffer alone on every failure. */
#define FORMAT_A_MAX 32767

K32API DWORD WINAPI FormatMessageA(DWORD flags, LPCVOID src, DWORD id, DWORD lang, LPSTR buf,
				   DWORD size, va_list *args)
{
	WCHAR *w;
	char *a = NULL;
	DWORD n;

	if (!check_call(flags, buf))
		return 0;
	if ((flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) && !buf)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY); /* nowhere to put it */
	if (!format_message(flags, src, id, lang, args, 0, FALSE, &w, &n))
		n = 0;
	else if (n >= FORMAT_A_MAX)
		n = k32_error(ERROR_INVALID_PARAMETER);
	else if (!(a = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)n * 2 + 1)))
		n = k32_error(ERROR_NOT_ENOUGH_MEMORY);
	else
		k32_w_to_a(w, n, a);
	k32_free(w);
	if (!a)
		return 0;
	n = (DWORD)strlen(a);
	if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER)
		n = deliver_allocated(a, n, 1, buf, size);
	else if (!buf || n >= size)
		n = k32_error(ERROR_INSUFFICIENT_BUFFER);
	else
		memcpy(buf, a, n + 1);
	k32_free(a);
	return n;
}
