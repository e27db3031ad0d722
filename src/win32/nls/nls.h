/*
 * National-language support shared by ntdll and kernel32: Unicode case
 * mapping, character types, normalization, single-byte code pages.  The
 * data are generated tables (tools/gen_nls.py, from the Unicode Character
 * Database and the public code page mappings); each DLL compiles the
 * modules it needs (see meson.build here).
 *
 * Code points are UTF-32 (unsigned) where supplementary characters matter.
 */
#ifndef LSW_NLS_H
#define LSW_NLS_H

#include <windows.h>

/* case.c: simple case mappings without the Turkish I's (Windows' table). */
unsigned nls_toupper(unsigned c);
unsigned nls_tolower(unsigned c);
/* Full case folding (CaseFolding.txt) of a BMP unit into out (up to 3
 * units); returns their count. */
struct nls_fold {
	WCHAR c, to[3];
};
int nls_casefold(WCHAR c, WCHAR out[3]);

/* ctype.c: GetStringTypeW classes of one UTF-16 unit. */
WORD nls_ctype1(WCHAR c);
WORD nls_ctype2(WCHAR c);
WORD nls_ctype3(WCHAR c);
/* The digit value MAP_FOLDDIGITS gives c (0-9), or -1. */
int nls_digit_value(unsigned c);

/* norm.c (ntdll): Unicode normalization.  Forms as NORM_FORM. */
#define NLS_NORM_C 1
#define NLS_NORM_D 2
#define NLS_NORM_KC 5
#define NLS_NORM_KD 6
/* Normalizes src[0..n) into dst (room for *dn units).  Returns
 * STATUS_SUCCESS with *dn the length, STATUS_BUFFER_TOO_SMALL with *dn the
 * length needed, or STATUS_NO_UNICODE_TRANSLATION with *dn the source
 * position of the ill-formed unit (lone surrogate, noncharacter). */
LONG nls_normalize(int form, const WCHAR *src, int n, WCHAR *dst, int *dn);
unsigned nls_combining_class(unsigned c);

/* sbcs.c: single-byte code pages. */
struct nls_sb_reverse {
	WCHAR u;
	BYTE b;
};
struct nls_sb_page {
	unsigned short cp;
	const WCHAR *name;                    /* as GetCPInfoEx reports it */
	const unsigned short *to_unicode;     /* 256 entries */
	const struct nls_sb_reverse *from_unicode; /* sorted by u */
	unsigned short nfrom;
};
#define NLS_SB_UNDEFINED_BASE 0xF700 /* an undefined byte b maps to this + b */

const struct nls_sb_page *nls_sb_page(unsigned cp); /* NULL: not a table page */
const struct nls_sb_page *nls_sb_page_at(int i);   /* NULL past the last */
/* The byte of c in the page (exact mapping), or -1. */
int nls_sb_exact(const struct nls_sb_page *p, WCHAR c);
/* The byte of c or of its best-fit base letter ("ā" -> 'a'), or -1. */
int nls_sb_best_fit(const struct nls_sb_page *p, WCHAR c);
BOOL nls_sb_byte_defined(const struct nls_sb_page *p, BYTE b);

/* locale_names.c: the locales we know, by name and by LCID. */
enum nls_locale_kind {
	NLS_LOCALE_SPECIFIC, /* a locale with its own data */
	NLS_LOCALE_NEUTRAL,  /* a language ("en"): uses its specific locale's data */
	NLS_LOCALE_ALIAS,    /* a sort variant ("de-DE_phoneb") of a specific locale */
};
struct nls_locale_name {
	const WCHAR *name;
	unsigned lcid;
	unsigned short record;   /* row of the data table (kernel32) */
	unsigned short kind;     /* enum nls_locale_kind */
	unsigned short specific; /* entry of the specific locale (itself if specific) */
};
#define NLS_DEFAULT_LCID 0x0409 /* the user, system and UI locale: en-US */
/* By name, ignoring case, '_' and '-' alike; NULL if unknown. */
const struct nls_locale_name *nls_locale_by_name(const WCHAR *name);
/* By exact LCID (a neutral LCID finds the neutral name); NULL if unknown. */
const struct nls_locale_name *nls_locale_by_lcid(unsigned lcid);
const struct nls_locale_name *nls_locale_specific(const struct nls_locale_name *e);
int nls_locale_count(void);
const struct nls_locale_name *nls_locale_at(int i); /* in name order */

/* Internal table entry types of the generated headers. */
struct nls_case_range {
	unsigned first, last;
	int delta;
};
struct nls_digit_range {
	unsigned first, last, digit; /* digit: the value of first */
};
struct nls_ccc_range {
	unsigned first, last, ccc;
};
struct nls_supp_decomp {
	unsigned c;
	unsigned short pool; /* offset of the sequence in the pool */
};
struct nls_composition {
	unsigned first, second, composite;
};

#define NLS_TWO_LEVEL(table, c) (table##_blocks[table##_pages[(c) >> 8]][(c) & 0xFF])

#endif
