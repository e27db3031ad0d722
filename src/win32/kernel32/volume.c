/* Drives and volumes: GetLogicalDrives, GetDriveType, GetDiskFreeSpace(Ex),
 * GetVolumeInformation(ByHandle), over NtQueryAttributesFile and
 * NtQueryVolumeInformationFile. */
#include "k32_private.h"
#include "volume_names.h"

#define FS_VOLUME 1
#define FS_SIZE 3
#define FS_ATTRIBUTE 5
#define FS_FULL_SIZE 7

typedef struct {
	LARGE_INTEGER TotalAllocationUnits, AvailableAllocationUnits;
	ULONG SectorsPerAllocationUnit, BytesPerSector;
} fs_size_info;

typedef struct {
	LARGE_INTEGER TotalAllocationUnits, CallerAvailableAllocationUnits,
		ActualAvailableAllocationUnits;
	ULONG SectorsPerAllocationUnit, BytesPerSector;
} fs_full_size_info;

/* FILE_FS_VOLUME_INFORMATION: the label at offset 18. */
typedef struct {
	LARGE_INTEGER VolumeCreationTime;
	ULONG VolumeSerialNumber;
	ULONG VolumeLabelLength;
	BOOLEAN SupportsObjects;
	WCHAR VolumeLabel[MAX_PATH + 1];
} fs_volume_info;

/* FILE_FS_ATTRIBUTE_INFORMATION: the name at offset 12. */
typedef struct {
	ULONG FileSystemAttributes;
	LONG MaximumComponentNameLength;
	ULONG FileSystemNameLength;
	WCHAR FileSystemName[MAX_PATH + 1];
} fs_attribute_info;

/* A drive exists when its root does: the supervisor answers for the
 * drives it maps and no others.  Z:'s root is hidden but for the subtrees
 * the sandbox allows, so the current directory's drive counts too. */
