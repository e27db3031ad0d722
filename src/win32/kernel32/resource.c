/*
 * Resources of a mapped image: FindResource*, LoadResource, LockResource,
 * SizeofResource, FreeResource and EnumResource*.
 *
 * The resource directory (the PE's IMAGE_DIRECTORY_ENTRY_RESOURCE) is a
 * three-level tree: type, name, language.  Each directory lists its
 * entries named by string first, then by number; an entry is a
 * subdirectory or, at the third level, an IMAGE_RESOURCE_DATA_ENTRY whose
 * RVA locates the bytes.  An HRSRC is the address of that data entry, and
 * an HGLOBAL from LoadResource is the address of the bytes (resources are
 * read-only parts of the image; there is nothing to free).  A module whose
 * headers or directory do not hold together has no resources here: every
 * offset is checked against the directory's size before it is followed.
 */
#include "k32_private.h"


struct res_dir {
	const BYTE *base;  /* the image */
	const BYTE *root;  /* the resource section's directory */
	DWORD size;        /* bytes of the resource data directory */
};

/* A resource key: a number (IS_INTRESOURCE) or a name. */
struct res_key {
	WORD id;
	const WCHAR *name; /* NULL for a number */
};

static const IMAGE_NT_HEADERS64 *image_headers(const BYTE *base)
{
	const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)base;
	const IMAGE_NT_HEADERS64 *nt;

	if (dos->e_magic != IMAGE_DOS_SIGNATURE || dos->e_lfanew <= 0 || dos->e_lfanew > 0x10000)
		return NULL;
	nt = (const IMAGE_NT_HEADERS64 *)(base + dos->e_lfanew);
	if (nt->Signature != IMAGE_NT_SIGNATURE ||
	    nt->OptionalHeader.Magic != IMAGE_NT_OPTIONAL_HDR64_MAGIC)
		return NULL;
	return nt;
}

/* The resource directory of a module (NULL: the program's own image). */
static BOOL res_open(HMODULE mod, struct res_dir *d)
{
	const IMAGE_NT_HEADERS64 *nt;
	const IMAGE_DATA_DIRECTORY *dd;

	/* a data-file handle is its base with low bits set (LoadLibraryEx) */
	d->base = mod ? (const BYTE *)((ULONG_PTR)mod & ~(ULONG_PTR)3)
		      : (const BYTE *)lsw_peb()->ImageBaseAddress;
	nt = image_headers(d->base);
	if (!nt)
		return k32_error(ERROR_BAD_EXE_FORMAT);
	if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_RESOURCE)
		return k32_error(ERROR_RESOURCE_DATA_NOT_FOUND);
	dd = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_RESOURCE];
	if (!dd->VirtualAddress || dd->Size < sizeof(IMAGE_RESOURCE_DIRECTORY) ||
	    dd->VirtualAddress >= nt->OptionalHeader.SizeOfImage ||
	    dd->Size > nt->OptionalHeader.SizeOfImage - dd->VirtualAddress)
		return k32_error(ERROR_RESOURCE_DATA_NOT_FOUND);
	d->root = d->base + dd->VirtualAddress;
	d->size = dd->Size;
	return TRUE;
}

/* The directory at `offset` from the root, or NULL when it does not fit. */
static const IMAGE_RESOURCE_DIRECTORY *res_subdir(const struct res_dir *d, DWORD offset,
						  DWORD *count)
{
	const IMAGE_RESOURCE_DIRECTORY *dir;

	if (offset > d->size - sizeof(*dir))
		return NULL;
	dir = (const IMAGE_RESOURCE_DIRECTORY *)(d->root + offset);
	*count = (DWORD)dir->NumberOfNamedEntries + dir->NumberOfIdEntries;
	if (*count > (d->size - offset - sizeof(*dir)) / sizeof(IMAGE_RESOURCE_DIRECTORY_ENTRY))
		return NULL;
	return dir;
}

