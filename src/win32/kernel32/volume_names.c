/*
 * Volume names: each of lsw's drives (C: the prefix, Z:, the --map
 * drives) is a volume mounted at its root, and nowhere else.  Its unique
 * name "\\?\Volume{GUID}\" is made from its letter, so it is the same in
 * every process of every run.  GetVolumePathName, GetVolumeNameFor-
 * VolumeMountPoint, GetVolumePathNamesForVolumeName, Find*Volume and
 * GetLogicalDriveStrings.
 */
#include "k32_private.h"
#include "volume_names.h"

#define VOLUME_PREFIX L"\\\\?\\Volume{"
#define VOLUME_PREFIX_LEN 11
#define FIND_VOLUME_MAGIC 0x6c6f5646u /* "FVol" */

/* The GUID of drive d: {4c535700-7664-4c53-9000-0000000000XX}, XX its
 * letter: fixed, so a volume name found once stays valid. */
void volume_name_of_drive(int d, WCHAR out[VOLUME_NAME_CHARS + 1])
{
	static const WCHAR hex[] = L"0123456789abcdef";
	static const WCHAR pattern[] = L"\\\\?\\Volume{4c535700-7664-4c53-9000-0000000000xx}\\";

	memcpy(out, pattern, sizeof(pattern));
	out[VOLUME_NAME_CHARS - 4] = hex[(('A' + d) >> 4) & 15];
	out[VOLUME_NAME_CHARS - 3] = hex[('A' + d) & 15];
}

static WCHAR upper(WCHAR c)
{
	return c >= 'a' && c <= 'z' ? (WCHAR)(c - 'a' + 'A') : c;
}

/* The first n characters of a and b, ignoring ASCII case (GUIDs are hex). */
static BOOL same_ascii(const WCHAR *a, const WCHAR *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (upper(a[i]) != upper(b[i]))
			return FALSE;
	return TRUE;
}

static BOOL drive_exists(int d)
{
	return d >= 0 && d < 26 && (GetLogicalDrives() & (1u << d));
}

/* Whether drive d is a volume (its \??\X: names a volume device), not
 * a name DefineDosDevice gave a directory (which Windows refuses to
 * take for a mount point, ERROR_INVALID_PARAMETER). */
static BOOL drive_is_volume(int d)
{
	WCHAR name[3] = { (WCHAR)('A' + d), ':', 0 }, target[MAX_PATH];

	return QueryDosDeviceW(name, target, MAX_PATH) &&
	       !_wcsnicmp(target, L"\\Device\\HarddiskVolume", 22);
}

/* Whether s starts with a volume GUID name shaped "\\?\Volume{...}"
 * (36 characters between the braces). */
static BOOL looks_like_volume_name(const WCHAR *s)
{
	return !wcsncmp(s, VOLUME_PREFIX, VOLUME_PREFIX_LEN) && wcslen(s) >= VOLUME_NAME_CHARS - 1 &&
	       s[VOLUME_NAME_CHARS - 2] == '}';
}

int volume_name_drive(const WCHAR *s)
{
	WCHAR name[VOLUME_NAME_CHARS + 1];

	if (!looks_like_volume_name(s))
		return -1;
	for (int d = 0; d < 26; d++) {
		volume_name_of_drive(d, name);
		if (same_ascii(s, name, VOLUME_NAME_CHARS - 1) && drive_exists(d))
			return d;
	}
	return -1;
}

static BOOL copy_out(const WCHAR *s, LPWSTR out, DWORD size)
{
	size_t n = wcslen(s);

	if (n >= size)
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	memcpy(out, s, (n + 1) * sizeof(WCHAR));
	return TRUE;
}

/* The mount point "X:\" (or "\\?\X:\"), or a volume's own name, gives the
 * volume's name; a directory that is no mount point gives
 * ERROR_NOT_A_REPARSE_POINT. */
K32API BOOL WINAPI GetVolumeNameForVolumeMountPointW(LPCWSTR mount, LPWSTR out, DWORD size)
{
	WCHAR name[VOLUME_NAME_CHARS + 1];
	const WCHAR *p = mount;
	int d;

	if (!mount || !out)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (size < VOLUME_NAME_CHARS + 1)
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	if ((d = volume_name_drive(mount)) >= 0 && mount[VOLUME_NAME_CHARS - 1] == '\\' &&
	    !mount[VOLUME_NAME_CHARS]) {
		volume_name_of_drive(d, name);
		return copy_out(name, out, size);
	}
	if ((p[0] == '\\' && p[1] == '\\' && (p[2] == '?' || p[2] == '.') && p[3] == '\\'))
		p += 4;
	if (p[0] && p[1] == ':' && !p[2])
		return k32_error(ERROR_INVALID_NAME); /* the trailing backslash is required */
	if (p[0] && p[1] == ':' && (p[2] == '\\' || p[2] == '/') && !p[3]) {
		if (!drive_exists(upper(p[0]) - 'A'))
			return k32_error(ERROR_FILE_NOT_FOUND);
		if (!drive_is_volume(upper(p[0]) - 'A'))
			return k32_error(ERROR_INVALID_PARAMETER);
		volume_name_of_drive(upper(p[0]) - 'A', name);
		return copy_out(name, out, size);
	}
	if (GetFileAttributesW(mount) == INVALID_FILE_ATTRIBUTES)
		return FALSE;
	return k32_error(ERROR_NOT_A_REPARSE_POINT);
}

