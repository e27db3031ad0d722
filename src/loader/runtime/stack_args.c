/*
 * An NT call's arguments past the fourth, copied from the caller's stack
 * into the thread block so the supervisor needs no read of the stack: by
 * the SIGSYS handler (signals.c) and by the fast channel for the calls of
 * fastcalls.def that have them (fastcall.c).
 */
#include "runtime.h"

/* How many arguments past the fourth each NT call takes (ntcalls.def). */
static const unsigned char stack_arg_count[] = {
#define NTCALL(num, name, nargs, klass, support) [num] = (nargs) > 4 ? (nargs) - 4 : 0,
#include <lsw/ntcalls.def>
#undef NTCALL
};
_Static_assert(sizeof(stack_arg_count) < 0x1000, "NT numbers are below 0x1000");

/* rsp: the caller's, at its syscall (or at the stub's call, return
 * address popped); argument n (1-based, n > 4) sits at rsp + 8 * n.  On a
 * bad stack none (nstack 0: the supervisor then finds the fault). */
void lsw_copy_stack_args(struct lsw_thread_block *b, unsigned nr, unsigned long long rsp)
{
	unsigned long n = nr < sizeof(stack_arg_count) ? stack_arg_count[nr] : 0;

	if (n > LSW_MAX_STACK_ARGS || rsp + 0x28 < rsp)
		n = 0;
	b->nstack = n ? (unsigned)lsw_copy_qwords(b->stack_args, (void *)(rsp + 0x28), n) : 0;
}
