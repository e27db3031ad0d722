/* Handles: CloseHandle, DuplicateHandle, standard handles, GetFileType. */
#include "k32_private.h"

/* FILE_FS_DEVICE_INFORMATION (FileFsDeviceInformation = 4) */
typedef struct fs_device_info {
	DEVICE_TYPE DeviceType;
	ULONG Characteristics;
} fs_device_info;

#define FS_DEVICE_INFORMATION 4

K32API BOOL WINAPI CloseHandle(HANDLE h)
{
	NTSTATUS status = NtClose(h);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI DuplicateHandle(HANDLE src_process, HANDLE src, HANDLE dst_process,
				   LPHANDLE dst, DWORD access, BOOL inherit, DWORD options)
{
	NTSTATUS status = NtDuplicateObject(src_process, src, dst_process, dst, access,
					    inherit ? OBJ_INHERIT : 0, options);

	return status < 0 ? k32_fail(status) : TRUE;
}

static HANDLE *std_slot(DWORD which)
{
	LSW_PROCESS_PARAMETERS *pp = lsw_params();

	switch (which) {
	case STD_INPUT_HANDLE: return &pp->StandardInput;
	case STD_OUTPUT_HANDLE: return &pp->StandardOutput;
	case STD_ERROR_HANDLE: return &pp->StandardError;
	}
	return NULL;
}

K32API HANDLE WINAPI GetStdHandle(DWORD which)
{
	HANDLE *slot = std_slot(which);

	if (!slot) {
		k32_error(ERROR_INVALID_HANDLE);
		return INVALID_HANDLE_VALUE;
	}
	return *slot;
}

K32API BOOL WINAPI SetStdHandle(DWORD which, HANDLE h)
{
	HANDLE *slot = std_slot(which);

	if (!slot)
		return k32_error(ERROR_INVALID_HANDLE);
	*slot = h;
	return TRUE;
}

/* NT device type of a handle, or a failure status. */
NTSTATUS k32_device_type(HANDLE h, DEVICE_TYPE *type)
{
	IO_STATUS_BLOCK io;
	fs_device_info info;
	NTSTATUS status;

	status = NtQueryVolumeInformationFile(h, &io, &info, sizeof(info),
					      (FS_INFORMATION_CLASS)FS_DEVICE_INFORMATION);
	if (status >= 0)
		*type = info.DeviceType;
	return status;
}

static DWORD file_type_of(DEVICE_TYPE t)
{
	switch (t) {
	case LSW_FILE_DEVICE_CONSOLE:
	case FILE_DEVICE_NULL:
	case FILE_DEVICE_SERIAL_PORT:
	case FILE_DEVICE_PARALLEL_PORT:
	case FILE_DEVICE_KEYBOARD:
	case FILE_DEVICE_MOUSE:
	case FILE_DEVICE_SCREEN:
	case FILE_DEVICE_SOUND:
	case FILE_DEVICE_MODEM:
		return FILE_TYPE_CHAR;
	case FILE_DEVICE_NAMED_PIPE:
		return FILE_TYPE_PIPE;
	case FILE_DEVICE_DISK:
	case FILE_DEVICE_CD_ROM:
	case FILE_DEVICE_DISK_FILE_SYSTEM:
	case FILE_DEVICE_CD_ROM_FILE_SYSTEM:
	case FILE_DEVICE_NETWORK_FILE_SYSTEM:
	case FILE_DEVICE_TAPE:
	case FILE_DEVICE_VIRTUAL_DISK:
	case FILE_DEVICE_DFS:
		return FILE_TYPE_DISK;
	}
	return FILE_TYPE_UNKNOWN;
}

K32API DWORD WINAPI GetFileType(HANDLE h)
{
	DEVICE_TYPE t;
	NTSTATUS status;
	DWORD type;

	if (h == INVALID_HANDLE_VALUE || h == NULL) {
		k32_error(ERROR_INVALID_HANDLE);
		return FILE_TYPE_UNKNOWN;
	}
	/* STD_INPUT/OUTPUT/ERROR_HANDLE given as a handle name the standard
	 * handle (kernel32's file tests, test_GetFileType) */
	if (h == (HANDLE)(LONG_PTR)STD_INPUT_HANDLE || h == (HANDLE)(LONG_PTR)STD_OUTPUT_HANDLE ||
	    h == (HANDLE)(LONG_PTR)STD_ERROR_HANDLE)
		h = GetStdHandle((DWORD)(LONG_PTR)h);
	status = k32_device_type(h, &t);
	if (status < 0) {
		k32_fail(status);
		return FILE_TYPE_UNKNOWN;
	}
	type = file_type_of(t);
	if (type == FILE_TYPE_UNKNOWN)
		k32_error(NO_ERROR); /* documented: "unknown" is not an error */
	return type;
}

/* HANDLE_FLAG_INHERIT and HANDLE_FLAG_PROTECT_FROM_CLOSE, kept per handle
 * (ObjectHandleFlagInformation). */
struct handle_flag_info {
	BOOLEAN inherit, protect_from_close;
};

K32API BOOL WINAPI GetHandleInformation(HANDLE h, LPDWORD flags)
{
	struct handle_flag_info info;
	NTSTATUS st = NtQueryObject(h, (OBJECT_INFORMATION_CLASS)4, &info, sizeof(info), NULL);

	if (st < 0)
		return k32_fail(st);
	*flags = (info.inherit ? HANDLE_FLAG_INHERIT : 0) |
		 (info.protect_from_close ? HANDLE_FLAG_PROTECT_FROM_CLOSE : 0);
	return TRUE;
}

K32API BOOL WINAPI SetHandleInformation(HANDLE h, DWORD mask, DWORD flags)
{
	struct handle_flag_info info;
	NTSTATUS st = NtQueryObject(h, (OBJECT_INFORMATION_CLASS)4, &info, sizeof(info), NULL);

	if (st < 0)
		return k32_fail(st);
	if (mask & HANDLE_FLAG_INHERIT)
		info.inherit = (flags & HANDLE_FLAG_INHERIT) != 0;
	if (mask & HANDLE_FLAG_PROTECT_FROM_CLOSE)
		info.protect_from_close = (flags & HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0;
	st = NtSetInformationObject(h, (OBJECT_INFORMATION_CLASS)4, &info, sizeof(info));
	return st < 0 ? k32_fail(st) : TRUE;
}
