/*
 * PE32+ parser.  The input is hostile: every offset, rva and count is
 * checked before use with overflow-safe arithmetic (64-bit sums of 32-bit
 * fields, "len <= total - off" instead of "off + len <= total").  Layouts
 * follow the public PE/COFF specification.
 */
#include "loader/pe.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>

/* Header sizes and field offsets from the PE/COFF specification. */
#define DOS_HEADER_SIZE 64
#define DOS_LFANEW 0x3c
#define COFF_HEADER_SIZE 20
#define OPT64_FIXED_SIZE 112          /* PE32+ optional header before dirs */
#define OPT32_FIXED_SIZE 96           /* PE32 optional header before dirs */
#define SECTION_HEADER_SIZE 40
#define OPT_MAGIC_PE32 0x10b
#define OPT_MAGIC_PE32PLUS 0x20b
#define MACHINE_AMD64 0x8664
#define MACHINE_I386 0x14c
#define NE_EXETYPE 0x36               /* IMAGE_OS2_HEADER.ne_exetyp */
#define NE_EXETYPE_WINDOWS 2
#define NE_EXETYPE_DOS4X 5
#define PAGE 0x1000u
#define SECTOR 0x200u                 /* raw data starts on a sector */
#define IMPORT_DESC_SIZE 20
#define DELAY_DESC_SIZE 32
#define EXPORT_DIR_SIZE 40
#define TLS_DIR64_SIZE 40
#define RELOC_BLOCK_HEADER 8

