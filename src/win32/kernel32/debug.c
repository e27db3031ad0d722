/* DebugBreak: a breakpoint exception, which a debugger or the program's
 * handlers see and which otherwise ends the process (STATUS_BREAKPOINT). */
#include "k32_private.h"

K32API void WINAPI DebugBreak(void)
{
	__debugbreak();
}
