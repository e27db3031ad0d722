/*
 * Types: a letter (H int, D char, _J __int64 ...), a class (U struct,
 * V class, T union, W4 enum) and its qualified name, a pointer or
 * reference (P Q R S * with the pointer itself plain/const/volatile/both,
 * A & and B & volatile, $$Q &&) followed by its modifiers (E __ptr64,
 * F __unaligned, I __restrict) and what it points to: the pointee's cv
 * (A-D; Q-T and a class for a pointer to data member), 6 and a function
 * type, 8 and a class and a member function type; Y an array; a digit
 * one of the function's earlier argument types.
 */
#include <string.h>
#include "cxx_undname_priv.h"

static const char *const basic_types[] = {
	['C'] = "signed char", ['D'] = "char", ['E'] = "unsigned char", ['F'] = "short",
	['G'] = "unsigned short", ['H'] = "int", ['I'] = "unsigned int", ['J'] = "long",
	['K'] = "unsigned long", ['M'] = "float", ['N'] = "double", ['O'] = "long double",
	['X'] = "void", ['Z'] = "...",
};

static const char *const extended_types[] = {
	['D'] = "__int8", ['E'] = "unsigned __int8", ['F'] = "__int16",
	['G'] = "unsigned __int16", ['H'] = "__int32", ['I'] = "unsigned __int32",
	['J'] = "__int64", ['K'] = "unsigned __int64", ['L'] = "__int128",
	['M'] = "unsigned __int128", ['N'] = "bool", ['Q'] = "char8_t", ['S'] = "char16_t",
	['U'] = "char32_t", ['W'] = "wchar_t",
};

#define LOOKUP(table, c) \
	((unsigned char)(c) < sizeof(table) / sizeof(table[0]) ? table[(unsigned char)(c)] : NULL)

static int plain(struct und_type *t, const char *text)
{
	memset(t, 0, sizeof(*t));
	t->left = text;
	t->right = "";
	return 1;
}

const char *und_calling_convention(struct und *u)
{
	static const char *const names[] = {
		"__cdecl", "__pascal", "__thiscall", "__stdcall", "__fastcall", "", "__clrcall",
		"__eabi", "__vectorcall",
	};
	char c = *u->p++;

	if (c < 'A' || c > 'Q') {
		u->error = 1;
		return "";
	}
	if (u->flags & UND_NO_ALLOCATION_LANGUAGE)
		return "";
	return und_keyword(u, names[(c - 'A') / 2]);
}

/* The pointee's text of a pointer or reference to an array, a function or
 * anything else: sym is "*", "&" or "&&" with what follows it. */
static void pointer_text(struct und *u, struct und_type *t, const struct und_type *to,
			 int pointee_cv, const char *cls, const char *sym)
{
	const char *cv = und_cv(pointee_cv), *scope = *cls ? und_cat(u, cls, "::", NULL) : "";

	if (to->function) {
		const char *space = to->fn_star || to->no_return ? "" : " ";
		const char *cc = to->cc, *sep = *cc && *scope ? " " : "";

		t->left = und_cat(u, to->left, space, "(", cc, sep, scope, sym, NULL);
		t->right = und_cat(u, ")", to->params, to->right, NULL);
		t->fn_star = sym[strlen(sym) - 1] == '*';
	} else if (to->array) {
		t->left = und_cat(u, to->left, to->fn_star ? "" : " ", "(", cv, *cv ? " " : "",
				  sym, NULL);
		t->right = und_cat(u, ")", to->right, NULL);
	} else if (to->fn_star) {
		t->left = und_cat(u, to->left, cv, sym, NULL);
		t->right = to->right;
	} else {
		if (to->pointer)        /* its own cv says it already */
			cv = "";
		t->left = und_cat(u, to->left, *cv ? " " : "", cv, " ", scope, sym, NULL);
		t->right = to->right;
	}
}

