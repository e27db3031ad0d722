/*
 * std::_Locinfo: while one lives, the C runtime's locale is the one it
 * names (its constructor switches it, under the locale lock, and its
 * destructor switches back), so the facets made from it read that
 * locale's data through _Getctype, _Getcvt...  The name "*" stands for a
 * locale the C runtime does not know.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/locale.h"
#include "msvcp140/ucrt.h"

void __cdecl lockit_lock(int kind);
void __cdecl lockit_unlock(int kind);
void __cdecl msvcp_xruntime_error(const char *msg);

static void locinfo_zero(struct locinfo *info)
{
	memset(info, 0, sizeof(*info));
	info->lock = LOCK_LOCALE;
}

/* _Locinfo_Addcats: switches the categories in cat to the name ("*"
 * switches nothing); the name is what the C runtime then calls the whole
 * locale, or "*" when it refused the name. */
struct locinfo *__cdecl locinfo_addcats(struct locinfo *info, int cat, const char *name)
{
	const char *now = NULL;

	if (!name)
		msvcp_xruntime_error("bad locale name");
	if (name[0] != '*' || name[1]) {
		if (cat == CATS_NONE) {
			now = locale_c_setlocale(CAT_ALL, NULL);
		} else if (cat == CATS_ALL) {
			now = locale_c_setlocale(CAT_ALL, name);
		} else {
			for (int c = 0; c <= CAT_MAX; c++)
				if (CATMASK(c) & cat)
					locale_c_setlocale(c, name);
			now = locale_c_setlocale(CAT_ALL, name);
		}
	}
	if (!now)
		yarn_set(&info->newname, "*");
	else if (strcmp(yarn_str(&info->newname), "*"))
		yarn_set(&info->newname, now);
	return info;
}

static void remember_old(struct locinfo *info)
{
	const char *old = locale_c_setlocale(CAT_ALL, NULL);

	yarn_set(&info->oldname, old ? old : "");
}

/* _Locinfo_ctor(_Locinfo *, const char *): the whole locale. */
void __cdecl locinfo_init_name(struct locinfo *info, const char *name)
{
	remember_old(info);
	if (name)
		name = locale_c_setlocale(CAT_ALL, name);
	yarn_set(&info->newname, name ? name : "*");
}

/* _Locinfo_ctor(_Locinfo *, int, const char *): the categories in cat. */
void __cdecl locinfo_init_cat(struct locinfo *info, int cat, const char *name)
{
	remember_old(info);
	locinfo_addcats(info, cat, name);
}

/* _Locinfo_dtor: the C runtime's locale back as it was. */
void __cdecl locinfo_restore(struct locinfo *info)
{
	if (info->oldname.ptr)
		locale_c_setlocale(CAT_ALL, info->oldname.ptr);
}

/* The constructors as the header's inline code runs them: the lock, the
 * empty strings, then the static part; no name is an error. */
struct locinfo *__cdecl locinfo_ctor_name(struct locinfo *info, const char *name)
{
	locinfo_zero(info);
	lockit_lock(LOCK_LOCALE);
	if (!name) {
		lockit_unlock(LOCK_LOCALE);
		msvcp_xruntime_error("bad locale name");
	}
	locinfo_init_name(info, name);
	return info;
}

struct locinfo *__cdecl locinfo_ctor_cat(struct locinfo *info, int cat, const char *name)
{
	locinfo_zero(info);
	lockit_lock(LOCK_LOCALE);
	if (!name) {
		lockit_unlock(LOCK_LOCALE);
		msvcp_xruntime_error("bad locale name");
	}
	locinfo_init_cat(info, cat, name);
	return info;
}

void __cdecl locinfo_ctor_default(struct locinfo *info) { locinfo_ctor_name(info, "C"); }

void __cdecl locinfo_dtor_all(struct locinfo *info)
{
	locinfo_restore(info);
	yarn_set(&info->days, NULL);
	yarn_set(&info->months, NULL);
	msvcp_free(info->wdays.ptr);
	msvcp_free(info->wmonths.ptr);
	info->wdays.ptr = info->wmonths.ptr = NULL;
	yarn_set(&info->oldname, NULL);
	yarn_set(&info->newname, NULL);
	lockit_unlock(info->lock);
}

const char *__cdecl locinfo_getname(const struct locinfo *info) { return yarn_str(&info->newname); }
const char *__cdecl locinfo_getfalse(const struct locinfo *info) { return "false"; }
const char *__cdecl locinfo_gettrue(const struct locinfo *info) { return "true"; }

/* _Gettnames and _W_Gettnames: the C runtime's time names and pictures
 * (one malloc'd block), returned in a _Timevec, which frees them. */
void **__cdecl locinfo_gettnames(const struct locinfo *info, void **timevec)
{
	void *(__cdecl *gettnames)(void) = msvcp_ucrt_proc("_Gettnames");

	*timevec = gettnames ? gettnames() : NULL;
	return timevec;
}

const void *__cdecl locinfo_getlconv(const struct locinfo *info)
{
	const void *(__cdecl *localeconv)(void) = msvcp_ucrt_proc("localeconv");

	return localeconv ? localeconv() : NULL;
}

/* A facet made by its _Locinfo constructor while a _Locinfo of the name
 * holds the C runtime's locale (what a facet's constructor without one
 * does with "C"). */
void *locinfo_make_facet(void *f, const char *name, size_t refs, locinfo_facet_ctor ctor)
{
	struct locinfo info;

	locinfo_ctor_name(&info, name);
	ctor(f, &info, refs);
	locinfo_dtor_all(&info);
	return f;
}

/* A facet class's _Getcat: LC_CTYPE's category (the numeric and time facets
 * give their own after it),
 * and when asked a new facet from the locale's name. */
size_t locinfo_getcat(const struct facet **pf, const struct locale *loc, size_t size, locinfo_facet_ctor ctor)
{
	void *f;

	if (pf && !*pf) {
		if (!(f = msvcp_alloc(size)))
			msvcp_xbad_alloc();
		*pf = locinfo_make_facet(f, loc && loc->impl ? yarn_str(&loc->impl->name) : "C", 0, ctor);
	}
	return CAT_CTYPE;
}
