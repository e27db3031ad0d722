/* advapi32's entry point: nothing to set up, the predefined keys are
 * opened on first use (root.c). */
#include "adv_private.h"

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
	return TRUE;
}
