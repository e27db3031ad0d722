/*
 * RTTI: type_info's names and comparisons, typeid of polymorphic objects,
 * dynamic_cast down, across and to void *, and the exceptions they throw.
 */
#include "cxx_rt.h"

/* What the headers declare of them (msvcrt exports its members). */
#ifndef MSVCRT_ONLY
namespace std {
class bad_cast : public exception {
public:
	explicit bad_cast(const char *m) : exception(m) {}
};
class bad_typeid : public exception {};
}
#else
class __declspec(dllimport) bad_cast : public exception {
public:
	bad_cast(const char *const &m);
	bad_cast(const bad_cast &);
	virtual ~bad_cast();
};
class __declspec(dllimport) bad_typeid : public exception {
public:
	bad_typeid(const char *m);
	bad_typeid(const bad_typeid &);
	virtual ~bad_typeid();
};
namespace std {
using ::bad_cast;
using ::bad_typeid;
}
#endif

namespace outer {
namespace inner {
struct Named {};
}
template <class T, int N> struct Box {
	T value[N];
};
}
enum Colour { red };
union Both {
	int i;
	float f;
};

struct Base {
	virtual ~Base() {}
};
struct Left : Base {};
struct Right {
	virtual ~Right() {}
};
struct Both2 : Left, Right {};
struct Other : Base {};
struct V {
	virtual ~V() {}
};
struct VL : virtual V {};
struct VR : virtual V {};
struct Diamond : VL, VR {};

static void names()
{
	puts("== type_info names");
	printf("  %s\n", typeid(int).name());
	printf("  %s\n", typeid(unsigned long long).name());
	printf("  %s\n", typeid(const char *).name());
	printf("  %s\n", typeid(outer::inner::Named).name());
	printf("  %s\n", typeid(outer::Box<short, 3>).name());
	printf("  %s\n", typeid(outer::Box<outer::inner::Named *, 1>).name());
	printf("  %s\n", typeid(Colour).name());
	printf("  %s\n", typeid(Both).name());
	printf("  %s\n", typeid(Base &).name());
	printf("  raw %s\n", typeid(Base).raw_name());
	printf("  same type equal: %d, different: %d\n", typeid(Left) == typeid(Left),
	       typeid(Left) == typeid(Right));
#ifndef MSVCRT_ONLY
	/* FNV-1a of "H" (".H" past its dot), high half folded into the low */
	printf("  hash of int: %llx\n", (unsigned long long)typeid(int).hash_code());
#endif
}

__attribute__((noinline)) static Base *make(int which)
{
	static Left left;
	static Both2 both;
	static Other other;

	return which == 0 ? (Base *)&left : which == 1 ? (Base *)&both : (Base *)&other;
}

static void dynamic()
{
	Base *b = make(1);
	V *v;
	static Diamond diamond;

	puts("== typeid of a polymorphic object");
	printf("  %s\n", typeid(*b).name());
	printf("  %s\n", typeid(*make(0)).name());
	puts("== dynamic_cast");
	printf("  down to Both2: %s\n", dynamic_cast<Both2 *>(b) ? "yes" : "no");
	printf("  Left object down to Both2: %s\n", dynamic_cast<Both2 *>(make(0)) ? "yes" : "no");
	Right *r = dynamic_cast<Right *>(b);
	printf("  across to Right: %s, back: %s\n", r ? "yes" : "no",
	       r && dynamic_cast<Base *>(r) == b ? "same" : "different");
	printf("  to void*: %s\n", dynamic_cast<void *>(r) == (void *)(Both2 *)make(1) ? "complete" : "wrong");
	printf("  Other to Left: %s\n", dynamic_cast<Left *>(make(2)) ? "yes" : "no");
	v = &diamond;
	printf("  through a virtual base: %s\n",
	       dynamic_cast<Diamond *>(v) == &diamond ? "found" : "wrong");
	printf("  null stays null: %s\n", dynamic_cast<Left *>((Base *)nullptr) ? "no" : "yes");
}

__attribute__((noinline)) static Base *null_base() { return nullptr; }

static void failures()
{
	puts("== what failures throw");
	try {
		Other &o = dynamic_cast<Other &>(*make(0));
		printf("  wrong: %p\n", (void *)&o);
	} catch (std::bad_cast &e) {
		printf("  bad_cast: %s\n", e.what());
		/* the runtime's type descriptors are polymorphic type_info objects */
		printf("  its type: %s, itself a %s\n", typeid(e).name(), typeid(typeid(e)).name());
	}
	try {
		printf("  wrong: %s\n", typeid(*null_base()).name());
	} catch (std::bad_typeid &e) {
		printf("  bad_typeid: %s\n", e.what());
	}
	try {
		throw std::bad_cast("the program's own");
	} catch (std::exception &e) {
		printf("  caught as std::exception: %s\n", e.what());
	}
}

int main(int argc, char **argv)
{
	names();
	dynamic();
	failures();
	puts("== done");
	return 0;
}
