/*
 * x64 unwinding: RtlLookupFunctionEntry finds a function's RUNTIME_FUNCTION
 * in its image's .pdata (or a table added at run time, function_tables.c), and
 * RtlVirtualUnwind undoes its prolog in a CONTEXT, following the unwind
 * data format Microsoft documents ("x64 exception handling"): UNWIND_INFO,
 * its UNWIND_CODE array, chained entries, and epilogs recognised by their
 * instruction bytes.
 */
#include "exception.h"

#define UWOP_PUSH_NONVOL 0
#define UWOP_ALLOC_LARGE 1
#define UWOP_ALLOC_SMALL 2
#define UWOP_SET_FPREG 3
#define UWOP_SAVE_NONVOL 4
#define UWOP_SAVE_NONVOL_FAR 5
#define UWOP_EPILOG 6          /* version 2; was SAVE_XMM: two slots */
#define UWOP_SPARE 7           /* was SAVE_XMM_FAR: three slots */
#define UWOP_SAVE_XMM128 8
#define UWOP_SAVE_XMM128_FAR 9
#define UWOP_PUSH_MACHFRAME 10

typedef struct {
	BYTE VersionFlags;     /* Version:3, Flags:5 */
	BYTE SizeOfProlog;
	BYTE CountOfCodes;
	BYTE FrameRegOffset;   /* FrameRegister:4, FrameOffset:4 (scaled by 16) */
	USHORT Codes[];        /* CodeOffset:8, UnwindOp:4, OpInfo:4 */
} unwind_info;

#define CODE_OFFSET(c) ((c) & 0xff)
#define CODE_OP(c) (((c) >> 8) & 0xf)
#define CODE_INFO(c) ((c) >> 12)

PRUNTIME_FUNCTION rtl_search_functions(PRUNTIME_FUNCTION t, DWORD n, DWORD rva)
{
	DWORD lo = 0, hi = n;

	while (lo < hi) {
		DWORD mid = lo + (hi - lo) / 2;

		if (rva < t[mid].BeginAddress)
			hi = mid;
		else if (rva >= t[mid].EndAddress)
			lo = mid + 1;
		else
			return &t[mid];
	}
	return NULL;
}

/* An entry whose UnwindData has bit 0 set names another entry (the
 * function shares that one's unwind data). */
static PRUNTIME_FUNCTION resolve(PRUNTIME_FUNCTION f, DWORD64 base)
{
	for (int i = 0; f && (f->UnwindData & 1) && i < 8; i++)
		f = (PRUNTIME_FUNCTION)(base + (f->UnwindData & ~1u));
	return f;
}

RTLAPI PRUNTIME_FUNCTION NTAPI RtlLookupFunctionEntry(DWORD64 pc, PDWORD64 base,
						      PUNWIND_HISTORY_TABLE history)
{
	for (unsigned i = 0; i < ldr_nmodules; i++) {
		struct ldr_module *m = &ldr_modules[i];
		IMAGE_DATA_DIRECTORY *d;

		if (pc < (DWORD64)m->base || pc >= (DWORD64)m->base + m->size)
			continue;
		*base = (DWORD64)m->base;
		d = ldr_dir(m->base, IMAGE_DIRECTORY_ENTRY_EXCEPTION);
		if (!d || !d->VirtualAddress)
			return NULL;
		return resolve(rtl_search_functions((PRUNTIME_FUNCTION)(m->base + d->VirtualAddress),
						    d->Size / sizeof(RUNTIME_FUNCTION),
						    (DWORD)(pc - (DWORD64)m->base)), *base);
	}
	return resolve(rtl_lookup_dynamic_function(pc, base), *base);
}

/* Rax..R15 in the CONTEXT are consecutive, in the encoding's order. */
static DWORD64 *reg(CONTEXT *c, unsigned n)
{
	return &c->Rax + n;
}

static void pop_reg(CONTEXT *c, unsigned n, PKNONVOLATILE_CONTEXT_POINTERS ptrs)
{
	DWORD64 *slot = (DWORD64 *)c->Rsp;

	*reg(c, n) = *slot;
	if (ptrs)
		ptrs->IntegerContext[n] = slot;
	c->Rsp += 8;
}

/* A jmp that ends an epilog (a tail call) leaves the function: a relative
 * one whose target lies inside it is ordinary control flow. */
