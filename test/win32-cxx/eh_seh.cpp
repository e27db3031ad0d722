/*
 * Structured exceptions and C++ (built with /EHa: clang
 * -fasync-exceptions): catch (...) takes them, destructors run when they
 * unwind a frame, and _set_se_translator turns them into C++ exceptions.
 */
#include "cxx_rt.h"

struct _EXCEPTION_POINTERS;
typedef void (*se_translator)(unsigned int, _EXCEPTION_POINTERS *);
#ifdef MSVCRT_ONLY
se_translator _set_se_translator(se_translator);
#else
extern "C" se_translator _set_se_translator(se_translator);
#endif

struct se_error {
	unsigned code;
};

struct Noisy {
	const char *name;
	explicit Noisy(const char *n) : name(n) {}
	~Noisy() { printf("  drop %s\n", name); }
};

static void translate(unsigned int code, _EXCEPTION_POINTERS *)
{
	printf("  translator called: %08X\n", code);
	throw se_error{ code };
}

/* A call the compiler cannot see through: it may throw, so the try blocks
 * around fault() stay (clang drops those around code it proves cannot). */
static void nothing() {}
static void (*volatile opaque)() = nothing;

__attribute__((noinline)) static void fault(volatile int *p)
{
	Noisy n("faulting frame's local");

	opaque();
	*p = 1;
}

int main(int argc, char **argv)
{
	puts("== catch (...) takes an access violation");
	try {
		fault(nullptr);
	} catch (...) {
		puts("  caught by ...");
	}
	puts("== the translator turns it into a C++ exception");
	se_translator old = _set_se_translator(translate);
	printf("  previous translator: %s\n", old ? "set" : "none");
	try {
		fault(nullptr);
	} catch (se_error &e) {
		printf("  caught se_error %08X\n", e.code);
	}
	puts("== C++ exceptions do not go to the translator");
	try {
		throw 5;
	} catch (int v) {
		printf("  caught %d\n", v);
	}
	printf("  translator back off: %s\n", _set_se_translator(nullptr) == translate ? "yes" : "no");
	puts("== done");
	return 0;
}
