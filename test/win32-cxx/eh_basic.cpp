/*
 * C++ exceptions, one behaviour a section: what is thrown, what catches it,
 * how the catch variable is made, which destructors run and when.  The
 * expected output (eh_basic.expected) is what the C++ standard and MSVC's
 * documented exception model prescribe.
 */
#include "cxx_rt.h"

#define NOINLINE __attribute__((noinline))

struct Tracked {
	const char *name;
	explicit Tracked(const char *n) : name(n) { printf("  make %s\n", name); }
	Tracked(const Tracked &o) : name(o.name) { printf("  copy %s\n", name); }
	~Tracked() { printf("  drop %s\n", name); }
};

/* Throw sites in functions of their own, so exceptions cross frames. */
NOINLINE static void throw_int(int v) { throw v; }
NOINLINE static void throw_tracked(const char *n) { throw Tracked(n); }

static void by_value_and_reference()
{
	puts("== by value and by reference");
	try {
		throw_int(42);
	} catch (long) {
		puts("  long: wrong, no conversions");
	} catch (int v) {
		printf("  int %d\n", v);
	}
	try {
		throw_tracked("t1");
	} catch (Tracked t) {
		printf("  by value %s\n", t.name);
	}
	try {
		throw_tracked("t2");
	} catch (const Tracked &t) {
		printf("  by reference %s\n", t.name);
	}
}

struct Base {
	int b = 1;
	virtual ~Base() {}
	virtual const char *who() const { return "Base"; }
};
struct Derived : Base {
	int d = 2;
	const char *who() const override { return "Derived"; }
};
struct A { int a = 10; };
struct B { int b = 20; };
struct AB : A, B { int ab = 30; };
struct V { int v = 40; V() {} V(const V &o) : v(o.v) { puts("  copy V"); } };
struct L : virtual V { int l = 50; };
struct R : virtual V { int r = 60; };
struct LR : L, R {
	LR() { v = 41; }
	LR(const LR &o) : V(o), L(o), R(o) { puts("  copy LR"); }
};

NOINLINE static void throw_derived() { throw Derived(); }
NOINLINE static void throw_ab() { throw AB(); }
NOINLINE static void throw_lr() { throw LR(); }

static void hierarchy()
{
	puts("== through the class hierarchy");
	try {
		throw_derived();
	} catch (Derived &d) {
		printf("  Derived& first: %s %d\n", d.who(), d.d);
	} catch (Base &b) {
		puts("  Base&: wrong, the first match wins");
	}
	try {
		throw_derived();
	} catch (Base &b) {
		printf("  Base& %s b=%d\n", b.who(), b.b);
	}
	try {
		throw_ab();
	} catch (B &b) {
		printf("  second base B& b=%d\n", b.b);
	}
	try {
		throw_ab();
	} catch (B b) {
		printf("  second base by value b=%d\n", b.b);
	}
	try {
		throw_lr();
	} catch (V &v) {
		printf("  virtual base V& v=%d\n", v.v);
	}
	try {
		throw_lr();
	} catch (L l) {
		printf("  virtual base's owner by value v=%d l=%d\n", l.v, l.l);
	}
}

static Derived derived_object;

NOINLINE static void throw_derived_ptr()
{
	throw &derived_object;
}

static void pointers()
{
	puts("== pointers");
	try {
		throw_derived_ptr();
	} catch (Base *b) {
		printf("  Base* %s\n", b->who());
	}
	try {
		throw_derived_ptr();
	} catch (void *p) {
		printf("  void* %s\n", p ? "set" : "null");
	}
	try {
		throw "text";
	} catch (char *) {
		puts("  char*: wrong, the string is const");
	} catch (const char *s) {
		printf("  const char* %s\n", s);
	}
}

NOINLINE static void level3()
{
	Tracked c("level3");
	throw_int(3);
}

NOINLINE static void level2()
{
	Tracked b("level2");
	level3();
	puts("  not reached");
}

NOINLINE static void level1()
{
	Tracked a("level1");
	try {
		level2();
	} catch (const char *) {
		puts("  wrong handler");
	}
}

static void unwinding()
{
	puts("== destructors while unwinding");
	try {
		Tracked outer("outer");
		level1();
	} catch (int v) {
		printf("  caught %d after the destructors\n", v);
	}
}

static void ellipsis()
{
	puts("== catch (...)");
	try {
		throw_tracked("any");
	} catch (int) {
		puts("  int: wrong");
	} catch (...) {
		puts("  caught by ...");
	}
}

struct Counter {
	int n;
	Counter() : n(0) {}
	Counter(const Counter &o) : n(o.n) { puts("  copy Counter: wrong"); }
	~Counter() { printf("  drop Counter n=%d\n", n); }
};

NOINLINE static void throw_counter() { throw Counter(); }

