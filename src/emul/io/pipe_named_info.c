/*
 * Named pipes: NtQueryInformationFile and NtSetInformationFile of the
 * pipe classes.  FilePipeInformation (ReadMode, CompletionMode) is the
 * handle's own (GetNamedPipeHandleState, SetNamedPipeHandleState; message
 * read mode only on a message pipe); FilePipeLocalInformation describes
 * the pipe as this end sees it (GetNamedPipeInfo); FilePipeRemoteInformation
 * (a remote client's collection settings) is accepted and reads as zero.
 * Reading the first two takes FILE_READ_ATTRIBUTES, setting the modes
 * FILE_WRITE_ATTRIBUTES.
 */
#include <string.h>
#include "emul/io/pipe_named.h"

enum { FileNameInformation = 9, FilePipeInformation = 23, FilePipeLocalInformation = 24, FilePipeRemoteInformation = 25 };

#define NAME_INFO_MIN 8               /* FILE_NAME_INFORMATION's fixed part */
#define PIPE_INFO_SIZE 8
#define LOCAL_INFO_SIZE 40
#define REMOTE_INFO_SIZE 16
#define FILE_PIPE_CLIENT_END 0u
#define FILE_PIPE_SERVER_END 1u
#define FILE_READ_ATTRIBUTES 0x0080u
#define FILE_WRITE_ATTRIBUTES 0x0100u

static uint32_t class_size(uint32_t cls)
{
	switch (cls) {
	case FilePipeInformation: return PIPE_INFO_SIZE;
	case FilePipeLocalInformation: return LOCAL_INFO_SIZE;
	case FilePipeRemoteInformation: return REMOTE_INFO_SIZE;
	}
	return 0;
}

/* FILE_PIPE_LOCAL_INFORMATION { NamedPipeType, NamedPipeConfiguration,
 * MaximumInstances, CurrentInstances, InboundQuota, ReadDataAvailable,
 * OutboundQuota, WriteQuotaAvailable, NamedPipeState, NamedPipeEnd } */
static void local_info(struct np_end *e, uint32_t out[10])
{
	struct np_instance *in = e->inst;
	struct np_queue *w;
	uint32_t quota;

	out[9] = e->server ? FILE_PIPE_SERVER_END : FILE_PIPE_CLIENT_END;
	out[8] = in ? in->state : NP_DISCONNECTED;
	if (!in)
		return;
	out[0] = in->type;
	out[1] = in->config;
	out[2] = in->max_instances;
	out[3] = in->pipe ? in->pipe->instances : 0;
	out[4] = in->in_quota;
	out[5] = (uint32_t)np_read_queue(e)->bytes;
	out[6] = in->out_quota;
	w = np_write_queue(e);
	quota = np_write_quota(e);
	out[7] = w->bytes < quota ? quota - (uint32_t)w->bytes : 0;
}

NTSTATUS np_query_info(struct nt_call *c, struct file_object *f, uint32_t cls, bool *handled)
{
	uint32_t out[10] = { 0 }, size = class_size(cls);

	if (cls == FileNameInformation && f->np && (uint32_t)c->args[3] >= NAME_INFO_MIN) {
		*handled = f->np->device || (!f->np->root && !f->np->server && !f->np->inst);
		/* the device itself, or a client its server disconnected */
		if (*handled)
			return f->np->device ? (NTSTATUS)LSW_STATUS_INVALID_PARAMETER
					     : NP_STATUS_PIPE_DISCONNECTED;
	}
	*handled = size && f->np;
	if (!*handled)
		return LSW_STATUS_SUCCESS;
	if ((uint32_t)c->args[3] < size)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (f->np->root)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!f->np->server && !f->np->inst)
		return NP_STATUS_PIPE_DISCONNECTED; /* its server disconnected it */
	if (cls != FilePipeRemoteInformation &&
	    !(handle_access(c->thread->process, c->args[0]) & FILE_READ_ATTRIBUTES))
		return LSW_STATUS_ACCESS_DENIED;
	if (cls == FilePipeInformation) {
		out[0] = f->np->read_mode;
		out[1] = f->np->completion_mode;
	} else if (cls == FilePipeLocalInformation) {
		local_info(f->np, out);
	}
	if (tracee_write(c->thread, c->args[2], out, size) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, size);
}

NTSTATUS np_set_info(struct nt_call *c, struct file_object *f, uint32_t cls, bool *handled)
{
	uint32_t in[2];
	struct np_end *e = f->np;

	*handled = (cls == FilePipeInformation || cls == FilePipeRemoteInformation) && e;
	if (!*handled)
		return LSW_STATUS_SUCCESS;
	if ((uint32_t)c->args[3] < class_size(cls))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (e->root)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!e->server && !e->inst)
		return NP_STATUS_PIPE_DISCONNECTED; /* its server disconnected it */
	if (cls == FilePipeRemoteInformation)
		return LSW_STATUS_SUCCESS;
	if (!(handle_access(c->thread->process, c->args[0]) & FILE_WRITE_ATTRIBUTES))
		return LSW_STATUS_ACCESS_DENIED;
	if (tracee_read(c->thread, c->args[2], in, sizeof(in)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (in[0] > NP_READ_MESSAGE || in[1] > NP_COMPLETE_OPERATION)
		return LSW_STATUS_INVALID_PARAMETER;
	if (in[0] == NP_READ_MESSAGE && (!e->inst || e->inst->type != NP_TYPE_MESSAGE))
		return LSW_STATUS_INVALID_PARAMETER;
	e->read_mode = in[0];
	e->completion_mode = in[1];
	return LSW_STATUS_SUCCESS;
}
