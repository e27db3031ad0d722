/* ReplaceFile and MoveFileWithProgress: renames built on the rename and
 * delete of file.c. */
#include "k32_private.h"

#ifndef ERROR_UNABLE_TO_REMOVE_REPLACED
#define ERROR_UNABLE_TO_REMOVE_REPLACED 1175
#define ERROR_UNABLE_TO_MOVE_REPLACEMENT 1176
#define ERROR_UNABLE_TO_MOVE_REPLACEMENT_2 1177
#endif

static HANDLE open_for_replace(const WCHAR *name, DWORD access, DWORD share)
{
	return CreateFileW(name, access | SYNCHRONIZE, share, NULL, OPEN_EXISTING,
			   FILE_FLAG_BACKUP_SEMANTICS, NULL);
}

/* The replaced file goes to the backup name, or is deleted (POSIX
 * semantics: a program running from it keeps it); then the replacement
 * takes its name.  The replacement is opened for writing, so a reader
 * that does not share writing stops it (ERROR_SHARING_VIOLATION); a
 * read-only file on either side is ERROR_ACCESS_DENIED.  The flags
 * (ignore merge errors, ignore ACL errors) ask for nothing more here. */
K32API BOOL WINAPI ReplaceFileW(LPCWSTR replaced, LPCWSTR replacement, LPCWSTR backup,
				DWORD flags, LPVOID exclude, LPVOID reserved)
{
	HANDLE old, new;
	DWORD attrs;
	NTSTATUS status;

	if (!replaced || !replacement || exclude || reserved)
		return k32_error(ERROR_INVALID_PARAMETER);
	attrs = GetFileAttributesW(replaced);
	if (attrs == INVALID_FILE_ATTRIBUTES)
		return FALSE;
	if (attrs & FILE_ATTRIBUTE_READONLY)
		return k32_error(ERROR_ACCESS_DENIED);
	old = open_for_replace(replaced, GENERIC_READ | DELETE,
			       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE);
	if (old == INVALID_HANDLE_VALUE)
		return FALSE;
	new = open_for_replace(replacement, GENERIC_READ | GENERIC_WRITE | DELETE, 0);
	if (new == INVALID_HANDLE_VALUE) {
		DWORD err = GetLastError();

		CloseHandle(old);
		return k32_error(err);
	}
	status = backup ? k32_set_name_info(old, backup, TRUE, 10) : k32_delete_open_file(old);
	CloseHandle(old);
	if (status < 0) {
		CloseHandle(new);
		return k32_error(ERROR_UNABLE_TO_REMOVE_REPLACED);
	}
	status = k32_set_name_info(new, replaced, TRUE, 10);
	CloseHandle(new);
	if (status < 0)
		return k32_error(backup ? ERROR_UNABLE_TO_MOVE_REPLACEMENT_2
					: ERROR_UNABLE_TO_MOVE_REPLACEMENT);
	k32_error(NO_ERROR);
	return TRUE;
}

K32API BOOL WINAPI ReplaceFileA(LPCSTR replaced, LPCSTR replacement, LPCSTR backup,
				DWORD flags, LPVOID exclude, LPVOID reserved)
{
	UNICODE_STRING a, b, c = { 0 };
	BOOL r;

	if (!replaced || !replacement)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_args2(replaced, replacement, &a, &b))
		return FALSE;
	if (backup && !k32_ansi_arg(backup, &c)) {
		k32_free(a.Buffer);
		k32_free(b.Buffer);
		return FALSE;
	}
	r = ReplaceFileW(a.Buffer, b.Buffer, c.Buffer, flags, exclude, reserved);
	k32_free(a.Buffer);
	k32_free(b.Buffer);
	k32_free(c.Buffer);
	return r;
}

/* A rename never copies here, so the progress routine has nothing to
 * report (MOVEFILE_COPY_ALLOWED moves within what the program sees). */
K32API BOOL WINAPI MoveFileWithProgressW(LPCWSTR from, LPCWSTR to, LPPROGRESS_ROUTINE progress,
					 LPVOID data, DWORD flags)
{
	return MoveFileExW(from, to, flags);
}

K32API BOOL WINAPI MoveFileWithProgressA(LPCSTR from, LPCSTR to, LPPROGRESS_ROUTINE progress,
					 LPVOID data, DWORD flags)
{
	return MoveFileExA(from, to, flags);
}
