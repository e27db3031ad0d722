/*
 * Window stations and desktops.  The session is non-interactive, as a
 * service's is: one window station, "Service-0x0-3e7$", without
 * WSF_VISIBLE (what code asking "may I show UI?" looks at), holding one
 * desktop, "Default".  Their handles are constants of this DLL.
 */
#include "user32_private.h"

#define STATION ((HWINSTA)(ULONG_PTR)0x7FF0)
#define DESKTOP ((HDESK)(ULONG_PTR)0x7FF4)

HWINSTA WINAPI GetProcessWindowStation(void)
{
	return STATION;
}

HDESK WINAPI GetThreadDesktop(DWORD tid)
{
	return DESKTOP;
}

/* No desktop receives input here (documented failure: NULL). */
HDESK WINAPI OpenInputDesktop(DWORD flags, BOOL inherit, ACCESS_MASK access)
{
	SetLastError(ERROR_INVALID_FUNCTION);
	return NULL;
}

BOOL WINAPI CloseWindowStation(HWINSTA h)
{
	if (h == STATION)
		return TRUE;
	SetLastError(ERROR_INVALID_HANDLE);
	return FALSE;
}

BOOL WINAPI CloseDesktop(HDESK h)
{
	if (h == DESKTOP)
		return TRUE;
	SetLastError(ERROR_INVALID_HANDLE);
	return FALSE;
}

/* Copies size bytes to buf when they fit; *needed is always set. */
static BOOL give(const void *data, DWORD size, void *buf, DWORD len, LPDWORD needed)
{
	if (needed)
		*needed = size;
	if (!buf || len < size) {
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	memcpy(buf, data, size);
	return TRUE;
}

static BOOL give_string(const WCHAR *s, void *buf, DWORD len, LPDWORD needed)
{
	return give(s, (lstrlenW(s) + 1) * sizeof(WCHAR), buf, len, needed);
}

BOOL WINAPI GetUserObjectInformationW(HANDLE h, int index, PVOID buf, DWORD len, LPDWORD needed)
{
	BOOL station = h == STATION;
	USEROBJECTFLAGS flags = { FALSE, FALSE, 0 };
	DWORD heap_kb = 20480, io = FALSE;

	if (h != STATION && h != DESKTOP) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	switch (index) {
	case UOI_FLAGS:
		return give(&flags, sizeof(flags), buf, len, needed);
	case UOI_NAME:
		return give_string(station ? L"Service-0x0-3e7$" : L"Default", buf, len, needed);
	case UOI_TYPE:
		return give_string(station ? L"WindowStation" : L"Desktop", buf, len, needed);
	case UOI_USER_SID:
		if (needed)
			*needed = 0; /* no user is associated (documented) */
		return TRUE;
	case UOI_HEAPSIZE:
		return !station && give(&heap_kb, sizeof(heap_kb), buf, len, needed);
	case UOI_IO:
		return !station && give(&io, sizeof(io), buf, len, needed);
	}
	SetLastError(ERROR_INVALID_PARAMETER);
	return FALSE;
}

/* UOI_NAME and UOI_TYPE come back in the ANSI code page. */
BOOL WINAPI GetUserObjectInformationA(HANDLE h, int index, PVOID buf, DWORD len, LPDWORD needed)
{
	WCHAR w[64];
	char a[64];
	int n;

	if (index != UOI_NAME && index != UOI_TYPE)
		return GetUserObjectInformationW(h, index, buf, len, needed);
	if (!GetUserObjectInformationW(h, index, w, sizeof(w), NULL))
		return FALSE;
	n = WideCharToMultiByte(CP_ACP, 0, w, -1, a, sizeof(a), NULL, NULL);
	return give(a, n, buf, len, needed);
}
