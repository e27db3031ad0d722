/*
 * Undecorating the type names of type descriptors, in the Microsoft
 * decoration scheme: a type is a letter (H int, D char, _J __int64 ...),
 * a pointer or reference (P, A ...: __ptr64 E, the pointee's const/volatile
 * A-D, the pointee), or a class (U struct, V class, T union, W4 enum)
 * followed by its qualified name: fragments innermost first, each ended by
 * '@', the whole by another '@'.  A fragment is a name, a digit naming an
 * earlier one, or "?$name@args@" for a template instance, whose arguments
 * are types, "$0" numbers, or digits naming earlier (longer) types.
 */
#include <string.h>
#include "cxx_undname.h"

#define MAX_BACKREFS 10
#define MAX_FRAGMENTS 16
#define TEXT_MAX 512

struct text {
	char s[TEXT_MAX];
	size_t len;
};

struct undname {
	const char *p;
	int error;
	/* names seen, and types seen in template arguments (per template) */
	struct text *names;
	int nnames;
	struct text *types;
	int ntypes;
};

static void put(struct undname *u, struct text *t, const char *s, size_t n)
{
	if (t->len + n >= TEXT_MAX) {
		u->error = 1;
		return;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = 0;
}

static void puts_(struct undname *u, struct text *t, const char *s)
{
	put(u, t, s, strlen(s));
}

static const char *basic_type(char c)
{
	static const char *const names[] = {
		['C'] = "signed char", ['D'] = "char", ['E'] = "unsigned char", ['F'] = "short",
		['G'] = "unsigned short", ['H'] = "int", ['I'] = "unsigned int", ['J'] = "long",
		['K'] = "unsigned long", ['M'] = "float", ['N'] = "double", ['O'] = "long double",
		['X'] = "void", ['Z'] = "...",
	};

	return c >= 'C' && c <= 'Z' ? names[(int)c] : NULL;
}

static const char *extended_type(char c)
{
	static const char *const names[] = {
		['D'] = "__int8", ['E'] = "unsigned __int8", ['F'] = "__int16",
		['G'] = "unsigned __int16", ['H'] = "__int32", ['I'] = "unsigned __int32",
		['J'] = "__int64", ['K'] = "unsigned __int64", ['L'] = "__int128",
		['M'] = "unsigned __int128", ['N'] = "bool", ['Q'] = "char8_t", ['S'] = "char16_t",
		['U'] = "char32_t", ['W'] = "wchar_t",
	};

	return c >= 'D' && c <= 'W' ? names[(int)c] : NULL;
}

static void type(struct undname *u, struct text *out);
static void qualified_name(struct undname *u, struct text *out);

/* A number: a digit is 1-10; else hex digits A-P ended by '@'; '?' negates. */
static void number(struct undname *u, struct text *out)
{
	unsigned long long v = 0;
	char buf[24], *q = buf + sizeof(buf);
	int neg = *u->p == '?';

	u->p += neg;
	if (*u->p >= '0' && *u->p <= '9') {
		v = *u->p++ - '0' + 1;
	} else {
		while (*u->p >= 'A' && *u->p <= 'P')
			v = v * 16 + (*u->p++ - 'A');
		if (*u->p++ != '@')
			u->error = 1;
	}
	*--q = 0;
	do
		*--q = '0' + v % 10;
	while (v /= 10);
	if (neg)
		*--q = '-';
	puts_(u, out, q);
}

static void template_args(struct undname *u, struct text *out)
{
	struct text names[MAX_BACKREFS], types[MAX_BACKREFS];
	struct text *saved_names = u->names, *saved_types = u->types;
	int saved_nnames = u->nnames, saved_ntypes = u->ntypes, first = 1;

	u->names = names, u->nnames = 0, u->types = types, u->ntypes = 0;
	while (!u->error && *u->p && *u->p != '@') {
		struct text arg = { .len = 0 };
		const char *start = u->p;

		if (!first)
			puts_(u, out, ",");
		first = 0;
		if (u->p[0] == '$' && u->p[1] == '0') {
			u->p += 2;
			number(u, &arg);
		} else if (*u->p >= '0' && *u->p <= '9') {
			int i = *u->p++ - '0';

			if (i >= u->ntypes)
				u->error = 1;
			else
				arg = u->types[i];
		} else {
			type(u, &arg);
			if (u->p - start > 1 && u->ntypes < MAX_BACKREFS)
				u->types[u->ntypes++] = arg;
		}
		put(u, out, arg.s, arg.len);
	}
	if (*u->p == '@')
		u->p++;
	else
		u->error = 1;
	if (out->len && out->s[out->len - 1] == '>')
		puts_(u, out, " ");
	puts_(u, out, ">");
	u->names = saved_names, u->nnames = saved_nnames;
	u->types = saved_types, u->ntypes = saved_ntypes;
}

static void remember(struct undname *u, const struct text *t)
{
	if (u->nnames < MAX_BACKREFS)
		u->names[u->nnames++] = *t;
}

/* One fragment of a qualified name. */
static void fragment(struct undname *u, struct text *out)
{
	const char *end;

	if (*u->p >= '0' && *u->p <= '9') {
		int i = *u->p++ - '0';

		if (i < u->nnames)
			*out = u->names[i];
		else
			u->error = 1;
		return;
	}
	if (u->p[0] == '?' && u->p[1] == '$') {
		u->p += 2;
		end = strchr(u->p, '@');
		if (!end) {
			u->error = 1;
			return;
		}
		put(u, out, u->p, end - u->p);
		u->p = end + 1;
		puts_(u, out, "<");
		template_args(u, out);
		remember(u, out);
		return;
	}
	if (u->p[0] == '?' && u->p[1] == 'A') {     /* ?A0x1234abcd@ */
		end = strchr(u->p, '@');
		puts_(u, out, "`anonymous namespace'");
		u->p = end ? end + 1 : u->p + strlen(u->p);
		return;
	}
	end = strchr(u->p, '@');
	if (!end || end == u->p) {
		u->error = 1;
		return;
	}
	put(u, out, u->p, end - u->p);
	u->p = end + 1;
	remember(u, out);
}

static void qualified_name(struct undname *u, struct text *out)
{
	struct text parts[MAX_FRAGMENTS];
	int n = 0;

	while (!u->error && *u->p && *u->p != '@') {
		if (n == MAX_FRAGMENTS) {
			u->error = 1;
			return;
		}
		parts[n].len = 0;
		parts[n].s[0] = 0;
		fragment(u, &parts[n++]);
	}
	if (*u->p++ != '@')
		u->error = 1;
	while (n--) {
		put(u, out, parts[n].s, parts[n].len);
		if (n)
			puts_(u, out, "::");
	}
}

static const char *const cv_names[] = { "", " const", " volatile", " const volatile" };

/* P/Q/R/S pointers, A/B references; then E (__ptr64), F, I; the pointee's
 * qualifiers A-D; the pointee. */
static void indirection(struct undname *u, char kind, struct text *out)
{
	int ptr64 = 0, cv;

	for (;; u->p++) {
		if (*u->p == 'E')
			ptr64 = 1;
		else if (*u->p != 'F' && *u->p != 'I')
			break;
	}
	if (*u->p < 'A' || *u->p > 'D') {
		u->error = 1;
		return;
	}
	cv = *u->p++ - 'A';
	type(u, out);
	puts_(u, out, cv_names[cv]);
	puts_(u, out, kind == 'A' || kind == 'B' ? " &" : kind == '&' ? " &&" : " *");
	if (kind == 'Q' || kind == 'S')
		puts_(u, out, " const");
	if (kind == 'R' || kind == 'S' || kind == 'B')
		puts_(u, out, " volatile");
	if (ptr64)
		puts_(u, out, " __ptr64");
}

static void class_type(struct undname *u, char kind, struct text *out)
{
	static const char *const keywords[] = { ['T'] = "union ", ['U'] = "struct ",
						['V'] = "class ", ['W'] = "enum " };

	if (kind == 'W' && *u->p++ < '0')
		u->error = 1;   /* the enum's underlying size */
	puts_(u, out, keywords[(int)kind]);
	qualified_name(u, out);
}

static void type(struct undname *u, struct text *out)
{
	char c = *u->p++;
	const char *name;

	if (c == '_' && (name = extended_type(*u->p))) {
		u->p++;
		puts_(u, out, name);
	} else if ((name = basic_type(c))) {
		puts_(u, out, name);
	} else if (c == 'T' || c == 'U' || c == 'V' || c == 'W') {
		class_type(u, c, out);
	} else if (c == 'P' || c == 'Q' || c == 'R' || c == 'S' || c == 'A' || c == 'B') {
		indirection(u, c, out);
	} else if (c == '$' && u->p[0] == '$' && u->p[1] == 'Q') {
		u->p += 2;
		indirection(u, '&', out);
	} else {
		u->error = 1;
	}
}

int cxx_undecorate_type(const char *decorated, char *out, size_t size)
{
	struct text names[MAX_BACKREFS], result = { .len = 0 };
	struct undname u = { .p = decorated, .names = names };

	if (*u.p++ != '.')
		return 0;
	if (u.p[0] == '?' && u.p[1] >= 'A' && u.p[1] <= 'D') {
		int cv = u.p[1] - 'A';

		u.p += 2;
		type(&u, &result);
		puts_(&u, &result, cv_names[cv]);
	} else {
		type(&u, &result);
	}
	if (u.error || *u.p || result.len >= size)
		return 0;
	memcpy(out, result.s, result.len + 1);
	return 1;
}
