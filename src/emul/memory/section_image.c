/*
 * Image sections (SEC_IMAGE): the PE file is parsed from its headers and
 * laid out once, at its preferred base, in a sealed memfd; every view maps
 * that memfd copy-on-write.  A view away from the preferred base gets its
 * own memfd, copied in the kernel and relocated here, as the Windows
 * memory manager relocates images.  The supervisor never holds the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/memory/image_cache.h"
#include "emul/memory/memory.h"
#include "emul/memory/section.h"
#include "tracer/notify.h"

#define IMAGE_SCN_MEM_EXECUTE 0x20000000u
#define IMAGE_SCN_MEM_READ 0x40000000u
#define IMAGE_SCN_MEM_WRITE 0x80000000u
#define IMAGE_REL_BASED_HIGHLOW 3
#define IMAGE_REL_BASED_DIR64 10
#define STATUS_INVALID_IMAGE_NE_FORMAT 0xC000011Bu
#define STATUS_INVALID_IMAGE_NOT_MZ 0xC000012Fu
#define STATUS_INVALID_IMAGE_PROTECT 0xC0000130u
#define STATUS_INVALID_IMAGE_WIN_16 0xC0000131u
#define LAYOUT_SEALS (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE)

/* A sealed memfd of s->size bytes, filled by fill(ctx, fd, mapping). */
static int sealed_memfd(struct section_object *s,
			int (*fill)(void *ctx, int fd, uint8_t *buf), void *ctx)
{
	int fd = memfd_create(s->label, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	uint8_t *buf;
	int rc;

	if (fd < 0)
		return -1;
	if (ftruncate(fd, (off_t)s->size) < 0)
		goto fail;
	buf = mmap(NULL, s->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (buf == MAP_FAILED)
		goto fail;
	rc = fill(ctx, fd, buf);
	munmap(buf, s->size);
	/* sealed: no process that maps it can change what the others see */
	if (rc < 0 || fcntl(fd, F_ADD_SEALS, LAYOUT_SEALS) < 0)
		goto fail;
	return fd;
fail:
	close(fd);
	return -1;
}

struct layout_ctx {
	struct section_object *s;
	int file_fd;
};

static int fill_layout(void *arg, int fd, uint8_t *buf)
{
	(void)fd;
	struct layout_ctx *l = arg;

	return pe_layout_fd(&l->s->pe, l->file_fd, buf, l->s->size);
}

/* The status Windows refuses such a file with. */
static NTSTATUS image_reject_status(enum pe_reject why)
{
	switch (why) {
	case PE_REJECT_NOT_MZ: return STATUS_INVALID_IMAGE_NOT_MZ;
	case PE_REJECT_DOS: return STATUS_INVALID_IMAGE_PROTECT;
	case PE_REJECT_NE: return STATUS_INVALID_IMAGE_NE_FORMAT;
	case PE_REJECT_WIN16: return STATUS_INVALID_IMAGE_WIN_16;
	case PE_REJECT_FORMAT: break;
	}
	return LSW_STATUS_INVALID_IMAGE_FORMAT;
}

struct section_object *section_from_image_fd(int fd, const char *label, NTSTATUS *status,
					     char *err, size_t errlen)
{
	struct section_object *s = calloc(1, sizeof(*s));
	struct layout_ctx l = { s, fd };
	struct stat st;

	if (!s) {
		*status = LSW_STATUS_NO_MEMORY;
		return NULL;
	}
	object_init(&s->hdr, &section_ops);
	s->image = true;
	s->fd = s->ro_fd = -1;
	s->protect = PAGE_EXECUTE_WRITECOPY;
	s->attributes = SEC_IMAGE | SEC_FILE;
	snprintf(s->label, sizeof(s->label), "%s", label);
	*status = LSW_STATUS_INVALID_IMAGE_FORMAT;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (err)
			snprintf(err, errlen, "not a regular file");
		goto fail;
	}
	s->file_size = (uint64_t)st.st_size;
	if ((s->fd = image_cache_get(&st, &s->pe)) >= 0) { /* read-only already */
		s->size = s->pe.image_span;
		s->ro_fd = fcntl(s->fd, F_DUPFD_CLOEXEC, 0);
		return s;
	}
	if (pe_parse_fd(&s->pe, fd, s->file_size) < 0) {
		*status = image_reject_status(s->pe.reject);
		goto fail_pe;
	}
	s->size = s->pe.image_span;
	s->fd = sealed_memfd(s, fill_layout, &l);
	if (s->fd < 0)
		goto fail_pe;
	image_cache_put(&st, &s->pe, s->fd);
	return s;
fail_pe:
	if (err)
		snprintf(err, errlen, "%s", s->pe.error[0] ? s->pe.error : "cannot lay out");
fail:
	object_unref(&s->hdr);
	return NULL;
}

struct reloc_ctx {
	uint8_t *buf;
	size_t size;
	uint64_t delta;
	const struct pe_image *pe;
	int layout_fd;
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

/* The relocated copy: the layout copied by the kernel, then patched where
 * the relocation table says; the table is read from the copy itself. */
static int fill_relocated(void *arg, int fd, uint8_t *buf)
{
	struct reloc_ctx *r = arg;
	struct pe_image view;
	loff_t in = 0, out = 0;

	while ((size_t)in < r->size) {
		ssize_t n = copy_file_range(r->layout_fd, &in, fd, &out, r->size - (size_t)in, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
	}
	while ((size_t)in < r->size) { /* no copy_file_range here: read it */
		ssize_t n = pread(r->layout_fd, buf + in, r->size - (size_t)in, in);

		if (n <= 0)
			return -1;
		in += n;
	}
	r->buf = buf;
	pe_as_laid_out(r->pe, buf, &view);
	return pe_for_each_reloc(&view, apply_reloc, r) == 0 ? 0 : -1;
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

/* A read-only fd of the image laid out for base, installed in the tracee. */
static int image_remote_fd(struct nt_call *c, struct section_object *s, uint64_t base)
{
	struct reloc_ctx r = { NULL, s->size, base - s->pe.image_base, &s->pe, s->fd };
	int fd, ro, rfd;

	if (!r.delta) {
		ro = section_view_fd(s, false);
		return ro < 0 ? -1 : notify_addfd(c->thread->process->notify_fd, c->notif_id, ro);
	}
	fd = sealed_memfd(s, fill_relocated, &r);
	if (fd < 0)
		return -1;
	rfd = notify_addfd(c->thread->process->notify_fd, c->notif_id, fd);
	close(fd);
	return rfd;
}

/* The mprotects of an image's sections: one per run of adjacent pages that
 * end with one protection (.rdata, .pdata and .xdata are one), none for a
 * run that keeps the mapping's read-write (.data, .bss, .idata): each is a
 * system call of the runtime (an image took 8 to 11, now 4 or 5). */
struct protect_run {
	uint64_t start, end;
	uint32_t protect; /* the first section's, as the run's pages end */
	int prot;         /* its Linux protection */
};

static void protect_run_flush(struct nt_call *c, struct protect_run *r)
{
	if (r->end > r->start && r->prot != (PROT_READ | PROT_WRITE))
		memory_op_protect(c, r->start, r->end - r->start, r->protect);
	r->start = r->end = 0;
}

static void protect_run_add(struct nt_call *c, struct protect_run *r, uint64_t start,
			    uint64_t len, uint32_t protect)
{
	int prot = nt_protect_to_prot(protect);

	if (r->end > r->start && (r->end != start || r->prot != prot))
		protect_run_flush(c, r);
	if (r->end == r->start) {
		r->start = start;
		r->protect = protect;
		r->prot = prot;
	}
	r->end = start + len;
}

static void add_image_ops(struct nt_call *c, struct section_object *s, uint64_t base,
			  int rfd, struct vad *v)
{
	struct lsw_op *op = nt_add_op(c, LSW_OP_MMAP);
	bool per_section = s->pe.section_alignment >= PAGE_SIZE_NT;
	struct protect_run run = { 0 };

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
	protect_run_add(c, &run, base, PAGE_SIZE_NT, PAGE_READONLY);
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
		protect_run_add(c, &run, start, len, prot);
		vad_set_pages(&c->thread->process->vad, v, start, len, MEM_COMMIT, prot);
	}
	protect_run_flush(c, &run);
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
	rfd = image_remote_fd(c, s, b);
	if (rfd < 0)
		return LSW_STATUS_INVALID_IMAGE_FORMAT;
	v = vad_insert(m, b, size, MEM_IMAGE, PAGE_EXECUTE_WRITECOPY, MEM_COMMIT,
		       PAGE_EXECUTE_WRITECOPY);
	if (!v)
		return LSW_STATUS_NO_MEMORY;
	v->section = object_ref(&s->hdr);
	add_image_ops(c, s, b, rfd, v);
	*base = b;
	if (s->pe.pe32) /* mapped, as x86-64 Windows maps an x86 image: not to run */
		return LSW_STATUS_IMAGE_MACHINE_TYPE_MISMATCH;
	return b == s->pe.image_base ? LSW_STATUS_SUCCESS : LSW_STATUS_IMAGE_NOT_AT_BASE;
}

int section_find_exports(struct section_object *s, const char *const *names, uint32_t *rva,
			 unsigned n)
{
	struct pe_image view;
	uint8_t *buf;

	if (s->export_names == names && s->export_n == n) {
		memcpy(rva, s->export_rva, n * sizeof(*rva));
		return 0;
	}
	if ((buf = mmap(NULL, s->size, PROT_READ, MAP_SHARED, s->fd, 0)) == MAP_FAILED)
		return -1;
	pe_as_laid_out(&s->pe, buf, &view);
	for (unsigned i = 0; i < n; i++) {
		const char *fwd = NULL;

		if (pe_find_export(&view, names[i], &rva[i], &fwd) < 0 || fwd)
			rva[i] = 0;
	}
	munmap(buf, s->size);
	if (n <= sizeof(s->export_rva) / sizeof(s->export_rva[0])) {
		s->export_names = names;
		s->export_n = n;
		memcpy(s->export_rva, rva, n * sizeof(*rva));
	}
	return 0;
}
