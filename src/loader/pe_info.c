/*
 * `lsw info [--json] FILE...`: what `objdump -p` and `dumpbin /headers
 * /imports /exports` show, for PE32+ files.  Each file is printed into a
 * memory buffer first, so a malformed file produces exactly one line on
 * stderr ("lsw info: FILE: problem") and no partial output.
 *
 * Strings from the file are hostile: text output shows bytes outside
 * printable ASCII as \xNN; JSON escapes them as \u00NN (bytes read as
 * Latin-1), so the output is always valid UTF-8.
 *
 * --json prints one object per file, one per line.  Integers that fit in
 * 32 bits are JSON numbers; 64-bit values (image base, stack and heap
 * sizes, TLS virtual addresses) are strings "0x..." to stay exact.
 *
 *   {
 *     "file": str,
 *     "machine": num, "machine_name": "x86-64",
 *     "num_sections": num, "timestamp": num,
 *     "characteristics": num, "characteristics_flags": [str],
 *     "optional_header": {
 *       "magic": num, "linker_version": "M.m", "size_of_code": num,
 *       "entry_point": num, "base_of_code": num, "image_base": "0x...",
 *       "section_alignment": num, "file_alignment": num,
 *       "os_version": "M.m", "image_version": "M.m",
 *       "subsystem_version": "M.m", "size_of_image": num,
 *       "size_of_headers": num, "checksum": num,
 *       "subsystem": num, "subsystem_name": str,
 *       "dll_characteristics": num, "dll_characteristics_flags": [str],
 *       "stack_reserve": "0x...", "stack_commit": "0x...",
 *       "heap_reserve": "0x...", "heap_commit": "0x...",
 *       "number_of_rva_and_sizes": num
 *     },
 *     "data_directories": [{"index": num, "name": str, "rva": num,
 *                           "size": num}],            (size != 0 only)
 *     "sections": [{"name": str, "virtual_size": num,
 *                   "virtual_address": num, "raw_size": num,
 *                   "raw_offset": num, "characteristics": num,
 *                   "flags": [str]}],
 *     "imports": [{"dll": str, "functions": [F]}],
 *     "delay_imports": [{"dll": str, "functions": [F]}],
 *         F = {"name": str, "hint": num, "iat_rva": num}
 *           | {"ordinal": num, "iat_rva": num}
 *     "exports": null | {"dll": str, "timestamp": num, "base": num,
 *                "num_functions": num, "num_names": num,
 *                "functions": [{"ordinal": num, "rva": num,
 *                               "name": str (if named),
 *                               "forwarder": str (if forwarded)}]},
 *     "relocations": {"blocks": num, "entries": num,
 *                     "by_type": {TYPE: num}},    (TYPE "DIR64", ...)
 *     "tls": null | {"start_va": "0x...", "end_va": "0x...",
 *                    "index_va": "0x...", "callbacks_va": "0x...",
 *                    "zero_fill": num, "characteristics": num,
 *                    "callbacks": ["0x..."]}
 *   }
 */
#include "loader/pe_info.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_FILE_SIZE (1u << 30)
#define JSON_MAX_DEPTH 8

/* ---- flag tables: value, name; unknown bits are printed in hex ---- */

struct flag { uint32_t value; const char *name; };

static const struct flag file_flags[] = {
	{ 0x0001, "RELOCS_STRIPPED" }, { 0x0002, "EXECUTABLE_IMAGE" },
	{ 0x0004, "LINE_NUMS_STRIPPED" }, { 0x0008, "LOCAL_SYMS_STRIPPED" },
	{ 0x0010, "AGGRESSIVE_WS_TRIM" }, { 0x0020, "LARGE_ADDRESS_AWARE" },
	{ 0x0080, "BYTES_REVERSED_LO" }, { 0x0100, "32BIT_MACHINE" },
	{ 0x0200, "DEBUG_STRIPPED" }, { 0x0400, "REMOVABLE_RUN_FROM_SWAP" },
	{ 0x0800, "NET_RUN_FROM_SWAP" }, { 0x1000, "SYSTEM" },
	{ 0x2000, "DLL" }, { 0x4000, "UP_SYSTEM_ONLY" },
	{ 0x8000, "BYTES_REVERSED_HI" }, { 0, NULL },
};