/* Caps that bound the work on hostile files; real images stay far below. */
#define MAX_NAME_LEN 4096
#define MAX_IMPORT_DLLS 65536
#define MAX_IMPORTS (1u << 18)
#define MAX_EXPORTS 65536             /* ordinals are 16-bit everywhere */
#define MAX_TLS_CALLBACKS 4096

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static int fail(struct pe_image *img, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* fail() for a file Windows refuses with a status of its own. */
static int reject(struct pe_image *img, enum pe_reject kind, const char *what)
{
	fail(img, "%s", what);
	img->reject = kind;
	return -1;
}

/* Sets img->error.  Messages may quote names from the file, so bytes
 * outside printable ASCII become '?': the error stays one safe line. */
static int fail(struct pe_image *img, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(img->error, sizeof(img->error), fmt, ap);
	va_end(ap);
	for (char *p = img->error; *p; p++) {
		if (*p < 0x20 || *p > 0x7e)
			*p = '?';
	}
	return -1;
}

/* [off, off + len) lies inside [0, total) without overflowing. */
static bool fits(uint64_t off, uint64_t len, uint64_t total)
{
	return off <= total && len <= total - off;
}

static bool is_pow2(uint32_t x) { return x && !(x & (x - 1)); }

static const char *const dir_names[PE_NUM_DIRS] = {
	"export", "import", "resource", "exception", "security", "basereloc",
	"debug", "architecture", "globalptr", "tls", "load_config",
	"bound_import", "iat", "delay_import", "clr", "reserved",
};

const char *pe_dir_name(int i)
{
	return i >= 0 && i < PE_NUM_DIRS ? dir_names[i] : "unknown";
}

/* Bytes of section s that come from the file (file_offset on). */
static uint32_t sec_file_len(const struct pe_section *s)
{
	return s->file_len;
}

static uint64_t align_up(uint64_t v, uint32_t a)
{
	return (v + a - 1) & ~(uint64_t)(a - 1);
}

/* Size the section occupies in memory (VirtualSize 0 means raw size). */
static uint32_t sec_mem_len(const struct pe_section *s)
{
	return s->virtual_size ? s->virtual_size : s->raw_size;
}

/* ---- pe_parse ---- */

/* Windows' answer to a file whose e_lfanew does not lead to "PE\0\0":
 * a 16-bit NE program has statuses of its own, anything else is taken
 * for a DOS program (STATUS_INVALID_IMAGE_PROTECT). */
static int not_pe(struct pe_image *img, uint32_t lfanew)
{
	uint8_t type;

	if (!fits(lfanew, NE_EXETYPE + 1, img->size) || memcmp(img->data + lfanew, "NE", 2))
		return reject(img, PE_REJECT_DOS, "no PE signature: a DOS program");
	type = img->data[lfanew + NE_EXETYPE];
	if (type == NE_EXETYPE_WINDOWS)
		return reject(img, PE_REJECT_WIN16, "a 16-bit Windows (NE) program");
	if (type == NE_EXETYPE_DOS4X)
		return reject(img, PE_REJECT_DOS, "a DOS extender (NE) program");
	return reject(img, PE_REJECT_NE, "an NE program, not PE");
}

static int parse_dos(struct pe_image *img, uint32_t *lfanew)
{
	if (img->size < DOS_HEADER_SIZE)
		return fail(img, "file too small for a dos header (%zu bytes)",
			    img->size);
	if (img->data[0] != 'M' || img->data[1] != 'Z')
		return reject(img, PE_REJECT_NOT_MZ, "missing MZ signature");
	*lfanew = rd32(img->data + DOS_LFANEW);
	if (!fits(*lfanew, 4 + COFF_HEADER_SIZE, img->size)) {
		not_pe(img, *lfanew);
		return fail(img, "e_lfanew 0x%x past end of file", *lfanew);
	}
	if (memcmp(img->data + *lfanew, "PE\0\0", 4) != 0) {
		not_pe(img, *lfanew);
		if (img->reject == PE_REJECT_DOS)
			fail(img, "missing PE signature at 0x%x", *lfanew);
		return -1;
	}
	return 0;
}

static void read_coff(struct pe_image *img, const uint8_t *p,
		      uint16_t *opt_size)
{
	img->machine = rd16(p);
	img->num_sections = rd16(p + 2);
	img->timestamp = rd32(p + 4);
	*opt_size = rd16(p + 16);
	img->characteristics = rd16(p + 18);
}

/* The fields PE32 and PE32+ share, at the same offsets. */
static void read_opt_common(struct pe_image *img, const uint8_t *p)
{
	img->linker_major = p[2];
	img->linker_minor = p[3];
	img->size_of_code = rd32(p + 4);
	img->entry_rva = rd32(p + 16);
	img->base_of_code = rd32(p + 20);
	img->section_alignment = rd32(p + 32);
	img->file_alignment = rd32(p + 36);
	img->os_major = rd16(p + 40);
	img->os_minor = rd16(p + 42);
	img->image_major = rd16(p + 44);
	img->image_minor = rd16(p + 46);
	img->subsystem_major = rd16(p + 48);
	img->subsystem_minor = rd16(p + 50);
	img->size_of_image = rd32(p + 56);
	img->size_of_headers = rd32(p + 60);
	img->checksum = rd32(p + 64);
	img->subsystem = rd16(p + 68);
	img->dll_characteristics = rd16(p + 70);
}

/* Where PE32 and PE32+ differ: ImageBase's place and the width of it and
 * of the four stack and heap sizes that start at offset 72. */
struct opt_layout {
	unsigned image_base, width, num_dirs;
};

static const struct opt_layout layout_pe32plus = { 24, 8, 108 }, layout_pe32 = { 28, 4, 92 };

static uint64_t rd_width(const uint8_t *p, unsigned width)
{
	return width == 8 ? rd64(p) : rd32(p);
}

static void read_opt(struct pe_image *img, const uint8_t *p, const struct opt_layout *l)
{
	read_opt_common(img, p);
	img->image_base = rd_width(p + l->image_base, l->width);
	img->stack_reserve = rd_width(p + 72, l->width);
	img->stack_commit = rd_width(p + 72 + l->width, l->width);
	img->heap_reserve = rd_width(p + 72 + 2 * l->width, l->width);
	img->heap_commit = rd_width(p + 72 + 3 * l->width, l->width);
	img->num_dirs = rd32(p + l->num_dirs);
}

/* Magic first: a PE32 file is also i386, and "not PE32+" says more.
 * x86-64 Windows makes image sections of x86 (PE32) files too; only
 * running them is refused (pe_require_x64). */
static int check_kind(struct pe_image *img, const uint8_t *opt)
{
	uint16_t magic = rd16(opt);

	if (magic == OPT_MAGIC_PE32 && img->machine == MACHINE_I386) {
		img->pe32 = true;
		return 0;
	}
	if (magic != OPT_MAGIC_PE32PLUS)
		return fail(img, "not a PE32+ image (optional header magic 0x%x)",
			    magic);
	if (img->machine != MACHINE_AMD64)
		return fail(img, "machine 0x%x is not x86-64", img->machine);
	return 0;
}

/* SizeOfOptionalHeader only says where the section table starts: the
 * fixed fields are read whatever it says (as Windows reads them), and
 * up to 16 data directories, as many as NumberOfRvaAndSizes names and
 * the file holds. */
static int parse_opt_header(struct pe_image *img, uint64_t opt_off)
{
	const uint8_t *opt = img->data + opt_off;
	uint32_t fixed;
	uint64_t room;

	if (!fits(opt_off, 2, img->size))
		return fail(img, "optional header past end of file");
	if (check_kind(img, opt) < 0)
		return -1;
	fixed = img->pe32 ? OPT32_FIXED_SIZE : OPT64_FIXED_SIZE;
	if (!fits(opt_off, fixed, img->size))
		return fail(img, "optional header past end of file");
	read_opt(img, opt, img->pe32 ? &layout_pe32 : &layout_pe32plus);
	room = (img->size - opt_off - fixed) / 8;
	if (img->num_dirs > PE_NUM_DIRS)
		img->num_dirs = PE_NUM_DIRS;
	if (img->num_dirs > room)
		img->num_dirs = (uint32_t)room;
	for (uint32_t i = 0; i < img->num_dirs; i++) {
		img->dirs[i].rva = rd32(opt + fixed + 8 * i);
		img->dirs[i].size = rd32(opt + fixed + 8 * i + 4);
	}
	return 0;
}

/* Below a page, sections are not mapped apart: the file is the image,
 * byte for byte ("mapped flat"). */
static bool maps_flat(const struct pe_image *img)
{
	return img->section_alignment < PAGE;
}

static int check_opt_values(struct pe_image *img, uint64_t sec_table_end)
{
	if (!is_pow2(img->section_alignment))
		return fail(img, "SectionAlignment 0x%x is not a power of two",
			    img->section_alignment);
	if (!is_pow2(img->file_alignment))
		return fail(img, "FileAlignment 0x%x is not a power of two",
			    img->file_alignment);
	if (maps_flat(img) && img->file_alignment != img->section_alignment)
		return fail(img, "FileAlignment 0x%x differs from SectionAlignment "
			    "0x%x below a page", img->file_alignment,
			    img->section_alignment);
	if (img->image_base & 0xffff)
		return fail(img, "ImageBase 0x%llx is not 64k-aligned",
			    (unsigned long long)img->image_base);
	if (img->size_of_image == 0 || img->size_of_image > PE_MAX_IMAGE_SIZE)
		return fail(img, "SizeOfImage 0x%x out of range",
			    img->size_of_image);
	img->image_span = (uint32_t)align_up(img->size_of_image, PAGE);
	if (img->image_base > UINT64_MAX - img->image_span)
		return fail(img, "ImageBase + SizeOfImage overflows");
	if (img->size_of_headers > img->size_of_image)
		return fail(img, "SizeOfHeaders 0x%x exceeds SizeOfImage 0x%x",
			    img->size_of_headers, img->size_of_image);
	/* The mapped headers must hold the section table (the in-process
	 * loader reads it there): a table past SizeOfHeaders, as minimal
	 * linkers write it, is mapped with the headers, as Windows does.
	 * SizeOfHeaders past the end of the file maps what there is. */
	img->header_span = img->size_of_headers;
	if (sec_table_end > img->size_of_headers) {
		if (sec_table_end > img->size_of_image)
			return fail(img, "section table ends past SizeOfImage 0x%x",
				    img->size_of_image);
		img->header_span = (uint32_t)sec_table_end;
	}
	return 0;
}

static void read_section(struct pe_section *s, const uint8_t *p)
{
	memcpy(s->name, p, 8);
	s->name[8] = '\0';
	s->virtual_size = rd32(p + 8);
	s->virtual_address = rd32(p + 12);
	s->raw_size = rd32(p + 16);
	s->raw_offset = rd32(p + 20);
	s->characteristics = rd32(p + 36);
}

/* The file bytes Windows maps at the section's address: from its raw
 * offset rounded down to a sector, its raw size rounded up to
 * FileAlignment, no more than VirtualSize (when set), and only what the
 * file and the image hold. */
static void place_section(const struct pe_image *img, struct pe_section *s)
{
	uint64_t len;

	s->file_offset = s->raw_offset & ~(SECTOR - 1);
	if (!s->raw_size || maps_flat(img)) {
		s->file_len = 0; /* flat: the headers' span holds it all */
		return;
	}
	len = align_up(s->raw_size, img->file_alignment);
	if (s->virtual_size && s->virtual_size < len)
		len = s->virtual_size;
	if (len > img->size - s->file_offset)
		len = img->size - s->file_offset;
	if (len > img->image_span - s->virtual_address)
		len = img->image_span - s->virtual_address;
	s->file_len = (uint32_t)len;
}

/* Sections must be ascending, non-overlapping, after the headers, inside
 * the image (SizeOfImage rounded up to SectionAlignment), and their
 * stated raw data inside the file.  Paged images align each section;
 * flat ones have each at its own file offset. */
static int check_section(struct pe_image *img, int i, uint64_t *prev_end)
{
	struct pe_section *s = &img->sections[i];
	uint64_t limit = align_up(img->size_of_image, img->section_alignment);

	if (!maps_flat(img) && s->virtual_address % img->section_alignment)
		return fail(img, "section %d address 0x%x not aligned to 0x%x",
			    i + 1, s->virtual_address, img->section_alignment);
	if (maps_flat(img) && s->raw_size && s->virtual_address != s->raw_offset)
		return fail(img, "section %d at 0x%x is not at its file offset "
			    "0x%x", i + 1, s->virtual_address, s->raw_offset);
	if (s->virtual_address < *prev_end)
		return fail(img, "section %d at 0x%x overlaps %s", i + 1,
			    s->virtual_address, i ? "the previous section"
						  : "the headers");
	if (!fits(s->virtual_address, sec_mem_len(s), limit) ||
	    s->virtual_address >= img->image_span)
		return fail(img, "section %d (0x%x + 0x%x) outside SizeOfImage "
			    "0x%x", i + 1, s->virtual_address, sec_mem_len(s),
			    img->size_of_image);
	if (s->raw_size && !fits(s->raw_offset, s->raw_size, img->size))
		return fail(img, "section %d raw data past end of file", i + 1);
	place_section(img, s);
	*prev_end = (uint64_t)s->virtual_address + sec_mem_len(s);
	return 0;
}

static int parse_sections(struct pe_image *img, uint64_t table_off)
{
	uint64_t prev_end = img->header_span;

	for (int i = 0; i < img->num_sections; i++) {
		read_section(&img->sections[i],
			     img->data + table_off + (uint64_t)i * SECTION_HEADER_SIZE);
		if (check_section(img, i, &prev_end) < 0)
			return -1;
	}
	if (maps_flat(img)) /* the whole file, as far as the image goes */
		img->header_span = (uint32_t)(img->size < img->image_span ? img->size
									   : img->image_span);
	return 0;
}

/* Directories hold rvas except SECURITY, whose "rva" is a file offset
 * that the loader never reads: Windows loads an image whose certificate
 * was cut off and its directory left behind (Remotion's zlib1.dll), so
 * that one is not checked. */
static int check_dirs(struct pe_image *img)
{
	for (uint32_t i = 0; i < img->num_dirs; i++) {
		uint32_t rva = img->dirs[i].rva, len = img->dirs[i].size;

		if (len == 0 || i == PE_DIR_SECURITY)
			continue;
		if (!fits(rva, len, img->image_span))
			return fail(img, "data directory %u (%s) 0x%x + 0x%x "
				    "outside image", i, dir_names[i], rva, len);
	}
	return 0;
}

int pe_parse(struct pe_image *img, const uint8_t *data, size_t size)
{
	uint32_t lfanew = 0;
	uint16_t opt_size;
	uint64_t opt_off, table_off, table_len;

	memset(img, 0, sizeof(*img));
	img->data = data;
	img->size = size;
	if (!data)
		return fail(img, "no data");
	if (parse_dos(img, &lfanew) < 0)
		return -1;
	read_coff(img, data + lfanew + 4, &opt_size);
	img->opt_header_size = opt_size;
	opt_off = (uint64_t)lfanew + 4 + COFF_HEADER_SIZE;
	if (parse_opt_header(img, opt_off) < 0)
		return -1;
	if (img->num_sections > PE_MAX_SECTIONS)
		return fail(img, "%u sections exceed the limit of %d",
			    img->num_sections, PE_MAX_SECTIONS);
	table_off = opt_off + opt_size;
	table_len = (uint64_t)img->num_sections * SECTION_HEADER_SIZE;
	if (!fits(table_off, table_len, size))
		return fail(img, "section table past end of file");
	if (check_opt_values(img, table_off + table_len) < 0)
		return -1;
	if (parse_sections(img, table_off) < 0)
		return -1;
	return check_dirs(img);
}

int pe_require_x64(struct pe_image *img)
{
	if (img->pe32)
		return fail(img, "not a PE32+ image (optional header magic 0x%x)",
			    OPT_MAGIC_PE32);
	return 0;
}

/* ---- rva access ---- */

/* File bytes from rva to the end of the region holding it (the headers or
 * one section's file-backed part); *avail gets that length. */
static const uint8_t *rva_span(const struct pe_image *img, uint32_t rva,
			       size_t *avail)
{
	size_t headers = img->header_span < img->size ? img->header_span : img->size;

	if (rva < headers) {
		*avail = headers - rva;
		return img->data + rva;
	}
	for (int i = 0; i < img->num_sections && i < PE_MAX_SECTIONS; i++) {
		const struct pe_section *s = &img->sections[i];
		uint32_t n = sec_file_len(s);

		if (rva < s->virtual_address || rva - s->virtual_address >= n)
			continue;
		if (!fits(s->file_offset, n, img->size))
			return NULL;
		*avail = n - (rva - s->virtual_address);
		return img->data + s->file_offset + (rva - s->virtual_address);
	}
	return NULL;
}

const void *pe_rva_ptr(const struct pe_image *img, uint32_t rva, size_t len)
{
	size_t avail;
	const uint8_t *p = rva_span(img, rva, &avail);

	return p && len <= avail ? p : NULL;
}

const char *pe_rva_str(const struct pe_image *img, uint32_t rva,
		       size_t maxlen)
{
	size_t avail;
	const char *p = (const char *)rva_span(img, rva, &avail);

	if (!p)
		return NULL;
	if (avail - 1 > maxlen)          /* avail >= 1; no maxlen + 1 wrap */
		avail = maxlen + 1;
	return memchr(p, '\0', avail) ? p : NULL;
}

/* The directory i, or false when absent (not listed or size 0). */
static bool get_dir(const struct pe_image *img, int i, uint32_t *rva,
		    uint32_t *size)
{
	if ((uint32_t)i >= img->num_dirs || img->dirs[i].size == 0)
		return false;
	*rva = img->dirs[i].rva;
	*size = img->dirs[i].size;
	return true;
}

/* ---- base relocations ---- */

/* Bytes a relocation of this type patches (HIGHADJ's parameter slot is
 * handled by the caller). */
static uint32_t reloc_width(int type)
{
	switch (type) {
	case 10: return 8;   /* DIR64 */
	case 3: return 4;    /* HIGHLOW */
	default: return 2;   /* HIGH, LOW, HIGHADJ, machine-specific */
	}
}

struct reloc_walk {
	int (*block_fn)(void *ctx, uint32_t page_rva, uint32_t count);
	int (*entry_fn)(void *ctx, uint32_t rva, int type);
	void *ctx;
};

static int walk_reloc_entries(struct pe_image *img, const struct reloc_walk *w,
			      const uint8_t *p, uint32_t page, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++) {
		uint16_t e = rd16(p + 2 * i);
		int type = e >> 12;
		uint64_t rva = (uint64_t)page + (e & 0xfff);
		int r;

		if (type == 0)               /* ABSOLUTE: padding */
			continue;
		if (!fits(rva, reloc_width(type), img->image_span))
			return fail(img, "relocation at 0x%llx outside image",
				    (unsigned long long)rva);
		if (w->entry_fn && (r = w->entry_fn(w->ctx, (uint32_t)rva, type)))
			return r;
		if (type == 4 && ++i >= count)  /* HIGHADJ: next slot is data */
			return fail(img, "HIGHADJ relocation without parameter");
	}
	return 0;
}

