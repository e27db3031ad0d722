/*
 * Process start and exit.
 *
 * Start (LSW_REQ_HELLO): phase 0 maps KUSER_SHARED_DATA, ntdll and the
 * image, and allocates the PEB, TEB, parameters and stack; phase 1
 * (LSW_REQ_CONTINUE, once those mappings exist) fills them in and starts
 * the first thread at the image's entry point (thread_start.c).
 */
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "emul/process/debug.h"
#include "emul/io/file.h"
#include "emul/memory/stack.h"
#include "emul/memory/known_dlls.h"
#include "emul/system/kuser.h"
#include "emul/system/sysinfo.h"
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/observer.h"
#include "emul/process/params.h"
#include "emul/process/process_object.h"
#include "emul/process/thread.h"
#include "emul/process/thread_block.h"
#include "emul/io/path.h"
#include "emul/memory/section.h"
#include "emul/registry/registry.h"
#include "tracer/notify.h"

#define PEB_SIZE 0x1000
#define TEB_SIZE 0x2000
#define MIN_STACK (256 * 1024)

void process_note_image(struct lsw_process *p, const char *name, uint64_t base, uint64_t size)
{
	if (p->nimages < MAX_IMAGES) {
		struct image_record *r = &p->images[p->nimages++];
		snprintf(r->name, sizeof(r->name), "%s", name);
		r->base = base;
		r->size = size;
	}
}

void process_forget_image(struct lsw_process *p, uint64_t base)
{
	for (unsigned i = 0; i < p->nimages; i++)
		if (p->images[i].base == base) {
			p->images[i] = p->images[--p->nimages];
			return;
		}
}

const char *process_symbolize(struct lsw_process *p, uint64_t addr, char *buf, size_t len)
{
	for (unsigned i = 0; i < p->nimages; i++) {
		struct image_record *r = &p->images[i];

		if (addr >= r->base && addr < r->base + r->size) {
			snprintf(buf, len, "%s+0x%llx", r->name, (unsigned long long)(addr - r->base));
			return buf;
		}
	}
	snprintf(buf, len, "0x%llx", (unsigned long long)addr);
	return buf;
}

static void op_mmap_fd(struct nt_call *c, uint64_t addr, uint64_t len, int prot, int flags, int fd)
{
	struct lsw_op *op = nt_add_op(c, LSW_OP_MMAP);

	if (op) {
		op->arg[0] = addr;
		op->arg[1] = len;
		op->arg[2] = (uint64_t)prot;
		op->arg[3] = (uint64_t)flags;
		op->arg[4] = (uint64_t)(int64_t)fd;
		op->arg[5] = 0;
	}
}

static NTSTATUS map_kuser(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	int rfd = notify_addfd(p->notify_fd, c->notif_id, p->host->kuser.fd);
	struct lsw_op *op;

	if (rfd < 0 || !vad_range_free(&p->vad, KUSER_SHARED_DATA_VA, PAGE_SIZE_NT))
		return LSW_STATUS_CONFLICTING_ADDRESSES;
	vad_insert(&p->vad, KUSER_SHARED_DATA_VA, PAGE_SIZE_NT, MEM_PRIVATE, PAGE_READONLY,
		   MEM_COMMIT, PAGE_READONLY);
	op_mmap_fd(c, KUSER_SHARED_DATA_VA, PAGE_SIZE_NT, PROT_READ,
		   MAP_SHARED | MAP_FIXED_NOREPLACE, rfd);
	op = nt_add_op(c, LSW_OP_CLOSE);
	if (op)
		op->arg[0] = (uint64_t)rfd;
	return LSW_STATUS_SUCCESS;
}

/* Maps image section s (called name) at its preferred base, or else
 * anywhere. */
static NTSTATUS map_image(struct nt_call *c, struct section_object *s, const char *name,
			  uint64_t *base)
{
	NTSTATUS st;

	*base = 0;
	st = section_map_image(c, s, base);
	if (st == LSW_STATUS_SUCCESS || st == LSW_STATUS_IMAGE_NOT_AT_BASE)
		process_note_image(c->thread->process, name, *base, s->size);
	return st == LSW_STATUS_IMAGE_NOT_AT_BASE ? LSW_STATUS_SUCCESS : st;
}