static const struct flag dll_flags[] = {
	{ 0x0020, "HIGH_ENTROPY_VA" }, { 0x0040, "DYNAMIC_BASE" },
	{ 0x0080, "FORCE_INTEGRITY" }, { 0x0100, "NX_COMPAT" },
	{ 0x0200, "NO_ISOLATION" }, { 0x0400, "NO_SEH" },
	{ 0x0800, "NO_BIND" }, { 0x1000, "APPCONTAINER" },
	{ 0x2000, "WDM_DRIVER" }, { 0x4000, "GUARD_CF" },
	{ 0x8000, "TERMINAL_SERVER_AWARE" }, { 0, NULL },
};

/* IMAGE_SCN_ALIGN_* (0x00f00000) is a 4-bit field, handled separately. */
static const struct flag section_flags[] = {
	{ 0x00000008, "NO_PAD" }, { 0x00000020, "CODE" },
	{ 0x00000040, "INITIALIZED_DATA" }, { 0x00000080, "UNINITIALIZED_DATA" },
	{ 0x00000100, "LNK_OTHER" }, { 0x00000200, "LNK_INFO" },
	{ 0x00000800, "LNK_REMOVE" }, { 0x00001000, "LNK_COMDAT" },
	{ 0x00008000, "GPREL" }, { 0x01000000, "LNK_NRELOC_OVFL" },
	{ 0x02000000, "DISCARDABLE" }, { 0x04000000, "NOT_CACHED" },
	{ 0x08000000, "NOT_PAGED" }, { 0x10000000, "SHARED" },
	{ 0x20000000, "EXECUTE" }, { 0x40000000, "READ" },
	{ 0x80000000, "WRITE" }, { 0, NULL },
};
#define SCN_ALIGN_MASK 0x00f00000u

static const char *const subsystem_names[] = {
	[0] = "UNKNOWN", [1] = "NATIVE", [2] = "WINDOWS_GUI",
	[3] = "WINDOWS_CUI", [5] = "OS2_CUI", [7] = "POSIX_CUI",
	[8] = "NATIVE_WINDOWS", [9] = "WINDOWS_CE_GUI",
	[10] = "EFI_APPLICATION", [11] = "EFI_BOOT_SERVICE_DRIVER",
	[12] = "EFI_RUNTIME_DRIVER", [13] = "EFI_ROM", [14] = "XBOX",
	[16] = "WINDOWS_BOOT_APPLICATION",
};

static const char *const reloc_names[16] = {
	[0] = "ABSOLUTE", [1] = "HIGH", [2] = "LOW", [3] = "HIGHLOW",
	[4] = "HIGHADJ", [10] = "DIR64",
};

static const char *subsystem_name(uint16_t s)
{
	size_t n = sizeof(subsystem_names) / sizeof(subsystem_names[0]);

	return s < n && subsystem_names[s] ? subsystem_names[s] : "?";
}

/* ---- output: text or compact JSON through one small emitter ---- */

struct out {
	FILE *f;
	bool json;
	int depth;
	bool had_item[JSON_MAX_DEPTH];   /* a value was written at this depth */
};

/* Text: non-printable bytes become \xNN (no terminal escapes leak). */
static void text_str(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p < 0x7f)
			fputc(*p, f);
		else
			fprintf(f, "\\x%02x", *p);
	}
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p >= 0x20 && *p < 0x7f)
			fputc(*p, f);
		else
			fprintf(f, "\\u%04x", *p);
	}
	fputc('"', f);
}

/* Comma and key before a JSON value. */
static void j_key(struct out *o, const char *key)
{
	if (o->had_item[o->depth])
		fputc(',', o->f);
	o->had_item[o->depth] = true;
	if (key) {
		json_str(o->f, key);
		fputc(':', o->f);
	}
}

