/* Events and waiting: CreateEvent(Ex), OpenEvent, SetEvent, ResetEvent,
 * PulseEvent, WaitForSingleObject(Ex); the object names every Create and
 * Open of a named object shares.  Named objects: "X" and "Local\X" live in
 * the session's directory, "Global\X" in the global one, as on Windows;
 * names are case sensitive (Microsoft documents it for each Create*), so
 * OBJ_CASE_INSENSITIVE is not asked for. */
#include "k32_private.h"

#define CREATE_EVENT_MANUAL_RESET_FLAG 0x1
#define CREATE_EVENT_INITIAL_SET_FLAG 0x2

static const WCHAR session_dir[] = L"\\Sessions\\1\\BaseNamedObjects\\";
static const WCHAR global_dir[] = L"\\BaseNamedObjects\\";

BOOL k32_object_name(const WCHAR *name, UNICODE_STRING *nt)
{
	const WCHAR *dir = session_dir;
	SIZE_T dl, nl;
	WCHAR *buf;

	if (!wcsncmp(name, L"Global\\", 7)) {
		dir = global_dir;
		name += 7;
	} else if (!wcsncmp(name, L"Local\\", 6)) {
		name += 6;
	}
	dl = wcslen(dir);
	nl = wcslen(name);
	if (dl + nl > 32767)
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	buf = RtlAllocateHeap(k32_heap(), 0, (dl + nl + 1) * sizeof(WCHAR));
	if (!buf)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	memcpy(buf, dir, dl * sizeof(WCHAR));
	memcpy(buf + dl, name, (nl + 1) * sizeof(WCHAR));
	nt->Buffer = buf;
	nt->Length = (USHORT)((dl + nl) * sizeof(WCHAR));
	nt->MaximumLength = nt->Length + sizeof(WCHAR);
	return TRUE;
}

BOOL k32_object_attributes(const WCHAR *name, const SECURITY_ATTRIBUTES *sa, ULONG attributes,
			   OBJECT_ATTRIBUTES *oa, UNICODE_STRING *nt)
{
	nt->Buffer = NULL;
	if (name && !*name)
		name = NULL; /* "" names nothing */
	if (name && !k32_object_name(name, nt))
		return FALSE;
	if (sa && sa->bInheritHandle)
		attributes |= OBJ_INHERIT;
	InitializeObjectAttributes(oa, name ? nt : NULL, attributes, NULL,
				   sa ? sa->lpSecurityDescriptor : NULL);
	return TRUE;
}

HANDLE k32_created(NTSTATUS status, HANDLE h)
{
	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	/* an existing named object was opened: the caller can tell */
	RtlSetLastWin32Error(status == STATUS_OBJECT_NAME_EXISTS ? ERROR_ALREADY_EXISTS : 0);
	return h;
}

K32API HANDLE WINAPI CreateEventExW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name, DWORD flags,
				    DWORD access)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING nt;
	HANDLE h = NULL;
	NTSTATUS status;

	if (!k32_object_attributes(name, sa, OBJ_OPENIF, &oa, &nt))
		return NULL;
	status = NtCreateEvent(&h, access, &oa,
			       flags & CREATE_EVENT_MANUAL_RESET_FLAG ? 0 /* Notification */
								    : 1 /* Synchronization */,
			       (flags & CREATE_EVENT_INITIAL_SET_FLAG) != 0);
	k32_free(nt.Buffer);
	return k32_created(status, h);
}

K32API HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial,
				  LPCWSTR name)
{
	return CreateEventExW(sa, name, (manual ? CREATE_EVENT_MANUAL_RESET_FLAG : 0) |
					       (initial ? CREATE_EVENT_INITIAL_SET_FLAG : 0),
			      EVENT_ALL_ACCESS);
}

K32API HANDLE WINAPI CreateEventExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name, DWORD flags,
				    DWORD access)
{
	return k32_create_object_a(CreateEventExW, sa, name, flags, access);
}

K32API HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial,
				  LPCSTR name)
{
	return CreateEventExA(sa, name, (manual ? CREATE_EVENT_MANUAL_RESET_FLAG : 0) |
					       (initial ? CREATE_EVENT_INITIAL_SET_FLAG : 0),
			      EVENT_ALL_ACCESS);
}

