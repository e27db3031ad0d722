/*
 * RtlCaptureStackBackTrace: the return addresses of the calling thread's
 * frames, found with the same unwind data exception dispatch uses (the
 * images' .pdata and the tables added at run time), so generated code
 * that registered its unwind data shows up like any other function.
 */
#include "exception.h"

/* Moves c to its caller's frame; FALSE at the end of the stack. */
static BOOL step(CONTEXT *c)
{
	DWORD64 base, frame;
	PRUNTIME_FUNCTION f = RtlLookupFunctionEntry(c->Rip, &base, NULL);
	PVOID data;

	if (!in_stack(c->Rsp))
		return FALSE;
	if (f) {
		RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, c->Rip, f, c, &data, &frame, NULL);
	} else { /* a leaf: its return address is at rsp */
		c->Rip = *(DWORD64 *)c->Rsp;
		c->Rsp += 8;
	}
	return c->Rip && in_stack(c->Rsp);
}

/* Frame 0 is our caller's; the hash is the sum of the addresses, so equal
 * traces hash alike. */
RTLAPI USHORT NTAPI RtlCaptureStackBackTrace(ULONG skip, ULONG count, PVOID *trace, PULONG hash)
{
	ULONG n = 0, sum = 0;
	CONTEXT c;

	RtlCaptureContext(&c);
	while (n < count && n < 0xffff && step(&c)) {
		if (skip) {
			skip--;
			continue;
		}
		trace[n++] = (PVOID)c.Rip;
		sum += (ULONG)c.Rip;
	}
	if (hash)
		*hash = sum;
	return (USHORT)n;
}
