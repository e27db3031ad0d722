/* Profile folders: GetUserProfileDirectoryA/W (the token's user), the
 * profiles, default and all-users directories, GetProfileType, and
 * LoadUserProfile / UnloadUserProfile for the user already loaded.  The
 * paths are the registry's (HKLM\...\ProfileList), as on Windows. */
#include "userenv_private.h"

#define PROFILE_LIST L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList"

BOOL ue_profile_value(const WCHAR *sid, const WCHAR *value, WCHAR *out, DWORD cap, DWORD *len)
{
	WCHAR key[256], raw[MAX_PATH];
	DWORD bytes = sizeof(raw), n;
	LSTATUS err;

	lstrcpyW(key, PROFILE_LIST);
	if (sid) {
		lstrcatW(key, L"\\");
		lstrcatW(key, sid);
	}
	err = RegGetValueW(HKEY_LOCAL_MACHINE, key, value, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ |
			   RRF_NOEXPAND, NULL, raw, &bytes);
	if (err != ERROR_SUCCESS) {
		SetLastError(err == ERROR_FILE_NOT_FOUND ? ERROR_FILE_NOT_FOUND : err);
		return FALSE;
	}
	if (!(n = ExpandEnvironmentStringsW(raw, out, cap)))
		return FALSE;
	*len = n;
	if (n > cap) {
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	return TRUE;
}

BOOL ue_give(const WCHAR *s, DWORD len, WCHAR *out, DWORD *size)
{
	if (!out || *size < len) {
		*size = len;
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	memcpy(out, s, len * sizeof(WCHAR));
	*size = len;
	return TRUE;
}

BOOL ue_give_a(BOOL ok, const WCHAR *w, DWORD len, char *out, DWORD *size)
{
	if (!ok)
		return FALSE;
	if (!out || *size < len) {
		*size = len;
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	WideCharToMultiByte(CP_ACP, 0, w, (int)len, out, (int)*size, NULL, NULL);
	*size = len;
	return TRUE;
}

/* The token's user's SID as text (the key under ProfileList). */
static BOOL token_sid(HANDLE token, WCHAR **sid)
{
	BYTE buf[256];
	DWORD n;

	if (!GetTokenInformation(token, TokenUser, buf, sizeof(buf), &n))
		return FALSE;
	return ConvertSidToStringSidW(((TOKEN_USER *)buf)->User.Sid, sid);
}

static BOOL user_profile(HANDLE token, WCHAR *path, DWORD *len)
{
	WCHAR *sid;
	BOOL ok;

	if (!token) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	if (!token_sid(token, &sid))
		return FALSE;
	ok = ue_profile_value(sid, L"ProfileImagePath", path, MAX_PATH, len);
	LocalFree(sid);
	return ok;
}

/* A folder's path (ok: found) into the caller's buffer, wide or not. */
static BOOL answer(BOOL ok, const WCHAR *path, DWORD len, void *dir, LPDWORD size, BOOL wide)
{
	return wide ? ok && ue_give(path, len, dir, size) : ue_give_a(ok, path, len, dir, size);
}

/* The W call checks the token first and sizes a NULL buffer; the A call
 * refuses a NULL buffer outright, *size untouched (Wine's userenv tests
 * show both on Windows 10). */
static BOOL user_dir(HANDLE token, void *dir, LPDWORD size, BOOL wide)
{
	WCHAR path[MAX_PATH];
	DWORD len = 0;
	BOOL ok;

	if (wide && !token) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	if (!size || (!wide && !dir)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	ok = user_profile(token, path, &len);
	return answer(ok, path, len, dir, size, wide);
}

UE_API BOOL WINAPI GetUserProfileDirectoryW(HANDLE token, LPWSTR dir, LPDWORD size)
{
	return user_dir(token, dir, size, TRUE);
}

UE_API BOOL WINAPI GetUserProfileDirectoryA(HANDLE token, LPSTR dir, LPDWORD size)
{
	return user_dir(token, dir, size, FALSE);
}

/* The ProfileList values of the machine: ProfilesDirectory, Default,
 * ProgramData (the all-users profile); both forms. */
static BOOL machine_dir(const WCHAR *value, void *dir, LPDWORD size, BOOL wide)
{
	WCHAR path[MAX_PATH];
	DWORD len = 0;
	BOOL ok;

	if (!size) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	ok = ue_profile_value(NULL, value, path, MAX_PATH, &len);
	return answer(ok, path, len, dir, size, wide);
}

UE_API BOOL WINAPI GetProfilesDirectoryW(LPWSTR dir, LPDWORD size)
{
	return machine_dir(L"ProfilesDirectory", dir, size, TRUE);
}

/* GetProfilesDirectoryA counts without the NUL: a short buffer gets
 * that length back, a buffer of it is enough (the NUL goes past it), and
 * success returns the characters stored, not TRUE (Windows, as Wine's
 * userenv tests show); a NULL buffer is a bad parameter. */
UE_API BOOL WINAPI GetProfilesDirectoryA(LPSTR dir, LPDWORD size)
{
	WCHAR path[MAX_PATH];
	DWORD len = 0, n;

	if (!dir || !size) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!ue_profile_value(NULL, L"ProfilesDirectory", path, MAX_PATH, &len))
		return FALSE;
	n = (DWORD)WideCharToMultiByte(CP_ACP, 0, path, -1, NULL, 0, NULL, NULL) - 1;
	if (*size < n) {
		*size = n;
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	WideCharToMultiByte(CP_ACP, 0, path, -1, dir, (int)n + 1, NULL, NULL);
	*size = n;
	return (BOOL)n;
}

UE_API BOOL WINAPI GetDefaultUserProfileDirectoryW(LPWSTR dir, LPDWORD size)
{
	return machine_dir(L"Default", dir, size, TRUE);
}

UE_API BOOL WINAPI GetDefaultUserProfileDirectoryA(LPSTR dir, LPDWORD size)
{
	return machine_dir(L"Default", dir, size, FALSE);
}

UE_API BOOL WINAPI GetAllUsersProfileDirectoryW(LPWSTR dir, LPDWORD size)
{
	return machine_dir(L"ProgramData", dir, size, TRUE);
}

UE_API BOOL WINAPI GetAllUsersProfileDirectoryA(LPSTR dir, LPDWORD size)
{
	return machine_dir(L"ProgramData", dir, size, FALSE);
}

/* A local profile: no PT_* flag. */
UE_API BOOL WINAPI GetProfileType(DWORD *flags)
{
	if (!flags) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	*flags = 0;
	return TRUE;
}
