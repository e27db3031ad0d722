/*
 * std::_Fiopen: the C stream a basic_filebuf opens for an openmode, the
 * fopen mode of [filebuf.members] (binary adds "b"); _Nocreate fails on a
 * missing file, _Noreplace on an existing one, ate seeks to the end.  The
 * C runtime is ucrtbase's (_wfsopen, fseek, fclose).
 */
#include <windows.h>
#include "msvcp140/ucrt.h"

enum {
	OPEN_IN = 0x01, OPEN_OUT = 0x02, OPEN_ATE = 0x04, OPEN_APP = 0x08, OPEN_TRUNC = 0x10,
	OPEN_BINARY = 0x20, OPEN_NOCREATE = 0x40, OPEN_NOREPLACE = 0x80,
};

static const struct { int mode; const WCHAR *fopen; } modes[] = {
	{ OPEN_OUT, L"w" }, { OPEN_OUT | OPEN_TRUNC, L"w" }, { OPEN_OUT | OPEN_APP, L"a" },
	{ OPEN_APP, L"a" }, { OPEN_IN, L"r" }, { OPEN_IN | OPEN_OUT, L"r+" },
	{ OPEN_IN | OPEN_OUT | OPEN_TRUNC, L"w+" }, { OPEN_IN | OPEN_OUT | OPEN_APP, L"a+" },
	{ OPEN_IN | OPEN_APP, L"a+" },
};


void *__cdecl msvcp_fiopen_w(const WCHAR *name, int mode, int prot)
{
	void *(__cdecl *wfsopen)(const WCHAR *, const WCHAR *, int) = msvcp_ucrt_proc("_wfsopen");
	int (__cdecl *fseek_)(void *, long, int) = msvcp_ucrt_proc("fseek");
	int (__cdecl *fclose_)(void *) = msvcp_ucrt_proc("fclose");
	int want = mode & ~(OPEN_ATE | OPEN_BINARY | OPEN_NOCREATE | OPEN_NOREPLACE);
	DWORD attrs = name ? GetFileAttributesW(name) : INVALID_FILE_ATTRIBUTES;
	WCHAR how[4];
	void *f = NULL;

	if (!wfsopen || !fseek_ || !fclose_ || !name)
		return NULL;
	if (((mode & OPEN_NOCREATE) && attrs == INVALID_FILE_ATTRIBUTES) ||
	    ((mode & OPEN_NOREPLACE) && attrs != INVALID_FILE_ATTRIBUTES &&
	     (mode & (OPEN_OUT | OPEN_APP))))
		return NULL;
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]) && !f; i++) {
		if (modes[i].mode != want)
			continue;
		lstrcpyW(how, modes[i].fopen);
		if (mode & OPEN_BINARY)
			lstrcatW(how, L"b");
		f = wfsopen(name, how, prot);
	}
	if (f && (mode & OPEN_ATE) && fseek_(f, 0, 2 /* SEEK_END */)) {
		fclose_(f);
		f = NULL;
	}
	return f;
}

/* The narrow name is in the ANSI code page. */
void *__cdecl msvcp_fiopen(const char *name, int mode, int prot)
{
	WCHAR wide[MAX_PATH];

	if (!name || !MultiByteToWideChar(CP_ACP, 0, name, -1, wide, MAX_PATH))
		return NULL;
	return msvcp_fiopen_w(wide, mode, prot);
}