static int walk_relocs(struct pe_image *img, const struct reloc_walk *w)
{
	uint32_t dir, len;

	if (!get_dir(img, PE_DIR_BASERELOC, &dir, &len))
		return 0;
	for (uint32_t off = 0; off < len;) {
		uint32_t at = dir + off, bsize, page;
		const uint8_t *p;
		int r;

		if (len - off < RELOC_BLOCK_HEADER)
			return fail(img, "reloc block at 0x%x truncated", at);
		p = pe_rva_ptr(img, at, RELOC_BLOCK_HEADER);
		if (!p)
			return fail(img, "reloc block at 0x%x not in file", at);
		page = rd32(p);
		bsize = rd32(p + 4);
		if (bsize < RELOC_BLOCK_HEADER || bsize % 2)
			return fail(img, "reloc block at 0x%x has bad size %u",
				    at, bsize);
		if (bsize > len - off || !pe_rva_ptr(img, at, bsize))
			return fail(img, "reloc block at 0x%x (size %u) overruns "
				    "the directory", at, bsize);
		if (w->block_fn &&
		    (r = w->block_fn(w->ctx, page, (bsize - 8) / 2)))
			return r;
		r = walk_reloc_entries(img, w, p + 8, page, (bsize - 8) / 2);
		if (r)
			return r;
		off += bsize;
	}
	return 0;
}

