/*
 * Exceptions across modules: the program and eh_dll_lib.dll each have
 * their own copies of the type descriptors (std::exception's included), so
 * handlers match thrown types by decorated name.
 */
#include "cxx_rt.h"

#define IMPORT extern "C" __declspec(dllimport)

IMPORT void dll_throw(int kind);
IMPORT void dll_call(void (*fn)());
IMPORT int dll_catch(void (*fn)());

struct exe_error : std::exception {
	explicit exe_error(const char *msg) : std::exception(msg) {}
};

struct Noisy {
	const char *name;
	explicit Noisy(const char *n) : name(n) {}
	~Noisy() { printf("  program drops %s\n", name); }
};

static void thrower()
{
	Noisy n("thrower's local");

	throw exe_error("thrown by the program");
}

int main(int argc, char **argv)
{
	puts("== the dll's class, caught as std::exception");
	try {
		dll_throw(0);
	} catch (const std::exception &e) {
		printf("  caught: %s\n", e.what());
	}
	puts("== an int from the dll");
	try {
		dll_throw(1);
	} catch (int v) {
		printf("  caught %d\n", v);
	}
	puts("== std::exception itself, by value");
	try {
		dll_throw(2);
	} catch (std::exception e) {
		printf("  caught a copy: %s\n", e.what());
	}
	puts("== the program's exception through the dll's frame");
	try {
		dll_call(thrower);
	} catch (exe_error &e) {
		printf("  caught: %s\n", e.what());
	}
	puts("== the program's exception caught in the dll");
	printf("  dll_catch returned %d\n", dll_catch(thrower));
	puts("== done");
	return 0;
}
