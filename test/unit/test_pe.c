/*
 * Unit tests for the PE32+ parser (src/loader/pe.c) and `lsw info`.
 *
 * build_pe() makes a small valid image in memory; each failure test breaks
 * one field and checks the exact problem pe_parse or an iterator reports.
 * LSW_TINY_EXE names a real mingw-built fixture (test/unit/data/tiny.c).
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader/pe.h"
#include "loader/pe_info.h"

/* ---- the synthetic image ----
 *
 * file   rva     what
 * 0x000  0x0000  DOS header, e_lfanew = 0x40
 * 0x040          "PE\0\0", COFF header (0x44), optional header (0x58),
 *                section table (0x148, 4 entries, ends 0x1e8)
 * 0x200  0x1000  .text  (0x200 bytes of pattern)
 * 0x400  0x2000  .rdata: exports 0x2000, imports 0x2200, TLS 0x2500,
 *                delay imports 0x2600
 * 0xc00  0x3000  .reloc: two blocks
 *        0x4000  .bss   (0x1000 bytes, no file data)
 */
#define FILE_SIZE 0xe00
#define IMAGE_SIZE 0x5000
#define IMAGE_BASE 0x140000000ull
#define LFANEW 0x40
#define COFF (LFANEW + 4)
#define OPT (COFF + 20)
#define OPT_SIZE 240
#define DIRS (OPT + 112)
#define SECT (OPT + OPT_SIZE)
#define RDATA_FILE 0x400
#define RELOC_FILE 0xc00
#define RD(rva) (RDATA_FILE + (rva) - 0x2000)   /* .rdata rva -> file */
#define RL(rva) (RELOC_FILE + (rva) - 0x3000)   /* .reloc rva -> file */

static uint8_t img_buf[FILE_SIZE];
static struct pe_image img;

static void w16(size_t off, uint16_t v) { img_buf[off] = v; img_buf[off + 1] = v >> 8; }
static void w32(size_t off, uint32_t v) { w16(off, v); w16(off + 2, v >> 16); }
static void w64(size_t off, uint64_t v) { w32(off, v); w32(off + 4, v >> 32); }
static void wstr(size_t off, const char *s) { memcpy(img_buf + off, s, strlen(s) + 1); }

static void set_dir(int i, uint32_t rva, uint32_t size)
{
	w32(DIRS + 8 * i, rva);
	w32(DIRS + 8 * i + 4, size);
}

static void add_section(int i, const char *name, uint32_t va, uint32_t vsize,
			uint32_t raw_off, uint32_t raw_size, uint32_t flags)
{
	size_t s = SECT + 40 * i;

	memcpy(img_buf + s, name, strlen(name));
	w32(s + 8, vsize);
	w32(s + 12, va);
	w32(s + 16, raw_size);
	w32(s + 20, raw_off);
	w32(s + 36, flags);
}

static void build_headers(void)
{
	img_buf[0] = 'M';
	img_buf[1] = 'Z';
	w32(0x3c, LFANEW);
	memcpy(img_buf + LFANEW, "PE\0\0", 4);
	w16(COFF, 0x8664);
	w16(COFF + 2, 4);                 /* sections */
	w16(COFF + 16, OPT_SIZE);
	w16(COFF + 18, 0x22);             /* EXECUTABLE | LARGE_ADDRESS_AWARE */
	w16(OPT, 0x20b);
	w32(OPT + 16, 0x1000);            /* entry */
	w64(OPT + 24, IMAGE_BASE);
	w32(OPT + 32, 0x1000);            /* section alignment */
	w32(OPT + 36, 0x200);             /* file alignment */
	w32(OPT + 56, IMAGE_SIZE);
	w32(OPT + 60, 0x200);             /* SizeOfHeaders */
	w16(OPT + 68, 3);                 /* WINDOWS_CUI */
	w32(OPT + 108, 16);
	add_section(0, ".text", 0x1000, 0x200, 0x200, 0x200, 0x60000020);
	add_section(1, ".rdata", 0x2000, 0x800, 0x400, 0x800, 0x40000040);
	add_section(2, ".reloc", 0x3000, 0x200, 0xc00, 0x200, 0x42000040);
	add_section(3, ".bss", 0x4000, 0x1000, 0, 0, 0xc0000080);
	for (int i = 0; i < 0x200; i++)
		img_buf[0x200 + i] = (uint8_t)(i * 7 + 1);
}

/* Exports: Alpha (ordinal 1), Fwd (ordinal 2, forwarded), ordinal 3. */
static void build_exports(void)
{
	w32(RD(0x2000) + 12, 0x2100);     /* Name */
	w32(RD(0x2000) + 16, 1);          /* Base */
	w32(RD(0x2000) + 20, 3);          /* NumberOfFunctions */
	w32(RD(0x2000) + 24, 2);          /* NumberOfNames */
	w32(RD(0x2000) + 28, 0x2040);
	w32(RD(0x2000) + 32, 0x2060);
	w32(RD(0x2000) + 36, 0x2070);
	w32(RD(0x2040), 0x1010);
	w32(RD(0x2044), 0x2080);          /* inside the directory: forwarder */
	w32(RD(0x2048), 0x1020);
	w32(RD(0x2060), 0x2110);
	w32(RD(0x2064), 0x2118);
	w16(RD(0x2070), 0);
	w16(RD(0x2072), 1);
	wstr(RD(0x2080), "NTDLL.RtlAllocateHeap");
	wstr(RD(0x2100), "tiny.dll");
	wstr(RD(0x2110), "Alpha");
	wstr(RD(0x2118), "Fwd");
	set_dir(PE_DIR_EXPORT, 0x2000, 0x100);
}

