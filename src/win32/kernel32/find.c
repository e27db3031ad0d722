/*
 * FindFirstFile / FindNextFile / FindClose over NtQueryDirectoryFile.
 *
 * "dir\mask": the directory is opened for listing and the mask, converted
 * to the kernel's DOS wildcards as Windows does, goes with the first
 * query; the kernel keeps it for the handle.  Entries arrive as
 * FILE_BOTH_DIR_INFORMATION, a buffer at a time; a find handle is that
 * buffer and the directory handle.  The mask is taken from the name as
 * given, not from its NT form, which loses trailing dots ("*." must keep
 * its dot).
 *
 * FindFirstStreamW / FindNextStreamW use the same handles: the file's
 * FILE_STREAM_INFORMATION list, queried once, in the buffer (no
 * directory handle).
 */
#include "k32_private.h"

#define FIND_BUF 65536

NTSTATUS NTAPI NtQueryDirectoryFile(HANDLE file, HANDLE event, PVOID apc, PVOID apc_ctx,
				    PIO_STATUS_BLOCK io, PVOID info, ULONG length,
				    FILE_INFORMATION_CLASS cls, BOOLEAN single,
				    PUNICODE_STRING name, BOOLEAN restart);

struct find {
	struct find *link;         /* the live finds: a handle is checked */
	HANDLE dir;                /* against them before it is used */
	FINDEX_INFO_LEVELS level;
	ULONG next;                /* offset of the next entry in buf, or ~0 */
	BYTE buf[FIND_BUF];
};

/* The level of a stream find (no FINDEX_INFO_LEVELS value). */
#define STREAM_LEVEL ((FINDEX_INFO_LEVELS)0x7fff)

static struct find *live;
static RTL_SRWLOCK live_lock = RTL_SRWLOCK_INIT;

/* Removes (unlink) or just finds h among the live finds. */
static struct find *find_from_handle(HANDLE h, BOOL unlink)
{
	struct find **pp, *f = NULL;

	RtlAcquireSRWLockExclusive(&live_lock);
	for (pp = &live; *pp; pp = &(*pp)->link) {
		if (*pp == (struct find *)h) {
			f = *pp;
			if (unlink)
				*pp = f->link;
			break;
		}
	}
	RtlReleaseSRWLockExclusive(&live_lock);
	if (!f)
		k32_error(ERROR_INVALID_HANDLE);
	return f;
}

static void register_find(struct find *f)
{
	RtlAcquireSRWLockExclusive(&live_lock);
	f->link = live;
	live = f;
	RtlReleaseSRWLockExclusive(&live_lock);
}

/* Windows' rewriting of a FindFirstFile mask into the kernel's terms.
 * The mask is the last component of a DOS path, so its trailing spaces
 * and dots go as a path's do; a mask that ended in a dot keeps one dot
 * ("* ." is "*.").  Then a "*.*" matches everything ("*"); '?' becomes
 * DOS_QM, a '*' before a '.' DOS_STAR, and a '.' before a '*' or '?' or
 * at the end DOS_DOT, so that "*.", "a?c.txt" and "noext.*" keep their
 * DOS meanings while "*..*" still asks for two dots (kernel32's file
 * tests, test_FindFirstFile_wildcards).  out has room for n + 1. */
static void convert_mask(const WCHAR *m, SIZE_T n, WCHAR *out, USHORT *outlen)
{
	SIZE_T o = 0, keep = n;
	BOOL dot_end = m[n - 1] == '.';

	while (keep && (m[keep - 1] == ' ' || m[keep - 1] == '.'))
		keep--;
	if (!keep) /* "." or "..": a name of dots is no mask to trim */
		keep = n, dot_end = FALSE;
	if (!dot_end && keep >= 3 && m[keep - 3] == '*' && m[keep - 2] == '.' &&
	    m[keep - 1] == '*')
		keep -= 2;
	for (SIZE_T i = 0; i <= keep; i++) {
		WCHAR c = i < keep ? m[i] : dot_end ? '.' : 0, next;

		if (!c)
			break;
		next = i + 1 < keep ? m[i + 1] : i + 1 == keep && dot_end ? '.' : 0;
		if (c == '?')
			c = '>';
		else if (c == '*' && next == '.')
			c = '<';
		else if (c == '.' && (next == '*' || next == '?' || !next))
			c = '"';
		out[o++] = c;
	}
	*outlen = (USHORT)(o * sizeof(WCHAR));
}