K32API BOOL WINAPI GetVolumeNameForVolumeMountPointA(LPCSTR mount, LPSTR out, DWORD size)
{
	WCHAR name[MAX_PATH];
	UNICODE_STRING w;
	BOOL r;

	if (!mount || !out)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_arg(mount, &w))
		return FALSE;
	r = GetVolumeNameForVolumeMountPointW(w.Buffer, name, size < MAX_PATH ? size : MAX_PATH);
	k32_free(w.Buffer);
	if (r)
		k32_w_to_a(name, wcslen(name), out);
	return r;
}

/* The volume path of a full path: "X:\" (upper case), or "\\?\X:\" as
 * written; *len its length.  0, or the error. */
static DWORD volume_root(const WCHAR *full, WCHAR *root, DWORD *len)
{
	const WCHAR *p = full;
	BOOL prefixed = FALSE;

	if (p[0] == '\\' && p[1] == '\\' && (p[2] == '?' || p[2] == '.') && p[3] == '\\') {
		int d = volume_name_drive(full);

		if (d >= 0) {
			volume_name_of_drive(d, root);
			*len = VOLUME_NAME_CHARS;
			return 0;
		}
		p += 4;
		prefixed = TRUE;
	}
	if (!p[0] || p[1] != ':' || (p[2] && p[2] != '\\'))
		return ERROR_INVALID_NAME; /* a share, a device, a bogus volume */
	if (!drive_exists(upper(p[0]) - 'A'))
		return ERROR_FILE_NOT_FOUND;
	*len = 0;
	if (prefixed) {
		memcpy(root, full, 4 * sizeof(WCHAR));
		*len = 4;
	}
	root[(*len)++] = prefixed ? p[0] : upper(p[0]);
	root[(*len)++] = ':';
	root[(*len)++] = '\\';
	root[*len] = 0;
	return 0;
}

/* A buffer one short of the whole root gets the root without its final
 * backslash ("C:"), as Windows does. */
K32API BOOL WINAPI GetVolumePathNameW(LPCWSTR file, LPWSTR out, DWORD size)
{
	WCHAR *full, root[VOLUME_NAME_CHARS + 1];
	DWORD n, len = 0, err;

	if (!file || !file[0] || !out || !size)
		return k32_error(ERROR_INVALID_PARAMETER);
	n = GetFullPathNameW(file, 0, NULL, NULL);
	if (!n || !(full = RtlAllocateHeap(k32_heap(), 0, (n + 1) * sizeof(WCHAR))))
		return n ? k32_error(ERROR_NOT_ENOUGH_MEMORY) : FALSE;
	if (!GetFullPathNameW(file, n + 1, full, NULL)) {
		RtlFreeHeap(k32_heap(), 0, full);
		return FALSE;
	}
	err = volume_root(full, root, &len);
	RtlFreeHeap(k32_heap(), 0, full);
	if (err)
		return k32_error(err);
	if (size < len)
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	if (size == len)
		root[--len] = 0;
	memcpy(out, root, (len + 1) * sizeof(WCHAR));
	return TRUE;
}

K32API BOOL WINAPI GetVolumePathNameA(LPCSTR file, LPSTR out, DWORD size)
{
	UNICODE_STRING w;
	WCHAR *wout;
	BOOL r;

	if (!file || !file[0] || !out || !size)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_arg(file, &w))
		return FALSE;
	if (!(wout = RtlAllocateHeap(k32_heap(), 0, size * sizeof(WCHAR)))) {
		k32_free(w.Buffer);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	r = GetVolumePathNameW(w.Buffer, wout, size);
	if (r)
		k32_w_to_a(wout, wcslen(wout), out);
	RtlFreeHeap(k32_heap(), 0, wout);
	k32_free(w.Buffer);
	return r;
}

/* A volume is mounted at its drive's root only: "X:\" and a second NUL. */
K32API BOOL WINAPI GetVolumePathNamesForVolumeNameW(LPCWSTR volume, LPWSTR out, DWORD size,
						    PDWORD needed)
{
	int d;

	if (!volume || !looks_like_volume_name(volume) || volume[VOLUME_NAME_CHARS - 1] != '\\')
		return k32_error(volume && volume[0] == '\\' && !volume[1] ? ERROR_INVALID_PARAMETER
									   : ERROR_INVALID_NAME);
	if ((d = volume_name_drive(volume)) < 0)
		return k32_error(ERROR_FILE_NOT_FOUND);
	if (needed)
		*needed = 5;
	if (!out || size < 5)
		return k32_error(ERROR_MORE_DATA);
	out[0] = (WCHAR)('A' + d);
	out[1] = ':';
	out[2] = '\\';
	out[3] = out[4] = 0;
	return TRUE;
}

