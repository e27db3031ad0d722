/*
 * What every generated stub does (tools/gen_dll.py writes one descriptor
 * and a two-instruction entry per stub, then jumps to lsw_stub_entry):
 * tell the supervisor (lsw trace shows the call, lsw run --debug names it,
 * an unhandled exception names the last one), then fail as the spec line
 * says: a value with ERROR_CALL_NOT_IMPLEMENTED or errno ENOSYS, or an
 * exception STATUS_NOT_IMPLEMENTED naming DLL!Function when no failure
 * value is safe.  Compiled into each DLL that has stubs; no imports but
 * ntdll's RtlRaiseException.
 */
#include <windows.h>
#include <lsw/lswcall.h>

#define HOW_RAISE 1
#define HOW_LASTERROR 4
#define HOW_ERRNO 8
#define ENOSYS_VALUE 40
#define STATUS_NOT_IMPLEMENTED_CODE 0xC0000002u

struct lsw_stub {
	const char *name;        /* "kernel32!Foo" */
	ULONG64 fail;            /* the result */
	ULONG how;               /* HOW_* */
	ULONG name_len;
};

/* gen_dll.py: msvcrt's _errno, NULL elsewhere */
extern int *(*const lsw_stub_errno)(void);

void NTAPI RtlRaiseException(PEXCEPTION_RECORD);
ULONG64 lsw_stub_fail(const struct lsw_stub *s);

/* Through the SIGSYS path like any NT call; the answer does not matter. */
static void tell_supervisor(const struct lsw_stub *s)
{
	register ULONG64 r10 __asm__("r10") = (ULONG64)s->name;
	ULONG64 rax = LSW_CALL_STUB;

	__asm__ volatile("syscall"
			 : "+a"(rax), "+r"(r10)
			 : "d"((ULONG64)s->name_len)
			 : "rcx", "r11", "memory");
}

static void raise_not_implemented(const struct lsw_stub *s)
{
	EXCEPTION_RECORD rec = { 0 };

	rec.ExceptionCode = STATUS_NOT_IMPLEMENTED_CODE;
	rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
	rec.ExceptionAddress = __builtin_return_address(0);
	rec.NumberParameters = 1;
	rec.ExceptionInformation[0] = (ULONG_PTR)s->name;
	for (;;) /* a handler cannot continue a non-continuable exception */
		RtlRaiseException(&rec);
}

ULONG64 lsw_stub_fail(const struct lsw_stub *s)
{
	tell_supervisor(s);
	if (s->how & HOW_RAISE)
		raise_not_implemented(s);
	if (s->how & HOW_LASTERROR)
		__writegsdword(0x68, ERROR_CALL_NOT_IMPLEMENTED); /* TEB LastErrorValue */
	if ((s->how & HOW_ERRNO) && lsw_stub_errno)
		*lsw_stub_errno() = ENOSYS_VALUE;
	return s->fail;
}

/* rax = the descriptor.  xmm0 is cleared so a float result reads 0.0. */
__asm__(".text\n"
	".globl lsw_stub_entry\n"
	".def lsw_stub_entry; .scl 2; .type 32; .endef\n"
	".seh_proc lsw_stub_entry\n"
	"lsw_stub_entry:\n"
	"\tsubq $40, %rsp\n"
	"\t.seh_stackalloc 40\n"
	"\t.seh_endprologue\n"
	"\tmovq %rax, %rcx\n"
	"\tcall lsw_stub_fail\n"
	"\txorps %xmm0, %xmm0\n"
	"\taddq $40, %rsp\n"
	"\tret\n"
	".seh_endproc\n");
