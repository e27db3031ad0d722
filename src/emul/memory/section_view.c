/*
 * Views: NtMapViewOfSection, NtUnmapViewOfSection(Ex), NtFlushVirtualMemory.
 * A data view maps the section's fd: MAP_SHARED, so every view of the
 * section (in any process) shares its pages and writes reach the file, or
 * MAP_PRIVATE for PAGE_WRITECOPY.  The fd goes to the program with
 * SECCOMP_IOCTL_NOTIF_ADDFD and is closed by the next op; it is read-only
 * unless the view writes shared, so the program can never write more of a
 * file than its section handle allows (DESIGN.md, "Trust boundary").
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "emul/process/debug.h"
#include "emul/io/file.h"
#include "emul/memory/memory.h"
#include "emul/memory/remote.h"
#include "emul/memory/section.h"
#include "tracer/notify.h"

#define STATUS_INVALID_VIEW_SIZE 0xC000001Fu
#define STATUS_MAPPED_ALIGNMENT 0xC0000220u
#define AT_ROUND_TO_PAGE 0x40000000u

struct view_req {
	uint64_t base, offset, size;
	uint32_t protect, alloc_type;
	uint64_t low, limit;     /* what ZeroBits or address requirements leave:
				  * the view lies in [low, limit) */
	bool replace;            /* over a placeholder (MEM_REPLACE_PLACEHOLDER) */
};

static bool protect_is_exec(uint32_t p)
{
	return p & (PAGE_EXECUTE | PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE |
		    PAGE_EXECUTE_WRITECOPY);
}

static bool protect_is_shared_write(uint32_t p)
{
	return p == PAGE_READWRITE || p == PAGE_EXECUTE_READWRITE;
}

/* The handle access a view's protection needs (SECTION_MAP_WRITE alone
 * serves a read-write view, as in Windows); an image's views too. */
static NTSTATUS check_view_access(uint32_t access, uint32_t prot)
{
	uint32_t need;

	switch (prot) {
	case PAGE_NOACCESS: case PAGE_READONLY: case PAGE_WRITECOPY: need = SECTION_MAP_READ; break;
	case PAGE_READWRITE: need = SECTION_MAP_WRITE; break;
	case PAGE_EXECUTE: need = SECTION_MAP_EXECUTE; break;
	case PAGE_EXECUTE_READ:
	case PAGE_EXECUTE_WRITECOPY: need = SECTION_MAP_EXECUTE | SECTION_MAP_READ; break;
	case PAGE_EXECUTE_READWRITE: need = SECTION_MAP_EXECUTE | SECTION_MAP_WRITE; break;
	default:
		return LSW_STATUS_INVALID_PAGE_PROTECTION;
	}
	return (access & need) == need ? LSW_STATUS_SUCCESS : LSW_STATUS_ACCESS_DENIED;
}

/* The handle's access, and the section protection, for a data view. */
static NTSTATUS check_view_protect(struct section_object *s, uint32_t access, uint32_t prot)
{
	NTSTATUS st = check_view_access(access, prot);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if ((protect_is_shared_write(prot) && !protect_is_shared_write(s->protect)) ||
	    (protect_is_exec(prot) && !protect_is_exec(s->protect)))
		return LSW_STATUS_SECTION_PROTECTION;
	return LSW_STATUS_SUCCESS;
}

/* A view replaces the placeholder at its base, which it must fill. */
static NTSTATUS take_placeholder(struct vad_map *m, struct view_req *r)
{
	struct vad *v = r->base ? vad_find(m, r->base) : NULL;

	if (!v || !v->placeholder || v->base != r->base || v->size != r->size)
		return LSW_STATUS_CONFLICTING_ADDRESSES;
	vad_remove(m, v);
	r->replace = true;
	return LSW_STATUS_SUCCESS;
}

/* The view will not be made: a placeholder it took is one again. */
static NTSTATUS unplace(struct vad_map *m, const struct view_req *r, NTSTATUS st)
{
	if (r->replace)
		placeholder_insert(m, r->base, r->size);
	return st;
}

/* Offset, size and place of a data view, as Windows checks them: offset
 * and base on the allocation granularity, or only on a page when the
 * view replaces a placeholder (documented for MapViewOfFile3; .NET maps
 * the parts of a single-file bundle so). */
