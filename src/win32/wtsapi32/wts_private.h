/* Private declarations of wtsapi32: the one console session of the
 * sandbox and the layouts mingw-w64's header lacks. */
#ifndef LSW_WTS_PRIVATE_H
#define LSW_WTS_PRIVATE_H

#include <windows.h>
#include <wtsapi32.h>

#define WTS_API __declspec(dllexport)

/* Every process runs in session 1, the console (the PEB says so too);
 * session 0 holds the services, as on Windows 10. */
#define WTS_CONSOLE_SESSION 1
#define WTS_ANY_SESSION_ID ((DWORD)-2)

/* WTSEnumerateProcessesEx level 1 (wtsapi32.h of the Windows SDK). */
typedef struct {
	DWORD SessionId;
	DWORD ProcessId;
	LPWSTR pProcessName;
	PSID pUserSid;
	DWORD NumberOfThreads;
	DWORD HandleCount;
	DWORD PagefileUsage;
	DWORD PeakPagefileUsage;
	DWORD WorkingSetSize;
	DWORD PeakWorkingSetSize;
	LARGE_INTEGER UserTime;
	LARGE_INTEGER KernelTime;
} WTS_PROCESS_INFO_EXW_LSW;

/* WTS_TYPE_CLASS, for WTSFreeMemoryEx. */
enum { WTS_TYPE_PROCESS_LEVEL0, WTS_TYPE_PROCESS_LEVEL1, WTS_TYPE_SESSION_LEVEL1 };

/* Memory handed to the caller, freed with WTSFreeMemory. */
void *wts_alloc(SIZE_T size);

#endif