int pe_for_each_reloc(struct pe_image *img,
		      int (*fn)(void *ctx, uint32_t rva, int type), void *ctx)
{
	struct reloc_walk w = { NULL, fn, ctx };

	return walk_relocs(img, &w);
}

int pe_for_each_reloc_block(struct pe_image *img,
			    int (*fn)(void *ctx, uint32_t page_rva,
				      uint32_t count), void *ctx)
{
	struct reloc_walk w = { fn, NULL, ctx };

	return walk_relocs(img, &w);
}

/* ---- exports ---- */

struct export_tables {
	uint32_t dir_rva, dir_size, base, nfuncs, nnames;
	const uint8_t *hdr, *funcs, *names, *ords;
};

/* An array of n entries of width bytes at rva, or NULL (n == 0 gives a
 * non-NULL dummy so callers need not special-case it). */
static const uint8_t *rva_array(const struct pe_image *img, uint32_t rva,
				uint32_t n, uint32_t width)
{
	if (n == 0)
		return (const uint8_t *)"";
	if (n > img->size / width)
		return NULL;
	return pe_rva_ptr(img, rva, (size_t)n * width);
}

static int load_export_tables(struct pe_image *img, struct export_tables *t)
{
	const uint8_t *h;

	if (!get_dir(img, PE_DIR_EXPORT, &t->dir_rva, &t->dir_size))
		return 1;
	h = pe_rva_ptr(img, t->dir_rva, EXPORT_DIR_SIZE);
	if (!h)
		return fail(img, "export directory at 0x%x not in file",
			    t->dir_rva);
	t->hdr = h;
	t->base = rd32(h + 16);
	t->nfuncs = rd32(h + 20);
	t->nnames = rd32(h + 24);
	if (t->nfuncs > MAX_EXPORTS || t->nnames > MAX_EXPORTS)
		return fail(img, "export table too large (%u functions, %u "
			    "names)", t->nfuncs, t->nnames);
	t->funcs = rva_array(img, rd32(h + 28), t->nfuncs, 4);
	if (!t->funcs)
		return fail(img, "export address table (%u entries) not in file",
			    t->nfuncs);
	t->names = rva_array(img, rd32(h + 32), t->nnames, 4);
	t->ords = rva_array(img, rd32(h + 36), t->nnames, 2);
	if (!t->names || !t->ords)
		return fail(img, "export name tables (%u entries) not in file",
			    t->nnames);
	return 0;
}

