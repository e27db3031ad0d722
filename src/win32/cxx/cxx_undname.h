/* The text of Microsoft-decorated C++ names: __unDName and type_info::name
 * (".?AVexception@std@@" -> "class std::exception"). */
#ifndef LSW_CXX_UNDNAME_H
#define LSW_CXX_UNDNAME_H

#include <stddef.h>

/* Where the decoder keeps its text: a first block of its own, then blocks
 * from alloc (may be NULL), each given back to release by undname_free. */
struct undname_mem {
	void *(*alloc)(size_t);
	void (*release)(void *);
	struct und_block *blocks;
	size_t used;
	char first[6144];
};

/* The undecorated text (in mem), or NULL when the name does not follow
 * the scheme or the text does not fit.  flags: the UNDNAME_* flags. */
const char *cxx_undname(struct undname_mem *mem, const char *decorated, unsigned flags);
void cxx_undname_free(struct undname_mem *mem);

/* FALSE if the name uses what this does not read (out is then undefined). */
int cxx_undecorate_type(const char *decorated, char *out, size_t size);

#endif
