/* GetUserNameExA/W.  The user is a local account of a computer in no
 * domain: NameSamCompatible ("LSW\user") is its one name; the directory
 * forms (user principal, DN, canonical...) do not exist for it
 * (ERROR_NONE_MAPPED), nor does a display name (none is set).  NameUnknown
 * is ERROR_NO_SUCH_USER (Windows, as Wine's secur32 test checked there
 * accepts). */
#include "sspicli_private.h"

/* "COMPUTER\user" into out (cap characters); its length. */
static DWORD sam_name(WCHAR *out, DWORD cap)
{
	WCHAR user[UNLEN + 1];
	DWORD ul = ARRAYSIZE(user), cl = cap;

	if (!GetComputerNameW(out, &cl) || !GetUserNameW(user, &ul) || cl + ul + 1 > cap)
		return 0;
	out[cl] = L'\\';
	memcpy(out + cl + 1, user, ul * sizeof(WCHAR)); /* ul counts the NUL */
	return cl + ul;
}

static BOOLEAN name_of(EXTENDED_NAME_FORMAT format, WCHAR *name, DWORD *len)
{
	if (format != NameSamCompatible) {
		SetLastError(format == NameUnknown ? ERROR_NO_SUCH_USER : ERROR_NONE_MAPPED);
		return FALSE;
	}
	*len = sam_name(name, MAX_COMPUTERNAME_LENGTH + UNLEN + 2);
	return *len != 0;
}

/* Both forms.  Too small: ERROR_MORE_DATA and the size with the NUL;
 * success: the length without it. */
static BOOLEAN name_out(EXTENDED_NAME_FORMAT format, void *out, PULONG size, BOOL wide)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + UNLEN + 2];
	DWORD len;

	if (!size) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!name_of(format, name, &len))
		return FALSE;
	if (!out || *size < len + 1) {
		*size = len + 1;
		SetLastError(ERROR_MORE_DATA);
		return FALSE;
	}
	if (wide)
		memcpy(out, name, (len + 1) * sizeof(WCHAR));
	else
		WideCharToMultiByte(CP_ACP, 0, name, (int)len + 1, out, (int)*size, NULL, NULL);
	*size = len;
	return TRUE;
}

SSPI_API BOOLEAN SEC_ENTRY GetUserNameExW(EXTENDED_NAME_FORMAT format, LPWSTR out, PULONG size)
{
	return name_out(format, out, size, TRUE);
}

SSPI_API BOOLEAN SEC_ENTRY GetUserNameExA(EXTENDED_NAME_FORMAT format, LPSTR out, PULONG size)
{
	return name_out(format, out, size, FALSE);
}
