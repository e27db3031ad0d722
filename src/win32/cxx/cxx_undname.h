/* Type names as type_info::name() spells them, from the decorated names
 * of type descriptors (".?AVexception@std@@" -> "class std::exception"). */
#ifndef LSW_CXX_UNDNAME_H
#define LSW_CXX_UNDNAME_H

#include <stddef.h>

/* FALSE if the name uses what this does not read (out is then undefined). */
int cxx_undecorate_type(const char *decorated, char *out, size_t size);

#endif
