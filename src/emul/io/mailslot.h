/*
 * Mailslots: one-way message queues with a name under \Device\Mailslot.
 * NtCreateMailslotFile makes one (its server end, which only reads);
 * NtCreateFile of \??\mailslot\NAME opens a client end, which only
 * writes, from any process of the host.  Each write is one message, read
 * whole, oldest first.  A read with no message waits up to the slot's
 * ReadTimeout, then fails with STATUS_IO_TIMEOUT.  The name lives as long
 * as the server end.
 */
#ifndef LSW_MAILSLOT_H
#define LSW_MAILSLOT_H

#include "emul/io/file.h"

struct ms_message;
struct ms_reader;

struct mailslot {
	struct mailslot *next;       /* the host's mailslots */
	struct lsw_host *host;
	unsigned refs;               /* the server end and each client end */
	bool closed;                 /* its server end went */
	uint16_t *name;              /* after \Device\Mailslot\ */
	size_t name_len;
	uint32_t max_message, quota;
	int64_t read_timeout;        /* 100 ns units, -1: forever */
	struct ms_message *first, *last;
	uint32_t count;
	size_t bytes;                /* held in messages */
	struct ms_reader *readers;   /* reads waiting, oldest first */
};

/* mailslot.c: NtCreateFile/NtOpenFile of a mailslot name: true when oa
 * names one (*st the call's status); \Device\Mailslot's handle keeps the
 * open's FILE_*_IO options (FileModeInformation). */
bool mailslot_open(struct nt_call *c, uint64_t handle_out, uint32_t access, uint64_t oa,
		   uint64_t iosb, uint32_t options, NTSTATUS *st);
/* The file of an end goes. */
void mailslot_end_close(struct file_object *f);

/* mailslot_io.c */
NTSTATUS mailslot_read(struct nt_call *c, struct file_object *f);
NTSTATUS mailslot_write(struct nt_call *c, struct file_object *f);
/* FileMailslotQueryInformation / FileMailslotSetInformation; *handled
 * false for other classes. */
NTSTATUS mailslot_query_info(struct nt_call *c, struct file_object *f, uint32_t cls,
			     bool *handled);
NTSTATUS mailslot_set_info(struct nt_call *c, struct file_object *f, uint32_t cls,
			   bool *handled);
/* The server end went: its name goes, every waiting read ends, the
 * messages are dropped. */
void mailslot_drop_all(struct mailslot *m);
void mailslot_drop_messages(struct mailslot *m);
/* An NT ReadTimeout (0: none; negative: relative, 100 ns; -1: forever)
 * as kept in struct mailslot. */
int64_t mailslot_timeout(int64_t nt);

#endif
