/* MiniDumpWriteDump and StackWalk64, which the sandbox does not offer: a
 * minidump fails with HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) as its last
 * error (MiniDumpWriteDump's errors are HRESULTs), and a stack walk ends
 * at once (FALSE: no frame), which callers take as the end of the stack;
 * it sets no error, as documented. */
#include "dbghelp_private.h"

DBG_API BOOL WINAPI MiniDumpWriteDump(HANDLE process, DWORD pid, HANDLE file, MINIDUMP_TYPE type,
				      PMINIDUMP_EXCEPTION_INFORMATION exception,
				      PMINIDUMP_USER_STREAM_INFORMATION user,
				      PMINIDUMP_CALLBACK_INFORMATION callback)
{
	return dbg_fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
}

DBG_API BOOL WINAPI StackWalk64(DWORD machine, HANDLE process, HANDLE thread, LPSTACKFRAME64 frame,
				PVOID context, PREAD_PROCESS_MEMORY_ROUTINE64 read_memory,
				PFUNCTION_TABLE_ACCESS_ROUTINE64 function_table,
				PGET_MODULE_BASE_ROUTINE64 module_base,
				PTRANSLATE_ADDRESS_ROUTINE64 translate)
{
	return FALSE;
}
