/*
 * The Microsoft C++ name decoder's shared state (cxx_undname*.c).
 *
 * A decorated name is read left to right by recursive descent; the text
 * is built in an arena of immutable strings.  A type's text is split in a
 * left and a right part around the place a declarator's name goes
 * ("int (__cdecl*" NAME ")(long)"), so pointers, arrays and functions nest
 * the way C declarators do.
 */
#ifndef LSW_CXX_UNDNAME_PRIV_H
#define LSW_CXX_UNDNAME_PRIV_H

#include <stddef.h>
#include "cxx_undname.h"

/* The UNDNAME_* flags of __unDName (documented with UnDecorateSymbolName). */
#define UND_NO_LEADING_UNDERSCORES 0x0001
#define UND_NO_MS_KEYWORDS         0x0002
#define UND_NO_FUNCTION_RETURNS    0x0004
#define UND_NO_ALLOCATION_LANGUAGE 0x0010
#define UND_NO_MS_THISTYPE         0x0020
#define UND_NO_CV_THISTYPE         0x0040
#define UND_NO_ACCESS_SPECIFIERS   0x0080
#define UND_NO_MEMBER_TYPE         0x0200
#define UND_NAME_ONLY              0x1000
#define UND_TYPE_ONLY              0x2000   /* UNDNAME_NO_ARGUMENTS */

#define UND_BACKREFS 10

/* Names and argument types seen so far, which digits 0-9 repeat. */
struct und_table {
	const char *item[UND_BACKREFS];
	int n;
};

struct und_block;

struct und {
	const char *p;          /* the next character to read */
	unsigned flags;
	int error;
	int depth;              /* nesting, bounded against hostile input */
	struct und_table *names, *args;
	struct undname_mem *mem;
	int drop_self_cv;       /* a variable's pointer: its storage gives cv */
	const char *rtti_type;  /* ??_R0: the described type, shown first */
};

/* A type's text around the declarator's name. */
struct und_type {
	const char *left, *right;
	int fn_star;            /* left ends in a function pointer's "cc*" */
	int array;              /* right begins with its bounds */
	int pointer;            /* a pointer or reference */
	/* A function type: left/right are its return type's, then these. */
	int function, no_return, return_cv;
	const char *cc, *params;        /* "__cdecl", "(int)const " */
};

/* A member's modifiers: E __ptr64, F __unaligned, I __restrict, G & and
 * H && (a member function's ref-qualifier), then cv. */
struct und_mods {
	int ptr64, unaligned, restrict_, ref, cv;
};

/* cxx_undname_text.c */
char *und_alloc(struct und *u, size_t n);
const char *und_cat(struct und *u, ...);
const char *und_dup(struct und *u, const char *s, size_t n);
int und_number(struct und *u, long long *value);
const char *und_number_text(struct und *u);
const char *und_keyword(struct und *u, const char *kw);
const char *und_cv(int cv);
void und_remember(struct und *u, struct und_table *t, const char *item);
const char *und_this_mods(struct und *u, const struct und_mods *m);
void und_read_mods(struct und *u, struct und_mods *m);
int und_enter(struct und *u);

/* cxx_undname_name.c */
const char *und_simple_name(struct und *u);
const char *und_fragment(struct und *u);
const char *und_qualified_rest(struct und *u, const char *first, const char **innermost);
const char *und_qualified(struct und *u);
const char *und_template_args(struct und *u, const char *name, int to_end);
const char *und_first_fragment(struct und *u, int *kind, const char **targs);

/* cxx_undname_type.c */
int und_type(struct und *u, struct und_type *t);
int und_data_type(struct und *u, struct und_type *t);
const char *und_type_text(struct und *u, const struct und_type *t);
const char *und_calling_convention(struct und *u);
int und_function(struct und *u, int member, struct und_type *t);
const char *und_arguments(struct und *u);

/* cxx_undname_symbol.c */
const char *und_symbol(struct und *u);

/* Kinds of a symbol's own name (und_operator). */
enum { UND_NAME, UND_CTOR, UND_DTOR, UND_CONV, UND_OPERATOR, UND_SPECIAL };

#endif
