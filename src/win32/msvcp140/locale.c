/*
 * std::locale: facets counted by reference, a locale's implementation
 * (_Locimp: the facets by locale::id, its categories and name), the
 * classic "C" locale and the global one, and _Locinfo, which switches the
 * C runtime's locale while the facets of a named locale read it.
 *
 * As in Visual C++ 2015 and later, the classic locale holds no facets:
 * use_facet (inline in the program) finds none there and asks the facet
 * class's _Getcat for one, made once per program.  A locale built from a
 * name (_Makeloc) or copied from the classic one holds its own.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/locale.h"
#include "msvcp140/ucrt.h"

void __cdecl lockit_lock(int kind);
void __cdecl lockit_unlock(int kind);
void __cdecl msvcp_xruntime_error(const char *msg);

enum { MIN_FACETS = 40 };   /* a locale's facet vector starts this long */

/* The C runtimes' malloc and free are the process heap's. */
void *msvcp_alloc(size_t size)
{
	return HeapAlloc(GetProcessHeap(), 0, size ? size : 1);
}

void msvcp_free(void *p)
{
	if (p)
		HeapFree(GetProcessHeap(), 0, p);
}

/* _Yarn::operator=(const char *): a copy, or none. */
void yarn_set(struct yarn *y, const char *s)
{
	size_t n;

	if (y->ptr == s)
		return;
	msvcp_free(y->ptr);
	y->ptr = NULL;
	if (!s)
		return;
	n = strlen(s) + 1;
	if ((y->ptr = msvcp_alloc(n)))
		memcpy(y->ptr, s, n);
}

const char *yarn_str(const struct yarn *y)
{
	return y->ptr ? y->ptr : &y->nul;
}

/* The C runtime's setlocale (ucrtbase's, which msvcp140 shares with the
 * program). */
const char *locale_c_setlocale(int category, const char *name)
{
	char *(__cdecl *fn)(int, const char *) = msvcp_ucrt_proc("setlocale");

	return fn ? fn(category, name) : NULL;
}

/* locale::facet */

static void *__cdecl facet_vector_dtor(struct facet *f, unsigned flags)
{
	if (flags & 1)
		msvcp_free(f);
	return f;
}

const void *const facet_vftable[] = { facet_vector_dtor, facet_incref, facet_decref };

void __cdecl facet_init(struct facet *f, const void *const *vtbl, size_t refs)
{
	f->vtbl = vtbl;
	f->refs = (LONG)refs;
}

struct facet *__cdecl facet_ctor(struct facet *f, size_t refs)
{
	facet_init(f, facet_vftable, refs);
	return f;
}

void __cdecl facet_ctor_default(struct facet *f) { facet_ctor(f, 0); }
void __cdecl facet_dtor(struct facet *f) { }
void __cdecl facet_incref(struct facet *f) { InterlockedIncrement(&f->refs); }

/* The facet itself when the last reference went, for the caller to delete. */
struct facet *__cdecl facet_decref(struct facet *f)
{
	return InterlockedDecrement(&f->refs) == 0 ? f : NULL;
}

/* `delete f->_Decref()`, through the facet's own vtable. */
void facet_release(struct facet *f)
{
	struct facet *gone = ((struct facet *(__cdecl *)(struct facet *))f->vtbl[2])(f);

	if (gone)
		((void *(__cdecl *)(struct facet *, unsigned))gone->vtbl[0])(gone, 1);
}

/* A facet of no C category: use_facet may not make one. */
size_t __cdecl facet_getcat(const struct facet **pf, const struct locale *loc)
{
	return (size_t)-1;
}

/* locale::id: stamped on first use, under the locale lock. */

int id_cnt;

struct locale_id *__cdecl locale_id_ctor(struct locale_id *id, size_t val)
{
	id->id = val;
	return id;
}

void __cdecl locale_id_ctor_default(struct locale_id *id) { id->id = 0; }

size_t __cdecl locale_id_get(struct locale_id *id)
{
	if (!id->id) {
		lockit_lock(LOCK_LOCALE);
		if (!id->id)
			id->id = (size_t)++id_cnt;
		lockit_unlock(LOCK_LOCALE);
	}
	return id->id;
}

/* locale::_Locimp */

void __cdecl locimp_tidy(struct locimp *imp)
{
	lockit_lock(LOCK_LOCALE);
	for (size_t i = imp->facetcount; i > 0; i--)
		if (imp->facetvec[i - 1])
			facet_release(imp->facetvec[i - 1]);
	msvcp_free(imp->facetvec);
	imp->facetvec = NULL;
	imp->facetcount = 0;
	lockit_unlock(LOCK_LOCALE);
}

static struct locimp classic_impl;

void __cdecl locimp_dtor(struct locimp *imp)
{
	locimp_tidy(imp);
	yarn_set(&imp->name, NULL);
}

