/* IStream over a file (SHCreateStreamOnFileA/W/Ex): each call goes to
 * the file handle, so the stream has no buffer to flush and its seek
 * position is the file's.  What Windows 10 does with the STGM flags:
 * the A and W forms refuse STGM_CONVERT, STGM_DELETEONRELEASE and
 * STGM_TRANSACTED; the Ex form ignores the first two and refuses a
 * transacted read-only stream.  STGM_WRITE opens the file for reading
 * too, as Windows does: a write-only stream reads back.  The sharing
 * asked for never keeps the file from being deleted while the stream is
 * open (FILE_SHARE_DELETE is always given), and Clone and Revert are not
 * supported. */
#include "shlwapi_private.h"
#include "stream_private.h"

struct file_stream {
	IStream iface;
	LONG refs;
	HANDLE file;
	DWORD mode;   /* the STGM flags it was opened with, for Stat */
	WCHAR *name;  /* the path as given, for Stat */
};

static const IStreamVtbl file_stream_vtbl;

static struct file_stream *impl(IStream *iface)
{
	return CONTAINING_RECORD(iface, struct file_stream, iface);
}

static HRESULT last_error_hr(void)
{
	return HRESULT_FROM_WIN32(GetLastError());
}

static ULONG WINAPI fs_AddRef(IStream *iface)
{
	return InterlockedIncrement(&impl(iface)->refs);
}

static ULONG WINAPI fs_Release(IStream *iface)
{
	struct file_stream *s = impl(iface);
	ULONG refs = InterlockedDecrement(&s->refs);

	if (!refs) {
		CloseHandle(s->file);
		HeapFree(GetProcessHeap(), 0, s->name);
		HeapFree(GetProcessHeap(), 0, s);
	}
	return refs;
}

static HRESULT WINAPI fs_Read(IStream *iface, void *buf, ULONG n, ULONG *done)
{
	DWORD got = 0;

	if (!ReadFile(impl(iface)->file, buf, n, &got, NULL))
		return last_error_hr() == HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)
			       ? STG_E_ACCESSDENIED : STG_E_READFAULT;
	if (done)
		*done = got;
	return got == n ? S_OK : S_FALSE;
}

static HRESULT WINAPI fs_Write(IStream *iface, const void *buf, ULONG n, ULONG *done)
{
	struct file_stream *s = impl(iface);
	DWORD put = 0;

	if ((s->mode & STREAM_ACCESS_MASK) == STGM_READ)
		return STG_E_ACCESSDENIED;
	if (!WriteFile(s->file, buf, n, &put, NULL))
		return last_error_hr() == HRESULT_FROM_WIN32(ERROR_DISK_FULL) ? STG_E_MEDIUMFULL
									      : STG_E_CANTSAVE;
	if (done)
		*done = put;
	return S_OK;
}

static HRESULT WINAPI fs_Seek(IStream *iface, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *pos)
{
	LARGE_INTEGER now;

	if (origin > STREAM_SEEK_END)
		return E_INVALIDARG;
	if (!SetFilePointerEx(impl(iface)->file, move, &now, origin))
		return STG_E_INVALIDFUNCTION;
	if (pos)
		pos->QuadPart = (ULONGLONG)now.QuadPart;
	return S_OK;
}

static HRESULT WINAPI fs_SetSize(IStream *iface, ULARGE_INTEGER size)
{
	struct file_stream *s = impl(iface);
	LARGE_INTEGER zero = { 0 }, at, end;
	HRESULT hr = S_OK;

	if (!SetFilePointerEx(s->file, zero, &at, FILE_CURRENT))
		return STG_E_INVALIDFUNCTION;
	end.QuadPart = (LONGLONG)size.QuadPart;
	if (!SetFilePointerEx(s->file, end, NULL, FILE_BEGIN) || !SetEndOfFile(s->file))
		hr = STG_E_INVALIDFUNCTION;
	SetFilePointerEx(s->file, at, NULL, FILE_BEGIN);
	return hr;
}

static HRESULT WINAPI fs_Commit(IStream *iface, DWORD flags)
{
	return S_OK; /* every write already went to the file */
}

static HRESULT WINAPI fs_Revert(IStream *iface)
{
	return E_NOTIMPL;
}

static HRESULT WINAPI fs_LockRegion(IStream *iface, ULARGE_INTEGER at, ULARGE_INTEGER n, DWORD type)
{
	OVERLAPPED ov = { .Offset = at.LowPart, .OffsetHigh = at.HighPart };
	DWORD flags = LOCKFILE_FAIL_IMMEDIATELY | (type == LOCK_EXCLUSIVE ? LOCKFILE_EXCLUSIVE_LOCK : 0);

	if (!LockFileEx(impl(iface)->file, flags, 0, n.LowPart, n.HighPart, &ov))
		return STG_E_LOCKVIOLATION;
	return S_OK;
}