static NTSTATUS place_view(struct vad_map *m, struct section_object *s, struct view_req *r)
{
	uint64_t align = (r->alloc_type & MEM_REPLACE_PLACEHOLDER) ? PAGE_SIZE_NT : ALLOC_GRANULARITY;

	if (r->base && r->base >= r->limit)
		return LSW_STATUS_INVALID_PARAMETER_4;
	if ((r->offset & (align - 1)) || (r->base & (align - 1)))
		return STATUS_MAPPED_ALIGNMENT;
	if (r->offset >= s->size)
		return STATUS_INVALID_VIEW_SIZE;
	if (r->size == 0)
		r->size = s->size - r->offset;
	if (r->size > s->size - r->offset)
		return STATUS_INVALID_VIEW_SIZE;
	r->size = (r->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	if (r->alloc_type & MEM_REPLACE_PLACEHOLDER)
		return take_placeholder(m, r);
	if (r->base) {
		if (r->base > USER_MAX || !vad_range_free(m, r->base, r->size))
			return LSW_STATUS_CONFLICTING_ADDRESSES;
		return LSW_STATUS_SUCCESS;
	}
	r->base = vad_find_free_between(m, r->size, ALLOC_GRANULARITY, r->alloc_type & MEM_TOP_DOWN,
					r->low, r->limit);
	return r->base ? LSW_STATUS_SUCCESS : LSW_STATUS_NO_MEMORY;
}

/* A file on a noexec mount cannot be mapped executable: refused here, the
 * runtime's mmap would fail and end the process. */
static bool fd_may_execute(int fd)
{
	struct statvfs vfs;

	return fstatvfs(fd, &vfs) == 0 && !(vfs.f_flag & ST_NOEXEC);
}

static void add_view_ops(struct nt_call *c, const struct view_req *r, int rfd, int prot,
			 int flags)
{
	struct lsw_op *op = nt_add_op(c, LSW_OP_MMAP);

	if (op) {
		op->arg[0] = r->base;
		op->arg[1] = r->size;
		op->arg[2] = (uint64_t)prot;
		op->arg[3] = (uint64_t)flags;
		op->arg[4] = (uint64_t)rfd;
		op->arg[5] = r->offset;
	}
	op = nt_add_op(c, LSW_OP_CLOSE);
	if (op)
		op->arg[0] = (uint64_t)rfd;
}

static NTSTATUS map_data_view(struct nt_call *c, struct section_object *s, uint32_t access,
			      struct view_req *r)
{
	struct lsw_process *p = c->thread->process;
	bool shared_write = protect_is_shared_write(r->protect);
	bool reserve = !s->file_backed && (s->attributes & SEC_RESERVE);
	struct vad *v;
	NTSTATUS st;
	uint32_t cache;
	int fd, rfd;

	if ((st = check_view_protect(s, access, r->protect)) != LSW_STATUS_SUCCESS ||
	    (st = place_view(&p->vad, s, r)) != LSW_STATUS_SUCCESS)
		return st;
	if (!s->file_backed && !reserve && !memory_can_charge(p, r->size))
		return unplace(&p->vad, r, LSW_STATUS_COMMITMENT_LIMIT);
	fd = section_view_fd(s, shared_write);
	if (fd < 0 || (protect_is_exec(r->protect) && !fd_may_execute(fd)))
		return unplace(&p->vad, r, LSW_STATUS_ACCESS_DENIED);
	rfd = notify_addfd(p->notify_fd, c->notif_id, fd);
	if (rfd < 0)
		return unplace(&p->vad, r, LSW_STATUS_INSUFFICIENT_RESOURCES);
	/* a SEC_NOCACHE / SEC_WRITECOMBINE section's views show it in their
	 * protection (kernel32's virtual tests) */
	cache = (s->attributes & SEC_NOCACHE ? PAGE_NOCACHE : 0) |
		(s->attributes & SEC_WRITECOMBINE ? PAGE_WRITECOMBINE : 0);
	if (!(v = vad_insert_view(&p->vad, r->base, r->size, &s->hdr, r->offset, !s->file_backed,
				  r->protect | cache, reserve ? MEM_RESERVE : MEM_COMMIT,
				  reserve ? 0 : r->protect | cache))) {
		struct lsw_op *op = nt_add_op(c, LSW_OP_CLOSE);

		if (op)
			op->arg[0] = (uint64_t)rfd;
		return LSW_STATUS_NO_MEMORY;
	}
	v->from_placeholder = r->replace;
	add_view_ops(c, r, rfd, reserve ? PROT_NONE : nt_protect_to_prot(r->protect),
		     (r->replace ? MAP_FIXED : MAP_FIXED_NOREPLACE) |
			     (r->protect == PAGE_WRITECOPY || r->protect == PAGE_EXECUTE_WRITECOPY
				      ? MAP_PRIVATE : MAP_SHARED));
	if (reserve)
		section_commit_view(c, s, v);
	return LSW_STATUS_SUCCESS;
}

NTSTATUS section_map_read_view(struct nt_call *c, struct section_object *s, uint64_t *base)
{
	struct view_req r = { .protect = PAGE_READONLY, .limit = vad_zero_bits_limit(0) };
	NTSTATUS st = map_data_view(c, s, SECTION_MAP_READ, &r);

	*base = r.base;
	return st;
}

static NTSTATUS read_view_req(struct nt_call *c, struct view_req *r)
{
	struct lsw_thread *t = c->thread;

	*r = (struct view_req){ .low = USER_MIN };
	if (!(r->limit = vad_zero_bits_limit(c->args[3])))
		return LSW_STATUS_INVALID_PARAMETER_4;
	r->protect = (uint32_t)c->args[9];
	r->alloc_type = (uint32_t)c->args[8];
	if (r->alloc_type & AT_ROUND_TO_PAGE)
		return LSW_STATUS_INVALID_PARAMETER; /* page-aligned views: 32-bit only */
	if (tracee_read(t, c->args[2], &r->base, 8) < 0 ||
	    (c->args[5] && tracee_read(t, c->args[5], &r->offset, 8) < 0) ||
	    tracee_read(t, c->args[6], &r->size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* A view was mapped: success or an image's informational status. */
static bool view_mapped(NTSTATUS st)
{
	return st == LSW_STATUS_SUCCESS || st == LSW_STATUS_IMAGE_NOT_AT_BASE ||
	       st == LSW_STATUS_IMAGE_MACHINE_TYPE_MISMATCH;
}

/* Maps the view r asks of section s (its handle's access) in tc's
 * process: *r says where. */
static NTSTATUS map_view(struct nt_call *tc, struct section_object *s, uint32_t access,
			 struct view_req *r)
{
	NTSTATUS st;

	if (s->image) {
		if (r->alloc_type & MEM_REPLACE_PLACEHOLDER)
			return LSW_STATUS_INVALID_PARAMETER;
		if ((st = check_view_access(access, r->protect)) != LSW_STATUS_SUCCESS)
			return st;
		st = section_map_image(tc, s, &r->base);
		if (view_mapped(st))
			process_note_image(tc->thread->process, s->label, r->base, s->size);
		r->size = (s->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
		return st;
	}
	return map_data_view(tc, s, access, r);
}

/* NtMapViewOfSection(SectionHandle, ProcessHandle, *BaseAddress, ZeroBits,
 *                    CommitSize, *SectionOffset, *ViewSize,
 *                    InheritDisposition, AllocationType, Win32Protect) */
NTSTATUS nt_NtMapViewOfSection(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	struct section_object *s;
	struct nt_call *tc;
	struct view_req r;
	NTSTATUS st;

	s = (struct section_object *)handle_get(t->process, c->args[0], &section_ops, &st);
	if (!s)
		return st;
	if (!(tc = remote_call_begin(c, c->args[1], PROCESS_VM_OPERATION, nt_NtMapViewOfSection,
				     &st)))
		return st;
	if ((st = read_view_req(c, &r)) != LSW_STATUS_SUCCESS)
		return st;
	st = map_view(tc, s, handle_access(t->process, c->args[0]), &r);
	if (view_mapped(st) &&
	    (tracee_write(t, c->args[2], &r.base, 8) < 0 ||
	     tracee_write(t, c->args[6], &r.size, 8) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	if (tc == c && s->image && view_mapped(st))
		debug_report_dll(t, r.base); /* a debugger hears of it first */
	return remote_call_end(c, tc, st);
}

/* NtMapViewOfSectionEx(SectionHandle, ProcessHandle, *BaseAddress,
 *   *SectionOffset, *ViewSize, AllocationType, PageProtection,
 *   ExtendedParameters, ParameterCount): address requirements instead of
 * ZeroBits, and placeholders. */
NTSTATUS nt_NtMapViewOfSectionEx(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	struct alloc_req bounds = { .low = USER_MIN, .limit = USER_MAX + 1 };
	struct view_req r = { .protect = (uint32_t)c->args[6], .alloc_type = (uint32_t)c->args[5] };
	struct section_object *s;
	struct nt_call *tc;
	bool has_address;
	NTSTATUS st;

	s = (struct section_object *)handle_get(t->process, c->args[0], &section_ops, &st);
	if (!s)
		return st;
	if (!(tc = remote_call_begin(c, c->args[1], PROCESS_VM_OPERATION, nt_NtMapViewOfSectionEx,
				     &st)))
		return st;
	if (tracee_read(t, c->args[2], &r.base, 8) < 0 ||
	    (c->args[3] && tracee_read(t, c->args[3], &r.offset, 8) < 0) ||
	    tracee_read(t, c->args[4], &r.size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((st = memory_ext_params(c, c->args[7], (uint32_t)c->args[8], &bounds, &has_address)) !=
	    LSW_STATUS_SUCCESS)
		return st;
	if ((has_address && r.base) || (r.alloc_type & AT_ROUND_TO_PAGE))
		return LSW_STATUS_INVALID_PARAMETER; /* page-aligned views: 32-bit only */
	r.low = bounds.low;
	r.limit = bounds.limit;
	st = map_view(tc, s, handle_access(t->process, c->args[0]), &r);
	if (view_mapped(st) &&
	    (tracee_write(t, c->args[2], &r.base, 8) < 0 ||
	     tracee_write(t, c->args[4], &r.size, 8) < 0))
		st = LSW_STATUS_ACCESS_VIOLATION;
	return remote_call_end(c, tc, st);
}

/* Unmaps the view at addr; with MEM_PRESERVE_PLACEHOLDER in flags, one
 * that replaced a placeholder becomes that placeholder again. */
static NTSTATUS unmap_view(struct nt_call *c, uint64_t addr, uint64_t flags)
{
	struct vad_map *m = &c->thread->process->vad;
	bool preserve = flags & MEM_PRESERVE_PLACEHOLDER;
	uint64_t base, size;
	struct vad *v;
	struct lsw_op *op;

	v = vad_find(m, addr);
	if (!v || (v->type != MEM_IMAGE && v->type != MEM_MAPPED))
		return LSW_STATUS_NOT_MAPPED_VIEW;
	if (preserve && !v->from_placeholder)
		return LSW_STATUS_CONFLICTING_ADDRESSES;
	base = v->base;
	size = v->size;
	if (preserve) {
		memory_op_map_anon(c, base, size, PROT_NONE, true);
	} else if ((op = nt_add_op(c, LSW_OP_MUNMAP))) {
		op->arg[0] = base;
		op->arg[1] = size;
	}
	if (v->type == MEM_IMAGE) {
		process_forget_image(c->thread->process, base);
		if (c->thread != c->thread->process->service) /* not another's call */
			debug_report_dll_unload(c->thread, base);
	}
	if (preserve)
		vad_remove(m, v); /* mapped over at once: no unmap to wait for */
	else
		memory_release_range(c, v);
	if (preserve && !placeholder_insert(m, base, size))
		return LSW_STATUS_NO_MEMORY;
	return LSW_STATUS_SUCCESS;
}

/* NtUnmapViewOfSection(ProcessHandle, BaseAddress) */
NTSTATUS nt_NtUnmapViewOfSection(struct nt_call *c)
{
	struct nt_call *tc;
	NTSTATUS st;

	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION, nt_NtUnmapViewOfSection,
				     &st)))
		return st;
	return remote_call_end(c, tc, unmap_view(tc, c->args[1], 0));
}

/* NtUnmapViewOfSectionEx(ProcessHandle, BaseAddress, Flags) */
NTSTATUS nt_NtUnmapViewOfSectionEx(struct nt_call *c)
{
	struct nt_call *tc;
	NTSTATUS st;

	if ((uint32_t)c->args[2] & ~3u) /* MEM_UNMAP_WITH_TRANSIENT_BOOST, MEM_PRESERVE_PLACEHOLDER */
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(tc = remote_call_begin(c, c->args[0], PROCESS_VM_OPERATION,
				     nt_NtUnmapViewOfSectionEx, &st)))
		return st;
	return remote_call_end(c, tc, unmap_view(tc, c->args[1], (uint32_t)c->args[2]));
}

/* NtFlushVirtualMemory(ProcessHandle, *BaseAddress, *RegionSize, IoStatus):
 * the pages of a file view are the file's page cache already; this makes
 * them durable.  Size 0 means to the end of the view. */
NTSTATUS nt_NtFlushVirtualMemory(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	uint64_t base, size, b, e;
	struct section_object *s;
	struct lsw_process *p;
	struct vad *v;
	NTSTATUS st;

	if (!(p = remote_process(c, c->args[0], PROCESS_VM_OPERATION, nt_NtFlushVirtualMemory,
				 &st)))
		return st;
	if (tracee_read(t, c->args[1], &base, 8) < 0 || tracee_read(t, c->args[2], &size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	v = vad_find(&p->vad, base);
	if (!v || v->type != MEM_MAPPED || !v->section)
		return LSW_STATUS_NOT_MAPPED_VIEW;
	b = base & ~(PAGE_SIZE_NT - 1);
	e = size ? (base + size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1) : v->base + v->size;
	if (e > v->base + v->size || e < b)
		e = v->base + v->size;
	s = (struct section_object *)v->section;
	if (s->file_backed &&
	    sync_file_range(s->fd, (off64_t)(v->offset + (b - v->base)), (off64_t)(e - b),
			    SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
				    SYNC_FILE_RANGE_WAIT_AFTER) < 0)
		return errno_to_status(errno);
	size = e - b;
	if (tracee_write(t, c->args[1], &b, 8) < 0 || tracee_write(t, c->args[2], &size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return tracee_write_iosb(t, c->args[3], LSW_STATUS_SUCCESS, 0);
}

int section_view_privatize(struct nt_call *c, struct vad *v, uint64_t addr, uint64_t size,
			   uint32_t protect)
{
	struct section_object *s = (struct section_object *)v->section;
	struct view_req r = { .base = addr, .offset = v->offset + (addr - v->base), .size = size,
			      .protect = protect };
	int fd = s ? section_view_fd(s, false) : -1;
	int rfd = fd < 0 ? -1 : notify_addfd(c->thread->process->notify_fd, c->notif_id, fd);

	if (rfd < 0)
		return -1;
	/* replaces the shared pages with copy-on-write ones of the same bytes */
	add_view_ops(c, &r, rfd, nt_protect_to_prot(protect), MAP_PRIVATE | MAP_FIXED);
	return 0;
}

/* The view holding addr, or why not: STATUS_INVALID_ADDRESS for nothing
 * there, STATUS_CONFLICTING_ADDRESSES for memory that is no view. */
static struct vad *view_at(struct nt_call *c, uint64_t addr, NTSTATUS *st)
{
	struct vad *v = addr ? vad_find(&c->thread->process->vad, addr) : NULL;

	*st = LSW_STATUS_SUCCESS;
	if (!v || v->type == 0)
		*st = LSW_STATUS_INVALID_ADDRESS;
	else if (v->type != MEM_IMAGE && v->type != MEM_MAPPED)
		*st = LSW_STATUS_CONFLICTING_ADDRESSES;
	return *st == LSW_STATUS_SUCCESS ? v : NULL;
}

/* NtAreMappedFilesTheSame(File1MappedAsAnImage, File2MappedAsFile): the
 * same view, or an image view and any view of the same file. */
NTSTATUS nt_NtAreMappedFilesTheSame(struct nt_call *c)
{
	struct section_object *s1, *s2;
	struct vad *v1, *v2;
	NTSTATUS st;

	if (!(v1 = view_at(c, c->args[0], &st)) || !(v2 = view_at(c, c->args[1], &st)))
		return st;
	if (v1 == v2)
		return LSW_STATUS_SUCCESS;
	s1 = (struct section_object *)v1->section;
	s2 = (struct section_object *)v2->section;
	if (v1->type == MEM_IMAGE && s1 && s2 && s1->file_name && s2->file_name &&
	    strcasecmp(s1->file_name, s2->file_name) == 0)
		return LSW_STATUS_SUCCESS;
	return LSW_STATUS_NOT_SAME_DEVICE;
}
