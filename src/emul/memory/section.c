/*
 * NtCreateSection (SEC_IMAGE), NtMapViewOfSection, NtUnmapViewOfSection.
 * Relocation happens here, in the supervisor, as the Windows memory manager
 * does for images mapped away from their preferred base.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/memory/memory.h"
#include "emul/memory/section.h"
#include "tracer/notify.h"

#define SEC_IMAGE 0x1000000u
#define IMAGE_SCN_MEM_EXECUTE 0x20000000u
#define IMAGE_SCN_MEM_READ 0x40000000u
#define IMAGE_SCN_MEM_WRITE 0x80000000u
#define IMAGE_REL_BASED_HIGHLOW 3
#define IMAGE_REL_BASED_DIR64 10
#define MAX_IMAGE_FILE (1u << 30)

static void section_destroy(struct nt_object *obj)
{
	struct section_object *s = (struct section_object *)obj;

	free(s->file);
	free(s);
}

static void section_describe(struct nt_object *obj, char *buf, size_t len)
{
	snprintf(buf, len, "Section %s", ((struct section_object *)obj)->name);
}

const struct nt_object_ops section_ops = { "Section", section_destroy, section_describe, NULL };

int read_host_file(int fd, uint8_t **out, size_t *size)
{
	struct stat st;
	uint8_t *buf;
	size_t done = 0;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_IMAGE_FILE)
		return -1;
	buf = malloc((size_t)st.st_size + 1);
	if (!buf)
		return -1;
	while (done < (size_t)st.st_size) {
		ssize_t n = pread(fd, buf + done, (size_t)st.st_size - done, (off_t)done);

		if (n <= 0) {
			free(buf);
			return -1;
		}
		done += (size_t)n;
	}
	*out = buf;
	*size = done;
	return 0;
}

struct section_object *section_from_image(uint8_t *file, size_t size, const char *name,
					  NTSTATUS *status, char *err, size_t errlen)
{
	struct section_object *s = calloc(1, sizeof(*s));

	if (!s) {
		free(file);
		*status = LSW_STATUS_NO_MEMORY;
		return NULL;
	}
	object_init(&s->hdr, &section_ops);
	s->image = true;
	s->file = file;
	s->file_size = size;
	snprintf(s->name, sizeof(s->name), "%s", name);
	if (pe_parse(&s->pe, file, size) < 0) {
		if (err)
			snprintf(err, errlen, "%s", s->pe.error);
		*status = LSW_STATUS_INVALID_IMAGE_FORMAT;
		object_unref(&s->hdr);
		return NULL;
	}
	s->size = s->pe.size_of_image;
	return s;
}

struct reloc_ctx {
	uint8_t *buf;
	size_t size;
	uint64_t delta;
};

static int apply_reloc(void *arg, uint32_t rva, int type)
{
	struct reloc_ctx *r = arg;

	if (type == IMAGE_REL_BASED_DIR64 && (size_t)rva + 8 <= r->size) {
		uint64_t v;
		memcpy(&v, r->buf + rva, 8);
		v += r->delta;
		memcpy(r->buf + rva, &v, 8);
		return 0;
	}
	if (type == IMAGE_REL_BASED_HIGHLOW && (size_t)rva + 4 <= r->size) {
		uint32_t v;
		memcpy(&v, r->buf + rva, 4);
		v += (uint32_t)r->delta;
		memcpy(r->buf + rva, &v, 4);
		return 0;
	}
	return 1;
}

static uint32_t section_protect(uint32_t ch)
{
	bool x = ch & IMAGE_SCN_MEM_EXECUTE, w = ch & IMAGE_SCN_MEM_WRITE,
	     r = ch & IMAGE_SCN_MEM_READ;

	if (x)
		return w ? PAGE_EXECUTE_WRITECOPY : r ? PAGE_EXECUTE_READ : PAGE_EXECUTE;
	if (w)
		return PAGE_WRITECOPY;
	return r ? PAGE_READONLY : PAGE_NOACCESS;
}

/* A memfd holding the image laid out and relocated for base, installed in
 * the tracee.  It is built in place through a shared mapping: pages the
 * image leaves zero are never touched. */
