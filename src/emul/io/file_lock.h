/* Byte-range locks (NtLockFile/NtUnlockFile), mandatory as on Windows. */
#ifndef LSW_FILE_LOCK_H
#define LSW_FILE_LOCK_H

#include <stdbool.h>
#include "emul/io/file.h"

/* May f read (write) [off, off + len) with the locks now held? */
NTSTATUS lock_check_io(const struct file_object *f, uint64_t off, uint64_t len, bool write);
/* f is closing: its locks go, and waiters may now get theirs. */
void lock_release_all(const struct file_object *f);

#endif
