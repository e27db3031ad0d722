/* Expands include/lsw/ntcalls.def into the table: handlers for IMPL rows. */
#include "emul/ntcall_table.h"

#define NTCALL(num, name, nargs, klass, support) NTCALL_DECL_##support(name)
#define NTCALL_DECL_IMPL(name) nt_handler nt_##name;
#define NTCALL_DECL_DIRECT(name) nt_handler nt_##name;
#define NTCALL_DECL_NI(name)
#include <lsw/ntcalls.def>
#undef NTCALL

#define NTCALL_FN_IMPL(name) nt_##name
#define NTCALL_FN_DIRECT(name) nt_##name
#define NTCALL_DIRECT_IMPL 0
#define NTCALL_DIRECT_DIRECT 1
#define NTCALL_DIRECT_NI 0
#define NTCALL_FN_NI(name) 0
#define NTCALL(num, name, nargs, klass, support) \
	{ num, nargs, NT_CLASS_##klass, NTCALL_DIRECT_##support, #name, \
	  NTCALL_FN_##support(name) },
const struct nt_row nt_rows[] = {
#include <lsw/ntcalls.def>
};
#undef NTCALL

const unsigned nt_nrows = sizeof(nt_rows) / sizeof(nt_rows[0]);

/* The rows are sorted by number and, for Windows 10 22H2, dense from 0:
 * the number is the index.  A binary search keeps this right should a
 * future build column leave gaps. */
int nt_row_by_number(uint32_t number)
{
	unsigned lo = 0, hi = nt_nrows;

	if (number < nt_nrows && nt_rows[number].number == number)
		return (int)number;
	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;

		if (nt_rows[mid].number == number)
			return (int)mid;
		if (nt_rows[mid].number < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}