/* Maps a PE file from the host; reports problems on stderr.  A child's
 * image must still lie where its job may reach (view): a host process may
 * have swapped a link in since NtCreateUserProcess looked. */
static NTSTATUS map_host_image(struct nt_call *c, const char *path, const char *name,
			       const struct path_view *view, struct section_object **out,
			       uint64_t *base)
{
	char err[200];
	NTSTATUS st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0 && view && !path_fd_reachable(view, fd, false)) {
		close(fd);
		fd = -1;
	}
	if (fd < 0) {
		fprintf(stderr, "lsw: %s: cannot read\n", path);
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	}
	*out = section_from_image_fd(fd, name, &st, err, sizeof(err));
	close(fd);
	if (!*out) {
		fprintf(stderr, "lsw: %s: %s\n", path, err);
		return st;
	}
	return map_image(c, *out, name, base);
}

/* ntdll from \KnownDlls, as Windows maps it: the host's section, made once
 * (its file looked at for a rebuild); from its file if that fails. */
static NTSTATUS map_ntdll(struct nt_call *c, const char *path, struct section_object **out,
			  uint64_t *base)
{
	struct section_object *s = known_dll_section(c->thread->process->host, "ntdll.dll");

	if (!s)
		return map_host_image(c, path, "ntdll.dll", NULL, out, base);
	*out = (struct section_object *)object_ref(&s->hdr);
	return map_image(c, *out, "ntdll.dll", base);
}

uint64_t process_alloc_private(struct nt_call *c, uint64_t size, uint32_t protect)
{
	return process_alloc_private_below(c, size, protect, USER_MAX + 1);
}

uint64_t process_alloc_private_below(struct nt_call *c, uint64_t size, uint32_t protect,
				     uint64_t limit)
{
	struct vad_map *m = &c->thread->process->vad;
	uint64_t b = vad_find_free_below(m, size, ALLOC_GRANULARITY, false, limit);
	struct lsw_op *op;

	if (!b || !memory_can_charge(c->thread->process, size) ||
	    !vad_insert(m, b, size, MEM_PRIVATE, protect, MEM_COMMIT, protect))
		return 0;
	op = nt_add_op(c, LSW_OP_MMAP);
	if (op) {
		op->arg[0] = b;
		op->arg[1] = size;
		op->arg[2] = PROT_READ | PROT_WRITE;
		op->arg[3] = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE;
		op->arg[4] = (uint64_t)-1;
	}
	return b;
}

static int std_handles(struct lsw_process *p, uint64_t out[3])
{
	static const uint32_t access[3] = { 0x80100081u /* GENERIC_READ|SYNCHRONIZE|... */,
					    0x40100106u, 0x40100106u };

	for (int i = 0; i < 3; i++) {
		struct file_object *f = file_from_stdio(p, p->std_fds[i], access[i]);

		if (!f)
			return -1;
		f->access = i == 0 ? 0x1 /* FILE_READ_DATA */ : 0x106 /* WRITE|APPEND|WRITE_ATTRIBUTES */;
		f->console_input = i == 0;
		out[i] = handle_alloc(p, &f->hdr, access[i]);
		object_unref(&f->hdr);
		if (!out[i])
			return -1;
	}
	return 0;
}

