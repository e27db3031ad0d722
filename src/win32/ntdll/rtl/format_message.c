/*
 * RtlFormatMessage(Ex): the message formatter under FormatMessage.  Inserts
 * %1..%99 with the printf forms between '!' (s S c C d i u x X, the l w h
 * I64 I prefixes, flags, width and precision, '*' taking them from the
 * arguments); escapes %0 %n %r %t %space %. %! %%; the source's line
 * breaks as CR LF, or with a line width as spaces (then cut to the width,
 * format_wrap.c).  Arguments come from a va_list or an array of ULONG_PTR.
 */
#include "rtl_private.h"

#define MAX_INSERTS 99
#define FMT_IGNORE_INSERTS 0x200 /* FORMAT_MESSAGE_IGNORE_INSERTS */
#define FMT_WIDTH_MASK 0xFF      /* FORMAT_MESSAGE_MAX_WIDTH_MASK */

static void fmt_free(void *p)
{
	if (p)
		RtlFreeHeap(lsw_process_heap(), 0, p);
}

typedef struct fmt_out {
	WCHAR *buf;
	SIZE_T len, max;
	SIZE_T limit;       /* stop formatting once this long: the inserts
			     * after the end of the caller's buffer are not
			     * read (the one that crosses it is) */
	SIZE_T last_start;  /* where the last piece formatted starts */
	BOOL last_insert;   /* and whether it is an insert */
} fmt_out;

