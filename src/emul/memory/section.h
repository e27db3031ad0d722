/* Section objects: image sections (SEC_IMAGE) laid out once, mapped into
 * the tracee from a memfd so pages stay shared until written. */
#ifndef LSW_SECTION_H
#define LSW_SECTION_H

#include "emul/object/object.h"
#include "loader/pe.h"

struct section_object {
	struct nt_object hdr;
	bool image;
	uint8_t *file;          /* the PE file (pe.data points here) */
	size_t file_size;
	struct pe_image pe;
	size_t size;            /* SizeOfImage */
	char name[64];          /* for memfd names and messages */
};

extern const struct nt_object_ops section_ops;

/* Builds an image section from a file's bytes (takes ownership of file).
 * Returns NULL with *status set and a reason in err (may be NULL). */
struct section_object *section_from_image(uint8_t *file, size_t size, const char *name,
					  NTSTATUS *status, char *err, size_t errlen);
/* Maps the image into c's process at *base (0: preferred base, else
 * anywhere).  Adds the ops to c; returns SUCCESS, IMAGE_NOT_AT_BASE or an
 * error. */
NTSTATUS section_map_image(struct nt_call *c, struct section_object *s, uint64_t *base);
/* Reads a whole host file (at most 1 GiB). */
int read_host_file(int fd, uint8_t **out, size_t *size);

#endif