static BOOL jumps_out(const BYTE *q, DWORD64 begin, DWORD64 end)
{
	DWORD64 to;

	if (q[0] == 0xe9)
		to = (DWORD64)q + 5 + *(const LONG *)(q + 1);
	else if (q[0] == 0xeb)
		to = (DWORD64)q + 2 + (signed char)q[1];
	else
		return (q[0] == 0xff && q[1] == 0x25) ||
		       (q[0] == 0x48 && q[1] == 0xff && q[2] == 0x25);
	return to < begin || to >= end;
}

/* If the instructions at pc are the rest of an epilog (add rsp or lea rsp,
 * pops, then ret or a jump out of [begin, end)), carries them out and
 * returns TRUE: the prolog's codes no longer describe the stack there. */
static BOOL in_epilog(const BYTE *pc, CONTEXT *c, const unwind_info *ui, DWORD64 begin,
		      DWORD64 end, PKNONVOLATILE_CONTEXT_POINTERS ptrs)
{
	const BYTE *p = pc;
	DWORD64 rsp = c->Rsp;
	unsigned fr = ui->FrameRegOffset & 15;

	if ((p[0] & 0xf8) == 0x48 && p[1] == 0x83 && p[2] == 0xc4) {          /* add rsp, imm8 */
		rsp += (signed char)p[3];
		p += 4;
	} else if ((p[0] & 0xf8) == 0x48 && p[1] == 0x81 && p[2] == 0xc4) {   /* add rsp, imm32 */
		rsp += *(const LONG *)(p + 3);
		p += 7;
	} else if ((p[0] & 0xfe) == 0x48 && p[1] == 0x8d && fr &&
		   (p[2] & 0x38) == 0x20 && ((p[0] & 1) << 3 | (p[2] & 7)) == fr) { /* lea rsp, [fr+d] */
		rsp = *reg(c, fr);
		if ((p[2] >> 6) == 1) {
			rsp += (signed char)p[3];
			p += 4;
		} else if ((p[2] >> 6) == 2) {
			rsp += *(const LONG *)(p + 3);
			p += 7;
		} else {
			return FALSE;
		}
	}
	for (const BYTE *q = p;; ) {  /* pops, then the way out */
		if ((q[0] & 0xf8) == 0x58) {
			q++;
		} else if (q[0] == 0x41 && (q[1] & 0xf8) == 0x58) {
			q += 2;
		} else if (q[0] == 0xc3 || (q[0] == 0xf3 && q[1] == 0xc3) ||
			   jumps_out(q, begin, end)) {
			break;
		} else {
			return FALSE;
		}
	}
	c->Rsp = rsp;
	for (;;) {
		if ((p[0] & 0xf8) == 0x58) {
			pop_reg(c, p[0] & 7, ptrs);
			p++;
		} else if (p[0] == 0x41 && (p[1] & 0xf8) == 0x58) {
			pop_reg(c, 8 + (p[1] & 7), ptrs);
			p += 2;
		} else {
			break;
		}
	}
	c->Rip = *(DWORD64 *)c->Rsp;
	c->Rsp += 8;
	return TRUE;
}

/* Undoes one UNWIND_INFO's codes that have run (those whose CodeOffset is
 * at most pc_off).  frame is the rsp the prolog left: SAVE offsets count
 * from it.  Returns TRUE if a machine frame replaced the return. */