/* Splits name at its last separator: the directory part (with the
 * separator, or "." / "X:" alone) into dir, the mask's start returned. */
static const WCHAR *split_name(const WCHAR *name, WCHAR *dir, SIZE_T dirmax)
{
	SIZE_T n = wcslen(name), cut = 0;

	for (SIZE_T i = 0; i < n; i++)
		if (name[i] == '\\' || name[i] == '/' || (i == 1 && name[1] == ':'))
			cut = i + 1;
	if (cut + 2 > dirmax)
		return NULL;
	if (!cut) {
		dir[0] = '.';
		dir[1] = 0;
	} else {
		memcpy(dir, name, cut * sizeof(WCHAR));
		dir[cut] = 0;
		if (cut == 2 && name[1] == ':') { /* "C:mask": C:'s current directory */
			dir[2] = '.';
			dir[3] = 0;
		}
	}
	return name + cut;
}

static NTSTATUS open_dir(const WCHAR *dos, HANDLE *h)
{
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	UNICODE_STRING nt;
	NTSTATUS status = k32_nt_path(dos, &nt);

	if (status < 0)
		return status;
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenFile(h, FILE_LIST_DIRECTORY | SYNCHRONIZE, &oa, &io,
			    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			    FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT |
			    FILE_OPEN_FOR_BACKUP_INTENT);
	RtlFreeUnicodeString(&nt);
	return status;
}

static void to_find_data(const FILE_BOTH_DIR_INFORMATION *e, FINDEX_INFO_LEVELS level,
			 WIN32_FIND_DATAW *d)
{
	SIZE_T n = e->FileNameLength / sizeof(WCHAR), sn = (BYTE)e->ShortNameLength / sizeof(WCHAR);

	memset(d, 0, sizeof(*d));
	d->dwFileAttributes = e->FileAttributes;
	d->ftCreationTime.dwLowDateTime = (DWORD)e->CreationTime.QuadPart;
	d->ftCreationTime.dwHighDateTime = (DWORD)(e->CreationTime.QuadPart >> 32);
	d->ftLastAccessTime.dwLowDateTime = (DWORD)e->LastAccessTime.QuadPart;
	d->ftLastAccessTime.dwHighDateTime = (DWORD)(e->LastAccessTime.QuadPart >> 32);
	d->ftLastWriteTime.dwLowDateTime = (DWORD)e->LastWriteTime.QuadPart;
	d->ftLastWriteTime.dwHighDateTime = (DWORD)(e->LastWriteTime.QuadPart >> 32);
	d->nFileSizeHigh = (DWORD)(e->EndOfFile.QuadPart >> 32);
	d->nFileSizeLow = (DWORD)e->EndOfFile.QuadPart;
	if (n >= MAX_PATH)
		n = MAX_PATH - 1;
	memcpy(d->cFileName, e->FileName, n * sizeof(WCHAR));
	if (level == FindExInfoStandard && sn < 14)
		memcpy(d->cAlternateFileName, e->ShortName, sn * sizeof(WCHAR));
}

/* The next entry: from the buffer, else from one more query (a device's
 * find, without a directory, has no more). */
static BOOL next_entry(struct find *f, WIN32_FIND_DATAW *data)
{
	const FILE_BOTH_DIR_INFORMATION *e;
	IO_STATUS_BLOCK io;
	NTSTATUS status;

	if (!f->dir)
		return k32_error(ERROR_NO_MORE_FILES);
	if (f->next == ~0u) {
		status = NtQueryDirectoryFile(f->dir, NULL, NULL, NULL, &io, f->buf, FIND_BUF,
					      FileBothDirectoryInformation, FALSE, NULL, FALSE);
		if (status == STATUS_NO_MORE_FILES || status == STATUS_NO_SUCH_FILE)
			return k32_error(ERROR_NO_MORE_FILES);
		if (status < 0)
			return k32_fail(status);
		f->next = 0;
	}
	e = (const FILE_BOTH_DIR_INFORMATION *)(f->buf + f->next);
	f->next = e->NextEntryOffset ? f->next + e->NextEntryOffset : ~0u;
	to_find_data(e, f->level, data);
	return TRUE;
}