/* The classic locale is static: it is never freed. */
static void *__cdecl locimp_vector_dtor(struct locimp *imp, unsigned flags)
{
	if (imp == &classic_impl)
		return imp;
	locimp_dtor(imp);
	if (flags & 1)
		msvcp_free(imp);
	return imp;
}

const void *const locimp_vftable[] = { locimp_vector_dtor, facet_incref, facet_decref };

/* The classic locale: two references (the global locale's first, and
 * locale::classic's object). */
static struct locimp classic_impl = {
	{ locimp_vftable, 2 }, NULL, 0, CATS_ALL, FALSE, { (char *)"C", 0 }
};
struct locale classic_locale = { NULL, &classic_impl };
struct locimp *clocptr = &classic_impl;
static struct locimp *global_impl;

struct locimp *__cdecl locimp_ctor(struct locimp *imp, BOOLEAN transparent)
{
	facet_init(&imp->facet, locimp_vftable, 1);
	imp->facetvec = NULL;
	imp->facetcount = 0;
	imp->catmask = CATS_NONE;
	imp->xparent = transparent;
	imp->name.ptr = NULL;
	imp->name.nul = 0;
	yarn_set(&imp->name, "*");
	return imp;
}

struct locimp *__cdecl locimp_makeloc(const struct locinfo *info, int cat, struct locimp *imp,
				      const struct locale *from);
/* _Locimp_ctor: the facets of the locale copied (the classic one's made
 * afresh: it holds none). */
void __cdecl locimp_copy_facets(struct locimp *imp, const struct locimp *from)
{
	struct locinfo info;

	if (from == clocptr) {
		locinfo_ctor_name(&info, "C");
		locimp_makeloc(&info, CATS_ALL, imp, NULL);
		locinfo_dtor_all(&info);
		return;
	}
	lockit_lock(LOCK_LOCALE);
	if (imp->facetcount) {
		imp->facetvec = msvcp_alloc(imp->facetcount * sizeof(*imp->facetvec));
		if (!imp->facetvec) {
			lockit_unlock(LOCK_LOCALE);
			msvcp_xbad_alloc();
		}
		for (size_t i = 0; i < imp->facetcount; i++)
			if ((imp->facetvec[i] = from->facetvec[i]))
				facet_incref(imp->facetvec[i]);
	}
	lockit_unlock(LOCK_LOCALE);
}

struct locimp *__cdecl locimp_copy_ctor(struct locimp *imp, const struct locimp *from)
{
	facet_init(&imp->facet, locimp_vftable, 1);
	imp->facetvec = NULL;
	imp->facetcount = from->facetcount;
	imp->catmask = from->catmask;
	imp->xparent = from->xparent;
	imp->name.ptr = NULL;
	imp->name.nul = 0;
	yarn_set(&imp->name, yarn_str(&from->name));
	locimp_copy_facets(imp, from);
	return imp;
}

struct locimp *__cdecl locimp_new(BOOLEAN transparent)
{
	struct locimp *imp = msvcp_alloc(sizeof(*imp));

	if (!imp)
		msvcp_xbad_alloc();
	return locimp_ctor(imp, transparent);
}

struct locimp *__cdecl locimp_new_copy(const struct locimp *from)
{
	struct locimp *imp = msvcp_alloc(sizeof(*imp));

	if (!imp)
		msvcp_xbad_alloc();
	return locimp_copy_ctor(imp, from);
}

/* Puts the facet at its id, the vector grown as needed; the facet it
 * replaces loses the locale's reference. */
void __cdecl locimp_addfac(struct locimp *imp, struct facet *f, size_t id)
{
	lockit_lock(LOCK_LOCALE);
	if (imp->facetcount <= id) {
		size_t count = id < MIN_FACETS ? MIN_FACETS : id + 1;
		struct facet **vec = id >= ((size_t)-1) / sizeof(*vec) - 1 ? NULL :
			imp->facetvec ? HeapReAlloc(GetProcessHeap(), 0, imp->facetvec, count * sizeof(*vec))
				      : msvcp_alloc(count * sizeof(*vec));

		if (!vec) {
			lockit_unlock(LOCK_LOCALE);
			msvcp_xbad_alloc();
		}
		for (size_t i = imp->facetcount; i < count; i++)
			vec[i] = NULL;
		imp->facetvec = vec;
		imp->facetcount = count;
	}
	facet_incref(f);
	if (imp->facetvec[id])
		facet_release(imp->facetvec[id]);
	imp->facetvec[id] = f;
	lockit_unlock(LOCK_LOCALE);
}

/* A new facet of a class, made from the _Locinfo, put in at its id. */
void locimp_add_made(struct locimp *imp, const struct locinfo *info, size_t size, locinfo_facet_ctor ctor,
		     struct locale_id *id)
{
	void *f = msvcp_alloc(size);

