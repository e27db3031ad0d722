/*
 * Whole symbols: '?', the qualified name, then what it names: a digit for
 * data (0-2 static members private/protected/public, 3 a global, 4 a
 * function's static; then the type and the storage's cv), 6/7 a vftable
 * or vbtable, 8 an RTTI descriptor; a letter for a function (access and
 * kind: A-H private, I-P protected, Q-X public, in each pair of pairs
 * plain/static/virtual/adjustor thunk; Y-Z not a member); '$' and a digit
 * or R for a vtordisp thunk, "$B" for a vcall thunk.
 */
#include <string.h>
#include "cxx_undname_priv.h"

struct name {
	const char *full;       /* with its scope */
	int kind;
};

static const char *const access_names[] = { "private: ", "protected: ", "public: ", "" };

static const char *access_text(struct und *u, int access)
{
	return (u->flags & UND_NO_ACCESS_SPECIFIERS) ? "" : access_names[access];
}

static const char *member_text(struct und *u, const char *what)
{
	return (u->flags & UND_NO_MEMBER_TYPE) ? "" : what;
}

/* The storage of a variable or table: modifiers, cv (Q-T: of a member,
 * whose class follows), as " const __ptr64". */
static const char *storage(struct und *u, int *cv)
{
	struct und_mods m;
	char c;

	und_read_mods(u, &m);
	c = *u->p++;
	if (c >= 'Q' && c <= 'T')
		und_qualified(u);
	else if (c < 'A' || c > 'D')
		u->error = 1;
	*cv = (c - 'A') & 3;
	return und_cat(u, *cv ? " " : "", und_cv(*cv), m.ptr64 && *und_keyword(u, "__ptr64") ?
		       " " : "", m.ptr64 ? und_keyword(u, "__ptr64") : "", NULL);
}

static const char *variable(struct und *u, const struct name *n, int c)
{
	static const char *const kinds[] = { "static ", "static ", "static ", "", "" };
	struct und_type t;
	const char *mods, *prefix;
	int cv;

	if (c == '5')   /* a guard: the bit it uses */
		return und_cat(u, n->full, "{", und_number_text(u), "}'", NULL);
	u->drop_self_cv = 1;
	und_type(u, &t);
	u->drop_self_cv = 0;
	mods = storage(u, &cv);
	if (u->flags & UND_NAME_ONLY)
		return n->full;
	prefix = und_cat(u, access_text(u, c <= '2' ? c - '0' : 3), member_text(u, kinds[c - '0']),
			 NULL);
	return und_cat(u, prefix, t.left, mods, " ", n->full, t.right, NULL);
}

/* 6/7: "const X::`vftable'{for `Y'}", several bases as "{for `A's `B'}". */
static const char *table(struct und *u, const struct name *n)
{
	const char *fors = "";
	int cv;

	storage(u, &cv);
	while (!u->error && *u->p && *u->p != '@') {
		const char *base = und_qualified(u);

		fors = und_cat(u, fors, *fors ? "s `" : "{for `", base, "'", NULL);
	}
	if (*u->p++ != '@')
		u->error = 1;
	if (u->flags & UND_NAME_ONLY)
		return n->full;
	return und_cat(u, cv ? und_cv(cv) : "", cv ? " " : "", n->full, fors, *fors ? "}" : "",
		       NULL);
}

/* The parts of a function symbol, put together in Windows' order. */
struct function_text {
	const char *prefix;     /* "[thunk]:public: virtual " */
	const char *name;       /* with its thunk suffix */
};

static const char *function_text(struct und *u, const struct name *n, struct function_text *f,
				 int member)
{
	struct und_type t;
	const char *ret = "", *name = f->name, *out;

	if (!und_function(u, member, &t))
		return "";
	if (n->kind == UND_CONV)
		name = und_cat(u, name, " ", t.left, t.right, t.return_cv ? " " : "", NULL);
	else if (!t.no_return && !(u->flags & UND_NO_FUNCTION_RETURNS))
		ret = t.left;
	if (u->flags & UND_NAME_ONLY)
		return n->kind == UND_CONV ? name : n->full;
	out = und_cat(u, f->prefix, ret, NULL);
	if (*t.cc)
		out = und_cat(u, out, *ret && !t.fn_star ? " " : "", t.cc, NULL);
	out = und_cat(u, out, *out && !(t.fn_star && !*t.cc && *ret) &&
		      out[strlen(out) - 1] != ':' ? " " : "", name, NULL);
	if (!(u->flags & UND_TYPE_ONLY))
		out = und_cat(u, out, t.params, NULL);
	return n->kind == UND_CONV || t.no_return ? out : und_cat(u, out, t.right, NULL);
}