/* Fills e for function index idx; forwarders are rvas inside the export
 * directory pointing at "DLL.Name" strings. */
static int export_entry(struct pe_image *img, const struct export_tables *t,
			uint32_t idx, struct pe_export *e)
{
	e->rva = rd32(t->funcs + 4 * (size_t)idx);
	e->ordinal = t->base + idx;
	e->forwarder = NULL;
	if (e->rva >= t->dir_rva && e->rva - t->dir_rva < t->dir_size) {
		e->forwarder = pe_rva_str(img, e->rva, MAX_NAME_LEN);
		if (!e->forwarder)
			return fail(img, "export forwarder at 0x%x not a string "
				    "in file", e->rva);
		return 0;
	}
	if (e->rva >= img->image_span)
		return fail(img, "export ordinal %u rva 0x%x outside image",
			    e->ordinal, e->rva);
	return 0;
}

/* Name i of the name table and its function index, validated. */
static int export_name(struct pe_image *img, const struct export_tables *t,
		       uint32_t i, const char **name, uint32_t *idx)
{
	uint32_t nrva = rd32(t->names + 4 * (size_t)i);

	*name = pe_rva_str(img, nrva, MAX_NAME_LEN);
	if (!*name)
		return fail(img, "export name %u at 0x%x not a string in file",
			    i, nrva);
	*idx = rd16(t->ords + 2 * (size_t)i);
	if (*idx >= t->nfuncs)
		return fail(img, "export name %u has ordinal index %u >= %u",
			    i, *idx, t->nfuncs);
	return 0;
}

int pe_get_export_dir(struct pe_image *img, struct pe_export_dir *out)
{
	struct export_tables t = { 0 };
	int r = load_export_tables(img, &t);
	const char *dll;

	if (r)
		return r;
	dll = pe_rva_str(img, rd32(t.hdr + 12), MAX_NAME_LEN);
	out->dll = dll ? dll : "";
	out->timestamp = rd32(t.hdr + 4);
	out->base = t.base;
	out->num_functions = t.nfuncs;
	out->num_names = t.nnames;
	return 0;
}