	if (!f)
		msvcp_xbad_alloc();
	locimp_addfac(imp, ctor(f, info, 0), locale_id_get(id));
}

/* _Makewloc: the wchar_t facets of the categories in cat. */
void __cdecl locimp_makewloc(const struct locinfo *info, int cat, struct locimp *imp,
			     const struct locale *from)
{
	locale_add_ctype(info, imp, cat, TRUE);
	locale_add_codecvt(info, imp, cat, TRUE);
}

/* _Makexloc (collate, money, time, messages) and _Makeushloc (the
 * unsigned short facets): none of those facets is here yet, and use_facet
 * makes one through the class's own _Getcat when a program asks. */
void __cdecl locimp_makenone(const struct locinfo *info, int cat, struct locimp *imp,
			     const struct locale *from) { }

/* _Makeloc: the facets of the categories in cat, made from the
 * _Locinfo's locale (a locale copying another's facets takes the same
 * "C" locale facets: the only ones there are); the locale takes the
 * categories and the _Locinfo's name. */
struct locimp *__cdecl locimp_makeloc(const struct locinfo *info, int cat, struct locimp *imp,
				      const struct locale *from)
{
	locale_add_ctype(info, imp, cat, FALSE);
	locale_add_codecvt(info, imp, cat, FALSE);
	locimp_makewloc(info, cat, imp, from);
	imp->catmask |= cat;
	yarn_set(&imp->name, yarn_str(&info->newname));
	return imp;
}

/* std::locale */

struct locimp *__cdecl locale_init(BOOLEAN incref)
{
	struct locimp *imp;

	lockit_lock(LOCK_LOCALE);
	if (!global_impl)
		global_impl = &classic_impl;
	imp = global_impl;
	if (incref)
		facet_incref(&imp->facet);
	lockit_unlock(LOCK_LOCALE);
	return imp;
}

struct locimp *__cdecl locale_getgloballocale(void) { return locale_init(FALSE); }
void __cdecl locale_setgloballocale(void *imp) { global_impl = imp; }

const struct locale *__cdecl locale_classic(void)
{
	locale_init(FALSE);
	return &classic_locale;
}

struct locale *__cdecl locale_empty(struct locale *ret)
{
	locale_init(FALSE);
	ret->impl = locimp_new(TRUE);
	return ret;
}

/* Makes loc the global locale and the C runtime's (for the categories
 * it has, by its name); the previous global locale is the result. */
struct locale *__cdecl locale_global(struct locale *ret, const struct locale *loc)
{
	struct locimp *imp;

	lockit_lock(LOCK_LOCALE);
	ret->impl = locale_init(TRUE);
	imp = global_impl;
	if (imp != loc->impl) {
		facet_release(&imp->facet);
		global_impl = imp = loc->impl;
		facet_incref(&imp->facet);
		if ((imp->catmask & CATS_ALL) == CATS_ALL) {
			locale_c_setlocale(CAT_ALL, yarn_str(&imp->name));
		} else {
			for (int c = 0; c <= CAT_MAX; c++)
				if (CATMASK(c) & imp->catmask)
					locale_c_setlocale(c, yarn_str(&imp->name));
		}
	}
	lockit_unlock(LOCK_LOCALE);
	return ret;
}

/* What `new locale` gives a stream or a buffer: the global locale. */
struct locale *locale_new(void)
{
	struct locale *l = msvcp_alloc(sizeof(*l));

	if (l)
		l->impl = locale_init(TRUE);
	return l;
}

/* ~locale: the reference it held. */
void locale_release(struct locale *l)
{
	if (l->impl)
		facet_release(&l->impl->facet);
	l->impl = NULL;
}

/* `delete ploc`; the standard streams' static classic object stays. */
void locale_delete(struct locale *l)
{
	if (!l || l == &classic_locale)
		return;
	locale_release(l);
	msvcp_free(l);
}

/* locale's copy assignment, as the header's inline operator= does it. */
void locale_assign(struct locale *to, const struct locale *from)
{
	if (to->impl == from->impl)
		return;
	facet_incref(&from->impl->facet);
	facet_release(&to->impl->facet);
	to->impl = from->impl;
}

struct locale *locale_copy(struct locale *to, const struct locale *from)
{
	to->impl = from->impl;
	facet_incref(&to->impl->facet);
	return to;
}

/* The C++ names of the objects above. */
EXPORT_AS(facet_vftable, "??_7facet@locale@std@@6B@");
EXPORT_AS(locimp_vftable, "??_7_Locimp@locale@std@@6B@");
EXPORT_AS(id_cnt, "?_Id_cnt@id@locale@std@@0HA");
EXPORT_AS(clocptr, "?_Clocptr@_Locimp@locale@std@@0PEAV123@EA");
