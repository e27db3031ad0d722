/*
 * Unit tests for the VAD map (src/emul/memory/vad.c, memory.h): PAGE_* to PROT_*,
 * the sorted allocation list, free-range search both ways, and the page
 * runs inside one allocation.
 *
 * Addresses: USER_MIN is 0x10000, the top of user space USER_MAX + 1 is
 * 0x7FFFFFFF0000; everything a test places is 64 KiB aligned unless it says
 * otherwise.
 */
#include <check.h>
#include <stdint.h>
#include <sys/mman.h>

#include "emul/memory/memory.h"

#define TOP (USER_MAX + 1)   /* 0x7FFFFFFF0000 */
#define K64 ALLOC_GRANULARITY
#define PG PAGE_SIZE_NT

static struct vad_map map;

static void map_setup(void) { map = (struct vad_map){ 0 }; }
static void map_teardown(void) { vad_free_all(&map); }

static struct vad *add(uint64_t base, uint64_t size)
{
	struct vad *v = vad_insert(&map, base, size, MEM_PRIVATE, PAGE_READWRITE, MEM_RESERVE, 0);

	ck_assert_ptr_nonnull(v);
	return v;
}

/* ---- ZeroBits ---- */

START_TEST(zero_bits_limits)
{
	ck_assert_uint_eq(vad_zero_bits_limit(0), TOP);
	ck_assert_uint_eq(vad_zero_bits_limit(1), 0x80000000ull);
	ck_assert_uint_eq(vad_zero_bits_limit(21), 0x800ull);
	ck_assert_uint_eq(vad_zero_bits_limit(22), 0);
	ck_assert_uint_eq(vad_zero_bits_limit(31), 0);
	/* a mask: its leading zeros */
	ck_assert_uint_eq(vad_zero_bits_limit(0x1aaaaaaaull), 0x20000000ull);
	ck_assert_uint_eq(vad_zero_bits_limit(0x3fffffffffull), 0x4000000000ull);
	ck_assert_uint_eq(vad_zero_bits_limit(~0ull), TOP);
}
END_TEST

START_TEST(find_free_below_limit)
{
	uint64_t b = vad_find_free_below(&map, K64, K64, true, 0x80000000ull);

	ck_assert_uint_eq(b, 0x80000000ull - K64);
	add(b, K64);
	ck_assert_uint_eq(vad_find_free_below(&map, K64, K64, true, 0x80000000ull), b - K64);
	ck_assert_uint_eq(vad_find_free_below(&map, K64, K64, false, 0x80000000ull), USER_MIN);
	ck_assert_uint_eq(vad_find_free_below(&map, 2 * K64, K64, true, USER_MIN + K64), 0);
}
END_TEST

/* ---- nt_protect_to_prot ---- */

