/*
 * Video for Windows capture (avicap32.dll): a machine without capture
 * drivers, as a sandbox is.  capGetDriverDescription finds no driver at
 * any index (FALSE, documented for an index with none), and no capture
 * window can be made (capCreateCaptureWindow's documented failure, NULL;
 * ERROR_DEVICE_NOT_CONNECTED says why).  Programs that offer capture as
 * one input among many (ffmpeg's vfwcap) load and run without it.
 */
#include <windows.h>

#define AVICAP_API __declspec(dllexport)

/* The capture driver indexes are 0-9; none has a driver. */
AVICAP_API BOOL WINAPI capGetDriverDescriptionA(UINT index, LPSTR name, int name_len,
						LPSTR version, int version_len)
{
	return FALSE;
}

AVICAP_API BOOL WINAPI capGetDriverDescriptionW(UINT index, LPWSTR name, int name_len,
						LPWSTR version, int version_len)
{
	return FALSE;
}

AVICAP_API HWND WINAPI capCreateCaptureWindowA(LPCSTR title, DWORD style, int x, int y,
					       int width, int height, HWND parent, int id)
{
	SetLastError(ERROR_DEVICE_NOT_CONNECTED);
	return NULL;
}

AVICAP_API HWND WINAPI capCreateCaptureWindowW(LPCWSTR title, DWORD style, int x, int y,
					       int width, int height, HWND parent, int id)
{
	SetLastError(ERROR_DEVICE_NOT_CONNECTED);
	return NULL;
}

/* Nothing was set up for the caller, so nothing is cleaned up. */
AVICAP_API void WINAPI AppCleanup(HINSTANCE instance)
{
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	return TRUE;
}