static const IMAGE_RESOURCE_DIRECTORY_ENTRY *res_entries(const IMAGE_RESOURCE_DIRECTORY *dir)
{
	return (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
}

/* An entry's name string (IMAGE_RESOURCE_DIR_STRING_U), or NULL. */
static const IMAGE_RESOURCE_DIR_STRING_U *res_name(const struct res_dir *d,
						   const IMAGE_RESOURCE_DIRECTORY_ENTRY *e)
{
	const IMAGE_RESOURCE_DIR_STRING_U *s;
	DWORD offset = e->Name & 0x7FFFFFFF;

	if (offset > d->size - sizeof(WORD))
		return NULL;
	s = (const IMAGE_RESOURCE_DIR_STRING_U *)(d->root + offset);
	if (s->Length > (d->size - offset - sizeof(WORD)) / sizeof(WCHAR))
		return NULL;
	return s;
}

static BOOL name_equal(const IMAGE_RESOURCE_DIR_STRING_U *s, const WCHAR *name)
{
	WORD i;

	for (i = 0; i < s->Length; i++)
		if (!name[i] || RtlUpcaseUnicodeChar(s->NameString[i]) != RtlUpcaseUnicodeChar(name[i]))
			return FALSE;
	return name[i] == 0;
}

static BOOL entry_matches(const struct res_dir *d, const IMAGE_RESOURCE_DIRECTORY_ENTRY *e,
			  const struct res_key *k)
{
	const IMAGE_RESOURCE_DIR_STRING_U *s;

	if (!(e->Name & 0x80000000))
		return !k->name && e->Name == k->id;
	if (!k->name || !(s = res_name(d, e)))
		return FALSE;
	return name_equal(s, k->name);
}

/* The entry of `dir` (at offset) that `k` names, or NULL. */
static const IMAGE_RESOURCE_DIRECTORY_ENTRY *res_lookup(const struct res_dir *d, DWORD offset,
							 const struct res_key *k)
{
	const IMAGE_RESOURCE_DIRECTORY *dir;
	DWORD count, i;

	dir = res_subdir(d, offset, &count);
	if (!dir)
		return NULL;
	for (i = 0; i < count; i++)
		if (entry_matches(d, &res_entries(dir)[i], k))
			return &res_entries(dir)[i];
	return NULL;
}

/* "#123" is the number 123, as for the resource compiler. */
static BOOL res_key_w(const WCHAR *s, struct res_key *k)
{
	DWORD v = 0;

	k->name = NULL;
	if (IS_INTRESOURCE(s)) {
		k->id = LOWORD((ULONG_PTR)s);
		return TRUE;
	}
	if (s[0] != '#') {
		k->name = s;
		return TRUE;
	}
	for (s++; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (*s - '0');
	k->id = (WORD)v;
	return TRUE;
}

/* The third-level entry for `lang`; LANG_NEUTRAL asks for the thread's
 * language with the fallbacks FindResourceEx documents, then whatever
 * language the resource has. */
static const IMAGE_RESOURCE_DIRECTORY_ENTRY *res_language(const struct res_dir *d, DWORD offset,
							   WORD lang)
{
	const IMAGE_RESOURCE_DIRECTORY *dir;
	LANGID ui = GetUserDefaultUILanguage();
	const WORD tries[] = { ui, MAKELANGID(PRIMARYLANGID(ui), SUBLANG_NEUTRAL),
			       MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL),
			       MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
			       MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US),
			       MAKELANGID(LANG_ENGLISH, SUBLANG_NEUTRAL) };
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
	DWORD count;

	if (lang != MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL))
		return res_lookup(d, offset, &(struct res_key){ lang, NULL });
	for (unsigned i = 0; i < sizeof(tries) / sizeof(tries[0]); i++)
		if ((e = res_lookup(d, offset, &(struct res_key){ tries[i], NULL })))
			return e;
	dir = res_subdir(d, offset, &count);
	return dir && count ? &res_entries(dir)[0] : NULL;
}

/* Follows a subdirectory entry: its offset, or FALSE if it is a leaf. */
static BOOL res_descend(const IMAGE_RESOURCE_DIRECTORY_ENTRY *e, DWORD *offset)
{
	if (!(e->OffsetToData & 0x80000000))
		return FALSE;
	*offset = e->OffsetToData & 0x7FFFFFFF;
	return TRUE;
}

static HRSRC res_find(HMODULE mod, const struct res_key *type, const struct res_key *name,
		      WORD lang)
{
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
	struct res_dir d;
	DWORD offset = 0;

	if (!res_open(mod, &d))
		return NULL;
	if (!(e = res_lookup(&d, 0, type)) || !res_descend(e, &offset))
		return (HRSRC)(ULONG_PTR)k32_error(ERROR_RESOURCE_TYPE_NOT_FOUND);
	if (!(e = res_lookup(&d, offset, name)) || !res_descend(e, &offset))
		return (HRSRC)(ULONG_PTR)k32_error(ERROR_RESOURCE_NAME_NOT_FOUND);
	e = res_language(&d, offset, lang);
	if (!e || (e->OffsetToData & 0x80000000) ||
	    e->OffsetToData > d.size - sizeof(IMAGE_RESOURCE_DATA_ENTRY))
		return (HRSRC)(ULONG_PTR)k32_error(ERROR_RESOURCE_LANG_NOT_FOUND);
	return (HRSRC)(d.root + e->OffsetToData);
}

