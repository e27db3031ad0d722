/*
 * GetFileInformationByHandleEx and SetFileInformationByHandle: each
 * FILE_INFO_BY_HANDLE_CLASS is an NT information class whose structure
 * has the same layout (FILE_BASIC_INFO is FILE_BASIC_INFORMATION...), so
 * the call is NtQueryInformationFile / NtSetInformationFile, or
 * NtQueryDirectoryFile for the directory listings and the volume's
 * sector sizes for FileStorageInfo.  A rename's target is a Win32 path,
 * made an NT one first.  Classes Windows does not take here fail with
 * ERROR_INVALID_PARAMETER, as documented.
 */
#include "k32_private.h"

NTSTATUS NTAPI NtQueryDirectoryFile(HANDLE, HANDLE, PVOID, PVOID, PIO_STATUS_BLOCK, PVOID, ULONG,
				    FILE_INFORMATION_CLASS, BOOLEAN, PUNICODE_STRING, BOOLEAN);

/* Win32 class -> NT FILE_INFORMATION_CLASS for queries (0: none). */
static const BYTE query_classes[] = {
	[FileBasicInfo] = 4, [FileStandardInfo] = 5, [FileNameInfo] = 9,
	[FileStreamInfo] = 22, [FileCompressionInfo] = 28, [FileAttributeTagInfo] = 35,
	[FileRemoteProtocolInfo] = 55, [FileAlignmentInfo] = 17, [FileIdInfo] = 59,
};

/* The directory listings: the NT class and whether the scan restarts. */
static BOOL directory_class(FILE_INFO_BY_HANDLE_CLASS c, ULONG *nt, BOOLEAN *restart)
{
	switch ((int)c) {
	case FileIdBothDirectoryRestartInfo: *restart = TRUE; /* fall through */
	case FileIdBothDirectoryInfo: *nt = 37; return TRUE;
	case FileFullDirectoryRestartInfo: *restart = TRUE; /* fall through */
	case FileFullDirectoryInfo: *nt = 2; return TRUE;
	case FileIdExtdDirectoryRestartInfo: *restart = TRUE; /* fall through */
	case FileIdExtdDirectoryInfo: *nt = 60; return TRUE;
	default: return FALSE;
	}
}

K32API BOOL WINAPI GetFileInformationByHandleEx(HANDLE h, FILE_INFO_BY_HANDLE_CLASS cls,
						LPVOID buf, DWORD size)
{
	IO_STATUS_BLOCK io;
	BOOLEAN restart = FALSE;
	ULONG nt = 0;
	NTSTATUS st;

	if (directory_class(cls, &nt, &restart)) {
		st = NtQueryDirectoryFile(h, NULL, NULL, NULL, &io, buf, size,
					  (FILE_INFORMATION_CLASS)nt, FALSE, NULL, restart);
	} else if (cls == FileStorageInfo) {
		st = NtQueryVolumeInformationFile(h, &io, buf, size,
						  (FS_INFORMATION_CLASS)11); /* sector sizes */
	} else {
		if ((unsigned)cls >= sizeof(query_classes) || !query_classes[cls])
			return k32_error(ERROR_INVALID_PARAMETER);
		st = NtQueryInformationFile(h, &io, buf, size,
					    (FILE_INFORMATION_CLASS)query_classes[cls]);
	}
	if (st == STATUS_BUFFER_OVERFLOW)
		return k32_error(ERROR_MORE_DATA);
	return st < 0 ? k32_fail(st) : TRUE;
}

/* FILE_RENAME_INFO with its Win32 target name made an NT path. */
static BOOL set_rename(HANDLE h, const FILE_RENAME_INFO *ri, DWORD size)
{
	FILE_RENAME_INFO *nt_ri;
	UNICODE_STRING nt;
	WCHAR *name;
	IO_STATUS_BLOCK io;
	NTSTATUS st;
	ULONG n;

	if (size < offsetof(FILE_RENAME_INFO, FileName) ||
	    ri->FileNameLength > size - offsetof(FILE_RENAME_INFO, FileName))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (ri->RootDirectory) { /* a name relative to a directory handle */
		st = NtSetInformationFile(h, &io, (PVOID)ri, size, (FILE_INFORMATION_CLASS)10);
		return st < 0 ? k32_fail(st) : TRUE;
	}
	name = RtlAllocateHeap(k32_heap(), 0, ri->FileNameLength + sizeof(WCHAR));
	if (!name)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	memcpy(name, ri->FileName, ri->FileNameLength);
	name[ri->FileNameLength / sizeof(WCHAR)] = 0;
	st = k32_nt_path(name, &nt);
	RtlFreeHeap(k32_heap(), 0, name);
	if (st < 0)
		return k32_fail(st);
	n = (ULONG)offsetof(FILE_RENAME_INFO, FileName) + nt.Length;
	nt_ri = RtlAllocateHeap(k32_heap(), 0, n);
	if (!nt_ri) {
		RtlFreeUnicodeString(&nt);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	memcpy(nt_ri, ri, offsetof(FILE_RENAME_INFO, FileName));
	nt_ri->FileNameLength = nt.Length;
	memcpy(nt_ri->FileName, nt.Buffer, nt.Length);
	RtlFreeUnicodeString(&nt);
	st = NtSetInformationFile(h, &io, nt_ri, n, (FILE_INFORMATION_CLASS)10);
	RtlFreeHeap(k32_heap(), 0, nt_ri);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI SetFileInformationByHandle(HANDLE h, FILE_INFO_BY_HANDLE_CLASS cls,
					      LPVOID buf, DWORD size)
{
	static const BYTE set_classes[] = {
		[FileBasicInfo] = 4, [FileDispositionInfo] = 13, [FileAllocationInfo] = 19,
		[FileEndOfFileInfo] = 20, [FileIoPriorityHintInfo] = 43,
		[21 /* FileDispositionInfoEx */] = 64,
	};
	IO_STATUS_BLOCK io;
	NTSTATUS st;

	if (!buf)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (cls == FileRenameInfo)
		return set_rename(h, buf, size);
	if ((unsigned)cls >= sizeof(set_classes) || !set_classes[cls])
		return k32_error(ERROR_INVALID_PARAMETER);
	/* Win32's PRIORITY_HINT ends below NT's IoPriorityHigh: the hint
	 * must be very low, low or normal (kernel32's file tests) */
	if (cls == FileIoPriorityHintInfo && size >= sizeof(FILE_IO_PRIORITY_HINT_INFO) &&
	    ((FILE_IO_PRIORITY_HINT_INFO *)buf)->PriorityHint >= MaximumIoPriorityHintType)
		return k32_error(ERROR_INVALID_PARAMETER);
	st = NtSetInformationFile(h, &io, buf, size, (FILE_INFORMATION_CLASS)set_classes[cls]);
	return st < 0 ? k32_fail(st) : TRUE;
}

/* The valid data length moved up to len (FileValidDataLengthInformation):
 * a handle with write access, and SeManageVolumePrivilege. */
K32API BOOL WINAPI SetFileValidData(HANDLE h, LONGLONG len)
{
	LARGE_INTEGER valid = { .QuadPart = len };
	IO_STATUS_BLOCK io;
	NTSTATUS st = NtSetInformationFile(h, &io, &valid, sizeof(valid),
					   (FILE_INFORMATION_CLASS)39);

	return st < 0 ? k32_fail(st) : TRUE;
}
