/* Names for code addresses of a Windows process (lsw trace -k):
 * module!export+0xoff from the module's export table read from tracee
 * memory, module+0xoff when no export is near, 0x... outside any image. */
#ifndef LSW_SYMBOLIZE_H
#define LSW_SYMBOLIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "emul/emul.h"

/* return_address: addr follows a call, which is what belongs to the
 * function (addr - 1 is looked up; addr is what the offset shows). */
void symbolize_code(struct lsw_thread *t, uint64_t addr, bool return_address,
		    char *buf, size_t len);

#endif