static void rethrow()
{
	puts("== rethrow: the same object, destroyed once");
	try {
		try {
			throw_counter();
		} catch (Counter &c) {
			c.n = 7;
			puts("  inner caught, rethrowing");
			throw;
		}
	} catch (Counter &c) {
		printf("  outer sees n=%d\n", c.n);
	}
}

static void nested_try()
{
	puts("== nested try blocks");
	try {
		try {
			throw_int(1);
		} catch (const char *) {
			puts("  inner: wrong");
		}
		puts("  not reached");
	} catch (int v) {
		printf("  outer %d\n", v);
	}
	try {
		try {
			throw_int(2);
		} catch (int v) {
			printf("  inner %d\n", v);
		}
		puts("  after the inner try");
	} catch (...) {
		puts("  outer: wrong");
	}
}

NOINLINE static void throw_in_catch()
{
	try {
		throw_int(5);
	} catch (int v) {
		Tracked t("in-catch");
		printf("  caught %d, throwing another\n", v);
		throw_tracked("second");
	}
}

static void throw_from_catch()
{
	puts("== a new exception thrown in a catch block");
	try {
		try {
			throw_int(4);
		} catch (int v) {
			printf("  caught %d, throwing another\n", v);
			throw_tracked("replacement");
		}
	} catch (Tracked &t) {
		printf("  outer caught %s\n", t.name);
	}
	try {
		throw_in_catch();
	} catch (Tracked &t) {
		printf("  caller caught %s\n", t.name);
	}
}

static void rethrow_inside_catch()
{
	puts("== rethrow caught inside the same catch block");
	try {
		throw_counter();
	} catch (Counter &c) {
		c.n = 1;
		try {
			throw;
		} catch (Counter &again) {
			again.n = 2;
			puts("  caught again inside");
		}
		printf("  the first catch goes on, n=%d\n", c.n);
	}
}

#ifdef MSVCRT_ONLY
static int __uncaught_exceptions() { return __uncaught_exception(); }
#endif

struct Watcher {
	~Watcher() { printf("  uncaught while unwinding: %d\n", __uncaught_exceptions()); }
};

/* vcruntime140's current exception (msvcrt has no such export). */
static void current(const char *when)
{
#ifndef MSVCRT_ONLY
	void *rec = *__current_exception();

	if (rec)
		printf("  current %s: code %08X\n", when, *(unsigned *)rec);
	else
		printf("  current %s: none\n", when);
#endif
}

NOINLINE static void watched_throw()
{
	Watcher w;
	throw_int(9);
}

static void uncaught()
{
	puts("== uncaught exceptions and the current exception");
	printf("  before: %d\n", __uncaught_exceptions());
	current("before");
	try {
		watched_throw();
	} catch (int) {
		printf("  in the catch: %d\n", __uncaught_exceptions());
		current("in the catch");
	}
	printf("  after: %d\n", __uncaught_exceptions());
	current("after");
	{
		Watcher quiet;
	}
}

NOINLINE static void throw_std() { throw std::exception("std message"); }

static void std_exception()
{
	puts("== std::exception");
	try {
		throw_std();
	} catch (const std::exception &e) {
		printf("  what: %s\n", e.what());
	}
	try {
		throw_std();
	} catch (std::exception e) {
		printf("  copied what: %s\n", e.what());
	}
	try {
		throw std::exception();
	} catch (std::exception &e) {
		printf("  default what: %s\n", e.what());
	}
}

/* Its own operator new and delete, which the compiler may not leave out. */
static int allocations, frees;

struct ThrowsInCtor {
	int x;
	static void *operator new(size_t n)
	{
		allocations++;
		return malloc(n);
	}
	static void operator delete(void *p)
	{
		frees++;
		free(p);
	}
	ThrowsInCtor() { throw_int(7); }
};

static void new_throws()
{
	puts("== a constructor throws in a new-expression");
	try {
		ThrowsInCtor *p = new ThrowsInCtor;
		printf("  wrong: %p\n", (void *)p);
	} catch (int v) {
		printf("  caught %d; allocated %d, freed %d\n", v, allocations, frees);
	}
}

static int drops;
struct Deep {
	~Deep() { drops++; }
};

NOINLINE static void recurse(int n)
{
	Deep d;
	if (!n)
		throw_int(100);
	recurse(n - 1);
}

static void deep_and_many()
{
	puts("== deep stacks and many throws");
	try {
		recurse(60);
	} catch (int v) {
		printf("  caught %d after %d destructors\n", v, drops);
	}
	int caught = 0;
	for (int i = 0; i < 2000; i++) {
		try {
			throw_int(i);
		} catch (int v) {
			caught += v == i;
		}
	}
	printf("  %d of 2000 caught\n", caught);
}

int main(int argc, char **argv)
{
	by_value_and_reference();
	hierarchy();
	pointers();
	unwinding();
	ellipsis();
	rethrow();
	nested_try();
	throw_from_catch();
	rethrow_inside_catch();
	uncaught();
	std_exception();
	new_throws();
	deep_and_many();
	puts("== done");
	return 0;
}
