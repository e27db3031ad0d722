/* Mutexes (NT mutants): CreateMutex(Ex), OpenMutex, ReleaseMutex. */
#include "k32_private.h"

#define CREATE_MUTEX_INITIAL_OWNER 0x1

K32API HANDLE WINAPI CreateMutexExW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name, DWORD flags,
				    DWORD access)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING nt;
	HANDLE h = NULL;
	NTSTATUS status;

	if (!k32_object_attributes(name, sa, OBJ_OPENIF, &oa, &nt))
		return NULL;
	status = NtCreateMutant(&h, access, &oa, (flags & CREATE_MUTEX_INITIAL_OWNER) != 0);
	k32_free(nt.Buffer);
	return k32_created(status, h);
}

K32API HANDLE WINAPI CreateMutexW(LPSECURITY_ATTRIBUTES sa, BOOL owner, LPCWSTR name)
{
	return CreateMutexExW(sa, name, owner ? CREATE_MUTEX_INITIAL_OWNER : 0,
			      MUTEX_ALL_ACCESS);
}

K32API HANDLE WINAPI CreateMutexExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name, DWORD flags,
				    DWORD access)
{
	return k32_create_object_a(CreateMutexExW, sa, name, flags, access);
}

K32API HANDLE WINAPI CreateMutexA(LPSECURITY_ATTRIBUTES sa, BOOL owner, LPCSTR name)
{
	return CreateMutexExA(sa, name, owner ? CREATE_MUTEX_INITIAL_OWNER : 0,
			      MUTEX_ALL_ACCESS);
}

K32API HANDLE WINAPI OpenMutexW(DWORD access, BOOL inherit, LPCWSTR name)
{
	return k32_open_object(NtOpenMutant, access, inherit, name);
}

K32API HANDLE WINAPI OpenMutexA(DWORD access, BOOL inherit, LPCSTR name)
{
	return k32_open_object_a(NtOpenMutant, access, inherit, name);
}

/* Not the owner: ERROR_NOT_OWNER (STATUS_MUTANT_NOT_OWNED). */
K32API BOOL WINAPI ReleaseMutex(HANDLE h)
{
	NTSTATUS status = NtReleaseMutant(h, NULL);

	return status < 0 ? k32_fail(status) : TRUE;
}