static HRESULT WINAPI fs_UnlockRegion(IStream *iface, ULARGE_INTEGER at, ULARGE_INTEGER n, DWORD type)
{
	OVERLAPPED ov = { .Offset = at.LowPart, .OffsetHigh = at.HighPart };

	if (!UnlockFileEx(impl(iface)->file, 0, n.LowPart, n.HighPart, &ov))
		return STG_E_LOCKVIOLATION;
	return S_OK;
}

static HRESULT WINAPI fs_Stat(IStream *iface, STATSTG *st, DWORD flags)
{
	struct file_stream *s = impl(iface);
	BY_HANDLE_FILE_INFORMATION info;

	if (!st)
		return STG_E_INVALIDPOINTER;
	if (!GetFileInformationByHandle(s->file, &info))
		return last_error_hr();
	memset(st, 0, sizeof(*st));
	st->type = STGTY_STREAM;
	st->cbSize.LowPart = info.nFileSizeLow;
	st->cbSize.HighPart = info.nFileSizeHigh;
	st->mtime = info.ftLastWriteTime;
	st->ctime = info.ftCreationTime;
	st->atime = info.ftLastAccessTime;
	st->grfMode = s->mode;
	if (!(flags & STATFLAG_NONAME) && !(st->pwcsName = sh_task_wcsdup(s->name)))
		return E_OUTOFMEMORY;
	return S_OK;
}

static HRESULT WINAPI fs_Clone(IStream *iface, IStream **out)
{
	return E_NOTIMPL;
}

static const IStreamVtbl file_stream_vtbl = {
	stream_QueryInterface, fs_AddRef, fs_Release, fs_Read, fs_Write, fs_Seek, fs_SetSize,
	stream_CopyTo, fs_Commit, fs_Revert, fs_LockRegion, fs_UnlockRegion, fs_Stat, fs_Clone,
};

static DWORD share_of(DWORD mode)
{
	DWORD share = FILE_SHARE_DELETE;

	switch (mode & STREAM_SHARE_MASK) {
	case STGM_SHARE_EXCLUSIVE:
		return share;
	case STGM_SHARE_DENY_READ:
		return share | FILE_SHARE_WRITE;
	case STGM_SHARE_DENY_WRITE:
		return share | FILE_SHARE_READ;
	default: /* STGM_SHARE_DENY_NONE, or no sharing flag */
		return share | FILE_SHARE_READ | FILE_SHARE_WRITE;
	}
}

HRESULT WINAPI SHCreateStreamOnFileEx(const WCHAR *path, DWORD mode, DWORD attributes, BOOL create,
				      IStream *template, IStream **out)
{
	static const DWORD access_of[] = { GENERIC_READ, GENERIC_READ | GENERIC_WRITE,
					   GENERIC_READ | GENERIC_WRITE };
	DWORD access = mode & STREAM_ACCESS_MASK, disposition;
	struct file_stream *s;
	HANDLE file;
	size_t len;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!path || template || access > STGM_READWRITE)
		return E_INVALIDARG;
	if ((mode & STGM_TRANSACTED) && access == STGM_READ)
		return E_INVALIDARG;
	if (mode & STGM_CREATE)
		disposition = CREATE_ALWAYS;
	else
		disposition = create ? CREATE_NEW : OPEN_EXISTING;
	file = CreateFileW(path, access_of[access], share_of(mode), NULL, disposition,
			   attributes ? attributes : FILE_ATTRIBUTE_NORMAL, NULL);
	if (file == INVALID_HANDLE_VALUE)
		return last_error_hr();
	len = (wcslen(path) + 1) * sizeof(WCHAR);
	s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));
	if (!s || !(s->name = HeapAlloc(GetProcessHeap(), 0, len))) {
		HeapFree(GetProcessHeap(), 0, s);
		CloseHandle(file);
		return E_OUTOFMEMORY;
	}
	memcpy(s->name, path, len);
	s->iface.lpVtbl = (IStreamVtbl *)&file_stream_vtbl;
	s->refs = 1;
	s->file = file;
	s->mode = mode;
	*out = &s->iface;
	return S_OK;
}

/* The flags the short forms refuse before opening anything. */
#define SHORT_FORM_REFUSED (STGM_CONVERT | STGM_DELETEONRELEASE | STGM_TRANSACTED)

HRESULT WINAPI SHCreateStreamOnFileW(const WCHAR *path, DWORD mode, IStream **out)
{
	if (out)
		*out = NULL;
	if (mode & SHORT_FORM_REFUSED)
		return E_INVALIDARG;
	return SHCreateStreamOnFileEx(path, mode, FILE_ATTRIBUTE_NORMAL, FALSE, NULL, out);
}

HRESULT WINAPI SHCreateStreamOnFileA(const char *path, DWORD mode, IStream **out)
{
	WCHAR wide[MAX_PATH];

	if (out)
		*out = NULL;
	if (!path)
		return HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND);
	if (!MultiByteToWideChar(CP_ACP, 0, path, -1, wide, MAX_PATH))
		return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
	return SHCreateStreamOnFileW(wide, mode, out);
}
