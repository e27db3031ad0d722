/*
 * kernel32 conformance: prints one line per check with the actual values,
 * compared with k32_basic.expected (documented Windows 10 behaviour;
 * validated with Wine where Wine agrees with the documentation).
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static void env(void)
{
	char buf[8];
	WCHAR w[8];
	DWORD r;

	SetLastError(0xdead);
	r = GetEnvironmentVariableA("LSW_NOT_SET_X", buf, sizeof(buf));
	printf("env missing: %lu err %lu\n", r, GetLastError());
	printf("env set: %d\n", SetEnvironmentVariableA("LSW_T", "value123"));
	r = GetEnvironmentVariableA("lsw_t", buf, 4);
	printf("env small buffer: %lu\n", r);
	r = GetEnvironmentVariableA("LSW_T", buf, sizeof(buf));
	printf("env exact-1: %lu\n", r);
	r = GetEnvironmentVariableW(L"LSW_T", w, 9);
	printf("env fits: %lu %ls\n", r, w);
	r = SetEnvironmentVariableA("A=B", "x");
	printf("env bad name: %lu err %lu\n", r, GetLastError());
	SetEnvironmentVariableA("LSW_T", NULL);
	r = GetEnvironmentVariableA("LSW_T", buf, sizeof(buf));
	printf("env deleted: %lu err %lu\n", r, GetLastError());
	SetEnvironmentVariableA("LSW_E", "ex");
	r = ExpandEnvironmentStringsA("<%LSW_E%|%LSW_NONE%|100%>", NULL, 0);
	{
		char out[64];
		DWORD r2 = ExpandEnvironmentStringsA("<%LSW_E%|%LSW_NONE%|100%>", out, sizeof(out));
		printf("expand: %lu %lu %s\n", r, r2, out);
	}
}

static void codepages(void)
{
	WCHAR w[16];
	char a[16];
	BOOL used = FALSE;
	int r;

	printf("acp %u oemcp %u valid65001 %d valid932 %d\n", GetACP(), GetOEMCP(),
	       IsValidCodePage(65001), IsValidCodePage(12345));
	r = MultiByteToWideChar(CP_UTF8, 0, "h\xC3\xA9", -1, NULL, 0);
	printf("mb2wc size -1: %d\n", r);
	r = MultiByteToWideChar(CP_UTF8, 0, "h\xC3\xA9", 3, w, 16);
	printf("mb2wc: %d %04x %04x\n", r, w[0], w[1]);
	SetLastError(0);
	r = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "a\xFF", 2, w, 16);
	printf("mb2wc invalid strict: %d err %lu\n", r, GetLastError());
	r = MultiByteToWideChar(CP_UTF8, 0, "a\xFF", 2, w, 16);
	printf("mb2wc invalid lax: %d %04x\n", r, w[1]);
	r = MultiByteToWideChar(CP_UTF8, 0, "abcdef", 6, w, 3);
	printf("mb2wc small: %d err %lu\n", r, GetLastError());
	r = MultiByteToWideChar(1252, 0, "\x80\x9f", 2, w, 16);
	printf("cp1252: %d %04x %04x\n", r, w[0], w[1]);
	r = MultiByteToWideChar(CP_OEMCP, 0, "\xb3", 1, w, 16);
	printf("cp437: %d %04x\n", r, w[0]);
	r = WideCharToMultiByte(CP_UTF8, 0, L"\x20ac", -1, NULL, 0, NULL, NULL);
	printf("wc2mb utf8 size: %d\n", r);
	r = WideCharToMultiByte(1252, 0, L"a\x20ac\x4e00", 3, a, 16, NULL, &used);
	printf("wc2mb 1252: %d %02x %02x used %d\n", r, (unsigned char)a[1], (unsigned char)a[2],
	       used);
	r = WideCharToMultiByte(CP_UTF8, 0, L"x", 1, a, 16, NULL, &used);
	printf("wc2mb utf8 with used: %d err %lu\n", r, GetLastError());
	SetLastError(0);
	r = WideCharToMultiByte(1252, 0, L"abc", 3, a, 2, NULL, NULL);
	printf("wc2mb small: %d err %lu\n", r, GetLastError());
}

static void heaps(void)
{
	HANDLE h = HeapCreate(0, 0, 0);
	char *p = HeapAlloc(h, HEAP_ZERO_MEMORY, 33);
	BOOL ok1;

	printf("heap alloc: %d aligned %d zero %d size %zu\n", p != NULL,
	       ((ULONG_PTR)p & 15) == 0, p[32] == 0, HeapSize(h, 0, p));
	p = HeapReAlloc(h, 0, p, 1000);
	printf("heap realloc size %zu\n", HeapSize(h, 0, p));
	ok1 = HeapFree(h, 0, p);
	printf("heap free %d validate %d\n", ok1, HeapValidate(h, 0, NULL));
	printf("heap destroy %d\n", HeapDestroy(h));
	p = LocalAlloc(LPTR, 10);
	printf("localalloc %d zero %d", p != NULL, p[9] == 0);
	printf(" localfree %p\n", LocalFree(p));
	printf("process heap %d\n", GetProcessHeap() != NULL);
}

static void tls(void)
{
	DWORD i = TlsAlloc();

	void *v;

	SetLastError(55);
	v = TlsGetValue(i);
	printf("tls get new: %p err %lu\n", v, GetLastError());
	TlsSetValue(i, (void *)0x1234);
	printf("tls get: %p\n", TlsGetValue(i));
	printf("tls free: %d\n", TlsFree(i));
}

/* Message texts end in CR LF; print them without it. */
static void print_message(const char *what, DWORD n, char *buf)
{
	if (n >= 2 && buf[n - 2] == '\r')
		buf[n - 2] = 0;
	printf("%s %lu: %s\n", what, n, buf);
}