K32API BOOL WINAPI GetVolumePathNamesForVolumeNameA(LPCSTR volume, LPSTR out, DWORD size,
						    PDWORD needed)
{
	WCHAR names[8];
	UNICODE_STRING w;
	BOOL r;

	if (!volume)
		return GetVolumePathNamesForVolumeNameW(NULL, NULL, 0, needed);
	if (!k32_ansi_arg(volume, &w))
		return FALSE;
	r = GetVolumePathNamesForVolumeNameW(w.Buffer, out ? names : NULL, out ? size : 0, needed);
	k32_free(w.Buffer);
	if (r)
		k32_w_to_a(names, 5, out);
	return r;
}

struct find_volume {
	DWORD magic;
	DWORD drives;   /* those not yet returned */
};

static BOOL next_volume(struct find_volume *f, LPWSTR out, DWORD size)
{
	WCHAR name[VOLUME_NAME_CHARS + 1];
	int d = 0;

	if (!f->drives)
		return k32_error(ERROR_NO_MORE_FILES);
	while (!(f->drives & (1u << d)))
		d++;
	if (size < VOLUME_NAME_CHARS + 1)
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	f->drives &= ~(1u << d);
	volume_name_of_drive(d, name);
	memcpy(out, name, sizeof(name));
	return TRUE;
}

K32API HANDLE WINAPI FindFirstVolumeW(LPWSTR out, DWORD size)
{
	struct find_volume *f;

	if (size < VOLUME_NAME_CHARS + 1) {
		k32_error(ERROR_FILENAME_EXCED_RANGE);
		return INVALID_HANDLE_VALUE;
	}
	if (!(f = RtlAllocateHeap(k32_heap(), 0, sizeof(*f)))) {
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
		return INVALID_HANDLE_VALUE;
	}
	f->magic = FIND_VOLUME_MAGIC;
	f->drives = GetLogicalDrives();
	for (int d = 0; d < 26; d++)
		if ((f->drives & (1u << d)) && !drive_is_volume(d))
			f->drives &= ~(1u << d);
	if (!next_volume(f, out, size)) {
		RtlFreeHeap(k32_heap(), 0, f);
		return INVALID_HANDLE_VALUE;
	}
	return f;
}

static struct find_volume *find_of(HANDLE h)
{
	struct find_volume *f = h;

	if (!h || h == INVALID_HANDLE_VALUE || f->magic != FIND_VOLUME_MAGIC) {
		k32_error(ERROR_INVALID_HANDLE);
		return NULL;
	}
	return f;
}

K32API BOOL WINAPI FindNextVolumeW(HANDLE h, LPWSTR out, DWORD size)
{
	struct find_volume *f = find_of(h);

	return f ? next_volume(f, out, size) : FALSE;
}

K32API BOOL WINAPI FindVolumeClose(HANDLE h)
{
	struct find_volume *f = find_of(h);

	if (!f)
		return FALSE;
	f->magic = 0;
	RtlFreeHeap(k32_heap(), 0, f);
	return TRUE;
}

K32API HANDLE WINAPI FindFirstVolumeA(LPSTR out, DWORD size)
{
	WCHAR name[VOLUME_NAME_CHARS + 1];
	HANDLE h = FindFirstVolumeW(name, size < VOLUME_NAME_CHARS + 1 ? size : VOLUME_NAME_CHARS + 1);

	if (h != INVALID_HANDLE_VALUE)
		k32_w_to_a(name, VOLUME_NAME_CHARS, out);
	return h;
}

K32API BOOL WINAPI FindNextVolumeA(HANDLE h, LPSTR out, DWORD size)
{
	WCHAR name[VOLUME_NAME_CHARS + 1];

	if (!FindNextVolumeW(h, name, size < VOLUME_NAME_CHARS + 1 ? size : VOLUME_NAME_CHARS + 1))
		return FALSE;
	k32_w_to_a(name, VOLUME_NAME_CHARS, out);
	return TRUE;
}

/* "A:\<NUL>C:\<NUL>...<NUL>": its length without the last NUL, or, when
 * it does not fit, the size it needs (the buffer untouched). */
K32API DWORD WINAPI GetLogicalDriveStringsW(DWORD size, LPWSTR out)
{
	DWORD drives = GetLogicalDrives(), n = 0;

	for (int d = 0; d < 26; d++)
		n += (drives >> d) & 1;
	if (!out || size < n * 4 + 1)
		return n * 4 + 1;
	for (int d = 0; d < 26; d++) {
		if (!(drives & (1u << d)))
			continue;
		*out++ = (WCHAR)('A' + d);
		*out++ = ':';
		*out++ = '\\';
		*out++ = 0;
	}
	*out = 0;
	return n * 4;
}

K32API DWORD WINAPI GetLogicalDriveStringsA(DWORD size, LPSTR out)
{
	WCHAR w[26 * 4 + 1];
	DWORD n = GetLogicalDriveStringsW(sizeof(w) / sizeof(w[0]), w);

	if (!out || size < n + 1)
		return n + 1;
	for (DWORD i = 0; i <= n; i++)
		out[i] = (char)w[i];
	return n;
}
