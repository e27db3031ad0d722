/*
 * NtCreateUserProcess: a child in the caller's job (same sandbox view,
 * same limits), started through the host like the first process.
 *
 * What the caller sends is copied and checked here, once: the attribute
 * list (PS_ATTRIBUTE_LIST: image name, client id out, standard-handle
 * rule, handle list), the process parameters (normalized or not), and
 * the image itself, which must be a PE the job can reach: a program can
 * never start a host executable.  The child's record exists when the
 * call returns (its ids, its handle table with what it inherits); its
 * runtime launches while the loop goes on, and a child created suspended
 * holds its first thread's start until NtResumeThread.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/path.h"
#include "emul/memory/remote.h"
#include "emul/memory/section.h"
#include "emul/process/job.h"
#include "emul/process/create_process.h"
#include "emul/process/debug.h"
#include "emul/process/params.h"
#include "emul/process/process_object.h"
#include "emul/process/thread.h"
#include "emul/security/token.h"
#include "loader/pe.h"

#define PS_ATTRIBUTE_CLIENT_ID 0x10003u
#define PS_ATTRIBUTE_IMAGE_NAME 0x20005u
#define PS_ATTRIBUTE_STD_HANDLE_INFO 0x2000Au
#define PS_ATTRIBUTE_HANDLE_LIST 0x2000Bu
#define PS_ATTRIBUTE_DEBUG_OBJECT 0x60001u
#define PS_ATTRIBUTE_PARENT_PROCESS 0x60000u
#define PROCESS_CREATE_PROCESS 0x0080u
#define PS_ATTRIBUTE_TOKEN 0x60002u
#define PS_ATTRIBUTE_SIZE 32
#define PS_MAX_ATTRIBUTES 32
#define PS_CREATE_INFO_SIZE 0x58
#define PS_CREATE_SUCCESS 6
#define PROCESS_CREATE_FLAGS_BREAKAWAY 0x1u
#define PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT 0x2u
#define PROCESS_CREATE_FLAGS_INHERIT_HANDLES 0x4u
#define PROCESS_CREATE_FLAGS_SUSPENDED 0x200u
#define THREAD_CREATE_FLAGS_CREATE_SUSPENDED 0x1u
#define THREAD_CREATE_FLAGS_HIDE_FROM_DEBUGGER 0x4u
#define THREAD_ALL_ACCESS 0x1FFFFFu
#define STATUS_INVALID_IMAGE_NOT_MZ 0xC000012Fu
#define STATUS_BAD_TOKEN_TYPE 0xC00000A8u
#define IMAGE_FILE_DLL 0x2000
#define OBJ_INHERIT 0x2u
#define HANDLE_FLAG_INHERIT 1u

void child_request_free(struct child_request *r)
{
	free(r->image);
	free(r->handle_list);
	params_copy_free(&r->params);
}

/* One PS_ATTRIBUTE (Attribute, Size, Value, ReturnLength). */
static NTSTATUS read_attribute(struct nt_call *c, const uint64_t a[4], struct child_request *r)
{
	switch (a[0]) {
	case PS_ATTRIBUTE_IMAGE_NAME:
		if (a[1] % 2 || a[1] > PARAMS_MAX_CHARS * 2 || r->image)
			return LSW_STATUS_INVALID_PARAMETER;
		r->nimage = a[1] / 2;
		if (!(r->image = calloc(r->nimage + 1, 2)))
			return LSW_STATUS_NO_MEMORY;
		return tracee_read(c->thread, a[2], r->image, a[1]) < 0 ? LSW_STATUS_ACCESS_VIOLATION
									 : LSW_STATUS_SUCCESS;
	case PS_ATTRIBUTE_CLIENT_ID:
		r->client_id_out = a[1] >= 16 ? a[2] : 0;
		return LSW_STATUS_SUCCESS;
	case PS_ATTRIBUTE_STD_HANDLE_INFO:
		if (a[1] < 8)
			return LSW_STATUS_INVALID_PARAMETER;
		if (tracee_read(c->thread, a[2], &r->std_handle_rule, 4) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		r->std_handle_rule &= 3; /* StdHandleState */
		return LSW_STATUS_SUCCESS;
	case PS_ATTRIBUTE_DEBUG_OBJECT:
		r->debug_handle = a[2];
		return LSW_STATUS_SUCCESS;
	case PS_ATTRIBUTE_PARENT_PROCESS:
		r->parent_handle = a[2];
		r->parent_given = true;
		return LSW_STATUS_SUCCESS;
	case PS_ATTRIBUTE_TOKEN:
		r->token_handle = a[2];
		return LSW_STATUS_SUCCESS;
	case PS_ATTRIBUTE_HANDLE_LIST:
		if (a[1] % 8 || a[1] > 8 * 4096 || r->handle_list)
			return LSW_STATUS_INVALID_PARAMETER;
		r->nhandle_list = a[1] / 8;
		if (!(r->handle_list = malloc(a[1] ? a[1] : 1)))
			return LSW_STATUS_NO_MEMORY;
		return tracee_read(c->thread, a[2], r->handle_list, a[1]) < 0
		       ? LSW_STATUS_ACCESS_VIOLATION : LSW_STATUS_SUCCESS;
	}
	return LSW_STATUS_SUCCESS; /* others (priority, mitigations...) change nothing here */
}

static NTSTATUS read_attributes(struct nt_call *c, uint64_t list, struct child_request *r)
{
	uint64_t total, a[4];
	size_t n;
	NTSTATUS st;

	if (!list)
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, list, &total, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (total < 8 || (total - 8) % PS_ATTRIBUTE_SIZE ||
	    (n = (total - 8) / PS_ATTRIBUTE_SIZE) > PS_MAX_ATTRIBUTES)
		return LSW_STATUS_INVALID_PARAMETER;
	for (size_t i = 0; i < n; i++) {
		if (tracee_read(c->thread, list + 8 + i * PS_ATTRIBUTE_SIZE, a, sizeof(a)) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		if ((st = read_attribute(c, a, r)) != LSW_STATUS_SUCCESS)
			return st;
	}
	return r->image ? LSW_STATUS_SUCCESS : LSW_STATUS_INVALID_PARAMETER;
}

/* The image's headers: an MZ file holding a PE32+ program, not a DLL.
 * Only the headers are read (pe_parse_fd), never the whole file. */
static NTSTATUS check_pe(int fd)
{
	struct pe_image pe;
	struct stat sb;
	uint8_t mz[2];

	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode))
		return LSW_STATUS_ACCESS_DENIED; /* a directory */
	if (pread(fd, mz, 2, 0) != 2 || mz[0] != 'M' || mz[1] != 'Z')
		return STATUS_INVALID_IMAGE_NOT_MZ;
	if (pe_parse_fd(&pe, fd, (uint64_t)sb.st_size) < 0 || pe_require_x64(&pe) < 0 ||
	    (pe.characteristics & IMAGE_FILE_DLL))
		return LSW_STATUS_INVALID_IMAGE_FORMAT;
	return LSW_STATUS_SUCCESS;
}

