/*
 * Qualified names: fragments innermost first, each ended by '@', the whole
 * by another '@'.  A fragment is an identifier, a digit naming one of the
 * last ten seen, "?$name@args@" (a template instance, whose arguments have
 * back-references of their own), "??" and a whole decorated name (a scope
 * inside a function), "?A0x...@" (an anonymous namespace) or "?" and a
 * number (a numbered scope).  The first fragment of a symbol may also be
 * an operator code: "?0" constructor, "?H" operator+, "?_7" vftable...
 */
#include <string.h>
#include "cxx_undname_priv.h"

static int identifier_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$' || c == '<' || c == '>' || c == '-' || c >= 0x80;
}

const char *und_simple_name(struct und *u)
{
	const char *start = u->p;

	while (identifier_char((unsigned char)*u->p))
		u->p++;
	if (*u->p != '@' || u->p == start) {
		u->error = 1;
		return "";
	}
	u->p++;
	return und_dup(u, start, (size_t)(u->p - 1 - start));
}

/* "$0" and the other non-type template arguments ('$' already read). */
static const char *template_value(struct und *u)
{
	char c = *u->p++;

	if (c == '0')
		return und_number_text(u);
	if (c == 'D')
		return und_cat(u, "`template-parameter", und_number_text(u), "'", NULL);
	if (c == '1' || c == 'E') {
		const char *sym;

		if (*u->p != '?') {
			u->error = 1;
			return "";
		}
		sym = und_symbol(u);
		return c == '1' ? und_cat(u, "&", sym, NULL) : sym;
	}
	if (c == 'F' || c == 'G') {
		const char *a = und_number_text(u), *b = und_number_text(u);

		if (c == 'F')
			return und_cat(u, "{", a, ",", b, "}", NULL);
		return und_cat(u, "{", a, ",", b, ",", und_number_text(u), "}", NULL);
	}
	if (c == 'S')
		return NULL;            /* an empty pack */
	u->error = 1;
	return "";
}

/* One template argument; NULL for an empty pack. */
static const char *template_arg(struct und *u)
{
	const char *start = u->p, *text;
	struct und_type t;

	if (u->p[0] == '$' && u->p[1] == '$' && (u->p[2] == 'V' || u->p[2] == 'Z')) {
		u->p += 3;
		return NULL;
	}
	if (u->p[0] == '$' && u->p[1] != '$') {
		u->p++;
		return template_value(u);
	}
	if (*u->p == '?')       /* the '?' is the number's sign */
		return und_cat(u, "`template-parameter", und_number_text(u), "'", NULL);
	if (*u->p >= '0' && *u->p <= '9') {
		int i = *u->p++ - '0';

		if (i >= u->args->n) {
			u->error = 1;
			return "";
		}
		return u->args->item[i];
	}
	if (!und_type(u, &t))
		return "";
	text = und_type_text(u, &t);
	if (u->p - start > 1)
		und_remember(u, u->args, text);
	return text;
}

/* "<args>" of a template instance named name (NULL: an operator's), read
 * with back-reference tables of its own, up to '@' or (to_end) the end. */
const char *und_template_args(struct und *u, const char *name, int to_end)
{
	struct und_table names = { .n = 0 }, args = { .n = 0 };
	struct und_table *saved_names = u->names, *saved_args = u->args;
	const char *text = "";
	size_t n;

	if (!und_enter(u))
		return "";
	u->names = &names, u->args = &args;
	if (name)
		und_remember(u, &names, name);
	while (!u->error && *u->p && *u->p != '@') {
		const char *arg = template_arg(u);

		if (arg)
			text = und_cat(u, text, *text ? "," : "", arg, NULL);
	}
	if (*u->p == '@')
		u->p++;
	else if (!to_end)
		u->error = 1;
	u->names = saved_names, u->args = saved_args;
	u->depth--;
	n = strlen(text);
	return und_cat(u, "<", text, n && text[n - 1] == '>' ? " >" : ">", NULL);
}

static const char *nested_symbol(struct und *u)
{
	struct und_table args = { .n = 0 }, *saved_args = u->args;
	unsigned saved_flags = u->flags;
	const char *text;

	u->args = &args;
	u->flags &= ~(unsigned)(UND_NAME_ONLY | UND_TYPE_ONLY);
	text = und_symbol(u);
	u->flags = saved_flags;
	u->args = saved_args;
	return und_cat(u, "`", text, "'", NULL);
}

/* A fragment after the first one. */
const char *und_fragment(struct und *u)
{
	const char *text;

	if (*u->p >= '0' && *u->p <= '9') {
		int i = *u->p++ - '0';

		if (i >= u->names->n) {
			u->error = 1;
			return "";
		}
		return u->names->item[i];
	}
	if (u->p[0] == '?' && u->p[1] == '$') {
		u->p += 2;
		text = und_simple_name(u);
		text = und_cat(u, text, und_template_args(u, text, 0), NULL);
	} else if (u->p[0] == '?' && u->p[1] == '?') {
		u->p++;
		return nested_symbol(u);
	} else if (!strncmp(u->p, "?A0x", 4)) {
		const char *end = strchr(u->p, '@');

		if (!end) {
			u->error = 1;
			return "";
		}
		u->p = end + 1;
		text = "`anonymous namespace'";
	} else if (*u->p == '?') {
		u->p++;
		return und_cat(u, "`", und_number_text(u), "'", NULL);
	} else {
		text = und_simple_name(u);
	}
	und_remember(u, u->names, text);
	return text;
}

#define MAX_FRAGMENTS 32

/* The fragments after first up to the closing '@', as "outer::...::first". */
const char *und_qualified_rest(struct und *u, const char *first, const char **innermost)
{
	const char *parts[MAX_FRAGMENTS], *text = first;
	int n = 0, i;

	while (!u->error && *u->p && *u->p != '@') {
		if (n == MAX_FRAGMENTS) {
			u->error = 1;
			return "";
		}
		parts[n++] = und_fragment(u);
	}
	if (*u->p != '@') {
		u->error = 1;
		return "";
	}
	u->p++;
	if (innermost)
		*innermost = n ? parts[0] : "";
	for (i = 0; i < n; i++)
		text = und_cat(u, parts[i], *text ? "::" : "", text, NULL);
	return text;
}

/* A type's or scope's name: every fragment is an ordinary one. */
const char *und_qualified(struct und *u)
{
	if (*u->p == '@') {
		u->error = 1;
		return "";
	}
	return und_qualified_rest(u, und_fragment(u), NULL);
}
