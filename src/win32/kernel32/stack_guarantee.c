/*
 * SetThreadStackGuarantee: the stack a thread keeps for handling its own
 * stack overflow, in TEB.GuaranteedStackBytes (+0x1748).  As documented,
 * 0 only asks, a smaller value than the current one changes nothing, and
 * the previous value comes back (also when the size is refused); more
 * than the stack's reserve fails.
 */
#include "k32_private.h"

#define TEB_STACK_BASE 0x08
#define TEB_DEALLOCATION_STACK 0x1478
#define TEB_GUARANTEED_STACK_BYTES 0x1748
#define PAGE 0x1000
/* a guarantee is at least two pages on x64: Windows keeps 8192 for 200
 * (Wine's kernel32 thread test, which passes there) */
#define MIN_GUARANTEE (2 * PAGE)

K32API BOOL WINAPI SetThreadStackGuarantee(PULONG size)
{
	ULONG old = (ULONG)__readgsdword(TEB_GUARANTEED_STACK_BYTES), want;
	ULONG_PTR reserve = __readgsqword(TEB_STACK_BASE) - __readgsqword(TEB_DEALLOCATION_STACK);

	if (!size)
		return k32_error(ERROR_INVALID_PARAMETER);
	want = *size;
	*size = old; /* a refused size gets it too */
	if (want > reserve || want > ~0u - PAGE)
		return k32_error(ERROR_INVALID_PARAMETER);
	want = (want + PAGE - 1) & ~(ULONG)(PAGE - 1);
	if (want && want < MIN_GUARANTEE)
		want = MIN_GUARANTEE;
	if (want > old)
		__writegsdword(TEB_GUARANTEED_STACK_BYTES, want);
	return TRUE;
}
