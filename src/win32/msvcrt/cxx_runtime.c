/*
 * msvcrt's C++ runtime ends: terminate() with its per-thread handler
 * (set_terminate), _purecall, and operator new/delete; the new handler
 * is the C runtime's (../crt/heap.c).  The exception engine itself is ../cxx.
 */
#include "cxx/cxx_private.h"

void __cdecl _amsg_exit(int num) __attribute__((noreturn));

int __cdecl _callnewh(size_t n);

const char cxx_typeid_null_message[] = "Attempted a typeid of NULL pointer!";

/* The thread's terminate handler, then abort() (if it returns). */
void cxx_terminate(void)
{
	cxx_handler_fn fn = cxx_thread()->terminate;

	if (fn)
		fn();
	abort();
}

void msvcrt_terminate(void)
{
	cxx_terminate();
}

cxx_handler_fn msvcrt_set_terminate(cxx_handler_fn fn)
{
	struct cxx_thread *t = cxx_thread();
	cxx_handler_fn old = t->terminate;

	t->terminate = fn;
	return old;
}

/* A pure virtual function was called: runtime error R6025. */
int _purecall(void)
{
	_amsg_exit(25);
}

/* msvcrt's operator new predates std::bad_alloc: NULL when the handler
 * gives up. */
void *msvcrt_operator_new(size_t n)
{
	void *p;

	while (!(p = malloc(n)) && _callnewh(n))
		;
	return p;
}

void msvcrt_operator_delete(void *p)
{
	free(p);
}
