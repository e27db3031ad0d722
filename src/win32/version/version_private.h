/* Private declarations of version.dll. */
#ifndef LSW_VERSION_PRIVATE_H
#define LSW_VERSION_PRIVATE_H

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>

/* image.c: the file's RT_VERSION resource, mapped as an image; *data and
 * *size describe it until image_unmap(base).  FALSE with the last error
 * set when the file has none. */
BOOL image_version_resource(LPCWSTR file, void **base, const void **data, DWORD *size);
void image_unmap(void *base);

/* query.c: the layout GetFileVersionInfo leaves in the caller's buffer. */
DWORD info_size(DWORD resource_size);

/* info.c: an ANSI string as a heap copy in UTF-16 (NULL for NULL);
 * HeapFree(GetProcessHeap()) frees it. */
WCHAR *version_to_w(LPCSTR a);

/* find.c: VerFindFile's answer for name: the directory holding a copy
 * now (cur, empty for none) and the one recommended (dest), with the
 * VFF_ bits those give. */
DWORD ver_find_file(DWORD flags, LPCWSTR name, LPCWSTR app_dir, WCHAR cur[MAX_PATH],
		    WCHAR dest[MAX_PATH]);
/* s into a caller's buffer of *len characters, *len set to what s needs;
 * too_small when it did not fit. */
DWORD ver_copy_out_w(const WCHAR *s, WCHAR *buf, UINT *len, DWORD too_small);
DWORD ver_copy_out_a(const WCHAR *s, LPSTR buf, UINT *len, DWORD too_small);

#endif
