/*
 * Small ordinal-only helpers: SHSearchMapInt, GUIDFromString,
 * SHGetObjectCompatFlags, and DllGetVersion.
 */
#define COBJMACROS
#include "shlwapi_private.h"

/* Ordinal 198: the value paired with the first key equal to key, or -1. */
int WINAPI SHSearchMapInt(const int *keys, const int *values, int count, int key)
{
	for (int i = 0; i < count; i++)
		if (keys[i] == key)
			return values[i];
	return -1;
}

/* Ordinal 270: "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}", braces required. */
BOOL WINAPI GUIDFromStringW(LPCWSTR s, GUID *guid)
{
	static HRESULT (WINAPI *parse)(LPCOLESTR, IID *);

	if (!s || !guid || s[0] != '{')
		return FALSE;
	if (!parse && !(parse = (void *)sh_com_proc(L"combase.dll", "IIDFromString")))
		return FALSE;
	return parse(s, guid) == S_OK;
}

/* Ordinal 269. */
BOOL WINAPI GUIDFromStringA(LPCSTR s, GUID *guid)
{
	WCHAR wide[40];

	if (!s || !MultiByteToWideChar(CP_ACP, 0, s, -1, wide, ARRAYSIZE(wide)))
		return FALSE;
	return GUIDFromStringW(wide, guid);
}

/* The OBJCOMPATF_* flag each value name under the class's
 * ShellCompatibility\Objects key stands for. */
static const struct {
	const WCHAR *name;
	DWORD flag;
} compat_names[] = {
	{ L"OTNEEDSSFCACHE", 0x1 }, { L"NO_WEBVIEW", 0x2 }, { L"UNBINDABLE", 0x4 },
	{ L"PINDLL", 0x8 }, { L"NEEDSFILESYSANCESTOR", 0x10 }, { L"NOTAFILESYSTEM", 0x20 },
	{ L"CTXMENU_NOVERBS", 0x40 }, { L"CTXMENU_LIMITEDQI", 0x80 },
	{ L"COCREATESHELLFOLDERONLY", 0x100 }, { L"NEEDSSTORAGEANCESTOR", 0x200 },
	{ L"NOLEGACYWEBVIEW", 0x400 }, { L"CTXMENU_XPQCMFLAGS", 0x1000 }, { L"NOIPROPERTYSTORE", 0x2000 },
};

static DWORD compat_flag(const WCHAR *name)
{
	for (unsigned i = 0; i < ARRAYSIZE(compat_names); i++)
		if (!lstrcmpiW(name, compat_names[i].name))
			return compat_names[i].flag;
	return 0;
}

/* Ordinal 476: the shell's compatibility flags for a class (given, or the
 * object's own); 0 when it has none. */
DWORD WINAPI SHGetObjectCompatFlags(IUnknown *punk, const CLSID *clsid)
{
	WCHAR path[128], name[64];
	DWORD flags = 0, len;
	CLSID own;
	HKEY key;

	if (!clsid) {
		if (!punk || FAILED(IUnknown_GetClassID(punk, &own)))
			return 0;
		clsid = &own;
	}
	wnsprintfW(path, ARRAYSIZE(path),
		L"Software\\Microsoft\\Windows\\CurrentVersion\\ShellCompatibility\\Objects\\"
		L"{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
		clsid->Data1, clsid->Data2, clsid->Data3, clsid->Data4[0], clsid->Data4[1], clsid->Data4[2],
		clsid->Data4[3], clsid->Data4[4], clsid->Data4[5], clsid->Data4[6], clsid->Data4[7]);
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE, &key))
		return 0;
	for (DWORD i = 0; len = ARRAYSIZE(name), !RegEnumValueW(key, i, name, &len, NULL, NULL, NULL, NULL); i++)
		flags |= compat_flag(name);
	RegCloseKey(key);
	return flags;
}

/* shlwapi of Windows 10 says 6.0, with the system's build. */
HRESULT WINAPI DllGetVersion(DLLVERSIONINFO *info)
{
	if (!info || (info->cbSize != sizeof(DLLVERSIONINFO) && info->cbSize != sizeof(DLLVERSIONINFO2)))
		return E_INVALIDARG;
	info->dwMajorVersion = 6;
	info->dwMinorVersion = 0;
	info->dwBuildNumber = 19041;
	info->dwPlatformID = DLLVER_PLATFORM_NT;
	if (info->cbSize == sizeof(DLLVERSIONINFO2)) {
		DLLVERSIONINFO2 *info2 = (DLLVERSIONINFO2 *)info;

		info2->dwFlags = 0;
		info2->ullVersion = MAKEDLLVERULL(6, 0, 19041, 0);
	}
	return S_OK;
}
