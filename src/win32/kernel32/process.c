/* The current process and thread: identity, command line, exit, sleep. */
#include "k32_private.h"

#define PROCESS_BASIC_INFORMATION_CLASS 0

char *k32_command_line_a;
static WCHAR *command_line_w; /* the PEB's, as kernel32 found it at start */
static STARTUPINFOW startup_w;
static STARTUPINFOA startup_a;

void k32_init_command_line(void)
{
	const UNICODE_STRING *cl = &lsw_params()->CommandLine;
	SIZE_T n = cl->Length / sizeof(WCHAR);

	command_line_w = cl->Buffer;
	k32_command_line_a = RtlAllocateHeap(k32_heap(), 0, n + 1);
	if (k32_command_line_a)
		k32_w_to_a(cl->Buffer, n, k32_command_line_a);
}

/* Windows answers with the address it took at start, whatever the PEB
 * says later. */
K32API LPWSTR WINAPI GetCommandLineW(void)
{
	return command_line_w;
}

K32API LPSTR WINAPI GetCommandLineA(void)
{
	return k32_command_line_a;
}

K32API HANDLE WINAPI GetCurrentProcess(void)
{
	return (HANDLE)(LONG_PTR)-1;
}

K32API HANDLE WINAPI GetCurrentThread(void)
{
	return (HANDLE)(LONG_PTR)-2;
}

K32API DWORD WINAPI GetCurrentProcessId(void)
{
	return (DWORD)(ULONG_PTR)lsw_teb()->UniqueProcess;
}

K32API DWORD WINAPI GetCurrentThreadId(void)
{
	return (DWORD)(ULONG_PTR)lsw_teb()->UniqueThread;
}

K32API void WINAPI ExitProcess(UINT code)
{
	RtlExitUserProcess((NTSTATUS)code);
}

