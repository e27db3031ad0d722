/*
 * Section objects: NtCreateSection, NtOpenSection, NtQuerySection,
 * NtExtendSection.  Data sections hold a host fd (section.h); image
 * sections are built in section_image.c; views in section_view.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/file_access.h"
#include "emul/memory/memory.h"
#include "emul/memory/section.h"

#define STATUS_INVALID_PARAMETER_6 0xC00000F4u
#define STATUS_INVALID_FILE_FOR_SECTION 0xC0000020u
#define STATUS_SECTION_TOO_BIG 0xC0000040u
#define STATUS_MAPPED_FILE_SIZE_ZERO 0xC000011Eu
#define STATUS_INVALID_IMAGE_NOT_MZ 0xC000012Fu
#define STATUS_SECTION_NOT_IMAGE 0xC0000049u
#define STATUS_SECTION_NOT_EXTENDED 0xC0000087u
#define STANDARD_READ 0x00020000u /* READ_CONTROL */
#define SECTION_MAX_SIZE (1ull << 40) /* page-file-backed: more than any commit limit */
#define RESERVE_MAX_SIZE (1ull << 47) /* SEC_RESERVE commits nothing: the user address
				      * space (.NET's executable allocator asks 2 TiB) */
#define SEC_KNOWN (SEC_BASED | SEC_NO_CHANGE | SEC_FILE | SEC_IMAGE | SEC_PROTECTED_IMAGE | \
		   SEC_RESERVE | SEC_COMMIT | SEC_NOCACHE | SEC_WRITECOMBINE | SEC_LARGE_PAGES)

static const struct generic_mapping section_mapping = {
	STANDARD_READ | SECTION_QUERY | SECTION_MAP_READ,
	STANDARD_READ | SECTION_MAP_WRITE,
	STANDARD_READ | SECTION_MAP_EXECUTE,
	SECTION_ALL_ACCESS,
};

static struct section_object *file_sections;

static void unlink_file_section(struct section_object *s)
{
	for (struct section_object **at = &file_sections; *at; at = &(*at)->next_file)
		if (*at == s) {
			*at = s->next_file;
			return;
		}
}

bool section_maps_inode(uint64_t dev, uint64_t ino)
{
	struct stat sb;

	for (struct section_object *s = file_sections; s; s = s->next_file)
		if (fstat(s->fd, &sb) == 0 && sb.st_dev == dev && sb.st_ino == ino)
			return true;
	return false;
}

bool section_maps_file(int fd)
{
	struct stat want;

	return fstat(fd, &want) == 0 && section_maps_inode(want.st_dev, want.st_ino);
}

static void section_destroy(struct nt_object *obj)
{
	struct section_object *s = (struct section_object *)obj;

	unlink_file_section(s);

	object_name_remove(&s->name);
	if (s->fd >= 0)
		close(s->fd);
	if (s->ro_fd >= 0)
		close(s->ro_fd);
	free(s->file_name);
	free(s->commits);
	free(s);
}

static void section_describe(struct nt_object *obj, char *buf, size_t len)
{
	struct section_object *s = (struct section_object *)obj;

	if (s->name.leaf)
		object_name_describe(&s->name, buf, len);
	else
		snprintf(buf, len, "Section %s", s->file_name ? s->file_name : s->label);
}

const struct nt_object_ops section_ops = {
	.type_name = "Section",
	.destroy = section_destroy,
	.describe = section_describe,
};

