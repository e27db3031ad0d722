/* OpenFileById: NtCreateFile with FILE_OPEN_BY_FILE_ID, the id as the
 * name and the volume hint as its root directory. */
#include "k32_private.h"

K32API HANDLE WINAPI OpenFileById(HANDLE hint, LPFILE_ID_DESCRIPTOR id, DWORD access,
				  DWORD share, LPSECURITY_ATTRIBUTES sa, DWORD flags)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	ULONG options;

	/* 64-bit file ids only: object ids and 128-bit ids have no files here */
	if (!id || id->dwSize < sizeof(*id) || id->Type != FileIdType) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	name.Buffer = (WCHAR *)&id->FileId;
	name.Length = name.MaximumLength = sizeof(id->FileId);
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, hint,
				   sa ? sa->lpSecurityDescriptor : NULL);
	if (sa && sa->bInheritHandle)
		oa.Attributes |= OBJ_INHERIT;
	/* a directory opens too, with or without FILE_FLAG_BACKUP_SEMANTICS */
	options = (k32_open_options(flags, &access) & ~(ULONG)FILE_NON_DIRECTORY_FILE) |
		  FILE_OPEN_BY_FILE_ID;
	return k32_open_handle(&oa, access, share, options);
}
