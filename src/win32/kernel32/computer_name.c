/*
 * The computer's names: the NetBIOS name (COMPUTERNAME, which the
 * supervisor sets from the registry's ComputerName), and the DNS names
 * GetComputerNameEx gives: the host name is the same name, and a sandbox
 * belongs to no DNS domain.
 */
#include "k32_private.h"

/* COMPUTERNAME from the environment (the supervisor sets it), else a
 * fixed name. */
K32API BOOL WINAPI GetComputerNameW(LPWSTR buf, LPDWORD size)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = GetEnvironmentVariableW(L"COMPUTERNAME", name, MAX_COMPUTERNAME_LENGTH + 1);

	if (!n || n > MAX_COMPUTERNAME_LENGTH) {
		memcpy(name, L"LSW", 4 * sizeof(WCHAR));
		n = 3;
	}
	if (*size <= n) {
		*size = n + 1;
		return k32_error(ERROR_BUFFER_OVERFLOW);
	}
	memcpy(buf, name, (n + 1) * sizeof(WCHAR));
	*size = n;
	return TRUE;
}

K32API BOOL WINAPI GetComputerNameA(LPSTR buf, LPDWORD size)
{
	WCHAR w[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n = MAX_COMPUTERNAME_LENGTH + 1;

	if (!GetComputerNameW(w, &n))
		return FALSE;
	if (*size <= n) {
		*size = n + 1;
		return k32_error(ERROR_BUFFER_OVERFLOW);
	}
	k32_w_to_a(w, n, buf);
	*size = n;
	return TRUE;
}

/* COMPUTER_NAME_FORMAT */
enum { NAME_NETBIOS, NAME_DNS_HOST, NAME_DNS_DOMAIN, NAME_DNS_FULL, NAME_FORMATS = 8 };

/* The name of that format into out (room for MAX_COMPUTERNAME_LENGTH + 1). */
static BOOL name_of(COMPUTER_NAME_FORMAT format, WCHAR *out)
{
	DWORD n = MAX_COMPUTERNAME_LENGTH + 1;

	if ((unsigned)format >= NAME_FORMATS)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (format % 4 == NAME_DNS_DOMAIN) { /* and PhysicalDnsDomain */
		out[0] = 0;
		return TRUE;
	}
	return GetComputerNameW(out, &n);
}

/* The name of that format into name and its length into *n, when *size
 * (with its NUL) lets buf take it; else ERROR_MORE_DATA and the size
 * needed in *size. */
static BOOL name_fits(COMPUTER_NAME_FORMAT format, const void *buf, LPDWORD size,
		      WCHAR name[MAX_COMPUTERNAME_LENGTH + 1], DWORD *n)
{
	if (!size)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!name_of(format, name))
		return FALSE;
	*n = (DWORD)wcslen(name);
	if (!buf || *size <= *n) {
		*size = *n + 1;
		return k32_error(ERROR_MORE_DATA);
	}
	*size = *n;
	return TRUE;
}

K32API BOOL WINAPI GetComputerNameExW(COMPUTER_NAME_FORMAT format, LPWSTR buf, LPDWORD size)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n;

	if (!name_fits(format, buf, size, name, &n))
		return FALSE;
	memcpy(buf, name, (n + 1) * sizeof(WCHAR));
	return TRUE;
}

K32API BOOL WINAPI GetComputerNameExA(COMPUTER_NAME_FORMAT format, LPSTR buf, LPDWORD size)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD n;

	if (!name_fits(format, buf, size, name, &n))
		return FALSE;
	k32_w_to_a(name, n, buf); /* the names are ASCII */
	return TRUE;
}
