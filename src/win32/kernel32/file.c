/* Opening, creating, deleting files and directories; file attributes. */
#include "k32_private.h"

#define FILE_INFO_DISPOSITION 13
#define FILE_INFO_DISPOSITION_EX 64
#ifndef FILE_DISPOSITION_FLAG_DELETE
#define FILE_DISPOSITION_FLAG_DELETE 0x1
#define FILE_DISPOSITION_FLAG_POSIX_SEMANTICS 0x2
#endif
#define FILE_ATTRIBUTE_VALID_FLAGS 0x7FB7

typedef struct file_basic_info {
	LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
	ULONG FileAttributes;
} file_basic_info;

/* A DOS name that has no NT form (empty, a device after a directory that
 * does not exist) is "path not found" to kernel32's callers, as Windows'
 * file functions report it. */
NTSTATUS k32_nt_path(const WCHAR *dos, UNICODE_STRING *nt)
{
	NTSTATUS status;

	if (!dos || !dos[0])
		return STATUS_OBJECT_PATH_NOT_FOUND;
	status = RtlDosPathNameToNtPathName_U_WithStatus(dos, nt, NULL, NULL);
	return status == STATUS_OBJECT_NAME_INVALID ? STATUS_OBJECT_PATH_NOT_FOUND : status;
}

static BOOL map_disposition(DWORD creation, ULONG *disp)
{
	switch (creation) {
	case CREATE_NEW: *disp = FILE_CREATE; return TRUE;
	case CREATE_ALWAYS: *disp = FILE_OVERWRITE_IF; return TRUE;
	case OPEN_EXISTING: *disp = FILE_OPEN; return TRUE;
	case OPEN_ALWAYS: *disp = FILE_OPEN_IF; return TRUE;
	case TRUNCATE_EXISTING: *disp = FILE_OVERWRITE; return TRUE;
	}
	return FALSE;
}

ULONG k32_open_options(DWORD flags, ACCESS_MASK *access)
{
	ULONG opt = 0;

	if (!(flags & FILE_FLAG_BACKUP_SEMANTICS))
		opt |= FILE_NON_DIRECTORY_FILE;
	else
		opt |= FILE_OPEN_FOR_BACKUP_INTENT;
	if (!(flags & FILE_FLAG_OVERLAPPED))
		opt |= FILE_SYNCHRONOUS_IO_NONALERT;
	if (flags & FILE_FLAG_WRITE_THROUGH)
		opt |= FILE_WRITE_THROUGH;
	if (flags & FILE_FLAG_NO_BUFFERING)
		opt |= FILE_NO_INTERMEDIATE_BUFFERING;
	if (flags & FILE_FLAG_RANDOM_ACCESS)
		opt |= FILE_RANDOM_ACCESS;
	if (flags & FILE_FLAG_SEQUENTIAL_SCAN)
		opt |= FILE_SEQUENTIAL_ONLY;
	if (flags & FILE_FLAG_OPEN_REPARSE_POINT)
		opt |= FILE_OPEN_REPARSE_POINT;
	if (flags & FILE_FLAG_DELETE_ON_CLOSE) {
		opt |= FILE_DELETE_ON_CLOSE;
		*access |= DELETE;
	}
	return opt;
}

/* Success sets the last error too: ERROR_ALREADY_EXISTS when OPEN_ALWAYS or
 * CREATE_ALWAYS found the file, else 0 (documented). */
static void report_open(DWORD creation, ULONG_PTR info)
{
	BOOL existed = info == FILE_OPENED || info == FILE_OVERWRITTEN;

	if ((creation == OPEN_ALWAYS || creation == CREATE_ALWAYS) && existed)
		k32_error(ERROR_ALREADY_EXISTS);
	else
		k32_error(NO_ERROR);
}

