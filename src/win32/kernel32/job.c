/* Job objects over the NtXxxJobObject calls. */
#include "k32_private.h"

#define STATUS_PROCESS_IN_JOB ((NTSTATUS)0x00000124)

NTSTATUS NTAPI NtCreateJobObject(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtOpenJobObject(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtAssignProcessToJobObject(HANDLE, HANDLE);
NTSTATUS NTAPI NtTerminateJobObject(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtIsProcessInJob(HANDLE, HANDLE);
NTSTATUS NTAPI NtQueryInformationJobObject(HANDLE, JOBOBJECTINFOCLASS, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtSetInformationJobObject(HANDLE, JOBOBJECTINFOCLASS, PVOID, ULONG);

K32API HANDLE WINAPI CreateJobObjectW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING nt;
	HANDLE h = NULL;
	NTSTATUS status;

	if (!k32_object_attributes(name, sa, OBJ_OPENIF, &oa, &nt))
		return NULL;
	status = NtCreateJobObject(&h, JOB_OBJECT_ALL_ACCESS, &oa);
	k32_free(nt.Buffer);
	return k32_created(status, h);
}

K32API HANDLE WINAPI CreateJobObjectA(LPSECURITY_ATTRIBUTES sa, LPCSTR name)
{
	UNICODE_STRING w = { 0 };
	HANDLE h;

	if (name && !k32_ansi_arg(name, &w))
		return NULL;
	h = CreateJobObjectW(sa, name ? w.Buffer : NULL);
	k32_free(w.Buffer);
	return h;
}

static NTSTATUS NTAPI open_job(PHANDLE h, ACCESS_MASK access, POBJECT_ATTRIBUTES oa)
{
	return NtOpenJobObject(h, access, oa);
}

K32API HANDLE WINAPI OpenJobObjectW(DWORD access, BOOL inherit, LPCWSTR name)
{
	return k32_open_object(open_job, access, inherit, name);
}

K32API HANDLE WINAPI OpenJobObjectA(DWORD access, BOOL inherit, LPCSTR name)
{
	return k32_open_object_a(open_job, access, inherit, name);
}

K32API BOOL WINAPI AssignProcessToJobObject(HANDLE job, HANDLE process)
{
	NTSTATUS st = NtAssignProcessToJobObject(job, process);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI TerminateJobObject(HANDLE job, UINT code)
{
	NTSTATUS st = NtTerminateJobObject(job, (NTSTATUS)code);

	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI IsProcessInJob(HANDLE process, HANDLE job, PBOOL result)
{
	NTSTATUS st = NtIsProcessInJob(process, job);

	if (st < 0)
		return k32_fail(st);
	*result = st == STATUS_PROCESS_IN_JOB;
	return TRUE;
}

K32API BOOL WINAPI QueryInformationJobObject(HANDLE job, JOBOBJECTINFOCLASS cls, LPVOID info,
					     DWORD len, LPDWORD ret)
{
	NTSTATUS st = NtQueryInformationJobObject(job, cls, info, len, ret);

	return st < 0 || st == STATUS_BUFFER_OVERFLOW ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI SetInformationJobObject(HANDLE job, JOBOBJECTINFOCLASS cls, LPVOID info,
					   DWORD len)
{
	NTSTATUS st = NtSetInformationJobObject(job, cls, info, len);

	return st < 0 ? k32_fail(st) : TRUE;
}