K32API BOOL WINAPI TerminateProcess(HANDLE process, UINT code)
{
	NTSTATUS status;

	if (!process)
		return k32_error(ERROR_INVALID_HANDLE);
	status = NtTerminateProcess(process, (NTSTATUS)code);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI GetExitCodeProcess(HANDLE process, LPDWORD code)
{
	PROCESS_BASIC_INFORMATION info;
	NTSTATUS status = NtQueryInformationProcess(process, PROCESS_BASIC_INFORMATION_CLASS,
						    &info, sizeof(info), NULL);

	if (status < 0)
		return k32_fail(status);
	/* A running process reports STATUS_PENDING, which is STILL_ACTIVE. */
	*code = (DWORD)info.ExitStatus;
	return TRUE;
}

/* From the process parameters; handles only when STARTF_USESTDHANDLES. */
static void fill_startup(STARTUPINFOW *si)
{
	LSW_PROCESS_PARAMETERS *pp = lsw_params();

	memset(si, 0, sizeof(*si));
	si->cb = sizeof(*si);
	si->lpDesktop = pp->DesktopInfo.Buffer;
	si->lpTitle = pp->WindowTitle.Buffer;
	si->dwX = pp->StartingX;
	si->dwY = pp->StartingY;
	si->dwXSize = pp->CountX;
	si->dwYSize = pp->CountY;
	si->dwXCountChars = pp->CountCharsX;
	si->dwYCountChars = pp->CountCharsY;
	si->dwFillAttribute = pp->FillAttribute;
	si->dwFlags = pp->WindowFlags;
	si->wShowWindow = (WORD)pp->ShowWindowFlags;
	si->cbReserved2 = (WORD)pp->RuntimeData.Length;
	si->lpReserved2 = (LPBYTE)pp->RuntimeData.Buffer;
	if (si->dwFlags & STARTF_USESTDHANDLES) {
		si->hStdInput = pp->StandardInput;
		si->hStdOutput = pp->StandardOutput;
		si->hStdError = pp->StandardError;
	}
}

K32API void WINAPI GetStartupInfoW(LPSTARTUPINFOW si)
{
	if (!startup_w.cb)
		fill_startup(&startup_w);
	*si = startup_w;
}

/* Strings of the A version are converted once and kept. */
static char *ansi_copy(const WCHAR *w)
{
	SIZE_T n;
	char *a;

	if (!w)
		return NULL;
	n = wcslen(w);
	a = RtlAllocateHeap(k32_heap(), 0, n + 1);
	if (a)
		k32_w_to_a(w, n, a);
	return a;
}

K32API void WINAPI GetStartupInfoA(LPSTARTUPINFOA si)
{
	if (!startup_a.cb) {
		STARTUPINFOW w;
		GetStartupInfoW(&w);
		memcpy(&startup_a, &w, sizeof(startup_a)); /* same layout */
		startup_a.lpReserved = NULL;
		startup_a.lpDesktop = ansi_copy(w.lpDesktop);
		startup_a.lpTitle = ansi_copy(w.lpTitle);
	}
	*si = startup_a;
}

K32API DWORD WINAPI SleepEx(DWORD ms, BOOL alertable)
{
	LARGE_INTEGER t;
	NTSTATUS status;

	/* NtDelayExecution wants a pointer even for INFINITE: the most
	 * negative interval means "forever" (a NULL one faults). */
	if (ms == INFINITE)
		t.QuadPart = (LONGLONG)0x8000000000000000ull;
	else
		t.QuadPart = -(LONGLONG)ms * 10000; /* relative, 100 ns units */
	status = NtDelayExecution((BOOLEAN)(alertable != 0), &t);
	return status == STATUS_USER_APC ? WAIT_IO_COMPLETION : 0;
}

K32API void WINAPI Sleep(DWORD ms)
{
	if (ms == 0) {
		NtYieldExecution();
		return;
	}
	SleepEx(ms, FALSE);
}

K32API BOOL WINAPI SwitchToThread(void)
{
	return NtYieldExecution() != STATUS_NO_YIELD_PERFORMED;
}

NTSTATUS NTAPI NtOpenProcess(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, CLIENT_ID *);

/* Any process of the sandbox by id; an id that names none is
 * ERROR_INVALID_PARAMETER, as on Windows. */
K32API HANDLE WINAPI OpenProcess(DWORD access, BOOL inherit, DWORD pid)
{
	OBJECT_ATTRIBUTES oa;
	CLIENT_ID cid = { (HANDLE)(ULONG_PTR)pid, NULL };
	HANDLE h = NULL;
	NTSTATUS st;

	InitializeObjectAttributes(&oa, NULL, inherit ? OBJ_INHERIT : 0, NULL, NULL);
	st = NtOpenProcess(&h, access, &oa, &cid);
	if (st < 0) {
		k32_fail(st);
		return NULL;
	}
	return h;
}

/* The process's mask (ProcessBasicInformation) and the system's. */
K32API BOOL WINAPI GetProcessAffinityMask(HANDLE process, PDWORD_PTR mask, PDWORD_PTR system)
{
	PROCESS_BASIC_INFORMATION info;
	SYSTEM_INFO si;
	NTSTATUS st = NtQueryInformationProcess(process, ProcessBasicInformation, &info,
						sizeof(info), NULL);

	if (st < 0)
		return k32_fail(st);
	GetSystemInfo(&si);
	if (mask)
		*mask = (DWORD_PTR)((ULONG_PTR *)&info)[2]; /* AffinityMask */
	if (system)
		*system = si.dwActiveProcessorMask;
	return TRUE;
}

/* Remembered (ProcessAffinityMask) and read back; the host schedules the
 * sandbox on every processor.  Only existing processors may be named. */
K32API BOOL WINAPI SetProcessAffinityMask(HANDLE process, DWORD_PTR mask)
{
	NTSTATUS st = NtSetInformationProcess(process, ProcessAffinityMask, &mask, sizeof(mask));

	return st < 0 ? k32_fail(st) : TRUE;
}
