/* CopyFile(Ex), GetTempFileName, GetLongPathName/GetShortPathName and
 * GetFileInformationByHandle. */
#include "k32_private.h"

#define COPY_BLOCK 65536

/* --- CopyFile --- */

/* The caller's progress routine and cancel flag for one copy. */
struct copy_progress {
	LPPROGRESS_ROUTINE routine;
	LPVOID data;
	LPBOOL cancel;
	HANDLE src, dst;
	LARGE_INTEGER size, done;
	BOOL quiet;             /* PROGRESS_QUIET: no more calls */
};

/* Tells the routine (reason: CALLBACK_STREAM_SWITCH before the data,
 * CALLBACK_CHUNK_FINISHED after each block) and looks at the cancel flag.
 * FALSE (ERROR_REQUEST_ABORTED) to stop; *drop: the target is to go
 * (PROGRESS_CANCEL, the flag; PROGRESS_STOP keeps it to restart). */
static BOOL copy_tell(struct copy_progress *cp, DWORD reason, BOOL *drop)
{
	DWORD r = PROGRESS_CONTINUE;

	if (cp->routine && !cp->quiet)
		r = cp->routine(cp->size, cp->done, cp->size, cp->done, 1, reason, cp->src, cp->dst,
				cp->data);
	if (r == PROGRESS_QUIET)
		cp->quiet = TRUE;
	*drop = r == PROGRESS_CANCEL || (cp->cancel && *cp->cancel);
	if (*drop || r == PROGRESS_STOP)
		return k32_error(ERROR_REQUEST_ABORTED);
	return TRUE;
}

static BOOL copy_data(struct copy_progress *cp, BYTE *buf, BOOL *drop)
{
	DWORD got, put;

	if (!copy_tell(cp, CALLBACK_STREAM_SWITCH, drop))
		return FALSE;
	for (;;) {
		if (!ReadFile(cp->src, buf, COPY_BLOCK, &got, NULL))
			return FALSE;
		if (!got)
			return TRUE;
		if (!WriteFile(cp->dst, buf, got, &put, NULL))
			return FALSE;
		if (put != got)
			return k32_error(ERROR_WRITE_FAULT);
		cp->done.QuadPart += got;
		if (!copy_tell(cp, CALLBACK_CHUNK_FINISHED, drop))
			return FALSE;
	}
}

/* The target, opened to be deleted if the copy is cancelled; without
 * DELETE when another handle does not share it (the copy then goes on,
 * and a cancelled one leaves the target), as Windows does. */
static HANDLE open_target(LPCWSTR to, DWORD flags, DWORD attrs)
{
	DWORD creation = (flags & COPY_FILE_FAIL_IF_EXISTS) ? CREATE_NEW : CREATE_ALWAYS;
	DWORD how = (attrs & ~FILE_ATTRIBUTE_READONLY) | FILE_FLAG_SEQUENTIAL_SCAN;
	HANDLE h = CreateFileW(to, GENERIC_WRITE | DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
			       creation, how, NULL);

	if (h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION)
		h = CreateFileW(to, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, creation,
				how, NULL);
	return h;
}

/* The progress routine hears of the stream's start and of each block
 * (CALLBACK_STREAM_SWITCH, CALLBACK_CHUNK_FINISHED); PROGRESS_CANCEL or
 * *cancel set stop the copy with ERROR_REQUEST_ABORTED and delete the
 * target, PROGRESS_STOP keeps it.  The copy gets the source's attributes
 * (read-only set after the data is in) and last-write time; a failed copy
 * removes the half-written target.  An existing read-only target is
 * ERROR_ACCESS_DENIED, as documented (Wine overwrites it). */