/* The image: a PE32+ program the job may reach, by its NT name. */
static NTSTATUS check_image(struct nt_call *c, struct child_request *r)
{
	const struct path_view *view = thread_view(c->thread);
	NTSTATUS st = path_resolve(view, r->image, r->nimage, &r->path);
	int fd;

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (r->path.target != PATH_HOST || !r->path.exists)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	fd = open(r->path.host_path, O_RDONLY | O_CLOEXEC); /* checked where it leads: */
	if (fd < 0)
		return errno_to_status(errno);
	st = LSW_STATUS_ACCESS_DENIED; /* outside the sandbox */
	if (path_fd_reachable(view, fd, false))
		st = check_pe(fd);
	close(fd);
	return st;
}

/* The child's standard handle i: the parent's value, kept when the child
 * inherited it (or the rule says never duplicate), else a duplicate of
 * the parent's handle. */
static uint64_t std_handle(struct lsw_process *parent, struct lsw_process *child,
			   const struct child_request *r, int i)
{
	uint64_t v = r->params.std_handles[i];
	struct nt_object *obj;
	NTSTATUS st;

	if (!r->std_handle_rule || !v || handle_get(child, v, NULL, &st))
		return v;
	if (!(obj = handle_get(parent, v, NULL, &st)))
		return 0;
	return handle_alloc(child, obj, handle_access(parent, v));
}

/* The spec of the child from what was read; parent is the caller's
 * process or the one PS_ATTRIBUTE_PARENT_PROCESS named. */
static void make_spec(struct nt_call *c, const struct child_request *r,
		      struct lsw_process *parent, struct lsw_process_spec *spec)
{
	static char *const no_args[] = { NULL };