/* Imports: KERNEL32.dll!ExitProcess (hint 7) and ordinal 16. */
static void build_imports(void)
{
	w32(RD(0x2200), 0x2300);          /* OriginalFirstThunk */
	w32(RD(0x2200) + 12, 0x2280);     /* Name */
	w32(RD(0x2200) + 16, 0x2400);     /* FirstThunk */
	wstr(RD(0x2280), "KERNEL32.dll");
	w64(RD(0x2300), 0x2340);
	w64(RD(0x2308), 0x8000000000000010ull);
	w64(RD(0x2400), 0x2340);
	w64(RD(0x2408), 0x8000000000000010ull);
	w16(RD(0x2340), 7);
	wstr(RD(0x2342), "ExitProcess");
	set_dir(PE_DIR_IMPORT, 0x2200, 40);
	set_dir(PE_DIR_IAT, 0x2400, 24);
}

static void build_tls_and_delay(void)
{
	w64(RD(0x2500) + 24, IMAGE_BASE + 0x2540);  /* AddressOfCallBacks */
	w64(RD(0x2540), IMAGE_BASE + 0x1030);
	set_dir(PE_DIR_TLS, 0x2500, 40);
	w32(RD(0x2600), 1);               /* rva-based */
	w32(RD(0x2600) + 4, 0x2680);      /* DllName */
	w32(RD(0x2600) + 12, 0x2700);     /* IAT */
	w32(RD(0x2600) + 16, 0x2640);     /* INT */
	w64(RD(0x2640), 0x2660);
	wstr(RD(0x2662), "MessageBoxA");
	wstr(RD(0x2680), "USER32.dll");
	set_dir(PE_DIR_DELAY_IMPORT, 0x2600, 64);
}

/* Block 1: page 0x1000, DIR64 at +0x10 +0x18, HIGHLOW at +0x20, padding.
 * Block 2: page 0x2000, DIR64 at +0x400 +0x408. */
static void build_relocs(void)
{
	w32(RL(0x3000), 0x1000);
	w32(RL(0x3004), 16);
	w16(RL(0x3008), 0xa010);
	w16(RL(0x300a), 0xa018);
	w16(RL(0x300c), 0x3020);
	w16(RL(0x300e), 0);
	w32(RL(0x3010), 0x2000);
	w32(RL(0x3014), 12);
	w16(RL(0x3018), 0xa400);
	w16(RL(0x301a), 0xa408);
	set_dir(PE_DIR_BASERELOC, 0x3000, 28);
}

static void build_pe(void)
{
	memset(img_buf, 0, sizeof(img_buf));
	build_headers();
	build_exports();
	build_imports();
	build_tls_and_delay();
	build_relocs();
}

static void setup(void) { build_pe(); }

/* pe_parse must fail with exactly (or, with prefix, starting with) msg. */
#define ck_parse_fails(msg) do { \
	ck_assert_int_eq(pe_parse(&img, img_buf, FILE_SIZE), -1); \
	ck_assert_str_eq(img.error, msg); \
} while (0)
#define ck_error_has(sub) ck_assert_msg(strstr(img.error, sub), \
	"error \"%s\" lacks \"%s\"", img.error, sub)
#define ck_parse_ok() ck_assert_msg(pe_parse(&img, img_buf, FILE_SIZE) == 0, \
	"pe_parse: %s", img.error)

/* ---- success cases ---- */

START_TEST(parse_valid)
{
	ck_parse_ok();
	ck_assert_uint_eq(img.machine, 0x8664);
	ck_assert_uint_eq(img.num_sections, 4);
	ck_assert_uint_eq(img.entry_rva, 0x1000);
	ck_assert_uint_eq(img.image_base, IMAGE_BASE);
	ck_assert_uint_eq(img.size_of_image, IMAGE_SIZE);
	ck_assert_uint_eq(img.num_dirs, 16);
	ck_assert_str_eq(img.sections[1].name, ".rdata");
	ck_assert_uint_eq(img.dirs[PE_DIR_IMPORT].rva, 0x2200);
}
END_TEST

START_TEST(layout_places_sections)
{
	static uint8_t mem[IMAGE_SIZE];

	ck_parse_ok();
	memset(mem, 0xcc, sizeof(mem));
	ck_assert_int_eq(pe_layout(&img, mem, sizeof(mem)), 0);
	ck_assert_mem_eq(mem, img_buf, 0x200);                 /* headers */
	ck_assert_mem_eq(mem + 0x1000, img_buf + 0x200, 0x200);
	ck_assert_mem_eq(mem + 0x2000, img_buf + 0x400, 0x800);
	ck_assert_mem_eq(mem + 0x3000, img_buf + 0xc00, 0x200);
	for (int i = 0x4000; i < IMAGE_SIZE; i++)
		ck_assert_uint_eq(mem[i], 0);
	for (int i = 0x200; i < 0x1000; i++)
		ck_assert_uint_eq(mem[i], 0);
}
END_TEST

START_TEST(layout_clips_raw_to_virtual_size)
{
	static uint8_t mem[IMAGE_SIZE];

	add_section(0, ".text", 0x1000, 0x10, 0x200, 0x200, 0x60000020);
	ck_parse_ok();
	ck_assert_int_eq(pe_layout(&img, mem, sizeof(mem)), 0);
	ck_assert_mem_eq(mem + 0x1000, img_buf + 0x200, 0x10);
	ck_assert_uint_eq(mem[0x1010], 0);
}
END_TEST

START_TEST(layout_buffer_too_small)
{
	static uint8_t mem[IMAGE_SIZE];

	ck_parse_ok();
	ck_assert_int_eq(pe_layout(&img, mem, IMAGE_SIZE - 1), -1);
	ck_error_has("smaller than SizeOfImage");
}
END_TEST

START_TEST(rva_ptr_bounds)
{
	ck_parse_ok();
	ck_assert_ptr_eq(pe_rva_ptr(&img, 0x1000, 0x200), img_buf + 0x200);
	ck_assert_ptr_null(pe_rva_ptr(&img, 0x1000, 0x201));
	ck_assert_ptr_null(pe_rva_ptr(&img, 0x4000, 1));    /* .bss */
	ck_assert_ptr_null(pe_rva_ptr(&img, 0xfffffff0, 0x20));
	ck_assert_ptr_eq(pe_rva_ptr(&img, 0, 2), img_buf);
	ck_assert_ptr_null(pe_rva_ptr(&img, 0x1ff, 2));      /* straddles */
	ck_assert_str_eq(pe_rva_str(&img, 0x2110, SIZE_MAX), "Alpha");
	ck_assert_str_eq(pe_rva_str(&img, 0x2110, 5), "Alpha");
	ck_assert_ptr_null(pe_rva_str(&img, 0x2110, 4));
}
END_TEST