K32API HRSRC WINAPI FindResourceExW(HMODULE mod, LPCWSTR type, LPCWSTR name, WORD lang)
{
	struct res_key t, n;

	if (!type || !name)
		return (HRSRC)(ULONG_PTR)k32_error(ERROR_INVALID_PARAMETER);
	res_key_w(type, &t);
	res_key_w(name, &n);
	return res_find(mod, &t, &n, lang);
}

K32API HRSRC WINAPI FindResourceW(HMODULE mod, LPCWSTR name, LPCWSTR type)
{
	return FindResourceExW(mod, type, name, MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL));
}

/* An A resource name as W: numbers pass through, strings are converted
 * (heap copy in *copy, freed by the caller). */
static BOOL res_arg_a(LPCSTR a, LPCWSTR *w, WCHAR **copy)
{
	*copy = NULL;
	if (IS_INTRESOURCE(a)) {
		*w = (LPCWSTR)a;
		return TRUE;
	}
	*copy = k32_a_to_w(a);
	*w = *copy;
	return *copy ? TRUE : k32_error(ERROR_NOT_ENOUGH_MEMORY);
}

K32API HRSRC WINAPI FindResourceExA(HMODULE mod, LPCSTR type, LPCSTR name, WORD lang)
{
	WCHAR *tc = NULL, *nc = NULL;
	LPCWSTR tw, nw;
	HRSRC r = NULL;

	if (!type || !name)
		return (HRSRC)(ULONG_PTR)k32_error(ERROR_INVALID_PARAMETER);
	if (res_arg_a(type, &tw, &tc) && res_arg_a(name, &nw, &nc))
		r = FindResourceExW(mod, tw, nw, lang);
	k32_free(tc);
	k32_free(nc);
	return r;
}

K32API HRSRC WINAPI FindResourceA(HMODULE mod, LPCSTR name, LPCSTR type)
{
	return FindResourceExA(mod, type, name, MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL));
}

K32API HGLOBAL WINAPI LoadResource(HMODULE mod, HRSRC res)
{
	const IMAGE_RESOURCE_DATA_ENTRY *e = (const IMAGE_RESOURCE_DATA_ENTRY *)res;
	const IMAGE_NT_HEADERS64 *nt;
	const BYTE *base = mod ? (const BYTE *)((ULONG_PTR)mod & ~(ULONG_PTR)3)
			       : (const BYTE *)lsw_peb()->ImageBaseAddress;

	if (!res)
		return (HGLOBAL)(ULONG_PTR)k32_error(ERROR_INVALID_HANDLE);
	nt = image_headers(base);
	if (!nt || e->OffsetToData >= nt->OptionalHeader.SizeOfImage ||
	    e->Size > nt->OptionalHeader.SizeOfImage - e->OffsetToData)
		return (HGLOBAL)(ULONG_PTR)k32_error(ERROR_RESOURCE_DATA_NOT_FOUND);
	return (HGLOBAL)(base + e->OffsetToData);
}

K32API LPVOID WINAPI LockResource(HGLOBAL data)
{
	return data;
}

K32API DWORD WINAPI SizeofResource(HMODULE mod, HRSRC res)
{
	if (!res)
		return k32_error(ERROR_INVALID_HANDLE);
	return ((const IMAGE_RESOURCE_DATA_ENTRY *)res)->Size;
}

/* Obsolete: there is nothing to free; documented to return FALSE. */
K32API BOOL WINAPI FreeResource(HGLOBAL data)
{
	return FALSE;
}

/*
 * Enumeration.  One walker serves the three levels and both character
 * sets; the A and W callbacks differ only in the strings they receive.
 * A string name reaches the callback as a NUL-terminated heap copy; a
 * number as MAKEINTRESOURCE.  A callback returning FALSE stops the walk,
 * and the function then fails with ERROR_RESOURCE_ENUM_USER_STOP.
 */