int section_view_fd(struct section_object *s, bool write_shared)
{
	char path[40];

	if (write_shared)
		return s->fd_writable ? s->fd : -1;
	if (s->ro_fd < 0) {
		/* a new description, read-only: the program can map it, never
		 * write through it */
		snprintf(path, sizeof(path), "/proc/self/fd/%d", s->fd);
		s->ro_fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	return s->ro_fd;
}

/* Whether a section of protection `protect` may be made over a file opened
 * with `access` (STATUS_ACCESS_DENIED otherwise). */
static bool file_allows(uint32_t access, uint32_t protect)
{
	uint32_t need = FILE_READ_DATA;

	if (protect == PAGE_READWRITE || protect == PAGE_EXECUTE_READWRITE)
		need |= FILE_WRITE_DATA;
	if (protect & (PAGE_EXECUTE | PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE |
		       PAGE_EXECUTE_WRITECOPY))
		need |= FILE_EXECUTE;
	return (access & need) == need;
}

static bool protect_writes(uint32_t protect)
{
	return protect == PAGE_READWRITE || protect == PAGE_EXECUTE_READWRITE;
}

/* The section's own fd of a file: a new description with only the access
 * the section needs, so a view's fd never grants more. */
static int reopen_file(int fd, bool write)
{
	char path[40];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return open(path, (write ? O_RDWR : O_RDONLY) | O_CLOEXEC);
}

/* MaximumSize for a file: 0 means the file's size; more grows the file
 * when the section writes. */
static NTSTATUS size_file_section(struct section_object *s, struct file_object *f,
				  uint64_t want)
{
	struct stat st;

	if (fstat(s->fd, &st) < 0 || !S_ISREG(st.st_mode))
		return STATUS_INVALID_FILE_FOR_SECTION;
	if (want == 0) {
		if (st.st_size == 0)
			return STATUS_MAPPED_FILE_SIZE_ZERO;
		want = (uint64_t)st.st_size;
	} else if (want > (uint64_t)st.st_size) {
		if (!s->fd_writable)
			return STATUS_SECTION_TOO_BIG;
		if (want > (uint64_t)INT64_MAX || ftruncate(s->fd, (off_t)want) < 0)
			return errno == EFBIG || errno == EINVAL ? STATUS_SECTION_TOO_BIG
								 : errno_to_status(errno);
	}
	s->size = want;
	if (f->nt_name)
		s->file_name = strdup(f->nt_name);
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS file_section(struct nt_call *c, struct section_object *s, uint64_t fh,
			     uint64_t want)
{
	struct lsw_process *p = c->thread->process;
	uint32_t access = handle_access(p, fh);
	struct file_object *f;
	struct stat sb;
	NTSTATUS st;

	f = (struct file_object *)handle_get(p, fh, &file_ops, &st);
	if (!f)
		return st;
	/* a regular file only: reopening a FIFO would block the supervisor */
	if (f->kind != FILE_KIND_DISK || f->fd < 0 || fstat(f->fd, &sb) < 0 || !S_ISREG(sb.st_mode))
		return STATUS_INVALID_FILE_FOR_SECTION;
	if (s->protect == PAGE_EXECUTE) /* execute-only views of a file do not exist */
		return LSW_STATUS_INVALID_PAGE_PROTECTION;
	if (!file_allows(access, s->protect))
		return LSW_STATUS_ACCESS_DENIED;
	s->file_backed = true;
	/* what Windows reports: no SEC_COMMIT or SEC_RESERVE */
	s->attributes = SEC_FILE | (s->attributes & (SEC_NOCACHE | SEC_WRITECOMBINE));
	s->fd_writable = protect_writes(s->protect) && !f->read_only;
	if (protect_writes(s->protect) && f->read_only)
		return LSW_STATUS_ACCESS_DENIED;
	s->fd = reopen_file(f->fd, s->fd_writable);
	if (s->fd < 0)
		return errno_to_status(errno);
	s->next_file = file_sections;
	file_sections = s;
	return size_file_section(s, f, want);
}

/* Page-file-backed memory: a memfd, sparse until written, of whole pages
 * (NtQuerySection reports the size rounded up, as Windows does). */
static NTSTATUS memory_section(struct nt_call *c, struct section_object *s, uint64_t want)
{
	if (want == 0)
		return LSW_STATUS_INVALID_PARAMETER_4;
	if (want > ((s->attributes & SEC_RESERVE) ? RESERVE_MAX_SIZE : SECTION_MAX_SIZE))
		return STATUS_SECTION_TOO_BIG;
	want = (want + PAGE_SIZE_NT - 1) & ~(uint64_t)(PAGE_SIZE_NT - 1);
	if ((s->attributes & SEC_COMMIT) && !memory_can_charge(c->thread->process, want))
		return LSW_STATUS_COMMITMENT_LIMIT;
	s->fd = memfd_create("section", MFD_CLOEXEC);
	if (s->fd < 0 || ftruncate(s->fd, (off_t)want) < 0)
		return LSW_STATUS_NO_MEMORY;
	s->fd_writable = true;
	s->size = want;
	return LSW_STATUS_SUCCESS;
}

static bool valid_section_protect(uint32_t protect)
{
	switch (protect) {
	case PAGE_READONLY: case PAGE_READWRITE: case PAGE_WRITECOPY:
	case PAGE_EXECUTE: case PAGE_EXECUTE_READ: case PAGE_EXECUTE_READWRITE:
	case PAGE_EXECUTE_WRITECOPY:
		return true;
	}
	return false;
}

/* The SEC_* combinations Windows accepts: at most one of SEC_RESERVE and
 * SEC_COMMIT (none means SEC_COMMIT), with SEC_NOCACHE or SEC_WRITECOMBINE
 * only beside one of them; SEC_IMAGE alone or with SEC_NOCACHE; never
 * SEC_FILE (the kernel's to report) nor SEC_LARGE_PAGES (no privilege). */
static NTSTATUS check_create_args(uint32_t attrs, uint32_t protect)
{
	uint32_t kind = attrs & (SEC_RESERVE | SEC_COMMIT | SEC_IMAGE);
	uint32_t cache = attrs & (SEC_NOCACHE | SEC_WRITECOMBINE);

	if ((attrs & ~SEC_KNOWN) || (attrs & (SEC_FILE | SEC_LARGE_PAGES)) ||
	    (kind && kind != SEC_RESERVE && kind != SEC_COMMIT && kind != SEC_IMAGE) ||
	    (cache && !kind) || (kind == SEC_IMAGE && (attrs & SEC_WRITECOMBINE)))
		return STATUS_INVALID_PARAMETER_6;
	if (!valid_section_protect(protect & ~(uint32_t)(PAGE_NOCACHE | PAGE_WRITECOMBINE)))
		return LSW_STATUS_INVALID_PAGE_PROTECTION;
	return LSW_STATUS_SUCCESS;
}

/* What Windows says of a file that is no image before it looks further:
 * an empty one cannot back a section, another must start with "MZ". */
static NTSTATUS image_file_check(int fd)
{
	struct stat sb;
	char mz[2];

	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0)
		return STATUS_INVALID_FILE_FOR_SECTION;
	if (pread(fd, mz, 2, 0) != 2 || mz[0] != 'M' || mz[1] != 'Z')
		return STATUS_INVALID_IMAGE_NOT_MZ;
	return LSW_STATUS_SUCCESS;
}

/* An image section of the file behind handle fh. */
static struct section_object *image_section(struct nt_call *c, uint64_t fh, NTSTATUS *st)
{
	struct file_object *f = (struct file_object *)handle_get(c->thread->process, fh,
								 &file_ops, st);
	struct section_object *s;
	const char *base_name;

	if (!f)
		return NULL;
	if (f->kind != FILE_KIND_DISK || f->fd < 0) {
		*st = STATUS_INVALID_FILE_FOR_SECTION;
		return NULL;
	}
	if ((*st = image_file_check(f->fd)) != LSW_STATUS_SUCCESS)
		return NULL;
	base_name = f->name_utf8 ? strrchr(f->name_utf8, '/') : NULL;
	s = section_from_image_fd(f->fd, base_name ? base_name + 1 : "image", st, NULL, 0);
	if (s && f->nt_name)
		s->file_name = strdup(f->nt_name);
	return s;
}

/* An image section may be given a MaximumSize up to its mapped size (and
 * NtQuerySection reports it); a larger one is STATUS_SECTION_TOO_BIG. */
static struct section_object *image_size_checked(struct nt_call *c, struct section_object *s,
						 NTSTATUS *st)
{
	uint64_t want = 0;

	if (!s || !c->args[3])
		return s;
	if (tracee_read(c->thread, c->args[3], &want, 8) < 0)
		*st = LSW_STATUS_ACCESS_VIOLATION;
	else if (want > ((s->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1)))
		*st = STATUS_SECTION_TOO_BIG;
	else {
		s->asked_size = want;
		return s;
	}
	object_unref(&s->hdr);
	return NULL;
}

static struct section_object *data_section(struct nt_call *c, uint32_t attrs,
					   uint32_t protect, NTSTATUS *st)
{
	struct section_object *s = calloc(1, sizeof(*s));
	uint64_t want = 0;

	if (!s) {
		*st = LSW_STATUS_NO_MEMORY;
		return NULL;
	}
	object_init(&s->hdr, &section_ops);
	s->fd = s->ro_fd = -1;
	s->protect = protect;
	s->attributes = attrs & (SEC_RESERVE | SEC_COMMIT | SEC_NOCACHE | SEC_WRITECOMBINE);
	if (!(attrs & SEC_RESERVE))
		s->attributes |= SEC_COMMIT;
	snprintf(s->label, sizeof(s->label), "section");
	if (c->args[3] && tracee_read(c->thread, c->args[3], &want, 8) < 0)
		*st = LSW_STATUS_ACCESS_VIOLATION;
	else if (c->args[6])
		*st = file_section(c, s, c->args[6], want);
	else
		*st = memory_section(c, s, want);
	if (*st == LSW_STATUS_SUCCESS)
		return s;
	object_unref(&s->hdr);
	return NULL;
}

/* NtCreateSection(*SectionHandle, DesiredAccess, ObjectAttributes,
 *                 MaximumSize, SectionPageProtection, AllocationAttributes,
 *                 FileHandle) */
NTSTATUS nt_NtCreateSection(struct nt_call *c)
{
	uint32_t access = access_map_generic((uint32_t)c->args[1], &section_mapping);
	uint32_t protect = (uint32_t)c->args[4], attrs = (uint32_t)c->args[5];
	struct section_object *s;
	struct object_name nm;
	NTSTATUS st;

	if ((st = check_create_args(attrs, protect)) != LSW_STATUS_SUCCESS)
		return st;
	if ((attrs & SEC_IMAGE) && !c->args[6])
		return STATUS_INVALID_FILE_FOR_SECTION;
	if ((st = object_create_begin(c, c->args[2], &section_ops, access, c->args[0],
				      &nm)) != LSW_STATUS_SUCCESS)
		return st;
	if (attrs & SEC_IMAGE)
		s = image_size_checked(c, image_section(c, c->args[6], &st), &st);
	else
		s = data_section(c, attrs, protect & 0xff, &st);
	if (!s) {
		object_name_remove(&nm);
		return st;
	}
	s->name = nm;
	return object_create_end(c, &s->hdr, &s->name, access, c->args[0]);
}

/* NtOpenSection(*SectionHandle, DesiredAccess, ObjectAttributes) */
NTSTATUS nt_NtOpenSection(struct nt_call *c)
{
	return object_open_named(c, c->args[2], &section_ops,
				 access_map_generic((uint32_t)c->args[1], &section_mapping),
				 c->args[0]);
}

#define BASIC_INFO_SIZE 24
#define IMAGE_INFO_SIZE 64

/* SECTION_BASIC_INFORMATION: BaseAddress, AllocationAttributes, MaximumSize */
static uint32_t basic_info(const struct section_object *s, uint8_t *out)
{
	uint64_t size = !s->image ? s->size : s->asked_size ? s->asked_size
					  : (s->size + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);

	memset(out, 0, BASIC_INFO_SIZE);
	memcpy(out + 8, &s->attributes, 4);
	memcpy(out + 16, &size, 8);
	return BASIC_INFO_SIZE;
}

/* SECTION_IMAGE_INFORMATION.ImageFlags bits. */
#define IMAGE_FLAG_COMPLUS_NATIVE_READY 0x01
#define IMAGE_FLAG_COMPLUS_IL_ONLY 0x02
#define IMAGE_FLAG_DYNAMICALLY_RELOCATED 0x04
#define IMAGE_FLAG_MAPPED_FLAT 0x08
#define IMAGE_FLAG_COMPLUS_PREFER_32BIT 0x20
#define COMIMAGE_FLAGS_ILONLY 0x1
#define COMIMAGE_FLAGS_32BITREQUIRED 0x2
#define COMIMAGE_FLAGS_32BITPREFERRED 0x20000
#define DLLCHAR_DYNAMIC_BASE 0x40
#define SCN_MEM_EXECUTE 0x20000000u

/* Code is what the headers say (a size of code, an entry point), an
 * executable section, or any image mapped flat (all of it executes). */
static bool image_has_code(const struct pe_image *pe)
{
	if (pe->size_of_code || pe->entry_rva || pe->section_alignment < PAGE_SIZE_NT)
		return true;
	for (unsigned i = 0; i < pe->num_sections && i < PE_MAX_SECTIONS; i++)
		if (pe->sections[i].characteristics & SCN_MEM_EXECUTE)
			return true;
	return false;
}

/* The loader's flags: .NET IL-only images (runtime 2.5 on) and their
 * bitness wishes, ASLR for native code, flat mapping. */
static uint8_t image_flags(const struct pe_image *pe, bool code)
{
	uint8_t f = 0;

	if (pe->clr && (pe->clr_flags & COMIMAGE_FLAGS_ILONLY) && pe->clr_version >= 0x20005) {
		f |= IMAGE_FLAG_COMPLUS_IL_ONLY;
		if (pe->pe32 && !(pe->clr_flags & COMIMAGE_FLAGS_32BITREQUIRED))
			f |= IMAGE_FLAG_COMPLUS_NATIVE_READY;
		if (pe->pe32 && (pe->clr_flags & COMIMAGE_FLAGS_32BITPREFERRED))
			f |= IMAGE_FLAG_COMPLUS_PREFER_32BIT;
	}
	if ((pe->dll_characteristics & DLLCHAR_DYNAMIC_BASE) && code && !pe->clr)
		f |= IMAGE_FLAG_DYNAMICALLY_RELOCATED;
	if (pe->section_alignment < PAGE_SIZE_NT)
		f |= IMAGE_FLAG_MAPPED_FLAT;
	return f;
}

/* SECTION_IMAGE_INFORMATION (x64, 64 bytes) from the image's headers. */
static uint32_t image_info(const struct section_object *s, uint8_t *out)
{
	const struct pe_image *pe = &s->pe;
	uint64_t entry = pe->image_base + pe->entry_rva; /* ImageBase alone without one */
	uint32_t subsystem = pe->subsystem, file_size = (uint32_t)s->file_size;
	uint32_t loader_flags = pe->clr;
	uint16_t v16[5] = { pe->subsystem_minor, pe->subsystem_major, pe->os_major, pe->os_minor,
			    pe->characteristics };
	uint8_t contains_code = image_has_code(pe);

	memset(out, 0, IMAGE_INFO_SIZE);
	memcpy(out, &entry, 8);
	memcpy(out + 16, &pe->stack_reserve, 8);
	memcpy(out + 24, &pe->stack_commit, 8);
	memcpy(out + 32, &subsystem, 4);
	memcpy(out + 36, v16, sizeof(v16));
	memcpy(out + 46, &pe->dll_characteristics, 2);
	memcpy(out + 48, &pe->machine, 2);
	out[50] = contains_code;
	out[51] = image_flags(pe, contains_code);
	memcpy(out + 52, &loader_flags, 4);
	memcpy(out + 56, &file_size, 4);
	memcpy(out + 60, &pe->checksum, 4);
	return IMAGE_INFO_SIZE;
}

uint32_t section_image_info(const struct nt_object *obj, uint8_t *out)
{
	const struct section_object *s = (const struct section_object *)obj;

	return obj && obj->ops == &section_ops && s->image ? image_info(s, out) : 0;
}

/* NtQuerySection(SectionHandle, SectionInformationClass, SectionInformation,
 *                SectionInformationLength, *ResultLength) */
NTSTATUS nt_NtQuerySection(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[1], len;
	uint64_t ret;
	uint8_t buf[64];
	NTSTATUS st;
	struct section_object *s = (struct section_object *)object_from_handle(
		c, c->args[0], &section_ops, SECTION_QUERY, &st);

	if (!s)
		return st;
	if (cls > 1)
		return LSW_STATUS_INVALID_INFO_CLASS;
	/* as Windows: the length, then the buffer (probed for writing, all
	 * of it: a length far past it is STATUS_ACCESS_VIOLATION, kernel32's
	 * virtual tests), then an image? */
	if (c->args[3] < (cls ? IMAGE_INFO_SIZE : BASIC_INFO_SIZE))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (!memory_probe_write(c->thread->process, c->args[2], c->args[3]))
		return LSW_STATUS_ACCESS_VIOLATION;
	if (cls == 1 && !s->image)
		return STATUS_SECTION_NOT_IMAGE;
	len = cls ? image_info(s, buf) : basic_info(s, buf);
	ret = len;
	if (tracee_write(c->thread, c->args[2], buf, len) < 0 ||
	    (c->args[4] && tracee_write(c->thread, c->args[4], &ret, 8) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

/* NtExtendSection(SectionHandle, *NewSectionSize): grows a file section
 * and its file; a smaller size changes nothing.  The new size comes back. */
NTSTATUS nt_NtExtendSection(struct nt_call *c)
{
	uint64_t want;
	NTSTATUS st;
	struct section_object *s = (struct section_object *)object_from_handle(
		c, c->args[0], &section_ops, SECTION_EXTEND_SIZE, &st);

	if (!s)
		return st;
	if (tracee_read(c->thread, c->args[1], &want, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (s->image || !s->file_backed)
		return STATUS_SECTION_NOT_EXTENDED;
	if (want > s->size) {
		if (!s->fd_writable)
			return STATUS_SECTION_NOT_EXTENDED;
		if (want > (uint64_t)INT64_MAX || ftruncate(s->fd, (off_t)want) < 0)
			return STATUS_SECTION_NOT_EXTENDED;
		s->size = want;
	}
	if (tracee_write(c->thread, c->args[1], &s->size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
