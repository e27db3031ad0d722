/* GetComputerObjectNameA/W: the computer's name in the directory.  The
 * sandbox's computer belongs to no domain, so it has no directory name:
 * every format fails with ERROR_CANT_ACCESS_DOMAIN_INFO (what Windows
 * answers off a domain, one of the errors Wine's secur32 test accepts),
 * NameUnknown with ERROR_INVALID_PARAMETER. */
#define SECURITY_WIN32
#include <windows.h>
#include <sspi.h>
#include <secext.h>

static BOOLEAN no_directory_name(EXTENDED_NAME_FORMAT format, PULONG size)
{
	SetLastError(format == NameUnknown || !size ? ERROR_INVALID_PARAMETER : ERROR_CANT_ACCESS_DOMAIN_INFO);
	return FALSE;
}

__declspec(dllexport) BOOLEAN SEC_ENTRY GetComputerObjectNameW(EXTENDED_NAME_FORMAT format, LPWSTR name,
							       PULONG size)
{
	return no_directory_name(format, size);
}

__declspec(dllexport) BOOLEAN SEC_ENTRY GetComputerObjectNameA(EXTENDED_NAME_FORMAT format, LPSTR name,
							       PULONG size)
{
	return no_directory_name(format, size);
}
