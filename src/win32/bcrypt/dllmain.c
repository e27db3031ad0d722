/* bcrypt.dll: nothing to set up; providers are opened on demand. */
#include "bcrypt_private.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	return TRUE;
}