int pe_find_export(struct pe_image *img, const char *name, uint32_t *rva,
		   const char **forwarder)
{
	struct export_tables t = { 0 };
	int r = load_export_tables(img, &t);

	if (r)
		return r > 0 ? fail(img, "no export directory") : -1;
	/* Linear, not binary: a hostile name table need not be sorted. */
	for (uint32_t i = 0; i < t.nnames; i++) {
		const char *n;
		uint32_t idx = 0;
		struct pe_export e;

		if (export_name(img, &t, i, &n, &idx) < 0)
			return -1;
		if (strcmp(n, name) != 0)
			continue;
		if (export_entry(img, &t, idx, &e) < 0)
			return -1;
		*rva = e.rva;
		*forwarder = e.forwarder;
		return 0;
	}
	return fail(img, "export %.64s not found", name);
}

static int for_each_named_export(struct pe_image *img,
				 const struct export_tables *t, uint8_t *named,
				 int (*fn)(void *, const struct pe_export *),
				 void *ctx)
{
	for (uint32_t i = 0; i < t->nnames; i++) {
		struct pe_export e;
		uint32_t idx = 0;
		int r;

		if (export_name(img, t, i, &e.name, &idx) < 0 ||
		    export_entry(img, t, idx, &e) < 0)
			return -1;
		named[idx / 8] |= (uint8_t)(1u << (idx % 8));
		if ((r = fn(ctx, &e)))
			return r;
	}
	return 0;
}

static int for_each_ordinal_export(struct pe_image *img,
				   const struct export_tables *t,
				   const uint8_t *named,
				   int (*fn)(void *, const struct pe_export *),
				   void *ctx)
{
	for (uint32_t idx = 0; idx < t->nfuncs; idx++) {
		struct pe_export e = { 0 };
		int r;

		if (named[idx / 8] & (1u << (idx % 8)) ||
		    rd32(t->funcs + 4 * (size_t)idx) == 0)
			continue;
		if (export_entry(img, t, idx, &e) < 0)
			return -1;
		if ((r = fn(ctx, &e)))
			return r;
	}
	return 0;
}

int pe_for_each_export(struct pe_image *img,
		       int (*fn)(void *ctx, const struct pe_export *e),
		       void *ctx)
{
	struct export_tables t = { 0 };
	uint8_t *named;
	int r = load_export_tables(img, &t);

	if (r)
		return r > 0 ? 0 : -1;
	/* nfuncs is bounded by the file size (the table is in the file). */
	named = calloc((size_t)t.nfuncs / 8 + 1, 1);
	if (!named)
		return fail(img, "out of memory");
	r = for_each_named_export(img, &t, named, fn, ctx);
	if (r == 0)
		r = for_each_ordinal_export(img, &t, named, fn, ctx);
	free(named);
	return r;
}

/* ---- imports ---- */

/* A delay descriptor with Attributes bit 0 clear (old linkers) stores VAs
 * instead of rvas; convert, mapping unrepresentable values to an rva that
 * no check accepts. */
static uint32_t delay_rva(const struct pe_image *img, uint32_t attrs,
			  uint32_t v)
{
	if (attrs & 1)
		return v;
	if (v < img->image_base || v - img->image_base > UINT32_MAX)
		return UINT32_MAX;
	return (uint32_t)(v - img->image_base);
}

struct import_desc {
	const char *dll;
	uint32_t names_rva;   /* ILT (or IAT when there is no ILT) */
	uint32_t iat_rva;
};

/* Reads descriptor n; 1 at the terminating entry. */
static int read_import_desc(struct pe_image *img, int delay, uint32_t at,
			    struct import_desc *d)
{
	const uint8_t *p = pe_rva_ptr(img, at, delay ? DELAY_DESC_SIZE
						     : IMPORT_DESC_SIZE);
	uint32_t name_rva, attrs = 0;

	if (!p)
		return fail(img, "%simport descriptor at 0x%x not in file",
			    delay ? "delay " : "", at);
	if (delay) {
		attrs = rd32(p);
		name_rva = delay_rva(img, attrs, rd32(p + 4));
		d->iat_rva = delay_rva(img, attrs, rd32(p + 12));
		d->names_rva = delay_rva(img, attrs, rd32(p + 16));
		if (rd32(p + 4) == 0)
			return 1;
	} else {
		name_rva = rd32(p + 12);
		d->iat_rva = rd32(p + 16);
		d->names_rva = rd32(p) ? rd32(p) : d->iat_rva;
		if (name_rva == 0 && d->iat_rva == 0)
			return 1;
	}
	d->dll = pe_rva_str(img, name_rva, MAX_NAME_LEN);
	if (!d->dll)
		return fail(img, "import dll name at 0x%x not a string in file",
			    name_rva);
	return 0;
}

/* Decodes one 64-bit thunk: top bit = by ordinal, else a hint/name rva. */
static int import_thunk(struct pe_image *img, uint64_t thunk,
			struct pe_import *imp)
{
	const uint8_t *hn;
	uint32_t rva;

