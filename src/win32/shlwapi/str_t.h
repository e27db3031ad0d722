/*
 * Str* functions for one character width (see shlwapi_private.h).
 * StrCmpN and StrCmpNI compare as CompareString does in the user's locale
 * (documented); the "C" variants (StrCmpC, StrCmpIC) compare code units.
 * StrCmpA and StrCmpIA are not exports (shlwapi.h makes them lstrcmpA).
 */

static int FN(slen)(const XCHAR *s)
{
	int n = 0;

	while (s[n])
		n++;
	return n;
}

static XCHAR FN(sfold)(XCHAR c)
{
	return c >= 'a' && c <= 'z' ? (XCHAR)(c - 32) : c;
}

/* CompareString's result as <0, 0, >0 (counts of -1: NUL-terminated). */
static int FN(compare)(DWORD flags, const XCHAR *a, int na, const XCHAR *b, int nb)
{
	return K32(CompareString)(LOCALE_USER_DEFAULT, flags, a, na, b, nb) - CSTR_EQUAL;
}


/* The first n characters (or fewer, to a NUL) of each. */
static int FN(prefix_len)(const XCHAR *s, int n)
{
	int i = 0;

	while (i < n && s[i])
		i++;
	return i;
}

int WINAPI FN(StrCmpN)(const XCHAR *a, const XCHAR *b, int n)
{
	return FN(compare)(0, a, FN(prefix_len)(a, n), b, FN(prefix_len)(b, n));
}

int WINAPI FN(StrCmpNI)(const XCHAR *a, const XCHAR *b, int n)
{
	return FN(compare)(NORM_IGNORECASE, a, FN(prefix_len)(a, n), b, FN(prefix_len)(b, n));
}

static int FN(ordinal)(const XCHAR *a, const XCHAR *b, int n, BOOL fold)
{
	for (int i = 0; i < n; i++) {
		XCHAR x = fold ? FN(sfold)(a[i]) : a[i], y = fold ? FN(sfold)(b[i]) : b[i];

		if (x != y || !x)
			return (int)x - (int)y;
	}
	return 0;
}

int WINAPI FN(StrCmpC)(const XCHAR *a, const XCHAR *b)
{
	return FN(ordinal)(a, b, 0x7FFFFFFF, FALSE);
}

int WINAPI FN(StrCmpIC)(const XCHAR *a, const XCHAR *b)
{
	return FN(ordinal)(a, b, 0x7FFFFFFF, TRUE);
}

int WINAPI FN(StrCmpNC)(const XCHAR *a, const XCHAR *b, int n)
{
	return FN(ordinal)(a, b, n, FALSE);
}

int WINAPI FN(StrCmpNIC)(const XCHAR *a, const XCHAR *b, int n)
{
	return FN(ordinal)(a, b, n, TRUE);
}

XCHAR *WINAPI FN(StrChr)(const XCHAR *s, XCHAR_ARG c)
{
	for (; s && *s; s++)
		if (*s == (XCHAR)c)
			return (XCHAR *)s;
	return NULL;
}

XCHAR *WINAPI FN(StrChrI)(const XCHAR *s, XCHAR_ARG c)
{
	for (; s && *s; s++)
		if (FN(sfold)(*s) == FN(sfold)((XCHAR)c))
			return (XCHAR *)s;
	return NULL;
}

/* The last c in [start, end) (end NULL: to the NUL). */
XCHAR *WINAPI FN(StrRChr)(const XCHAR *start, const XCHAR *end, XCHAR_ARG c)
{
	const XCHAR *found = NULL;

	for (; start && *start && (!end || start < end); start++)
		if (*start == (XCHAR)c)
			found = start;
	return (XCHAR *)found;
}

XCHAR *WINAPI FN(StrRChrI)(const XCHAR *start, const XCHAR *end, XCHAR_ARG c)
{
	const XCHAR *found = NULL;

	for (; start && *start && (!end || start < end); start++)
		if (FN(sfold)(*start) == FN(sfold)((XCHAR)c))
			found = start;
	return (XCHAR *)found;
}

XCHAR *WINAPI FN(StrStr)(const XCHAR *s, const XCHAR *find)
{
	int n;

	if (!s || !find || !*find) /* an empty find is never found */
		return NULL;
	n = FN(slen)(find);
	for (; *s; s++)
		if (!FN(ordinal)(s, find, n, FALSE))
			return (XCHAR *)s;
	return NULL;
}

XCHAR *WINAPI FN(StrStrI)(const XCHAR *s, const XCHAR *find)
{
	int n;

	if (!s || !find || !*find) /* an empty find is never found */
		return NULL;
	n = FN(slen)(find);
	for (; *s; s++)
		if (!FN(ordinal)(s, find, n, TRUE))
			return (XCHAR *)s;
	return NULL;
}

/* The last occurrence of find that starts before end (end NULL: any). */
XCHAR *WINAPI FN(StrRStrI)(const XCHAR *s, const XCHAR *end, const XCHAR *find)
{
	const XCHAR *found = NULL;
	int n;

	if (!s || !find)
		return NULL;
	n = FN(slen)(find);
	for (; *s && (!end || s < end); s++)
		if (!FN(ordinal)(s, find, n, TRUE))
			found = s;
	return (XCHAR *)found;
}

XCHAR *WINAPI FN(StrPBrk)(const XCHAR *s, const XCHAR *set)
{
	for (; s && set && *s; s++)
		if (FN(StrChr)(set, *s))
			return (XCHAR *)s;
	return NULL;
}

int WINAPI FN(StrSpn)(const XCHAR *s, const XCHAR *set)
{
	int n = 0;

	while (s && set && s[n] && FN(StrChr)(set, s[n]))
		n++;
	return n;
}

