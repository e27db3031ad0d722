/*
 * __unDName, __unDNameEx: the undecorated text of a decorated name, in
 * the caller's buffer (cut to its size) or in memory from its allocator,
 * which also holds the decoder's working text.  A name that does not
 * follow the scheme comes back as it is, as Windows gives it.
 */
#include <string.h>
#include "cxx_undname.h"

typedef void *(*undname_alloc)(size_t);
typedef void (*undname_free)(void *);

char *__unDNameEx(char *buffer, const char *mangled, int size, undname_alloc alloc,
		  undname_free release, void *get_parameter, unsigned short flags)
{
	struct undname_mem mem = { .alloc = alloc, .release = release };
	const char *text;
	size_t n;

	(void)get_parameter;
	if (!mangled || (!buffer && !alloc))
		return NULL;
	text = cxx_undname(&mem, mangled, flags);
	if (!text)
		text = mangled;
	n = strlen(text);
	if (!buffer) {
		buffer = alloc(n + 1);
		size = (int)n + 1;
	}
	if (buffer && size > 0) {
		if (n >= (size_t)size)
			n = (size_t)size - 1;
		memcpy(buffer, text, n);
		buffer[n] = 0;
	} else {
		buffer = NULL;
	}
	cxx_undname_free(&mem);
	return buffer;
}

char *__unDName(char *buffer, const char *mangled, int size, undname_alloc alloc,
		undname_free release, unsigned short flags)
{
	return __unDNameEx(buffer, mangled, size, alloc, release, NULL, flags);
}