static BOOL out_grow(fmt_out *o, SIZE_T need)
{
	WCHAR *nb;
	SIZE_T max = o->max ? o->max : 256;

	if (o->len + need <= o->max)
		return TRUE;
	while (max < o->len + need)
		max *= 2;
	nb = o->buf ? RtlReAllocateHeap(lsw_process_heap(), 0, o->buf, max * sizeof(WCHAR)) :
		      RtlAllocateHeap(lsw_process_heap(), 0, max * sizeof(WCHAR));
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

/* A printf-style insert spec (the part between '!'), parsed as Windows'
 * printf parses "%" followed by it: flags, width and precision (-1:
 * none), a size prefix, the conversion, then text printed as it stands.
 * A conversion printf does not know is printed as text from there on
 * ("%1!QQ!" is "QQ") and reads no argument. */
enum fmt_size { SZ_DEFAULT, SZ_SHORT, SZ_LONG, SZ_64, SZ_WIDE };

typedef struct fmt_spec {
	BOOL left, zero, plus, space, alt;
	int width, precision;
	enum fmt_size size;
	WCHAR conv;         /* 0: no conversion, only the text */
	const WCHAR *text;  /* printed after the value */
	SIZE_T ntext;
} fmt_spec;

#define SPEC_MAX_LEN 30 /* a longer spec is STATUS_INVALID_PARAMETER */
#define SPEC_MAX_STARS 2

static BOOL is_conversion(WCHAR c)
{
	return c && wcschr(L"sScCdiuxXo", c);
}

static BOOL out_number(fmt_out *o, const fmt_spec *sp, ULONG_PTR arg)
{
	WCHAR conv = sp->conv;
	BOOL is_signed = conv == 'd' || conv == 'i';
	char num[32], *p = num;

	switch (sp->size) {
	case SZ_64: break;
	case SZ_SHORT: arg = is_signed ? (ULONG_PTR)(LONG_PTR)(SHORT)arg : (USHORT)arg; break;
	default: arg = is_signed ? (ULONG_PTR)(LONG_PTR)(LONG)arg : (ULONG)arg; break;
	}
	if (is_signed && (LONG_PTR)arg >= 0 && (sp->plus || sp->space))
		*p++ = sp->plus ? '+' : ' ';
	if (sp->alt && arg && (conv == 'x' || conv == 'X'))
		*p++ = '0', *p++ = (char)conv;
	if (sp->alt && arg && conv == 'o')
		*p++ = '0';
	if (is_signed)
		_i64toa((LONGLONG)arg, p, 10);
	else
		_ui64toa(arg, p, conv == 'o' ? 8 : conv == 'u' ? 10 : 16);
	if (conv == 'X')
		for (; *p; p++)
			if (*p >= 'a')
				*p = (char)(*p - 32);
	return out_a(o, num, strlen(num));
}

/* Format one argument per its conversion, unpadded; the number's prefix
 * (sign, 0x) is part of it. */
static BOOL format_arg(fmt_out *o, const fmt_spec *sp, ULONG_PTR arg, BOOL unicode)
{
	WCHAR conv = sp->conv;
	/* s and c are of the call's width, S and C of the other; an l or w
	 * prefix makes them wide, h narrow */
	BOOL w = (conv == 's' || conv == 'c') == (unicode != 0);

	if (sp->size == SZ_WIDE || sp->size == SZ_LONG)
		w = TRUE;
	if (sp->size == SZ_SHORT)
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
	return out_number(o, sp, arg);
}

static BOOL out_fill(fmt_out *o, WCHAR c, int n)
{
	for (; n > 0; n--)
		if (!out_w(o, &c, 1))
			return FALSE;
	return TRUE;
}

/* The insert formatted, then cut to the precision (strings) or padded
 * with zeros to it (numbers), then padded to the width, then the spec's
 * text after the conversion. */
static BOOL format_insert(fmt_out *o, const fmt_spec *sp, ULONG_PTR arg, BOOL unicode)
{
	BOOL text = sp->conv == 's' || sp->conv == 'S' || sp->conv == 'c' || sp->conv == 'C';
	fmt_out t = { 0 };
	SIZE_T len, digits_at = 0;
	int zeros = 0, pad;
	BOOL ok;

	if (!sp->conv)
		return out_w(o, sp->text, sp->ntext);
	if (!format_arg(&t, sp, arg, unicode)) {
		fmt_free(t.buf);
		return FALSE;
	}
	len = t.len;
	if (text && sp->precision >= 0 && (SIZE_T)sp->precision < len)
		len = (SIZE_T)sp->precision;
	if (!text) {
		/* zeros go after the sign or the 0x */
		while (digits_at < len && (t.buf[digits_at] == '-' || t.buf[digits_at] == '+' ||
					   t.buf[digits_at] == ' ' ||
					   (digits_at == 1 && (t.buf[1] | 0x20) == 'x')))
			digits_at++;
		if (sp->precision >= 0 && (SIZE_T)sp->precision > len - digits_at)
			zeros = sp->precision - (int)(len - digits_at);
	}
	pad = sp->width - (int)len - zeros;
	if (!text && sp->zero && !sp->left && sp->precision < 0 && pad > 0)
		zeros += pad, pad = 0;
	ok = (sp->left || out_fill(o, ' ', pad)) && out_w(o, t.buf, digits_at) &&
	     out_fill(o, '0', zeros) && out_w(o, t.buf + digits_at, len - digits_at) &&
	     (!sp->left || out_fill(o, ' ', pad)) && out_w(o, sp->text, sp->ntext);
	fmt_free(t.buf);
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

static enum fmt_size parse_size(const WCHAR **p, const WCHAR *end)
{
	static const struct { const WCHAR *prefix; enum fmt_size size; } sizes[] = {
		{ L"I64", SZ_64 }, { L"I32", SZ_LONG }, { L"ll", SZ_64 }, { L"I", SZ_64 },
		{ L"l", SZ_LONG }, { L"h", SZ_SHORT }, { L"w", SZ_WIDE },
	};

	for (SIZE_T i = 0; i < ARRAYSIZE(sizes); i++) {
		SIZE_T n = wcslen(sizes[i].prefix);

		if ((SIZE_T)(end - *p) >= n && !wcsncmp(*p, sizes[i].prefix, n)) {
			*p += n;
			return sizes[i].size;
		}
	}
	return SZ_DEFAULT;
}

/* Parses [flags][width][.precision][size]conversion[text] of the spec
 * [p, end); returns the argument that holds the value, or -1 for a spec
 * Windows refuses (too long, more than two '*'). */
static int parse_spec(fmt_spec *sp, const WCHAR *p, const WCHAR *end, fmt_args *args, int n)
{
	BOOL started = FALSE;
	int stars = 0;

	if (end - p > SPEC_MAX_LEN)
		return -1;
	for (const WCHAR *q = p; q < end; q++)
		stars += *q == '*';
	if (stars > SPEC_MAX_STARS)
		return -1;
	for (; p < end && wcschr(L"-0+ #", *p); p++) {
		sp->left |= *p == '-';
		sp->zero |= *p == '0';
		sp->plus |= *p == '+';
		sp->space |= *p == ' ';
		sp->alt |= *p == '#';
	}
	sp->width = spec_number(&p, args, n, &started);
	if (p < end && *p == '.') {
		p++;
		sp->precision = spec_number(&p, args, n, &started);
	}
	sp->size = parse_size(&p, end);
	sp->conv = p < end && is_conversion(*p) ? *p++ : 0;
	sp->text = p;
	sp->ntext = (SIZE_T)(end - p);
	n = started ? args->last + 1 : n;
	return n > MAX_INSERTS ? MAX_INSERTS : n;
}

/* One '%' sequence at s[0] (s[0] == '%'); returns chars consumed, 0 on
 * end of message (%0), -1 on error. */
static int do_escape(fmt_out *o, const WCHAR *s, fmt_args *args, DWORD flags, BOOL unicode)
{
	int n, i = 1;

	if (s[1] >= '1' && s[1] <= '9') {
		fmt_spec sp = { .precision = -1, .conv = 's' };
		n = s[i++] - '0';
		if (s[i] >= '0' && s[i] <= '9')
			n = n * 10 + (s[i++] - '0');
		if (s[i] == '!') {
			const WCHAR *end = wcschr(s + i + 1, '!');
			if (!end)
				return -1;
			if (!(flags & FMT_IGNORE_INSERTS) && !args->array && !args->va)
				return -1;
			if (!(flags & FMT_IGNORE_INSERTS))
				n = parse_spec(&sp, s + i + 1, end, args, n);
			if (n < 0)
				return -1;
			i = (int)(end - s) + 1;
		}
		if (flags & FMT_IGNORE_INSERTS)
			return out_w(o, s, (SIZE_T)i) ? i : -1;
		if (!args->array && !args->va)
			return -1;
		return format_insert(o, &sp, sp.conv ? get_arg(args, n) : 0, unicode) ? i : -1;
	}
	switch (s[1]) {
	case '0': return 0;
	case 'n': return out_a(o, "\r\n", 2) ? 2 : -1;
	case 't': return out_a(o, "\t", 1) ? 2 : -1;
	case 'r': return out_a(o, "\r", 1) ? 2 : -1;
	case 0: return -1; /* a lone '%' at the end */
	}
	if (flags & FMT_IGNORE_INSERTS) /* "%%", "%.", "% " kept as written */
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

/* One piece of the source at s: a line break (CR LF without a line
 * width; with one, FMT_WIDTH_MASK bits, a space: only %n and %r break
 * lines, rtl_wrap_lines then cuts them), a character or a '%' sequence.
 * Returns the units consumed, 0 at the end (%0), -1 on error. */
static int format_piece(fmt_out *o, const WCHAR *s, fmt_args *args, DWORD flags, BOOL unicode)
{
	int n = source_break(s);

	if (n)
		return ((flags & FMT_WIDTH_MASK) ? out_a(o, " ", 1) : out_a(o, "\r\n", 2)) ? n : -1;
	if (*s != '%')
		return out_w(o, s, 1) ? 1 : -1;
	return do_escape(o, s, args, flags, unicode);
}

/* Stops once the output reaches o->limit: the piece that crossed it was
 * formatted (its inserts read), no later one is. */
static BOOL format(fmt_out *o, const WCHAR *s, fmt_args *args, DWORD flags, BOOL unicode)
{
	while (*s) {
		int n;

		o->last_start = o->len;
		o->last_insert = s[0] == '%' && s[1] >= '1' && s[1] <= '9' &&
				 !(flags & FMT_IGNORE_INSERTS);
		n = format_piece(o, s, args, flags, unicode);

		if (n == 0)
			break;
		if (n < 0)
			return FALSE;
		s += n;
		if (o->len >= o->limit)
			break;
	}
	return TRUE;
}

/* The text (n units and a NUL) into the caller's buffer of room units;
 * only what was formatted before an error.  When it does not fit, Windows
 * writes as it formats: source text and escapes while they fit whole,
 * with no NUL; an insert cut to what fits with its NUL (as _snwprintf_s
 * truncates).  Only the last piece can cross the end (format() stops
 * there); wrapped text (cut == NULL) is cut with a NUL. */
static NTSTATUS deliver(const WCHAR *text, SIZE_T n, BOOL ok, const fmt_out *cut,
			WCHAR *buffer, SIZE_T room, ULONG *retsize)
{
	if (!ok) {
		memcpy(buffer, text, (n < room ? n : room) * sizeof(WCHAR));
		return STATUS_INVALID_PARAMETER;
	}
	if (n + 1 <= room) {
		memcpy(buffer, text, (n + 1) * sizeof(WCHAR));
		if (retsize)
			*retsize = (ULONG)((n + 1) * sizeof(WCHAR));
		return STATUS_SUCCESS;
	}
	if (!room)
		return STATUS_BUFFER_OVERFLOW;
	if (!cut || cut->last_start >= room) {
		memcpy(buffer, text, (room - 1) * sizeof(WCHAR));
		buffer[room - 1] = 0;
	} else if (cut->last_insert) {
		memcpy(buffer, text, (room - 1) * sizeof(WCHAR));
		buffer[room - 1] = 0;
	} else {
		memcpy(buffer, text, (n <= room ? n : cut->last_start) * sizeof(WCHAR));
	}
	return STATUS_BUFFER_OVERFLOW;
}

/* Formatting stops at the end of the buffer: the inserts after it are not
 * read from the va_list (the caller's va_list ends where it stopped). */
RTLAPI NTSTATUS NTAPI RtlFormatMessageEx(const WCHAR *src, ULONG width, BOOLEAN ignore_inserts,
					  BOOLEAN ansi, BOOLEAN is_array, va_list *args,
					  WCHAR *buffer, ULONG size, ULONG *retsize, ULONG flags)
{
	SIZE_T room = size / sizeof(WCHAR), n;
	fmt_args a = { 0 };
	fmt_out o = { .limit = room };
	DWORD fl = (width & FMT_WIDTH_MASK) | (ignore_inserts ? FMT_IGNORE_INSERTS : 0);
	WCHAR *text;
	NTSTATUS st;
	BOOL ok, wrapped;

	if (!src || (!buffer && size))
		return STATUS_INVALID_PARAMETER;
	if (is_array)
		a.array = (const DWORD_PTR *)args;
	else
		a.va = args;
	ok = format(&o, src, &a, fl, !ansi);
	if (!out_w(&o, L"", 1)) {
		fmt_free(o.buf);
		return STATUS_NO_MEMORY;
	}
	n = o.len - 1;
	text = o.buf;
	wrapped = ok && (fl & FMT_WIDTH_MASK) && (fl & FMT_WIDTH_MASK) != FMT_WIDTH_MASK && n;
	if (wrapped) {
		text = rtl_wrap_lines(o.buf, n, fl & FMT_WIDTH_MASK, &n);
		fmt_free(o.buf);
		if (!text)
			return STATUS_NO_MEMORY;
	}
	st = deliver(text, n, ok, wrapped ? NULL : &o, buffer, room, retsize);
	fmt_free(text);
	return st;
}

RTLAPI NTSTATUS NTAPI RtlFormatMessage(const WCHAR *src, ULONG width, BOOLEAN ignore_inserts,
					BOOLEAN ansi, BOOLEAN is_array, va_list *args, WCHAR *buffer,
					ULONG size, ULONG *retsize)
{
	return RtlFormatMessageEx(src, width, ignore_inserts, ansi, is_array, args, buffer, size,
				  retsize, 0);
}
