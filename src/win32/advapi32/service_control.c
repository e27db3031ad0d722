/*
 * Starting and controlling services: StartService, ControlService,
 * QueryServiceObjectSecurity.  lsw starts no service process (there is no
 * service control manager process to connect back to, docs/services.md):
 * StartService checks what Windows checks first (rights, deletion,
 * state, start type, the image file) and then fails with
 * ERROR_SERVICE_NO_THREAD, "a thread could not be created for the
 * service", the documented error closest to the truth.
 */
#include "service_private.h"
#include <sddl.h>

/* The image file of an ImagePath: its first token or quoted part,
 * environment variables expanded; FALSE when it names no file. */
static BOOL image_exists(const WCHAR *image_path)
{
	WCHAR raw[MAX_PATH], path[MAX_PATH];
	const WCHAR *p = image_path, *end;
	size_t n;
	DWORD attr;

	if (*p == L'"') {
		end = wcschr(++p, L'"');
		n = end ? (size_t)(end - p) : wcslen(p);
	} else {
		end = wcschr(p, L' ');
		n = end ? (size_t)(end - p) : wcslen(p);
	}
	if (!n || n >= MAX_PATH)
		return FALSE;
	memcpy(raw, p, n * sizeof(WCHAR));
	raw[n] = 0;
	if (!ExpandEnvironmentStringsW(raw, path, MAX_PATH))
		return FALSE;
	attr = GetFileAttributesW(path);
	return attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY);
}

/* The handle's service with its status, after the right `need` was
 * checked; FALSE with the error set. */
static BOOL open_with(SC_HANDLE service, ACCESS_MASK need, struct sc_object *o,
		      struct svc_config *c, SERVICE_STATUS_PROCESS *st)
{
	LSTATUS err;

	if (!sc_get(service, SC_KIND_SERVICE, need, o))
		return FALSE;
	if ((err = svc_config_of(o, c))) {
		SetLastError(err);
		return FALSE;
	}
	svc_status(o->name, c, st);
	return TRUE;
}

ADVAPI BOOL WINAPI StartServiceW(SC_HANDLE service, DWORD argc, LPCWSTR *argv)
{
	struct sc_object o;
	struct svc_config c;
	SERVICE_STATUS_PROCESS st;
	DWORD err;

	if (!open_with(service, SERVICE_START, &o, &c, &st))
		return FALSE;
	if (c.delete_flag)
		err = ERROR_SERVICE_MARKED_FOR_DELETE;
	else if (st.dwCurrentState != SERVICE_STOPPED)
		err = ERROR_SERVICE_ALREADY_RUNNING;
	else if (c.start == SERVICE_DISABLED)
		err = ERROR_SERVICE_DISABLED;
	else if (!image_exists(c.image))
		err = ERROR_FILE_NOT_FOUND;
	else
		err = ERROR_SERVICE_NO_THREAD;
	svc_config_free(&c);
	SetLastError(err);
	return FALSE;
}

ADVAPI BOOL WINAPI StartServiceA(SC_HANDLE service, DWORD argc, LPCSTR *argv)
{
	/* the arguments would only go to the service, which never starts */
	return StartServiceW(service, 0, NULL);
}

/* The right each control needs (0: not a control). */
static ACCESS_MASK control_right(DWORD control)
{
	switch (control) {
	case SERVICE_CONTROL_STOP:
		return SERVICE_STOP;
	case SERVICE_CONTROL_INTERROGATE:
		return SERVICE_INTERROGATE;
	case SERVICE_CONTROL_PAUSE:
	case SERVICE_CONTROL_CONTINUE:
	case SERVICE_CONTROL_PARAMCHANGE:
	case SERVICE_CONTROL_NETBINDADD:
	case SERVICE_CONTROL_NETBINDREMOVE:
	case SERVICE_CONTROL_NETBINDENABLE:
	case SERVICE_CONTROL_NETBINDDISABLE:
		return SERVICE_PAUSE_CONTINUE;
	}
	return control >= 128 && control <= 255 ? SERVICE_USER_DEFINED_CONTROL : 0;
}

/* A stopped service takes no control (ERROR_SERVICE_NOT_ACTIVE); the
 * running ones accept none a program may send but INTERROGATE, which
 * answers their status. */
ADVAPI BOOL WINAPI ControlService(SC_HANDLE service, DWORD control, LPSERVICE_STATUS status)
{
	ACCESS_MASK need = control_right(control);
	struct sc_object o;
	struct svc_config c;
	SERVICE_STATUS_PROCESS st;
	DWORD err;

	if (!need) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!open_with(service, need, &o, &c, &st))
		return FALSE;
	svc_config_free(&c);
	if (status)
		memcpy(status, &st, sizeof(*status));
	if (st.dwCurrentState == SERVICE_STOPPED)
		err = ERROR_SERVICE_NOT_ACTIVE;
	else if (control != SERVICE_CONTROL_INTERROGATE)
		err = ERROR_INVALID_SERVICE_CONTROL;
	else
		err = ERROR_SUCCESS;
	SetLastError(err);
	return !err;
}

/* A service's security descriptor: the default one the Windows SCM gives
 * a new service (SYSTEM and Administrators may do all, interactive and
 * service logons may query and interrogate), owner and group SYSTEM.
 * The SACL needs ACCESS_SYSTEM_SECURITY, which no handle is granted. */
ADVAPI BOOL WINAPI QueryServiceObjectSecurity(SC_HANDLE service, SECURITY_INFORMATION info,
					      PSECURITY_DESCRIPTOR sd, DWORD size, LPDWORD needed)
{
	WCHAR sddl[256] = L"";
	PSECURITY_DESCRIPTOR made;
	struct sc_object o;
	ULONG len;

	if (!sc_get(service, SC_KIND_SERVICE, READ_CONTROL, &o))
		return FALSE;
	if (info & SACL_SECURITY_INFORMATION) {
		SetLastError(ERROR_ACCESS_DENIED);
		return FALSE;
	}
	if (!needed) {
		SetLastError(ERROR_INVALID_ADDRESS);
		return FALSE;
	}
	if (info & OWNER_SECURITY_INFORMATION)
		wcscat(sddl, L"O:SY");
	if (info & GROUP_SECURITY_INFORMATION)
		wcscat(sddl, L"G:SY");
	if (info & DACL_SECURITY_INFORMATION)
		wcscat(sddl, L"D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"
			     L"(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)");
	if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &made, &len))
		return FALSE;
	*needed = len;
	if (!sd || size < len) {
		LocalFree(made);
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	memcpy(sd, made, len);
	LocalFree(made);
	return TRUE;
}