struct reloc_log { int n; uint32_t rva[8]; int type[8]; };

static int log_reloc(void *ctx, uint32_t rva, int type)
{
	struct reloc_log *l = ctx;

	if (l->n < 8) {
		l->rva[l->n] = rva;
		l->type[l->n] = type;
	}
	l->n++;
	return 0;
}

START_TEST(relocs_enumerated)
{
	struct reloc_log l = { 0 };
	static const uint32_t rva[] = { 0x1010, 0x1018, 0x1020, 0x2400, 0x2408 };
	static const int type[] = { 10, 10, 3, 10, 10 };

	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_reloc(&img, log_reloc, &l), 0);
	ck_assert_int_eq(l.n, 5);
	for (int i = 0; i < 5; i++) {
		ck_assert_uint_eq(l.rva[i], rva[i]);
		ck_assert_int_eq(l.type[i], type[i]);
	}
}
END_TEST

static int count_block(void *ctx, uint32_t page, uint32_t count)
{
	(void)page;
	*(uint32_t *)ctx += count;
	return 0;
}

START_TEST(reloc_blocks_counted)
{
	uint32_t slots = 0;

	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_reloc_block(&img, count_block, &slots), 0);
	ck_assert_uint_eq(slots, 6);
}
END_TEST

static int stop_at_second(void *ctx, uint32_t rva, int type)
{
	(void)rva;
	(void)type;
	return ++*(int *)ctx == 2 ? 42 : 0;
}

START_TEST(reloc_callback_stops)
{
	int n = 0;

	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_reloc(&img, stop_at_second, &n), 42);
	ck_assert_int_eq(n, 2);
}
END_TEST

START_TEST(no_relocs_is_fine)
{
	int n = 0;

	set_dir(PE_DIR_BASERELOC, 0, 0);
	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_reloc(&img, stop_at_second, &n), 0);
	ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(export_found)
{
	uint32_t rva = 0;
	const char *fwd = "x";

	ck_parse_ok();
	ck_assert_int_eq(pe_find_export(&img, "Alpha", &rva, &fwd), 0);
	ck_assert_uint_eq(rva, 0x1010);
	ck_assert_ptr_null(fwd);
}
END_TEST

START_TEST(export_forwarder)
{
	uint32_t rva = 0;
	const char *fwd = NULL;

	ck_parse_ok();
	ck_assert_int_eq(pe_find_export(&img, "Fwd", &rva, &fwd), 0);
	ck_assert_str_eq(fwd, "NTDLL.RtlAllocateHeap");
}
END_TEST

START_TEST(export_missing)
{
	uint32_t rva;
	const char *fwd;

	ck_parse_ok();
	ck_assert_int_eq(pe_find_export(&img, "Beta", &rva, &fwd), -1);
	ck_assert_str_eq(img.error, "export Beta not found");
	set_dir(PE_DIR_EXPORT, 0, 0);
	ck_parse_ok();
	ck_assert_int_eq(pe_find_export(&img, "Alpha", &rva, &fwd), -1);
	ck_assert_str_eq(img.error, "no export directory");
}
END_TEST

struct export_log { int n; struct pe_export e[4]; };

static int log_export(void *ctx, const struct pe_export *e)
{
	struct export_log *l = ctx;

	if (l->n < 4)
		l->e[l->n] = *e;
	l->n++;
	return 0;
}

START_TEST(exports_enumerated)
{
	struct export_log l = { 0 };
	struct pe_export_dir d;

	ck_parse_ok();
	ck_assert_int_eq(pe_get_export_dir(&img, &d), 0);
	ck_assert_str_eq(d.dll, "tiny.dll");
	ck_assert_uint_eq(d.num_functions, 3);
	ck_assert_int_eq(pe_for_each_export(&img, log_export, &l), 0);
	ck_assert_int_eq(l.n, 3);
	ck_assert_str_eq(l.e[0].name, "Alpha");
	ck_assert_uint_eq(l.e[0].ordinal, 1);
	ck_assert_str_eq(l.e[1].forwarder, "NTDLL.RtlAllocateHeap");
	ck_assert_ptr_null(l.e[2].name);
	ck_assert_uint_eq(l.e[2].ordinal, 3);
	ck_assert_uint_eq(l.e[2].rva, 0x1020);
}
END_TEST

struct import_log { int n; struct pe_import i[4]; };

static int log_import(void *ctx, const struct pe_import *i)
{
	struct import_log *l = ctx;

	if (l->n < 4)
		l->i[l->n] = *i;
	l->n++;
	return 0;
}

START_TEST(imports_enumerated)
{
	struct import_log l = { 0 };

	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_import(&img, 0, log_import, &l), 0);
	ck_assert_int_eq(l.n, 2);
	ck_assert_str_eq(l.i[0].dll, "KERNEL32.dll");
	ck_assert_str_eq(l.i[0].name, "ExitProcess");
	ck_assert_uint_eq(l.i[0].hint, 7);
	ck_assert_uint_eq(l.i[0].iat_rva, 0x2400);
	ck_assert_ptr_null(l.i[1].name);
	ck_assert_uint_eq(l.i[1].ordinal, 16);
	ck_assert_uint_eq(l.i[1].iat_rva, 0x2408);
}
END_TEST

START_TEST(imports_dll_without_functions)
{
	struct import_log l = { 0 };

	w64(RD(0x2300), 0);
	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_import(&img, 0, log_import, &l), 0);
	ck_assert_int_eq(l.n, 1);
	ck_assert_int_eq(l.i[0].has_function, 0);
	ck_assert_str_eq(l.i[0].dll, "KERNEL32.dll");
}
END_TEST

