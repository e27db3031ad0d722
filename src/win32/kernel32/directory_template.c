/*
 * CreateDirectoryEx: a new directory that takes its attributes from a
 * template directory (read first: a template that cannot be read fails the
 * call before anything is made).  NTFS' compression and encryption do not
 * exist on lsw's volumes; the attributes a directory can carry are copied.
 */
#include "k32_private.h"

#define TEMPLATE_ATTRIBUTES (FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN | \
			     FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_ARCHIVE | \
			     FILE_ATTRIBUTE_NOT_CONTENT_INDEXED)

K32API BOOL WINAPI CreateDirectoryExW(LPCWSTR template_dir, LPCWSTR new_dir,
				      LPSECURITY_ATTRIBUTES sa)
{
	DWORD attrs;

	if (!template_dir)
		return k32_error(ERROR_PATH_NOT_FOUND);
	attrs = GetFileAttributesW(template_dir);
	if (attrs == INVALID_FILE_ATTRIBUTES)
		return FALSE;
	if (!(attrs & FILE_ATTRIBUTE_DIRECTORY))
		return k32_error(ERROR_DIRECTORY);
	if (!CreateDirectoryW(new_dir, sa))
		return FALSE;
	attrs &= TEMPLATE_ATTRIBUTES;
	return attrs ? SetFileAttributesW(new_dir, attrs) : TRUE;
}

K32API BOOL WINAPI CreateDirectoryExA(LPCSTR template_dir, LPCSTR new_dir,
				      LPSECURITY_ATTRIBUTES sa)
{
	UNICODE_STRING t, n;
	BOOL ok;

	if (!k32_ansi_args2(template_dir, new_dir, &t, &n))
		return FALSE;
	ok = CreateDirectoryExW(t.Buffer, n.Buffer, sa);
	k32_free(t.Buffer);
	k32_free(n.Buffer);
	return ok;
}

/* No compression or sparse storage here: a file's compressed size is its
 * size (documented for a file that is neither). */
K32API DWORD WINAPI GetCompressedFileSizeW(LPCWSTR name, LPDWORD high)
{
	WIN32_FILE_ATTRIBUTE_DATA data;

	if (!GetFileAttributesExW(name, GetFileExInfoStandard, &data))
		return INVALID_FILE_SIZE;
	if (high)
		*high = data.nFileSizeHigh;
	/* INVALID_FILE_SIZE as a real low part: the last error tells */
	if (data.nFileSizeLow == INVALID_FILE_SIZE)
		RtlSetLastWin32Error(ERROR_SUCCESS);
	return data.nFileSizeLow;
}

K32API DWORD WINAPI GetCompressedFileSizeA(LPCSTR name, LPDWORD high)
{
	UNICODE_STRING w;
	DWORD size;

	if (!k32_ansi_arg(name, &w))
		return INVALID_FILE_SIZE;
	size = GetCompressedFileSizeW(w.Buffer, high);
	k32_free(w.Buffer);
	return size;
}
