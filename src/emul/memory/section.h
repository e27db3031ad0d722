/* Section objects.  Nothing of a file is ever copied into the supervisor:
 * a data section holds a host fd (the file's own, reopened with no more
 * access than the section needs, or a memfd for page-file-backed memory),
 * an image section a memfd holding the image laid out once at its
 * preferred base.  Views map that fd into the tracee (MAP_SHARED, or
 * MAP_PRIVATE for copy-on-write), so every view of a section shares its
 * pages and writes reach the file. */
#ifndef LSW_SECTION_H
#define LSW_SECTION_H

#include "emul/object/object_names.h"
#include "loader/pe.h"

#define SEC_BASED 0x200000u
#define SEC_NO_CHANGE 0x400000u
#define SEC_FILE 0x800000u
#define SEC_IMAGE 0x1000000u
#define SEC_PROTECTED_IMAGE 0x2000000u
#define SEC_RESERVE 0x4000000u
#define SEC_COMMIT 0x8000000u
#define SEC_NOCACHE 0x10000000u
#define SEC_WRITECOMBINE 0x40000000u
#define SEC_LARGE_PAGES 0x80000000u

#define SECTION_QUERY 0x1u
#define SECTION_MAP_WRITE 0x2u
#define SECTION_MAP_READ 0x4u
#define SECTION_MAP_EXECUTE 0x8u
#define SECTION_EXTEND_SIZE 0x10u
#define SECTION_ALL_ACCESS 0xF001Fu

struct section_object {
	struct nt_object hdr;
	struct object_name name;
	bool image;
	bool file_backed;       /* else page-file-backed (a memfd) */
	int fd;                 /* data: the file or memfd; image: the layout */
	int ro_fd;              /* the same opened read-only, for read views (-1: not yet) */
	bool fd_writable;       /* fd was opened for writing */
	uint32_t protect;       /* SectionPageProtection */
	uint32_t attributes;    /* SEC_* as NtQuerySection reports them */
	uint64_t size;          /* data: MaximumSize; image: SizeOfImage */
	uint64_t file_size;     /* image: the file's size */
	uint64_t asked_size;    /* image: a MaximumSize given (reported), 0: none */
	struct pe_image pe;     /* image: headers (pe.data is NULL) */
	/* image: the last section_find_exports answer, kept (the layout
	 * never changes): ntdll's entry points, looked up at every start */
	const char *const *export_names;
	uint32_t export_rva[8];
	unsigned export_n;
	char *file_name;        /* the file's NT name (UTF-8), NULL if none */
	char label[64];         /* for memfd names and messages */
	struct section_object *next_file; /* the list of file-backed data sections */
	/* SEC_RESERVE page-file sections: the committed ranges (section_commit.c) */
	struct section_commit { uint64_t off, len; } *commits;
	size_t ncommits;
};

extern const struct nt_object_ops section_ops;

/* section_commit.c: [off, off+len) of s is committed (a commit through a
 * view); -1 when there is no memory. */
int section_commit_add(struct section_object *s, uint64_t off, uint64_t len);
/* The pages s has committed become committed in its new view v (with
 * the view's protection). */
struct vad;
void section_commit_view(struct nt_call *c, struct section_object *s, struct vad *v);
/* [off, off+len) of the section of view `from`, just committed through it,
 * becomes committed in the process's other views of it. */
void section_commit_others(struct nt_call *c, struct vad *from, uint64_t off, uint64_t len);

/* SECTION_IMAGE_INFORMATION (64 bytes) of an image section into out: its
 * size, 0 when obj is no image section (ProcessImageInformation). */
uint32_t section_image_info(const struct nt_object *obj, uint8_t *out);

/* Builds an image section from an open PE file: parses its headers and
 * lays it out once in a memfd.  NULL with *status set and a reason in err
 * (may be NULL). */
struct section_object *section_from_image_fd(int fd, const char *label, NTSTATUS *status,
					     char *err, size_t errlen);
/* Maps the image into c's process at *base (0: preferred base, else
 * anywhere).  Adds the ops to c; returns SUCCESS, IMAGE_NOT_AT_BASE or an
 * error. */
NTSTATUS section_map_image(struct nt_call *c, struct section_object *s, uint64_t *base);
/* Maps a read-only view of all of data section s anywhere in c's process
 * (the ops go to c); *base is its address. */
NTSTATUS section_map_read_view(struct nt_call *c, struct section_object *s, uint64_t *base);
/* A host fd for a view: read-write for writable shared views, read-only
 * otherwise; -1 on failure.  Owned by s. */
int section_view_fd(struct section_object *s, bool write_shared);
/* Whether a data section of the file open as fd exists: such a file
 * cannot be made shorter (STATUS_USER_MAPPED_FILE). */
bool section_maps_file(int fd);
/* The same for the file dev and ino name. */
bool section_maps_inode(uint64_t dev, uint64_t ino);
/* The rvas of n exports of an image, with one look at it: rva[i] 0 where
 * names[i] is missing or a forwarder.  0, or -1 (the image could not be
 * read). */
int section_find_exports(struct section_object *s, const char *const *names, uint32_t *rva,
			 unsigned n);

#endif