/* The first query, with the mask; FALSE with the error set. */
static BOOL first_query(struct find *f, const WCHAR *mask)
{
	WCHAR conv[MAX_PATH + 1];
	UNICODE_STRING us;
	IO_STATUS_BLOCK io;
	NTSTATUS status;
	SIZE_T n = wcslen(mask);

	if (!n || n >= MAX_PATH)
		return k32_error(ERROR_FILE_NOT_FOUND); /* "dir\": no name to find */
	convert_mask(mask, n, conv, &us.Length);
	us.MaximumLength = us.Length;
	us.Buffer = conv;
	status = NtQueryDirectoryFile(f->dir, NULL, NULL, NULL, &io, f->buf, FIND_BUF,
				      FileBothDirectoryInformation, FALSE, &us, TRUE);
	if (status == STATUS_NO_SUCH_FILE || status == STATUS_NO_MORE_FILES)
		return k32_error(ERROR_FILE_NOT_FOUND);
	if (status < 0)
		return k32_fail(status);
	f->next = 0;
	return TRUE;
}

/* A DOS device's name ("nul", "C:\dir\lpt1") finds the device alone: its
 * name as given, FILE_ATTRIBUTE_ARCHIVE, no size, as Windows answers. */
static struct find *device_find(LPCWSTR name, ULONG dev, WIN32_FIND_DATAW *data)
{
	struct find *f = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*f));
	SIZE_T at = (dev >> 16) / sizeof(WCHAR), n = (dev & 0xFFFF) / sizeof(WCHAR);

	if (!f) {
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	memset(data, 0, sizeof(*data));
	data->dwFileAttributes = FILE_ATTRIBUTE_ARCHIVE;
	memcpy(data->cFileName, name + at, (n < MAX_PATH ? n : MAX_PATH - 1) * sizeof(WCHAR));
	return f;
}

K32API HANDLE WINAPI FindFirstFileExW(LPCWSTR name, FINDEX_INFO_LEVELS level, LPVOID data,
				      FINDEX_SEARCH_OPS op, LPVOID filter, DWORD flags)
{
	WCHAR dir[MAX_PATH + 4];
	const WCHAR *mask;
	struct find *f;
	NTSTATUS status;
	ULONG dev;

	(void)flags; /* case sensitivity, large fetch: hints */
	if ((level != FindExInfoStandard && level != FindExInfoBasic) || !data || filter ||
	    (op != FindExSearchNameMatch && op != FindExSearchLimitToDirectories)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	if (!name || !name[0]) {
		k32_error(ERROR_PATH_NOT_FOUND);
		return INVALID_HANDLE_VALUE;
	}
	if (!(mask = split_name(name, dir, sizeof(dir) / sizeof(dir[0])))) {
		k32_error(ERROR_FILENAME_EXCED_RANGE);
		return INVALID_HANDLE_VALUE;
	}
	if ((dev = RtlIsDosDeviceName_U(name))) {
		if (!(f = device_find(name, dev, data)))
			return INVALID_HANDLE_VALUE;
		goto found;
	}
	if (!(f = RtlAllocateHeap(k32_heap(), 0, sizeof(*f)))) {
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
		return INVALID_HANDLE_VALUE;
	}
	f->level = level;
	status = open_dir(dir, &f->dir);
	if (status < 0) {
		/* a missing directory is a missing path, not a missing file */
		k32_error(status == STATUS_OBJECT_NAME_NOT_FOUND ? ERROR_PATH_NOT_FOUND
								 : RtlNtStatusToDosError(status));
		k32_free(f);
		return INVALID_HANDLE_VALUE;
	}
	if (!first_query(f, mask) || !next_entry(f, data)) {
		DWORD err = RtlGetLastWin32Error();

		NtClose(f->dir);
		k32_free(f);
		RtlSetLastWin32Error(err);
		return INVALID_HANDLE_VALUE;
	}
found:
	register_find(f);
	return (HANDLE)f;
}

K32API HANDLE WINAPI FindFirstFileW(LPCWSTR name, LPWIN32_FIND_DATAW data)
{
	return FindFirstFileExW(name, FindExInfoStandard, data, FindExSearchNameMatch, NULL, 0);
}

K32API BOOL WINAPI FindNextFileW(HANDLE h, LPWIN32_FIND_DATAW data)
{
	struct find *f = find_from_handle(h, FALSE);

	if (!f)
		return FALSE;
	if (!data)
		return k32_error(ERROR_INVALID_PARAMETER);
	return next_entry(f, data);
}

K32API BOOL WINAPI FindClose(HANDLE h)
{
	struct find *f = find_from_handle(h, TRUE);

	if (!f)
		return FALSE;
	if (f->dir)
		NtClose(f->dir);
	k32_free(f);
	return TRUE;
}

/* The next stream of the list; ERROR_HANDLE_EOF after the last. */
static BOOL next_stream(struct find *f, WIN32_FIND_STREAM_DATA *data)
{
	const FILE_STREAM_INFORMATION *e;
	ULONG n;

	if (f->next == ~0u)
		return k32_error(ERROR_HANDLE_EOF);
	e = (const FILE_STREAM_INFORMATION *)(f->buf + f->next);
	f->next = e->NextEntryOffset && f->next + e->NextEntryOffset < FIND_BUF - sizeof(*e)
			  ? f->next + e->NextEntryOffset : ~0u;
	n = e->StreamNameLength / sizeof(WCHAR);
	if (n >= ARRAYSIZE(data->cStreamName))
		n = ARRAYSIZE(data->cStreamName) - 1;
	data->StreamSize = e->StreamSize;
	memcpy(data->cStreamName, e->StreamName, n * sizeof(WCHAR));
	data->cStreamName[n] = 0;
	return TRUE;
}

/* A directory has no data stream: its list is empty, ERROR_HANDLE_EOF. */
K32API HANDLE WINAPI FindFirstStreamW(LPCWSTR name, STREAM_INFO_LEVELS level, LPVOID data, DWORD flags)
{
	IO_STATUS_BLOCK io;
	NTSTATUS status;
	struct find *f;
	HANDLE file;

	if (level != FindStreamInfoStandard || flags || !data) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	file = CreateFileW(name, FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			   NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
	if (file == INVALID_HANDLE_VALUE)
		return INVALID_HANDLE_VALUE;
	if (!(f = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*f)))) {
		NtClose(file);
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
		return INVALID_HANDLE_VALUE;
	}
	f->level = STREAM_LEVEL;
	status = NtQueryInformationFile(file, &io, f->buf, FIND_BUF, FileStreamInformation);
	NtClose(file);
	f->next = status >= 0 && io.Information ? 0 : ~0u;
	if (status < 0 || !next_stream(f, data)) {
		if (status < 0)
			k32_fail(status);
		k32_free(f);
		return INVALID_HANDLE_VALUE;
	}
	register_find(f);
	return (HANDLE)f;
}

