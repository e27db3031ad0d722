/*
 * longjmp (vcruntime140's) unwinds to the frame its setjmp recorded: the
 * destructors of the frames it leaves run, the setjmp frame keeps the
 * objects alive at the setjmp; longjmp(buf, 0) makes setjmp return 1.
 */
#include "cxx_rt.h"

extern "C" int _setjmp(void *buf);     /* clang passes the frame, as MSVC does */
extern "C" [[noreturn]] void longjmp(void *buf, int value);

static __attribute__((aligned(16))) char jump_buffer[256];

struct Noisy {
	const char *name;
	explicit Noisy(const char *n) : name(n) {}
	~Noisy() { printf("  drop %s\n", name); }
};

__attribute__((noinline)) static void jumper(int value)
{
	Noisy n("jumper's local");

	longjmp(jump_buffer, value);
}

__attribute__((noinline)) static void outer(int value)
{
	Noisy n("outer's local");

	jumper(value);
}

int main(int argc, char **argv)
{
	Noisy m("main's local");
	volatile int rounds = 0;
	int v;

	puts("== longjmp back to setjmp");
	v = _setjmp(jump_buffer);
	printf("  setjmp returned %d\n", v);
	if (rounds++ == 0)
		outer(7);
	else if (v == 7)
		jumper(0);
	puts("== done");
	return 0;
}
