/* Basic types without <stddef.h>: mingw's version declares _errno and
 * friends dllimport, which clashes with our exports. */
#ifndef LSW_MSVCRT_TYPES_H
#define LSW_MSVCRT_TYPES_H

typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#ifndef NULL
#define NULL ((void *)0)
#endif
#ifndef offsetof
#define offsetof(t, m) __builtin_offsetof(t, m)
#endif

#endif