/* The parameters blob for address base (base 0: just to learn the size). */
static uint8_t *make_params(struct lsw_process *p, uint64_t base, size_t *size)
{
	char dos_image[PATH_MAX + 8], cwd[PATH_MAX], dos_cwd[PATH_MAX + 8];
	const char *view_image = process_image_view_dos(p);
	struct params_input in;
	uint8_t *blob;
	char *cmdline;

	if (!view_image || (!p->current_dir && !getcwd(cwd, sizeof(cwd))))
		return NULL;
	snprintf(dos_image, sizeof(dos_image), "%s", p->image_dos ? p->image_dos : view_image);
	if (!p->current_dir) { /* the host's, as the job shows it: kept for the second call */
		path_host_to_dos(p->job->view, cwd, dos_cwd, sizeof(dos_cwd) - 1);
		p->current_dir = strdup(dos_cwd);
	} else {
		snprintf(dos_cwd, sizeof(dos_cwd) - 1, "%s", p->current_dir);
	}
	if (dos_cwd[strlen(dos_cwd) - 1] != '\\')
		strcat(dos_cwd, "\\");
	cmdline = p->command_line ? strdup(p->command_line)
				  : params_quote_args(dos_image, p->argv, p->argc);
	if (!cmdline)
		return NULL;
	in = (struct params_input){ dos_image, cmdline, dos_cwd, (const char *const *)p->env,
				    { p->handles_std[0], p->handles_std[1], p->handles_std[2] },
				    p->window_flags, p->show_window, p->look.place, p->look.title,
				    p->look.desktop, p->runtime_data, p->runtime_len, p->console_flags,
				    p->console_group, p->start.params_flags };
	blob = params_build(&in, base, size);
	free(cmdline);
	return blob;
}

/* What process creation finds for the new process's parameters, as
 * Windows' does: no IFEO key for the image, so its loader need not open
 * one; a manifest file beside the image (NAME.exe.manifest), which
 * kernel32 reads for the version it tells (GetVersion, which msvcrt's
 * start calls) and looks for only then.  An embedded manifest does not
 * set the flag here (Windows sets it for either): kernel32 finds the
 * resource itself without a system call. */