K32API BOOL WINAPI CopyFileExW(LPCWSTR from, LPCWSTR to, LPPROGRESS_ROUTINE progress,
			       LPVOID data, LPBOOL cancel, DWORD flags)
{
	struct copy_progress cp = { progress, data, cancel };
	FILE_DISPOSITION_INFO gone = { TRUE };
	FILETIME write;
	DWORD attrs, err;
	BOOL ok, drop = FALSE;
	BYTE *buf;

	if (!from || !to) /* no name: no path to find (as Windows answers) */
		return k32_error(ERROR_PATH_NOT_FOUND);
	/* not shared for writing, so that the target cannot be the source;
	 * a source another handle writes is copied as it is (Windows' tests) */
	cp.src = CreateFileW(from, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL,
			     OPEN_EXISTING, FILE_FLAG_SEQUENTIAL_SCAN, NULL);
	if (cp.src == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION)
		cp.src = CreateFileW(from, GENERIC_READ,
				     FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
				     OPEN_EXISTING, FILE_FLAG_SEQUENTIAL_SCAN, NULL);
	if (cp.src == INVALID_HANDLE_VALUE)
		return FALSE;
	attrs = GetFileAttributesW(from);
	if (attrs == INVALID_FILE_ATTRIBUTES || !GetFileTime(cp.src, NULL, NULL, &write) ||
	    !GetFileSizeEx(cp.src, &cp.size)) {
		err = GetLastError();
		CloseHandle(cp.src);
		return k32_error(err);
	}
	attrs &= ~(FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_NORMAL);
	buf = RtlAllocateHeap(k32_heap(), 0, COPY_BLOCK);
	if (!buf) {
		CloseHandle(cp.src);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	if ((cp.dst = open_target(to, flags, attrs)) == INVALID_HANDLE_VALUE) {
		err = GetLastError();
		k32_free(buf);
		CloseHandle(cp.src);
		return k32_error(err);
	}
	ok = copy_data(&cp, buf, &drop) && SetFileTime(cp.dst, NULL, NULL, &write);
	err = ok ? NO_ERROR : GetLastError();
	if (drop) /* fails quietly when the target was opened without DELETE */
		SetFileInformationByHandle(cp.dst, FileDispositionInfo, &gone, sizeof(gone));
	k32_free(buf);
	CloseHandle(cp.dst);
	CloseHandle(cp.src);
	if (!ok) {
		if (err != ERROR_REQUEST_ABORTED)
			DeleteFileW(to);
		return k32_error(err);
	}
	if ((attrs & FILE_ATTRIBUTE_READONLY) && !SetFileAttributesW(to, attrs))
		return FALSE;
	k32_error(NO_ERROR);
	return TRUE;
}

K32API BOOL WINAPI CopyFileW(LPCWSTR from, LPCWSTR to, BOOL fail_if_exists)
{
	return CopyFileExW(from, to, NULL, NULL, NULL,
			   fail_if_exists ? COPY_FILE_FAIL_IF_EXISTS : 0);
}

K32API BOOL WINAPI CopyFileExA(LPCSTR from, LPCSTR to, LPPROGRESS_ROUTINE progress,
			       LPVOID data, LPBOOL cancel, DWORD flags)
{
	UNICODE_STRING wf, wt;
	BOOL r;

	if (!k32_ansi_args2(from, to, &wf, &wt))
		return FALSE;
	r = CopyFileExW(wf.Buffer, wt.Buffer, progress, data, cancel, flags);
	k32_free(wf.Buffer);
	k32_free(wt.Buffer);
	return r;
}

K32API BOOL WINAPI CopyFileA(LPCSTR from, LPCSTR to, BOOL fail_if_exists)
{
	return CopyFileExA(from, to, NULL, NULL, NULL,
			   fail_if_exists ? COPY_FILE_FAIL_IF_EXISTS : 0);
}

/* --- GetTempFileName --- */

/* "<path>\<up to 3 prefix chars><hex>.tmp", as documented; with
 * unique == 0 the number starts from GetTickCount and goes up until
 * CREATE_NEW succeeds, and that file is left in place (empty).  A nonzero
 * unique is used as is, without looking for the file (documented); the
 * directory must still be there (ERROR_DIRECTORY, as kernel32's path
 * tests find on Windows).  The hex digits are upper case as
 * Windows writes them (Wine: lower case). */
K32API UINT WINAPI GetTempFileNameW(LPCWSTR path, LPCWSTR prefix, UINT unique, LPWSTR buf)
{
	static const WCHAR hex[] = L"0123456789ABCDEF";
	SIZE_T n, base;
	UINT num, start;

	if (!path || !buf)
		return k32_error(ERROR_INVALID_PARAMETER);
	n = wcslen(path);
	if (n + 1 + 3 + 4 + 4 >= MAX_PATH)
		return k32_error(ERROR_BUFFER_OVERFLOW);
	if (unique && n) {
		DWORD a = GetFileAttributesW(path);

		if (a == INVALID_FILE_ATTRIBUTES || !(a & FILE_ATTRIBUTE_DIRECTORY))
			return k32_error(ERROR_DIRECTORY);
	}
	memmove(buf, path, n * sizeof(WCHAR));
	if (n && buf[n - 1] != '\\' && buf[n - 1] != '/')
		buf[n++] = '\\';
	for (int i = 0; prefix && i < 3 && prefix[i]; i++)
		buf[n++] = prefix[i];
	base = n;
	num = start = unique ? (unique & 0xFFFF) : (GetTickCount() & 0xFFFF);
	if (!num)
		num = start = 1;
	for (;;) {
		WCHAR digits[4];
		int d = 0;
		DWORD err;
		HANDLE h;

		n = base;
		for (UINT v = num; v || !d; v >>= 4)
			digits[d++] = hex[v & 15];
		while (d)
			buf[n++] = digits[--d];
		memcpy(buf + n, L".tmp", 5 * sizeof(WCHAR));
		if (unique)
			return num;
		h = CreateFileW(buf, GENERIC_WRITE, 0, NULL, CREATE_NEW,
				FILE_ATTRIBUTE_NORMAL, NULL);
		if (h != INVALID_HANDLE_VALUE) {
			CloseHandle(h);
			k32_error(NO_ERROR);
			return num;
		}
		err = GetLastError();
		/* a directory that is not there: ERROR_DIRECTORY (as Wine) */
		if (err == ERROR_PATH_NOT_FOUND)
			return k32_error(ERROR_DIRECTORY);
		/* a directory of that name answers ERROR_ACCESS_DENIED: taken */
		if (err == ERROR_ACCESS_DENIED && GetFileAttributesW(buf) == INVALID_FILE_ATTRIBUTES)
			return k32_error(err);
		if (err != ERROR_FILE_EXISTS && err != ERROR_ALREADY_EXISTS &&
		    err != ERROR_ACCESS_DENIED)
			return 0;
		num = (num + 1) & 0xFFFF;
		if (!num)
			num = 1;
		if (num == start)
			return k32_error(ERROR_FILE_EXISTS);
	}
}

K32API UINT WINAPI GetTempFileNameA(LPCSTR path, LPCSTR prefix, UINT unique, LPSTR buf)
{
	UNICODE_STRING wp, wx;
	WCHAR wbuf[MAX_PATH];
	UINT r;

	if (!path || !buf)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_args2(path, prefix, &wp, &wx))
		return 0;
	r = GetTempFileNameW(wp.Buffer, wx.Buffer, unique, wbuf);
	if (r)
		k32_w_to_a(wbuf, wcslen(wbuf), buf);
	k32_free(wp.Buffer);
	k32_free(wx.Buffer);
	return r;
}

