/*
 * DOS path rules: path types, GetFullPathName normalisation and the
 * translation of DOS paths to NT paths (\??\C:\dir, \??\UNC\server\share).
 *
 * Normalisation (Windows 10 rules):
 *   - '/' is a separator like '\'; runs of separators collapse to one
 *   - "." segments vanish, ".." removes the previous segment but never
 *     climbs above the root (drive "C:\", UNC "\\server\share\", "\\.\")
 *   - a middle segment ending in a single '.' loses that dot
 *   - unless the path ends with a separator, trailing dots and spaces of
 *     the last segment are removed
 *   - a last segment naming a DOS device (CON, NUL, COM1, ...) turns the
 *     whole path into "\\.\DEVICE"
 *   - "\\?\" paths are taken verbatim.
 * Relative paths resolve against PEB->ProcessParameters->CurrentDirectory;
 * "D:rel" for another drive uses the "=D:" environment variable.
 */
#include "rtl_private.h"

#define MAX_FULL_PATH 32767

static BOOL is_sep(WCHAR c)
{
	return c == '\\' || c == '/';
}

RTLAPI LSW_RTL_PATH_TYPE NTAPI RtlDetermineDosPathNameType_U(PCWSTR p)
{
	if (is_sep(p[0])) {
		if (!is_sep(p[1]))
			return RtlPathTypeRooted;
		if (p[2] == '.' || p[2] == '?') {
			if (is_sep(p[3]))
				return RtlPathTypeLocalDevice;
			if (!p[3])
				return RtlPathTypeRootLocalDevice;
		}
		return RtlPathTypeUncAbsolute;
	}
	if (p[0] && p[1] == ':')
		return is_sep(p[2]) ? RtlPathTypeDriveAbsolute : RtlPathTypeDriveRelative;
	return RtlPathTypeRelative;
}

static BOOL name_is(const WCHAR *s, SIZE_T n, const char *name)
{
	SIZE_T i;

	for (i = 0; i < n; i++)
		if (!name[i] || rtl_upcase(s[i]) != (WCHAR)name[i])
			return FALSE;
	return name[n] == 0;
}

static BOOL is_device_base(const WCHAR *s, SIZE_T n)
{
	if (n == 3)
		return name_is(s, 3, "CON") || name_is(s, 3, "PRN") || name_is(s, 3, "AUX") ||
		       name_is(s, 3, "NUL");
	if (n == 4 && s[3] >= '1' && s[3] <= '9')
		return name_is(s, 3, "COM") || name_is(s, 3, "LPT");
	return FALSE;
}

/* (offset << 16 | length) in bytes of the device name in `path`, or 0. */
RTLAPI ULONG NTAPI RtlIsDosDeviceName_U(PCWSTR path)
{
	LSW_RTL_PATH_TYPE type = RtlDetermineDosPathNameType_U(path);
	SIZE_T len = wcslen(path), start = 0, i, end;

	if (type == RtlPathTypeUncAbsolute || type == RtlPathTypeLocalDevice ||
	    type == RtlPathTypeRootLocalDevice)
		return 0;
	if (name_is(path, len, "CONIN$") || name_is(path, len, "CONOUT$"))
		return (ULONG)(len * sizeof(WCHAR));
	for (i = 0; i < len; i++)
		if (is_sep(path[i]) || (i == 1 && path[i] == ':'))
			start = i + 1;
	/* The base name ends at the first '.' or ':'; spaces before it are
	 * ignored ("nul .txt" is NUL too). */
	for (end = start; end < len && path[end] != '.' && path[end] != ':'; end++)
		;
	while (end > start && path[end - 1] == ' ')
		end--;
	if (!is_device_base(path + start, end - start))
		return 0;
	return (ULONG)((start * sizeof(WCHAR)) << 16 | (end - start) * sizeof(WCHAR));
}

/* Normalise buf[root..len) in place; buf[0..root) is the root and ends in
 * a backslash.  Returns the new length. */