static BOOL apply_codes(const unwind_info *ui, DWORD pc_off, CONTEXT *c, DWORD64 frame,
			PKNONVOLATILE_CONTEXT_POINTERS ptrs)
{
	const USHORT *code = ui->Codes;
	unsigned n = ui->CountOfCodes;

	for (unsigned i = 0; i < n; ) {
		USHORT k = code[i];
		unsigned op = CODE_OP(k), info = CODE_INFO(k), slots = 1;
		BOOL ran = CODE_OFFSET(k) <= pc_off;
		DWORD off;

		switch (op) {
		case UWOP_ALLOC_LARGE: slots = info ? 3 : 2; break;
		case UWOP_SAVE_NONVOL: case UWOP_SAVE_XMM128: case UWOP_EPILOG: slots = 2; break;
		case UWOP_SAVE_NONVOL_FAR: case UWOP_SAVE_XMM128_FAR: case UWOP_SPARE: slots = 3; break;
		}
		if (i + slots > n)
			break;
		if (ran) {
			switch (op) {
			case UWOP_PUSH_NONVOL:
				pop_reg(c, info, ptrs);
				break;
			case UWOP_ALLOC_LARGE:
				c->Rsp += info ? *(const DWORD *)&code[i + 1] : code[i + 1] * 8u;
				break;
			case UWOP_ALLOC_SMALL:
				c->Rsp += info * 8 + 8;
				break;
			case UWOP_SET_FPREG:
				c->Rsp = *reg(c, ui->FrameRegOffset & 15) - (ui->FrameRegOffset >> 4) * 16;
				break;
			case UWOP_SAVE_NONVOL:
			case UWOP_SAVE_NONVOL_FAR:
				off = op == UWOP_SAVE_NONVOL ? code[i + 1] * 8u : *(const DWORD *)&code[i + 1];
				*reg(c, info) = *(DWORD64 *)(frame + off);
				if (ptrs)
					ptrs->IntegerContext[info] = (DWORD64 *)(frame + off);
				break;
			case UWOP_SAVE_XMM128:
			case UWOP_SAVE_XMM128_FAR:
				off = op == UWOP_SAVE_XMM128 ? code[i + 1] * 16u : *(const DWORD *)&code[i + 1];
				memcpy(&(&c->Xmm0)[info], (void *)(frame + off), 16);
				if (ptrs)
					ptrs->FloatingContext[info] = (PM128A)(frame + off);
				break;
			case UWOP_PUSH_MACHFRAME: {
				const DWORD64 *m = (const DWORD64 *)(c->Rsp + (info ? 8 : 0));

				c->Rip = m[0];
				c->EFlags = (DWORD)m[2];
				c->Rsp = m[3];
				return TRUE;
			}
			}
		}
		i += slots;
	}
	return FALSE;
}

static const unwind_info *info_of(DWORD64 base, PRUNTIME_FUNCTION f)
{
	return (const unwind_info *)(base + f->UnwindData);
}

/* The frame the prolog established: the frame register less its offset
 * once SET_FPREG has run, else rsp. */
static DWORD64 frame_of(const unwind_info *ui, DWORD pc_off, CONTEXT *c)
{
	unsigned fr = ui->FrameRegOffset & 15;

	if (fr)
		for (unsigned i = 0; i < ui->CountOfCodes; i++)
			if (CODE_OP(ui->Codes[i]) == UWOP_SET_FPREG && CODE_OFFSET(ui->Codes[i]) <= pc_off)
				return *reg(c, fr) - (ui->FrameRegOffset >> 4) * 16;
	return c->Rsp;
}

RTLAPI PEXCEPTION_ROUTINE NTAPI RtlVirtualUnwind(DWORD type, DWORD64 base, DWORD64 pc,
						 PRUNTIME_FUNCTION f, PCONTEXT c, PVOID *data,
						 PDWORD64 establisher,
						 PKNONVOLATILE_CONTEXT_POINTERS ptrs)
{
	const unwind_info *ui = info_of(base, f);
	PEXCEPTION_ROUTINE handler = NULL;
	DWORD pc_off = (DWORD)(pc - base - f->BeginAddress);
	BOOL machframe = FALSE;

	*establisher = frame_of(ui, pc_off, c); /* *data: only with a handler */
	if (pc_off >= ui->SizeOfProlog && in_epilog((const BYTE *)pc, c, ui, base + f->BeginAddress,
						 base + f->EndAddress, ptrs))
		return NULL;
	for (int depth = 0; depth < 32; depth++) {
		unsigned flags = ui->VersionFlags >> 3, n = (ui->CountOfCodes + 1u) & ~1u;
		DWORD64 frame = frame_of(ui, pc_off, c);

		machframe = apply_codes(ui, pc_off, c, frame, ptrs);
		if (machframe || !(flags & UNW_FLAG_CHAININFO)) {
			if ((flags & type & (UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER)) &&
			    pc_off >= ui->SizeOfProlog) {
				const DWORD *h = (const DWORD *)&ui->Codes[n];

				handler = (PEXCEPTION_ROUTINE)(base + h[0]);
				*data = (PVOID)(h + 1);
			}
			break;
		}
		/* the chained entry (the function's main part) ran in full */
		f = (PRUNTIME_FUNCTION)&ui->Codes[n];
		ui = info_of(base, f);
		pc_off = ~0u;
	}
	if (!machframe) {
		c->Rip = *(DWORD64 *)c->Rsp;
		c->Rsp += 8;
	}
	return handler;
}