K32API HANDLE WINAPI CreateFileW(LPCWSTR name, DWORD access, DWORD share,
				 LPSECURITY_ATTRIBUTES sa, DWORD creation, DWORD flags,
				 HANDLE template)
{
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	HANDLE h = INVALID_HANDLE_VALUE;
	ULONG disp, opt;
	NTSTATUS status;
	SECURITY_QUALITY_OF_SERVICE qos = {
		sizeof(qos), (SECURITY_IMPERSONATION_LEVEL)((flags >> 16) & 3),
		(flags & SECURITY_CONTEXT_TRACKING) ? SECURITY_DYNAMIC_TRACKING : SECURITY_STATIC_TRACKING,
		(flags & SECURITY_EFFECTIVE_ONLY) != 0,
	};

	/* TRUNCATE_EXISTING asks for GENERIC_WRITE itself (documented) */
	if (!map_disposition(creation, &disp) ||
	    (creation == TRUNCATE_EXISTING && !(access & (GENERIC_WRITE | GENERIC_ALL)))) {
		k32_error(ERROR_INVALID_PARAMETER);
		return INVALID_HANDLE_VALUE;
	}
	status = k32_nt_path(name, &nt);
	if (status < 0) {
		k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	access |= SYNCHRONIZE | FILE_READ_ATTRIBUTES;
	opt = k32_open_options(flags, &access);
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE |
				   (sa && sa->bInheritHandle ? OBJ_INHERIT : 0), NULL,
				   sa ? sa->lpSecurityDescriptor : NULL);
	if (flags & SECURITY_SQOS_PRESENT) /* how a pipe's server may impersonate us */
		oa.SecurityQualityOfService = &qos;
	status = NtCreateFile(&h, access, &oa, &io, NULL, flags & FILE_ATTRIBUTE_VALID_FLAGS,
			      share, disp, opt, NULL, 0);
	RtlFreeUnicodeString(&nt);
	if (status < 0) {
		/* CREATE_NEW on an existing file reports ERROR_FILE_EXISTS. */
		if (status == STATUS_OBJECT_NAME_COLLISION)
			k32_error(ERROR_FILE_EXISTS);
		else
			k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	report_open(creation, io.Information);
	return h;
}

K32API HANDLE WINAPI CreateFileA(LPCSTR name, DWORD access, DWORD share,
				 LPSECURITY_ATTRIBUTES sa, DWORD creation, DWORD flags,
				 HANDLE template)
{
	UNICODE_STRING w;
	HANDLE h;

	if (!name) {
		k32_error(ERROR_PATH_NOT_FOUND);
		return INVALID_HANDLE_VALUE;
	}
	if (!k32_ansi_arg(name, &w))
		return INVALID_HANDLE_VALUE;
	h = CreateFileW(w.Buffer, access, share, sa, creation, flags, template);
	k32_free(w.Buffer);
	return h;
}

HANDLE k32_open_handle(OBJECT_ATTRIBUTES *oa, ACCESS_MASK access, DWORD share, ULONG options)
{
	IO_STATUS_BLOCK io;
	HANDLE h;
	NTSTATUS status = NtCreateFile(&h, access | SYNCHRONIZE | FILE_READ_ATTRIBUTES, oa, &io,
				       NULL, 0, share, FILE_OPEN, options, NULL, 0);

	if (status < 0) {
		k32_fail(status);
		return INVALID_HANDLE_VALUE;
	}
	return h;
}

NTSTATUS k32_open_path(const WCHAR *name, ACCESS_MASK access, ULONG options, HANDLE *h)
{
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	NTSTATUS status = k32_nt_path(name, &nt);

	if (status < 0)
		return status;
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenFile(h, access | SYNCHRONIZE, &oa, &io,
			    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			    options | FILE_SYNCHRONOUS_IO_NONALERT);
	RtlFreeUnicodeString(&nt);
	return status;
}

/* Marks the file open as h for deletion as Windows 10 does: with POSIX
 * semantics (the name goes at once, handles still open keep the file),
 * else the classic way (the file goes at its last close). */
NTSTATUS k32_delete_open_file(HANDLE h)
{
	IO_STATUS_BLOCK io;
	ULONG flags = FILE_DISPOSITION_FLAG_DELETE | FILE_DISPOSITION_FLAG_POSIX_SEMANTICS;
	BOOLEAN del = TRUE;
	NTSTATUS status = NtSetInformationFile(h, &io, &flags, sizeof(flags),
					       (FILE_INFORMATION_CLASS)FILE_INFO_DISPOSITION_EX);

	if (status == STATUS_INVALID_INFO_CLASS || status == STATUS_INVALID_PARAMETER ||
	    status == STATUS_NOT_SUPPORTED)
		status = NtSetInformationFile(h, &io, &del, sizeof(del),
					      (FILE_INFORMATION_CLASS)FILE_INFO_DISPOSITION);
	return status;
}

/* Open for DELETE, mark for deletion, close. */
K32API BOOL WINAPI DeleteFileW(LPCWSTR name)
{
	HANDLE h;
	NTSTATUS status = k32_open_path(name, DELETE,
				    FILE_NON_DIRECTORY_FILE | FILE_OPEN_REPARSE_POINT, &h);

	if (status < 0)
		return k32_fail(status);
	status = k32_delete_open_file(h);
	NtClose(h);
	return status < 0 ? k32_fail(status) : TRUE;
}

/* FILE_RENAME_INFORMATION and FILE_LINK_INFORMATION (one layout) with room
 * for the target name. */
struct name_info {
	BOOLEAN ReplaceIfExists;
	HANDLE RootDirectory;
	ULONG FileNameLength;
	WCHAR FileName[1];
};

/* Give the file open as h the DOS name `to`: a rename (class 10) or a new
 * hard link (class 11). */
NTSTATUS k32_set_name_info(HANDLE h, const WCHAR *to, BOOLEAN replace, ULONG cls)
{
	UNICODE_STRING nt;
	IO_STATUS_BLOCK io;
	struct name_info *ni;
	NTSTATUS status = k32_nt_path(to, &nt);
	ULONG size;

	if (status < 0)
		return status;
	size = (ULONG)(offsetof(struct name_info, FileName) + nt.Length);
	ni = RtlAllocateHeap(GetProcessHeap(), 0, size);
	if (!ni) {
		RtlFreeUnicodeString(&nt);
		return STATUS_NO_MEMORY;
	}
	ni->ReplaceIfExists = replace;
	ni->RootDirectory = NULL;
	ni->FileNameLength = nt.Length;
	memcpy(ni->FileName, nt.Buffer, nt.Length);
	RtlFreeUnicodeString(&nt);
	status = NtSetInformationFile(h, &io, ni, size, (FILE_INFORMATION_CLASS)cls);
	RtlFreeHeap(GetProcessHeap(), 0, ni);
	return status;
}

/* A failed rename or link: an existing target is ERROR_ALREADY_EXISTS. */
static BOOL name_info_result(NTSTATUS status)
{
	if (status == STATUS_OBJECT_NAME_COLLISION)
		return k32_error(ERROR_ALREADY_EXISTS);
	return status < 0 ? k32_fail(status) : TRUE;
}

/* Renames within what the supervisor lets the program see.  Moving across
 * devices (MOVEFILE_COPY_ALLOWED) is not supported; delayed moves are
 * recorded (file_delayed_move.c). */
K32API BOOL WINAPI MoveFileExW(LPCWSTR from, LPCWSTR to, DWORD flags)
{
	HANDLE h;
	NTSTATUS status;

	if (from && (flags & MOVEFILE_DELAY_UNTIL_REBOOT))
		return k32_move_at_reboot(from, to, flags);
	if (!from || !to)
		return k32_error(ERROR_INVALID_PARAMETER);
	status = k32_open_path(from, DELETE, FILE_OPEN_REPARSE_POINT, &h);
	if (status >= 0) {
		status = k32_set_name_info(h, to, (flags & MOVEFILE_REPLACE_EXISTING) != 0, 10);
		NtClose(h);
	}
	return name_info_result(status);
}

/* A second name for an existing file (not a directory: that is
 * ERROR_ACCESS_DENIED); an existing `name` is ERROR_ALREADY_EXISTS. */
K32API BOOL WINAPI CreateHardLinkW(LPCWSTR name, LPCWSTR existing, LPSECURITY_ATTRIBUTES sa)
{
	HANDLE h;
	NTSTATUS status;

	if (!name || !existing)
		return k32_error(ERROR_INVALID_PARAMETER);
	status = k32_open_path(existing, FILE_WRITE_ATTRIBUTES,
			   FILE_NON_DIRECTORY_FILE | FILE_OPEN_REPARSE_POINT, &h);
	if (status >= 0) {
		status = k32_set_name_info(h, name, FALSE, 11);
		NtClose(h);
	}
	return name_info_result(status);
}

K32API BOOL WINAPI MoveFileW(LPCWSTR from, LPCWSTR to)
{
	return MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED);
}

