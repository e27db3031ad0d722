/* bcryptprimitives.dll: nothing to set up; the generator seeds itself on
 * first use (prng.c). */
#include "prng_private.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	return TRUE;
}
