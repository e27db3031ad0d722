/* The NT call table (include/lsw/ntcalls.def) as data for the supervisor
 * and the tracer. */
#ifndef LSW_NTCALL_TABLE_H
#define LSW_NTCALL_TABLE_H

#include <stdint.h>

enum nt_class {
	NT_CLASS_FILE, NT_CLASS_KEY, NT_CLASS_MEMORY, NT_CLASS_PROCESS,
	NT_CLASS_SYNC, NT_CLASS_SECURITY, NT_CLASS_OBJECT, NT_CLASS_TIME,
	NT_CLASS_SYSINFO, NT_CLASS_OTHER,
};

struct nt_call;
typedef uint32_t nt_handler(struct nt_call *c);

struct nt_row {
	uint16_t number;
	int8_t nargs;            /* -1: not described yet */
	uint8_t klass;
	uint8_t direct;          /* served straight from the seccomp notification */
	const char *name;
	nt_handler *handler;     /* NULL: STATUS_NOT_IMPLEMENTED */
};

extern const struct nt_row nt_rows[];
extern const unsigned nt_nrows;

/* Row index for an NT number (eax), or -1. */
int nt_row_by_number(uint32_t number);

#endif