K32API BOOL WINAPI RemoveDirectoryW(LPCWSTR name)
{
	HANDLE h;
	NTSTATUS status = k32_open_path(name, DELETE, FILE_DIRECTORY_FILE |
				    FILE_OPEN_FOR_BACKUP_INTENT | FILE_OPEN_REPARSE_POINT, &h);

	if (status < 0)
		return k32_fail(status);
	status = k32_delete_open_file(h);
	NtClose(h);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI CreateDirectoryW(LPCWSTR name, LPSECURITY_ATTRIBUTES sa)
{
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	HANDLE h;
	NTSTATUS status = k32_nt_path(name, &nt);

	if (status < 0)
		return k32_fail(status);
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL,
				   sa ? sa->lpSecurityDescriptor : NULL);
	status = NtCreateFile(&h, FILE_LIST_DIRECTORY | SYNCHRONIZE, &oa, &io, NULL,
			      FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ | FILE_SHARE_WRITE,
			      FILE_CREATE, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT |
			      FILE_OPEN_FOR_BACKUP_INTENT, NULL, 0);
	RtlFreeUnicodeString(&nt);
	if (status < 0)
		return k32_fail(status);
	NtClose(h);
	return TRUE;
}

K32API DWORD WINAPI GetFileAttributesW(LPCWSTR name)
{
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	file_basic_info info;
	NTSTATUS status = k32_nt_path(name, &nt);

	if (status >= 0) {
		InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
		status = NtQueryAttributesFile(&oa, &info);
		RtlFreeUnicodeString(&nt);
	}
	if (status < 0) {
		k32_fail(status);
		return INVALID_FILE_ATTRIBUTES;
	}
	return info.FileAttributes;
}