/* --- GetLongPathName / GetShortPathName --- */

BOOLEAN NTAPI RtlIsNameLegalDOS8Dot3(PUNICODE_STRING name, POEM_STRING oem, PBOOLEAN spaces);

/* Could component c (n units) be a short name?  Such a component is looked
 * up and given as the directory spells it (kernel32's path tests: a short
 * name in the wrong case comes back as on the disk); any other is left as
 * the caller wrote it (documented; programs rely on it). */
static BOOL maybe_short(WCHAR *c, SIZE_T n)
{
	UNICODE_STRING us = { (USHORT)(n * sizeof(WCHAR)), (USHORT)(n * sizeof(WCHAR)), c };

	if (!n || n > 12 || (n <= 2 && c[0] == '.' && c[n - 1] == '.'))
		return FALSE;
	return RtlIsNameLegalDOS8Dot3(&us, NULL, NULL);
}

/* The component path[start..end) (its directory's path before it) in
 * the form asked for, appended to out at *o (room for cap units):
 * to_short: its 8.3 name where it has one; else its long name where it
 * may be a short name.  Either way a component that is left as it is
 * keeps the caller's spelling (documented; programs rely on it), but a
 * legal 8.3 name comes back as the directory spells it (kernel32's path
 * tests). */
static BOOL convert_component(WCHAR *path, SIZE_T start, SIZE_T end, BOOL to_short, WCHAR *out,
			      SIZE_T *o, SIZE_T cap)
{
	const WCHAR *use = path + start;
	SIZE_T len = end - start;
	WIN32_FIND_DATAW d;
	WCHAR keep = path[end];
	HANDLE h = INVALID_HANDLE_VALUE;

	if (len && !(len <= 2 && path[start] == '.' && path[end - 1] == '.')) {
		path[end] = 0;
		h = FindFirstFileW(path, &d);
		path[end] = keep;
	}
	if (h != INVALID_HANDLE_VALUE) {
		if (to_short && d.cAlternateFileName[0])
			use = d.cAlternateFileName;
		else if (maybe_short(path + start, len) &&
			 (!to_short || wcslen(d.cFileName) == len))
			use = d.cFileName;
		if (use != path + start)
			len = wcslen(use);
	}
	if (*o + len + 1 >= cap) {
		if (h != INVALID_HANDLE_VALUE)
			FindClose(h);
		return FALSE;
	}
	memcpy(out + *o, use, len * sizeof(WCHAR));
	*o += len;
	if (h != INVALID_HANDLE_VALUE)
		FindClose(h);
	return TRUE;
}

