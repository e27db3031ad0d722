/*
 * Unit tests of ntdll's Rtl code (src/win32/ntdll/rtl), linked directly
 * into a Windows test program with host_shim.c.  Expected values are the
 * documented Windows behaviour.  Prints one line per failure and a summary;
 * exit status 0 when everything passed.
 */
#define _NTSYSTEM_
#define _CRTIMP
#include "ntdll/rtl/rtl_nt.h"

int __cdecl printf(const char *, ...);
void host_shim_init(void);

static int failures, checks;

#define ok(cond, ...) ok_(__LINE__, (cond), __VA_ARGS__)
static void ok_(int line, int cond, const char *fmt, ...)
{
	__builtin_va_list ap;
	int __cdecl vprintf(const char *, __builtin_va_list);

	checks++;
	if (cond)
		return;
	failures++;
	printf("test_rtl.c:%d: ", line);
	__builtin_va_start(ap, fmt);
	vprintf(fmt, ap);
	__builtin_va_end(ap);
	printf("\n");
}

static void test_heap_basic(void)
{
	HANDLE h = RtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
	char *p, *q;
	int i;

	ok(h != NULL, "RtlCreateHeap failed");
	p = RtlAllocateHeap(h, HEAP_ZERO_MEMORY, 100);
	ok(p && ((ULONG_PTR)p & 15) == 0, "alloc 100: %p not 16-aligned", p);
	for (i = 0; i < 100; i++)
		if (p[i])
			break;
	ok(i == 100, "HEAP_ZERO_MEMORY: byte %d not zero", i);
	ok(RtlSizeHeap(h, 0, p) == 100, "size %zu", RtlSizeHeap(h, 0, p));
	memset(p, 'x', 100);
	q = RtlReAllocateHeap(h, HEAP_ZERO_MEMORY, p, 5000);
	ok(q && q[99] == 'x' && q[100] == 0 && q[4999] == 0, "realloc grow keeps data, zeroes tail");
	ok(RtlSizeHeap(h, 0, q) == 5000, "size after realloc %zu", RtlSizeHeap(h, 0, q));
	ok(RtlReAllocateHeap(h, HEAP_REALLOC_IN_PLACE_ONLY, q, 100000) == NULL,
	   "in-place-only realloc to another class must fail");
	ok(RtlReAllocateHeap(h, HEAP_REALLOC_IN_PLACE_ONLY, q, 4900) == q, "in-place shrink");
	ok(RtlFreeHeap(h, 0, q), "free");
	ok(!RtlFreeHeap(h, 0, q), "double free must fail");
	ok(RtlFreeHeap(h, 0, NULL), "free(NULL) succeeds");
	ok(RtlSizeHeap(h, 0, q) == (SIZE_T)-1, "size of freed block is -1");
	ok(RtlValidateHeap(h, 0, NULL), "validate heap");
	ok(RtlAllocateHeap(h, 0, 0) != NULL, "alloc 0 gives a block");
	ok(RtlDestroyHeap(h) == NULL, "destroy");
}

static void test_heap_large_and_stress(void)
{
	HANDLE h = RtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
	static char *blocks[4000];
	static SIZE_T sizes[4000];
	unsigned seed = 12345, i, bad = 0;
	char *big = RtlAllocateHeap(h, 0, 3 << 20);

	ok(big && ((ULONG_PTR)big & 15) == 0, "3 MiB block");
	memset(big, 1, 3 << 20);
	ok(RtlSizeHeap(h, 0, big) == 3 << 20, "large size");
	big = RtlReAllocateHeap(h, 0, big, 5 << 20);
	ok(big && big[(3 << 20) - 1] == 1, "large realloc keeps data");
	ok(RtlFreeHeap(h, 0, big), "large free");
	for (i = 0; i < 200000; i++) {
		unsigned k = (seed = seed * 1103515245 + 12345) >> 8;
		unsigned slot = k % 4000;
		if (blocks[slot]) {
			if ((unsigned char)blocks[slot][0] != (slot & 0xFF) ||
			    (unsigned char)blocks[slot][sizes[slot] - 1] != (slot & 0xFF))
				bad++;
			RtlFreeHeap(h, 0, blocks[slot]);
			blocks[slot] = NULL;
		} else {
			sizes[slot] = 1 + (k >> 12) % ((k & 1) ? 300 : 40000);
			blocks[slot] = RtlAllocateHeap(h, 0, sizes[slot]);
			if (!blocks[slot]) {
				bad++;
				continue;
			}
			blocks[slot][0] = blocks[slot][sizes[slot] - 1] = (char)slot;
		}
	}
	ok(bad == 0, "stress: %u corrupted or failed blocks", bad);
	ok(RtlValidateHeap(h, 0, NULL), "validate after stress");
	ok(RtlDestroyHeap(h) == NULL, "destroy");
}

