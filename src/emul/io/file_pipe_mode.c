/*
 * FilePipeInformation (ReadMode, CompletionMode) of the pipes that are not
 * named pipe objects: the standard streams on host pipes and anonymous
 * pipe ends.  Both are byte pipes in blocking (queued) mode, which is what
 * SetNamedPipeHandleState(PIPE_READMODE_BYTE | PIPE_WAIT) asks (libuv
 * does, for node's stdout pipe); message mode is refused as on a byte
 * pipe, and non-blocking mode, which lsw does not do on these, too.
 */
#include "emul/io/file.h"
#include "emul/io/file_access.h"

#define PIPE_INFO_SIZE 8
#define PIPE_READ_MESSAGE 1u
#define PIPE_COMPLETE_OPERATION 1u /* PIPE_NOWAIT */

NTSTATUS file_pipe_mode_query(struct nt_call *c, const struct file_object *f)
{
	uint32_t mode[2] = { 0, 0 }; /* byte read mode, queued completion */

	if (f->device_type != FILE_DEVICE_NAMED_PIPE)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((uint32_t)c->args[3] < PIPE_INFO_SIZE)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_write(c->thread, c->args[2], mode, PIPE_INFO_SIZE) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, PIPE_INFO_SIZE);
}

NTSTATUS file_pipe_mode_set(struct nt_call *c, const struct file_object *f)
{
	uint32_t mode[2];

	if (f->device_type != FILE_DEVICE_NAMED_PIPE)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((uint32_t)c->args[3] < PIPE_INFO_SIZE)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (!(f->access & FILE_WRITE_ATTRIBUTES))
		return LSW_STATUS_ACCESS_DENIED; /* as SetNamedPipeHandleState documents */
	if (tracee_read(c->thread, c->args[2], mode, sizeof(mode)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (mode[0] > PIPE_READ_MESSAGE || mode[1] > PIPE_COMPLETE_OPERATION)
		return LSW_STATUS_INVALID_PARAMETER;
	if (mode[0] == PIPE_READ_MESSAGE)
		return LSW_STATUS_INVALID_PARAMETER; /* a byte pipe */
	if (mode[1] == PIPE_COMPLETE_OPERATION)
		return LSW_STATUS_NOT_SUPPORTED;
	return LSW_STATUS_SUCCESS;
}