/* path with each component converted (convert_component) into out (cap
 * units); its length, or 0 when it does not fit. */
static SIZE_T convert_path(WCHAR *path, BOOL to_short, WCHAR *out, SIZE_T cap)
{
	SIZE_T i = 0, o, n = wcslen(path);

	if (n >= 4 && path[0] == '\\' && path[1] == '\\' && path[2] == '?' && path[3] == '\\')
		i = 4;
	if (i + 1 < n && path[i + 1] == ':')
		i += 2;
	if (i >= cap)
		return 0;
	memcpy(out, path, i * sizeof(WCHAR));
	o = i;
	while (i < n) {
		SIZE_T start = i;

		while (i < n && path[i] != '\\' && path[i] != '/')
			i++;
		if (!convert_component(path, start, i, to_short, out, &o, cap))
			return 0;
		if (i < n)
			out[o++] = path[i++];
	}
	out[o] = 0;
	return o;
}

/* GetShortPathName (to_short) and GetLongPathName: the path with each
 * component in the form asked for.  Length without NUL when it fits,
 * else the size needed with the NUL. */
static DWORD same_path_w(LPCWSTR in, LPWSTR out, DWORD size, BOOL to_short)
{
	SIZE_T n, cap = 32768;
	WCHAR *copy, *conv;

	if (!in)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!in[0])
		return k32_error(ERROR_PATH_NOT_FOUND);
	/* Each component is looked up in turn, so a missing directory is
	 * ERROR_FILE_NOT_FOUND too (as Wine). */
	if (GetFileAttributesW(in) == INVALID_FILE_ATTRIBUTES) {
		if (GetLastError() == ERROR_PATH_NOT_FOUND)
			k32_error(ERROR_FILE_NOT_FOUND);
		return 0;
	}
	n = wcslen(in);
	copy = RtlAllocateHeap(k32_heap(), 0, (n + 1) * sizeof(WCHAR));
	conv = RtlAllocateHeap(k32_heap(), 0, cap * sizeof(WCHAR));
	if (!copy || !conv) {
		k32_free(copy);
		k32_free(conv);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	memcpy(copy, in, (n + 1) * sizeof(WCHAR));
	n = convert_path(copy, to_short, conv, cap);
	k32_free(copy);
	if (!n) {
		k32_free(conv);
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	}
	if (n >= size || !out) {
		k32_free(conv);
		return (DWORD)n + 1;
	}
	memcpy(out, conv, (n + 1) * sizeof(WCHAR));
	k32_free(conv);
	return (DWORD)n;
}

