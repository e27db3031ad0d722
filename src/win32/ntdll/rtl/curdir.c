/*
 * The process current directory: ProcessParameters->CurrentDirectory holds
 * the DOS path (always ending in a backslash) and an open handle to the
 * directory.  Guarded by the PEB lock.
 */
#include "rtl_private.h"

#define CURDIR_MAX_CHARS MAX_PATH /* Windows limits it to MAX_PATH - 1 + '\' */

/* Length in bytes without the terminator; the trailing backslash is
 * dropped except for a root ("C:\").  If `size` is too small, returns the
 * size needed including the terminator. */
RTLAPI ULONG NTAPI RtlGetCurrentDirectory_U(ULONG size, PWSTR buf)
{
	const UNICODE_STRING *cwd;
	ULONG len;

	rtl_peb_lock();
	cwd = &lsw_params()->CurrentDirectory.DosPath;
	len = cwd->Length / sizeof(WCHAR);
	if (len > 3 && cwd->Buffer[len - 1] == '\\')
		len--;
	if ((len + 1) * sizeof(WCHAR) > size) {
		rtl_peb_unlock();
		return (len + 1) * sizeof(WCHAR);
	}
	memcpy(buf, cwd->Buffer, len * sizeof(WCHAR));
	buf[len] = 0;
	rtl_peb_unlock();
	return len * sizeof(WCHAR);
}

/* Open the directory to prove it exists.  While the supervisor does not
 * implement NtOpenFile the path is accepted unchecked (handle NULL). */
static NTSTATUS open_dir(const WCHAR *dos, HANDLE *h)
{
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	NTSTATUS status;

	*h = NULL;
	status = RtlDosPathNameToNtPathName_U_WithStatus(dos, &nt, NULL, NULL);
	if (status < 0)
		return status;
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenFile(h, FILE_TRAVERSE | SYNCHRONIZE, &oa, &io,
			    FILE_SHARE_READ | FILE_SHARE_WRITE,
			    FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
	RtlFreeUnicodeString(&nt);
	if (status == STATUS_NOT_IMPLEMENTED) {
		*h = NULL;
		return STATUS_SUCCESS;
	}
	return status;
}

static NTSTATUS store_cwd(const WCHAR *full, ULONG len, HANDLE h)
{
	LSW_CURDIR *cd = &lsw_params()->CurrentDirectory;
	ULONG bytes = (len + 1) * sizeof(WCHAR);

	if (!cd->DosPath.Buffer || cd->DosPath.MaximumLength < CURDIR_MAX_CHARS * sizeof(WCHAR)) {
		WCHAR *nb = RtlAllocateHeap(lsw_process_heap(), 0, CURDIR_MAX_CHARS * sizeof(WCHAR));
		if (!nb)
			return STATUS_NO_MEMORY;
		/* The old buffer may belong to the start-up block: not freed. */
		cd->DosPath.Buffer = nb;
		cd->DosPath.MaximumLength = CURDIR_MAX_CHARS * sizeof(WCHAR);
	}
	if (bytes > cd->DosPath.MaximumLength)
		return STATUS_NAME_TOO_LONG;
	memcpy(cd->DosPath.Buffer, full, bytes);
	cd->DosPath.Length = (USHORT)(len * sizeof(WCHAR));
	if (cd->Handle)
		NtClose(cd->Handle);
	cd->Handle = h;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlSetCurrentDirectory_U(PCUNICODE_STRING dir)
{
	WCHAR *name, *full;
	ULONG len;
	HANDLE h = NULL;
	NTSTATUS status;
	HANDLE heap = lsw_process_heap();

	name = RtlAllocateHeap(heap, 0, dir->Length + sizeof(WCHAR));
	full = RtlAllocateHeap(heap, 0, (CURDIR_MAX_CHARS + 2) * sizeof(WCHAR));
	status = STATUS_NO_MEMORY;
	if (!name || !full)
		goto out;
	memcpy(name, dir->Buffer, dir->Length);
	name[dir->Length / sizeof(WCHAR)] = 0;
	rtl_peb_lock();
	len = RtlGetFullPathName_U(name, CURDIR_MAX_CHARS * sizeof(WCHAR), full, NULL);
	status = STATUS_OBJECT_NAME_INVALID;
	if (!len)
		goto unlock;
	status = STATUS_NAME_TOO_LONG;
	if (len >= CURDIR_MAX_CHARS * sizeof(WCHAR))
		goto unlock;
	len /= sizeof(WCHAR);
	if (full[len - 1] != '\\') {
		full[len++] = '\\';
		full[len] = 0;
	}
	status = open_dir(full, &h);
	if (status >= 0)
		status = store_cwd(full, len, h);
	if (status < 0 && h)
		NtClose(h);
unlock:
	rtl_peb_unlock();
out:
	RtlFreeHeap(heap, 0, name);
	RtlFreeHeap(heap, 0, full);
	return status;
}