static uint32_t creation_flags(struct lsw_process *p, const char *dos_image)
{
	const char *name = dos_image ? strrchr(dos_image, '\\') : NULL;
	char manifest[PATH_MAX];
	struct stat st;
	uint32_t flags = 0;

	if (dos_image &&
	    registry_image_key_missing(&p->host->registry, name ? name + 1 : dos_image))
		flags |= RTL_USER_PROC_IMAGE_KEY_MISSING;
	/* a symbolic link is not followed here: the flag only lets kernel32
	 * look, and its open goes through the view's checks (where the link
	 * leads is not told by the flag) */
	if ((size_t)snprintf(manifest, sizeof(manifest), "%s.manifest", p->image_path) <
		    sizeof(manifest) &&
	    lstat(manifest, &st) == 0 && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
		flags |= RTL_USER_PROC_APP_MANIFEST_PRESENT;
	return flags;
}

/* The ntdll exports the supervisor starts threads at or delivers to. */
#define NTDLL_ENTRIES 4
static const char *const ntdll_entries[NTDLL_ENTRIES] = {
	"LdrInitializeThunk", "KiUserExceptionDispatcher", "KiUserApcDispatcher",
	"RtlUserThreadStart",
};

static NTSTATUS hello_phase0(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	const char *image = p->image_path, *slash = strrchr(image, '/');
	struct section_object *ntdll = NULL, *exe = NULL;
	char ntdll_path[PATH_MAX];
	uint64_t ntdll_base, exe_base;
	uint8_t *blob;
	size_t params_size;
	uint32_t rva[NTDLL_ENTRIES];
	NTSTATUS st;

	snprintf(ntdll_path, sizeof(ntdll_path), "%s/ntdll.dll", p->host->cfg.dll_dir);
	if ((st = map_kuser(c)) != LSW_STATUS_SUCCESS ||
	    (st = map_ntdll(c, ntdll_path, &ntdll, &ntdll_base)) != LSW_STATUS_SUCCESS)
		goto out;
	if (section_find_exports(ntdll, ntdll_entries, rva, NTDLL_ENTRIES) < 0)
		rva[0] = rva[3] = 0;
	/* where the first thread starts, and every thread's initial context */
	if (!rva[0] || !rva[3]) {
		fprintf(stderr, "lsw: %s: no %s export\n", ntdll_path, ntdll_entries[rva[0] ? 3 : 0]);
		st = LSW_STATUS_ENTRYPOINT_NOT_FOUND;
		goto out;
	}
	p->start.entry_ldr = ntdll_base + rva[0];
	/* where faults are delivered; without it they end the process */
	if (rva[1])
		p->ki_exception = ntdll_base + rva[1];
	/* where user APCs run; without it they stay queued */
	if (rva[2])
		p->ki_apc = ntdll_base + rva[2];
	p->start.entry_thread = ntdll_base + rva[3];
	st = map_host_image(c, image, slash ? slash + 1 : image,
			    p->parent_pid ? p->job->view : NULL, &exe, &exe_base);
	if (st != LSW_STATUS_SUCCESS)
		goto out;
	if (exe->pe.characteristics & 0x2000) { /* IMAGE_FILE_DLL */
		fprintf(stderr, "lsw: %s: is a DLL, not a program\n", image);
		st = LSW_STATUS_INVALID_IMAGE_FORMAT;
		goto out;
	}
	if (!exe->file_name) /* the file its view maps (GetMappedFileName) */
		exe->file_name = process_image_dos_path(p);
	p->image_base = exe_base;
	p->start.image_entry = exe->pe.entry_rva ? exe_base + exe->pe.entry_rva : 0;
	p->ntdll_base = ntdll_base;
	p->start.params_flags = creation_flags(p, p->image_dos ? p->image_dos
							      : process_image_view_dos(p));
	p->start.stack_commit = exe->pe.stack_commit;
	p->start.stack_size = exe->pe.stack_reserve;
	stack_sizes(&p->start.stack_commit, &p->start.stack_size, MIN_STACK);
	p->start.default_stack = exe->pe.stack_reserve; /* other threads' */
	p->start.default_commit = exe->pe.stack_commit;
	if ((!p->std_given && std_handles(p, p->handles_std) < 0) ||
	    !(blob = make_params(p, 0, &params_size))) {
		st = LSW_STATUS_NO_MEMORY;
		goto out;
	}
	free(blob);
	p->start.params_size = (params_size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	p->start.peb = process_alloc_private(c, PEB_SIZE, PAGE_READWRITE);
	p->start.teb = process_alloc_private(c, TEB_SIZE, PAGE_READWRITE);
	p->start.params = process_alloc_private(c, p->start.params_size, PAGE_READWRITE);
	p->start.stack_base = stack_create(c, p->start.stack_size, p->start.stack_commit,
					   USER_MAX + 1);
	/* started suspended or debugged, its threads cannot carry the
	 * service thread's clone when another process first asks for it */
	if (!p->start.peb || !p->start.teb || !p->start.params || !p->start.stack_base ||
	    ((c->thread->suspend_count || p->debug) && remote_service_create(c) < 0)) {
		st = LSW_STATUS_NO_MEMORY;
		goto out;
	}
	nt_add_op(c, LSW_OP_CONTINUE);
	c->thread->cont_state = 1;
	st = LSW_STATUS_SUCCESS;
	lsw_timeline(p->job, p->win_pid, "hello: ntdll and the program mapped");
out:
	if (ntdll)
		object_unref(&ntdll->hdr);
	if (exe)
		object_unref(&exe->hdr);
	return st;
}

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

static int write_peb_teb(struct lsw_thread *t)
{
	struct lsw_process *p = t->process;
	uint8_t peb[PEB_SIZE] = { 0 };
	/* counted once per host (sysconf reads /sys at every call) */
	uint32_t ncpu = sysinfo_cpu_count();

	put(peb, 0x02, p->debug != NULL, 1);       /* BeingDebugged */
	put(peb, 0x10, p->image_base, 8);          /* ImageBaseAddress */
	put(peb, 0x20, p->start.params, 8);           /* ProcessParameters */
	put(peb, 0xB8, ncpu, 4);                   /* NumberOfProcessors */
	/* the system's defaults: 30 days, then the heap manager's sizes */
	put(peb, 0xC0, (uint64_t)-25920000000000ll, 8); /* CriticalSectionTimeout */
	put(peb, 0xC8, 0x100000, 8);               /* HeapSegmentReserve */
	put(peb, 0xD0, 0x2000, 8);                 /* HeapSegmentCommit */
	put(peb, 0xD8, 0x10000, 8);                /* HeapDeCommitTotalFreeThreshold */
	put(peb, 0xE0, 0x1000, 8);                 /* HeapDeCommitFreeBlockThreshold */
	put(peb, 0x118, 10, 4);                    /* OSMajorVersion */
	put(peb, 0x11C, 0, 4);                     /* OSMinorVersion */
	put(peb, 0x120, 19045, 2);                 /* OSBuildNumber */
	put(peb, 0x124, 2, 4);                     /* OSPlatformId: VER_PLATFORM_WIN32_NT */
	put(peb, 0x128, 3, 4);                     /* ImageSubsystem: console */
	put(peb, 0x2C0, 1, 4);                     /* SessionId */
	t->teb = p->start.teb;
	p->peb = p->start.peb;
	return tracee_write(t, p->start.peb, peb, sizeof(peb)) < 0 ||
	       thread_write_teb(t, p->start.stack_base, p->start.stack_size,
				p->start.stack_commit) < 0 ? -1 : 0;
}

static NTSTATUS hello_phase1(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	struct lsw_process *p = t->process;
	struct lsw_op *op;
	uint8_t *blob;
	size_t size;

	blob = make_params(p, p->start.params, &size);
	if (!blob || size > p->start.params_size || tracee_write(t, p->start.params, blob, size) < 0 ||
	    write_peb_teb(t) < 0) {
		free(blob);
		return LSW_STATUS_NO_MEMORY;
	}
	free(blob);
	op = nt_add_op(c, LSW_OP_SET_GS);
	if (op)
		op->arg[0] = p->start.teb;
	thread_start_prepare(t, p->start.image_entry, p->start.peb,
			     p->start.stack_base + p->start.stack_size);
	t->start = p->start.image_entry; /* its Win32StartAddress */
	nt_add_op(c, LSW_OP_JUMP); /* to what thread_start_enter puts in its block */
	t->cont_state = 0;
	lsw_timeline(p->job, p->win_pid, "the first thread starts in the loader");
	remote_space_ready(p);
	debug_report_process_start(t); /* with a debugger, held until continued */
	return LSW_STATUS_SUCCESS;
}

NTSTATUS process_hello(struct lsw_thread *t, uint64_t block, uint64_t sp)
{
	struct lsw_process *p = t->process;

	if (t->block || (block & (LSW_BLOCK_SIZE - 1)))
		return LSW_STATUS_INVALID_PARAMETER;
	t->block = block;
	if (p->vad_seed) /* read while it waited here, unserved */
		vad_seed_apply(&p->vad, p->vad_seed);
	else if (vad_seed_from_proc(&p->vad, p->pid) < 0)
		return LSW_STATUS_UNSUCCESSFUL;
	free(p->vad_seed);
	p->vad_seed = NULL;
	t->block_map = thread_block_share(&t->call, block); /* the first op */
	return hello_phase0(&t->call);
}

NTSTATUS process_continue(struct lsw_thread *t)
{
	if (t->cont_state == 1)
		return hello_phase1(&t->call);
	return LSW_STATUS_INVALID_PARAMETER;
}

void process_ended(struct lsw_process *p, int wait_status)
{
	const struct nt_observer *o = p->job ? p->job->spec.observer : NULL;
	void *arg = p->job ? p->job->spec.observer_arg : NULL;

	p->reaped = true; /* from now on the pid may be another process's */
	if (!o || !o->process_exit)
		return;
	if (p->terminated)
		o->process_exit(arg, p, "exited with", (int)p->exit_status);
	else if (WIFSIGNALED(wait_status))
		o->process_exit(arg, p, "killed by signal", WTERMSIG(wait_status));
	else
		o->process_exit(arg, p, "exited with", WEXITSTATUS(wait_status));
}

void process_forbid(struct lsw_process *p, const char *what)
{
	if (!p->terminated)
		fprintf(stderr, "lsw: the sandbox killed the process: %s\n", what);
	p->forbidden = true;
	process_terminate(p, LSW_STATUS_ACCESS_DENIED);
}

void process_terminate(struct lsw_process *p, uint32_t status)
{
	if (!p->terminated) {
		lsw_timeline(p->job, p->win_pid, "terminating");
		p->terminated = true;
		p->exit_status = status;
		debug_report_process_exit(p, status);
	}
	if (!p->reaped) /* after the wait, the pid may be anyone's */
		kill(p->pid, SIGKILL);
	if (p->host->process_ending)
		p->host->process_ending(p);
}
