/*
 * Unit tests for lsw trace -k (src/trace/trace_stack.c, unwind.c,
 * symbolize.c): a tiny PE image laid out in a buffer of this process, with
 * an export table, a RUNTIME_FUNCTION table and UNWIND_INFO for a few
 * functions, and a fake stack of return addresses.  The "tracee" is this
 * process itself: tracee_read's process_vm_readv works on getpid().
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emul/memory/memory.h"
#include "trace/trace_stack.h"
#include "trace/unwind.h"

#define IMG_SIZE 0x3000u

/* UNWIND_CODE: CodeOffset, UnwindOp, OpInfo */
#define UC(off, op, info) ((uint16_t)((off) | (op) << 8 | (info) << 12))
#define PUSH_NONVOL 0
#define ALLOC_LARGE 1
#define ALLOC_SMALL 2
#define SET_FPREG 3
#define SAVE_NONVOL 4
#define SAVE_NONVOL_FAR 5
#define PUSH_MACHFRAME 10
#define RBX 3
#define RBP 5
#define RSI 6
#define RDI 7
#define R12 12

static uint8_t *img;
static uint64_t base;
static uint64_t *stk;          /* the fake stack */
static struct lsw_process proc;
static struct nt_call call;

static void put16(uint32_t at, uint16_t v) { memcpy(img + at, &v, 2); }
static void put32(uint32_t at, uint32_t v) { memcpy(img + at, &v, 4); }

/* UNWIND_INFO at rva: version 1, flags, prolog size, frame register and
 * scaled offset, codes (padded to even), then an optional chain entry. */
static void unwind_info(uint32_t rva, unsigned flags, unsigned prolog, unsigned freg,
			unsigned foff, const uint16_t *codes, unsigned n, const uint32_t *chain)
{
	img[rva] = (uint8_t)(1 | flags << 3);
	img[rva + 1] = (uint8_t)prolog;
	img[rva + 2] = (uint8_t)n;
	img[rva + 3] = (uint8_t)(freg | foff << 4);
	for (unsigned i = 0; i < n; i++)
		put16(rva + 4 + 2 * i, codes[i]);
	if (chain)
		for (unsigned i = 0; i < 3; i++)
			put32(rva + 4 + 2 * ((n + 1) & ~1u) + 4 * i, chain[i]);
}

static void pdata(unsigned idx, uint32_t begin, uint32_t end, uint32_t info)
{
	put32(0x300 + 12 * idx, begin);
	put32(0x304 + 12 * idx, end);
	put32(0x308 + 12 * idx, info);
}