static SIZE_T normalize(WCHAR *buf, SIZE_T root, SIZE_T len)
{
	SIZE_T i = root, o = root;
	BOOL dot_last = FALSE;

	while (i < len) {
		SIZE_T start, n;
		BOOL last;
		while (i < len && is_sep(buf[i]))
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && !is_sep(buf[i]))
			i++;
		n = i - start;
		last = i == len;
		dot_last = FALSE;
		if ((n == 1 && buf[start] == '.') || (n == 2 && buf[start] == '.' && buf[start + 1] == '.')) {
			if (n == 2 && o > root) {
				o--; /* drop the separator, then the segment */
				while (o > root && buf[o - 1] != '\\')
					o--;
			}
			dot_last = last;
			continue;
		}
		if (last) {
			while (n && (buf[start + n - 1] == '.' || buf[start + n - 1] == ' '))
				n--;
		} else if (buf[start + n - 1] == '.' && (n < 2 || buf[start + n - 2] != '.')) {
			n--;
		}
		memmove(buf + o, buf + start, n * sizeof(WCHAR));
		o += n;
		if (!last && n)
			buf[o++] = '\\';
	}
	/* "C:\dir\." and "C:\dir\sub\.." name the directory itself. */
	if (dot_last && o > root)
		o--;
	return o;
}

/* End of the "\\server\share" part of a UNC path. */
static SIZE_T unc_root_end(const WCHAR *p, SIZE_T len)
{
	SIZE_T i = 2;
	int part;

	for (part = 0; part < 2; part++) {
		while (i < len && !is_sep(p[i]))
			i++;
		if (part == 0 && i < len)
			i++;
	}
	return i;
}

/* Length of the root (drive or UNC share, without the final backslash) of
 * a full path such as the current directory. */
static SIZE_T root_of(const WCHAR *p, SIZE_T len)
{
	if (len >= 2 && is_sep(p[0]) && is_sep(p[1]))
		return unc_root_end(p, len);
	return len >= 2 ? 2 : len;
}

typedef struct path_buf {
	WCHAR *s;
	SIZE_T len, max;
} path_buf;

static BOOL pb_add(path_buf *b, const WCHAR *s, SIZE_T n)
{
	if (b->len + n >= b->max)
		return FALSE;
	memcpy(b->s + b->len, s, n * sizeof(WCHAR));
	b->len += n;
	return TRUE;
}

/* The current directory of drive `letter` when it is not the current
 * drive: "=X:" in the environment, else the drive's root. */
static void drive_dir(WCHAR letter, path_buf *b)
{
	WCHAR name[4] = { '=', letter, ':', 0 }, val[MAX_PATH];
	UNICODE_STRING n = { 6, 8, name }, v = { 0, sizeof(val), val };

	if (RtlQueryEnvironmentVariable_U(NULL, &n, &v) >= 0 && v.Length >= 4) {
		pb_add(b, val, v.Length / sizeof(WCHAR));
		if (!is_sep(val[v.Length / sizeof(WCHAR) - 1]))
			pb_add(b, L"\\", 1);
		return;
	}
	pb_add(b, &letter, 1);
	pb_add(b, L":\\", 2);
}

/* Writes root + remainder for `path` of type `type` into b; returns the
 * root length (up to and including its backslash). */
static SIZE_T build_raw(const WCHAR *path, LSW_RTL_PATH_TYPE type, path_buf *b)
{
	const UNICODE_STRING *cwd = &lsw_params()->CurrentDirectory.DosPath;
	SIZE_T cwd_len = cwd->Length / sizeof(WCHAR), len = wcslen(path), r;

	switch (type) {
	case RtlPathTypeUncAbsolute:
		r = unc_root_end(path, len);
		pb_add(b, path, len);
		return r < len ? r + 1 : r;
	case RtlPathTypeLocalDevice:
		pb_add(b, path, len);
		return 4;
	case RtlPathTypeDriveAbsolute:
		pb_add(b, path, len);
		return 3;
	case RtlPathTypeDriveRelative:
		if (cwd_len >= 2 && rtl_upcase(cwd->Buffer[0]) == rtl_upcase(path[0]) &&
		    cwd->Buffer[1] == ':')
			pb_add(b, cwd->Buffer, cwd_len);
		else
			drive_dir(path[0], b);
		pb_add(b, path + 2, len - 2);
		return 3;
	case RtlPathTypeRooted:
		r = root_of(cwd->Buffer, cwd_len);
		pb_add(b, cwd->Buffer, r);
		pb_add(b, path, len);
		return r + 1;
	default:
		pb_add(b, cwd->Buffer, cwd_len);
		pb_add(b, path, len);
		return root_of(cwd->Buffer, cwd_len) + 1;
	}
}

/* Full path of `path` into b->s (NUL terminated); returns its length in
 * WCHARs or 0 if invalid or too long.  *root: where the names past the
 * root start (a name before it, a server or a device, is no file part). */