struct res_enum {
	HMODULE mod;
	BOOL ansi;
	int level;         /* 0 types, 1 names, 2 languages */
	const void *type;  /* the caller's own arguments, passed back */
	const void *name;
	void *fn;
	LONG_PTR param;
	WORD lang;         /* 0: every language */
};

/* An entry's name as the callback wants it, or NULL on no memory. */
static void *entry_name(const struct res_dir *d, const IMAGE_RESOURCE_DIRECTORY_ENTRY *e,
			BOOL ansi)
{
	const IMAGE_RESOURCE_DIR_STRING_U *s;
	void *out;

	if (!(e->Name & 0x80000000))
		return MAKEINTRESOURCEW(e->Name & 0xFFFF);
	if (!(s = res_name(d, e)))
		return NULL;
	out = RtlAllocateHeap(k32_heap(), 0, (s->Length + 1) * sizeof(WCHAR));
	if (!out)
		return NULL;
	if (ansi) {
		k32_w_to_a(s->NameString, s->Length, out);
	} else {
		memcpy(out, s->NameString, s->Length * sizeof(WCHAR));
		((WCHAR *)out)[s->Length] = 0;
	}
	return out;
}

/* Whether the subtree under entry e holds a resource in language `lang`. */
static BOOL has_language(const struct res_dir *d, const IMAGE_RESOURCE_DIRECTORY_ENTRY *e,
			 int level, WORD lang)
{
	const IMAGE_RESOURCE_DIRECTORY *dir;
	DWORD offset, count, i;

	if (level == 2)
		return (e->Name & 0xFFFF) == lang;
	if (!res_descend(e, &offset) || !(dir = res_subdir(d, offset, &count)))
		return FALSE;
	for (i = 0; i < count; i++)
		if (has_language(d, &res_entries(dir)[i], level + 1, lang))
			return TRUE;
	return FALSE;
}

static BOOL call_back(const struct res_enum *c, void *name, WORD lang)
{
	switch (c->level) {
	case 0:
		return ((ENUMRESTYPEPROCW)c->fn)(c->mod, name, c->param);
	case 1:
		return ((ENUMRESNAMEPROCW)c->fn)(c->mod, c->type, name, c->param);
	default:
		return ((ENUMRESLANGPROCW)c->fn)(c->mod, c->type, c->name, lang, c->param);
	}
}

static BOOL res_walk(const struct res_enum *c, const struct res_dir *d, DWORD offset)
{
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
	const IMAGE_RESOURCE_DIRECTORY *dir;
	DWORD count, i;
	void *name;
	BOOL go;

	if (!c->fn)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(dir = res_subdir(d, offset, &count)))
		return k32_error(ERROR_RESOURCE_DATA_NOT_FOUND);
	for (i = 0; i < count; i++) {
		e = &res_entries(dir)[i];
		if (c->lang && !has_language(d, e, c->level, c->lang))
			continue;
		if (!(name = entry_name(d, e, c->ansi)))
			return k32_error(ERROR_NOT_ENOUGH_MEMORY);
		go = call_back(c, name, (WORD)(e->Name & 0xFFFF));
		if (!IS_INTRESOURCE(name))
			k32_free(name);
		if (!go)
			return k32_error(ERROR_RESOURCE_ENUM_USER_STOP);
	}
	return TRUE;
}

/* Walks the level c->level names: the root, a type's names, or a name's
 * languages (type and name are W keys). */
static BOOL res_enum(const struct res_enum *c, LPCWSTR type, LPCWSTR name)
{
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
	struct res_key k;
	struct res_dir d;
	DWORD offset = 0;

	if (!res_open(c->mod, &d))
		return FALSE;
	if (c->level >= 1) {
		res_key_w(type, &k);
		if (!(e = res_lookup(&d, 0, &k)) || !res_descend(e, &offset))
			return k32_error(ERROR_RESOURCE_TYPE_NOT_FOUND);
	}
	if (c->level == 2) {
		res_key_w(name, &k);
		if (!(e = res_lookup(&d, offset, &k)) || !res_descend(e, &offset))
			return k32_error(ERROR_RESOURCE_NAME_NOT_FOUND);
	}
	return res_walk(c, &d, offset);
}

/* The A twins: W keys for the lookup, the caller's A strings passed back. */
static BOOL res_enum_a(struct res_enum *c, LPCSTR type, LPCSTR name)
{
	WCHAR *tc = NULL, *nc = NULL;
	LPCWSTR tw = NULL, nw = NULL;
	BOOL ok = FALSE;

	c->ansi = TRUE;
	c->type = type;
	c->name = name;
	if ((c->level < 1 || res_arg_a(type, &tw, &tc)) && (c->level < 2 || res_arg_a(name, &nw, &nc)))
		ok = res_enum(c, tw, nw);
	k32_free(tc);
	k32_free(nc);
	return ok;
}