	*spec = (struct lsw_process_spec){
		.job = parent->job,
		.image = r->path.host_path,
		.argv = no_args,
		.env = r->params.env,
		.current_dir = r->params.current_dir,
		/* the console stand-ins (CONIN$/CONOUT$ without a terminal) are
		 * the job's, as the parent has them; its std handles come apart */
		.std_fds = { c->thread->process->std_fds[0], c->thread->process->std_fds[1],
			     c->thread->process->std_fds[2] },
		.parent_pid = parent->win_pid,
		.command_line = r->params.command_line,
		.image_dos = r->params.image_dos,
		.std_given = true,
		.window_flags = r->params.window_flags,
		.show_window = r->params.show_window,
		.look = r->params.look,
		.runtime_data = r->params.runtime_data,
		.runtime_len = r->params.runtime_len,
		.console_flags = r->params.console_flags,
		.console_group = r->params.new_group ? 0 : c->thread->process->console_group,
	};
}

/* The child's primary token: a copy of the one the caller gave (a
 * primary token it may assign), else the user's. */
static NTSTATUS child_token(struct nt_call *c, struct lsw_process *child, uint64_t h)
{
	struct token *t, *copy;
	NTSTATUS st;

	if (!h)
		return LSW_STATUS_SUCCESS;
	if (!(t = token_from_handle(c, h, TOKEN_ASSIGN_PRIMARY, &st)))
		return st;
	if (t->s.type != TOKEN_TYPE_PRIMARY)
		return STATUS_BAD_TOKEN_TYPE;
	if (!(copy = token_new(&t->s)))
		return LSW_STATUS_NO_MEMORY;
	child->token = &copy->obj;
	return LSW_STATUS_SUCCESS;
}

/* The handles and records the child starts with: the debug port is the
 * caller's, the rest parent's. */
static NTSTATUS prepare_child(struct nt_call *c, struct lsw_process *parent,
			      struct lsw_process *child, const struct child_request *r)
{
	NTSTATUS st;

	if ((st = debug_child_port(c, child, r->debug_handle,
				   r->process_flags & PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if ((st = child_token(c, child, r->token_handle)) != LSW_STATUS_SUCCESS)
		return st;
	if ((r->process_flags & PROCESS_CREATE_FLAGS_INHERIT_HANDLES) &&
	    handle_inherit(parent, child, r->handle_list, r->nhandle_list) < 0)
		return LSW_STATUS_NO_MEMORY;
	for (int i = 0; i < 3; i++)
		child->handles_std[i] = std_handle(parent, child, r, i);
	job_inherit(parent, child, r->process_flags & PROCESS_CREATE_FLAGS_BREAKAWAY);
	if ((r->thread_flags & THREAD_CREATE_FLAGS_CREATE_SUSPENDED) ||
	    (r->process_flags & PROCESS_CREATE_FLAGS_SUSPENDED))
		child->main_thread.suspend_count = 1; /* its start is held */
	return LSW_STATUS_SUCCESS;
}

/* A handle of the caller's to obj (its body charged to the caller's
 * quota), inheritable if the OBJECT_ATTRIBUTES at oa say so; 0 when it
 * cannot be made, with *st saying why. */
static uint64_t give(struct nt_call *c, struct nt_object *obj, uint32_t access, uint64_t oa,
		     NTSTATUS *st)
{
	struct lsw_process *p = c->thread->process;
	uint32_t attributes = 0;
	uint64_t h;

	if (!obj) {
		*st = LSW_STATUS_NO_MEMORY;
		return 0;
	}
	if (oa && tracee_read(c->thread, oa + 24, &attributes, 4) < 0)
		attributes = 0;
	*st = handle_create(p, obj, access, &h);
	object_unref(obj);
	if (*st == LSW_STATUS_SUCCESS && (attributes & OBJ_INHERIT))
		*handle_flags(p, h) |= HANDLE_FLAG_INHERIT;
	return *st == LSW_STATUS_SUCCESS ? h : 0;
}

/* The caller's handles to the child and its thread, its ids, and the
 * create info (PS_CREATE_INFO's success state). */
static NTSTATUS answer(struct nt_call *c, struct lsw_process *child, const struct child_request *r)
{
	uint8_t info[PS_CREATE_INFO_SIZE] = { 0 };
	uint64_t hp, ht = 0, cid[2] = { child->win_pid, child->main_thread.win_tid };
	uint64_t size = PS_CREATE_INFO_SIZE, state = PS_CREATE_SUCCESS;
	NTSTATUS st;

	hp = give(c, process_object_get(child), process_access_map((uint32_t)c->args[2]), c->args[4],
		  &st);
	if (hp)
		ht = give(c, thread_object_get(&child->main_thread), THREAD_ALL_ACCESS, c->args[5],
			  &st);
	memcpy(info, &size, 8);
	memcpy(info + 8, &state, 4);
	if (ht && (tracee_write(c->thread, c->args[0], &hp, 8) < 0 ||
		   tracee_write(c->thread, c->args[1], &ht, 8) < 0 ||
		   tracee_write(c->thread, c->args[9], info, sizeof(info)) < 0 ||
		   (r->client_id_out &&
		    tracee_write(c->thread, r->client_id_out, cid, sizeof(cid)) < 0)))
		st = LSW_STATUS_ACCESS_VIOLATION;
	if (st != LSW_STATUS_SUCCESS) {
		if (hp)
			handle_close(c->thread->process, hp);
		if (ht)
			handle_close(c->thread->process, ht);
	}
	return st;
}

/* The request, copied and checked. */
static NTSTATUS read_request(struct nt_call *c, struct child_request *r)
{
	uint64_t info_size;
	NTSTATUS st;

	if (!c->args[0] || !c->args[1] || !c->args[9])
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, c->args[9], &info_size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (info_size != PS_CREATE_INFO_SIZE)
		return LSW_STATUS_INVALID_PARAMETER;
	r->process_flags = (uint32_t)c->args[6];
	r->thread_flags = (uint32_t)c->args[7];
	/* a first thread cannot start hidden from the debugger: Windows refuses */
	if (r->thread_flags & THREAD_CREATE_FLAGS_HIDE_FROM_DEBUGGER)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = read_attributes(c, c->args[10], r)) != LSW_STATUS_SUCCESS ||
	    (st = params_copy(c->thread, c->args[8], &r->params)) != LSW_STATUS_SUCCESS)
		return st;
	return check_image(c, r);
}

/* The child's parent: the caller's process, or a live process the
 * caller may create processes in (PS_ATTRIBUTE_PARENT_PROCESS). */
static NTSTATUS parent_of(struct nt_call *c, const struct child_request *r,
			  struct lsw_process **parent)
{
	struct process_object *po;
	NTSTATUS st;