START_TEST(delay_imports_enumerated)
{
	struct import_log l = { 0 };

	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_import(&img, 1, log_import, &l), 0);
	ck_assert_int_eq(l.n, 1);
	ck_assert_str_eq(l.i[0].dll, "USER32.dll");
	ck_assert_str_eq(l.i[0].name, "MessageBoxA");
	ck_assert_uint_eq(l.i[0].iat_rva, 0x2700);
}
END_TEST

static int log_va(void *ctx, uint64_t va)
{
	*(uint64_t *)ctx = va;
	return 0;
}

START_TEST(tls_callbacks)
{
	uint64_t va = 0;
	struct pe_tls t;

	ck_parse_ok();
	ck_assert_int_eq(pe_get_tls(&img, &t), 0);
	ck_assert_uint_eq(t.callbacks_va, IMAGE_BASE + 0x2540);
	ck_assert_int_eq(pe_for_each_tls_callback(&img, log_va, &va), 0);
	ck_assert_uint_eq(va, IMAGE_BASE + 0x1030);
}
END_TEST

/* ---- header corruption ---- */

START_TEST(every_truncation_fails)
{
	for (size_t n = 0; n < FILE_SIZE; n++)
		ck_assert_msg(pe_parse(&img, img_buf, n) == -1,
			      "truncated to %zu bytes parsed", n);
	ck_assert_int_eq(pe_parse(&img, img_buf, 10), -1);
	ck_assert_str_eq(img.error, "file too small for a dos header (10 bytes)");
}
END_TEST

START_TEST(bad_mz)
{
	img_buf[1] = 'X';
	ck_parse_fails("missing MZ signature");
}
END_TEST

START_TEST(lfanew_out_of_range)
{
	w32(0x3c, FILE_SIZE - 8);
	ck_parse_fails("e_lfanew 0xdf8 past end of file");
	w32(0x3c, 0xfffffff0);
	ck_parse_fails("e_lfanew 0xfffffff0 past end of file");
}
END_TEST

START_TEST(bad_pe_signature)
{
	img_buf[LFANEW + 1] = 'X';
	ck_parse_fails("missing PE signature at 0x40");
}
END_TEST

/* An x86 image parses (x86-64 Windows makes sections of it) but is
 * refused by whatever would run it. */
START_TEST(pe32_rejected)
{
	w16(OPT, 0x10b);
	w16(COFF, 0x14c);
	w32(OPT + 28, 0x400000);          /* PE32's ImageBase */
	w32(OPT + 92, 16);                /* PE32's NumberOfRvaAndSizes */
	ck_parse_ok();
	ck_assert(img.pe32);
	ck_assert_uint_eq(img.image_base, 0x400000);
	ck_assert_int_eq(pe_require_x64(&img), -1);
	ck_assert_str_eq(img.error, "not a PE32+ image (optional header magic 0x10b)");
	w16(COFF, 0x1c4);                 /* PE32 for ARM: not even mapped */
	ck_parse_fails("not a PE32+ image (optional header magic 0x10b)");
}
END_TEST

/* DOS and NE programs: Windows has a status for each (pe.h). */
START_TEST(non_pe_programs_told_apart)
{
	img_buf[LFANEW] = 'N';
	img_buf[LFANEW + 1] = 'E';
	ck_assert_int_eq(pe_parse(&img, img_buf, FILE_SIZE), -1);
	ck_assert_int_eq(img.reject, PE_REJECT_NE);
	img_buf[LFANEW + 0x36] = 2;
	ck_assert_int_eq(pe_parse(&img, img_buf, FILE_SIZE), -1);
	ck_assert_int_eq(img.reject, PE_REJECT_WIN16);
	img_buf[LFANEW + 0x36] = 5;
	ck_assert_int_eq(pe_parse(&img, img_buf, FILE_SIZE), -1);
	ck_assert_int_eq(img.reject, PE_REJECT_DOS);
	w32(0x3c, 0x98760000);
	ck_parse_fails("e_lfanew 0x98760000 past end of file");
	ck_assert_int_eq(img.reject, PE_REJECT_DOS);
	img_buf[0] = 0;
	ck_parse_fails("missing MZ signature");
	ck_assert_int_eq(img.reject, PE_REJECT_NOT_MZ);
}
END_TEST

START_TEST(i386_machine_rejected)
{
	w16(COFF, 0x14c);
	ck_parse_fails("machine 0x14c is not x86-64");
}
END_TEST

START_TEST(too_many_sections)
{
	w16(COFF + 2, 97);
	ck_parse_fails("97 sections exceed the limit of 96");
}
END_TEST

/* A section table past SizeOfHeaders (minimal linkers write the bare
 * header size) is mapped with the headers, as Windows maps it. */
START_TEST(section_table_past_headers)
{
	static uint8_t mem[IMAGE_SIZE];

	w32(OPT + 60, 0x148);
	ck_parse_ok();
	ck_assert_uint_eq(img.header_span, SECT + 4 * 40);
	ck_assert_int_eq(pe_layout(&img, mem, sizeof(mem)), 0);
	ck_assert_mem_eq(mem, img_buf, SECT + 4 * 40);
	ck_assert_uint_eq(mem[SECT + 4 * 40], 0);
}
END_TEST

START_TEST(section_table_past_image)
{
	w32(OPT + 56, 0x100);             /* SizeOfImage */
	w32(OPT + 60, 0x100);
	ck_parse_fails("section table ends past SizeOfImage 0x100");
}
END_TEST

START_TEST(section_table_past_eof)
{
	w16(COFF + 16, 0xff00);
	ck_parse_fails("section table past end of file");
	w16(COFF + 16, OPT_SIZE);
	w16(COFF + 2, 96);
	ck_assert_int_eq(pe_parse(&img, img_buf, 0x400), -1);
	ck_assert_str_eq(img.error, "section table past end of file");
}
END_TEST

/* SizeOfOptionalHeader only places the section table (8-byte values
 * load on Windows): the fixed fields are read all the same, and must be
 * in the file. */
