/*
 * Service control manager handles: OpenSCManager, OpenService,
 * CloseServiceHandle, LockServiceDatabase.  A handle (handle_table.c)
 * holds the rights granted and, for a service, its key name: each call
 * reads the database anew.
 */
#include "service_private.h"

ADV_HANDLES(handles, 256, 0x5c);

SC_HANDLE sc_handle_new(enum sc_kind kind, ACCESS_MASK access, const WCHAR *name)
{
	struct sc_object *o = adv_alloc(sizeof(*o));
	SC_HANDLE h;

	if (!o) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->access = access;
	if (name)
		wcsncpy(o->name, name, SVC_NAME_MAX);
	if (!(h = adv_handle_add(&handles, o)))
		adv_free(o);
	return h;
}

BOOL sc_get(SC_HANDLE h, enum sc_kind kind, ACCESS_MASK need, struct sc_object *out)
{
	struct sc_object *o;
	DWORD err = 0;

	RtlAcquireSRWLockShared(&handles.lock);
	if (!(o = adv_handle_lookup(&handles, h)) || o->kind != kind)
		err = ERROR_INVALID_HANDLE;
	else if ((o->access & need) != need)
		err = ERROR_ACCESS_DENIED;
	else
		*out = *o;
	RtlReleaseSRWLockShared(&handles.lock);
	if (err)
		SetLastError(err);
	return !err;
}

BOOL sc_name_in_use(const WCHAR *name)
{
	BOOL used = FALSE;

	RtlAcquireSRWLockShared(&handles.lock);
	for (unsigned i = 0; i < handles.size && !used; i++) {
		const struct sc_object *o = handles.slots[i];

		used = o && o->kind == SC_KIND_SERVICE && !_wcsicmp(o->name, name);
	}
	RtlReleaseSRWLockShared(&handles.lock);
	return used;
}

/* The generic mappings of the SCM's two object types, as documented in
 * "Service Security and Access Rights". */