/* The A forms: convert the name, call the W form. */
#define A_TO_W_CALL(ret_type, fail, call)                 \
	UNICODE_STRING w;                                 \
	ret_type r;                                       \
	if (!name)                                        \
		return (ret_type)(k32_error(ERROR_PATH_NOT_FOUND), fail); \
	if (!k32_ansi_arg(name, &w))                      \
		return fail;                              \
	r = call;                                         \
	k32_free(w.Buffer);                               \
	return r;

K32API BOOL WINAPI DeleteFileA(LPCSTR name)
{
	A_TO_W_CALL(BOOL, FALSE, DeleteFileW(w.Buffer))
}

K32API BOOL WINAPI RemoveDirectoryA(LPCSTR name)
{
	A_TO_W_CALL(BOOL, FALSE, RemoveDirectoryW(w.Buffer))
}

K32API BOOL WINAPI CreateDirectoryA(LPCSTR name, LPSECURITY_ATTRIBUTES sa)
{
	A_TO_W_CALL(BOOL, FALSE, CreateDirectoryW(w.Buffer, sa))
}

K32API DWORD WINAPI GetFileAttributesA(LPCSTR name)
{
	A_TO_W_CALL(DWORD, INVALID_FILE_ATTRIBUTES, GetFileAttributesW(w.Buffer))
}

K32API BOOL WINAPI MoveFileExA(LPCSTR from, LPCSTR to, DWORD flags)
{
	UNICODE_STRING wto = { 0 };
	BOOL r;
	LPCSTR name = from;

	/* no new name: a deletion at the next restart (documented) */
	if (!to && !(flags & MOVEFILE_DELAY_UNTIL_REBOOT))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (to && !k32_ansi_arg(to, &wto))
		return FALSE;
	{
		UNICODE_STRING w;

		if (!name || !k32_ansi_arg(name, &w)) {
			k32_free(wto.Buffer);
			return name ? FALSE : k32_error(ERROR_PATH_NOT_FOUND);
		}
		r = MoveFileExW(w.Buffer, to ? wto.Buffer : NULL, flags);
		k32_free(w.Buffer);
	}
	k32_free(wto.Buffer);
	return r;
}

K32API BOOL WINAPI CreateHardLinkA(LPCSTR name, LPCSTR existing, LPSECURITY_ATTRIBUTES sa)
{
	UNICODE_STRING wn, we;
	BOOL r;

	if (!k32_ansi_args2(name, existing, &wn, &we))
		return FALSE;
	r = CreateHardLinkW(wn.Buffer, we.Buffer, sa);
	k32_free(wn.Buffer);
	k32_free(we.Buffer);
	return r;
}

K32API BOOL WINAPI MoveFileA(LPCSTR from, LPCSTR to)
{
	return MoveFileExA(from, to, MOVEFILE_COPY_ALLOWED);
}