static void build_image(void)
{
	static const char *names[] = { "Func1", "Func2", "NtTest", "Fwd", "ZwTest", "Func0" };
	static const uint16_t ords[] = { 0, 1, 2, 3, 2, 4 };
	static const uint32_t funcs[] = { 0x1000, 0x1100, 0x1400, 0x2f0, 0x1060 };
	uint32_t str = 0x2a0;

	memset(img, 0xcc, IMG_SIZE);
	memset(img, 0, 0x1000);
	img[0] = 'M';
	img[1] = 'Z';
	put32(0x3c, 0x80);
	memcpy(img + 0x80, "PE\0\0", 4);
	put16(0x84, 0x8664);
	put16(0x94, 240);               /* SizeOfOptionalHeader */
	put16(0x98, 0x20b);             /* PE32+ */
	put32(0x98 + 108, 16);          /* NumberOfRvaAndSizes */
	put32(0x98 + 112, 0x200);       /* export directory */
	put32(0x98 + 116, 0x100);
	put32(0x98 + 112 + 24, 0x300);  /* exception directory */
	put32(0x98 + 116 + 24, 10 * 12);

	/* IMAGE_EXPORT_DIRECTORY */
	put32(0x200 + 12, 0x2e0);       /* Name */
	strcpy((char *)img + 0x2e0, "FAKE.dll");
	put32(0x200 + 16, 1);           /* Base */
	put32(0x200 + 20, 5);
	put32(0x200 + 24, 6);
	put32(0x200 + 28, 0x240);
	put32(0x200 + 32, 0x260);
	put32(0x200 + 36, 0x280);
	for (unsigned i = 0; i < 5; i++)
		put32(0x240 + 4 * i, funcs[i]);
	strcpy((char *)img + 0x2f0, "other.Fwd");  /* a forwarder */
	for (unsigned i = 0; i < 6; i++) {
		put32(0x260 + 4 * i, str);
		put16(0x280 + 2 * i, ords[i]);
		strcpy((char *)img + str, names[i]);
		str += (uint32_t)strlen(names[i]) + 1;
	}

	/* Func1 0x1000: push rbx; sub rsp,0x28 */
	static const uint16_t f1[] = { UC(5, ALLOC_SMALL, 4), UC(1, PUSH_NONVOL, RBX) };
	/* Func0 0x1060: sub rsp,0x38; mov [rsp+0x20],rbp */
	static const uint16_t f0[] = { UC(9, SAVE_NONVOL, RBP), 0x20 / 8, UC(4, ALLOC_SMALL, 6) };
	/* Func2 0x1100: push rbp; sub rsp,0x40; lea rbp,[rsp+0x20] */
	static const uint16_t f2[] = { UC(10, SET_FPREG, 0), UC(5, ALLOC_SMALL, 7),
				       UC(1, PUSH_NONVOL, RBP) };
	/* 0x1200 (no export): push rsi; sub rsp,0x100 */
	static const uint16_t f3[] = { UC(8, ALLOC_LARGE, 0), 0x100 / 8, UC(1, PUSH_NONVOL, RSI) };
	/* 0x1300: a part of 0x1200 that also saves rdi; chained */
	static const uint16_t f3b[] = { UC(0, SAVE_NONVOL, RDI), 0x30 / 8 };
	static const uint32_t f3chain[] = { 0x1200, 0x1240, 0x460 };
	/* 0x1500: sub rsp,0x88 (32-bit form); mov [rsp+0x80],r12 */
	static const uint16_t f4[] = { UC(15, SAVE_NONVOL_FAR, R12), 0x80, 0,
				       UC(7, ALLOC_LARGE, 1), 0x88, 0 };
	/* 0x1600: an interrupt frame */
	static const uint16_t f5[] = { UC(0, PUSH_MACHFRAME, 0) };
	/* 0x1800: chained to itself */
	static const uint32_t loop[] = { 0x1800, 0x1840, 0x4e0 };

	unwind_info(0x420, 0, 5, 0, 0, f1, 2, NULL);
	unwind_info(0x400, 0, 9, 0, 0, f0, 3, NULL);
	unwind_info(0x440, 0, 10, RBP, 2, f2, 3, NULL);
	unwind_info(0x460, 0, 8, 0, 0, f3, 3, NULL);
	unwind_info(0x480, 4, 0, 0, 0, f3b, 2, f3chain);
	unwind_info(0x4a0, 0, 15, 0, 0, f4, 6, NULL);
	unwind_info(0x4c0, 0, 0, 0, 0, f5, 1, NULL);
	unwind_info(0x4e0, 4, 0, 0, 0, NULL, 0, loop);
	pdata(0, 0x1000, 0x1040, 0x420);
	pdata(1, 0x1060, 0x1080, 0x400);
	pdata(2, 0x1100, 0x1180, 0x440);
	pdata(3, 0x1200, 0x1240, 0x460);
	pdata(4, 0x1300, 0x1340, 0x480);
	pdata(5, 0x1500, 0x1540, 0x4a0);
	pdata(6, 0x1600, 0x1640, 0x4c0);
	pdata(7, 0x1700, 0x1740, 0xfffff000);   /* unwind info outside the image */
	pdata(8, 0x1800, 0x1840, 0x4e0);
	pdata(9, 0x1900, 0x1980, 0x420);        /* push rbx; sub rsp,0x28 */
	/* NtTest 0x1400..0x1410 is a leaf: no entry */
	/* 0x1920: add rsp,0x28; pop rbx; ret */
	memcpy(img + 0x1920, "\x48\x83\xc4\x28\x5b\xc3", 6);
	/* 0x1930: lea rsp,[rbp+0x10]; pop rbx; pop r12; jmp (out of the function) */
	memcpy(img + 0x1930, "\x48\x8d\x65\x10\x5b\x41\x5c\xe9\x00\x10\x00\x00", 12);
	/* 0x1940: add rsp,0x28; jmp (inside the function): no epilog */
	memcpy(img + 0x1940, "\x48\x83\xc4\x28\xeb\x10", 6);
}