/* A..Z after the name. */
static const char *member_function(struct und *u, const struct name *n, char c)
{
	static const char *const kinds[] = { "", "static ", "virtual ", "virtual " };
	int access = (c - 'A') / 8, kind = ((c - 'A') % 8) / 2;
	struct function_text f = { .name = n->full };

	if (access == 3)
		kind = 0;
	if (kind == 3)
		f.name = und_cat(u, n->full, "`adjustor{", und_number_text(u), "}' ", NULL);
	f.prefix = und_cat(u, kind == 3 ? "[thunk]:" : "", access_text(u, access),
			   member_text(u, kinds[kind]), NULL);
	return function_text(u, n, &f, access != 3 && kind != 1);
}

/* $0-$5 vtordisp{a,b}, $R0-$R5 vtordispex{a,b,c,d}, $B vcall. */
static const char *thunk(struct und *u, const struct name *n)
{
	struct function_text f;
	const char *nums;
	int ex = *u->p == 'R', count = ex ? 4 : 2;

	if (*u->p == 'B') {
		const char *cc, *index;

		u->p++;
		index = und_number_text(u);
		if (*u->p++ != 'A')
			u->error = 1;
		cc = und_calling_convention(u);
		return und_cat(u, "[thunk]: ", cc, " ", n->full, "{", index, ",{flat}}' }'", NULL);
	}
	u->p += ex;
	if (*u->p < '0' || *u->p > '5') {
		u->error = 1;
		return "";
	}
	f.prefix = und_cat(u, "[thunk]:", access_text(u, (*u->p++ - '0') / 2),
			   member_text(u, "virtual "), NULL);
	nums = und_number_text(u);
	while (--count)
		nums = und_cat(u, nums, ",", und_number_text(u), NULL);
	f.name = und_cat(u, n->full, ex ? "`vtordispex{" : "`vtordisp{", nums, "}' ", NULL);
	return function_text(u, n, &f, 1);
}

static struct name symbol_name(struct und *u)
{
	struct name n;
	const char *first, *targs, *inner, *scope;

	first = und_first_fragment(u, &n.kind, &targs);
	scope = und_qualified_rest(u, "", &inner);
	if (n.kind == UND_CTOR)
		first = und_cat(u, inner, targs, NULL);
	else if (n.kind == UND_DTOR)
		first = und_cat(u, "~", inner, targs, NULL);
	else
		first = und_cat(u, first, targs, NULL);
	n.full = und_cat(u, scope, *scope ? "::" : "", first, NULL);
	return n;
}

static const char *symbol(struct und *u)
{
	struct name n;
	char c;

	if (*u->p == '$') {     /* a template instance alone */
		const char *name;

		u->p++;
		name = und_simple_name(u);
		return und_cat(u, name, und_template_args(u, name, 1), NULL);
	}
	n = symbol_name(u);
	if (u->error)
		return "";
	c = *u->p++;
	if (c >= '0' && c <= '5')
		return variable(u, &n, c);
	if (c == '6' || c == '7')
		return table(u, &n);
	if (c == '8')
		return u->rtti_type ? und_cat(u, u->rtti_type, " ", n.full, NULL) : n.full;
	if (c >= 'A' && c <= 'Z')
		return member_function(u, &n, c);
	if (c == '$')
		return thunk(u, &n);
	u->error = 1;
	return "";
}

/* A decorated name at u->p ('?'); its text. */
const char *und_symbol(struct und *u)
{
	const char *text = "";

	if (*u->p++ != '?')
		u->error = 1;
	else if (und_enter(u))
		text = symbol(u);
	u->depth--;
	return u->error ? "" : text;
}
