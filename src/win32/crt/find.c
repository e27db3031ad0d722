/*
 * _findfirst/_findnext/_findclose over FindFirstFileA/FindNextFileA, in
 * every layout the public <io.h> names: times 32- or 64-bit, size 32- or
 * 64-bit.  On x64, mingw's _findfirst is an inline _findfirst64i32 over
 * _findfirst64; msvcrt.dll's own _findfirst/_findfirsti64 use 64-bit
 * times (time_t is 64-bit there).  The handle is the kernel32 find handle.
 */
#include "crt_internal.h"

#define MAX_PATH 260
#define FILE_ATTRIBUTE_DIRECTORY 0x10
#define ERROR_NO_MORE_FILES 18
#define EPOCH_1601_TO_1970 116444736000000000ull

/* WIN32_FIND_DATAA, as in the public <minwinbase.h> */
typedef struct {
	DWORD dwFileAttributes;
	FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
	DWORD nFileSizeHigh, nFileSizeLow;
	DWORD dwReserved0, dwReserved1;
	char cFileName[MAX_PATH];
	char cAlternateFileName[14];
} WIN32_FIND_DATAA;

/* kernel32, not in k32.h (only this file uses them) */
K32 HANDLE FindFirstFileA(const char *name, WIN32_FIND_DATAA *data);
K32 BOOL FindNextFileA(HANDLE h, WIN32_FIND_DATAA *data);
K32 BOOL FindClose(HANDLE h);

/* The CRT's attributes are the low DOS bits (_A_RDONLY .. _A_ARCH). */
#define CRT_ATTRIB_MASK 0x37

struct find64 {   /* __finddata64_t: every other layout is a narrowing */
	unsigned attrib;
	int64_t time_create, time_access, time_write;
	int64_t size;
	char name[MAX_PATH];
};

struct find32 {   /* _finddata32_t */
	unsigned attrib;
	int32_t time_create, time_access, time_write;
	unsigned long size;
	char name[MAX_PATH];
};

struct find32i64 { /* _finddata32i64_t */
	unsigned attrib;
	int32_t time_create, time_access, time_write;
	int64_t size;
	char name[MAX_PATH];
};

struct find64i32 { /* _finddata64i32_t (and msvcrt's x64 _finddata_t) */
	unsigned attrib;
	int64_t time_create, time_access, time_write;
	unsigned long size;
	char name[MAX_PATH];
};

/* FILETIME -> time_t; 0 (not set) stays -1 as the CRT reports it. */
static int64_t to_time(const FILETIME *ft)
{
	uint64_t t = ((uint64_t)ft->dwHighDateTime << 32) | ft->dwLowDateTime;

	if (!t)
		return -1;
	return (int64_t)((t - EPOCH_1601_TO_1970) / 10000000ull);
}

static void convert(const WIN32_FIND_DATAA *d, struct find64 *o)
{
	o->attrib = (unsigned)(d->dwFileAttributes & CRT_ATTRIB_MASK);
	o->time_create = to_time(&d->ftCreationTime);
	o->time_access = to_time(&d->ftLastAccessTime);
	o->time_write = to_time(&d->ftLastWriteTime);
	o->size = (int64_t)(((uint64_t)d->nFileSizeHigh << 32) | d->nFileSizeLow);
	memcpy(o->name, d->cFileName, MAX_PATH);
}

static intptr_t first64(const char *spec, struct find64 *o)
{
	WIN32_FIND_DATAA d;
	HANDLE h;

	if (!spec || !o) {
		crt_set_errno(EINVAL);
		return -1;
	}
	h = FindFirstFileA(spec, &d);
	if (h == INVALID_HANDLE_VALUE) {
		crt_dosmaperr(GetLastError());
		return -1;
	}
	convert(&d, o);
	return (intptr_t)h;
}

static int next64(intptr_t h, struct find64 *o)
{
	WIN32_FIND_DATAA d;

	if (!o) {
		crt_set_errno(EINVAL);
		return -1;
	}
	if (!FindNextFileA((HANDLE)h, &d)) {
		crt_dosmaperr(GetLastError());
		return -1;
	}
	convert(&d, o);
	return 0;
}

/* The narrower layouts: fields copied one by one, the name last. */
#define NARROW(dst, src) do { \
		(dst)->attrib = (src)->attrib; \
		(dst)->time_create = (src)->time_create; \
		(dst)->time_access = (src)->time_access; \
		(dst)->time_write = (src)->time_write; \
		(dst)->size = (src)->size; \
		memcpy((dst)->name, (src)->name, MAX_PATH); \
	} while (0)

#define FIND_PAIR(first, next, type) \
	CRTAPI intptr_t first(const char *spec, type *o) \
	{ \
		struct find64 w; \
		intptr_t h = first64(spec, o ? &w : NULL); \
		if (h != -1) \
			NARROW(o, &w); \
		return h; \
	} \
	CRTAPI int next(intptr_t h, type *o) \
	{ \
		struct find64 w; \
		int r = next64(h, o ? &w : NULL); \
		if (!r) \
			NARROW(o, &w); \
		return r; \
	}

FIND_PAIR(_findfirst32, _findnext32, struct find32)
FIND_PAIR(_findfirst32i64, _findnext32i64, struct find32i64)
FIND_PAIR(_findfirst64i32, _findnext64i32, struct find64i32)
FIND_PAIR(_findfirst, _findnext, struct find64i32)

CRTAPI intptr_t _findfirst64(const char *spec, struct find64 *o)
{
	return first64(spec, o);
}

CRTAPI int _findnext64(intptr_t h, struct find64 *o)
{
	return next64(h, o);
}

CRTAPI intptr_t _findfirsti64(const char *spec, struct find64 *o)
{
	return first64(spec, o);
}

CRTAPI int _findnexti64(intptr_t h, struct find64 *o)
{
	return next64(h, o);
}

CRTAPI int _findclose(intptr_t h)
{
	if (!FindClose((HANDLE)h)) {
		crt_dosmaperr(GetLastError());
		return -1;
	}
	return 0;
}