int WINAPI FN(StrCSpn)(const XCHAR *s, const XCHAR *set)
{
	int n = 0;

	while (s && set && s[n] && !FN(StrChr)(set, s[n]))
		n++;
	return n;
}

int WINAPI FN(StrCSpnI)(const XCHAR *s, const XCHAR *set)
{
	int n = 0;

	while (s && set && s[n] && !FN(StrChrI)(set, s[n]))
		n++;
	return n;
}

/* Appends src to dst (size characters in all), cutting it to fit. */
XCHAR *WINAPI FN(StrCatBuff)(XCHAR *dst, const XCHAR *src, int size)
{
	int n;

	if (!dst || !src || size <= 0)
		return dst;
	n = FN(slen)(dst);
	for (; n < size - 1 && *src; n++)
		dst[n] = *src++;
	if (n < size)
		dst[n] = 0;
	return dst;
}

/* Appends at most count characters of src (dst must hold them). */
XCHAR *WINAPI FN(StrNCat)(XCHAR *dst, const XCHAR *src, int count)
{
	int n;

	if (!dst || !src)
		return dst;
	n = FN(slen)(dst);
	for (; count > 0 && *src; count--)
		dst[n++] = *src++;
	dst[n] = 0;
	return dst;
}

/* Copies at most n - 1 characters and a NUL (a NULL src copies as "",
 * and src is not read when n is 1); returns where the NUL went
 * (StrCpyNX, exported by ordinal only) or how many characters were
 * written with it (SHAnsiToAnsi / SHUnicodeToUnicode; 0 when none fit). */
XCHAR *WINAPI FN(StrCpyNX)(XCHAR *dst, const XCHAR *src, int n)
{
	if (!dst || n <= 0)
		return dst;
	if (!src)
		src = X("");
	while (--n > 0 && *src)
		*dst++ = *src++;
	*dst = 0;
	return dst;
}

int WINAPI SH_COPY(const XCHAR *src, XCHAR *dst, int n)
{
	if (!src || !dst || n <= 0)
		return 0;
	return (int)(FN(StrCpyNX)(dst, src, n) - dst) + 1;
}

/* A LocalAlloc copy, freed with LocalFree (documented). */
XCHAR *WINAPI FN(StrDup)(const XCHAR *s)
{
	int n = s ? FN(slen)(s) : 0;
	XCHAR *d = LocalAlloc(LMEM_FIXED, (n + 1) * sizeof(XCHAR));

	if (d) {
		if (s)
			memcpy(d, s, n * sizeof(XCHAR));
		d[n] = 0;
	}
	return d;
}

/* Leading spaces, tabs and newlines, a sign, then decimal digits or,
 * with STIF_SUPPORT_HEX, "0x" and hexadecimal ones (whose value the sign
 * does not change, as on Windows); FALSE when no digit comes. */
BOOL WINAPI FN(StrToInt64Ex)(const XCHAR *s, STIF_FLAGS flags, LONGLONG *out)
{
	ULONGLONG v = 0;
	BOOL neg = FALSE, any = FALSE;

	if (!s || !out)
		return FALSE;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if ((flags & STIF_SUPPORT_HEX) && s[0] == '0' && (s[1] | 0x20) == 'x') {
		neg = FALSE;
		for (s += 2;; s++, any = TRUE) {
			unsigned d = *s >= '0' && *s <= '9' ? *s - '0' :
				     (*s | 0x20) >= 'a' && (*s | 0x20) <= 'f' ? (*s | 0x20) - 'a' + 10 : 16;
			if (d > 15)
				break;
			v = v << 4 | d;
		}
	} else {
		for (; *s >= '0' && *s <= '9'; s++, any = TRUE)
			v = v * 10 + (*s - '0');
	}
	if (any)
		*out = neg ? -(LONGLONG)v : (LONGLONG)v;
	return any;
}

BOOL WINAPI FN(StrToIntEx)(const XCHAR *s, STIF_FLAGS flags, int *out)
{
	LONGLONG v;

	if (!out || !FN(StrToInt64Ex)(s, flags, &v))
		return FALSE;
	*out = (int)v;
	return TRUE;
}

/* Stricter than StrToIntEx: no leading blanks and no '+', only '-' and
 * decimal digits; 0 when the string does not start with a number. */
int WINAPI FN(StrToInt)(const XCHAR *s)
{
	unsigned v = 0;
	BOOL neg;

	if (!s)
		return 0;
	if ((neg = *s == '-'))
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (unsigned)(*s - '0');
	return neg ? -(int)v : (int)v;
}

/* Removes the characters of `chars` from both ends; TRUE if any went. */
BOOL WINAPI FN(StrTrim)(XCHAR *s, const XCHAR *chars)
{
	XCHAR *start = s;
	int n;

	if (!s || !chars)
		return FALSE;
	while (*start && FN(StrChr)(chars, *start))
		start++;
	n = FN(slen)(start);
	while (n && FN(StrChr)(chars, start[n - 1]))
		n--;
	if (start == s && !start[n])
		return FALSE;
	memmove(s, start, n * sizeof(XCHAR));
	s[n] = 0;
	return TRUE;
}

BOOL WINAPI FN(StrIsIntlEqual)(BOOL case_sensitive, const XCHAR *a, const XCHAR *b, int n)
{
	return !FN(compare)(case_sensitive ? 0 : NORM_IGNORECASE, a, FN(prefix_len)(a, n), b,
			    FN(prefix_len)(b, n));
}

BOOL WINAPI FN(ChrCmpI)(XCHAR_ARG a, XCHAR_ARG b)
{
	return FN(sfold)((XCHAR)a) != FN(sfold)((XCHAR)b);
}