START_TEST(optional_header_too_small)
{
	w16(COFF + 2, 0);
	w16(COFF + 16, 8);
	ck_parse_ok();
	ck_assert_uint_eq(img.size_of_image, IMAGE_SIZE);
	ck_assert_uint_eq(img.num_dirs, 16);
	ck_assert_int_eq(pe_parse(&img, img_buf, OPT + 100), -1);
	ck_assert_str_eq(img.error, "optional header past end of file");
}
END_TEST

START_TEST(too_many_data_dirs)
{
	w32(OPT + 108, 17);
	ck_parse_ok();
	ck_assert_uint_eq(img.num_dirs, 16);
	w32(OPT + 108, 0xffffffff);
	ck_parse_ok();
	ck_assert_uint_eq(img.num_dirs, 16);
}
END_TEST

/* SizeOfHeaders past the end of the file maps what the file has. */
START_TEST(headers_past_eof)
{
	static uint8_t mem[IMAGE_SIZE];

	w32(OPT + 60, FILE_SIZE + 0x200);
	ck_parse_ok();
	ck_assert_int_eq(pe_layout(&img, mem, sizeof(mem)), 0);
	ck_assert_mem_eq(mem, img_buf, 0x200);
	ck_assert_uint_eq(mem[FILE_SIZE], 0);
}
END_TEST

/* Windows reads a section's raw data from its offset rounded down to a
 * sector, its size rounded up to FileAlignment, and maps as much of a
 * SizeOfImage that is not page-aligned as sections need. */
START_TEST(raw_data_rounded_as_windows_reads_it)
{
	static uint8_t mem[IMAGE_SIZE];

	add_section(0, ".text", 0x1000, 0x200, 0x240, 0x10, 0x60000020);
	w32(OPT + 56, IMAGE_SIZE - 0x100);
	ck_parse_ok();
	ck_assert_uint_eq(img.image_span, IMAGE_SIZE);
	ck_assert_uint_eq(img.sections[0].file_offset, 0x200);
	ck_assert_uint_eq(img.sections[0].file_len, 0x200);
	ck_assert_int_eq(pe_layout(&img, mem, sizeof(mem)), 0);
	ck_assert_mem_eq(mem + 0x1000, img_buf + 0x200, 0x200);
}
END_TEST

/* Below a page the file is the image, byte for byte; each section sits
 * at its own file offset. */
START_TEST(flat_image_maps_the_file)
{
	static uint8_t mem[IMAGE_SIZE];

	w32(OPT + 32, 0x200);
	w32(OPT + 36, 0x200);
	w16(COFF + 2, 1);
	add_section(0, ".text", 0x200, 0x200, 0x200, 0x200, 0x60000020);
	ck_parse_ok();
	ck_assert_int_eq(pe_layout(&img, mem, sizeof(mem)), 0);
	ck_assert_mem_eq(mem, img_buf, FILE_SIZE);
	add_section(0, ".text", 0x400, 0x200, 0x200, 0x200, 0x60000020);
	ck_parse_fails("section 1 at 0x400 is not at its file offset 0x200");
	build_pe();
	w32(OPT + 32, 0x200);
	w32(OPT + 36, 0x1000);
	ck_parse_fails("FileAlignment 0x1000 differs from SectionAlignment "
		       "0x200 below a page");
}
END_TEST

START_TEST(headers_past_image)
{
	w32(OPT + 56, 0x100);
	ck_parse_fails("SizeOfHeaders 0x200 exceeds SizeOfImage 0x100");
}
END_TEST

START_TEST(bad_alignment_and_sizes)
{
	w32(OPT + 32, 0x1001);
	ck_parse_fails("SectionAlignment 0x1001 is not a power of two");
	build_pe();
	w32(OPT + 36, 0);
	ck_parse_fails("FileAlignment 0x0 is not a power of two");
	build_pe();
	w64(OPT + 24, IMAGE_BASE + 0x1000);
	ck_parse_fails("ImageBase 0x140001000 is not 64k-aligned");
	build_pe();
	w32(OPT + 56, 0);
	ck_parse_fails("SizeOfImage 0x0 out of range");
	build_pe();
	w64(OPT + 24, 0xffffffffffff0000ull);
	w32(OPT + 56, 0x20000);
	ck_parse_fails("ImageBase + SizeOfImage overflows");
	build_pe();
	w32(OPT + 16, IMAGE_SIZE);        /* Windows maps it; the start fails */
	ck_parse_ok();
}
END_TEST

START_TEST(section_raw_past_eof)
{
	add_section(1, ".rdata", 0x2000, 0x800, 0x400, 0xa01, 0x40000040);
	ck_parse_fails("section 2 raw data past end of file");
}
END_TEST

START_TEST(section_raw_offset_overflows)
{
	add_section(1, ".rdata", 0x2000, 0x800, 0xffffff00, 0x200, 0x40000040);
	ck_parse_fails("section 2 raw data past end of file");
}
END_TEST

START_TEST(section_outside_image)
{
	add_section(3, ".bss", 0x4000, 0x1001, 0, 0, 0xc0000080);
	ck_parse_fails("section 4 (0x4000 + 0x1001) outside SizeOfImage 0x5000");
}
END_TEST

START_TEST(section_rva_overflows)
{
	add_section(3, ".bss", 0xfffff000, 0x2000, 0, 0, 0xc0000080);
	ck_parse_fails("section 4 (0xfffff000 + 0x2000) outside SizeOfImage "
		       "0x5000");
}
END_TEST

START_TEST(sections_overlap)
{
	add_section(2, ".reloc", 0x2000, 0x200, 0xc00, 0x200, 0x42000040);
	ck_parse_fails("section 3 at 0x2000 overlaps the previous section");
	build_pe();
	add_section(0, ".text", 0, 0x200, 0x200, 0x200, 0x60000020);
	ck_parse_fails("section 1 at 0x0 overlaps the headers");
	build_pe();
	add_section(0, ".text", 0x1800, 0x200, 0x200, 0x200, 0x60000020);
	ck_parse_fails("section 1 address 0x1800 not aligned to 0x1000");
}
END_TEST

