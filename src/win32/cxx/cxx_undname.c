/*
 * The undecorated text of a name in Microsoft's C++ decoration scheme:
 * a symbol ("?name@scope@@" and what it names, cxx_undname_symbol.c) or,
 * with UNDNAME_NO_ARGUMENTS, a type alone (as type descriptors hold them).
 */
#include <string.h>
#include "cxx_undname_priv.h"

static void start(struct und *u, struct undname_mem *mem, const char *s, unsigned flags,
		  struct und_table *names, struct und_table *args)
{
	memset(u, 0, sizeof(*u));
	u->p = s;
	u->flags = flags;
	u->mem = mem;
	u->names = names;
	u->args = args;
}

/* "??_C@_" a string literal's: its bytes are not shown. */
static int string_literal(const char *s)
{
	return !strncmp(s, "??_C@_", 6);
}

static const char *decode_type(struct undname_mem *mem, const char *s, unsigned flags)
{
	struct und_table names = { .n = 0 }, args = { .n = 0 };
	struct und u;
	struct und_type t;
	const char *text;

	start(&u, mem, s, flags, &names, &args);
	if (!und_type(&u, &t))
		return NULL;
	text = und_type_text(&u, &t);
	return u.error || *u.p ? NULL : text;
}

static const char *decode_symbol(struct undname_mem *mem, const char *s, unsigned flags)
{
	struct und_table names = { .n = 0 }, args = { .n = 0 };
	struct und u;
	const char *text;

	start(&u, mem, s, flags, &names, &args);
	text = und_symbol(&u);
	return u.error || *u.p ? NULL : text;
}

const char *cxx_undname(struct undname_mem *mem, const char *decorated, unsigned flags)
{
	const char *text = NULL;

	mem->blocks = NULL;
	mem->used = 0;
	if (!decorated)
		return NULL;
	if (string_literal(decorated))
		return "`string'";
	if ((flags & UND_TYPE_ONLY) && (decorated[0] != '?' ||
					(decorated[1] >= 'A' && decorated[1] <= 'D')))
		text = decode_type(mem, decorated, flags);
	if (!text && decorated[0] == '?')
		text = decode_symbol(mem, decorated, flags);
	return text;
}

int cxx_undecorate_type(const char *decorated, char *out, size_t size)
{
	struct undname_mem mem = { .alloc = NULL };
	const char *text = NULL;
	size_t n;

	if (decorated[0] == '.')
		text = decode_type(&mem, decorated + 1, UND_TYPE_ONLY);
	if (!text || (n = strlen(text)) >= size)
		return 0;
	memcpy(out, text, n + 1);
	return 1;
}
