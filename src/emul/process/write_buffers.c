/*
 * NtFlushProcessWriteBuffers: every processor running a thread of the
 * process drains its store buffer before the call returns (Windows sends
 * them an interrupt).  The calling thread does it with the kernel's
 * membarrier over its own process (LSW_OP_MEMBARRIER), which interrupts
 * exactly the CPUs running the process's threads and waits for them; a
 * thread not running passes a barrier when it next enters user mode.
 */
#include "emul/emul.h"

NTSTATUS nt_NtFlushProcessWriteBuffers(struct nt_call *c)
{
	nt_add_op(c, LSW_OP_MEMBARRIER);
	return LSW_STATUS_SUCCESS;
}