START_TEST(data_dir_overflows)
{
	set_dir(PE_DIR_IMPORT, 0xffffff00, 0x200);
	ck_parse_fails("data directory 1 (import) 0xffffff00 + 0x200 outside "
		       "image");
	build_pe();
	set_dir(PE_DIR_BASERELOC, 0x4f00, 0x101);
	ck_parse_fails("data directory 5 (basereloc) 0x4f00 + 0x101 outside "
		       "image");
	build_pe();
}
END_TEST

/* The certificate table is a file offset the loader never reads: one
 * left behind when the signature was cut off still loads, as on Windows. */
START_TEST(security_dir_past_file_ignored)
{
	set_dir(PE_DIR_SECURITY, FILE_SIZE, 0x3338);
	ck_parse_ok();
	ck_assert_uint_eq(img.dirs[PE_DIR_SECURITY].rva, FILE_SIZE);
}
END_TEST

START_TEST(section_name_long_form_kept)
{
	add_section(0, "/12345678", 0x1000, 0x200, 0x200, 0x200, 0x60000020);
	ck_parse_ok();
	ck_assert_str_eq(img.sections[0].name, "/1234567");
}
END_TEST

/* ---- table corruption: parse succeeds, the iteration fails ---- */

static int import_fails(int delay, const char *sub)
{
	struct import_log l = { 0 };
	int r;

	ck_parse_ok();
	r = pe_for_each_import(&img, delay, log_import, &l);
	ck_assert_int_eq(r, -1);
	ck_error_has(sub);
	return r;
}

START_TEST(import_descriptor_outside)
{
	set_dir(PE_DIR_IMPORT, 0x4000, 40);          /* in .bss: no file data */
	import_fails(0, "import descriptor at 0x4000 not in file");
}
END_TEST

START_TEST(import_thunks_outside)
{
	w32(RD(0x2200), 0x4000);
	import_fails(0, "import thunks of KERNEL32.dll not in file");
	build_pe();
	w32(RD(0x2200), 0xfffffffc);
	import_fails(0, "import thunks of KERNEL32.dll not in file");
}
END_TEST

START_TEST(import_name_unterminated)
{
	memset(img_buf + RD(0x2780), 'A', 0x80);     /* to the end of .rdata */
	w32(RD(0x2200) + 12, 0x2780);
	import_fails(0, "import dll name at 0x2780 not a string in file");
}
END_TEST

START_TEST(error_text_is_one_safe_line)
{
	wstr(RD(0x2280), "K\n\x1b\xff.dll");
	w32(RD(0x2200), 0x4000);
	import_fails(0, "import thunks of K???.dll not in file");
}
END_TEST

START_TEST(import_hint_name_outside)
{
	w64(RD(0x2300), 0x4000);
	import_fails(0, "import name at 0x4000 not in file");
	build_pe();
	w64(RD(0x2300), 0x100000000ull);
	import_fails(0, "reserved bits set");
}
END_TEST

START_TEST(import_table_without_terminator)
{
	/* Descriptors up to the end of .rdata, all valid, no terminator. */
	for (uint32_t at = 0x2600; at + 20 <= 0x2800; at += 20)
		memcpy(img_buf + RD(at), img_buf + RD(0x2200), 20);
	set_dir(PE_DIR_IMPORT, 0x2600, 0x200);
	set_dir(PE_DIR_DELAY_IMPORT, 0, 0);
	import_fails(0, "import descriptor at 0x27f4 not in file");
}
END_TEST

START_TEST(delay_import_bad)
{
	w32(RD(0x2600) + 16, 0x27fc);
	import_fails(1, "import thunks of USER32.dll not in file");
	build_pe();
	w32(RD(0x2600), 0);          /* VA-based, but the values are rvas */
	import_fails(1, "import dll name");
}
END_TEST

static void export_fails(const char *sub)
{
	struct export_log l = { 0 };

	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_export(&img, log_export, &l), -1);
	ck_error_has(sub);
}

START_TEST(export_names_count_too_large)
{
	uint32_t rva;
	const char *fwd;

	w32(RD(0x2000) + 24, 0x10000000);
	export_fails("export table too large (3 functions, 268435456 names)");
	ck_assert_int_eq(pe_find_export(&img, "Alpha", &rva, &fwd), -1);
	w32(RD(0x2000) + 24, 0x7ff);
	export_fails("export name tables (2047 entries) not in file");
}
END_TEST

START_TEST(export_functions_count_too_large)
{
	w32(RD(0x2000) + 20, 0x40000001);
	export_fails("export table too large (1073741825 functions, 2 names)");
	w32(RD(0x2000) + 20, 0x200);
	export_fails("export address table (512 entries) not in file");
}
END_TEST

START_TEST(export_ordinal_out_of_range)
{
	uint32_t rva;
	const char *fwd;

	w16(RD(0x2070), 3);
	export_fails("export name 0 has ordinal index 3 >= 3");
	ck_assert_int_eq(pe_find_export(&img, "Alpha", &rva, &fwd), -1);
}
END_TEST

START_TEST(export_name_outside)
{
	w32(RD(0x2060), 0x4000);
	export_fails("export name 0 at 0x4000 not a string in file");
}
END_TEST

START_TEST(export_forwarder_unterminated)
{
	set_dir(PE_DIR_EXPORT, 0x2000, 0x800);
	w32(RD(0x2044), 0x27f0);
	memset(img_buf + RD(0x27f0), 'A', 0x10);
	export_fails("export forwarder at 0x27f0 not a string in file");
}
END_TEST

START_TEST(export_rva_outside_image)
{
	w32(RD(0x2040), IMAGE_SIZE);
	export_fails("export ordinal 1 rva 0x5000 outside image");
}
END_TEST

static void reloc_fails(const char *msg)
{
	struct reloc_log l = { 0 };

	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_reloc(&img, log_reloc, &l), -1);
	ck_assert_str_eq(img.error, msg);
}