/* --- times and attributes through handles and names --- */

static NTSTATUS query_basic(HANDLE h, file_basic_info *info)
{
	IO_STATUS_BLOCK io;

	return NtQueryInformationFile(h, &io, info, sizeof(*info), (FILE_INFORMATION_CLASS)4);
}

static NTSTATUS set_basic(HANDLE h, const file_basic_info *info)
{
	IO_STATUS_BLOCK io;

	return NtSetInformationFile(h, &io, (PVOID)info, sizeof(*info), (FILE_INFORMATION_CLASS)4);
}

K32API BOOL WINAPI GetFileTime(HANDLE h, LPFILETIME creation, LPFILETIME access,
			       LPFILETIME write)
{
	file_basic_info info;
	NTSTATUS status = query_basic(h, &info);

	if (status < 0)
		return k32_fail(status);
	if (creation)
		memcpy(creation, &info.CreationTime, sizeof(*creation));
	if (access)
		memcpy(access, &info.LastAccessTime, sizeof(*access));
	if (write)
		memcpy(write, &info.LastWriteTime, sizeof(*write));
	return TRUE;
}

/* A NULL time is left as it is (0 in FILE_BASIC_INFORMATION). */
K32API BOOL WINAPI SetFileTime(HANDLE h, const FILETIME *creation, const FILETIME *access,
			       const FILETIME *write)
{
	file_basic_info info;
	NTSTATUS status;

	memset(&info, 0, sizeof(info));
	if (creation)
		memcpy(&info.CreationTime, creation, sizeof(*creation));
	if (access)
		memcpy(&info.LastAccessTime, access, sizeof(*access));
	if (write)
		memcpy(&info.LastWriteTime, write, sizeof(*write));
	status = set_basic(h, &info);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SetFileAttributesW(LPCWSTR name, DWORD attributes)
{
	file_basic_info info;
	HANDLE h;
	NTSTATUS status = k32_open_path(name, FILE_WRITE_ATTRIBUTES, FILE_OPEN_REPARSE_POINT, &h);

	if (status < 0)
		return k32_fail(status);
	memset(&info, 0, sizeof(info));
	/* FILE_ATTRIBUTE_NORMAL means "none of the others" */
	info.FileAttributes = attributes ? attributes : FILE_ATTRIBUTE_NORMAL;
	status = set_basic(h, &info);
	NtClose(h);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SetFileAttributesA(LPCSTR name, DWORD attributes)
{
	A_TO_W_CALL(BOOL, FALSE, SetFileAttributesW(w.Buffer, attributes))
}

/* FILE_NETWORK_OPEN_INFORMATION */
typedef struct file_net_info {
	LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
	LARGE_INTEGER AllocationSize, EndOfFile;
	ULONG FileAttributes;
} file_net_info;


K32API BOOL WINAPI GetFileAttributesExW(LPCWSTR name, GET_FILEEX_INFO_LEVELS level, LPVOID out)
{
	WIN32_FILE_ATTRIBUTE_DATA *d = out;
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	file_net_info info;
	NTSTATUS status;

	if (level != GetFileExInfoStandard || !out)
		return k32_error(ERROR_INVALID_PARAMETER);
	status = k32_nt_path(name, &nt);
	if (status >= 0) {
		InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
		status = NtQueryFullAttributesFile(&oa, &info);
		RtlFreeUnicodeString(&nt);
	}
	if (status < 0)
		return k32_fail(status);
	d->dwFileAttributes = info.FileAttributes;
	memcpy(&d->ftCreationTime, &info.CreationTime, sizeof(FILETIME));
	memcpy(&d->ftLastAccessTime, &info.LastAccessTime, sizeof(FILETIME));
	memcpy(&d->ftLastWriteTime, &info.LastWriteTime, sizeof(FILETIME));
	d->nFileSizeHigh = (DWORD)(info.EndOfFile.QuadPart >> 32);
	d->nFileSizeLow = (DWORD)info.EndOfFile.QuadPart;
	return TRUE;
}

K32API BOOL WINAPI GetFileAttributesExA(LPCSTR name, GET_FILEEX_INFO_LEVELS level, LPVOID out)
{
	A_TO_W_CALL(BOOL, FALSE, GetFileAttributesExW(w.Buffer, level, out))
}
