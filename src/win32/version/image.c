/*
 * A file's version resource.  Like Windows' version.dll, which loads the
 * file with LOAD_LIBRARY_AS_IMAGE_RESOURCE, the file is mapped as an
 * image section (nothing of it runs, nothing is resolved), and kernel32's
 * resource functions find RT_VERSION #1 in the mapped view.
 */
#include "version_private.h"

NTSTATUS NTAPI NtCreateSection(PHANDLE section, ACCESS_MASK access, POBJECT_ATTRIBUTES attr,
			       PLARGE_INTEGER size, ULONG protect, ULONG attributes, HANDLE file);
NTSTATUS NTAPI NtMapViewOfSection(HANDLE section, HANDLE process, PVOID *base, ULONG_PTR zero_bits,
				  SIZE_T commit, PLARGE_INTEGER offset, PSIZE_T view, ULONG inherit,
				  ULONG type, ULONG protect);
NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE process, PVOID base);
ULONG NTAPI RtlNtStatusToDosError(NTSTATUS status);

#define VIEW_SHARE 1

/* A name without a path is searched for as LoadLibrary would
 * (documented for GetFileVersionInfo): here the current directory, then
 * System32. */
static LPCWSTR search_name(LPCWSTR file, WCHAR found[MAX_PATH])
{
	UINT n;

	if (wcschr(file, '\\') || wcschr(file, '/') || wcschr(file, ':') || !*file ||
	    GetFileAttributesW(file) != INVALID_FILE_ATTRIBUTES)
		return file;
	n = GetSystemDirectoryW(found, MAX_PATH);
	if (!n || n + 1 + wcslen(file) >= MAX_PATH)
		return file;
	found[n] = '\\';
	wcscpy(found + n + 1, file);
	return GetFileAttributesW(found) != INVALID_FILE_ATTRIBUTES ? found : file;
}

/* Maps the file as an image; the last error tells why not. */
static void *map_image(LPCWSTR file)
{
	HANDLE h, section = NULL;
	void *base = NULL;
	SIZE_T view = 0;
	NTSTATUS st;
	WCHAR found[MAX_PATH];

	file = search_name(file, found);
	h = CreateFileW(file, GENERIC_READ | GENERIC_EXECUTE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return NULL;
	st = NtCreateSection(&section, SECTION_MAP_READ | SECTION_QUERY, NULL, NULL, PAGE_READONLY,
			     SEC_IMAGE, h);
	CloseHandle(h);
	if (st >= 0) {
		st = NtMapViewOfSection(section, GetCurrentProcess(), &base, 0, 0, NULL, &view, VIEW_SHARE, 0,
					PAGE_READONLY);
		CloseHandle(section);
	}
	if (st < 0 || !base) {
		/* not a PE image: as Windows, "no version resource" */
		SetLastError(st == STATUS_INVALID_IMAGE_FORMAT || st == STATUS_INVALID_IMAGE_NOT_MZ ?
			     ERROR_RESOURCE_DATA_NOT_FOUND : RtlNtStatusToDosError(st));
		return NULL;
	}
	return base;
}

void image_unmap(void *base)
{
	NtUnmapViewOfSection(GetCurrentProcess(), base);
}

BOOL image_version_resource(LPCWSTR file, void **base, const void **data, DWORD *size)
{
	HRSRC res;

	if (!file) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!(*base = map_image(file)))
		return FALSE;
	res = FindResourceW(*base, MAKEINTRESOURCEW(VS_VERSION_INFO), (LPCWSTR)RT_VERSION);
	if (!res || !(*data = LockResource(LoadResource(*base, res))) ||
	    (*size = SizeofResource(*base, res)) < 6) {
		if (res)
			SetLastError(ERROR_RESOURCE_DATA_NOT_FOUND);
		image_unmap(*base);
		return FALSE;
	}
	return TRUE;
}