	imp->name = NULL;
	imp->hint = 0;
	imp->ordinal = 0;
	if (thunk >> 63) {
		imp->ordinal = (uint16_t)thunk;
		return 0;
	}
	if (thunk > UINT32_MAX)
		return fail(img, "import thunk 0x%llx has reserved bits set",
			    (unsigned long long)thunk);
	rva = (uint32_t)thunk;
	hn = pe_rva_ptr(img, rva, 2);
	if (!hn || rva > UINT32_MAX - 2 ||
	    !(imp->name = pe_rva_str(img, rva + 2, MAX_NAME_LEN)))
		return fail(img, "import name at 0x%x not in file", rva);
	imp->hint = rd16(hn);
	return 0;
}

/* Calls fn per thunk of descriptor d; *count gets how many.  0, -1 with
 * img->error, or fn's non-zero return. */
static int walk_import_thunks(struct pe_image *img, const struct import_desc *d,
			      struct pe_import *imp, uint32_t *total,
			      uint32_t *count,
			      int (*fn)(void *, const struct pe_import *),
			      void *ctx)
{
	for (uint32_t i = 0;; i++) {
		uint64_t at = (uint64_t)d->names_rva + 8ull * i;
		const uint8_t *p = at <= UINT32_MAX ?
				   pe_rva_ptr(img, (uint32_t)at, 8) : NULL;
		int r;

		*count = i;
		if (!p)
			return fail(img, "import thunks of %.64s not in file",
				    d->dll);
		if (rd64(p) == 0)
			return 0;
		if (++*total > MAX_IMPORTS)
			return fail(img, "more than %u imports", MAX_IMPORTS);
		if (import_thunk(img, rd64(p), imp) < 0)
			return -1;
		imp->iat_rva = d->iat_rva + 8 * i;
		imp->has_function = 1;
		if ((r = fn(ctx, imp)))
			return r;
	}
}

int pe_for_each_import(struct pe_image *img, int delay,
		       int (*fn)(void *ctx, const struct pe_import *imp),
		       void *ctx)
{
	uint32_t dir, len, total = 0;
	int step = delay ? DELAY_DESC_SIZE : IMPORT_DESC_SIZE;

	if (!get_dir(img, delay ? PE_DIR_DELAY_IMPORT : PE_DIR_IMPORT,
		     &dir, &len))
		return 0;
	/* The terminator, not the directory size, ends the table (as in the
	 * Windows loader); the cap bounds a table with no terminator. */
	for (int n = 0; n < MAX_IMPORT_DLLS; n++) {
		uint64_t at = (uint64_t)dir + (uint64_t)n * step;
		struct import_desc d = { 0 };
		struct pe_import imp = { 0 };
		uint32_t count;
		int r;

		if (at > UINT32_MAX)
			return fail(img, "import descriptors past 4 GiB");
		r = read_import_desc(img, delay, (uint32_t)at, &d);
		if (r)
			return r > 0 ? 0 : -1;
		imp.dll = d.dll;
		imp.index = n;
		r = walk_import_thunks(img, &d, &imp, &total, &count, fn, ctx);
		if (r)
			return r;
		if (count == 0 && (r = fn(ctx, &imp)))  /* DLL, no functions */
			return r;
	}
	return fail(img, "more than %d import descriptors", MAX_IMPORT_DLLS);
}

/* ---- TLS ---- */

int pe_get_tls(struct pe_image *img, struct pe_tls *out)
{
	uint32_t dir, len;
	const uint8_t *p;

	if (!get_dir(img, PE_DIR_TLS, &dir, &len))
		return 1;
	p = pe_rva_ptr(img, dir, TLS_DIR64_SIZE);
	if (!p)
		return fail(img, "tls directory at 0x%x not in file", dir);
	out->start_va = rd64(p);
	out->end_va = rd64(p + 8);
	out->index_va = rd64(p + 16);
	out->callbacks_va = rd64(p + 24);
	out->zero_fill = rd32(p + 32);
	out->characteristics = rd32(p + 36);
	return 0;
}

int pe_for_each_tls_callback(struct pe_image *img,
			     int (*fn)(void *ctx, uint64_t va), void *ctx)
{
	struct pe_tls tls = { 0 };
	int r = pe_get_tls(img, &tls);
	uint64_t rva;

	if (r)
		return r > 0 ? 0 : -1;
	if (tls.callbacks_va == 0)
		return 0;
	rva = tls.callbacks_va - img->image_base;
	if (tls.callbacks_va < img->image_base || rva >= img->image_span)
		return fail(img, "tls callback array 0x%llx outside image",
			    (unsigned long long)tls.callbacks_va);
	for (uint32_t i = 0; i < MAX_TLS_CALLBACKS; i++) {
		const uint8_t *p = pe_rva_ptr(img, (uint32_t)rva + 8 * i, 8);

		if (!p)
			return fail(img, "tls callback array not in file");
		if (rd64(p) == 0)
			return 0;
		if ((r = fn(ctx, rd64(p))))
			return r;
	}
	return fail(img, "more than %d tls callbacks", MAX_TLS_CALLBACKS);
}

/* ---- layout ---- */

int pe_layout(struct pe_image *img, uint8_t *buf, size_t buflen)
{
	if (buflen >= img->image_span)
		memset(buf, 0, img->image_span);
	return pe_layout_zeroed(img, buf, buflen);
}

/* A COM descriptor directory that the optional header (by its stated
 * size) holds makes a .NET image; its header's version and flags are
 * read from the laid-out image. */