HANDLE k32_open_object(k32_open_fn *open, DWORD access, BOOL inherit, LPCWSTR name)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING nt;
	HANDLE h = NULL;
	NTSTATUS status;

	if (!name) {
		k32_error(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	if (!k32_object_attributes(name, NULL, inherit ? OBJ_INHERIT : 0, &oa, &nt))
		return NULL;
	status = open(&h, access, &oa);
	k32_free(nt.Buffer);
	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	return h;
}

HANDLE k32_open_object_a(k32_open_fn *open, DWORD access, BOOL inherit, LPCSTR name)
{
	UNICODE_STRING w = { 0 };
	HANDLE h;

	if (!name) {
		k32_error(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	if (!k32_ansi_arg(name, &w))
		return NULL;
	h = k32_open_object(open, access, inherit, w.Buffer);
	k32_free(w.Buffer);
	return h;
}

HANDLE k32_create_object_a(k32_create_ex_fn *create, LPSECURITY_ATTRIBUTES sa, LPCSTR name,
			   DWORD flags, DWORD access)
{
	UNICODE_STRING w = { 0 };
	HANDLE h;

	if (name && !k32_ansi_arg(name, &w))
		return NULL;
	h = create(sa, name ? w.Buffer : NULL, flags, access);
	k32_free(w.Buffer);
	return h;
}

K32API HANDLE WINAPI OpenEventW(DWORD access, BOOL inherit, LPCWSTR name)
{
	return k32_open_object(NtOpenEvent, access, inherit, name);
}

K32API HANDLE WINAPI OpenEventA(DWORD access, BOOL inherit, LPCSTR name)
{
	return k32_open_object_a(NtOpenEvent, access, inherit, name);
}

K32API BOOL WINAPI SetEvent(HANDLE h)
{
	NTSTATUS status = NtSetEvent(h, NULL);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI ResetEvent(HANDLE h)
{
	NTSTATUS status = NtResetEvent(h, NULL);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI PulseEvent(HANDLE h)
{
	NTSTATUS status = NtPulseEvent(h, NULL);

	return status < 0 ? k32_fail(status) : TRUE;
}

K32API DWORD WINAPI WaitForSingleObjectEx(HANDLE h, DWORD ms, BOOL alertable)
{
	LARGE_INTEGER timeout;
	NTSTATUS status;

	timeout.QuadPart = -(LONGLONG)ms * 10000;
	status = NtWaitForSingleObject(h, (BOOLEAN)alertable, ms == INFINITE ? NULL : &timeout);
	if (status < 0) {
		k32_fail(status);
		return WAIT_FAILED;
	}
	return (DWORD)status; /* WAIT_OBJECT_0, WAIT_ABANDONED, WAIT_TIMEOUT, WAIT_IO_COMPLETION */
}

K32API DWORD WINAPI WaitForSingleObject(HANDLE h, DWORD ms)
{
	return WaitForSingleObjectEx(h, ms, FALSE);
}

/* The memory resource notifications: on Windows the system's
 * \KernelObjects\LowMemoryCondition and HighMemoryCondition events, opened
 * only to wait on and query.  The sandbox never runs low (its commit limit
 * fails allocations instead), so each handle is an event of its own that
 * stays as it starts: low memory unsignalled, high memory signalled.  The
 * .NET runtime's garbage collector asks for one at start-up. */
K32API HANDLE WINAPI CreateMemoryResourceNotification(MEMORY_RESOURCE_NOTIFICATION_TYPE type)
{
	OBJECT_ATTRIBUTES oa = { sizeof(oa) };
	HANDLE h = NULL;
	NTSTATUS status;

	if (type != LowMemoryResourceNotification && type != HighMemoryResourceNotification) {
		k32_error(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	status = NtCreateEvent(&h, SYNCHRONIZE | 0x0001 /* EVENT_QUERY_STATE */, &oa, 0,
			       type == HighMemoryResourceNotification);
	if (status < 0) {
		k32_fail(status);
		return NULL;
	}
	return h;
}

K32API BOOL WINAPI QueryMemoryResourceNotification(HANDLE h, PBOOL state)
{
	k32_event_info info;
	NTSTATUS status;

	if (!state)
		return k32_error(ERROR_INVALID_PARAMETER);
	status = NtQueryEvent(h, 0 /* EventBasicInformation */, &info, sizeof(info), NULL);
	if (status < 0)
		return k32_fail(status);
	*state = info.state != 0;
	return TRUE;
}