K32API DWORD WINAPI GetLogicalDrives(void)
{
	WCHAR root[] = L"\\??\\A:\\";
	UNICODE_STRING s;
	OBJECT_ATTRIBUTES oa;
	FILE_BASIC_INFORMATION info;
	WCHAR cur[MAX_PATH + 1];
	DWORD mask = 0;

	if (GetCurrentDirectoryW(MAX_PATH + 1, cur) && cur[1] == ':' &&
	    cur[0] >= 'A' && cur[0] <= 'Z')
		mask |= 1u << (cur[0] - 'A');
	for (int i = 0; i < 26; i++) {
		root[4] = (WCHAR)('A' + i);
		RtlInitUnicodeString(&s, root);
		InitializeObjectAttributes(&oa, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
		if (NtQueryAttributesFile(&oa, &info) >= 0)
			mask |= 1u << i;
	}
	k32_error(NO_ERROR);
	return mask;
}

/* The drive letter's index of "X:" or "X:\" (NULL: the current directory's
 * drive), or -1. */
static int drive_index(LPCWSTR root)
{
	WCHAR cur[MAX_PATH + 1];
	WCHAR c;

	if (!root) {
		if (!GetCurrentDirectoryW(MAX_PATH + 1, cur) || cur[1] != ':')
			return -1;
		cur[2] = 0; /* the root of the current directory */
		root = cur;
	}
	c = root[0];
	if (c >= 'a' && c <= 'z')
		c = (WCHAR)(c - 'a' + 'A');
	if (c < 'A' || c > 'Z' || root[1] != ':')
		return -1;
	if (root[2] && !((root[2] == '\\' || root[2] == '/') && !root[3]))
		return -1;
	return c - 'A';
}

/* Every drive lsw has is a fixed disk: C: (the prefix), Z: and the
 * --map D:= drives. */
K32API UINT WINAPI GetDriveTypeW(LPCWSTR root)
{
	int d = drive_index(root);

	if (d < 0 || !(GetLogicalDrives() & (1u << d)))
		return DRIVE_NO_ROOT_DIR;
	return DRIVE_FIXED;
}

K32API UINT WINAPI GetDriveTypeA(LPCSTR root)
{
	UNICODE_STRING w;
	UINT r;

	if (!root)
		return GetDriveTypeW(NULL);
	if (!k32_ansi_arg(root, &w))
		return DRIVE_UNKNOWN;
	r = GetDriveTypeW(w.Buffer);
	k32_free(w.Buffer);
	return r;
}

/* Opens a directory for volume queries; NULL is the current directory
 * (its volume is the one its root is on; Z:'s root itself may be hidden),
 * "X:" the root of X:. */
static NTSTATUS open_volume_dir(LPCWSTR dir, HANDLE *h)
{
	WCHAR cur[MAX_PATH + 1], drive[4];
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	NTSTATUS status;

	if (!dir) {
		if (!GetCurrentDirectoryW(MAX_PATH + 1, cur))
			return STATUS_OBJECT_PATH_NOT_FOUND;
		dir = cur;
	} else if (dir[0] && dir[1] == ':' && !dir[2]) {
		drive[0] = dir[0];
		drive[1] = ':';
		drive[2] = '\\';
		drive[3] = 0;
		dir = drive;
	}
	status = k32_nt_path(dir, &nt);
	if (status < 0)
		return status;
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenFile(h, SYNCHRONIZE | FILE_READ_ATTRIBUTES, &oa, &io,
			    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			    FILE_DIRECTORY_FILE | FILE_OPEN_FOR_BACKUP_INTENT |
			    FILE_SYNCHRONOUS_IO_NONALERT);
	RtlFreeUnicodeString(&nt);
	return status;
}

/* FileFsFullSizeInformation, or FileFsSizeInformation where that is all
 * the file system answers (caller's and actual free space then agree). */
static NTSTATUS query_sizes(HANDLE h, fs_full_size_info *full)
{
	IO_STATUS_BLOCK io;
	fs_size_info sz;
	NTSTATUS status;

	status = NtQueryVolumeInformationFile(h, &io, full, sizeof(*full),
					      (FS_INFORMATION_CLASS)FS_FULL_SIZE);
	if (status >= 0)
		return status;
	status = NtQueryVolumeInformationFile(h, &io, &sz, sizeof(sz),
					      (FS_INFORMATION_CLASS)FS_SIZE);
	if (status < 0)
		return status;
	full->TotalAllocationUnits = sz.TotalAllocationUnits;
	full->CallerAvailableAllocationUnits = sz.AvailableAllocationUnits;
	full->ActualAvailableAllocationUnits = sz.AvailableAllocationUnits;
	full->SectorsPerAllocationUnit = sz.SectorsPerAllocationUnit;
	full->BytesPerSector = sz.BytesPerSector;
	return status;
}

K32API BOOL WINAPI GetDiskFreeSpaceExW(LPCWSTR dir, PULARGE_INTEGER avail,
				       PULARGE_INTEGER total, PULARGE_INTEGER free)
{
	fs_full_size_info full;
	ULONGLONG unit;
	HANDLE h;
	NTSTATUS status = open_volume_dir(dir, &h);

	if (status < 0)
		return k32_fail(status);
	status = query_sizes(h, &full);
	NtClose(h);
	if (status < 0)
		return k32_fail(status);
	unit = (ULONGLONG)full.SectorsPerAllocationUnit * full.BytesPerSector;
	if (avail)
		avail->QuadPart = full.CallerAvailableAllocationUnits.QuadPart * unit;
	if (total)
		total->QuadPart = full.TotalAllocationUnits.QuadPart * unit;
	if (free)
		free->QuadPart = full.ActualAvailableAllocationUnits.QuadPart * unit;
	return TRUE;
}

K32API BOOL WINAPI GetDiskFreeSpaceW(LPCWSTR root, LPDWORD spc, LPDWORD bps,
				     LPDWORD free_clusters, LPDWORD total_clusters)
{
	fs_full_size_info full;
	HANDLE h;
	NTSTATUS status = open_volume_dir(root, &h);

	if (status < 0)
		return k32_fail(status);
	status = query_sizes(h, &full);
	NtClose(h);
	if (status < 0)
		return k32_fail(status);
	/* The counts are 32-bit: larger volumes report at most 0xFFFFFFFF. */
	if (spc)
		*spc = full.SectorsPerAllocationUnit;
	if (bps)
		*bps = full.BytesPerSector;
	if (free_clusters)
		*free_clusters = full.CallerAvailableAllocationUnits.QuadPart > 0xFFFFFFFF
			? 0xFFFFFFFF : (DWORD)full.CallerAvailableAllocationUnits.QuadPart;
	if (total_clusters)
		*total_clusters = full.TotalAllocationUnits.QuadPart > 0xFFFFFFFF
			? 0xFFFFFFFF : (DWORD)full.TotalAllocationUnits.QuadPart;
	return TRUE;
}

K32API BOOL WINAPI GetDiskFreeSpaceExA(LPCSTR dir, PULARGE_INTEGER avail,
				       PULARGE_INTEGER total, PULARGE_INTEGER free)
{
	UNICODE_STRING w;
	BOOL r;

	if (!dir)
		return GetDiskFreeSpaceExW(NULL, avail, total, free);
	if (!k32_ansi_arg(dir, &w))
		return FALSE;
	r = GetDiskFreeSpaceExW(w.Buffer, avail, total, free);
	k32_free(w.Buffer);
	return r;
}

K32API BOOL WINAPI GetDiskFreeSpaceA(LPCSTR root, LPDWORD spc, LPDWORD bps,
				     LPDWORD free_clusters, LPDWORD total_clusters)
{
	UNICODE_STRING w;
	BOOL r;

	if (!root)
		return GetDiskFreeSpaceW(NULL, spc, bps, free_clusters, total_clusters);
	if (!k32_ansi_arg(root, &w))
		return FALSE;
	r = GetDiskFreeSpaceW(w.Buffer, spc, bps, free_clusters, total_clusters);
	k32_free(w.Buffer);
	return r;
}

/* Copies n units of s and a NUL into out (size units); FALSE if it does
 * not fit. */
static BOOL put_name(const WCHAR *s, ULONG n, LPWSTR out, DWORD size)
{
	if (!out)
		return TRUE;
	if (n >= size)
		return FALSE;
	memcpy(out, s, n * sizeof(WCHAR));
	out[n] = 0;
	return TRUE;
}

/* The root directory a GetVolumeInformation root names, into dir ("X:\"):
 * "X:\", "\\?\X:\", "\\.\X:\", a volume's GUID name, or "X:" while X:'s
 * current directory is its root.  0 or the error. */
static DWORD root_dir(LPCWSTR root, WCHAR dir[4])
{
	WCHAR cur[MAX_PATH + 1];
	int d = volume_name_drive(root);

	if (d < 0 && root[0] == '\\' && root[1] == '\\' && (root[2] == '?' || root[2] == '.') &&
	    root[3] == '\\')
		root += 4;
	if (d < 0 && (d = drive_index(root)) >= 0 && !root[2]) { /* "X:" */
		if (GetFullPathNameW(root, MAX_PATH + 1, cur, NULL) != 3)
			return ERROR_INVALID_NAME;
	} else if (d < 0) {
		size_t n = wcslen(root);

		return n && (root[n - 1] == '\\' || root[n - 1] == '/') ? ERROR_DIR_NOT_ROOT
									: ERROR_INVALID_NAME;
	}
	dir[0] = (WCHAR)('A' + d);
	dir[1] = ':';
	dir[2] = '\\';
	dir[3] = 0;
	return 0;
}

/* What GetVolumeInformation(ByHandle)W report of the volume h is on. */
static BOOL volume_info(HANDLE h, LPWSTR label, DWORD label_size, LPDWORD serial,
			LPDWORD max_component, LPDWORD fs_flags, LPWSTR fs_name,
			DWORD fs_name_size)
{
	IO_STATUS_BLOCK io;
	fs_volume_info vol;
	fs_attribute_info attr;
	NTSTATUS status;

	memset(&vol, 0, sizeof(vol));
	memset(&attr, 0, sizeof(attr));
	status = NtQueryVolumeInformationFile(h, &io, &vol, sizeof(vol),
					      (FS_INFORMATION_CLASS)FS_VOLUME);
	if (status >= 0)
		status = NtQueryVolumeInformationFile(h, &io, &attr, sizeof(attr),
						      (FS_INFORMATION_CLASS)FS_ATTRIBUTE);
	if (status < 0)
		return k32_fail(status);
	if (!put_name(vol.VolumeLabel, vol.VolumeLabelLength / sizeof(WCHAR), label, label_size) ||
	    !put_name(attr.FileSystemName, attr.FileSystemNameLength / sizeof(WCHAR), fs_name,
		      fs_name_size))
		return k32_error(ERROR_BAD_LENGTH);
	if (serial)
		*serial = vol.VolumeSerialNumber;
	if (max_component)
		*max_component = (DWORD)attr.MaximumComponentNameLength;
	if (fs_flags)
		*fs_flags = attr.FileSystemAttributes;
	return TRUE;
}

/* The root must be a root with its backslash ("C:\"), as documented
 * ("A trailing backslash is required"), but for "X:" naming the drive's
 * current directory while that is its root. */
K32API BOOL WINAPI GetVolumeInformationW(LPCWSTR root, LPWSTR label, DWORD label_size,
					 LPDWORD serial, LPDWORD max_component,
					 LPDWORD fs_flags, LPWSTR fs_name, DWORD fs_name_size)
{
	WCHAR dir[4];
	DWORD err;
	HANDLE h;
	NTSTATUS status;
	BOOL r;

	if (root && (err = root_dir(root, dir)))
		return k32_error(err);
	status = open_volume_dir(root ? dir : NULL, &h);
	if (status < 0)
		return k32_fail(status);
	r = volume_info(h, label, label_size, serial, max_component, fs_flags, fs_name,
			fs_name_size);
	NtClose(h);
	return r;
}

K32API BOOL WINAPI GetVolumeInformationByHandleW(HANDLE h, LPWSTR label, DWORD label_size,
						 LPDWORD serial, LPDWORD max_component,
						 LPDWORD fs_flags, LPWSTR fs_name,
						 DWORD fs_name_size)
{
	return volume_info(h, label, label_size, serial, max_component, fs_flags, fs_name,
			   fs_name_size);
}

K32API BOOL WINAPI GetVolumeInformationA(LPCSTR root, LPSTR label, DWORD label_size,
					 LPDWORD serial, LPDWORD max_component,
					 LPDWORD fs_flags, LPSTR fs_name, DWORD fs_name_size)
{
	UNICODE_STRING w = { 0 };
	WCHAR wlabel[MAX_PATH + 1], wfs[MAX_PATH + 1];
	BOOL r;

	if (root && !k32_ansi_arg(root, &w))
		return FALSE;
	r = GetVolumeInformationW(w.Buffer, label ? wlabel : NULL,
				  label_size > MAX_PATH + 1 ? MAX_PATH + 1 : label_size,
				  serial, max_component, fs_flags, fs_name ? wfs : NULL,
				  fs_name_size > MAX_PATH + 1 ? MAX_PATH + 1 : fs_name_size);
	k32_free(w.Buffer);
	if (r && label)
		k32_w_to_a(wlabel, wcslen(wlabel), label);
	if (r && fs_name)
		k32_w_to_a(wfs, wcslen(wfs), fs_name);
	return r;
}
