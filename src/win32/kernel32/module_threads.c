/* DisableThreadLibraryCalls: the module's DllMain no longer hears of
 * threads starting and ending (ntdll's LdrDisableThreadCalloutsForDll). */
#include "k32_private.h"

NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(void *base);

K32API BOOL WINAPI DisableThreadLibraryCalls(HMODULE module)
{
	NTSTATUS st = LdrDisableThreadCalloutsForDll(module);
	return st < 0 ? k32_fail(st) : TRUE;
}
