/*
 * PE32+ parser: every field bounds-checked against the file.  Shared by the
 * supervisor (image sections) and `lsw info`.  The file bytes are hostile:
 * pe_parse never reads outside [data, data + size) and never trusts a count
 * or an offset before checking it.
 */
#ifndef LSW_PE_H
#define LSW_PE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PE_MAX_SECTIONS 96   /* the Windows loader's own limit */
#define PE_NUM_DIRS 16

enum pe_dir {
	PE_DIR_EXPORT, PE_DIR_IMPORT, PE_DIR_RESOURCE, PE_DIR_EXCEPTION,
	PE_DIR_SECURITY, PE_DIR_BASERELOC, PE_DIR_DEBUG, PE_DIR_ARCHITECTURE,
	PE_DIR_GLOBALPTR, PE_DIR_TLS, PE_DIR_LOAD_CONFIG, PE_DIR_BOUND_IMPORT,
	PE_DIR_IAT, PE_DIR_DELAY_IMPORT, PE_DIR_CLR, PE_DIR_RESERVED,
};

struct pe_section {
	char name[9];                 /* NUL-terminated; long names stay "/nnn" */
	uint32_t virtual_address, virtual_size;
	uint32_t raw_offset, raw_size;
	uint32_t characteristics;
	/* What is mapped from the file at virtual_address: the raw data as
	 * Windows reads it (start rounded down to a sector, size up to
	 * FileAlignment, cut at VirtualSize, the file's end, the image's). */
	uint32_t file_offset, file_len;
};

/* Why pe_parse refused a file, where Windows has a status for it. */
enum pe_reject {
	PE_REJECT_FORMAT,     /* STATUS_INVALID_IMAGE_FORMAT */
	PE_REJECT_NOT_MZ,     /* STATUS_INVALID_IMAGE_NOT_MZ */
	PE_REJECT_DOS,        /* STATUS_INVALID_IMAGE_PROTECT: a DOS program */
	PE_REJECT_NE,         /* STATUS_INVALID_IMAGE_NE_FORMAT */
	PE_REJECT_WIN16,      /* STATUS_INVALID_IMAGE_WIN_16 */
};

struct pe_image {
	const uint8_t *data;          /* borrowed: the caller keeps it alive */
	size_t size;
	char error[160];              /* set when a pe_* call fails */
	enum pe_reject reject;        /* with error, from pe_parse */
	bool pe32;                    /* an x86 (PE32) image: mapped, never run */

	/* COFF header */
	uint16_t machine, num_sections, characteristics;
	uint32_t timestamp;
	/* optional header (PE32+ only) */
	uint8_t linker_major, linker_minor;
	uint32_t entry_rva, base_of_code, section_alignment, file_alignment;
	uint64_t image_base;
	uint16_t os_major, os_minor, image_major, image_minor;
	uint16_t subsystem_major, subsystem_minor, subsystem, dll_characteristics;
	uint32_t size_of_code, size_of_image, size_of_headers, checksum;
	/* The header bytes mapped: SizeOfHeaders, or up to the end of a
	 * section table that lies past it (Windows maps that too). */
	uint32_t header_span;
	/* SizeOfImage rounded up to a page: the bytes a view maps. */
	uint32_t image_span;
	uint16_t opt_header_size;     /* SizeOfOptionalHeader */
	/* A .NET image: its COR20 header's runtime version (major << 16 |
	 * minor) and flags, read by pe_layout* from the laid-out image. */
	bool clr;
	uint32_t clr_version, clr_flags;
	uint64_t stack_reserve, stack_commit, heap_reserve, heap_commit;
	uint32_t num_dirs;
	struct { uint32_t rva, size; } dirs[PE_NUM_DIRS];
	struct pe_section sections[PE_MAX_SECTIONS];
};

/* 0 on success; -1 with img->error naming the problem ("section 3 raw data
 * past end of file").  Checks headers, section table, directory bounds. */
int pe_parse(struct pe_image *img, const uint8_t *data, size_t size);
/* The same from an open file of file_size bytes, reading only its headers
 * (the rest of the file is never held in memory).  img->data is NULL
 * afterwards: use pe_layout_fd, then pe_as_laid_out for rva reads. */
int pe_parse_fd(struct pe_image *img, int fd, uint64_t file_size);
/* 0 for an x86-64 image; -1 with img->error for one that only maps (a
 * PE32 file): what runs code or reads 64-bit tables calls this first. */
int pe_require_x64(struct pe_image *img);

/* The file bytes behind [rva, rva + len) if they lie wholly inside one
 * section's raw data (or the headers); NULL otherwise. */
const void *pe_rva_ptr(const struct pe_image *img, uint32_t rva, size_t len);

