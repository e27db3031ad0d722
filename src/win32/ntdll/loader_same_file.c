/*
 * A DLL loaded under one name is the same module under any other name of
 * its file, its 8.3 short name or a hard link: LoadLibrary and
 * GetModuleHandle find it, and it keeps the name it was first loaded by
 * (kernel32's loader tests, test_filenames).  Files compare by their id
 * (FileInternalInformation), asked of a module once.
 */
#include "loader.h"

#define FILE_INTERNAL_INFORMATION_CLASS 6
#define NO_FILE_ID (-1LL) /* asked, but the file could not tell */

static BOOL file_id_of(const WCHAR *dos_path, LONGLONG *id)
{
	WCHAR nt[270] = L"\\??\\";
	UNICODE_STRING us;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	HANDLE h;
	NTSTATUS st;

	if (!dos_path[0] || wcslen(dos_path) >= 260)
		return FALSE;
	wcscat(nt, dos_path);
	RtlInitUnicodeString(&us, nt);
	InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE, NULL, NULL);
	if (!NT_SUCCESS(NtOpenFile(&h, FILE_READ_ATTRIBUTES | SYNCHRONIZE, &oa, &io,
				   FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
				   FILE_SYNCHRONOUS_IO_NONALERT)))
		return FALSE;
	st = NtQueryInformationFile(h, &io, id, sizeof(*id),
				    (FILE_INFORMATION_CLASS)FILE_INTERNAL_INFORMATION_CLASS);
	NtClose(h);
	return NT_SUCCESS(st) && *id && *id != NO_FILE_ID;
}

struct ldr_module *ldr_loaded_from_file(const WCHAR *dos_path)
{
	LONGLONG id;

	if (!file_id_of(dos_path, &id))
		return NULL;
	for (unsigned i = 0; i < ldr_nmodules; i++) {
		struct ldr_module *m = &ldr_modules[i];

		if (!m->base || !m->name[0])
			continue;
		if (!m->file_id && !file_id_of(m->path, &m->file_id))
			m->file_id = NO_FILE_ID;
		if (m->file_id == id)
			return m;
	}
	return NULL;
}