static DWORD same_path_a(LPCSTR in, LPSTR out, DWORD size, BOOL to_short)
{
	UNICODE_STRING w;
	WCHAR *buf;
	DWORD r, n = 32768; /* a converted path may be longer than in */

	if (!in)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_arg(in, &w))
		return 0;
	if (!(buf = RtlAllocateHeap(k32_heap(), 0, n * sizeof(WCHAR)))) {
		k32_free(w.Buffer);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	r = same_path_w(w.Buffer, buf, n, to_short);
	k32_free(w.Buffer);
	if (r && (r >= size || !out))
		r++;
	else if (r)
		k32_w_to_a(buf, r, out);
	k32_free(buf);
	return r;
}

K32API DWORD WINAPI GetLongPathNameW(LPCWSTR s, LPWSTR l, DWORD size)
{
	/* past MAX_PATH only with the "\\?\" prefix: ERROR_PATH_NOT_FOUND
	 * even for a path that exists (kernel32's path tests on Windows) */
	if (s && wcslen(s) >= MAX_PATH && wcsncmp(s, L"\\\\?\\", 4))
		return k32_error(ERROR_PATH_NOT_FOUND);
	return same_path_w(s, l, size, FALSE);
}

K32API DWORD WINAPI GetLongPathNameA(LPCSTR s, LPSTR l, DWORD size)
{
	return same_path_a(s, l, size, FALSE);
}

K32API DWORD WINAPI GetShortPathNameW(LPCWSTR l, LPWSTR s, DWORD size)
{
	return same_path_w(l, s, size, TRUE);
}

K32API DWORD WINAPI GetShortPathNameA(LPCSTR l, LPSTR s, DWORD size)
{
	return same_path_a(l, s, size, TRUE);
}

/* --- GetFileInformationByHandle --- */

typedef struct {
	LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
	ULONG FileAttributes;
} basic_info;

typedef struct {
	LARGE_INTEGER AllocationSize, EndOfFile;
	ULONG NumberOfLinks;
	BOOLEAN DeletePending, Directory;
} standard_info;

typedef struct {
	LARGE_INTEGER VolumeCreationTime;
	ULONG VolumeSerialNumber;
	ULONG VolumeLabelLength;
	BOOLEAN SupportsObjects;
	WCHAR VolumeLabel[64];
} fs_volume_info;

K32API BOOL WINAPI GetFileInformationByHandle(HANDLE h, LPBY_HANDLE_FILE_INFORMATION out)
{
	IO_STATUS_BLOCK io;
	basic_info basic;
	standard_info std;
	LARGE_INTEGER id;
	fs_volume_info vol;
	NTSTATUS status;

	status = NtQueryInformationFile(h, &io, &basic, sizeof(basic), (FILE_INFORMATION_CLASS)4);
	if (status >= 0)
		status = NtQueryInformationFile(h, &io, &std, sizeof(std),
						(FILE_INFORMATION_CLASS)5);
	if (status >= 0)
		status = NtQueryInformationFile(h, &io, &id, sizeof(id),
						(FILE_INFORMATION_CLASS)6);
	if (status < 0)
		return k32_fail(status);
	/* The serial number, where the volume information class answers. */
	memset(&vol, 0, sizeof(vol));
	status = NtQueryVolumeInformationFile(h, &io, &vol, sizeof(vol), (FS_INFORMATION_CLASS)1);
	if (status < 0 && status != STATUS_BUFFER_OVERFLOW)
		vol.VolumeSerialNumber = 0;
	out->dwFileAttributes = basic.FileAttributes;
	memcpy(&out->ftCreationTime, &basic.CreationTime, sizeof(FILETIME));
	memcpy(&out->ftLastAccessTime, &basic.LastAccessTime, sizeof(FILETIME));
	memcpy(&out->ftLastWriteTime, &basic.LastWriteTime, sizeof(FILETIME));
	out->dwVolumeSerialNumber = vol.VolumeSerialNumber;
	out->nFileSizeHigh = (DWORD)(std.EndOfFile.QuadPart >> 32);
	out->nFileSizeLow = (DWORD)std.EndOfFile.QuadPart;
	out->nNumberOfLinks = std.NumberOfLinks;
	out->nFileIndexHigh = (DWORD)(id.QuadPart >> 32);
	out->nFileIndexLow = (DWORD)id.QuadPart;
	return TRUE;
}