static void setup(void)
{
	img = aligned_alloc(0x1000, IMG_SIZE);
	stk = aligned_alloc(16, 0x2000 * 8);
	ck_assert_ptr_nonnull(img);
	ck_assert_ptr_nonnull(stk);
	base = (uint64_t)(uintptr_t)img;
	build_image();
	memset(stk, 0, 0x2000 * 8);
	memset(&proc, 0, sizeof(proc));
	proc.pid = getpid();
	proc.main_thread.process = &proc;
	proc.main_thread.tid = getpid();
	proc.nimages = 1;
	strcpy(proc.images[0].name, "fake.dll");
	proc.images[0].base = base;
	proc.images[0].size = IMG_SIZE;
	memset(&call, 0, sizeof(call));
	call.thread = &proc.main_thread;
	unwind_cache_flush();
}

static void teardown(void)
{
	unwind_cache_flush();
	vad_free_all(&proc.vad);
	free(img);
	free(stk);
}

#define SLOT(i) ((uint64_t)(uintptr_t)&stk[(i)])

static void collect(struct trace_frames *f, uint64_t rip, uint64_t rsp)
{
	call.rip = rip;
	call.rsp = rsp;
	memset(f, 0, sizeof(*f));
	trace_stack_collect(&call, f);
}

/* leaf -> Func0 (saves rbp) -> Func1 -> Func2 (frame pointer) -> chained
 * part -> large allocation -> machine frame -> leaf -> outside */
START_TEST(full_walk)
{
	struct trace_frames f;
	unsigned s1 = 1, s2 = s1 + 8, s3 = s2 + 7, s4 = s3 + 10, s5 = s4 + 34, s6 = s5 + 18;
	unsigned s7 = s6 + 40;

	stk[0] = base + 0x1070;                 /* leaf returns into Func0 */
	stk[s1 + 4] = SLOT(s3) + 0x20;          /* Func0 saved rbp: Func2's frame */
	stk[s1 + 7] = base + 0x1020;            /* Func0 returns into Func1 */
	stk[s2 + 5] = 0xb0b;                    /* Func1 pushed rbx */
	stk[s2 + 6] = base + 0x1150;            /* into Func2 */
	stk[s3 + 8] = 0x1111;                   /* Func2 pushed rbp */
	stk[s3 + 9] = base + 0x1310;            /* into the chained part */
	stk[s4 + 6] = 0xd1;                     /* rdi saved at +0x30 */
	stk[s4 + 32] = 0x51;                    /* pushed rsi */
	stk[s4 + 33] = base + 0x1520;           /* into 0x1500 */
	stk[s5 + 16] = 0x12;                    /* r12 at +0x80 */
	stk[s5 + 17] = base + 0x1620;           /* into 0x1600 */
	stk[s6] = base + 0x1408;                /* machine frame: rip */
	stk[s6 + 3] = SLOT(s7);                 /* ... and rsp */
	stk[s7] = 0x1234;                       /* outside every image */
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_uint_eq(f.n, 9);
	ck_assert_str_eq(f.frame[0], "fake.dll!NtTest+0x14");
	ck_assert_str_eq(f.frame[1], "fake.dll!Func0+0x10");
	ck_assert_str_eq(f.frame[2], "fake.dll!Func1+0x20");
	ck_assert_str_eq(f.frame[3], "fake.dll!Func2+0x50");
	ck_assert_str_eq(f.frame[4], "fake.dll+0x1310");
	ck_assert_str_eq(f.frame[5], "fake.dll+0x1520");
	ck_assert_str_eq(f.frame[6], "fake.dll+0x1620");
	ck_assert_str_eq(f.frame[7], "fake.dll!NtTest+0x8");
	ck_assert_str_eq(f.frame[8], "0x1234");
}
END_TEST

