/* std::exception's message, which <vcruntime_exception.h>'s inline
 * members keep through these: copied when the exception owns it. */
#include "cxx/cxx_private.h"

struct std_exception_data {
	const char *what;
	BOOLEAN do_free;            /* the message is ours to free */
};

void __std_exception_copy(const struct std_exception_data *from, struct std_exception_data *to)
{
	size_t n;
	char *copy;

	to->what = NULL;
	to->do_free = FALSE;
	if (!from->do_free || !from->what) {
		to->what = from->what;
		return;
	}
	n = strlen(from->what) + 1;
	copy = HeapAlloc(GetProcessHeap(), 0, n);
	if (!copy)
		return;
	memcpy(copy, from->what, n);
	to->what = copy;
	to->do_free = TRUE;
}

void __std_exception_destroy(struct std_exception_data *data)
{
	if (data->do_free)
		HeapFree(GetProcessHeap(), 0, (void *)data->what);
	data->what = NULL;
	data->do_free = FALSE;
}