	*parent = c->thread->process;
	if (!r->parent_given)
		return LSW_STATUS_SUCCESS;
	if (!(po = process_from_handle(c, r->parent_handle, PROCESS_CREATE_PROCESS, &st)))
		return st;
	if (!po->process || po->process->terminated)
		return LSW_STATUS_PROCESS_IS_TERMINATING;
	*parent = po->process;
	return LSW_STATUS_SUCCESS;
}

/* NtCreateUserProcess(*ProcessHandle, *ThreadHandle, ProcessDesiredAccess,
 *   ThreadDesiredAccess, ProcessObjectAttributes, ThreadObjectAttributes,
 *   ProcessFlags, ThreadFlags, ProcessParameters, CreateInfo, AttributeList) */
NTSTATUS nt_NtCreateUserProcess(struct nt_call *c)
{
	struct lsw_host *h = c->thread->process->host;
	struct child_request r = { 0 };
	struct lsw_process_spec spec;
	struct lsw_process *child, *parent = NULL;
	NTSTATUS st = read_request(c, &r);

	if (st == LSW_STATUS_SUCCESS)
		st = parent_of(c, &r, &parent);
	if (st != LSW_STATUS_SUCCESS || !h->start_process) {
		child_request_free(&r);
		return st != LSW_STATUS_SUCCESS ? st : (NTSTATUS)LSW_STATUS_NOT_SUPPORTED;
	}
	if ((st = job_check_child(parent, r.process_flags &
				  PROCESS_CREATE_FLAGS_BREAKAWAY)) != LSW_STATUS_SUCCESS) {
		child_request_free(&r);
		return st;
	}
	make_spec(c, &r, parent, &spec);
	if (!(child = h->start_process(h, &spec))) {
		child_request_free(&r);
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	}
	st = prepare_child(c, parent, child, &r);
	if (st == LSW_STATUS_SUCCESS)
		st = answer(c, child, &r);
	if (st != LSW_STATUS_SUCCESS)
		process_terminate(child, st);
	child_request_free(&r);
	return remote_wait_started(c, child, st);
}
