/*
 * C++ exceptions through code generated at run time: a function written
 * into executable memory (push rbx, allocate, call back into C++) with its
 * unwind data given to RtlAddFunctionTable, as a JIT does.  Thrown in the
 * callback, caught outside the generated frame, caught between two
 * generated frames, rethrown through one; destructors on both sides run.
 */
#include "cxx_rt.h"

extern "C" {
struct runtime_function {
	unsigned begin, end, unwind;
};
void *VirtualAlloc(void *, size_t, unsigned long, unsigned long);
int VirtualProtect(void *, size_t, unsigned long, unsigned long *);
unsigned char RtlAddFunctionTable(runtime_function *, unsigned long, unsigned long long);
unsigned char RtlDeleteFunctionTable(runtime_function *);
}

#define MEM_COMMIT_RESERVE 0x3000
#define PAGE_READWRITE 0x04
#define PAGE_EXECUTE_READ 0x20

/* gen(fn, arg): push rbx; sub rsp, 0x20; mov rbx, imm64; fn(arg); add rsp,
 * 0x20; pop rbx; ret.  Its UNWIND_INFO at 0x40: ALLOC_SMALL 0x20 at 5,
 * PUSH_NONVOL rbx at 1. */
static const unsigned char gen_code[] = {
	0x53, 0x48, 0x83, 0xec, 0x20, 0x48, 0xbb, 0xeb, 0x5e, 0xeb, 0x5e, 0xeb, 0x5e, 0, 0,
	0x48, 0x89, 0xc8, 0x48, 0x89, 0xd1, 0xff, 0xd0, 0x48, 0x83, 0xc4, 0x20, 0x5b, 0xc3,
};
static const unsigned char gen_unwind[] = { 0x01, 0x05, 2, 0x00, 0x05, 0x32, 0x01, 0x30 };
static runtime_function gen_table[1] = { { 0, sizeof(gen_code), 0x40 } };

typedef long (*callback)(long);
static long (*gen)(callback, long);

struct Noisy {
	const char *name;
	explicit Noisy(const char *n) : name(n) {}
	~Noisy() { printf("  drop %s\n", name); }
};

struct Error {
	long value;
};

__attribute__((noinline)) static long thrower(long v)
{
	Noisy n("thrower's local");
	throw Error{ v };
}

static long catch_inside(long v)
{
	try {
		gen(thrower, v);
	} catch (Error &e) {
		printf("  caught %ld in the callback\n", e.value);
		return e.value + 100;
	}
	return 0;
}

static long rethrow_inside(long v)
{
	try {
		gen(thrower, v);
	} catch (Error &e) {
		printf("  caught %ld in the callback, rethrowing\n", e.value);
		throw;
	}
	return 0;
}

static bool make_code()
{
	unsigned char *p = (unsigned char *)VirtualAlloc(nullptr, 0x1000, MEM_COMMIT_RESERVE,
							 PAGE_READWRITE);
	unsigned long old;

	if (!p)
		return false;
	for (unsigned i = 0; i < sizeof(gen_code); i++)
		p[i] = gen_code[i];
	for (unsigned i = 0; i < sizeof(gen_unwind); i++)
		p[0x40 + i] = gen_unwind[i];
	if (!VirtualProtect(p, 0x1000, PAGE_EXECUTE_READ, &old))
		return false;
	gen = (long (*)(callback, long))(void *)p;
	return RtlAddFunctionTable(gen_table, 1, (unsigned long long)p);
}

int main()
{
	if (!make_code()) {
		puts("no generated code");
		return 1;
	}
	puts("== thrown in the callback, caught outside the generated frame");
	try {
		Noisy n("main's local");
		gen(thrower, 7);
	} catch (Error &e) {
		printf("  caught %ld\n", e.value);
	}
	puts("== caught between two generated frames");
	printf("  back in main: %ld\n", gen(catch_inside, 8));
	puts("== rethrown through a generated frame");
	try {
		Noisy n("main's local");
		gen(rethrow_inside, 9);
	} catch (Error &e) {
		printf("  caught %ld\n", e.value);
	}
	printf("== table deleted: %d\n", RtlDeleteFunctionTable(gen_table));
	return 0;
}
