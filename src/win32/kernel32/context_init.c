/*
 * InitializeContext(2): a CONTEXT laid out in a caller's buffer, aligned
 * to 16 bytes as the structure requires; with no buffer, or one too
 * small, the size needed (ERROR_INSUFFICIENT_BUFFER), which is how
 * callers ask for it.  No extended processor state beyond the legacy x87
 * and SSE state (which every CONTEXT holds in FltSave) is enabled here
 * (GetEnabledXStateFeatures), so a context asking for CONTEXT_XSTATE
 * cannot be made: ERROR_NOT_SUPPORTED; LocateXStateFeature finds the two
 * legacy features in FltSave and no other.
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

K32API DWORD64 WINAPI GetEnabledXStateFeatures(void)
{
	return (1ull << XSTATE_LEGACY_FLOATING_POINT) | (1ull << XSTATE_LEGACY_SSE);
}

/* In any x64 CONTEXT: x87's state is FltSave up to the XMM registers,
 * SSE's the 16 XMM registers; *length untouched when not found. */
K32API PVOID WINAPI LocateXStateFeature(PCONTEXT context, DWORD feature, PDWORD length)
{
	if (!context || (context->ContextFlags & CONTEXT_AMD64) != CONTEXT_AMD64)
		return NULL;
	if (feature == XSTATE_LEGACY_FLOATING_POINT) {
		if (length)
			*length = offsetof(XSAVE_FORMAT, XmmRegisters);
		return &context->FltSave;
	}
	if (feature == XSTATE_LEGACY_SSE) {
		if (length)
			*length = sizeof(context->FltSave.XmmRegisters);
		return context->FltSave.XmmRegisters;
	}
	return NULL;
}