/* --- GetFinalPathNameByHandle --- */

#define NAME_MAX_UNITS 32768

/* FileInternalInformation of an open handle, and its volume's serial. */
static BOOL file_identity(HANDLE h, LARGE_INTEGER *id, ULONG *serial)
{
	IO_STATUS_BLOCK io;
	fs_volume_info vol;
	NTSTATUS status;

	if (NtQueryInformationFile(h, &io, id, sizeof(*id), (FILE_INFORMATION_CLASS)6) < 0)
		return FALSE;
	memset(&vol, 0, sizeof(vol));
	status = NtQueryVolumeInformationFile(h, &io, &vol, sizeof(vol), (FS_INFORMATION_CLASS)1);
	*serial = status >= 0 || status == STATUS_BUFFER_OVERFLOW ? vol.VolumeSerialNumber : 0;
	return TRUE;
}

/* Does "\??\X:<name>" lead to the file with this identity? */
static BOOL drive_holds(WCHAR letter, const WCHAR *name, ULONG len, const LARGE_INTEGER *id,
			ULONG serial)
{
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	LARGE_INTEGER id2;
	ULONG serial2;
	HANDLE h;
	WCHAR *path = RtlAllocateHeap(k32_heap(), 0, (len + 8) * sizeof(WCHAR));
	BOOL same = FALSE;

	if (!path)
		return FALSE;
	memcpy(path, L"\\??\\X:", 6 * sizeof(WCHAR));
	path[4] = letter;
	memcpy(path + 6, name, len * sizeof(WCHAR));
	path[6 + len] = 0;
	RtlInitUnicodeString(&s, path);
	InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
	if (NtOpenFile(&h, FILE_READ_ATTRIBUTES | SYNCHRONIZE, &oa, &io,
		       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
		       FILE_OPEN_FOR_BACKUP_INTENT | FILE_SYNCHRONOUS_IO_NONALERT) >= 0) {
		same = file_identity(h, &id2, &serial2) && id2.QuadPart == id->QuadPart &&
		       serial2 == serial;
		NtClose(h);
	}
	k32_free(path);
	return same;
}

/* Each component of "X:\a\b" (in place, from `from`) in the case it has on
 * disk, as far as the directories can be listed. */
static void normalize_case(WCHAR *path, SIZE_T from)
{
	SIZE_T i = from;

	while (path[i]) {
		WIN32_FIND_DATAW fd;
		SIZE_T start = ++i, end;
		WCHAR saved;
		HANDLE f;

		while (path[i] && path[i] != '\\')
			i++;
		end = i;
		if (end == start)
			continue;
		saved = path[end];
		path[end] = 0;
		f = FindFirstFileW(path, &fd);
		path[end] = saved;
		if (f == INVALID_HANDLE_VALUE)
			continue;
		FindClose(f);
		if (wcslen(fd.cFileName) == end - start)
			memcpy(path + start, fd.cFileName, (end - start) * sizeof(WCHAR));
	}
}

/* The volume part of a final path for drive `letter`: "\\?\X:" (DOS),
 * "\\?\Volume{...}" (GUID) or "\Device\HarddiskVolumeN" (NT), as the
 * volume functions name the drive; its length, 0 if it has none. */
static SIZE_T volume_prefix(WCHAR letter, DWORD flags, WCHAR *out, SIZE_T room)
{
	WCHAR root[4] = { letter, ':', '\\', 0 };
	SIZE_T n;

	if (flags & VOLUME_NAME_GUID) {
		if (!GetVolumeNameForVolumeMountPointW(root, out, (DWORD)room))
			return 0;
		n = wcslen(out);
		return n && out[n - 1] == '\\' ? n - 1 : n;
	}
	if (flags & VOLUME_NAME_NT) {
		root[2] = 0;
		return QueryDosDeviceW(root, out, (DWORD)room) ? wcslen(out) : 0;
	}
	memcpy(out, L"\\\\?\\X:", 6 * sizeof(WCHAR));
	out[4] = letter;
	return 6;
}