/* After P/Q/R/S (cv of the pointer), A/B (of the reference) or $$Q/$$R. */
static int pointer(struct und *u, struct und_type *t, int self_cv, const char *kind)
{
	struct und_mods m;
	struct und_type to = { .left = "", .right = "", .cc = "", .params = "" };
	const char *cls = "", *sym;
	char c;
	int pointee_cv = 0;

	if (u->drop_self_cv)
		self_cv = 0;
	u->drop_self_cv = 0;
	und_read_mods(u, &m);
	c = *u->p++;
	if (c == '8' || (c >= 'Q' && c <= 'T'))
		cls = und_qualified(u);
	if (c == '6') {
		und_function(u, 0, &to);
	} else if (c == '8') {
		und_function(u, 1, &to);
	} else if ((c >= 'A' && c <= 'D') || (c >= 'Q' && c <= 'T')) {
		pointee_cv = (c - 'A') & 3;
		und_type(u, &to);
	} else {
		u->error = 1;
	}
	if (u->error)
		return 0;
	sym = und_cat(u, m.unaligned && !to.function ? und_keyword(u, "__unaligned") : "",
		      m.unaligned && !to.function && *und_keyword(u, "__unaligned") ? " " : "",
		      kind, NULL);
	sym = und_cat(u, sym, m.ptr64 && *und_keyword(u, "__ptr64") ? " " : "",
		      m.ptr64 ? und_keyword(u, "__ptr64") : "",
		      m.restrict_ && *und_keyword(u, "__restrict") ? " " : "",
		      m.restrict_ ? und_keyword(u, "__restrict") : "", self_cv ? " " : "",
		      und_cv(self_cv), NULL);
	memset(t, 0, sizeof(*t));
	pointer_text(u, t, &to, pointee_cv, cls, sym);
	t->pointer = 1;
	return !u->error;
}

/* Y: the number of bounds, the bounds, the element type. */
static int array(struct und *u, struct und_type *t)
{
	long long n;
	const char *bounds = "";
	struct und_type elem;

	if (!und_number(u, &n) || n <= 0 || n > 64)
		return 0;
	while (n-- && !u->error)
		bounds = und_cat(u, bounds, "[", und_number_text(u), "]", NULL);
	if (u->error || !und_type(u, &elem))
		return 0;
	memset(t, 0, sizeof(*t));
	t->left = elem.left;
	t->fn_star = elem.fn_star;
	t->right = und_cat(u, bounds, elem.right, NULL);
	t->array = 1;
	return 1;
}

static int class_type(struct und *u, struct und_type *t, char c)
{
	static const char *const keywords[] = {
		['T'] = "union ", ['U'] = "struct ", ['V'] = "class ", ['W'] = "enum ",
	};

	if (c == 'W' && (*u->p < '0' || *u->p++ > '7')) {  /* the enum's underlying type */
		u->error = 1;
		return 0;
	}
	return plain(t, und_cat(u, keywords[(int)c], und_qualified(u), NULL)) && !u->error;
}

static int with_cv(struct und *u, struct und_type *t, int cv)
{
	if (!und_type(u, t))
		return 0;
	if (cv)
		t->left = und_cat(u, t->left, " ", und_cv(cv), NULL);
	return 1;
}

/* $$Q &&, $$R volatile &&, $$C cv-qualified, $$A function, $$B array,
 * $$T std::nullptr_t. */
static int dollar_type(struct und *u, struct und_type *t)
{
	char c = *u->p++;

	if (c == 'Q' || c == 'R')
		return pointer(u, t, c == 'R' ? 2 : 0, "&&");
	if (c == 'C' && *u->p >= 'A' && *u->p <= 'D')
		return with_cv(u, t, *u->p++ - 'A');
	if (c == 'A' && *u->p == '6') {
		u->p++;
		return und_function(u, 0, t);
	}
	if (c == 'B' && *u->p == 'Y') {
		u->p++;
		return array(u, t);
	}
	if (c == 'T')
		return plain(t, "std::nullptr_t");
	u->error = 1;
	return 0;
}

