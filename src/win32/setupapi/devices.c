/* Device information sets: the sandbox has no devices, so every set is
 * empty (SetupDiGetClassDevs and SetupDiCreateDeviceInfoList give one;
 * the enumerations end at once with ERROR_NO_MORE_ITEMS). */
#define DECLSPEC_IMPORT /* setupapi.h declares our exports imported */
#include <windows.h>
#include <setupapi.h>

#define SETUP_API __declspec(dllexport)

struct devset {
	DWORD magic;
};
#define DEVSET_MAGIC 0x53564544u /* "DEVS" */

static HDEVINFO new_set(void)
{
	struct devset *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));

	if (!s) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return INVALID_HANDLE_VALUE;
	}
	s->magic = DEVSET_MAGIC;
	return s;
}

static BOOL valid(HDEVINFO h)
{
	return h && h != INVALID_HANDLE_VALUE && ((struct devset *)h)->magic == DEVSET_MAGIC;
}

SETUP_API HDEVINFO WINAPI SetupDiGetClassDevsW(const GUID *cls, PCWSTR enumerator, HWND parent,
					       DWORD flags)
{
	return new_set();
}

SETUP_API HDEVINFO WINAPI SetupDiGetClassDevsA(const GUID *cls, PCSTR enumerator, HWND parent,
					       DWORD flags)
{
	return new_set();
}

SETUP_API HDEVINFO WINAPI SetupDiGetClassDevsExW(const GUID *cls, PCWSTR enumerator, HWND parent,
						 DWORD flags, HDEVINFO set, PCWSTR machine,
						 PVOID reserved)
{
	return set && set != INVALID_HANDLE_VALUE ? set : new_set();
}

SETUP_API HDEVINFO WINAPI SetupDiGetClassDevsExA(const GUID *cls, PCSTR enumerator, HWND parent,
						 DWORD flags, HDEVINFO set, PCSTR machine,
						 PVOID reserved)
{
	return set && set != INVALID_HANDLE_VALUE ? set : new_set();
}

SETUP_API HDEVINFO WINAPI SetupDiCreateDeviceInfoList(const GUID *cls, HWND parent)
{
	return new_set();
}

SETUP_API BOOL WINAPI SetupDiDestroyDeviceInfoList(HDEVINFO h)
{
	if (!valid(h)) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	((struct devset *)h)->magic = 0;
	return HeapFree(GetProcessHeap(), 0, h);
}

SETUP_API BOOL WINAPI SetupDiEnumDeviceInfo(HDEVINFO h, DWORD index, PSP_DEVINFO_DATA data)
{
	SetLastError(valid(h) ? ERROR_NO_MORE_ITEMS : ERROR_INVALID_HANDLE);
	return FALSE;
}

SETUP_API BOOL WINAPI SetupDiEnumDeviceInterfaces(HDEVINFO h, PSP_DEVINFO_DATA dev, const GUID *cls,
						  DWORD index, PSP_DEVICE_INTERFACE_DATA data)
{
	SetLastError(valid(h) ? ERROR_NO_MORE_ITEMS : ERROR_INVALID_HANDLE);
	return FALSE;
}
