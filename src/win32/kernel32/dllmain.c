/* kernel32's entry point. */
#include "k32_private.h"

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
	/* GetCommandLineA returns the same pointer for the life of the
	 * process, so the conversion is done once, here. */
	if (reason == DLL_PROCESS_ATTACH) {
		k32_init_command_line();
		k32_init_console_ctrl();
	}
	return TRUE;
}