static void j_open(struct out *o, const char *key, char bracket)
{
	j_key(o, key);
	fputc(bracket, o->f);
	if (o->depth + 1 < JSON_MAX_DEPTH)
		o->had_item[++o->depth] = false;
}

static void j_close(struct out *o, char bracket)
{
	fputc(bracket, o->f);
	if (o->depth > 0)
		o->depth--;
}

static void j_num(struct out *o, const char *key, uint32_t v)
{
	j_key(o, key);
	fprintf(o->f, "%u", v);
}

static void j_hex64(struct out *o, const char *key, uint64_t v)
{
	j_key(o, key);
	fprintf(o->f, "\"0x%llx\"", (unsigned long long)v);
}

static void j_str(struct out *o, const char *key, const char *s)
{
	j_key(o, key);
	json_str(o->f, s);
}

static void j_version(struct out *o, const char *key, unsigned major,
		      unsigned minor)
{
	j_key(o, key);
	fprintf(o->f, "\"%u.%u\"", major, minor);
}

static void flag_name(struct out *o, bool *any, const char *name)
{
	if (o->json)
		j_str(o, NULL, name);
	else
		fprintf(o->f, "%s%s", *any ? "|" : "", name);
	*any = true;
}

/* Flags as "A|B|0x40" text, or a JSON array of the same names; extra (may
 * be NULL) is one more name, for multi-bit fields the table cannot hold. */
static void print_flags(struct out *o, const char *key, uint32_t v,
			const struct flag *t, const char *extra)
{
	bool any = false;
	char hex[16];

	if (o->json)
		j_open(o, key, '[');
	for (; t->name; t++) {
		if (v & t->value) {
			v &= ~t->value;
			flag_name(o, &any, t->name);
		}
	}
	if (extra)
		flag_name(o, &any, extra);
	if (v) {
		snprintf(hex, sizeof(hex), "0x%x", v);
		flag_name(o, &any, hex);
	}
	if (o->json)
		j_close(o, ']');
}

/* ---- one header field: a text label or a JSON key ---- */

static void f_num(struct out *o, const char *label, const char *key,
		  uint32_t v)
{
	if (o->json)
		j_num(o, key, v);
	else
		fprintf(o->f, "  %-24s %u\n", label, v);
}

static void f_hex(struct out *o, const char *label, const char *key,
		  uint32_t v)
{
	if (o->json)
		j_num(o, key, v);
	else
		fprintf(o->f, "  %-24s 0x%x\n", label, v);
}

static void f_hex64(struct out *o, const char *label, const char *key,
		    uint64_t v)
{
	if (o->json)
		j_hex64(o, key, v);
	else
		fprintf(o->f, "  %-24s 0x%llx\n", label, (unsigned long long)v);
}

static void f_version(struct out *o, const char *label, const char *key,
		      unsigned major, unsigned minor)
{
	if (o->json)
		j_version(o, key, major, minor);
	else
		fprintf(o->f, "  %-24s %u.%u\n", label, major, minor);
}

static void f_flags(struct out *o, const char *label, const char *key,
		    const char *flags_key, uint32_t v, const struct flag *t)
{
	if (o->json) {
		j_num(o, key, v);
		print_flags(o, flags_key, v, t, NULL);
		return;
	}
	fprintf(o->f, "  %-24s 0x%x%s", label, v, v ? " " : "");
	print_flags(o, NULL, v, t, NULL);
	fputc('\n', o->f);
}

static void section_title(struct out *o, const char *title)
{
	if (!o->json)
		fprintf(o->f, "\n%s\n", title);
}

/* ---- headers ---- */

