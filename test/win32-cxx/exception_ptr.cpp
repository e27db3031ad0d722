/*
 * std::exception_ptr as MSVC's <exception> builds it on msvcp140's
 * __ExceptionPtr* exports: null pointers, current_exception inside and
 * outside a catch, rethrow_exception (the object kept alive after its catch
 * ended, rethrown more than once, caught through a base class),
 * make_exception_ptr (__GetExceptionInfo gives the ThrowInfo, as MSVC's
 * header does), copies, assignment, swap, comparison, a null rethrow
 * (std::bad_exception, as documented), and every object copy destroyed at
 * the end.
 */
#include "cxx_rt.h"

void __cdecl __ExceptionPtrCreate(void *);
void __cdecl __ExceptionPtrDestroy(void *);
void __cdecl __ExceptionPtrCopy(void *, const void *);
void __cdecl __ExceptionPtrAssign(void *, const void *);
bool __cdecl __ExceptionPtrCompare(const void *, const void *);
bool __cdecl __ExceptionPtrToBool(const void *);
void __cdecl __ExceptionPtrSwap(void *, void *);
void __cdecl __ExceptionPtrCurrentException(void *);
[[noreturn]] void __cdecl __ExceptionPtrRethrow(const void *);
void __cdecl __ExceptionPtrCopyException(void *, const void *, const void *);
template <class T> void *__GetExceptionInfo(T);

/* <exception>'s class: every member calls the runtime. */
class exception_ptr {
public:
	exception_ptr() noexcept { __ExceptionPtrCreate(this); }
	~exception_ptr() noexcept { __ExceptionPtrDestroy(this); }
	exception_ptr(const exception_ptr &o) noexcept { __ExceptionPtrCopy(this, &o); }
	exception_ptr &operator=(const exception_ptr &o) noexcept
	{
		__ExceptionPtrAssign(this, &o);
		return *this;
	}
	explicit operator bool() const noexcept { return __ExceptionPtrToBool(this); }
	bool operator==(const exception_ptr &o) const noexcept { return __ExceptionPtrCompare(this, &o); }
#ifndef SWAP_INLINE
	void swap(exception_ptr &o) noexcept { __ExceptionPtrSwap(this, &o); }
#else   /* for Wine 8.0, which lacks __ExceptionPtrSwap */
	void swap(exception_ptr &o) noexcept
	{
		void *a = _Data1, *b = _Data2;

		_Data1 = o._Data1, _Data2 = o._Data2, o._Data1 = a, o._Data2 = b;
	}
#endif
	void *data1() const { return _Data1; }

private:
	void *_Data1, *_Data2;
};

static exception_ptr current_exception()
{
	exception_ptr p;

	__ExceptionPtrCurrentException(&p);
	return p;
}

template <class E> static exception_ptr make_exception_ptr(E e)
{
	exception_ptr p;

	__ExceptionPtrCopyException(&p, &e, __GetExceptionInfo(e));
	return p;
}

[[noreturn]] static void rethrow_exception(exception_ptr p)
{
	__ExceptionPtrRethrow(&p);
}

static int live;    /* Tracked objects in existence */

struct Base {
	int value;
	explicit Base(int v) : value(v) { live++; }
	Base(const Base &o) : value(o.value) { live++; }
	virtual ~Base() { live--; }
	virtual const char *name() const { return "Base"; }
};

struct Derived : Base {
	char text[40];
	Derived(int v, const char *t) : Base(v)
	{
		int i = 0;

		for (; t[i] && i < 39; i++)
			text[i] = t[i];
		text[i] = 0;
	}
	const char *name() const override { return "Derived"; }
};

__attribute__((noinline)) static void thrower(int v)
{
	throw Derived(v, "from thrower");
}

static exception_ptr capture(int v)
{
	try {
		thrower(v);
	} catch (const Base &b) {
		exception_ptr p = current_exception();

		printf("  in the catch: %s %d, pointer set %d\n", b.name(), b.value, (int)(bool)p);
		return p;
	}
	return exception_ptr();
}

static void rethrow_and_catch(const exception_ptr &p, const char *label)
{
	try {
		rethrow_exception(p);
	} catch (Derived &d) {
		printf("  %s: caught Derived %d \"%s\"\n", label, d.value, d.text);
		d.value += 100;     /* its own copy: the stored one stays */
	} catch (...) {
		printf("  %s: wrong handler\n", label);
	}
}

static void null_pointers()
{
	exception_ptr a, b;

	puts("== null exception_ptr");
	printf("  set %d, equal to another null %d, reference field %s\n", (int)(bool)a,
	       (int)(a == b), a.data1() ? "set" : "NULL");
	printf("  current_exception outside a catch: set %d\n", (int)(bool)current_exception());
}

static void current_and_rethrow()
{
	puts("== current_exception, then rethrow_exception after the catch ended");
	exception_ptr p = capture(7);

	printf("  after the catch: set %d, live objects %d\n", (int)(bool)p, live);
	rethrow_and_catch(p, "first rethrow");
	rethrow_and_catch(p, "second rethrow");
	printf("  live objects %d, uncaught_exceptions %d\n", live, __uncaught_exceptions());
}

static void copies()
{
	puts("== copies, assignment, swap, comparison");
	exception_ptr p = capture(1), q = capture(2), n;
	exception_ptr c(p);

	printf("  copy equal %d, two captures equal %d, null equal %d\n", (int)(c == p),
	       (int)(p == q), (int)(n == p));
	n = q;
	printf("  assigned equal %d\n", (int)(n == q));
	n = n;
	printf("  self-assigned still set %d\n", (int)(bool)n);
	p.swap(q);
	printf("  swapped: copy now equals the second %d\n", (int)(c == q));
	rethrow_and_catch(q, "the copy's exception");
	n = exception_ptr();
	printf("  assigned null: set %d\n", (int)(bool)n);
}

static void made()
{
	puts("== make_exception_ptr");
	exception_ptr i = make_exception_ptr(42);

	try {
		rethrow_exception(i);
	} catch (int v) {
		printf("  caught int %d\n", v);
	}
	{
		exception_ptr d = make_exception_ptr(Derived(5, "made"));

		printf("  live objects with the made one %d\n", live);
		rethrow_and_catch(d, "made Derived");
	}
	printf("  live objects after it %d\n", live);
}

static void nested()
{
	puts("== current_exception of a rethrown exception_ptr");
	exception_ptr p = capture(9), again;

	try {
		rethrow_exception(p);
	} catch (Base &) {
		again = current_exception();
	}
	printf("  a copy of its own: equal %d\n", (int)(again == p));
	rethrow_and_catch(again, "its rethrow");
}

static void null_rethrow()
{
	puts("== rethrow_exception of a null pointer");
	try {
		rethrow_exception(exception_ptr());
	} catch (const std::exception &e) {
		printf("  caught std::exception \"%s\"\n", e.what());
	}
}

int main()
{
	null_pointers();
	current_and_rethrow();
	copies();
	made();
	nested();
	null_rethrow();
	printf("== end: live objects %d, uncaught_exceptions %d\n", live, __uncaught_exceptions());
	return 0;
}
