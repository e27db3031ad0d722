/*
 * A symbol's first name fragment: an identifier, a template instance, or
 * an operator code after '?': one character ("?H" operator+), '_' and one
 * ("?_7" `vftable'), "__" and one ("?__E" dynamic initializer), some of
 * them followed by data of their own (the RTTI descriptors' numbers).
 */
#include <string.h>
#include "cxx_undname_priv.h"

static const char *const plain_ops[] = {
	['2'] = "operator new", ['3'] = "operator delete", ['4'] = "operator=",
	['5'] = "operator>>", ['6'] = "operator<<", ['7'] = "operator!", ['8'] = "operator==",
	['9'] = "operator!=", ['A'] = "operator[]", ['C'] = "operator->", ['D'] = "operator*",
	['E'] = "operator++", ['F'] = "operator--", ['G'] = "operator-", ['H'] = "operator+",
	['I'] = "operator&", ['J'] = "operator->*", ['K'] = "operator/", ['L'] = "operator%",
	['M'] = "operator<", ['N'] = "operator<=", ['O'] = "operator>", ['P'] = "operator>=",
	['Q'] = "operator,", ['R'] = "operator()", ['S'] = "operator~", ['T'] = "operator^",
	['U'] = "operator|", ['V'] = "operator&&", ['W'] = "operator||", ['X'] = "operator*=",
	['Y'] = "operator+=", ['Z'] = "operator-=",
};

static const char *const underscore_ops[] = {
	['0'] = "operator/=", ['1'] = "operator%=", ['2'] = "operator>>=", ['3'] = "operator<<=",
	['4'] = "operator&=", ['5'] = "operator|=", ['6'] = "operator^=", ['7'] = "`vftable'",
	['8'] = "`vbtable'", ['9'] = "`vcall'", ['A'] = "`typeof'", ['B'] = "`local static guard'",
	['C'] = "`string'", ['D'] = "`vbase destructor'", ['E'] = "`vector deleting destructor'",
	['F'] = "`default constructor closure'", ['G'] = "`scalar deleting destructor'",
	['H'] = "`vector constructor iterator'", ['I'] = "`vector destructor iterator'",
	['J'] = "`vector vbase constructor iterator'", ['K'] = "`virtual displacement map'",
	['L'] = "`eh vector constructor iterator'", ['M'] = "`eh vector destructor iterator'",
	['N'] = "`eh vector vbase constructor iterator'", ['O'] = "`copy constructor closure'",
	['S'] = "`local vftable'", ['T'] = "`local vftable constructor closure'",
	['U'] = "operator new[]", ['V'] = "operator delete[]",
	['X'] = "`placement delete closure'", ['Y'] = "`placement delete[] closure'",
};

static const char *const double_underscore_ops[] = {
	['A'] = "`managed vector constructor iterator'",
	['B'] = "`managed vector destructor iterator'",
	['C'] = "`eh vector copy constructor iterator'",
	['D'] = "`eh vector vbase copy constructor iterator'",
	['G'] = "`vector copy constructor iterator'",
	['H'] = "`vector vbase copy constructor iterator'",
	['I'] = "`managed vector copy constructor iterator'",
	['J'] = "`local static thread guard'", ['L'] = "operator co_await",
	['M'] = "operator<=>",
};

#define TABLE_LOOKUP(table, c) \
	((unsigned char)(c) < sizeof(table) / sizeof(table[0]) ? table[(unsigned char)(c)] : NULL)

/* ??_R0 to ??_R4: the RTTI descriptors. */
static const char *rtti_name(struct und *u)
{
	static const char *const names[] = {
		"`RTTI Base Class Array'", "`RTTI Class Hierarchy Descriptor'",
		"`RTTI Complete Object Locator'",
	};
	char c = *u->p++;
	struct und_type t;

	if (c == '0') {
		if (und_data_type(u, &t))
			u->rtti_type = und_type_text(u, &t);
		return "`RTTI Type Descriptor'";
	}
	if (c == '1') {
		const char *a = und_number_text(u), *b = und_number_text(u);
		const char *c2 = und_number_text(u), *d = und_number_text(u);

		return und_cat(u, "`RTTI Base Class Descriptor at (", a, ",", b, ",", c2, ",", d,
			       ")'", NULL);
	}
	if (c >= '2' && c <= '4')
		return names[c - '2'];
	u->error = 1;
	return "";
}

/* `dynamic initializer for 'x'' and its atexit destructor. */
static const char *dynamic_name(struct und *u, const char *what)
{
	const char *name;

	if (*u->p == '?') {
		unsigned saved = u->flags;

		u->flags |= UND_NAME_ONLY;
		name = und_symbol(u);
		u->flags = saved;
		if (*u->p++ != '@')
			u->error = 1;
	} else {
		name = und_simple_name(u);
	}
	return und_cat(u, "`", what, " for '", name, "''", NULL);
}

static const char *double_underscore_op(struct und *u)
{
	char c = *u->p++;
	const char *name;

	if (c == 'E')
		return dynamic_name(u, "dynamic initializer");
	if (c == 'F')
		return dynamic_name(u, "dynamic atexit destructor");
	if (c == 'K')
		return und_cat(u, "operator \"\" ", und_simple_name(u), NULL);
	if (!(name = TABLE_LOOKUP(double_underscore_ops, c)))
		u->error = 1;
	return name ? name : "";
}

/* The operator after '?' (which is read). */
static const char *operator_name(struct und *u, int *kind)
{
	char c = *u->p++;
	const char *name;

	*kind = UND_OPERATOR;
	if (c == '0' || c == '1') {
		*kind = c == '0' ? UND_CTOR : UND_DTOR;
		return "";
	}
	if (c == 'B') {
		*kind = UND_CONV;
		return "operator";
	}
	if (c == '_' && *u->p == '_') {
		u->p++;
		return double_underscore_op(u);
	}
	if (c == '_' && *u->p == 'R') {
		u->p++;
		*kind = UND_SPECIAL;
		return rtti_name(u);
	}
	if (c == '_' && *u->p == 'P') {
		u->p++;
		return und_cat(u, "`udt returning'", operator_name(u, kind), NULL);
	}
	if (c == '_')
		c = *u->p++, name = TABLE_LOOKUP(underscore_ops, c);
	else
		name = TABLE_LOOKUP(plain_ops, c);
	if (!name)
		u->error = 1;
	else if (name[0] == '`')
		*kind = UND_SPECIAL;
	return name ? name : "";
}

/* The symbol's own name (not remembered when a template instance);
 * *targs: the template arguments of an operator's or constructor's. */
const char *und_first_fragment(struct und *u, int *kind, const char **targs)
{
	const char *name;

	*targs = "";
	*kind = UND_NAME;
	if (u->p[0] == '?' && u->p[1] == '$') {
		u->p += 2;
		if (*u->p == '?') {
			u->p++;
			name = operator_name(u, kind);
			*targs = und_template_args(u, NULL, 0);
			return name;
		}
		name = und_simple_name(u);
		return und_cat(u, name, und_template_args(u, name, 0), NULL);
	}
	if (*u->p == '?') {
		u->p++;
		return operator_name(u, kind);
	}
	name = und_simple_name(u);
	und_remember(u, u->names, name);
	return name;
}
