/*
 * UnDecorateSymbolName(W), minimally: a name that is not MSVC-decorated
 * (no leading '?') comes back as it is; a decorated one gives its
 * qualified name, "?name@scope1@scope2@@..." -> "scope2::scope1::name",
 * which is what UNDNAME_NAME_ONLY asks and what a stack trace needs most.
 * Special names ("??0" constructors, operators, templates) come back
 * decorated: no full undecoration is attempted.
 */
#include "dbghelp_private.h"

/* The qualified name of a decorated one into out; FALSE if not that form. */
static BOOL qualified(const char *in, char *out, DWORD cap)
{
	const char *parts[16], *p = in + 1;
	int lens[16], n = 0;
	DWORD len = 0;

	if (in[0] != '?' || in[1] == '?' || in[1] == '$')
		return FALSE;
	while (*p && *p != '@') {
		const char *at = strchr(p, '@');

		if (!at || n == 16)
			return FALSE;
		parts[n] = p;
		lens[n++] = (int)(at - p);
		p = at + 1;
	}
	if (*p != '@' || !n)
		return FALSE;
	for (int i = n - 1; i >= 0; i--) {
		if (len + (DWORD)lens[i] + 3 > cap)
			return FALSE;
		memcpy(out + len, parts[i], (size_t)lens[i]);
		len += (DWORD)lens[i];
		if (i)
			memcpy(out + len, "::", 2), len += 2;
	}
	out[len] = 0;
	return TRUE;
}

DBG_API DWORD WINAPI UnDecorateSymbolName(PCSTR name, PSTR out, DWORD len, DWORD flags)
{
	if (!name || !out || !len) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return 0;
	}
	if (!qualified(name, out, len))
		lstrcpynA(out, name, (int)len);
	return (DWORD)lstrlenA(out);
}

DBG_API DWORD WINAPI UnDecorateSymbolNameW(PCWSTR name, PWSTR out, DWORD len, DWORD flags)
{
	char a[1024], u[1024];
	DWORD n;

	if (!name || !out || !len) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return 0;
	}
	if (!WideCharToMultiByte(CP_ACP, 0, name, -1, a, sizeof(a), NULL, NULL))
		return 0;
	n = UnDecorateSymbolName(a, u, len < sizeof(u) ? len : sizeof(u), flags);
	MultiByteToWideChar(CP_ACP, 0, u, -1, out, (int)len);
	return n;
}
