/* CreateFile2 and ReOpenFile: CreateFile with its flags given apart from
 * the attributes, and a new handle to a file already open. */
#include "k32_private.h"

/* CREATEFILE2_EXTENDED_PARAMETERS (public layout) */
struct create_file2_params {
	DWORD dwSize, dwFileAttributes, dwFileFlags, dwSecurityQosFlags;
	LPSECURITY_ATTRIBUTES lpSecurityAttributes;
	HANDLE hTemplateFile;
};

#define FILE_FLAGS_MASK 0xFFF00000u  /* the FILE_FLAG_* bits */
#define FILE_ATTRIBUTES_MASK 0x7FB7u /* the attributes a create may set */
#define SECURITY_QOS_MASK 0x001F0000u /* SECURITY_SQOS_PRESENT and the levels */

/* Each part is taken from its own field only: flags placed among the
 * attributes (or the reverse) are ignored, as documented. */
K32API HANDLE WINAPI CreateFile2(LPCWSTR name, DWORD access, DWORD share, DWORD creation,
				 LPCREATEFILE2_EXTENDED_PARAMETERS params)
{
	const struct create_file2_params *p = (const struct create_file2_params *)params;
	DWORD flags = 0;

	if (p && p->dwSize < sizeof(*p)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	if (p)
		flags = (p->dwFileAttributes & FILE_ATTRIBUTES_MASK) |
			(p->dwFileFlags & FILE_FLAGS_MASK) |
			(p->dwSecurityQosFlags & SECURITY_QOS_MASK);
	return CreateFileW(name, access, share, p ? p->lpSecurityAttributes : NULL, creation,
			   flags, p ? p->hTemplateFile : NULL);
}

/* The file open as `h`, opened again (an empty name relative to it) with
 * new access, sharing and FILE_FLAG_* options; attributes have no place
 * here (ERROR_INVALID_PARAMETER). */
K32API HANDLE WINAPI ReOpenFile(HANDLE h, DWORD access, DWORD share, DWORD flags)
{
	UNICODE_STRING empty = { 0, 0, NULL };
	OBJECT_ATTRIBUTES oa;
	ULONG options;

	if (flags & ~FILE_FLAGS_MASK) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	/* the handle's file is a file or a directory already: neither is asked */
	options = k32_open_options(flags | FILE_FLAG_BACKUP_SEMANTICS, &access) &
		  ~(ULONG)FILE_OPEN_FOR_BACKUP_INTENT;
	if (flags & FILE_FLAG_BACKUP_SEMANTICS)
		options |= FILE_OPEN_FOR_BACKUP_INTENT;
	InitializeObjectAttributes(&oa, &empty, 0, h, NULL);
	return k32_open_handle(&oa, access, share, options);
}
