/*
 * __unDName, __unDNameEx: the undecorated text of a decorated name, in
 * the caller's buffer (cut to its size) or in memory from its allocator.
 * What this reads is the type part of the scheme (cxx_undname.c): type
 * names as type descriptors and __unDName with UNDNAME_TYPE_ONLY give
 * them.  Anything else (functions, data, special names) fails with NULL,
 * the documented failure.
 */
#include <string.h>
#include "cxx_undname.h"

typedef void *(*undname_alloc)(size_t);
typedef void (*undname_free)(void *);

char *__unDNameEx(char *buffer, const char *mangled, int size, undname_alloc alloc,
		  undname_free release, void *get_parameter, unsigned short flags)
{
	char text[1024], decorated[1024];
	size_t n;

	if (!mangled || (!buffer && !alloc) || strlen(mangled) + 2 > sizeof(decorated))
		return NULL;
	decorated[0] = '.';
	strcpy(decorated + 1, mangled);
	if (!cxx_undecorate_type(decorated, text, sizeof(text)))
		return NULL;
	n = strlen(text);
	if (!buffer) {
		if (!(buffer = alloc(n + 1)))
			return NULL;
		size = (int)n + 1;
	}
	if (size <= 0)
		return NULL;
	if (n >= (size_t)size)
		n = size - 1;
	memcpy(buffer, text, n);
	buffer[n] = 0;
	return buffer;
}

char *__unDName(char *buffer, const char *mangled, int size, undname_alloc alloc,
		undname_free release, unsigned short flags)
{
	return __unDNameEx(buffer, mangled, size, alloc, release, NULL, flags);
}