/* Base relocations: calls fn(ctx, rva, type) for each entry (type from the
 * top 4 bits; IMAGE_REL_BASED_ABSOLUTE padding is skipped).  Returns 0, -1
 * with img->error on a malformed block, or fn's non-zero return. */
int pe_for_each_reloc(struct pe_image *img,
		      int (*fn)(void *ctx, uint32_t rva, int type), void *ctx);

/* Export lookup by name: fills *rva (or *forwarder, "DLL.Name", when the
 * export is forwarded).  0 found, -1 not found or malformed. */
int pe_find_export(struct pe_image *img, const char *name, uint32_t *rva,
		   const char **forwarder);

/* Lays the image out as the loader maps it: headers and each section's raw
 * data at its RVA in a zeroed buffer of image_span bytes (caller
 * allocated).  0 or -1 with img->error. */
int pe_layout(struct pe_image *img, uint8_t *buf, size_t buflen);
/* The same into a buffer known to be zero already (a fresh memfd mapping):
 * untouched pages stay unallocated. */
int pe_layout_zeroed(struct pe_image *img, uint8_t *buf, size_t buflen);
/* The same, reading the file's bytes from fd (img parsed from its first
 * bytes): the file is never held in memory. */
int pe_layout_fd(struct pe_image *img, int fd, uint8_t *buf, size_t buflen);
/* img as seen through its laid-out copy (what pe_layout made of it): every
 * rva reads layout, so relocations can be read from a mapped image. */
void pe_as_laid_out(const struct pe_image *img, const uint8_t *layout,
		    struct pe_image *out);

/* ---- additions for `lsw info` and the loader (iteration helpers) ---- */

#define PE_MAX_IMAGE_SIZE 0x80000000u   /* SizeOfImage cap: 2 GiB */

/* Short lowercase name of data directory i ("import", "basereloc"), or
 * "unknown" when i is out of range. */
const char *pe_dir_name(int i);

/* A NUL-terminated string at rva lying wholly in the file data of the
 * headers or one section, at most maxlen bytes before the NUL; NULL if not. */
const char *pe_rva_str(const struct pe_image *img, uint32_t rva, size_t maxlen);

/* Base relocation blocks: fn(ctx, page_rva, entry_count) for each block
 * (entry_count includes ABSOLUTE padding).  Same errors as
 * pe_for_each_reloc, which validates the same way. */
int pe_for_each_reloc_block(struct pe_image *img,
			    int (*fn)(void *ctx, uint32_t page_rva,
				      uint32_t count), void *ctx);

struct pe_import {
	const char *dll;        /* the descriptor's DLL name */
	const char *name;       /* NULL when imported by ordinal */
	uint16_t hint;          /* export-table hint, when by name */
	uint16_t ordinal;       /* when name == NULL */
	uint32_t iat_rva;       /* the IAT slot the loader fills */
	int index;              /* descriptor number, from 0 */
	int has_function;       /* 0 in the one call for a DLL without any */
};

/* Walks the import (delay == 0) or delay-load import (delay != 0)
 * directory: fn(ctx, imp) per imported function.  A DLL with no functions
 * still gets one call, with has_function == 0 (so printers can list it).
 * Returns 0 (also when there is no such directory), -1 with img->error,
 * or fn's non-zero return. */
int pe_for_each_import(struct pe_image *img, int delay,
		       int (*fn)(void *ctx, const struct pe_import *imp),
		       void *ctx);

struct pe_export_dir {
	const char *dll;        /* the Name field; "" when absent/invalid */
	uint32_t timestamp, base, num_functions, num_names;
};

struct pe_export {
	uint32_t ordinal;       /* index + Base */
	uint32_t rva;           /* code/data rva, or the forwarder string's */
	const char *name;       /* NULL when exported by ordinal only */
	const char *forwarder;  /* "DLL.Name" when forwarded, else NULL */
};

/* 1 when there is no export directory, 0 with *out filled, -1 malformed. */
int pe_get_export_dir(struct pe_image *img, struct pe_export_dir *out);

/* Named exports in name-table order, then ordinal-only exports in ordinal
 * order (empty slots skipped).  0, -1 with img->error, or fn's return. */
int pe_for_each_export(struct pe_image *img,
		       int (*fn)(void *ctx, const struct pe_export *e),
		       void *ctx);

struct pe_tls {
	uint64_t start_va, end_va, index_va, callbacks_va;  /* VAs, as stored */
	uint32_t zero_fill, characteristics;
};

/* 1 when there is no TLS directory, 0 with *out filled, -1 malformed. */
int pe_get_tls(struct pe_image *img, struct pe_tls *out);

/* fn(ctx, va) for each TLS callback (a zero-terminated VA array).
 * 0 (also without TLS), -1 with img->error, or fn's non-zero return. */
int pe_for_each_tls_callback(struct pe_image *img,
			     int (*fn)(void *ctx, uint64_t va), void *ctx);

#endif