START_TEST(reloc_block_size_zero)
{
	w32(RL(0x3004), 0);
	reloc_fails("reloc block at 0x3000 has bad size 0");
}
END_TEST

START_TEST(reloc_block_size_odd)
{
	w32(RL(0x3004), 9);
	reloc_fails("reloc block at 0x3000 has bad size 9");
	build_pe();
	w32(RL(0x3004), 4);
	reloc_fails("reloc block at 0x3000 has bad size 4");
}
END_TEST

START_TEST(reloc_block_overruns)
{
	w32(RL(0x3014), 14);
	reloc_fails("reloc block at 0x3010 (size 14) overruns the directory");
	build_pe();
	w32(RL(0x3004), 0xfffffff0);
	reloc_fails("reloc block at 0x3000 (size 4294967280) overruns the "
		    "directory");
}
END_TEST

START_TEST(reloc_block_truncated)
{
	set_dir(PE_DIR_BASERELOC, 0x3000, 30);
	reloc_fails("reloc block at 0x301c truncated");
}
END_TEST

START_TEST(reloc_entry_outside_image)
{
	w32(RL(0x3010), 0x4000);
	w16(RL(0x3018), 0xaffc);          /* 0x4ffc + 8 > SizeOfImage */
	reloc_fails("relocation at 0x4ffc outside image");
	build_pe();
	w32(RL(0x3010), 0xfffff000);
	reloc_fails("relocation at 0xfffff400 outside image");
}
END_TEST

START_TEST(reloc_dir_in_bss)
{
	set_dir(PE_DIR_BASERELOC, 0x4000, 16);
	reloc_fails("reloc block at 0x4000 not in file");
}
END_TEST

START_TEST(tls_callbacks_outside)
{
	uint64_t va;

	w64(RD(0x2500) + 24, 0x1000);
	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_tls_callback(&img, log_va, &va), -1);
	ck_assert_str_eq(img.error, "tls callback array 0x1000 outside image");
	build_pe();
	w64(RD(0x2500) + 24, IMAGE_BASE + 0x27f8);
	w64(RD(0x27f8), IMAGE_BASE + 0x1000);     /* no terminator in file */
	ck_parse_ok();
	ck_assert_int_eq(pe_for_each_tls_callback(&img, log_va, &va), -1);
	ck_assert_str_eq(img.error, "tls callback array not in file");
}
END_TEST

/* ---- lsw info ---- */

static char *info_to_string(int json)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(pe_info_print(f, &img, "x.exe", json), 0);
	fclose(f);
	return text;
}

#define ck_has(hay, needle) ck_assert_msg(strstr(hay, needle), \
	"output lacks \"%s\"", needle)

START_TEST(info_text)
{
	char *t;

	ck_parse_ok();
	t = info_to_string(0);
	ck_has(t, "CODE|EXECUTE|READ");
	ck_has(t, "WINDOWS_CUI");
	ck_has(t, "ExitProcess");
	ck_has(t, "ordinal 16");
	ck_has(t, "Fwd -> NTDLL.RtlAllocateHeap");
	ck_has(t, "[by ordinal]");
	ck_has(t, "MessageBoxA");
	ck_has(t, "2 blocks, 6 entries: ABSOLUTE 1, HIGHLOW 1, DIR64 4");
	ck_has(t, "Callback                 0x140001030");
	free(t);
}
END_TEST

START_TEST(info_json_escapes)
{
	char *t;

	wstr(RD(0x2280), "K\"E\\R\x01\xe9.dll");
	ck_parse_ok();
	t = info_to_string(1);
	ck_has(t, "\"dll\":\"K\\\"E\\\\R\\u0001\\u00e9.dll\"");
	ck_has(t, "\"forwarder\":\"NTDLL.RtlAllocateHeap\"");
	ck_has(t, "\"image_base\":\"0x140000000\"");
	ck_has(t, "\"by_type\":{\"ABSOLUTE\":1,\"HIGHLOW\":1,\"DIR64\":4}");
	ck_assert_int_eq(t[strlen(t) - 1], '\n');
	free(t);
}
END_TEST

START_TEST(info_text_sanitises_names)
{
	char *t;

	wstr(RD(0x2280), "K\x1b[31m.dll");
	ck_parse_ok();
	t = info_to_string(0);
	ck_has(t, "K\\x1b[31m.dll");
	ck_assert_ptr_null(strchr(t, 0x1b));
	free(t);
}
END_TEST

/* Runs lsw_info_main with stdout and stderr sent to /dev/null. */
static int run_info(int argc, char **argv)
{
	int out = dup(1), err = dup(2), null = open("/dev/null", O_WRONLY);
	int r;

	fflush(stdout);
	dup2(null, 1);
	dup2(null, 2);
	r = lsw_info_main(argc, argv);
	fflush(stdout);
	dup2(out, 1);
	dup2(err, 2);
	close(out);
	close(err);
	close(null);
	return r;
}

static char tmp_path[64];

