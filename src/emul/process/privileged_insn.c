/*
 * A general protection fault with no error code is, to Linux, just
 * SIGSEGV; Windows looks at the instruction and reports a privileged one
 * (I/O, the interrupt flag, hlt, moves to and from control and debug
 * registers) as STATUS_PRIVILEGED_INSTRUCTION rather than an access
 * violation.
 */
#include "emul/process/exception.h"

#define MAX_INSN 15

static bool is_prefix(uint8_t b)
{
	return b == 0x66 || b == 0x67 || b == 0xf2 || b == 0xf3 || b == 0xf0 || b == 0x2e ||
	       b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 || b == 0x65 ||
	       (b >= 0x40 && b <= 0x4f); /* REX */
}

static bool privileged_opcode(const uint8_t *op, size_t n)
{
	if (n >= 1 && (op[0] == 0xf4 || op[0] == 0xfa || op[0] == 0xfb ||      /* hlt cli sti */
		       (op[0] >= 0x6c && op[0] <= 0x6f) ||                      /* ins outs */
		       (op[0] >= 0xe4 && op[0] <= 0xe7) ||                      /* in out imm8 */
		       (op[0] >= 0xec && op[0] <= 0xef)))                       /* in out dx */
		return true;
	if (n < 2 || op[0] != 0x0f)
		return false;
	return op[1] >= 0x20 && op[1] <= 0x23; /* mov cr, dr */
}

bool privileged_instruction(struct lsw_thread *t, uint64_t rip)
{
	uint8_t insn[MAX_INSN];
	size_t n = MAX_INSN, i = 0;

	/* the instruction may end at the end of its mapping */
	while (n && tracee_read(t, rip, insn, n) < 0)
		n = (rip & 4095) + n > 4096 ? 4096 - (rip & 4095) : 0;
	while (i < n && is_prefix(insn[i]))
		i++;
	return privileged_opcode(insn + i, n - i);
}