static void test_heap_fixed(void)
{
	HANDLE h = RtlCreateHeap(0, NULL, 0x10000, 0x1000, NULL, NULL);

	ok(h != NULL, "fixed heap");
	ok(RtlAllocateHeap(h, 0, 0x80000) == NULL, "fixed heap: a block larger than the heap fails");
	ok(RtlAllocateHeap(h, 0, 100) != NULL, "fixed heap small alloc");
	RtlDestroyHeap(h);
}

/* A fixed heap fills up, and its room comes back after frees: exact
 * blocks are reused and split, not lost to rounding. */
static void test_heap_fixed_reuse(void)
{
	HANDLE h = RtlCreateHeap(0, NULL, 0x20000, 0x1000, NULL, NULL);
	static void *blocks[200];
	unsigned n = 0, again = 0, i;

	while (n < 200 && (blocks[n] = RtlAllocateHeap(h, 0, 3000)))
		n++;
	ok(n >= 35 && n < 200, "fixed 128 KiB heap holds %u blocks of 3000", n);
	for (i = 0; i < n; i++)
		ok(RtlFreeHeap(h, 0, blocks[i]), "free %u", i);
	while (again < 200 && (blocks[again] = RtlAllocateHeap(h, 0, 1400)))
		again++;
	ok(again >= 2 * n, "after freeing, %u blocks of 1400 (was %u of 3000)", again, n);
	for (i = 0; i < again; i++)
		RtlFreeHeap(h, 0, blocks[i]);
	again = 0;
	while (again < 200 && (blocks[again] = RtlAllocateHeap(h, 0, 6000)))
		again++;
	ok(again >= n / 2 - 1, "free neighbours merge: %u blocks of 6000 (was %u of 3000)", again, n);
	ok(RtlValidateHeap(h, 0, NULL), "fixed heap validates");
	RtlDestroyHeap(h);
}

/* RtlWalkHeap reports each busy block once with its size, the segments
 * as regions, and ends with STATUS_NO_MORE_ENTRIES. */
static void test_heap_walk(void)
{
	HANDLE h = RtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
	static const SIZE_T sizes[] = { 1, 100, 2000, 40000, 300000, 0x180000 };
	void *blocks[6];
	unsigned found[6] = { 0 }, busy = 0, regions = 0, i, steps = 0;
	LSW_HEAP_WALK_ENTRY e = { 0 };
	NTSTATUS status;

	for (i = 0; i < 6; i++)
		blocks[i] = RtlAllocateHeap(h, 0, sizes[i]);
	ok(RtlFreeHeap(h, 0, RtlAllocateHeap(h, 0, 64)), "free one block");
	while ((status = RtlWalkHeap(h, &e)) == STATUS_SUCCESS && steps++ < 100000) {
		if (e.Flags & LSW_HEAP_WALK_SEGMENT)
			regions++;
		if (!(e.Flags & LSW_HEAP_WALK_BUSY))
			continue;
		busy++;
		for (i = 0; i < 6; i++)
			if (e.DataAddress == blocks[i] && e.DataSize == sizes[i])
				found[i]++;
	}
	ok(status == STATUS_NO_MORE_ENTRIES, "walk ends with %#lx", status);
	ok(regions >= 1 && busy == 6, "walk: %u regions, %u busy blocks", regions, busy);
	for (i = 0; i < 6; i++)
		ok(found[i] == 1, "block of %zu seen %u times", sizes[i], found[i]);
	ok(RtlWalkHeap(NULL, &e) == STATUS_INVALID_PARAMETER, "walk of no heap");
	RtlDestroyHeap(h);
}

