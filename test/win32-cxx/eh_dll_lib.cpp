/*
 * The DLL half of eh_dll: it throws its own exception class (derived from
 * std::exception, described by its own copy of the type descriptors), lets
 * the program's exceptions through its frames, and catches them.
 */
#include "cxx_rt.h"

#define EXPORT extern "C" __declspec(dllexport)

struct dll_error : std::exception {
	int code;
	dll_error(const char *msg, int c) : std::exception(msg), code(c) {}
};

struct Noisy {
	const char *name;
	explicit Noisy(const char *n) : name(n) {}
	~Noisy() { printf("  dll drops %s\n", name); }
};

EXPORT void dll_throw(int kind)
{
	Noisy n("dll_throw's local");

	if (kind == 0)
		throw dll_error("thrown in the dll", 7);
	if (kind == 1)
		throw 42;
	throw std::exception("plain std::exception from the dll");
}

/* The program's exception passes through this frame. */
EXPORT void dll_call(void (*fn)())
{
	Noisy n("dll_call's local");

	fn();
	puts("  not reached");
}

EXPORT int dll_catch(void (*fn)())
{
	try {
		fn();
	} catch (const std::exception &e) {
		printf("  the dll caught: %s\n", e.what());
		return 1;
	}
	return 0;
}
