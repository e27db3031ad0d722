/*
 * WTSEnumerateProcesses(Ex): the processes the sandbox shows
 * (NtQuerySystemInformation's list), each with its session, image name
 * and owner's SID, in one block the caller frees with WTSFreeMemory:
 * the array first, then the names and SIDs it points to.
 */
#include "wts_private.h"
#include <winternl.h>
#include <ntstatus.h>

/* The process list, grown until it fits; NULL on failure. */
static SYSTEM_PROCESS_INFORMATION *process_list(void)
{
	ULONG size = 64 * 1024;
	void *buf = NULL;
	NTSTATUS status;

	do {
		HeapFree(GetProcessHeap(), 0, buf);
		if (!(buf = HeapAlloc(GetProcessHeap(), 0, size)))
			return NULL;
		status = NtQuerySystemInformation(SystemProcessInformation, buf, size, NULL);
		size *= 2;
	} while (status == STATUS_INFO_LENGTH_MISMATCH && size <= 64 * 1024 * 1024);
	if (status) {
		HeapFree(GetProcessHeap(), 0, buf);
		SetLastError(RtlNtStatusToDosError(status));
		return NULL;
	}
	return buf;
}

static SYSTEM_PROCESS_INFORMATION *next_process(SYSTEM_PROCESS_INFORMATION *p)
{
	return p->NextEntryOffset ? (SYSTEM_PROCESS_INFORMATION *)((BYTE *)p + p->NextEntryOffset) : NULL;
}

/* The owner of a process, copied into sid (up to SECURITY_MAX_SID_SIZE);
 * FALSE when its token cannot be read. */
static BOOL process_owner(DWORD pid, BYTE sid[SECURITY_MAX_SID_SIZE])
{
	BYTE buf[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
	HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid), token;
	DWORD size;
	BOOL ok = FALSE;

	if (!process)
		return FALSE;
	if (OpenProcessToken(process, TOKEN_QUERY, &token)) {
		ok = GetTokenInformation(token, TokenUser, buf, sizeof(buf), &size) &&
		     CopySid(SECURITY_MAX_SID_SIZE, sid, ((TOKEN_USER *)buf)->User.Sid);
		CloseHandle(token);
	}
	CloseHandle(process);
	return ok;
}

/* The processes of session (or any) as level 0 or 1 entries, wide or
 * ANSI names; the entry size is the level's. */
static BOOL enumerate(DWORD level, DWORD session, BOOL ansi, void **out, DWORD *count)
{
	SIZE_T entry = level ? sizeof(WTS_PROCESS_INFO_EXW_LSW) : sizeof(WTS_PROCESS_INFOW);
	SYSTEM_PROCESS_INFORMATION *list = process_list(), *p;
	SIZE_T size = 0, n = 0;
	BYTE *block, *tail;

	if (!list)
		return FALSE;
	for (p = list; p; p = next_process(p))
		if (session == WTS_ANY_SESSION_ID || p->SessionId == session) {
			n++;
			size += entry + p->ImageName.Length + sizeof(WCHAR) + SECURITY_MAX_SID_SIZE;
		}
	if (!(block = wts_alloc(size ? size : 1))) {
		HeapFree(GetProcessHeap(), 0, list);
		return FALSE;
	}
	tail = block + n * entry;
	n = 0;
	for (p = list; p; p = next_process(p)) {
		WTS_PROCESS_INFO_EXW_LSW *e = (void *)(block + n * entry);
		DWORD pid = (DWORD)(ULONG_PTR)p->UniqueProcessId, chars = p->ImageName.Length / sizeof(WCHAR);

		if (session != WTS_ANY_SESSION_ID && p->SessionId != session)
			continue;
		n++;
		e->SessionId = p->SessionId;
		e->ProcessId = pid;
		e->pProcessName = (LPWSTR)tail;
		if (ansi) {
			int len = WideCharToMultiByte(CP_ACP, 0, p->ImageName.Buffer, chars, (char *)tail,
						      (int)(chars * sizeof(WCHAR)), NULL, NULL);

			tail[len] = 0;
		} else {
			if (chars)
				memcpy(tail, p->ImageName.Buffer, chars * sizeof(WCHAR));
			((WCHAR *)tail)[chars] = 0;
		}
		tail += (chars + 1) * sizeof(WCHAR);
		e->pUserSid = process_owner(pid, tail) ? (PSID)tail : NULL;
		tail += SECURITY_MAX_SID_SIZE;
		if (level) {
			e->NumberOfThreads = p->NumberOfThreads;
			e->HandleCount = p->HandleCount;
			e->PagefileUsage = (DWORD)p->VirtualMemoryCounters.PagefileUsage;
			e->PeakPagefileUsage = (DWORD)p->VirtualMemoryCounters.PeakPagefileUsage;
			e->WorkingSetSize = (DWORD)p->VirtualMemoryCounters.WorkingSetSize;
			e->PeakWorkingSetSize = (DWORD)p->VirtualMemoryCounters.PeakWorkingSetSize;
			e->UserTime = p->UserTime;
			e->KernelTime = p->KernelTime;
		}
	}
	HeapFree(GetProcessHeap(), 0, list);
	*out = block;
	*count = (DWORD)n;
	SetLastError(ERROR_SUCCESS);
	return TRUE;
}

static BOOL enumerate_v1(DWORD reserved, DWORD version, BOOL ansi, void **out, DWORD *count)
{
	if (reserved || version != 1 || !out || !count) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	return enumerate(0, WTS_ANY_SESSION_ID, ansi, out, count);
}

WTS_API BOOL WINAPI WTSEnumerateProcessesW(HANDLE server, DWORD reserved, DWORD version,
					   PWTS_PROCESS_INFOW *info, DWORD *count)
{
	return enumerate_v1(reserved, version, FALSE, (void **)info, count);
}

WTS_API BOOL WINAPI WTSEnumerateProcessesA(HANDLE server, DWORD reserved, DWORD version,
					   PWTS_PROCESS_INFOA *info, DWORD *count)
{
	return enumerate_v1(reserved, version, TRUE, (void **)info, count);
}

static BOOL enumerate_ex(DWORD *level, DWORD session, BOOL ansi, void **out, DWORD *count)
{
	if (!level || *level > 1 || !out || !count) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	return enumerate(*level, session, ansi, out, count);
}

WTS_API BOOL WINAPI WTSEnumerateProcessesExW(HANDLE server, DWORD *level, DWORD session, LPWSTR *info,
					     DWORD *count)
{
	return enumerate_ex(level, session, FALSE, (void **)info, count);
}

WTS_API BOOL WINAPI WTSEnumerateProcessesExA(HANDLE server, DWORD *level, DWORD session, LPSTR *info,
					     DWORD *count)
{
	return enumerate_ex(level, session, TRUE, (void **)info, count);
}

/* Ends a process of the (only) server, with the rights the caller has. */
WTS_API BOOL WINAPI WTSTerminateProcess(HANDLE server, DWORD pid, DWORD exit_code)
{
	HANDLE process = OpenProcess(PROCESS_TERMINATE, FALSE, pid);
	BOOL ok;

	if (!process)
		return FALSE;
	ok = TerminateProcess(process, exit_code);
	CloseHandle(process);
	return ok;
}
