/*
 * _findfirst/_findnext/_findclose and their wide forms over
 * FindFirstFileW/FindNextFileW, in every layout the public <io.h> names:
 * times 32- or 64-bit, size 32- or 64-bit, name narrow or wide.  On x64,
 * mingw's _findfirst is an inline _findfirst64i32 over _findfirst64;
 * msvcrt.dll's own _findfirst/_findfirsti64 use 64-bit times (time_t is
 * 64-bit there).  The handle is the kernel32 find handle.  Narrow names
 * go through the ANSI code page.
 */
#include "crt_internal.h"

#define EPOCH_1601_TO_1970 116444736000000000ull

/* The CRT's attributes are the low DOS bits (_A_RDONLY .. _A_ARCH). */
#define CRT_ATTRIB_MASK 0x37

/* What every layout is made from. */
struct found {
	unsigned attrib;
	int64_t time_create, time_access, time_write;
	int64_t size;
	const WCHAR *name;
};

/* FILETIME -> time_t; 0 (not set) stays -1 as the CRT reports it. */
static int64_t to_time(const FILETIME *ft)
{
	uint64_t t = ((uint64_t)ft->dwHighDateTime << 32) | ft->dwLowDateTime;

	if (!t)
		return -1;
	return (int64_t)((t - EPOCH_1601_TO_1970) / 10000000ull);
}

static void from_data(const WIN32_FIND_DATAW *d, struct found *o)
{
	o->attrib = (unsigned)(d->dwFileAttributes & CRT_ATTRIB_MASK);
	o->time_create = to_time(&d->ftCreationTime);
	o->time_access = to_time(&d->ftLastAccessTime);
	o->time_write = to_time(&d->ftLastWriteTime);
	o->size = (int64_t)(((uint64_t)d->nFileSizeHigh << 32) | d->nFileSizeLow);
	o->name = d->cFileName;
}

/* spec narrow or wide; d receives the first match. */
static intptr_t first_any(const void *spec, int wide, WIN32_FIND_DATAW *d)
{
	WCHAR w[MAX_PATH * 4];
	HANDLE h;

	if (!spec) {
		crt_invalid_parameter();
		crt_set_errno(EINVAL);
		return -1;
	}
	if (!wide && !MultiByteToWideChar(0 /* CP_ACP */, 0, spec, -1, w, MAX_PATH * 4)) {
		crt_set_errno(ENOENT);
		return -1;
	}
	h = FindFirstFileW(wide ? spec : w, d);
	if (h == INVALID_HANDLE_VALUE) {
		crt_dosmaperr(GetLastError());
		return -1;
	}
	return (intptr_t)h;
}

static int next_any(intptr_t h, WIN32_FIND_DATAW *d)
{
	if (!FindNextFileW((HANDLE)h, d)) {
		crt_dosmaperr(GetLastError());
		return -1;
	}
	return 0;
}

static void put_name(char *dst, const WCHAR *src)
{
	if (!WideCharToMultiByte(0 /* CP_ACP */, 0, src, -1, dst, MAX_PATH, NULL, NULL))
		dst[0] = 0;
}

static void put_wname(wchar *dst, const WCHAR *src)
{
	memcpy(dst, src, MAX_PATH * sizeof(WCHAR));
}

/* One layout: its struct, the first/next functions narrow or wide. */
#define FIND_LAYOUT(first, next, tag, time_t_, size_t_, name_t, spec_t, wide, put) \
	struct tag { \
		unsigned attrib; \
		time_t_ time_create, time_access, time_write; \
		size_t_ size; \
		name_t name[MAX_PATH]; \
	}; \
	static void fill_##tag(struct tag *o, const WIN32_FIND_DATAW *d) \
	{ \
		struct found f; \
		from_data(d, &f); \
		o->attrib = f.attrib; \
		o->time_create = (time_t_)f.time_create; \
		o->time_access = (time_t_)f.time_access; \
		o->time_write = (time_t_)f.time_write; \
		o->size = (size_t_)f.size; \
		put(o->name, f.name); \
	} \
	CRTAPI intptr_t first(const spec_t *spec, struct tag *o) \
	{ \
		WIN32_FIND_DATAW d; \
		intptr_t h = o ? first_any(spec, wide, &d) : (crt_set_errno(EINVAL), -1); \
		if (h != -1) \
			fill_##tag(o, &d); \
		return h; \
	} \
	CRTAPI int next(intptr_t h, struct tag *o) \
	{ \
		WIN32_FIND_DATAW d; \
		if (!o) { \
			crt_set_errno(EINVAL); \
			return -1; \
		} \
		if (next_any(h, &d)) \
			return -1; \
		fill_##tag(o, &d); \
		return 0; \
	}

FIND_LAYOUT(_findfirst32, _findnext32, f32, int32_t, unsigned long, char, char, 0, put_name)
FIND_LAYOUT(_findfirst32i64, _findnext32i64, f32i64, int32_t, int64_t, char, char, 0, put_name)
FIND_LAYOUT(_findfirst64i32, _findnext64i32, f64i32, int64_t, unsigned long, char, char, 0, put_name)
FIND_LAYOUT(_findfirst64, _findnext64, f64, int64_t, int64_t, char, char, 0, put_name)
FIND_LAYOUT(_wfindfirst32, _wfindnext32, w32, int32_t, unsigned long, wchar, wchar, 1, put_wname)
FIND_LAYOUT(_wfindfirst32i64, _wfindnext32i64, w32i64, int32_t, int64_t, wchar, wchar, 1, put_wname)
FIND_LAYOUT(_wfindfirst64i32, _wfindnext64i32, w64i32, int64_t, unsigned long, wchar, wchar, 1, put_wname)
FIND_LAYOUT(_wfindfirst64, _wfindnext64, w64, int64_t, int64_t, wchar, wchar, 1, put_wname)

CRTAPI int _findclose(intptr_t h)
{
	if (!FindClose((HANDLE)h)) {
		crt_dosmaperr(GetLastError());
		return -1;
	}
	return 0;
}