static void read_clr_header(struct pe_image *img, const uint8_t *layout)
{
	uint32_t fixed = img->pe32 ? OPT32_FIXED_SIZE : OPT64_FIXED_SIZE, rva, size;

	img->clr = false;
	if (img->opt_header_size < fixed + 8 * (PE_DIR_CLR + 1) ||
	    !get_dir(img, PE_DIR_CLR, &rva, &size) || !rva)
		return;
	img->clr = true;
	img->clr_version = img->clr_flags = 0;
	if (size >= 20 && fits(rva, 20, img->image_span)) {
		img->clr_version = (uint32_t)rd16(layout + rva + 4) << 16 | rd16(layout + rva + 6);
		img->clr_flags = rd32(layout + rva + 16);
	}
}

/* Copies file bytes [off, off + len) to dst: 0, or -1 if they cannot be had. */
typedef int pe_copy_fn(void *ctx, uint8_t *dst, uint64_t off, size_t len);

static int layout_with(struct pe_image *img, uint8_t *buf, size_t buflen,
		       pe_copy_fn *copy, void *ctx)
{
	size_t headers = img->header_span < img->size ? img->header_span : img->size;

	if (buflen < img->image_span)
		return fail(img, "layout buffer (%zu bytes) smaller than "
			    "SizeOfImage 0x%x", buflen, img->image_span);
	if (headers > img->image_span)
		return fail(img, "SizeOfHeaders 0x%x does not fit",
			    img->size_of_headers);
	if (copy(ctx, buf, 0, headers) < 0)
		return fail(img, "headers cannot be read");
	for (int i = 0; i < img->num_sections && i < PE_MAX_SECTIONS; i++) {
		const struct pe_section *s = &img->sections[i];
		uint32_t n = sec_file_len(s);

		if (n == 0)
			continue;
		/* Re-checked here: pe_layout's caller maps the result. */
		if (!fits(s->file_offset, n, img->size) ||
		    !fits(s->virtual_address, n, img->image_span))
			return fail(img, "section %d does not fit", i + 1);
		if (copy(ctx, buf + s->virtual_address, s->file_offset, n) < 0)
			return fail(img, "section %d cannot be read", i + 1);
	}
	read_clr_header(img, buf);
	return 0;
}

static int copy_from_data(void *ctx, uint8_t *dst, uint64_t off, size_t len)
{
	memcpy(dst, (const uint8_t *)ctx + off, len);
	return 0;
}

int pe_layout_zeroed(struct pe_image *img, uint8_t *buf, size_t buflen)
{
	return layout_with(img, buf, buflen, copy_from_data, (void *)img->data);
}

/* A file shorter than it was when parsed reads as zeros past its end. */
static int copy_from_fd(void *ctx, uint8_t *dst, uint64_t off, size_t len)
{
	int fd = *(int *)ctx;

	while (len) {
		ssize_t n = pread(fd, dst, len, (off_t)off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		dst += n;
		off += (uint64_t)n;
		len -= (size_t)n;
	}
	return 0;
}

int pe_layout_fd(struct pe_image *img, int fd, uint8_t *buf, size_t buflen)
{
	return layout_with(img, buf, buflen, copy_from_fd, &fd);
}

void pe_as_laid_out(const struct pe_image *img, const uint8_t *layout,
		    struct pe_image *out)
{
	*out = *img;
	out->data = layout;
	out->size = img->image_span;
	out->header_span = img->header_span < img->size ? img->header_span
							: (uint32_t)img->size;
	for (int i = 0; i < out->num_sections && i < PE_MAX_SECTIONS; i++) {
		struct pe_section *s = &out->sections[i];

		s->raw_size = sec_file_len(s);
		s->raw_offset = s->file_offset = s->raw_size ? s->virtual_address : 0;
	}
}

/* The headers a PE file needs parsed: the DOS header, e_lfanew, then the
 * PE signature, COFF and optional headers and the section table. */
#define HEADERS_MAX_LFANEW 0x1000000u
#define HEADERS_TAIL (4u + 20u + 0xFFFFu + PE_MAX_SECTIONS * 40u)

int pe_parse_fd(struct pe_image *img, int fd, uint64_t file_size)
{
	size_t size = file_size > 0xFFFFFFFFull ? 0xFFFFFFFFu : (size_t)file_size;
	size_t want = 0x40;
	uint32_t lfanew;
	uint8_t *buf;
	int rc;

	memset(img, 0, sizeof(*img));
	if (size < 0x40)
		return fail(img, "file too small for a DOS header");
	/* sparse: only the pages read below are ever backed */
	buf = mmap(NULL, size, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (buf == MAP_FAILED)
		return fail(img, "no memory for the headers");
	if (copy_from_fd(&fd, buf, 0, want) < 0) {
		munmap(buf, size);
		return fail(img, "headers cannot be read");
	}
	memcpy(&lfanew, buf + 0x3c, 4);
	want = lfanew < HEADERS_MAX_LFANEW ? lfanew + HEADERS_TAIL : 0x1000;
	if (want > size)
		want = size;
	if (copy_from_fd(&fd, buf, 0, want) < 0) {
		munmap(buf, size);
		return fail(img, "headers cannot be read");
	}
	rc = pe_parse(img, buf, size);
	munmap(buf, size);
	img->data = NULL;
	return rc;
}