static SIZE_T full_path(PCWSTR path, path_buf *b, SIZE_T *root)
{
	LSW_RTL_PATH_TYPE type = RtlDetermineDosPathNameType_U(path);
	ULONG dev;
	SIZE_T i;

	b->len = 0;
	if (!path[0])
		return 0;
	if (type == RtlPathTypeRootLocalDevice) { /* "\\." or "//?": the device root */
		WCHAR dev_root[4] = { '\\', '\\', path[2], '\\' };

		pb_add(b, dev_root, 4);
		b->s[*root = b->len] = 0;
		return b->len;
	}
	dev = type == RtlPathTypeLocalDevice ? 0 : RtlIsDosDeviceName_U(path);
	if (dev) {
		pb_add(b, L"\\\\.\\", 4);
		pb_add(b, path + (dev >> 16) / sizeof(WCHAR), (dev & 0xFFFF) / sizeof(WCHAR));
		b->s[*root = b->len] = 0;
		return b->len;
	}
	*root = build_raw(path, type, b);
	if (b->len + 2 >= b->max)
		return 0;
	for (i = 0; i < b->len; i++)
		if (b->s[i] == '/')
			b->s[i] = '\\';
	if (*root <= b->len) /* else a bare root such as "\\server\share" */
		b->len = normalize(b->s, *root, b->len);
	/* "C:" alone names that drive's current directory, without the
	 * trailing backslash. */
	if (type == RtlPathTypeDriveRelative && !path[2] && b->len > *root)
		b->len--;
	b->s[b->len] = 0;
	return b->len;
}

/* The last name of s[0..len), NULL when s ends in a separator or the
 * last name is part of the root s[0..root). */
static WCHAR *file_part_of(WCHAR *s, SIZE_T len, SIZE_T root)
{
	SIZE_T i = len;

	if (!len || s[len - 1] == '\\')
		return NULL;
	while (i && s[i - 1] != '\\')
		i--;
	return i >= root ? s + i : NULL;
}

/* Returns the length in bytes without the terminator, or, if `size` bytes
 * are too few, the size needed including it; 0 if the path is invalid. */
RTLAPI ULONG NTAPI RtlGetFullPathName_U(PCWSTR name, ULONG size, PWSTR buffer, PWSTR *file_part)
{
	path_buf b = { NULL, 0, MAX_FULL_PATH + 1 };
	SIZE_T len, root = 0;

	if (file_part)
		*file_part = NULL;
	if (!name)
		return 0;
	b.s = RtlAllocateHeap(lsw_process_heap(), 0, b.max * sizeof(WCHAR));
	if (!b.s)
		return 0;
	rtl_peb_lock();
	len = full_path(name, &b, &root);
	rtl_peb_unlock();
	if (len && (len + 1) * sizeof(WCHAR) <= size) {
		memcpy(buffer, b.s, (len + 1) * sizeof(WCHAR));
		if (file_part)
			*file_part = file_part_of(buffer, len, root);
	}
	RtlFreeHeap(lsw_process_heap(), 0, b.s);
	if (len && (len + 1) * sizeof(WCHAR) > size)
		return (ULONG)((len + 1) * sizeof(WCHAR));
	return (ULONG)(len * sizeof(WCHAR));
}

/* "\??\" + s[0..len) into nt; *file_part: its last name, none before
 * root (an offset in s). */
static NTSTATUS nt_with_prefix(const WCHAR *prefix, SIZE_T plen, const WCHAR *s, SIZE_T len,
			       SIZE_T root, PUNICODE_STRING nt, PWSTR *file_part)
{
	SIZE_T total = plen + len;

	if ((total + 1) * sizeof(WCHAR) > 0xFFFE)
		return STATUS_NAME_TOO_LONG;
	nt->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, (total + 1) * sizeof(WCHAR));
	if (!nt->Buffer)
		return STATUS_NO_MEMORY;
	memcpy(nt->Buffer, prefix, plen * sizeof(WCHAR));
	memcpy(nt->Buffer + plen, s, len * sizeof(WCHAR));
	nt->Buffer[total] = 0;
	nt->Length = (USHORT)(total * sizeof(WCHAR));
	nt->MaximumLength = (USHORT)((total + 1) * sizeof(WCHAR));
	if (file_part)
		*file_part = file_part_of(nt->Buffer, total, plen + root);
	return STATUS_SUCCESS;
}

/* NT form of a full DOS path: the \??\ prefix, UNC\ for shares; the
 * device prefixes "\\.\" and "\\?\" go. */
