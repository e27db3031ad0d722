/*
 * std::locale's objects as the Visual C++ headers lay them out on x64:
 * a facet (vtable, reference count), a locale's implementation _Locimp
 * (a facet holding the vector of facets indexed by locale::id), the
 * _Yarn strings and _Locinfo.  Programs read these fields inline
 * (use_facet's lookup, locale::name, _Locinfo::_Getname) and free _Yarn
 * strings with the C runtime's free, so every offset here is ABI and
 * every string is on the process heap, where the C runtimes' malloc is.
 */
#ifndef LSW_MSVCP140_LOCALE_H
#define LSW_MSVCP140_LOCALE_H

#include <windows.h>

/* The categories (_X_*, setlocale's) and their locale::category bits. */
enum { CAT_ALL = 0, CAT_COLLATE = 1, CAT_CTYPE = 2, CAT_MONETARY = 3, CAT_NUMERIC = 4,
       CAT_TIME = 5, CAT_MESSAGES = 6, CAT_MAX = 5 };
#define CATMASK(n) ((1 << (n)) >> 1)
enum { CATS_NONE = 0, CATS_ALL = CATMASK(CAT_MESSAGES + 1) - 1 };
enum { LOCK_LOCALE = 0 };

struct facet {              /* locale::facet, under _Facet_base's vtable */
	const void *const *vtbl;
	volatile LONG refs;
};
_Static_assert(sizeof(struct facet) == 0x10, "locale::facet is 0x10 bytes");

struct yarn {               /* _Yarn<char>: a malloc'd string or none */
	char *ptr;
	char nul;
};

struct wyarn {              /* _Yarn<wchar_t> */
	WCHAR *ptr;
	WCHAR nul;
};

struct locimp {             /* locale::_Locimp */
	struct facet facet;
	struct facet **facetvec;
	size_t facetcount;
	int catmask;
	BOOLEAN xparent;    /* transparent: missing facets come from the global locale */
	struct yarn name;   /* "*" when it has no name */
};
_Static_assert(sizeof(struct locimp) == 0x38, "locale::_Locimp is 0x38 bytes");

struct locinfo {            /* _Locinfo: the C locale switched for its life */
	int lock;           /* _Lockit, taken by the inline constructor */
	struct yarn days, months;
	struct wyarn wdays, wmonths;
	struct yarn oldname, newname;
};
_Static_assert(sizeof(struct locinfo) == 0x68, "_Locinfo is 0x68 bytes");

struct ctypevec {           /* _Ctypevec: classification, from _Getctype */
	ULONG page;
	const short *table;
	int delfl;          /* the table is the facet's to free */
	WCHAR *locale_name;
};

struct cvtvec {             /* _Cvtvec: conversions, from _Getcvt */
	UINT page;
	UINT mb_cur_max;
	int is_c_locale;
	BYTE is_lead_byte[32];
};

struct collvec {            /* _Collvec */
	UINT page;
	WCHAR *locale_name;
};

struct locale_id {          /* locale::id: 0 until first used */
	size_t id;
};

/* ctype.c: the C runtime's locale data and conversions */
struct ctypevec __cdecl _Getctype(void);
struct cvtvec __cdecl _Getcvt(void);
int __cdecl _Tolower(int c, const struct ctypevec *v);
int __cdecl _Toupper(int c, const struct ctypevec *v);
short __cdecl _Getwctype(WCHAR c, const struct ctypevec *v);
WCHAR __cdecl _Towlower(WCHAR c, const struct ctypevec *v);
WCHAR __cdecl _Towupper(WCHAR c, const struct ctypevec *v);
int __cdecl _Mbrtowc(WCHAR *out, const char *s, size_t n, void *state, const struct cvtvec *v);
int __cdecl _Wcrtomb(char *out, WCHAR c, void *state, const struct cvtvec *v);

/* locinfo.c */
struct locinfo *__cdecl locinfo_ctor_name(struct locinfo *info, const char *name);
void __cdecl locinfo_dtor_all(struct locinfo *info);
void **__cdecl locinfo_gettnames(const struct locinfo *info, void **timevec);
struct locale;
typedef void *(__cdecl *locinfo_facet_ctor)(void *f, const struct locinfo *info, size_t refs);
void *locinfo_make_facet(void *f, const char *name, size_t refs, locinfo_facet_ctor ctor);
size_t locinfo_getcat(const struct facet **pf, const struct locale *loc, size_t size, locinfo_facet_ctor ctor);

void __cdecl msvcp_xbad_alloc(void);

/* locale.c */
void *msvcp_alloc(size_t size);
void msvcp_free(void *p);
void yarn_set(struct yarn *y, const char *s);
const char *yarn_str(const struct yarn *y);
void __cdecl facet_init(struct facet *f, const void *const *vtbl, size_t refs);
void __cdecl facet_incref(struct facet *f);
struct facet *__cdecl facet_decref(struct facet *f);
void facet_release(struct facet *f);
size_t __cdecl locale_id_get(struct locale_id *id);
struct locimp *__cdecl locale_init(BOOLEAN incref);
void __cdecl locimp_addfac(struct locimp *imp, struct facet *f, size_t id);
void locimp_add_made(struct locimp *imp, const struct locinfo *info, size_t size, locinfo_facet_ctor ctor,
		     struct locale_id *id);
const char *locale_c_setlocale(int category, const char *name);
extern struct locimp *clocptr;

/* A facet class's scalar deleting destructor: its own destructor, then
 * the memory when flags say so. */
#define FACET_VECTOR_DTOR(name, dtor) \
	static void *__cdecl name(void *f, unsigned flags) \
	{ \
		dtor(f); \
		if (flags & 1) \
			msvcp_free(f); \
		return f; \
	}

/* locale_ctype.c, locale_codecvt.c: the facets _Makeloc adds */
void locale_add_ctype(const struct locinfo *info, struct locimp *imp, int cat, BOOL wide);
void locale_add_codecvt(const struct locinfo *info, struct locimp *imp, int cat, BOOL wide);

#endif
