/*
 * InitializeContext(2): a CONTEXT laid out in a caller's buffer, aligned
 * to 16 bytes as the structure requires; with no buffer, or one too
 * small, the size needed (ERROR_INSUFFICIENT_BUFFER), which is how
 * callers ask for it.  No extended processor state is enabled here
 * (GetEnabledXStateFeatures reports none), so a context asking for
 * CONTEXT_XSTATE cannot be made: ERROR_NOT_SUPPORTED.
 */
#include "k32_private.h"

#define CONTEXT_XSTATE_FLAG 0x00000040u /* with CONTEXT_AMD64 */

K32API BOOL WINAPI InitializeContext2(void *buffer, DWORD flags, CONTEXT **context,
				       DWORD *length, ULONG64 compaction_mask)
{
	DWORD need = sizeof(CONTEXT) + 15;
	ULONG_PTR aligned;

	if (!length)
		return k32_error(ERROR_INVALID_PARAMETER);
	if ((flags & CONTEXT_AMD64) && (flags & CONTEXT_XSTATE_FLAG))
		return k32_error(ERROR_NOT_SUPPORTED);
	if (!buffer || *length < need) {
		*length = need;
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	}
	if (!context)
		return k32_error(ERROR_INVALID_PARAMETER);
	aligned = ((ULONG_PTR)buffer + 15) & ~(ULONG_PTR)15;
	*context = (CONTEXT *)aligned;
	(*context)->ContextFlags = flags;
	return TRUE;
}

K32API BOOL WINAPI InitializeContext(void *buffer, DWORD flags, CONTEXT **context, DWORD *length)
{
	return InitializeContext2(buffer, flags, context, length, 0);
}
