/*
 * The ways a C++ program ends when exception handling cannot go on, one
 * per argument.  Each prints what it is about to do; the test checks the
 * exit status and the end of the output.
 *   unhandled   nothing catches: the exception reaches the unhandled
 *               exception filter (no CRT start-up code installs one here)
 *   rethrow     "throw;" with no exception being handled: the same
 *   noexcept    an exception leaves a noexcept function: terminate (clang
 *               puts a terminate cleanup in the function)
 *   flag        the same as MSVC marks it, by a flag in the function's tables
 *               (eh_retable.py +noexcept): terminate in the search, before
 *               any destructor runs
 *   dtor        a destructor throws while unwinding: terminate
 *   copy        the catch variable's copy constructor throws: terminate
 *   purecall    a pure virtual function is called
 *   av          /EHs: catch (...) does not take an access violation
 *   handler     msvcrt: set_terminate's handler runs, then abort
 */
#include "cxx_rt.h"

extern "C" int fflush(void *);

#ifdef MSVCRT_ONLY
typedef void (*terminate_handler)();
terminate_handler set_terminate(terminate_handler);
#endif

static void say(const char *what)
{
	puts(what);
	fflush(nullptr);
}

__attribute__((noinline)) static void throw_int() { throw 1; }

__attribute__((noinline)) static void no_throw() noexcept
{
	throw_int();
}

/* Called through a pointer of a type without noexcept, the call keeps the
 * try block around it: the exception is caught in the search pass and the
 * unwind reaches no_throw's terminate cleanup. */
static void (*volatile call_no_throw)() = no_throw;

struct Quiet {
	~Quiet() { say("destructor of the flagged function's local: wrong"); }
};

/* Its tables get the noexcept flag (eh_retable.py +noexcept). */
__attribute__((noinline)) static void noexcept_marked()
{
	Quiet q;

	throw_int();
}

struct ThrowingDtor {
	~ThrowingDtor() noexcept(false)
	{
		say("destructor throws while unwinding");
		throw 2;
	}
};

struct ThrowingCopy {
	ThrowingCopy() {}
	ThrowingCopy(const ThrowingCopy &)
	{
		say("copy constructor throws");
		throw 3;
	}
};

struct Abstract {
	Abstract();
	virtual void f() = 0;
	virtual ~Abstract() {}
};

struct Concrete : Abstract {
	void f() override {}
};

__attribute__((noinline)) static void call_f(Abstract *a) { a->f(); }

/* The base constructor calls f() while the object is still an Abstract. */
Abstract::Abstract()
{
	say("calling a pure virtual function");
	call_f(this);
}

static void handler()
{
	say("terminate handler runs");
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "unhandled")) {
		say("throwing with no handler");
		throw_int();
	} else if (!strcmp(mode, "rethrow")) {
		say("rethrowing with nothing caught");
		throw;
	} else if (!strcmp(mode, "noexcept")) {
		say("throwing out of a noexcept function");
		try {
			call_no_throw();
		} catch (...) {
			say("caught: wrong");
		}
	} else if (!strcmp(mode, "flag")) {
		say("throwing out of a function flagged noexcept");
		try {
			noexcept_marked();
		} catch (...) {
			say("caught: wrong");
		}
	} else if (!strcmp(mode, "dtor")) {
		try {
			ThrowingDtor d;
			throw_int();
		} catch (...) {
			say("caught: wrong");
		}
	} else if (!strcmp(mode, "copy")) {
		try {
			throw ThrowingCopy();
		} catch (ThrowingCopy c) {
			say("caught: wrong");
		} catch (int) {
			say("caught the copy's exception: wrong");
		}
	} else if (!strcmp(mode, "purecall")) {
		Concrete c;
	} else if (!strcmp(mode, "av")) {
		try {
			say("touching address 0 in a try block");
			*(volatile int *)0 = 1;
		} catch (...) {
			say("caught: wrong under /EHs");
		}
#ifdef MSVCRT_ONLY
	} else if (!strcmp(mode, "handler")) {
		set_terminate(handler);
		try {
			ThrowingDtor d;
			throw_int();
		} catch (...) {
			say("caught: wrong");
		}
#endif
	}
	say("still running: wrong");
	return 0;
}