/* The handle's name comes from FileNameInformation, which has no drive:
 * the drive is the one whose same-named path is the same file (file index
 * and volume serial).  VOLUME_NAME_DOS gives "\\?\X:\dir\file",
 * VOLUME_NAME_NONE "\dir\file", GUID and NT the drive's volume names. */
K32API DWORD WINAPI GetFinalPathNameByHandleW(HANDLE h, LPWSTR buf, DWORD size, DWORD flags)
{
	IO_STATUS_BLOCK io;
	struct { ULONG len; WCHAR name[NAME_MAX_UNITS]; } *ni;
	LARGE_INTEGER id;
	ULONG serial, len;
	DWORD drives, ret;
	WCHAR *out;
	SIZE_T n = 0;
	NTSTATUS status;
	int d;

	if (flags & ~(DWORD)(FILE_NAME_OPENED | VOLUME_NAME_GUID | VOLUME_NAME_NT | VOLUME_NAME_NONE))
		return k32_error(ERROR_INVALID_PARAMETER);
	ni = RtlAllocateHeap(k32_heap(), 0, sizeof(*ni));
	out = RtlAllocateHeap(k32_heap(), 0, (NAME_MAX_UNITS + 80) * sizeof(WCHAR));
	if (!ni || !out) {
		k32_free(ni);
		k32_free(out);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	status = NtQueryInformationFile(h, &io, ni, sizeof(*ni) - sizeof(WCHAR),
					(FILE_INFORMATION_CLASS)9);
	if (status < 0 || !file_identity(h, &id, &serial)) {
		k32_free(ni);
		k32_free(out);
		return status < 0 ? k32_fail(status) : k32_error(ERROR_INVALID_HANDLE);
	}
	len = ni->len / sizeof(WCHAR);
	if (flags & VOLUME_NAME_NONE) {
		memcpy(out, ni->name, len * sizeof(WCHAR));
		n = len;
		out[n] = 0;
	} else {
		drives = GetLogicalDrives();
		for (d = 0; d < 26; d++)
			if ((drives & (1u << d)) &&
			    drive_holds((WCHAR)('A' + d), ni->name, len, &id, serial))
				break;
		if (d == 26 || !(n = volume_prefix((WCHAR)('A' + d), flags, out, 80))) {
			k32_free(ni);
			k32_free(out);
			return k32_error(ERROR_PATH_NOT_FOUND);
		}
		memcpy(out + n, ni->name, len * sizeof(WCHAR));
		out[n + len] = 0;
		if (!(flags & (FILE_NAME_OPENED | VOLUME_NAME_GUID | VOLUME_NAME_NT)))
			normalize_case(out + 4, 2);
		n += len;
	}
	if (n >= size || !buf) {
		ret = (DWORD)n + 1;
	} else {
		memcpy(buf, out, (n + 1) * sizeof(WCHAR));
		ret = (DWORD)n;
	}
	k32_free(ni);
	k32_free(out);
	return ret;
}

K32API DWORD WINAPI GetFinalPathNameByHandleA(HANDLE h, LPSTR buf, DWORD size, DWORD flags)
{
	WCHAR *w = RtlAllocateHeap(k32_heap(), 0, (NAME_MAX_UNITS + 8) * sizeof(WCHAR));
	DWORD r;

	if (!w)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	r = GetFinalPathNameByHandleW(h, w, NAME_MAX_UNITS + 8, flags);
	/* Too small a buffer: the ANSI form answers the length without the
	 * NUL, unlike the wide one and its documentation (kernel32's file
	 * tests, test_GetFinalPathNameByHandleA, pass so on Windows). */
	if (r && r < NAME_MAX_UNITS + 8 && r < size && buf)
		k32_w_to_a(w, r, buf);
	k32_free(w);
	return r;
}