/* The registers unwind_step recovers along the way. */
START_TEST(registers)
{
	struct unwind_regs r = { 0 };

	stk[0] = 0xb0b;
	stk[1] = base + 0x1150;
	r.rip = base + 0x1025;
	r.r[UW_RSP] = SLOT(0) - 0x28;
	r.known = 1u << UW_RSP;
	ck_assert_int_eq(unwind_step(&proc.main_thread, &r, true), 0);
	ck_assert_uint_eq(r.rip, base + 0x1150);
	ck_assert_uint_eq(r.r[UW_RSP], SLOT(2));
	ck_assert_uint_eq(r.r[UW_RBX], 0xb0b);
	ck_assert(r.known & (1u << UW_RBX));
	ck_assert(!(r.known & (1u << UW_RBP)));
	/* Func2 needs rbp, which nothing restored */
	ck_assert_int_eq(unwind_step(&proc.main_thread, &r, true), -1);
}
END_TEST

/* In a prolog only the operations already executed are undone. */
START_TEST(prolog)
{
	struct trace_frames f;

	/* after push rbx, before sub rsp */
	stk[0] = 0xb0b;
	stk[1] = 0x1234;
	collect(&f, base + 0x1001, SLOT(0));
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[0], "fake.dll!Func1+0x1");
	ck_assert_str_eq(f.frame[1], "0x1234");
	/* at the first instruction: nothing done yet */
	stk[0] = 0x5678;
	collect(&f, base + 0x1000, SLOT(0));
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[1], "0x5678");
	/* Func2 before lea rbp: no frame pointer needed yet */
	stk[0] = 0x1111;                        /* pushed rbp */
	stk[1] = 0x9abc;
	collect(&f, base + 0x1105, SLOT(0) - 0x40);
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[0], "fake.dll!Func2+0x5");
	ck_assert_str_eq(f.frame[1], "0x9abc");
}
END_TEST

/* A syscall in an epilog: what is left of it is undone, not the prolog. */
START_TEST(epilog)
{
	struct trace_frames f;
	struct unwind_regs r = { 0 };

	stk[5] = 0xb0b;
	stk[6] = 0x1234;
	collect(&f, base + 0x1920, SLOT(0));
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[1], "0x1234");
	collect(&f, base + 0x1924, SLOT(5));    /* after the add */
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[1], "0x1234");

	/* lea rsp,[rbp+0x10] needs rbp: unknown ends the walk */
	collect(&f, base + 0x1930, SLOT(0));
	ck_assert_uint_eq(f.n, 1);
	r.rip = base + 0x1930;
	r.r[UW_RSP] = SLOT(0);
	r.r[UW_RBP] = SLOT(10) - 0x10;
	r.known = 1u << UW_RSP | 1u << UW_RBP;
	stk[10] = 0xb0b;
	stk[11] = 0x12;
	stk[12] = 0x5678;
	ck_assert_int_eq(unwind_step(&proc.main_thread, &r, false), 0);
	ck_assert_uint_eq(r.rip, 0x5678);
	ck_assert_uint_eq(r.r[UW_RSP], SLOT(13));
	ck_assert_uint_eq(r.r[UW_RBX], 0xb0b);
	ck_assert_uint_eq(r.r[UW_R12], 0x12);

	/* a jump inside the function is no epilog: the prolog codes apply */
	stk[5] = 0xb0b;
	stk[6] = 0x9abc;
	collect(&f, base + 0x1940, SLOT(0));
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[1], "0x9abc");
}
END_TEST

/* A frame-pointer function whose frame register is unknown ends the walk
 * after naming it. */
START_TEST(unknown_frame_pointer)
{
	struct trace_frames f;

	stk[0] = base + 0x1150;
	stk[20] = 0x1234;
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[1], "fake.dll!Func2+0x50");
}
END_TEST

START_TEST(max_frames)
{
	struct trace_frames f;

	for (unsigned i = 0; i < 100; i++)
		stk[i] = base + 0x1405;
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_uint_eq(f.n, TRACE_MAX_FRAMES);
	ck_assert_str_eq(f.frame[TRACE_MAX_FRAMES - 1], "fake.dll!NtTest+0x5");
}
END_TEST

