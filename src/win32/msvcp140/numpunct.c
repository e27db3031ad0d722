/*
 * numpunct<char> and numpunct<wchar_t> as num_put reads them: the facet
 * is all in the headers (the program makes it; msvcp140 has only its
 * locale::id), so the stream's locale is searched by that id as
 * use_facet does (a transparent locale's missing facets are the global
 * locale's) and the facet's virtual functions are called by slot:
 * do_decimal_point, do_thousands_sep, do_grouping, do_falsename,
 * do_truename after the facet's three.  The strings come back as
 * basic_string objects (<xstring>'s layout) through the pointer after
 * `this`.  A locale without the facet punctuates as the "C" locale's
 * numpunct does: '.', no grouping, "true" and "false".
 */
#include "msvcp140/iostream.h"
#include "msvcp140/locale.h"
#include "msvcp140/numpunct.h"

extern struct locale_id numpunct_char_id, numpunct_wchar_id;

enum { SLOT_DECIMAL_POINT = 3, SLOT_THOUSANDS_SEP, SLOT_GROUPING, SLOT_FALSENAME, SLOT_TRUENAME };

/* basic_string<char> and basic_string<wchar_t>: 16 bytes of characters
 * in place while the capacity fits in them, else a pointer there. */
struct msvc_string {
	union {
		char buf[16];
		void *ptr;
	} bx;
	size_t size, res;
};
_Static_assert(sizeof(struct msvc_string) == 0x20, "basic_string is 0x20 bytes");

static const struct facet *find_numpunct(const struct locale *loc, BOOL wide)
{
	size_t id = (wide ? &numpunct_wchar_id : &numpunct_char_id)->id;
	const struct locimp *imp = loc ? loc->impl : NULL;

	if (!imp || !id)
		return NULL;
	if (id < imp->facetcount && imp->facetvec[id])
		return imp->facetvec[id];
	if (!imp->xparent)
		return NULL;
	imp = locale_init(FALSE);
	return id < imp->facetcount ? imp->facetvec[id] : NULL;
}

/* Copies a returned string (up to max - 1 characters, as WCHARs) and
 * frees what it allocated: the process heap is the C runtimes' heap. */
static int take_string(struct msvc_string *s, BOOL wide, WCHAR *out, int max)
{
	size_t in_place = wide ? 8 : 16, n = s->size < (size_t)max - 1 ? s->size : (size_t)max - 1;
	const void *chars = s->res >= in_place ? s->bx.ptr : s->bx.buf;

	for (size_t i = 0; i < n; i++)
		out[i] = wide ? ((const WCHAR *)chars)[i] : (unsigned char)((const char *)chars)[i];
	out[n] = 0;
	if (s->res >= in_place)
		msvcp_free(s->bx.ptr);
	return (int)n;
}

typedef struct msvc_string *(__cdecl *string_fn)(const struct facet *, struct msvc_string *);

static int call_string(const struct facet *f, int slot, BOOL wide, WCHAR *out, int max)
{
	struct msvc_string s;

	((string_fn)f->vtbl[slot])(f, &s);
	return take_string(&s, wide, out, max);
}

static WCHAR call_char(const struct facet *f, int slot, BOOL wide)
{
	if (wide)
		return ((WCHAR (__cdecl *)(const struct facet *))f->vtbl[slot])(f);
	return (unsigned char)((char (__cdecl *)(const struct facet *))f->vtbl[slot])(f);
}

static void set_name(WCHAR *out, int *len, const char *s)
{
	for (*len = 0; s[*len]; (*len)++)
		out[*len] = (unsigned char)s[*len];
	out[*len] = 0;
}

void numpunct_read(const struct locale *loc, BOOL wide, struct numpunct_values *p)
{
	const struct facet *f = find_numpunct(loc, wide);
	WCHAR grouping[NUMPUNCT_MAX];
	int n;

	if (!f) {
		p->decimal_point = '.';
		p->thousands_sep = ',';
		p->grouping[0] = 0;
		set_name(p->names[0], &p->namelen[0], "false");
		set_name(p->names[1], &p->namelen[1], "true");
		return;
	}
	p->decimal_point = call_char(f, SLOT_DECIMAL_POINT, wide);
	p->thousands_sep = call_char(f, SLOT_THOUSANDS_SEP, wide);
	n = call_string(f, SLOT_GROUPING, FALSE, grouping, NUMPUNCT_MAX);
	for (int i = 0; i <= n; i++)
		p->grouping[i] = (char)grouping[i];
	p->namelen[0] = call_string(f, SLOT_FALSENAME, wide, p->names[0], NUMPUNCT_MAX);
	p->namelen[1] = call_string(f, SLOT_TRUENAME, wide, p->names[1], NUMPUNCT_MAX);
}

/* Where the separators go in a run of n digits: grouping[i] digits a
 * group from the right, the last group repeating; a group of 0 or less
 * or CHAR_MAX ends the grouping.  Marks sep_after[k] for the digit k
 * (from the left) a separator follows. */
static void mark_groups(const char *grouping, int n, BOOL *sep_after)
{
	const char *g = grouping;
	int left = n;

	for (int i = 0; i < n; i++)
		sep_after[i] = FALSE;
	while (*g > 0 && *g != 0x7f && *g < left) {
		left -= *g;
		sep_after[left - 1] = TRUE;
		if (g[1] > 0)
			g++;
	}
}

int numpunct_apply(const struct numpunct_values *p, const char *text, int len, int digits_at, int ndigits,
		   WCHAR *out, int max)
{
	BOOL sep_after[NUMPUNCT_TEXT];
	int o = 0;

	if (ndigits > NUMPUNCT_TEXT)
		ndigits = 0;
	mark_groups(p->grouping, ndigits, sep_after);
	for (int i = 0; i < len && o < max; i++) {
		out[o++] = text[i] == '.' ? p->decimal_point : (unsigned char)text[i];
		if (i >= digits_at && i < digits_at + ndigits && sep_after[i - digits_at] && o < max)
			out[o++] = p->thousands_sep;
	}
	return o;
}
