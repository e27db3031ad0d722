/* Share modes between handles to one file (STATUS_SHARING_VIOLATION). */
#ifndef LSW_SHARE_H
#define LSW_SHARE_H

#include <sys/types.h>
#include "emul/emul.h"

struct file_object;

/* May a handle with `access` and `share` open the file (dev, ino) now,
 * with the handles open in host h? */
NTSTATUS share_check(const struct lsw_host *h, dev_t dev, ino_t ino, uint32_t access,
		     uint32_t share);
/* Records f's open (in its host); share_forget when f goes away. */
int share_record(struct file_object *f, dev_t dev, ino_t ino, uint32_t access, uint32_t share);
void share_forget(struct file_object *f);

#endif