static NTSTATUS nt_from_full(const WCHAR *full, SIZE_T len, SIZE_T root, PUNICODE_STRING nt,
			     PWSTR *file_part)
{
	SIZE_T skip = 0;

	if (len >= 4 && full[0] == '\\' && full[1] == '\\' && (full[2] == '.' || full[2] == '?') &&
	    full[3] == '\\')
		skip = 4;
	else if (len >= 2 && full[0] == '\\' && full[1] == '\\')
		return nt_with_prefix(L"\\??\\UNC\\", 8, full + 2, len - 2, root - 2, nt, file_part);
	return nt_with_prefix(L"\\??\\", 4, full + skip, len - skip, root > skip ? root - skip : 0,
			      nt, file_part);
}

/* "\\?\x" and "\??\x" are NT paths already: taken as they are. */
static BOOL is_verbatim(PCWSTR dos)
{
	BOOL device = dos[0] == '\\' && dos[1] == '\\' && dos[2] == '?' && dos[3] == '\\';
	BOOL dos_devices = dos[0] == '\\' && dos[1] == '?' && dos[2] == '?' && dos[3] == '\\';

	return (device || dos_devices) && dos[4];
}

static BOOL all_spaces(PCWSTR s)
{
	while (*s == ' ')
		s++;
	return !*s;
}

RTLAPI BOOLEAN NTAPI RtlDoesFileExists_U(PCWSTR dos);

/* A device name after a directory ("C:\dir\nul") names the device only
 * when the directory exists. */
static BOOL device_dir_exists(PCWSTR dos)
{
	ULONG dev = RtlIsDosDeviceName_U(dos);
	SIZE_T at = (dev >> 16) / sizeof(WCHAR);
	WCHAR *dir;
	BOOLEAN ok;

	if (!dev || !at || !is_sep(dos[at - 1]))
		return TRUE;
	if (!(dir = RtlAllocateHeap(lsw_process_heap(), 0, (at + 1) * sizeof(WCHAR))))
		return FALSE;
	memcpy(dir, dos, at * sizeof(WCHAR));
	dir[at] = 0;
	ok = RtlDoesFileExists_U(dir);
	RtlFreeHeap(lsw_process_heap(), 0, dir);
	return ok;
}

RTLAPI NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(PCWSTR dos, PUNICODE_STRING nt,
							      PWSTR *file_part, PVOID relative)
{
	path_buf b = { NULL, 0, MAX_FULL_PATH + 1 };
	NTSTATUS status;
	SIZE_T len, root = 0;

	if (relative)
		memset(relative, 0, sizeof(LSW_RTL_RELATIVE_NAME));
	if (!dos || !dos[0] || all_spaces(dos))
		return STATUS_OBJECT_NAME_INVALID;
	if (is_verbatim(dos))
		return nt_with_prefix(L"\\??\\", 4, dos + 4, wcslen(dos + 4), 0, nt, file_part);
	if (!device_dir_exists(dos))
		return STATUS_OBJECT_NAME_INVALID;
	b.s = RtlAllocateHeap(lsw_process_heap(), 0, b.max * sizeof(WCHAR));
	if (!b.s)
		return STATUS_NO_MEMORY;
	rtl_peb_lock();
	len = full_path(dos, &b, &root);
	rtl_peb_unlock();
	status = len ? nt_from_full(b.s, len, root, nt, file_part) : STATUS_OBJECT_NAME_INVALID;
	RtlFreeHeap(lsw_process_heap(), 0, b.s);
	return status;
}

/* Whether a file or directory of that DOS name exists. */
RTLAPI BOOLEAN NTAPI RtlDoesFileExists_U(PCWSTR dos)
{
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	FILE_BASIC_INFORMATION info;
	NTSTATUS status;

	if (RtlDosPathNameToNtPathName_U_WithStatus(dos, &nt, NULL, NULL) < 0)
		return FALSE;
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtQueryAttributesFile(&oa, &info);
	RtlFreeUnicodeString(&nt);
	return status >= 0;
}

RTLAPI BOOL NTAPI RtlDosPathNameToNtPathName_U(PCWSTR dos, PUNICODE_STRING nt,
					       PCWSTR *file_part, VOID *relative)
{
	return RtlDosPathNameToNtPathName_U_WithStatus(dos, nt, (PWSTR *)file_part, relative) >= 0;
}

RTLAPI NTSTATUS NTAPI RtlDosPathNameToRelativeNtPathName_U_WithStatus(PCWSTR dos,
								      PUNICODE_STRING nt,
								      PWSTR *file_part,
								      PVOID relative)
{
	return RtlDosPathNameToNtPathName_U_WithStatus(dos, nt, file_part, relative);
}
