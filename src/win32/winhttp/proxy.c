/*
 * The proxy settings WinHTTP reports.  The user's (Internet Explorer's)
 * are the ProxyEnable, ProxyServer, ProxyOverride and AutoConfigURL values
 * of HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings; a
 * new prefix has none: a direct connection, no automatic detection.  The
 * strings are GlobalAlloc'd, for the caller's GlobalFree, as documented.
 * The default (WinHttpSetDefaultProxyConfiguration's) is no proxy.
 */
#include <windows.h>
#include <winhttp.h>

#define SETTINGS L"Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"

/* A string value of the settings key, GlobalAlloc'd; NULL when absent. */
static WCHAR *setting(HKEY key, const WCHAR *name)
{
	DWORD type, size = 0;
	WCHAR *s;

	if (RegQueryValueExW(key, name, NULL, &type, NULL, &size) || type != REG_SZ || size < 4)
		return NULL;
	if (!(s = GlobalAlloc(GMEM_FIXED | GMEM_ZEROINIT, size + sizeof(WCHAR))))
		return NULL;
	if (RegQueryValueExW(key, name, NULL, &type, (BYTE *)s, &size) || !s[0]) {
		GlobalFree(s);
		return NULL;
	}
	return s;
}

BOOL WINAPI WinHttpGetIEProxyConfigForCurrentUser(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG *cfg)
{
	DWORD enabled = 0, size = sizeof(enabled);
	HKEY key;

	if (!cfg) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	memset(cfg, 0, sizeof(*cfg));
	if (RegOpenKeyExW(HKEY_CURRENT_USER, SETTINGS, 0, KEY_QUERY_VALUE, &key))
		return TRUE; /* nothing set: a direct connection */
	if (!RegQueryValueExW(key, L"ProxyEnable", NULL, NULL, (BYTE *)&enabled, &size) && enabled) {
		cfg->lpszProxy = setting(key, L"ProxyServer");
		cfg->lpszProxyBypass = setting(key, L"ProxyOverride");
	}
	cfg->lpszAutoConfigUrl = setting(key, L"AutoConfigURL");
	RegCloseKey(key);
	return TRUE;
}

BOOL WINAPI WinHttpGetDefaultProxyConfiguration(WINHTTP_PROXY_INFO *info)
{
	if (!info) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	info->dwAccessType = WINHTTP_ACCESS_TYPE_NO_PROXY;
	info->lpszProxy = NULL;
	info->lpszProxyBypass = NULL;
	return TRUE;
}