K32API BOOL WINAPI FindNextStreamW(HANDLE h, LPVOID data)
{
	struct find *f = find_from_handle(h, FALSE);

	if (!f)
		return FALSE;
	if (f->level != STREAM_LEVEL)
		return k32_error(ERROR_INVALID_HANDLE);
	return next_stream(f, data);
}

static void w_to_a_data(const WIN32_FIND_DATAW *w, WIN32_FIND_DATAA *a)
{
	memcpy(a, w, offsetof(WIN32_FIND_DATAA, cFileName));
	k32_w_to_a(w->cFileName, wcslen(w->cFileName), a->cFileName);
	k32_w_to_a(w->cAlternateFileName, wcslen(w->cAlternateFileName), a->cAlternateFileName);
}

K32API HANDLE WINAPI FindFirstFileExA(LPCSTR name, FINDEX_INFO_LEVELS level, LPVOID data,
				      FINDEX_SEARCH_OPS op, LPVOID filter, DWORD flags)
{
	WIN32_FIND_DATAW w;
	UNICODE_STRING s;
	HANDLE h;

	if (!name) {
		k32_error(ERROR_PATH_NOT_FOUND);
		return INVALID_HANDLE_VALUE;
	}
	if (!k32_ansi_arg(name, &s))
		return INVALID_HANDLE_VALUE;
	h = FindFirstFileExW(s.Buffer, level, data ? &w : NULL, op, filter, flags);
	k32_free(s.Buffer);
	if (h != INVALID_HANDLE_VALUE)
		w_to_a_data(&w, data);
	return h;
}

K32API HANDLE WINAPI FindFirstFileA(LPCSTR name, LPWIN32_FIND_DATAA data)
{
	return FindFirstFileExA(name, FindExInfoStandard, data, FindExSearchNameMatch, NULL, 0);
}

K32API BOOL WINAPI FindNextFileA(HANDLE h, LPWIN32_FIND_DATAA data)
{
	WIN32_FIND_DATAW w;

	if (!data) {
		if (find_from_handle(h, FALSE))
			k32_error(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!FindNextFileW(h, &w))
		return FALSE;
	w_to_a_data(&w, data);
	return TRUE;
}
