/* The per-thread functions a program may install: the structured
 * exception translator and the unexpected handler. */
#include "cxx_private.h"

cxx_translator _set_se_translator(cxx_translator fn)
{
	struct cxx_thread *t = cxx_thread();
	cxx_translator old = t->translator;

	t->translator = fn;
	return old;
}

cxx_handler_fn set_unexpected(cxx_handler_fn fn)
{
	struct cxx_thread *t = cxx_thread();
	cxx_handler_fn old = t->unexpected;

	t->unexpected = fn;
	return old;
}

cxx_handler_fn _get_unexpected(void)
{
	return cxx_thread()->unexpected;
}

/* The handler, and terminate if there is none or it returns. */
void unexpected(void)
{
	cxx_handler_fn fn = cxx_thread()->unexpected;

	if (fn)
		fn();
	cxx_terminate();
}