static void print_timestamp(struct out *o, uint32_t t)
{
	time_t tt = t;
	struct tm tm;
	char buf[32];

	if (o->json) {
		j_num(o, "timestamp", t);
		return;
	}
	if (!gmtime_r(&tt, &tm) ||
	    !strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(buf, sizeof(buf), "?");
	fprintf(o->f, "  %-24s 0x%08x (%s)\n", "TimeDateStamp", t, buf);
}

static void print_file_header(struct out *o, const struct pe_image *img)
{
	section_title(o, "File header");
	if (o->json) {
		j_num(o, "machine", img->machine);
		j_str(o, "machine_name", "x86-64");
	} else {
		fprintf(o->f, "  %-24s 0x%x (x86-64)\n", "Machine",
			img->machine);
	}
	f_num(o, "NumberOfSections", "num_sections", img->num_sections);
	print_timestamp(o, img->timestamp);
	f_flags(o, "Characteristics", "characteristics",
		"characteristics_flags", img->characteristics, file_flags);
}

static void print_subsystem(struct out *o, uint16_t s)
{
	if (o->json) {
		j_num(o, "subsystem", s);
		j_str(o, "subsystem_name", subsystem_name(s));
	} else {
		fprintf(o->f, "  %-24s %u (%s)\n", "Subsystem", s,
			subsystem_name(s));
	}
}

static void print_sizes(struct out *o, const struct pe_image *img)
{
	f_hex(o, "SizeOfImage", "size_of_image", img->size_of_image);
	f_hex(o, "SizeOfHeaders", "size_of_headers", img->size_of_headers);
	f_hex(o, "CheckSum", "checksum", img->checksum);
	print_subsystem(o, img->subsystem);
	f_flags(o, "DllCharacteristics", "dll_characteristics",
		"dll_characteristics_flags", img->dll_characteristics,
		dll_flags);
	f_hex64(o, "SizeOfStackReserve", "stack_reserve", img->stack_reserve);
	f_hex64(o, "SizeOfStackCommit", "stack_commit", img->stack_commit);
	f_hex64(o, "SizeOfHeapReserve", "heap_reserve", img->heap_reserve);
	f_hex64(o, "SizeOfHeapCommit", "heap_commit", img->heap_commit);
	f_num(o, "NumberOfRvaAndSizes", "number_of_rva_and_sizes",
	      img->num_dirs);
}

static void print_optional_header(struct out *o, const struct pe_image *img)
{
	section_title(o, "Optional header");
	if (o->json)
		j_open(o, "optional_header", '{');
	if (o->json)
		j_num(o, "magic", 0x20b);
	else
		fprintf(o->f, "  %-24s 0x20b (PE32+)\n", "Magic");
	f_version(o, "LinkerVersion", "linker_version", img->linker_major,
		  img->linker_minor);
	f_hex(o, "SizeOfCode", "size_of_code", img->size_of_code);
	f_hex(o, "AddressOfEntryPoint", "entry_point", img->entry_rva);
	f_hex(o, "BaseOfCode", "base_of_code", img->base_of_code);
	f_hex64(o, "ImageBase", "image_base", img->image_base);
	f_hex(o, "SectionAlignment", "section_alignment",
	      img->section_alignment);
	f_hex(o, "FileAlignment", "file_alignment", img->file_alignment);
	f_version(o, "OperatingSystemVersion", "os_version", img->os_major,
		  img->os_minor);
	f_version(o, "ImageVersion", "image_version", img->image_major,
		  img->image_minor);
	f_version(o, "SubsystemVersion", "subsystem_version",
		  img->subsystem_major, img->subsystem_minor);
	print_sizes(o, img);
	if (o->json)
		j_close(o, '}');
}

static void print_dirs(struct out *o, const struct pe_image *img)
{
	section_title(o, "Data directories");
	if (o->json)
		j_open(o, "data_directories", '[');
	else
		fprintf(o->f, "  %3s %-14s %-10s %s\n", "Idx", "Name", "RVA",
			"Size");
	for (uint32_t i = 0; i < img->num_dirs && i < PE_NUM_DIRS; i++) {
		if (!o->json) {
			fprintf(o->f, "  %3u %-14s 0x%08x 0x%08x\n", i,
				pe_dir_name(i), img->dirs[i].rva,
				img->dirs[i].size);
			continue;
		}
		if (img->dirs[i].size == 0)
			continue;
		j_open(o, NULL, '{');
		j_num(o, "index", i);
		j_str(o, "name", pe_dir_name(i));
		j_num(o, "rva", img->dirs[i].rva);
		j_num(o, "size", img->dirs[i].size);
		j_close(o, '}');
	}
	if (o->json)
		j_close(o, ']');
}

/* ---- sections ---- */

/* IMAGE_SCN_ALIGN_nBYTES: field value k means 2^(k-1) bytes. */
static const char *section_align(uint32_t c, char *buf, size_t len)
{
	uint32_t k = (c & SCN_ALIGN_MASK) >> 20;

	if (k == 0)
		return NULL;
	if (k > 14)
		snprintf(buf, len, "ALIGN_?%u", k);
	else
		snprintf(buf, len, "ALIGN_%u", 1u << (k - 1));
	return buf;
}

static void print_section_json(struct out *o, const struct pe_section *s)
{
	char align[16];

	j_open(o, NULL, '{');
	j_str(o, "name", s->name);
	j_num(o, "virtual_size", s->virtual_size);
	j_num(o, "virtual_address", s->virtual_address);
	j_num(o, "raw_size", s->raw_size);
	j_num(o, "raw_offset", s->raw_offset);
	j_num(o, "characteristics", s->characteristics);
	print_flags(o, "flags", s->characteristics & ~SCN_ALIGN_MASK,
		    section_flags, section_align(s->characteristics, align,
						 sizeof(align)));
	j_close(o, '}');
}

static void print_section_text(struct out *o, int i,
			       const struct pe_section *s)
{
	char align[16];

	fprintf(o->f, "  %3d ", i + 1);
	text_str(o->f, s->name);
	fprintf(o->f, "%*s 0x%08x 0x%08x 0x%08x 0x%08x 0x%08x%s",
		(int)(8 - strlen(s->name)), "", s->virtual_size,
		s->virtual_address, s->raw_size, s->raw_offset,
		s->characteristics, s->characteristics ? " " : "");
	print_flags(o, NULL, s->characteristics & ~SCN_ALIGN_MASK,
		    section_flags, section_align(s->characteristics, align,
						 sizeof(align)));
	fputc('\n', o->f);
}

static void print_sections(struct out *o, const struct pe_image *img)
{
	section_title(o, "Sections");
	if (o->json)
		j_open(o, "sections", '[');
	else
		fprintf(o->f, "  %3s %-8s %-10s %-10s %-10s %-10s %s\n", "Idx",
			"Name", "VirtSize", "VirtAddr", "RawSize", "RawOffset",
			"Characteristics");
	for (int i = 0; i < img->num_sections && i < PE_MAX_SECTIONS; i++) {
		if (o->json)
			print_section_json(o, &img->sections[i]);
		else
			print_section_text(o, i, &img->sections[i]);
	}
	if (o->json)
		j_close(o, ']');
}

/* ---- imports ---- */

struct import_ctx {
	struct out *o;
	int cur;          /* descriptor index of the open group, -1: none */
};

static void import_group_close(struct import_ctx *c)
{
	if (c->cur >= 0 && c->o->json) {
		j_close(c->o, ']');
		j_close(c->o, '}');
	}
	c->cur = -1;
}

static void import_group_open(struct import_ctx *c, const struct pe_import *i)
{
	struct out *o = c->o;

	import_group_close(c);
	c->cur = i->index;
	if (o->json) {
		j_open(o, NULL, '{');
		j_str(o, "dll", i->dll);
		j_open(o, "functions", '[');
		return;
	}
	fputs("  ", o->f);
	text_str(o->f, i->dll);
	fprintf(o->f, "\n    %5s  %-10s  %s\n", "Hint", "IAT", "Name");
}

static void import_func(struct out *o, const struct pe_import *i)
{
	if (o->json) {
		j_open(o, NULL, '{');
		if (i->name) {
			j_str(o, "name", i->name);
			j_num(o, "hint", i->hint);
		} else {
			j_num(o, "ordinal", i->ordinal);
		}
		j_num(o, "iat_rva", i->iat_rva);
		j_close(o, '}');
		return;
	}
	if (i->name) {
		fprintf(o->f, "    %5u  0x%08x  ", i->hint, i->iat_rva);
		text_str(o->f, i->name);
		fputc('\n', o->f);
	} else {
		fprintf(o->f, "    %5s  0x%08x  ordinal %u\n", "", i->iat_rva,
			i->ordinal);
	}
}

static int on_import(void *ctx, const struct pe_import *i)
{
	struct import_ctx *c = ctx;

	if (i->index != c->cur)
		import_group_open(c, i);
	if (i->has_function)
		import_func(c->o, i);
	return 0;
}

static int print_imports(struct out *o, struct pe_image *img, int delay)
{
	struct import_ctx c = { o, -1 };
	int r;

	section_title(o, delay ? "Delay-load imports" : "Imports");
	if (o->json)
		j_open(o, delay ? "delay_imports" : "imports", '[');
	r = pe_for_each_import(img, delay, on_import, &c);
	if (r)
		return -1;
	if (c.cur < 0 && !o->json)
		fputs("  (none)\n", o->f);
	import_group_close(&c);
	if (o->json)
		j_close(o, ']');
	return 0;
}

/* ---- exports ---- */

static int on_export(void *ctx, const struct pe_export *e)
{
	struct out *o = ctx;

	if (o->json) {
		j_open(o, NULL, '{');
		j_num(o, "ordinal", e->ordinal);
		j_num(o, "rva", e->rva);
		if (e->name)
			j_str(o, "name", e->name);
		if (e->forwarder)
			j_str(o, "forwarder", e->forwarder);
		j_close(o, '}');
		return 0;
	}
	fprintf(o->f, "  %7u  0x%08x  ", e->ordinal, e->rva);
	text_str(o->f, e->name ? e->name : "[by ordinal]");
	if (e->forwarder) {
		fputs(" -> ", o->f);
		text_str(o->f, e->forwarder);
	}
	fputc('\n', o->f);
	return 0;
}

static void print_export_dir(struct out *o, const struct pe_export_dir *d)
{
	if (o->json) {
		j_str(o, "dll", d->dll);
		j_num(o, "timestamp", d->timestamp);
		j_num(o, "base", d->base);
		j_num(o, "num_functions", d->num_functions);
		j_num(o, "num_names", d->num_names);
		j_open(o, "functions", '[');
		return;
	}
	fprintf(o->f, "  %-24s ", "Name");
	text_str(o->f, d->dll);
	fprintf(o->f, "\n  %-24s 0x%08x\n", "TimeDateStamp", d->timestamp);
	fprintf(o->f, "  %-24s %u\n", "OrdinalBase", d->base);
	fprintf(o->f, "  %-24s %u\n", "NumberOfFunctions", d->num_functions);
	fprintf(o->f, "  %-24s %u\n", "NumberOfNames", d->num_names);
	fprintf(o->f, "  %7s  %-10s  %s\n", "Ordinal", "RVA", "Name");
}

static int print_exports(struct out *o, struct pe_image *img)
{
	struct pe_export_dir d;
	int r = pe_get_export_dir(img, &d);

	section_title(o, "Exports");
	if (r < 0)
		return -1;
	if (r > 0) {
		if (o->json) {
			j_key(o, "exports");
			fputs("null", o->f);
		} else {
			fputs("  (none)\n", o->f);
		}
		return 0;
	}
	if (o->json)
		j_open(o, "exports", '{');
	print_export_dir(o, &d);
	if (pe_for_each_export(img, on_export, o))
		return -1;
	if (o->json) {
		j_close(o, ']');
		j_close(o, '}');
	}
	return 0;
}

/* ---- base relocations ---- */

struct reloc_count {
	uint32_t blocks, slots, by_type[16];
};

static int on_reloc_block(void *ctx, uint32_t page, uint32_t count)
{
	struct reloc_count *c = ctx;

	(void)page;
	c->blocks++;
	c->slots += count;
	return 0;
}

static int on_reloc(void *ctx, uint32_t rva, int type)
{
	struct reloc_count *c = ctx;

	(void)rva;
	c->by_type[type & 15]++;
	return 0;
}

/* ABSOLUTE entries are padding the walker skips: they are the slots left
 * over (HIGHADJ takes two slots). */
static void count_padding(struct reloc_count *c)
{
	uint32_t used = c->by_type[4];

	for (int t = 1; t < 16; t++)
		used += c->by_type[t];
	c->by_type[0] = c->slots >= used ? c->slots - used : 0;
}

static void print_reloc_types(struct out *o, const struct reloc_count *c)
{
	char name[16];
	bool any = false;

	for (int t = 0; t < 16; t++) {
		const char *n = reloc_names[t];

		if (!c->by_type[t])
			continue;
		if (!n) {
			snprintf(name, sizeof(name), "TYPE_%d", t);
			n = name;
		}
		if (o->json)
			j_num(o, n, c->by_type[t]);
		else
			fprintf(o->f, "%s%s %u", any ? ", " : ": ", n,
				c->by_type[t]);
		any = true;
	}
}

static int print_relocs(struct out *o, struct pe_image *img)
{
	struct reloc_count c = { 0 };

	section_title(o, "Base relocations");
	if (pe_for_each_reloc_block(img, on_reloc_block, &c) ||
	    pe_for_each_reloc(img, on_reloc, &c))
		return -1;
	count_padding(&c);
	if (o->json) {
		j_open(o, "relocations", '{');
		j_num(o, "blocks", c.blocks);
		j_num(o, "entries", c.slots);
		j_open(o, "by_type", '{');
		print_reloc_types(o, &c);
		j_close(o, '}');
		j_close(o, '}');
		return 0;
	}
	fprintf(o->f, "  %u blocks, %u entries", c.blocks, c.slots);
	print_reloc_types(o, &c);
	fputc('\n', o->f);
	return 0;
}

/* ---- TLS ---- */

static int on_tls_callback(void *ctx, uint64_t va)
{
	struct out *o = ctx;

	if (o->json)
		j_hex64(o, NULL, va);
	else
		fprintf(o->f, "  %-24s 0x%llx\n", "Callback",
			(unsigned long long)va);
	return 0;
}

static void print_tls_dir(struct out *o, const struct pe_tls *t)
{
	f_hex64(o, "StartAddressOfRawData", "start_va", t->start_va);
	f_hex64(o, "EndAddressOfRawData", "end_va", t->end_va);
	f_hex64(o, "AddressOfIndex", "index_va", t->index_va);
	f_hex64(o, "AddressOfCallBacks", "callbacks_va", t->callbacks_va);
	f_hex(o, "SizeOfZeroFill", "zero_fill", t->zero_fill);
	f_hex(o, "Characteristics", "characteristics", t->characteristics);
}

static int print_tls(struct out *o, struct pe_image *img)
{
	struct pe_tls t;
	int r = pe_get_tls(img, &t);

	section_title(o, "TLS");
	if (r < 0)
		return -1;
	if (r > 0) {
		if (o->json) {
			j_key(o, "tls");
			fputs("null", o->f);
		} else {
			fputs("  (none)\n", o->f);
		}
		return 0;
	}
	if (o->json)
		j_open(o, "tls", '{');
	print_tls_dir(o, &t);
	if (o->json)
		j_open(o, "callbacks", '[');
	if (pe_for_each_tls_callback(img, on_tls_callback, o))
		return -1;
	if (o->json) {
		j_close(o, ']');
		j_close(o, '}');
	}
	return 0;
}

/* ---- one file ---- */

static void print_title(struct out *o, const struct pe_image *img,
			const char *path)
{
	if (o->json) {
		j_str(o, "file", path);
		return;
	}
	fprintf(o->f, "%s: PE32+ %s (%s) x86-64\n", path,
		img->characteristics & 0x2000 ? "DLL" : "executable",
		subsystem_name(img->subsystem));
}

int pe_info_print(FILE *out, struct pe_image *img, const char *path, int json)
{
	struct out o = { .f = out, .json = json != 0 };
	int r;

	if (o.json)
		j_open(&o, NULL, '{');
	print_title(&o, img, path);
	print_file_header(&o, img);
	print_optional_header(&o, img);
	print_dirs(&o, img);
	print_sections(&o, img);
	r = print_imports(&o, img, 0);
	if (!r)
		r = print_imports(&o, img, 1);
	if (!r)
		r = print_exports(&o, img);
	if (!r)
		r = print_relocs(&o, img);
	if (!r)
		r = print_tls(&o, img);
	if (o.json && !r)
		j_close(&o, '}');
	fputc('\n', out);    /* one JSON object per line; text: a blank line */
	return r;
}

/* ---- reading files and the command ---- */

/* Reads a regular file of at most MAX_FILE_SIZE bytes into *buf.  On
 * failure returns -1 with *why set (an errno string or a message). */
static int read_file(const char *path, uint8_t **buf, size_t *size,
		     const char **why)
{
	struct stat st;
	uint8_t *p = NULL;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*why = NULL;
	if (fd < 0 || fstat(fd, &st) < 0)
		goto fail_errno;
	if (!S_ISREG(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? strerror(EISDIR)
					   : "not a regular file";
		goto fail;
	}
	if (st.st_size > (off_t)MAX_FILE_SIZE) {
		*why = "file too large (over 1 GiB)";
		goto fail;
	}
	p = malloc(st.st_size ? (size_t)st.st_size : 1);
	if (!p)
		goto fail_errno;
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, p + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail_errno;
		if (n == 0)
			break;          /* file shrank: parse what we have */
		got += (size_t)n;
	}
	close(fd);
	*buf = p;
	*size = got;
	return 0;
fail_errno:
	*why = strerror(errno);
fail:
	free(p);
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Prints into a buffer first so that a malformed table yields no output. */
static int info_one(const char *path, int json)
{
	static struct pe_image img;   /* ~5 KiB; keep it off the stack */
	uint8_t *data = NULL;
	size_t size = 0, len = 0;
	char *text = NULL;
	const char *why;
	FILE *mem;
	int r = -1;

	if (read_file(path, &data, &size, &why) < 0) {
		fprintf(stderr, "lsw info: %s: %s\n", path, why);
		return 2;
	}
	if (pe_parse(&img, data, size) == 0 && pe_require_x64(&img) == 0 &&
	    (mem = open_memstream(&text, &len)) != NULL) {
		r = pe_info_print(mem, &img, path, json);
		fclose(mem);
	} else if (!img.error[0]) {
		snprintf(img.error, sizeof(img.error), "%s", strerror(errno));
	}
	if (r == 0)
		fwrite(text, 1, len, stdout);
	else
		fprintf(stderr, "lsw info: %s: %s\n", path, img.error);
	free(text);
	free(data);
	return r == 0 ? 0 : 2;
}

static void usage(FILE *f)
{
	fputs("usage: lsw info [--json] FILE...\n"
	      "Print the PE32+ headers, sections, imports, exports, base\n"
	      "relocations and TLS directory of each FILE.\n"
	      "  --json     one JSON object per file, one per line\n"
	      "  -h, --help show this help\n"
	      "Exit status: 0 ok, 1 usage error, 2 a file is missing or "
	      "malformed.\n", f);
}

int lsw_info_main(int argc, char **argv)
{
	int json = 0, status = 0, nfiles = 0, i;
	bool opts = true;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (opts && strcmp(a, "--") == 0) {
			opts = false;
		} else if (opts && strcmp(a, "--json") == 0) {
			json = 1;
		} else if (opts && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
			usage(stdout);
			return 0;
		} else if (opts && a[0] == '-' && a[1]) {
			fprintf(stderr, "lsw info: unknown option %s\n", a);
			usage(stderr);
			return 1;
		}
	}
	opts = true;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (opts && a[0] == '-' && a[1]) {
			opts = strcmp(a, "--") != 0;
			continue;
		}
		nfiles++;
		if (info_one(a, json) != 0)
			status = 2;
	}
	if (nfiles == 0) {
		usage(stderr);
		return 1;
	}
	fflush(stdout);
	return status;
}
