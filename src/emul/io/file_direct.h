/* One-copy NtReadFile/NtWriteFile of disk files (file_direct.c). */
#ifndef LSW_FILE_DIRECT_H
#define LSW_FILE_DIRECT_H

#include <stdbool.h>
#include "emul/io/file.h"

/* Serves the call by handing the data movement to the runtime, if the call
 * allows it: true with *st its status, false when the caller serves it
 * (the chunked path).  off: as read_offset gives it; start: where the
 * write lands. */
bool file_direct_read(struct nt_call *c, struct file_object *f, int64_t off, NTSTATUS *st);
bool file_direct_write(struct nt_call *c, struct file_object *f, uint64_t start, NTSTATUS *st);
/* LSW_REQ_CONTINUE after the runtime's pread64/pwrite64 gave something
 * else than expected: ends the call with what it did. */
NTSTATUS file_direct_continue(struct lsw_thread *t);
/* Forgets a one-copy I/O the runtime did not come back for. */
void file_direct_drop(struct lsw_thread *t);

#endif