START_TEST(protect_every_page_value)
{
	static const struct { uint32_t page; int prot; } t[] = {
		{ PAGE_NOACCESS, PROT_NONE },
		{ PAGE_READONLY, PROT_READ },
		{ PAGE_READWRITE, PROT_READ | PROT_WRITE },
		{ PAGE_WRITECOPY, PROT_READ | PROT_WRITE },
		{ PAGE_EXECUTE, PROT_READ | PROT_EXEC },
		{ PAGE_EXECUTE_READ, PROT_READ | PROT_EXEC },
		{ PAGE_EXECUTE_READWRITE, PROT_READ | PROT_WRITE | PROT_EXEC },
		{ PAGE_EXECUTE_WRITECOPY, PROT_READ | PROT_WRITE | PROT_EXEC },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(nt_protect_to_prot(t[i].page) == t[i].prot,
			      "0x%x -> %d, want %d", t[i].page,
			      nt_protect_to_prot(t[i].page), t[i].prot);
}
END_TEST

START_TEST(protect_modifiers_are_ignored)
{
	ck_assert_int_eq(nt_protect_to_prot(PAGE_GUARD | PAGE_READWRITE), PROT_READ | PROT_WRITE);
	ck_assert_int_eq(nt_protect_to_prot(PAGE_NOCACHE | PAGE_READONLY), PROT_READ);
	ck_assert_int_eq(nt_protect_to_prot(PAGE_WRITECOMBINE | PAGE_EXECUTE_READ),
			 PROT_READ | PROT_EXEC);
}
END_TEST

START_TEST(protect_invalid)
{
	static const uint32_t bad[] = {
		0, PAGE_READONLY | PAGE_READWRITE, 0x12345, PAGE_GUARD, PAGE_NOCACHE,
		PAGE_READWRITE | PAGE_EXECUTE, 0x800, 0x80000000u, 0xFFFFFFFFu,
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(nt_protect_to_prot(bad[i]) == -1, "0x%x -> %d, want -1", bad[i],
			      nt_protect_to_prot(bad[i]));
}
END_TEST

/* ---- insert, find, remove ---- */

START_TEST(insert_keeps_order)
{
	static const uint64_t bases[] = { 0x300000, 0x100000, 0x500000, 0x200000, 0x400000 };
	struct vad *v;

	for (size_t i = 0; i < 5; i++)
		add(bases[i], K64);
	ck_assert_uint_eq(map.n, 5);
	for (size_t i = 0; i < 5; i++)
		ck_assert_uint_eq(map.v[i].base, 0x100000 * (i + 1));

	v = vad_insert(&map, 0x250000, 3 * PG, MEM_MAPPED, PAGE_EXECUTE_READ, MEM_COMMIT,
		       PAGE_READONLY);
	ck_assert_ptr_eq(v, &map.v[2]);
	ck_assert_uint_eq(v->base, 0x250000);
	ck_assert_uint_eq(v->size, 3 * PG);
	ck_assert_uint_eq(v->type, MEM_MAPPED);
	ck_assert_uint_eq(v->alloc_protect, PAGE_EXECUTE_READ);
	ck_assert_uint_eq(v->nruns, 1);
	ck_assert_uint_eq(v->runs[0].first, 0);
	ck_assert_uint_eq(v->runs[0].count, 3);
	ck_assert_uint_eq(v->runs[0].state, MEM_COMMIT);
	ck_assert_uint_eq(v->runs[0].protect, PAGE_READONLY);
}
END_TEST

/* More than the initial capacity (32), inserted in reverse. */
START_TEST(insert_many_reverse)
{
	for (uint64_t i = 100; i-- > 0;)
		add(0x1000000 + i * K64, K64);
	ck_assert_uint_eq(map.n, 100);
	for (size_t i = 0; i < 100; i++) {
		ck_assert_uint_eq(map.v[i].base, 0x1000000 + i * K64);
		ck_assert_ptr_eq(vad_find(&map, 0x1000000 + i * K64 + 5), &map.v[i]);
	}
}
END_TEST

START_TEST(find_boundaries)
{
	add(0x100000, 0x20000);
	add(0x300000, K64);

	ck_assert_ptr_null(vad_find(&map, 0xFFFFF));
	ck_assert_ptr_eq(vad_find(&map, 0x100000), &map.v[0]);
	ck_assert_ptr_eq(vad_find(&map, 0x11FFFF), &map.v[0]);
	ck_assert_ptr_null(vad_find(&map, 0x120000));
	ck_assert_ptr_null(vad_find(&map, 0x2FFFFF));
	ck_assert_ptr_eq(vad_find(&map, 0x300000), &map.v[1]);
	ck_assert_ptr_eq(vad_find(&map, 0x30FFFF), &map.v[1]);
	ck_assert_ptr_null(vad_find(&map, 0x310000));
	ck_assert_ptr_null(vad_find(&map, 0));
	ck_assert_ptr_null(vad_find(&map, UINT64_MAX));
}
END_TEST

START_TEST(find_empty_map)
{
	ck_assert_ptr_null(vad_find(&map, 0x100000));
}
END_TEST

START_TEST(remove_middle_first_last)
{
	add(0x100000, K64);
	add(0x200000, K64);
	add(0x300000, K64);
	add(0x400000, K64);

	vad_remove(&map, vad_find(&map, 0x200000));
	ck_assert_uint_eq(map.n, 3);
	ck_assert_ptr_null(vad_find(&map, 0x200000));
	ck_assert_uint_eq(map.v[0].base, 0x100000);
	ck_assert_uint_eq(map.v[1].base, 0x300000);
	ck_assert_uint_eq(map.v[2].base, 0x400000);

	vad_remove(&map, &map.v[0]);
	vad_remove(&map, &map.v[map.n - 1]);
	ck_assert_uint_eq(map.n, 1);
	ck_assert_uint_eq(map.v[0].base, 0x300000);
	ck_assert_ptr_eq(vad_find(&map, 0x300000), &map.v[0]);
	ck_assert_ptr_null(vad_find(&map, 0x100000));
	ck_assert_ptr_null(vad_find(&map, 0x400000));

	vad_remove(&map, &map.v[0]);
	ck_assert_uint_eq(map.n, 0);
	ck_assert(vad_range_free(&map, 0x100000, 0x400000));
}
END_TEST

START_TEST(free_all_resets)
{
	add(0x100000, K64);
	add(0x200000, K64);
	vad_free_all(&map);
	ck_assert_uint_eq(map.n, 0);
	ck_assert_uint_eq(map.cap, 0);
	ck_assert_ptr_null(map.v);
	add(0x100000, K64);   /* usable again */
	ck_assert_uint_eq(map.n, 1);
}
END_TEST

/* ---- vad_range_free ---- */

START_TEST(range_free_limits)
{
	ck_assert(vad_range_free(&map, USER_MIN, PG));
	ck_assert(!vad_range_free(&map, USER_MIN - PG, PG));        /* below USER_MIN */
	ck_assert(!vad_range_free(&map, 0, PG));
	ck_assert(!vad_range_free(&map, USER_MIN - PG, 2 * PG));    /* straddles it */
	ck_assert(!vad_range_free(&map, USER_MIN, 0));              /* empty */
	ck_assert(vad_range_free(&map, TOP - K64, K64));            /* last granule */
	ck_assert(!vad_range_free(&map, TOP - K64, K64 + 1));       /* one byte over */
	ck_assert(!vad_range_free(&map, TOP, PG));                  /* above USER_MAX */
	ck_assert(vad_range_free(&map, USER_MIN, TOP - USER_MIN));  /* all of it */
	ck_assert(!vad_range_free(&map, USER_MIN, TOP - USER_MIN + 1));
}
END_TEST

START_TEST(range_free_wraparound)
{
	ck_assert(!vad_range_free(&map, 0x200000, UINT64_MAX));            /* end wraps past 0 */
	ck_assert(!vad_range_free(&map, 0x200000, 0 - (uint64_t)0x200000)); /* end == 2^64 */
	ck_assert(!vad_range_free(&map, UINT64_MAX - PG + 1, PG));
	ck_assert(!vad_range_free(&map, 0x200000, UINT64_MAX - 0x1FFFFF + 0x10));
}
END_TEST

START_TEST(range_free_overlaps)
{
	add(0x300000, K64);   /* [0x300000, 0x310000) */

	ck_assert(vad_range_free(&map, 0x2F0000, K64));      /* ends where it starts */
	ck_assert(vad_range_free(&map, 0x310000, K64));      /* starts where it ends */
	ck_assert(!vad_range_free(&map, 0x2FF000, 2 * PG));  /* overlaps its start */
	ck_assert(!vad_range_free(&map, 0x30F000, 2 * PG));  /* overlaps its end */
	ck_assert(!vad_range_free(&map, 0x301000, PG));      /* inside */
	ck_assert(!vad_range_free(&map, 0x200000, 0x200000)); /* encloses it */
	ck_assert(!vad_range_free(&map, 0x300000, K64));     /* the same range */
	ck_assert(!vad_range_free(&map, 0x30FFFF, 1));       /* its last byte */
}
END_TEST

/* ---- vad_find_free ---- */

START_TEST(find_free_bottom_up_empty)
{
	ck_assert_uint_eq(vad_find_free(&map, PG, K64, false), USER_MIN);
	ck_assert_uint_eq(vad_find_free(&map, 5 * K64, K64, false), USER_MIN);
	ck_assert_uint_eq(vad_find_free(&map, TOP - USER_MIN, K64, false), USER_MIN);
}
END_TEST

START_TEST(find_free_bottom_up_around)
{
	add(USER_MIN, PG);            /* [0x10000, 0x11000): not granule sized */
	add(0x30000, K64);            /* [0x30000, 0x40000) */
	add(0x60000, 2 * K64);        /* [0x60000, 0x80000) */

	ck_assert_uint_eq(vad_find_free(&map, PG, K64, false), 0x20000);
	ck_assert_uint_eq(vad_find_free(&map, K64, K64, false), 0x20000);
	ck_assert_uint_eq(vad_find_free(&map, K64 + 1, K64, false), 0x40000);
	ck_assert_uint_eq(vad_find_free(&map, 2 * K64, K64, false), 0x40000);
	ck_assert_uint_eq(vad_find_free(&map, 3 * K64, K64, false), 0x80000);
	/* page alignment: right after the first VAD */
	ck_assert_uint_eq(vad_find_free(&map, PG, PG, false), 0x11000);
	ck_assert_uint_eq(vad_find_free(&map, 0x1F000, PG, false), 0x11000);
	ck_assert_uint_eq(vad_find_free(&map, 0x20000, PG, false), 0x40000);
}
END_TEST

START_TEST(find_free_top_down_empty)
{
	ck_assert_uint_eq(vad_find_free(&map, K64, K64, true), 0x7FFFFFFE0000);
	ck_assert_uint_eq(vad_find_free(&map, PG, K64, true), 0x7FFFFFFE0000);
	ck_assert_uint_eq(vad_find_free(&map, PG, PG, true), 0x7FFFFFFEF000);
	ck_assert_uint_eq(vad_find_free(&map, TOP - USER_MIN, K64, true), USER_MIN);
}
END_TEST

START_TEST(find_free_top_down_around)
{
	add(0x7FFFFFFE8000, 0x8000);       /* the top half granule */
	add(0x7FFFFFFB0000, 2 * K64);      /* [..B0000, ..D0000) */

	/* [..D0000, ..E8000) holds one aligned granule at ..D0000 */
	ck_assert_uint_eq(vad_find_free(&map, K64, K64, true), 0x7FFFFFFD0000);
	ck_assert_uint_eq(vad_find_free(&map, PG, PG, true), 0x7FFFFFFE7000);
	/* two granules do not fit there: below the second VAD */
	ck_assert_uint_eq(vad_find_free(&map, 2 * K64, K64, true), 0x7FFFFFF90000);
	ck_assert_uint_eq(vad_find_free(&map, K64 + 1, K64, true), 0x7FFFFFFD0000);
}
END_TEST

START_TEST(find_free_full)
{
	add(USER_MIN, TOP - USER_MIN);
	ck_assert_uint_eq(vad_find_free(&map, PG, K64, false), 0);
	ck_assert_uint_eq(vad_find_free(&map, PG, K64, true), 0);
	ck_assert_uint_eq(vad_find_free(&map, PG, PG, false), 0);
	ck_assert_uint_eq(vad_find_free(&map, PG, PG, true), 0);
}
END_TEST

/* Full but for one granule in the middle: both directions find it. */
START_TEST(find_free_one_hole)
{
	add(USER_MIN, 0x100000 - USER_MIN);
	add(0x110000, TOP - 0x110000);
	ck_assert_uint_eq(vad_find_free(&map, K64, K64, false), 0x100000);
	ck_assert_uint_eq(vad_find_free(&map, K64, K64, true), 0x100000);
	ck_assert_uint_eq(vad_find_free(&map, K64 + PG, K64, false), 0);
	ck_assert_uint_eq(vad_find_free(&map, K64 + PG, K64, true), 0);
}
END_TEST

START_TEST(find_free_bad_sizes)
{
	ck_assert_uint_eq(vad_find_free(&map, 0, K64, false), 0);
	ck_assert_uint_eq(vad_find_free(&map, 0, K64, true), 0);
	ck_assert_uint_eq(vad_find_free(&map, TOP - USER_MIN + 1, K64, false), 0);
	ck_assert_uint_eq(vad_find_free(&map, TOP - USER_MIN + 1, K64, true), 0);
	ck_assert_uint_eq(vad_find_free(&map, UINT64_MAX, K64, false), 0);
	ck_assert_uint_eq(vad_find_free(&map, UINT64_MAX, K64, true), 0);
}
END_TEST

/* ---- vad_set_pages ---- */

#define BASE 0x1000000ull

struct want_run { uint64_t first, count; uint32_t state, protect; };

static void check_runs_at(int line, const struct vad *v, const struct want_run *w, size_t n)
{
	ck_assert_msg(v->nruns == n, "line %d: %zu runs, want %zu", line, v->nruns, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(v->runs[i].first == w[i].first && v->runs[i].count == w[i].count &&
			      v->runs[i].state == w[i].state && v->runs[i].protect == w[i].protect,
			      "line %d: run %zu is {%llu, %llu, 0x%x, 0x%x}, want {%llu, %llu, 0x%x, 0x%x}",
			      line, i, (unsigned long long)v->runs[i].first,
			      (unsigned long long)v->runs[i].count, v->runs[i].state,
			      v->runs[i].protect, (unsigned long long)w[i].first,
			      (unsigned long long)w[i].count, w[i].state, w[i].protect);
}

#define CHECK_RUNS(v, ...) do { \
	static const struct want_run w_[] = { __VA_ARGS__ }; \
	check_runs_at(__LINE__, v, w_, sizeof(w_) / sizeof(w_[0])); \
} while (0)

#define R MEM_RESERVE
#define C MEM_COMMIT

static struct vad *sixteen_reserved(void)
{
	return add(BASE, 16 * PG);
}

START_TEST(set_pages_split_in_three)
{
	struct vad *v = sixteen_reserved();

	ck_assert_int_eq(vad_set_pages(&map, v, BASE + 4 * PG, 4 * PG, C, PAGE_READWRITE), 0);
	CHECK_RUNS(v, { 0, 4, R, 0 }, { 4, 4, C, PAGE_READWRITE }, { 8, 8, R, 0 });
}
END_TEST

START_TEST(set_pages_merge_back)
{
	struct vad *v = sixteen_reserved();

	vad_set_pages(&map, v, BASE + 4 * PG, 4 * PG, C, PAGE_READWRITE);
	ck_assert_int_eq(vad_set_pages(&map, v, BASE + 4 * PG, 4 * PG, R, 0), 0);
	CHECK_RUNS(v, { 0, 16, R, 0 });
}
END_TEST

START_TEST(set_pages_start_and_end)
{
	struct vad *v = sixteen_reserved();

	vad_set_pages(&map, v, BASE, 2 * PG, C, PAGE_READONLY);
	CHECK_RUNS(v, { 0, 2, C, PAGE_READONLY }, { 2, 14, R, 0 });
	vad_set_pages(&map, v, BASE + 14 * PG, 2 * PG, C, PAGE_EXECUTE_READ);
	CHECK_RUNS(v, { 0, 2, C, PAGE_READONLY }, { 2, 12, R, 0 },
		   { 14, 2, C, PAGE_EXECUTE_READ });
}
END_TEST

START_TEST(set_pages_whole)
{
	struct vad *v = sixteen_reserved();

	vad_set_pages(&map, v, BASE + 3 * PG, 5 * PG, C, PAGE_READONLY);
	vad_set_pages(&map, v, BASE, 16 * PG, C, PAGE_READWRITE);
	CHECK_RUNS(v, { 0, 16, C, PAGE_READWRITE });
}
END_TEST

/* Adjacent ranges set the same way become one run. */
START_TEST(set_pages_merge_adjacent)
{
	struct vad *v = sixteen_reserved();

	vad_set_pages(&map, v, BASE + 2 * PG, 2 * PG, C, PAGE_READWRITE);
	vad_set_pages(&map, v, BASE + 4 * PG, 3 * PG, C, PAGE_READWRITE);
	CHECK_RUNS(v, { 0, 2, R, 0 }, { 2, 5, C, PAGE_READWRITE }, { 7, 9, R, 0 });
	vad_set_pages(&map, v, BASE + 1 * PG, 1 * PG, C, PAGE_READWRITE);
	CHECK_RUNS(v, { 0, 1, R, 0 }, { 1, 6, C, PAGE_READWRITE }, { 7, 9, R, 0 });
}
END_TEST

/* Same state, different protection: no merge. */
START_TEST(set_pages_no_merge_on_protect)
{
	struct vad *v = sixteen_reserved();

	vad_set_pages(&map, v, BASE, 8 * PG, C, PAGE_READWRITE);
	vad_set_pages(&map, v, BASE + 8 * PG, 8 * PG, C, PAGE_READONLY);
	CHECK_RUNS(v, { 0, 8, C, PAGE_READWRITE }, { 8, 8, C, PAGE_READONLY });
}
END_TEST

/* A range across several runs replaces their overlapping parts. */
START_TEST(set_pages_across_runs)
{
	struct vad *v = sixteen_reserved();

	vad_set_pages(&map, v, BASE + 2 * PG, 2 * PG, C, PAGE_READONLY);
	vad_set_pages(&map, v, BASE + 6 * PG, 2 * PG, C, PAGE_EXECUTE_READ);
	vad_set_pages(&map, v, BASE + 10 * PG, 2 * PG, C, PAGE_READONLY);
	CHECK_RUNS(v, { 0, 2, R, 0 }, { 2, 2, C, PAGE_READONLY }, { 4, 2, R, 0 },
		   { 6, 2, C, PAGE_EXECUTE_READ }, { 8, 2, R, 0 }, { 10, 2, C, PAGE_READONLY },
		   { 12, 4, R, 0 });
	vad_set_pages(&map, v, BASE + 3 * PG, 8 * PG, C, PAGE_READWRITE);
	CHECK_RUNS(v, { 0, 2, R, 0 }, { 2, 1, C, PAGE_READONLY }, { 3, 8, C, PAGE_READWRITE },
		   { 11, 1, C, PAGE_READONLY }, { 12, 4, R, 0 });
	vad_set_pages(&map, v, BASE + 2 * PG, 10 * PG, C, PAGE_READONLY);
	CHECK_RUNS(v, { 0, 2, R, 0 }, { 2, 10, C, PAGE_READONLY }, { 12, 4, R, 0 });
}
END_TEST

START_TEST(set_pages_one_page)
{
	struct vad *v = add(BASE, PG);

	vad_set_pages(&map, v, BASE, PG, C, PAGE_NOACCESS);
	CHECK_RUNS(v, { 0, 1, C, PAGE_NOACCESS });
}
END_TEST

/* ---- the commit charge (--memory) ---- */

START_TEST(charge_follows_private_pages)
{
	struct vad *v = sixteen_reserved(), *img;

	ck_assert_uint_eq(map.committed, 0);
	vad_set_pages(&map, v, BASE + 4 * PG, 4 * PG, C, PAGE_READWRITE);
	ck_assert_uint_eq(map.committed, 4 * PG);
	/* two of six already committed: only four more would be charged */
	ck_assert_uint_eq(vad_uncommitted_bytes(v, BASE + 6 * PG, 6 * PG), 4 * PG);
	vad_set_pages(&map, v, BASE + 6 * PG, 6 * PG, C, PAGE_READONLY);
	ck_assert_uint_eq(map.committed, 8 * PG);
	vad_set_pages(&map, v, BASE + 5 * PG, 2 * PG, C, PAGE_NOACCESS); /* protect only */
	ck_assert_uint_eq(map.committed, 8 * PG);
	vad_set_pages(&map, v, BASE, 6 * PG, R, 0); /* decommit two of them */
	ck_assert_uint_eq(map.committed, 6 * PG);
	img = vad_insert(&map, BASE + 64 * PG, 16 * PG, MEM_IMAGE, PAGE_EXECUTE_WRITECOPY, C,
			 PAGE_EXECUTE_WRITECOPY);
	ck_assert_ptr_nonnull(img);
	ck_assert_uint_eq(map.committed, 6 * PG); /* images are not charged */
	ck_assert_uint_eq(vad_uncommitted_bytes(img, BASE + 64 * PG, PG), 0);
	vad_remove(&map, vad_find(&map, BASE));
	ck_assert_uint_eq(map.committed, 0);
	vad_insert(&map, BASE, 16 * PG, MEM_PRIVATE, PAGE_READWRITE, C, PAGE_READWRITE);
	ck_assert_uint_eq(map.committed, 16 * PG);
}
END_TEST

static Suite *vad_suite(void)
{
	Suite *s = suite_create("vad");
	TCase *tc = tcase_create("protect");

	tcase_add_test(tc, protect_every_page_value);
	tcase_add_test(tc, protect_modifiers_are_ignored);
	tcase_add_test(tc, protect_invalid);
	suite_add_tcase(s, tc);

	tc = tcase_create("map");
	tcase_add_checked_fixture(tc, map_setup, map_teardown);
	tcase_add_test(tc, insert_keeps_order);
	tcase_add_test(tc, insert_many_reverse);
	tcase_add_test(tc, find_boundaries);
	tcase_add_test(tc, find_empty_map);
	tcase_add_test(tc, remove_middle_first_last);
	tcase_add_test(tc, free_all_resets);
	tcase_add_test(tc, range_free_limits);
	tcase_add_test(tc, range_free_wraparound);
	tcase_add_test(tc, range_free_overlaps);
	suite_add_tcase(s, tc);

	tc = tcase_create("find_free");
	tcase_add_checked_fixture(tc, map_setup, map_teardown);
	tcase_add_test(tc, find_free_bottom_up_empty);
	tcase_add_test(tc, find_free_bottom_up_around);
	tcase_add_test(tc, find_free_top_down_empty);
	tcase_add_test(tc, find_free_top_down_around);
	tcase_add_test(tc, find_free_full);
	tcase_add_test(tc, find_free_one_hole);
	tcase_add_test(tc, find_free_bad_sizes);
	tcase_add_test(tc, zero_bits_limits);
	tcase_add_test(tc, find_free_below_limit);
	suite_add_tcase(s, tc);

	tc = tcase_create("pages");
	tcase_add_checked_fixture(tc, map_setup, map_teardown);
	tcase_add_test(tc, set_pages_split_in_three);
	tcase_add_test(tc, set_pages_merge_back);
	tcase_add_test(tc, set_pages_start_and_end);
	tcase_add_test(tc, set_pages_whole);
	tcase_add_test(tc, set_pages_merge_adjacent);
	tcase_add_test(tc, set_pages_no_merge_on_protect);
	tcase_add_test(tc, set_pages_across_runs);
	tcase_add_test(tc, set_pages_one_page);
	tcase_add_test(tc, charge_follows_private_pages);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(vad_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