static void write_tmp(const uint8_t *data, size_t n)
{
	int fd;

	snprintf(tmp_path, sizeof(tmp_path), "/tmp/lsw-test-pe-XXXXXX");
	fd = mkstemp(tmp_path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
}

START_TEST(info_exit_codes)
{
	char *ok[] = { "info", tmp_path, NULL };
	char *json[] = { "info", "--json", tmp_path, NULL };
	char *missing[] = { "info", "/nonexistent/x.exe", NULL };
	char *none[] = { "info", NULL };
	char *help[] = { "info", "--help", NULL };
	char *bad_opt[] = { "info", "--bogus", tmp_path, NULL };

	write_tmp(img_buf, FILE_SIZE);
	ck_assert_int_eq(run_info(2, ok), 0);
	ck_assert_int_eq(run_info(3, json), 0);
	ck_assert_int_eq(run_info(2, missing), 2);
	ck_assert_int_eq(run_info(1, none), 1);
	ck_assert_int_eq(run_info(2, help), 0);
	ck_assert_int_eq(run_info(3, bad_opt), 1);
	unlink(tmp_path);
	w32(RL(0x3004), 0);                   /* malformed relocations */
	write_tmp(img_buf, FILE_SIZE);
	ck_assert_int_eq(run_info(2, ok), 2);
	unlink(tmp_path);
	write_tmp(img_buf, 100);              /* truncated */
	ck_assert_int_eq(run_info(2, ok), 2);
	unlink(tmp_path);
}
END_TEST

/* ---- the real mingw-built fixture ---- */

static uint8_t *tiny;
static size_t tiny_size;

static void load_tiny(void)
{
	const char *path = getenv("LSW_TINY_EXE");
	FILE *f;

	if (!path)
		return;
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	tiny_size = (size_t)ftell(f);
	rewind(f);
	tiny = malloc(tiny_size);
	ck_assert_uint_eq(fread(tiny, 1, tiny_size, f), tiny_size);
	fclose(f);
}

static int find_kernel32(void *ctx, const struct pe_import *i)
{
	if (strcasecmp(i->dll, "kernel32.dll") == 0)
		*(int *)ctx = 1;
	return 0;
}

START_TEST(tiny_exe_parses)
{
	struct reloc_log l = { 0 };
	int k32 = 0;
	uint32_t rva;
	const char *fwd;
	uint8_t *mem;

	load_tiny();
	if (!tiny)
		return;      /* LSW_TINY_EXE not set: run outside meson */
	ck_assert_msg(pe_parse(&img, tiny, tiny_size) == 0, "%s", img.error);
	ck_assert_uint_eq(img.subsystem, 3);
	ck_assert_int_eq(pe_for_each_import(&img, 0, find_kernel32, &k32), 0);
	ck_assert_int_eq(k32, 1);
	ck_assert_int_eq(pe_find_export(&img, "tiny_export", &rva, &fwd), 0);
	ck_assert_ptr_null(fwd);
	ck_assert_int_eq(pe_for_each_reloc(&img, log_reloc, &l), 0);
	ck_assert_int_gt(l.n, 0);
	mem = malloc(img.image_span);
	ck_assert_int_eq(pe_layout(&img, mem, img.image_span), 0);
	ck_assert_mem_eq(mem + img.sections[0].virtual_address,
			 tiny + img.sections[0].raw_offset, 0x100);
	free(mem);
	free(info_to_string(0));
	free(info_to_string(1));
	free(tiny);
}
END_TEST

START_TEST(tiny_exe_truncations_fail)
{
	size_t end = 0;

	load_tiny();
	if (!tiny)
		return;
	ck_assert_int_eq(pe_parse(&img, tiny, tiny_size), 0);
	for (int i = 0; i < img.num_sections; i++) {
		const struct pe_section *sec = &img.sections[i];

		if (sec->raw_size && sec->raw_offset + sec->raw_size > end)
			end = sec->raw_offset + sec->raw_size;
	}
	/* Any cut before the end of the last section's raw data (a COFF
	 * symbol table may follow it) must be rejected. */
	for (size_t n = 0; n < end; n += 97)
		ck_assert_int_eq(pe_parse(&img, tiny, n), -1);
	free(tiny);
}
END_TEST

static void add(TCase *tc, const TTest *t) { tcase_add_test(tc, t); }

static Suite *pe_suite(void)
{
	Suite *s = suite_create("pe");
	TCase *ok = tcase_create("valid"), *hdr = tcase_create("headers");
	TCase *tab = tcase_create("tables"), *info = tcase_create("info");
	TCase *real = tcase_create("mingw");
	const TTest *ok_tests[] = { parse_valid, layout_places_sections,
		layout_clips_raw_to_virtual_size, layout_buffer_too_small,
		rva_ptr_bounds, relocs_enumerated, reloc_blocks_counted,
		reloc_callback_stops, no_relocs_is_fine, export_found,
		export_forwarder, export_missing, exports_enumerated,
		imports_enumerated, imports_dll_without_functions,
		delay_imports_enumerated, tls_callbacks,
		section_name_long_form_kept };
	const TTest *hdr_tests[] = { every_truncation_fails, bad_mz,
		lfanew_out_of_range, bad_pe_signature, pe32_rejected,
		non_pe_programs_told_apart, raw_data_rounded_as_windows_reads_it,
		flat_image_maps_the_file,
		i386_machine_rejected, too_many_sections,
		section_table_past_headers, section_table_past_image, section_table_past_eof,
		optional_header_too_small, too_many_data_dirs,
		headers_past_eof, headers_past_image, bad_alignment_and_sizes,
		section_raw_past_eof, section_raw_offset_overflows,
		section_outside_image, section_rva_overflows, sections_overlap,
		data_dir_overflows, security_dir_past_file_ignored };
	const TTest *tab_tests[] = { import_descriptor_outside,
		import_thunks_outside, import_name_unterminated,
		error_text_is_one_safe_line, import_hint_name_outside,
		import_table_without_terminator,
		delay_import_bad, export_names_count_too_large,
		export_functions_count_too_large, export_ordinal_out_of_range,
		export_name_outside, export_forwarder_unterminated,
		export_rva_outside_image, reloc_block_size_zero,
		reloc_block_size_odd, reloc_block_overruns,
		reloc_block_truncated, reloc_entry_outside_image,
		reloc_dir_in_bss, tls_callbacks_outside };
	const TTest *info_tests[] = { info_text, info_json_escapes,
		info_text_sanitises_names, info_exit_codes };

#define ADD_ALL(tc, arr) do { \
	tcase_add_checked_fixture(tc, setup, NULL); \
	for (size_t i = 0; i < sizeof(arr) / sizeof(arr[0]); i++) \
		add(tc, arr[i]); \
	suite_add_tcase(s, tc); \
} while (0)
	ADD_ALL(ok, ok_tests);
	ADD_ALL(hdr, hdr_tests);
	ADD_ALL(tab, tab_tests);
	ADD_ALL(info, info_tests);
	tcase_add_test(real, tiny_exe_parses);
	tcase_add_test(real, tiny_exe_truncations_fail);
	suite_add_tcase(s, real);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(pe_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