static int type(struct und *u, struct und_type *t)
{
	char c = *u->p++;
	const char *name;

	if (c == '_' && (name = LOOKUP(extended_types, *u->p))) {
		u->p++;
		return plain(t, name);
	}
	if ((name = LOOKUP(basic_types, c)))
		return plain(t, name);
	if (c == 'T' || c == 'U' || c == 'V' || c == 'W')
		return class_type(u, t, c);
	if (c == 'Y')
		return array(u, t);
	if (c >= 'P' && c <= 'S')
		return pointer(u, t, c - 'P', "*");
	if (c == 'A' || c == 'B')
		return pointer(u, t, c == 'B' ? 2 : 0, "&");
	if (c == '$' && *u->p == '$') {
		u->p++;
		return dollar_type(u, t);
	}
	if (c == '?' && *u->p >= 'A' && *u->p <= 'D')
		return with_cv(u, t, *u->p++ - 'A');
	if (c >= '0' && c <= '9' && c - '0' < u->args->n)
		return plain(t, u->args->item[c - '0']);
	u->error = 1;
	return 0;
}

int und_type(struct und *u, struct und_type *t)
{
	int ok = 0;

	memset(t, 0, sizeof(*t));
	t->left = t->right = "";
	if (und_enter(u))
		ok = type(u, t) && !u->error;
	u->depth--;
	if (!ok)
		u->error = 1;
	return ok;
}

/* A return or data type: "?A"/"?B"... before it gives its cv. */
int und_data_type(struct und *u, struct und_type *t)
{
	int cv = u->p[0] == '?' && u->p[1] >= 'B' && u->p[1] <= 'D';

	if (!und_type(u, t))
		return 0;
	t->return_cv = cv;
	return 1;
}

const char *und_type_text(struct und *u, const struct und_type *t)
{
	if (t->function)
		return und_cat(u, t->left, *t->left && *t->cc ? " " : "", t->cc, t->params,
			       t->right, NULL);
	return und_cat(u, t->left, t->array ? " " : "", t->right, NULL);
}

/* X (void), or types up to '@' or Z (...); digits repeat earlier ones. */
const char *und_arguments(struct und *u)
{
	const char *text = "";

	if (*u->p == 'X') {
		u->p++;
		return "void";
	}
	while (!u->error && *u->p != '@') {
		const char *start = u->p, *arg;
		struct und_type t;

		if (*u->p == 'Z') {
			u->p++;
			return und_cat(u, text, *text ? "," : "", "...", NULL);
		}
		if (!*u->p || !und_type(u, &t))
			break;
		arg = und_type_text(u, &t);
		if (u->p - start > 1)
			und_remember(u, u->args, arg);
		text = und_cat(u, text, *text ? "," : "", arg, NULL);
	}
	if (*u->p != '@')
		u->error = 1;
	else
		u->p++;
	return text;
}

/* [this modifiers and cv] calling convention, return type ('@': none),
 * arguments, throw specification (Z: none). */
int und_function(struct und *u, int member, struct und_type *t)
{
	struct und_mods m = { 0 };
	struct und_type ret;
	const char *cc, *args;

	memset(t, 0, sizeof(*t));
	t->left = t->right = t->cc = t->params = "";
	if (member) {
		und_read_mods(u, &m);
		if (*u->p < 'A' || *u->p > 'D') {
			u->error = 1;
			return 0;
		}
		m.cv = *u->p++ - 'A';
	}
	cc = und_calling_convention(u);
	memset(&ret, 0, sizeof(ret));
	ret.left = ret.right = "";
	if (*u->p == '@') {
		u->p++;
		ret.no_return = 1;
	} else if (!und_data_type(u, &ret)) {
		return 0;
	}
	args = und_arguments(u);
	if (*u->p++ != 'Z')
		u->error = 1;
	*t = ret;
	t->function = 1;
	t->cc = cc;
	t->params = und_cat(u, "(", args, ")", member ? und_this_mods(u, &m) : "", NULL);
	return !u->error;
}