static void strings_locale(void)
{
	char buf[256];
	DWORD n;

	printf("lstrcmp a/B %d a/A %d ab/a %d\n", lstrcmpA("a", "B"), lstrcmpA("a", "A"),
	       lstrcmpA("ab", "a"));
	printf("lstrcmpi %d lstrlen %d\n", lstrcmpiA("HeLLo", "hello"), lstrlenA("hello"));
	printf("ordinal %d %d\n", CompareStringOrdinal(L"a", -1, L"B", -1, FALSE),
	       CompareStringOrdinal(L"a", -1, L"A", -1, TRUE));
	n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
			   ERROR_FILE_NOT_FOUND, 0, buf, sizeof(buf), NULL);
	print_message("fmt", n, buf);
	{
		DWORD_PTR args[] = { (DWORD_PTR)"world", 42 };
		n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY,
				   "hello %1, %2!d!%% done%n", 0, 0, buf, sizeof(buf),
				   (va_list *)args);
		print_message("fmt string", n, buf);
	}
	{
		/* '*' takes the width and precision from the next inserts */
		DWORD_PTR args[] = { 6, 2, (DWORD_PTR)"abcdef", 7, 0x2a };
		n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY,
				   "[%1!*.*s!|%4!-5d!|%5!05X!]", 0, 0, buf, sizeof(buf),
				   (va_list *)args);
		print_message("fmt width", n, buf);
	}
	printf("lcid %04lx\n", (unsigned long)GetUserDefaultLCID());
}

static void paths(void)
{
	char buf[MAX_PATH], *part;
	DWORD n;

	n = GetFullPathNameA("C:\\a\\.\\b\\..\\c.txt", MAX_PATH, buf, &part);
	printf("fullpath %lu %s part %s\n", n, buf, part);
	n = GetFullPathNameA("C:\\dir\\x. .", MAX_PATH, buf, &part);
	printf("fullpath trailing %lu %s\n", n, buf);
	n = GetFullPathNameA("C:\\a\\b", 3, buf, &part);
	printf("fullpath small %lu\n", n);
	n = GetFullPathNameA("\\\\srv\\share\\..\\x", MAX_PATH, buf, &part);
	printf("fullpath unc %lu %s\n", n, buf);
}

static void files(void)
{
	const char *name = "k32_basic.tmp";
	HANDLE h;
	DWORD n = 0, high = 0;
	char buf[16];
	BOOL ok1, ok2;

	DeleteFileA(name);
	h = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
	printf("create new %d err %lu\n", h != INVALID_HANDLE_VALUE, GetLastError());
	ok1 = WriteFile(h, "hello world", 11, &n, NULL);
	printf("write %d %lu\n", ok1, n);
	n = GetFileSize(h, &high);
	printf("size %lu high %lu\n", n, high);
	printf("seek %lu\n", SetFilePointer(h, 6, NULL, FILE_BEGIN));
	ok1 = ReadFile(h, buf, sizeof(buf), &n, NULL);
	printf("read %d %lu ", ok1, n);
	printf("'%.*s'\n", (int)n, buf);
	ok1 = ReadFile(h, buf, sizeof(buf), &n, NULL);
	printf("read eof %d %lu\n", ok1, n);
	SetLastError(0);
	n = SetFilePointer(h, -100, NULL, FILE_CURRENT);
	printf("seek negative %lx err %lu\n", n, GetLastError());
	SetFilePointer(h, 5, NULL, FILE_BEGIN);
	ok1 = SetEndOfFile(h);
	printf("truncate %d size %lu\n", ok1, GetFileSize(h, NULL));
	CloseHandle(h);
	h = CreateFileA(name, GENERIC_READ, 0, NULL, CREATE_NEW, 0, NULL);
	printf("create new existing %d err %lu\n", h != INVALID_HANDLE_VALUE, GetLastError());
	h = CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_ALWAYS, 0, NULL);
	printf("open always existing err %lu\n", GetLastError());
	printf("filetype disk %lu\n", GetFileType(h));
	CloseHandle(h);
	printf("attrs %lx\n", GetFileAttributesA(name) & ~FILE_ATTRIBUTE_NOT_CONTENT_INDEXED);
	ok1 = DeleteFileA(name);
	ok2 = DeleteFileA(name);
	printf("delete %d, again %d err %lu\n", ok1, ok2, GetLastError());
	n = GetFileAttributesA(name);
	printf("attrs missing %lx err %lu\n", n, GetLastError());
	h = CreateFileA("no_such_dir\\x", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	printf("open missing dir err %lu\n", GetLastError());
	ok1 = CloseHandle((HANDLE)0x1230);
	printf("closehandle bad %d err %lu\n", ok1, GetLastError());
}

static void sysinfo(void)
{
	SYSTEM_INFO si;
	OSVERSIONINFOA v = { sizeof(v) };
	BOOL ok1;

	GetSystemInfo(&si);
	printf("sysinfo arch %u page %lu gran %lu min %p max %p cpus>0 %d\n",
	       si.wProcessorArchitecture, si.dwPageSize, si.dwAllocationGranularity,
	       si.lpMinimumApplicationAddress, si.lpMaximumApplicationAddress,
	       si.dwNumberOfProcessors > 0);
	printf("pseudo %p %p\n", GetCurrentProcess(), GetCurrentThread());
	v.dwOSVersionInfoSize = 3;
	ok1 = GetVersionExA(&v);
	printf("versionex bad size %d err %lu\n", ok1, GetLastError());
}

int main(void)
{
	env();
	codepages();
	heaps();
	tls();
	strings_locale();
	paths();
	files();
	sysinfo();
	return 0;
}
