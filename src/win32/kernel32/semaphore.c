/* Semaphores: CreateSemaphore(Ex), OpenSemaphore, ReleaseSemaphore. */
#include "k32_private.h"

K32API HANDLE WINAPI CreateSemaphoreExW(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG max,
					LPCWSTR name, DWORD flags, DWORD access)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING nt;
	HANDLE h = NULL;
	NTSTATUS status;

	if (flags) /* reserved, must be 0 */
		return k32_error(ERROR_INVALID_PARAMETER), NULL;
	if (!k32_object_attributes(name, sa, OBJ_OPENIF, &oa, &nt))
		return NULL;
	status = NtCreateSemaphore(&h, access, &oa, initial, max);
	k32_free(nt.Buffer);
	return k32_created(status, h);
}

K32API HANDLE WINAPI CreateSemaphoreW(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG max,
				      LPCWSTR name)
{
	return CreateSemaphoreExW(sa, initial, max, name, 0, SEMAPHORE_ALL_ACCESS);
}

K32API HANDLE WINAPI CreateSemaphoreExA(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG max,
					LPCSTR name, DWORD flags, DWORD access)
{
	UNICODE_STRING w = { 0 };
	HANDLE h;

	if (name && !k32_ansi_arg(name, &w))
		return NULL;
	h = CreateSemaphoreExW(sa, initial, max, name ? w.Buffer : NULL, flags, access);
	k32_free(w.Buffer);
	return h;
}

K32API HANDLE WINAPI CreateSemaphoreA(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG max,
				      LPCSTR name)
{
	return CreateSemaphoreExA(sa, initial, max, name, 0, SEMAPHORE_ALL_ACCESS);
}

K32API HANDLE WINAPI OpenSemaphoreW(DWORD access, BOOL inherit, LPCWSTR name)
{
	return k32_open_object(NtOpenSemaphore, access, inherit, name);
}

K32API HANDLE WINAPI OpenSemaphoreA(DWORD access, BOOL inherit, LPCSTR name)
{
	return k32_open_object_a(NtOpenSemaphore, access, inherit, name);
}

/* Over the maximum: ERROR_TOO_MANY_POSTS, the count unchanged. */
K32API BOOL WINAPI ReleaseSemaphore(HANDLE h, LONG count, LPLONG previous)
{
	NTSTATUS status = NtReleaseSemaphore(h, count, previous);

	return status < 0 ? k32_fail(status) : TRUE;
}