/* Broken data ends the walk: unwind info outside the image, a chain that
 * loops, a machine frame whose rsp goes down, an unreadable stack. */
START_TEST(hostile)
{
	struct trace_frames f;

	stk[0] = base + 0x1710;
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[1], "fake.dll+0x1710");

	stk[0] = base + 0x1810;
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_uint_eq(f.n, 2);

	stk[8] = base + 0x1620;
	stk[9] = base + 0x1408;
	stk[12] = SLOT(0);                      /* rsp below */
	collect(&f, base + 0x1414, SLOT(8));
	ck_assert_uint_eq(f.n, 2);

	collect(&f, base + 0x1414, 8);          /* unreadable stack */
	ck_assert_uint_eq(f.n, 1);
	collect(&f, base + 0x1414, 0xfffffffffffffff8ull);
	ck_assert_uint_eq(f.n, 1);

	collect(&f, 0x1234, SLOT(0));           /* outside every image */
	ck_assert_uint_eq(f.n, 1);
	ck_assert_str_eq(f.frame[0], "0x1234");
}
END_TEST

/* Garbage headers: no exports, no table; every function is a leaf. */
START_TEST(no_headers)
{
	struct trace_frames f;

	memset(img, 0xff, 0x1000);
	stk[0] = base + 0x1044;
	stk[1] = 0;
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.frame[0], "fake.dll+0x1414");
	ck_assert_str_eq(f.frame[1], "fake.dll+0x1044");
}
END_TEST

/* Huge counts and offsets in the export directory. */
START_TEST(hostile_exports)
{
	struct trace_frames f;

	/* the names array runs off the image: ordinals only */
	put32(0x200 + 24, 0xffffffff);
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_str_eq(f.frame[0], "fake.dll!#3+0x14");

	/* a name outside the image, the forwarder as the only other */
	unwind_cache_flush();
	put32(0x200 + 24, 2);
	put32(0x260, 0xfffffff0);
	put32(0x280, 2);
	put16(0x282, 3);
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_str_eq(f.frame[0], "fake.dll!#3+0x14");

	/* the function array runs off the image: no exports */
	unwind_cache_flush();
	put32(0x200 + 20, 0xffffffff);
	put32(0x200 + 28, 0x2ff0);
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_str_eq(f.frame[0], "fake.dll+0x1414");
}
END_TEST

/* An image only the address space knows (a mapped view): named from its
 * export directory. */
START_TEST(image_from_view)
{
	struct trace_frames f;

	proc.nimages = 0;
	ck_assert_ptr_nonnull(vad_insert(&proc.vad, base, IMG_SIZE, MEM_IMAGE, PAGE_READONLY,
					 MEM_COMMIT, PAGE_READONLY));
	stk[0] = base + 0x1070;
	stk[1 + 7] = 0x1234;
	stk[1 + 4] = 0x42;
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_uint_eq(f.n, 3);
	ck_assert_str_eq(f.frame[0], "fake.dll!NtTest+0x14");
	ck_assert_str_eq(f.frame[1], "fake.dll!Func0+0x10");
}
END_TEST

/* The cache is keyed by base and size: another image at another address
 * is read afresh. */
START_TEST(cache_keys)
{
	struct trace_frames f;

	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_str_eq(f.frame[0], "fake.dll!NtTest+0x14");
	proc.images[0].size = IMG_SIZE - 0x1000;
	strcpy(proc.images[0].name, "other.dll");
	put32(0x240 + 8, 0x1410);
	collect(&f, base + 0x1414, SLOT(0));
	ck_assert_str_eq(f.frame[0], "other.dll!NtTest+0x4");
}
END_TEST

static Suite *unwind_suite(void)
{
	Suite *s = suite_create("unwind");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, full_walk);
	tcase_add_test(tc, registers);
	tcase_add_test(tc, prolog);
	tcase_add_test(tc, epilog);
	tcase_add_test(tc, unknown_frame_pointer);
	tcase_add_test(tc, max_frames);
	tcase_add_test(tc, hostile);
	tcase_add_test(tc, no_headers);
	tcase_add_test(tc, hostile_exports);
	tcase_add_test(tc, image_from_view);
	tcase_add_test(tc, cache_keys);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(unwind_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
