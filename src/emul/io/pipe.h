/* Pipes (pipe.c). */
#ifndef LSW_PIPE_H
#define LSW_PIPE_H

#include "emul/io/file.h"

/* An anonymous pipe's server end keeps its client end until it is
 * opened; freed with the file. */
struct pipe_end;
void pipe_end_free(struct pipe_end *e);
/* NtCreateFile/NtOpenFile of an anonymous pipe's client end (the
 * server's handle as root directory, no name): true when oa names one,
 * with the call's status in *st; false: an ordinary open. */
bool pipe_open_client(struct nt_call *c, uint64_t handle_out, uint32_t access, uint64_t oa,
		      uint64_t iosb, uint32_t options, NTSTATUS *st);

/* NtQueryInformationFile of the pipe classes an anonymous pipe's end
 * answers (FilePipeLocalInformation): *handled false for the others. */
NTSTATUS pipe_query_info(struct nt_call *c, struct file_object *f, uint32_t cls, bool *handled);

#endif
