/*
 * libFuzzer harness for the PE32+ parser and `lsw info`: parses the input,
 * runs every iterator, lays the image out and prints it as text and JSON.
 * Beyond the sanitizers it checks that every pointer the parser hands out
 * lies inside the input and that error messages are one printable line.  Built and run by test/fuzz_pe.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader/pe.h"
#include "loader/pe_info.h"

#define MAX_LAYOUT (16u << 20)   /* keep each run fast and within RSS */

static const uint8_t *in_lo, *in_hi;

/* A string the parser returned must start and end inside the input. */
static void check_str(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;

	if (!s)
		return;
	if (p < in_lo || p >= in_hi || !memchr(p, 0, (size_t)(in_hi - p)))
		abort();
}

/* img->error goes to logs and terminals: printable ASCII only. */
static void check_error(const struct pe_image *img)
{
	for (const char *p = img->error; *p; p++) {
		if (*p < 0x20 || *p > 0x7e)
			abort();
	}
}

static int on_reloc(void *ctx, uint32_t rva, int type)
{
	const struct pe_image *img = ctx;

	if (rva >= img->image_span || type <= 0 || type > 15)
		abort();
	return 0;
}

static int on_block(void *ctx, uint32_t page, uint32_t count)
{
	(void)ctx;
	(void)page;
	(void)count;
	return 0;
}

static int on_import(void *ctx, const struct pe_import *i)
{
	(void)ctx;
	check_str(i->dll);
	check_str(i->name);
	return 0;
}

struct export_ctx {
	struct pe_image *img;
	int named;
};

static int on_export(void *ctx, const struct pe_export *e)
{
	struct export_ctx *c = ctx;
	uint32_t rva;
	const char *fwd;

	check_str(e->name);
	check_str(e->forwarder);
	/* The first named export is name 0, so pe_find_export must agree
	 * (only the first: a lookup per name would be quadratic). */
	if (e->name && c->named++ == 0) {
		if (pe_find_export(c->img, e->name, &rva, &fwd) != 0 ||
		    rva != e->rva || fwd != e->forwarder)
			abort();
	}
	return 0;
}

static int on_tls(void *ctx, uint64_t va)
{
	(void)ctx;
	(void)va;
	return 0;
}

static void run_iterators(struct pe_image *img)
{
	struct pe_export_dir d;
	struct pe_tls t;
	struct export_ctx ec = { img, 0 };
	uint32_t rva;
	const char *fwd = NULL;

	pe_for_each_reloc(img, on_reloc, img);
	pe_for_each_reloc_block(img, on_block, NULL);
	pe_for_each_import(img, 0, on_import, NULL);
	check_error(img);
	pe_for_each_import(img, 1, on_import, NULL);
	check_error(img);
	if (pe_get_export_dir(img, &d) == 0)
		check_str(d.dll[0] ? d.dll : NULL);
	pe_for_each_export(img, on_export, &ec);
	check_error(img);
	if (pe_find_export(img, "main", &rva, &fwd) == 0)
		check_str(fwd);
	pe_get_tls(img, &t);
	pe_for_each_tls_callback(img, on_tls, NULL);
	check_error(img);
}

static void run_layout(struct pe_image *img)
{
	uint8_t *buf;

	if (img->image_span > MAX_LAYOUT)
		return;
	buf = malloc(img->image_span); /* SizeOfImage rounded up to a page */
	if (buf && pe_layout(img, buf, img->image_span) != 0)
		abort();     /* a parsed image must always lay out */
	free(buf);
}

static void run_info(struct pe_image *img, int json)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return;
	pe_info_print(f, img, "fuzz.exe", json);
	fclose(f);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pe_image img;
	const uint8_t *p;

	if (pe_parse(&img, data, size) != 0) {
		check_error(&img);
		return 0;
	}
	in_lo = data;
	in_hi = data + size;
	p = pe_rva_ptr(&img, img.entry_rva, 1);
	if (p && (p < in_lo || p >= in_hi))
		abort();
	run_iterators(&img);
	run_layout(&img);
	run_info(&img, 0);
	run_info(&img, 1);
	return 0;
}
