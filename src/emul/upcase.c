/* NT's case folding for names: see upcase.h.  The table is the one our
 * Windows side's NLS uses (src/win32/nls/case_table.h, generated from the
 * Unicode data): one description of upper-casing for both sides. */
#include "emul/upcase.h"

struct nls_case_range {
	unsigned first, last;
	int delta;
};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-const-variable"
#include "win32/nls/case_table.h"
#pragma GCC diagnostic pop

uint16_t nt_upcase(uint16_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z' ? c - 32 : c;
	return (uint16_t)(c + case_upper_blocks[case_upper_pages[c >> 8]][c & 0xFF]);
}