static void test_utf8(void)
{
	WCHAR w[16];
	char a[16];
	ULONG n;
	NTSTATUS s;

	s = RtlUTF8ToUnicodeN(w, sizeof(w), &n, "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 10);
	ok(s == STATUS_SUCCESS && n == 10, "utf8->utf16 status %lx n %lu", s, n);
	ok(w[0] == 'a' && w[1] == 0xE9 && w[2] == 0x20AC && w[3] == 0xD83D && w[4] == 0xDE00,
	   "utf8 decode values");
	s = RtlUTF8ToUnicodeN(NULL, 0, &n, "a\xC3\xA9", 3);
	ok(s == STATUS_SUCCESS && n == 4, "size query %lx %lu", s, n);
	s = RtlUTF8ToUnicodeN(w, sizeof(w), &n, "a\xC0\x80z\xED\xA0\x80", 7);
	ok(s == STATUS_SOME_NOT_MAPPED, "invalid utf8 status %lx", s);
	/* C0 80: two bad bytes; ED A0 80 (a surrogate): the lead and its
	 * out-of-range second byte are one U+FFFD, the last byte another */
	ok(n == 6 * 2 && w[1] == 0xFFFD && w[2] == 0xFFFD && w[3] == 'z' && w[4] == 0xFFFD &&
	   w[5] == 0xFFFD, "overlong and surrogate: n=%lu", n);
	s = RtlUTF8ToUnicodeN(w, 4, &n, "abc", 3);
	ok(s == STATUS_BUFFER_TOO_SMALL && n == 4, "too small %lx %lu", s, n);
	s = RtlUnicodeToUTF8N(a, sizeof(a), &n, L"\xE9\x20AC\xD83D\xDE00", 8);
	ok(s == STATUS_SUCCESS && n == 9 && !memcmp(a, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 9),
	   "utf16->utf8 %lx %lu", s, n);
	s = RtlUnicodeToUTF8N(a, sizeof(a), &n, L"\xD800x", 4);
	ok(s == STATUS_SOME_NOT_MAPPED && n == 4 && !memcmp(a, "\xEF\xBF\xBDx", 4),
	   "lone surrogate %lx %lu", s, n);
	/* a pair that does not fit leaves its high half in the last unit */
	n = 0;
	s = RtlUTF8ToUnicodeN(w, 6, &n, "X\xC2\x80\xF0\x90\x80\x80", 7);
	ok(s == STATUS_BUFFER_TOO_SMALL && n == 6 && w[2] == 0xD800, "split pair %lx %lu %x", s, n,
	   w[2]);
	/* half a UTF-16 unit: refused with a destination, rounded down without */
	n = 0x55;
	memset(a, 0x55, sizeof(a));
	s = RtlUnicodeToUTF8N(a, sizeof(a), &n, L"AB", 3);
	ok(s == STATUS_INVALID_PARAMETER_5 && n == 0x55 && a[0] == 0x55, "odd length %lx %lu", s, n);
	s = RtlUnicodeToUTF8N(NULL, 0, &n, L"AB", 3);
	ok(s == STATUS_SUCCESS && n == 1, "odd length size query %lx %lu", s, n);
}

static void test_text_unicode(void)
{
	static const WCHAR text[] = L"A Unicode string";
	static const WCHAR mixed[] = { '\t', 0x9000, 0x0d00, '\n', 0 };
	WCHAR reversed[ARRAYSIZE(text)];
	WCHAR packed_crlf = 0x0d0a;
	INT f;

	for (int i = 0; i < (int)ARRAYSIZE(text); i++)
		reversed[i] = (WCHAR)((text[i] >> 8) | (text[i] << 8));
	ok(RtlIsTextUnicode(text, sizeof(text), NULL), "plain text is Unicode");
	ok(!RtlIsTextUnicode("A simple string", 16, NULL), "ASCII is not Unicode");
	ok(!RtlIsTextUnicode(text, sizeof(text) - 1, NULL), "odd length is not Unicode");
	f = 0xF; /* IS_TEXT_UNICODE_UNICODE_MASK */
	ok(RtlIsTextUnicode(text, sizeof(text), &f) && f == 0x6, "statistics|controls: %x", f);
	f = 0xF0; /* IS_TEXT_UNICODE_REVERSE_MASK */
	ok(!RtlIsTextUnicode(reversed, sizeof(reversed), &f) && f == 0x70, "reversed: %x", f);
	f = 0x44; /* CONTROLS | REVERSE_CONTROLS */
	ok(!RtlIsTextUnicode(mixed, sizeof(mixed), &f) && f == 0x44, "both orders: %x", f);
	f = 0x4;
	ok(RtlIsTextUnicode(mixed, sizeof(mixed), &f) && f == 0x4, "controls: %x", f);
	ok(!RtlIsTextUnicode(&packed_crlf, 2, NULL), "packed CR LF is illegal");
}

static NTSTATUS format(const WCHAR *src, WCHAR *buf, ULONG size, ULONG *ret, ...)
{
	__builtin_va_list ap;
	NTSTATUS s;

	__builtin_va_start(ap, ret);
	s = RtlFormatMessageEx(src, 0, FALSE, FALSE, FALSE, (va_list *)&ap, buf, size, ret, 0);
	__builtin_va_end(ap);
	return s;
}

static void test_format_message(void)
{
	WCHAR b[64];
	ULONG n = 0;
	NTSTATUS s;

	/* the spec is printf's: text after the conversion stays, an unknown
	 * conversion is printed as text, '#' prefixes 0x */
	s = format(L"%1!Saa!|%1!QQ!|%2!#x!|%2!#hx!|%3!+d!", b, sizeof(b), &n, "te", 0x123456, 5);
	ok(!s && !wcscmp(b, L"teaa|QQ|0x123456|0x3456|+5"), "specs %lx %ls", s, b);
	s = format(L"a%1!***u!", b, sizeof(b), &n, 1);
	ok(s == STATUS_INVALID_PARAMETER, "three stars %lx", s);
	s = format(L"a%1!#.0000000000000000000000000000x!", b, sizeof(b), &n, 1);
	ok(s == STATUS_INVALID_PARAMETER, "31-character spec %lx", s);
	/* overflow: source text fills the buffer without a NUL, an insert is
	 * cut with one, an escape that does not fit whole is not written */
	memcpy(b, L"xxxxxxxx", 18);
	s = format(L"testing", b, 8, &n);
	ok(s == STATUS_BUFFER_OVERFLOW && !memcmp(b, L"testxxxx", 16), "text overflow %ls", b);
	memcpy(b, L"xxxxxxxx", 18);
	s = format(L"%1", b, 8, &n, L"test");
	ok(s == STATUS_BUFFER_OVERFLOW && !memcmp(b, L"tes\0xxxx", 16), "insert overflow %ls", b);
	memcpy(b, L"xxxxxxxx", 18);
	s = format(L"ab%n", b, 6, &n);
	ok(s == STATUS_BUFFER_OVERFLOW && !memcmp(b, L"abxxxxxx", 16), "escape overflow %ls", b);
}

static void test_codepages(void)
{
	WCHAR w[4];
	char a[4];
	ULONG n;

	RtlMultiByteToUnicodeN(w, sizeof(w), &n, "\x80\x81\xE9\x9F", 4);
	ok(w[0] == 0x20AC && w[1] == 0x81 && w[2] == 0xE9 && w[3] == 0x178, "cp1252 decode");
	RtlOemToUnicodeN(w, sizeof(w), &n, "\x80\xB3\xE1\xFF", 4);
	ok(w[0] == 0xC7 && w[1] == 0x2502 && w[2] == 0xDF && w[3] == 0xA0, "cp437 decode");
	/* U+0100 has no byte: its best fit is 'A'; U+4E00 has none at all. */
	RtlUnicodeToMultiByteN(a, 4, &n, L"\x20AC\x0100\xFF\x4E00", 8);
	ok(n == 4 && (BYTE)a[0] == 0x80 && a[1] == 'A' && (BYTE)a[2] == 0xFF && a[3] == '?',
	   "cp1252 encode");
	RtlUnicodeToOemN(a, 4, &n, L"\x2502\xE9\x20AC", 6);
	ok(n == 3 && (BYTE)a[0] == 0xB3 && (BYTE)a[1] == 0x82 && a[2] == '?', "cp437 encode");
}

static void test_status(void)
{
	static const struct { NTSTATUS s; ULONG e; } t[] = {
		{ STATUS_SUCCESS, 0 },
		{ STATUS_OBJECT_NAME_NOT_FOUND, ERROR_FILE_NOT_FOUND },
		{ STATUS_OBJECT_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND },
		{ STATUS_ACCESS_DENIED, ERROR_ACCESS_DENIED },
		{ STATUS_INVALID_HANDLE, ERROR_INVALID_HANDLE },
		{ STATUS_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY },
		{ STATUS_PIPE_BROKEN, ERROR_BROKEN_PIPE },
		{ STATUS_OBJECT_NAME_COLLISION, ERROR_ALREADY_EXISTS },
		{ STATUS_SHARING_VIOLATION, ERROR_SHARING_VIOLATION },
		{ STATUS_BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER },
		{ STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA },
		{ STATUS_NOT_IMPLEMENTED, ERROR_INVALID_FUNCTION },
		{ STATUS_VARIABLE_NOT_FOUND, ERROR_ENVVAR_NOT_FOUND },
		{ STATUS_INVALID_PARAMETER, ERROR_INVALID_PARAMETER },
		{ STATUS_END_OF_FILE, ERROR_HANDLE_EOF },
		{ STATUS_DLL_NOT_FOUND, ERROR_MOD_NOT_FOUND },
		{ STATUS_PROCEDURE_NOT_FOUND, ERROR_PROC_NOT_FOUND },
		{ STATUS_DIRECTORY_NOT_EMPTY, ERROR_DIR_NOT_EMPTY },
		{ STATUS_FILE_IS_A_DIRECTORY, ERROR_ACCESS_DENIED },
		{ (NTSTATUS)0xC0070005, 5 },
		{ (NTSTATUS)0xC0DE0001, ERROR_MR_MID_NOT_FOUND },
	};
	unsigned i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ok(RtlNtStatusToDosError(t[i].s) == t[i].e, "status %08lx -> %lu, want %lu", t[i].s,
		   RtlNtStatusToDosError(t[i].s), t[i].e);
	ok(RtlGetLastNtStatus() == (NTSTATUS)0xC0DE0001, "LastStatusValue recorded");
}

static void test_env(void)
{
	UNICODE_STRING n, v;
	WCHAR buf[64];
	const WCHAR *e;
	ULONG len;
	NTSTATUS s;

	RtlInitUnicodeString(&n, L"path");
	v.Buffer = buf;
	v.MaximumLength = sizeof(buf);
	s = RtlQueryEnvironmentVariable_U(NULL, &n, &v);
	ok(s == STATUS_SUCCESS && !wcscmp(buf, L"C:\\bin"), "query PATH case-insensitively");
	v.MaximumLength = 6;
	s = RtlQueryEnvironmentVariable_U(NULL, &n, &v);
	ok(s == STATUS_BUFFER_TOO_SMALL && v.Length == 12, "too small: %lx len %u", s, v.Length);
	RtlInitUnicodeString(&n, L"=C:");
	v.MaximumLength = sizeof(buf);
	s = RtlQueryEnvironmentVariable_U(NULL, &n, &v);
	ok(s == STATUS_SUCCESS && !wcscmp(buf, L"C:\\work\\dir"), "=C: variable");
	RtlInitUnicodeString(&n, L"Beta");
	RtlInitUnicodeString(&v, L"two");
	ok(RtlSetEnvironmentVariable(NULL, &n, &v) == STATUS_SUCCESS, "set Beta");
	e = lsw_params()->Environment;
	e += wcslen(e) + 1;
	ok(!wcscmp(e, L"A=1"), "order 1: %ls", e);
	e += wcslen(e) + 1;
	ok(!wcscmp(e, L"Beta=two"), "sorted insert: %ls", e);
	RtlInitUnicodeString(&n, L"A");
	ok(RtlSetEnvironmentVariable(NULL, &n, NULL) == STATUS_SUCCESS, "delete A");
	v.Buffer = buf;
	v.MaximumLength = sizeof(buf);
	ok(RtlQueryEnvironmentVariable_U(NULL, &n, &v) == STATUS_VARIABLE_NOT_FOUND, "A gone");
	RtlInitUnicodeString(&n, L"X=Y");
	RtlInitUnicodeString(&v, L"z");
	ok(RtlSetEnvironmentVariable(NULL, &n, &v) == STATUS_INVALID_PARAMETER, "'=' in name");
	RtlInitUnicodeString(&n, L"%TEMP%\\x;%NOPE%;%beta%;50%");
	v.Buffer = buf;
	v.MaximumLength = sizeof(buf);
	s = RtlExpandEnvironmentStrings_U(NULL, &n, &v, &len);
	ok(s == STATUS_SUCCESS && !wcscmp(buf, L"C:\\tmp\\x;%NOPE%;two;50%"), "expand: %ls", buf);
	ok(len == (wcslen(buf) + 1) * 2, "expand returned length %lu", len);
	v.MaximumLength = 8;
	s = RtlExpandEnvironmentStrings_U(NULL, &n, &v, &len);
	ok(s == STATUS_BUFFER_TOO_SMALL && len == (wcslen(L"C:\\tmp\\x;%NOPE%;two;50%") + 1) * 2,
	   "expand too small %lx %lu", s, len);
}

static void check_full(const WCHAR *in, const WCHAR *want, const WCHAR *want_part)
{
	WCHAR buf[MAX_PATH], *part;
	ULONG r = RtlGetFullPathName_U(in, sizeof(buf), buf, &part);

	ok(r == wcslen(want) * 2 && !wcscmp(buf, want), "full(%ls) = %ls, want %ls", in,
	   r ? buf : L"(fail)", want);
	ok(want_part ? part && !wcscmp(part, want_part) : !part, "file part of %ls", in);
}

static void test_paths(void)
{
	UNICODE_STRING nt;
	WCHAR small[4];

	ok(RtlDetermineDosPathNameType_U(L"\\\\srv\\share") == RtlPathTypeUncAbsolute, "unc");
	ok(RtlDetermineDosPathNameType_U(L"C:\\x") == RtlPathTypeDriveAbsolute, "drive abs");
	ok(RtlDetermineDosPathNameType_U(L"C:x") == RtlPathTypeDriveRelative, "drive rel");
	ok(RtlDetermineDosPathNameType_U(L"\\x") == RtlPathTypeRooted, "rooted");
	ok(RtlDetermineDosPathNameType_U(L"x") == RtlPathTypeRelative, "relative");
	ok(RtlDetermineDosPathNameType_U(L"\\\\.\\x") == RtlPathTypeLocalDevice, "device");
	ok(RtlDetermineDosPathNameType_U(L"\\\\?") == RtlPathTypeRootLocalDevice, "root device");
	check_full(L"file.txt", L"C:\\work\\dir\\file.txt", L"file.txt");
	check_full(L"..\\a/b\\.\\c", L"C:\\work\\a\\b\\c", L"c");
	check_full(L"\\x\\y\\", L"C:\\x\\y\\", NULL);
	check_full(L"C:\\a\\..\\..\\..\\b", L"C:\\b", L"b");
	check_full(L"C:\\a\\b. . ", L"C:\\a\\b", L"b");
	check_full(L"C:\\a.\\b", L"C:\\a\\b", L"b");
	check_full(L"C:\\a\\.", L"C:\\a", L"a");
	check_full(L"C:\\a\\b\\..", L"C:\\a", L"a");
	check_full(L"C:", L"C:\\work\\dir", L"dir");
	check_full(L"C:x", L"C:\\work\\dir\\x", L"x");
	check_full(L"D:x", L"D:\\x", L"x");
	check_full(L"c:\\\\a//b", L"c:\\a\\b", L"b");
	check_full(L"\\\\srv\\share\\a\\..\\..\\b", L"\\\\srv\\share\\b", L"b");
	check_full(L"nul", L"\\\\.\\nul", NULL); /* a device has no file part */
	check_full(L"C:\\dir\\COM1.txt", L"\\\\.\\COM1", NULL);
	check_full(L"\\\\?\\C:\\a\\..\\b", L"\\\\?\\C:\\b", L"b"); /* verbatim only to NT */
	check_full(L"//?/a/..", L"\\\\?\\", NULL);
	check_full(L"//.", L"\\\\.\\", NULL);
	check_full(L"\\\\srv", L"\\\\srv", NULL); /* a server is no file part */
	check_full(L"\\\\.\\C:\\a\\..\\b", L"\\\\.\\C:\\b", L"b");
	ok(RtlGetFullPathName_U(L"abc", sizeof(small), small, NULL) ==
		   (wcslen(L"C:\\work\\dir\\abc") + 1) * 2, "too small returns size with NUL");
	ok(RtlDosPathNameToNtPathName_U(L"x\\y.txt", &nt, NULL, NULL) &&
		   !wcscmp(nt.Buffer, L"\\??\\C:\\work\\dir\\x\\y.txt"), "nt path %ls", nt.Buffer);
	RtlFreeUnicodeString(&nt);
	ok(RtlDosPathNameToNtPathName_U(L"\\\\srv\\sh\\f", &nt, NULL, NULL) &&
		   !wcscmp(nt.Buffer, L"\\??\\UNC\\srv\\sh\\f"), "unc nt path %ls", nt.Buffer);
	RtlFreeUnicodeString(&nt);
	ok(RtlDosPathNameToNtPathName_U(L"\\\\?\\C:\\x\\..", &nt, NULL, NULL) &&
		   !wcscmp(nt.Buffer, L"\\??\\C:\\x\\.."), "verbatim nt path %ls", nt.Buffer);
	RtlFreeUnicodeString(&nt);
	ok(RtlDosPathNameToNtPathName_U(L"CONOUT$", &nt, NULL, NULL) &&
		   !wcscmp(nt.Buffer, L"\\??\\CONOUT$"), "console nt path %ls", nt.Buffer);
	RtlFreeUnicodeString(&nt);
}

static void test_curdir(void)
{
	UNICODE_STRING d;
	WCHAR buf[MAX_PATH];

	RtlInitUnicodeString(&d, L"..\\other");
	ok(RtlSetCurrentDirectory_U(&d) == STATUS_SUCCESS, "set cwd");
	ok(RtlGetCurrentDirectory_U(sizeof(buf), buf) == wcslen(L"C:\\work\\other") * 2 &&
		   !wcscmp(buf, L"C:\\work\\other"), "cwd %ls", buf);
	RtlInitUnicodeString(&d, L"C:\\");
	RtlSetCurrentDirectory_U(&d);
	ok(RtlGetCurrentDirectory_U(sizeof(buf), buf) == 6 && !wcscmp(buf, L"C:\\"), "root %ls", buf);
	RtlInitUnicodeString(&d, L"C:\\work\\dir");
	RtlSetCurrentDirectory_U(&d);
}

static void test_time(void)
{
	LSW_TIME_FIELDS tf;
	LARGE_INTEGER t;
	ULONG secs;

	RtlSecondsSince1970ToTime(951782400, &t); /* 2000-02-29 00:00:00 UTC */
	RtlTimeToTimeFields(&t, &tf);
	ok(tf.Year == 2000 && tf.Month == 2 && tf.Day == 29 && tf.Hour == 0 && tf.Weekday == 2,
	   "2000-02-29: %d-%d-%d wd %d", tf.Year, tf.Month, tf.Day, tf.Weekday);
	tf.Hour = 23, tf.Minute = 59, tf.Second = 58, tf.Milliseconds = 999;
	ok(RtlTimeFieldsToTime(&tf, &t), "fields to time");
	ok(RtlTimeToSecondsSince1970(&t, &secs) && secs == 951782400 + 86398, "secs %lu", secs);
	t.QuadPart = 0;
	RtlTimeToTimeFields(&t, &tf);
	ok(tf.Year == 1601 && tf.Month == 1 && tf.Day == 1 && tf.Weekday == 1, "epoch");
	ok(!RtlTimeToSecondsSince1970(&t, &secs), "1601 is before 1970");
	tf.Year = 2023, tf.Month = 2, tf.Day = 29;
	ok(!RtlTimeFieldsToTime(&tf, &t), "2023-02-29 invalid");
}

static void test_strings(void)
{
	UNICODE_STRING a, b, c;
	WCHAR buf[8];
	char nb[24];
	WCHAR wbig[24];
	ULONGLONG big = 0x123456789ABCDEF0ULL;
	STRING as, ad;
	GUID guid;
	USHORT pos;
	ULONG v;

	RtlInitUnicodeString(&a, L"Hello");
	RtlInitUnicodeString(&b, L"hello");
	ok(a.Length == 10 && a.MaximumLength == 12, "init lengths");
	ok(RtlCompareUnicodeString(&a, &b, TRUE) == 0, "ci equal");
	ok(RtlCompareUnicodeString(&a, &b, FALSE) < 0, "cs order");
	ok(RtlEqualUnicodeString(&a, &b, TRUE) && !RtlEqualUnicodeString(&a, &b, FALSE), "equal");
	RtlInitUnicodeString(&c, L"HEL");
	ok(RtlPrefixUnicodeString(&c, &a, TRUE) && !RtlPrefixUnicodeString(&c, &a, FALSE), "prefix");
	c.Buffer = buf;
	c.Length = 0;
	c.MaximumLength = sizeof(buf);
	ok(RtlAppendUnicodeToString(&c, L"abc") == STATUS_SUCCESS, "append");
	ok(RtlAppendUnicodeStringToString(&c, &a) == STATUS_SUCCESS && c.Length == 16,
	   "append filling the buffer exactly (no room for NUL)");
	ok(RtlAppendUnicodeToString(&c, L"x") == STATUS_BUFFER_TOO_SMALL, "append overflow");
	ok(RtlUpcaseUnicodeChar(0xE9) == 0xC9 && RtlUpcaseUnicodeChar(0x3B1) == 0x391 &&
		   RtlUpcaseUnicodeChar(0x451) == 0x401 && RtlDowncaseUnicodeChar('Q') == 'q',
	   "case mapping");
	ok(RtlIntegerToChar(255, 16, sizeof(nb), nb) == STATUS_SUCCESS && !strcmp(nb, "FF"), "itoc");
	ok(RtlCharToInteger("  -0x1A", 0, &v) == STATUS_SUCCESS && v == (ULONG)-26, "ctoi %ld", v);
	ok(RtlCharToInteger("1011", 2, &v) == STATUS_SUCCESS && v == 11, "ctoi base 2");
	ok(RtlLargeIntegerToChar(&big, 16, sizeof(nb), nb) == STATUS_SUCCESS &&
		   !strcmp(nb, "123456789ABCDEF0"), "large itoc");
	ok(RtlLargeIntegerToChar(&big, 10, 5, nb) == STATUS_BUFFER_OVERFLOW, "large itoc overflow");
	ok(RtlLargeIntegerToChar(&big, 10, 30, NULL) == STATUS_ACCESS_VIOLATION, "large itoc NULL");
	c.Length = 0;
	ok(RtlInt64ToUnicodeString(1ULL << 40, 0, &c) == STATUS_BUFFER_OVERFLOW && c.Length == 26,
	   "int64 to a short string: overflow, the Length needed");
	c.Buffer = wbig;
	c.MaximumLength = sizeof(wbig);
	ok(RtlInt64ToUnicodeString(1ULL << 40, 0, &c) == STATUS_SUCCESS && c.Length == 26 &&
		   !wcscmp(wbig, L"1099511627776"), "int64 to string");
	c.Length = 3 * sizeof(WCHAR); /* "109" */
	ok(RtlUnicodeStringToInteger(&c, 0, &v) == STATUS_SUCCESS && v == 109,
	   "wide parse stops at Length");
	RtlInitUnicodeString(&c, L" -0b101z");
	ok(RtlUnicodeStringToInteger(&c, 0, &v) == STATUS_SUCCESS && v == (ULONG)-5, "wide 0b");
	ok(RtlUnicodeStringToInteger(&c, 20, &v) == STATUS_INVALID_PARAMETER, "wide bad base");
	RtlInitString(&as, "abcdef");
	ad.Buffer = nb;
	ad.MaximumLength = 4;
	RtlCopyString(&ad, &as);
	ok(ad.Length == 4 && !memcmp(nb, "abcd", 4), "copy string truncates to MaximumLength");
	ok(RtlAppendStringToString(&ad, &as) == STATUS_BUFFER_TOO_SMALL && ad.Length == 4,
	   "append past MaximumLength");
	ad.MaximumLength = sizeof(nb);
	ok(RtlAppendAsciizToString(&ad, "xy") == STATUS_SUCCESS && ad.Length == 6 &&
		   !memcmp(nb, "abcdxy", 6), "append asciiz");
	ok(RtlCompareUnicodeStrings(L"abc", 3, L"abD", 3, FALSE) == 'c' - 'D' &&
		   RtlCompareUnicodeStrings(L"abc", 3, L"ABC", 2, TRUE) == 1, "compare strings");
	RtlInitUnicodeString(&a, L"This is a String");
	RtlInitUnicodeString(&b, L"String");
	ok(RtlFindCharInUnicodeString(0, &a, &b, &pos) == STATUS_SUCCESS && pos == 6 &&
		   RtlFindCharInUnicodeString(3, &a, &b, &pos) == STATUS_SUCCESS && pos == 18,
	   "find char forward in set, backward not in set");
	RtlInitUnicodeString(&b, L"");
	ok(RtlFindCharInUnicodeString(0, &a, &b, &pos) == STATUS_NOT_FOUND && pos == 0,
	   "find char in an empty set");
	RtlInitUnicodeString(&b, L"{0123abcd-4567-89AB-cdef-0123456789ab}");
	ok(RtlGUIDFromString(&b, &guid) == STATUS_SUCCESS && guid.Data1 == 0x0123ABCD &&
		   guid.Data2 == 0x4567 && guid.Data4[0] == 0xCD && guid.Data4[7] == 0xAB,
	   "GUID from string");
	ok(RtlStringFromGUID(&guid, &c) == STATUS_SUCCESS && c.Length == 76 &&
		   !wcscmp(c.Buffer, L"{0123ABCD-4567-89AB-CDEF-0123456789AB}"), "string from GUID");
	RtlFreeUnicodeString(&c);
	b.Length -= 2;
	ok(RtlGUIDFromString(&b, &guid) == STATUS_INVALID_PARAMETER, "GUID string without brace");
	ok(_wcsicmp(L"ABC", L"abd") < 0 && _stricmp("a_", "A[") > 0, "icmp folds to lower");
	ok(strstr("hello", "ll") && !strstr("hello", "lx") && wcsrchr(L"a\\b\\c", '\\'), "search");
	ok(memcmp("abcdefghij", "abcdefghiK", 10) > 0 && RtlCompareMemory("abcd", "abxd", 4) == 2,
	   "memcmp");
}

static void test_memmove(void)
{
	char buf[200];
	int i;

	for (i = 0; i < 200; i++)
		buf[i] = (char)i;
	memmove(buf + 10, buf, 150);
	for (i = 0; i < 150 && buf[i + 10] == (char)i; i++)
		;
	ok(i == 150, "overlapping memmove forward at %d", i);
	memmove(buf, buf + 10, 150);
	for (i = 0; i < 150 && buf[i] == (char)i; i++)
		;
	ok(i == 150, "overlapping memmove backward at %d", i);
}

static DWORD WINAPI once_fn(PRTL_RUN_ONCE once, PVOID param, PVOID *ctx)
{
	(*(int *)param)++;
	*ctx = (PVOID)0x1230;
	return TRUE;
}

static void test_locks(void)
{
	RTL_CRITICAL_SECTION cs;
	RTL_SRWLOCK srw = RTL_SRWLOCK_INIT;
	RTL_RUN_ONCE once = RTL_RUN_ONCE_INIT;
	PVOID ctx = NULL;
	int calls = 0;

	RtlInitializeCriticalSection(&cs);
	ok(cs.LockCount == -1 && cs.RecursionCount == 0 && !cs.OwningThread, "cs init");
	RtlEnterCriticalSection(&cs);
	RtlEnterCriticalSection(&cs);
	ok(cs.RecursionCount == 2 && cs.OwningThread == (HANDLE)0x104 && cs.LockCount == -2,
	   "recursive enter: rc %ld lc %ld", cs.RecursionCount, cs.LockCount);
	ok(RtlTryEnterCriticalSection(&cs), "try enter by owner");
	RtlLeaveCriticalSection(&cs);
	RtlLeaveCriticalSection(&cs);
	RtlLeaveCriticalSection(&cs);
	ok(cs.LockCount == -1 && !cs.OwningThread, "released");
	RtlDeleteCriticalSection(&cs);
	RtlAcquireSRWLockShared(&srw);
	RtlAcquireSRWLockShared(&srw);
	ok(!RtlTryAcquireSRWLockExclusive(&srw), "exclusive blocked by readers");
	RtlReleaseSRWLockShared(&srw);
	RtlReleaseSRWLockShared(&srw);
	ok(RtlTryAcquireSRWLockExclusive(&srw), "exclusive when free");
	ok(!RtlTryAcquireSRWLockShared(&srw), "shared blocked by writer");
	RtlReleaseSRWLockExclusive(&srw);
	ok(srw.Ptr == NULL, "srw free again");
	ok(RtlRunOnceExecuteOnce(&once, once_fn, &calls, &ctx) == STATUS_SUCCESS &&
		   ctx == (PVOID)0x1230, "run once");
	ctx = NULL;
	RtlRunOnceExecuteOnce(&once, once_fn, &calls, &ctx);
	ok(calls == 1 && ctx == (PVOID)0x1230, "run once only once, ctx kept");
	ok(RtlDecodePointer(RtlEncodePointer((PVOID)0x12345678)) == (PVOID)0x12345678 &&
		   RtlEncodePointer((PVOID)0x12345678) != (PVOID)0x12345678, "encode pointer");
}

int main(void)
{
	host_shim_init();
	test_heap_basic();
	test_heap_large_and_stress();
	test_heap_fixed();
	test_heap_fixed_reuse();
	test_heap_walk();
	test_utf8();
	test_text_unicode();
	test_format_message();
	test_codepages();
	test_status();
	test_env();
	test_paths();
	test_curdir();
	test_time();
	test_strings();
	test_memmove();
	test_locks();
	printf("test_rtl: %d checks, %d failures\n", checks, failures);
	return failures != 0;
}