K32API BOOL WINAPI EnumResourceTypesExW(HMODULE mod, ENUMRESTYPEPROCW fn, LONG_PTR param,
					DWORD flags, LANGID lang)
{
	struct res_enum c = { mod, FALSE, 0, NULL, NULL, (void *)fn, param, lang };

	return res_enum(&c, NULL, NULL);
}

K32API BOOL WINAPI EnumResourceTypesW(HMODULE mod, ENUMRESTYPEPROCW fn, LONG_PTR param)
{
	return EnumResourceTypesExW(mod, fn, param, 0, 0);
}

K32API BOOL WINAPI EnumResourceTypesExA(HMODULE mod, ENUMRESTYPEPROCA fn, LONG_PTR param,
					DWORD flags, LANGID lang)
{
	struct res_enum c = { mod, TRUE, 0, NULL, NULL, (void *)fn, param, lang };

	return res_enum_a(&c, NULL, NULL);
}

K32API BOOL WINAPI EnumResourceTypesA(HMODULE mod, ENUMRESTYPEPROCA fn, LONG_PTR param)
{
	return EnumResourceTypesExA(mod, fn, param, 0, 0);
}

K32API BOOL WINAPI EnumResourceNamesExW(HMODULE mod, LPCWSTR type, ENUMRESNAMEPROCW fn,
					LONG_PTR param, DWORD flags, LANGID lang)
{
	struct res_enum c = { mod, FALSE, 1, type, NULL, (void *)fn, param, lang };

	if (!type)
		return k32_error(ERROR_INVALID_PARAMETER);
	return res_enum(&c, type, NULL);
}

K32API BOOL WINAPI EnumResourceNamesW(HMODULE mod, LPCWSTR type, ENUMRESNAMEPROCW fn,
				      LONG_PTR param)
{
	return EnumResourceNamesExW(mod, type, fn, param, 0, 0);
}

K32API BOOL WINAPI EnumResourceNamesExA(HMODULE mod, LPCSTR type, ENUMRESNAMEPROCA fn,
					LONG_PTR param, DWORD flags, LANGID lang)
{
	struct res_enum c = { mod, TRUE, 1, NULL, NULL, (void *)fn, param, lang };

	if (!type)
		return k32_error(ERROR_INVALID_PARAMETER);
	return res_enum_a(&c, type, NULL);
}

K32API BOOL WINAPI EnumResourceNamesA(HMODULE mod, LPCSTR type, ENUMRESNAMEPROCA fn,
				      LONG_PTR param)
{
	return EnumResourceNamesExA(mod, type, fn, param, 0, 0);
}

K32API BOOL WINAPI EnumResourceLanguagesExW(HMODULE mod, LPCWSTR type, LPCWSTR name,
					    ENUMRESLANGPROCW fn, LONG_PTR param, DWORD flags,
					    LANGID lang)
{
	struct res_enum c = { mod, FALSE, 2, type, name, (void *)fn, param, lang };

	if (!type || !name)
		return k32_error(ERROR_INVALID_PARAMETER);
	return res_enum(&c, type, name);
}

K32API BOOL WINAPI EnumResourceLanguagesW(HMODULE mod, LPCWSTR type, LPCWSTR name,
					  ENUMRESLANGPROCW fn, LONG_PTR param)
{
	return EnumResourceLanguagesExW(mod, type, name, fn, param, 0, 0);
}

K32API BOOL WINAPI EnumResourceLanguagesExA(HMODULE mod, LPCSTR type, LPCSTR name,
					    ENUMRESLANGPROCA fn, LONG_PTR param, DWORD flags,
					    LANGID lang)
{
	struct res_enum c = { mod, TRUE, 2, NULL, NULL, (void *)fn, param, lang };

	if (!type || !name)
		return k32_error(ERROR_INVALID_PARAMETER);
	return res_enum_a(&c, type, name);
}

K32API BOOL WINAPI EnumResourceLanguagesA(HMODULE mod, LPCSTR type, LPCSTR name,
					  ENUMRESLANGPROCA fn, LONG_PTR param)
{
	return EnumResourceLanguagesExA(mod, type, name, fn, param, 0, 0);
}