ACCESS_MASK sc_map_generic(enum sc_kind kind, ACCESS_MASK a)
{
	static const GENERIC_MAPPING manager = {
		STANDARD_RIGHTS_READ | SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS,
		STANDARD_RIGHTS_WRITE | SC_MANAGER_CREATE_SERVICE | SC_MANAGER_MODIFY_BOOT_CONFIG,
		STANDARD_RIGHTS_EXECUTE | SC_MANAGER_CONNECT | SC_MANAGER_LOCK,
		SC_MANAGER_ALL_ACCESS
	};
	static const GENERIC_MAPPING service = {
		STANDARD_RIGHTS_READ | SERVICE_QUERY_CONFIG | SERVICE_QUERY_STATUS |
			SERVICE_INTERROGATE | SERVICE_ENUMERATE_DEPENDENTS,
		STANDARD_RIGHTS_WRITE | SERVICE_CHANGE_CONFIG,
		STANDARD_RIGHTS_EXECUTE | SERVICE_START | SERVICE_STOP | SERVICE_PAUSE_CONTINUE |
			SERVICE_USER_DEFINED_CONTROL,
		SERVICE_ALL_ACCESS
	};
	const GENERIC_MAPPING *m = kind == SC_KIND_MANAGER ? &manager : &service;

	if (a & GENERIC_READ)
		a |= m->GenericRead;
	if (a & GENERIC_WRITE)
		a |= m->GenericWrite;
	if (a & GENERIC_EXECUTE)
		a |= m->GenericExecute;
	if (a & GENERIC_ALL)
		a |= m->GenericAll;
	a &= ~(ACCESS_MASK)(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
	return a & ~(ACCESS_MASK)MAXIMUM_ALLOWED;
}

/* The database is the Services key, so who may write that key may do
 * all an administrator may; anyone else gets the documented rights of
 * Authenticated Users.  (On Windows the key's ACL lets only
 * administrators write; lsw's registry lets the prefix's user write it,
 * and the SCM follows what the registry allows rather than protect
 * keys the caller could change directly.) */
ACCESS_MASK sc_allowed(enum sc_kind kind)
{
	HKEY key;
	BOOL writer = !RegOpenKeyExW(HKEY_LOCAL_MACHINE, SVC_ROOT, 0,
				     KEY_CREATE_SUB_KEY | KEY_SET_VALUE | DELETE, &key);

	if (writer)
		RegCloseKey(key);
	if (writer)
		return kind == SC_KIND_MANAGER ? SC_MANAGER_ALL_ACCESS : SERVICE_ALL_ACCESS;
	return kind == SC_KIND_MANAGER ?
		       READ_CONTROL | SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE |
			       SC_MANAGER_QUERY_LOCK_STATUS :
		       READ_CONTROL | SERVICE_QUERY_CONFIG | SERVICE_QUERY_STATUS |
			       SERVICE_INTERROGATE | SERVICE_ENUMERATE_DEPENDENTS |
			       SERVICE_USER_DEFINED_CONTROL;
}

/* The rights to grant for `wanted`, or 0 with the error set.
 * MAXIMUM_ALLOWED grants all the caller may have. */
static BOOL grant(enum sc_kind kind, ACCESS_MASK wanted, ACCESS_MASK *out)
{
	ACCESS_MASK allowed = sc_allowed(kind), a = sc_map_generic(kind, wanted);

	if (wanted & MAXIMUM_ALLOWED)
		a |= allowed;
	if (a & ~allowed) {
		SetLastError(ERROR_ACCESS_DENIED);
		return FALSE;
	}
	*out = kind == SC_KIND_MANAGER ? a | SC_MANAGER_CONNECT : a;
	return TRUE;
}

ADVAPI SC_HANDLE WINAPI OpenSCManagerW(LPCWSTR machine, LPCWSTR database, DWORD access)
{
	ACCESS_MASK granted;

	if (!adv_is_this_machine(machine)) {
		/* No remote service control manager can be reached. */
		SetLastError(RPC_S_SERVER_UNAVAILABLE);
		return NULL;
	}
	if (database && _wcsicmp(database, SERVICES_ACTIVE_DATABASEW)) {
		SetLastError(_wcsicmp(database, SERVICES_FAILED_DATABASEW) ?
				     ERROR_INVALID_NAME : ERROR_DATABASE_DOES_NOT_EXIST);
		return NULL;
	}
	if (!grant(SC_KIND_MANAGER, access, &granted))
		return NULL;
	SetLastError(ERROR_SUCCESS);
	return sc_handle_new(SC_KIND_MANAGER, granted, NULL);
}

ADVAPI SC_HANDLE WINAPI OpenServiceW(SC_HANDLE manager, LPCWSTR name, DWORD access)
{
	struct sc_object m;
	ACCESS_MASK granted;
	HKEY key;
	LSTATUS err;

	if (!sc_get(manager, SC_KIND_MANAGER, 0, &m))
		return NULL;
	if (!name) {
		SetLastError(ERROR_INVALID_ADDRESS);
		return NULL;
	}
	if (!svc_valid_name(name)) {
		SetLastError(ERROR_INVALID_NAME);
		return NULL;
	}
	if ((err = svc_open(name, KEY_READ, &key))) {
		SetLastError(err);
		return NULL;
	}
	RegCloseKey(key);
	if (!grant(SC_KIND_SERVICE, access, &granted))
		return NULL;
	return sc_handle_new(SC_KIND_SERVICE, granted, name);
}

ADVAPI BOOL WINAPI CloseServiceHandle(SC_HANDLE h)
{
	struct sc_object *o = adv_handle_remove(&handles, h);

	if (!o) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	if (o->kind == SC_KIND_SERVICE)
		svc_delete_if_unused(o->name);
	adv_free(o);
	return TRUE;
}

static SC_HANDLE open_a(SC_HANDLE manager, LPCSTR machine, LPCSTR name, DWORD access)
{
	WCHAR *wmachine = NULL, *wname = NULL;
	SC_HANDLE h = NULL;

	if (adv_a_to_w(machine, &wmachine) || adv_a_to_w(name, &wname))
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	else
		h = manager ? OpenServiceW(manager, wname, access) :
			      OpenSCManagerW(wmachine, wname, access);
	adv_free(wmachine);
	adv_free(wname);
	return h;
}

ADVAPI SC_HANDLE WINAPI OpenSCManagerA(LPCSTR machine, LPCSTR database, DWORD access)
{
	return open_a(NULL, machine, database, access);
}

ADVAPI SC_HANDLE WINAPI OpenServiceA(SC_HANDLE manager, LPCSTR name, DWORD access)
{
	if (!manager) {
		SetLastError(ERROR_INVALID_HANDLE);
		return NULL;
	}
	return open_a(manager, NULL, name, access);
}

/* The database lock: one per process here (another process's lock is
 * not seen, docs/services.md). */
static LONG locked;

ADVAPI SC_LOCK WINAPI LockServiceDatabase(SC_HANDLE manager)
{
	struct sc_object m;
	SC_HANDLE h;

	if (!sc_get(manager, SC_KIND_MANAGER, SC_MANAGER_LOCK, &m))
		return NULL;
	if (InterlockedCompareExchange(&locked, 1, 0)) {
		SetLastError(ERROR_SERVICE_DATABASE_LOCKED);
		return NULL;
	}
	if (!(h = sc_handle_new(SC_KIND_LOCK, 0, NULL)))
		InterlockedExchange(&locked, 0);
	return h;
}

ADVAPI BOOL WINAPI UnlockServiceDatabase(SC_LOCK lock)
{
	struct sc_object l;

	if (!sc_get(lock, SC_KIND_LOCK, 0, &l)) {
		SetLastError(ERROR_INVALID_SERVICE_LOCK);
		return FALSE;
	}
	CloseServiceHandle(lock);
	InterlockedExchange(&locked, 0);
	return TRUE;
}