static int image_memfd(struct nt_call *c, struct section_object *s, uint64_t base,
		       int *remote_fd)
{
	struct reloc_ctx r = { NULL, s->size, base - s->pe.image_base };
	int fd = memfd_create(s->name, MFD_CLOEXEC), rc = -1;

	if (fd < 0 || ftruncate(fd, (off_t)s->size) < 0)
		goto out;
	r.buf = mmap(NULL, s->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (r.buf == MAP_FAILED) {
		r.buf = NULL;
		goto out;
	}
	if (pe_layout_zeroed(&s->pe, r.buf, s->size) < 0 ||
	    (r.delta && pe_for_each_reloc(&s->pe, apply_reloc, &r) != 0))
		goto out;
	*remote_fd = notify_addfd(c->thread->process->notify_fd, c->notif_id, fd);
	rc = *remote_fd < 0 ? -1 : 0;
out:
	if (r.buf)
		munmap(r.buf, s->size);
	if (fd >= 0)
		close(fd);
	return rc;
}

static void add_image_ops(struct nt_call *c, struct section_object *s, uint64_t base,
			  int rfd, struct vad *v)
{
	struct lsw_op *op = nt_add_op(c, LSW_OP_MMAP);
	bool per_section = s->pe.section_alignment >= PAGE_SIZE_NT;

	if (op) {
		op->arg[0] = base;
		op->arg[1] = s->size;
		op->arg[2] = PROT_READ | PROT_WRITE;
		op->arg[3] = MAP_PRIVATE | MAP_FIXED_NOREPLACE;
		op->arg[4] = (uint64_t)rfd;
	}
	op = nt_add_op(c, LSW_OP_CLOSE);
	if (op)
		op->arg[0] = (uint64_t)rfd;
	if (!per_section) {
		memory_op_protect(c, base, (s->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1),
				  PAGE_EXECUTE_WRITECOPY);
		return;
	}
	memory_op_protect(c, base, PAGE_SIZE_NT, PAGE_READONLY);
	vad_set_pages(&c->thread->process->vad, v, base, PAGE_SIZE_NT, MEM_COMMIT,
		      PAGE_READONLY);
	for (unsigned i = 0; i < s->pe.num_sections; i++) {
		const struct pe_section *sec = &s->pe.sections[i];
		uint64_t start = base + sec->virtual_address;
		uint64_t len = sec->virtual_size ? sec->virtual_size : sec->raw_size;
		uint32_t prot = section_protect(sec->characteristics);

		len = (len + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
		if (!len || start + len > base + v->size)
			continue;
		memory_op_protect(c, start, len, prot);
		vad_set_pages(&c->thread->process->vad, v, start, len, MEM_COMMIT, prot);
	}
}

NTSTATUS section_map_image(struct nt_call *c, struct section_object *s, uint64_t *base)
{
	struct vad_map *m = &c->thread->process->vad;
	uint64_t size = (s->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	uint64_t b = *base ? *base : s->pe.image_base;
	struct vad *v;
	int rfd;

	if (b & (ALLOC_GRANULARITY - 1))
		return LSW_STATUS_CONFLICTING_ADDRESSES; /* STATUS_MAPPED_ALIGNMENT */
	if (!vad_range_free(m, b, size)) {
		if (*base)
			return LSW_STATUS_CONFLICTING_ADDRESSES;
		b = vad_find_free(m, size, ALLOC_GRANULARITY, true);
		if (!b)
			return LSW_STATUS_NO_MEMORY;
	}
	if (image_memfd(c, s, b, &rfd) < 0)
		return LSW_STATUS_INVALID_IMAGE_FORMAT;
	v = vad_insert(m, b, size, MEM_IMAGE, PAGE_EXECUTE_WRITECOPY, MEM_COMMIT,
		       PAGE_EXECUTE_WRITECOPY);
	if (!v)
		return LSW_STATUS_NO_MEMORY;
	add_image_ops(c, s, b, rfd, v);
	*base = b;
	return b == s->pe.image_base ? LSW_STATUS_SUCCESS : LSW_STATUS_IMAGE_NOT_AT_BASE;
}

/* NtCreateSection(*SectionHandle, DesiredAccess, ObjectAttributes,
 *                 MaximumSize, SectionPageProtection, AllocationAttributes,
 *                 FileHandle) -- image sections of files for now. */
NTSTATUS nt_NtCreateSection(struct nt_call *c)
{
	struct lsw_process *p = c->thread->process;
	struct file_object *f;
	struct section_object *s;
	const char *base_name;
	uint8_t *data;
	size_t size;
	uint64_t h;
	NTSTATUS st;

	if (!(c->args[5] & SEC_IMAGE) || !c->args[6])
		return LSW_STATUS_NOT_IMPLEMENTED;
	f = (struct file_object *)handle_get(p, c->args[6], &file_ops, &st);
	if (!f)
		return st;
	if (f->fd < 0 || read_host_file(f->fd, &data, &size) < 0)
		return LSW_STATUS_INVALID_IMAGE_FORMAT;
	base_name = f->name_utf8 ? strrchr(f->name_utf8, '/') : NULL;
	s = section_from_image(data, size, base_name ? base_name + 1 : "image", &st, NULL, 0);
	if (!s)
		return st;
	h = handle_alloc_call(c, &s->hdr, (uint32_t)c->args[1]);
	object_unref(&s->hdr);
	if (!h)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	if (tracee_write(c->thread, c->args[0], &h, 8) < 0) {
		handle_close(p, h);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	return LSW_STATUS_SUCCESS;
}

/* NtMapViewOfSection(SectionHandle, ProcessHandle, *BaseAddress, ZeroBits,
 *                    CommitSize, *SectionOffset, *ViewSize,
 *                    InheritDisposition, AllocationType, Win32Protect) */
NTSTATUS nt_NtMapViewOfSection(struct nt_call *c)
{
	struct lsw_thread *t = c->thread;
	struct section_object *s;
	uint64_t base, view;
	NTSTATUS st, mst;

	s = (struct section_object *)handle_get(t->process, c->args[0], &section_ops, &st);
	if (!s)
		return st;
	if (c->args[1] != NT_CURRENT_PROCESS_HANDLE)
		return LSW_STATUS_INVALID_HANDLE;
	if (tracee_read(t, c->args[2], &base, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	mst = section_map_image(c, s, &base);
	if (mst != LSW_STATUS_SUCCESS && mst != LSW_STATUS_IMAGE_NOT_AT_BASE)
		return mst;
	process_note_image(t->process, s->name, base, s->size);
	view = (s->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	if (tracee_write(t, c->args[2], &base, 8) < 0 ||
	    (c->args[6] && tracee_write(t, c->args[6], &view, 8) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return mst;
}

/* NtUnmapViewOfSection(ProcessHandle, BaseAddress) */
NTSTATUS nt_NtUnmapViewOfSection(struct nt_call *c)
{
	struct vad_map *m = &c->thread->process->vad;
	struct vad *v;
	struct lsw_op *op;

	if (c->args[0] != NT_CURRENT_PROCESS_HANDLE)
		return LSW_STATUS_INVALID_HANDLE;
	v = vad_find(m, c->args[1]);
	if (!v || (v->type != MEM_IMAGE && v->type != MEM_MAPPED))
		return LSW_STATUS_NOT_MAPPED_VIEW;
	op = nt_add_op(c, LSW_OP_MUNMAP);
	if (op) {
		op->arg[0] = v->base;
		op->arg[1] = v->size;
	}
	process_forget_image(c->thread->process, v->base);
	vad_remove(m, v);
	return LSW_STATUS_SUCCESS;
}
