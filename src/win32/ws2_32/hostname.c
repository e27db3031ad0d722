/* The computer's name, as gethostname and name resolution know it: the
 * one GetComputerNameW reports (the prefix's registry: "LSW"). */
#include "ws_private.h"

int ws_host_name(char *out, size_t len)
{
	WCHAR w[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = ARRAYSIZE(w);
	size_t i;

	if (!GetComputerNameW(w, &n))
		n = 0;
	if (n + 1 > len)
		return WSAEFAULT;
	for (i = 0; i < n; i++)
		out[i] = w[i] < 0x80 ? (char)w[i] : '?';
	out[i] = 0;
	return 0;
}

BOOL ws_is_local_name(const char *name)
{
	char host[MAX_COMPUTERNAME_LENGTH + 1];
	size_t n = strlen(name);

	if (n && name[n - 1] == '.')
		n--; /* a fully qualified form */
	if (n == 9 && !_strnicmp(name, "localhost", 9))
		return TRUE;
	return !ws_host_name(host, sizeof(host)) && n == strlen(host) && !_strnicmp(name, host, n);
}
