/*
 * LdrFindResource_U, LdrFindResourceDirectory_U and LdrAccessResource:
 * the walk down a module's resource tree (type, name, language) that
 * the activation context code needs for RT_MANIFEST.  A path element
 * is an integer ID (below 0x10000) or a string compared without case,
 * as the resource compiler stores names upper-cased.  Data files
 * (LoadLibraryEx's base + 1 or + 2) are laid out as images here.
 */
#include "loader.h"

typedef struct {
	ULONG_PTR Type;
	ULONG_PTR Name;
	ULONG_PTR Language;
} LDR_RESOURCE_INFO;

struct res_tree {
	const BYTE *base, *root;
	ULONG size;
};

static NTSTATUS open_tree(HMODULE module, struct res_tree *t)
{
	const IMAGE_NT_HEADERS64 *nt;
	const IMAGE_DATA_DIRECTORY *dd;

	t->base = module ? (const BYTE *)((ULONG_PTR)module & ~(ULONG_PTR)3)
			 : (const BYTE *)lsw_peb()->ImageBaseAddress;
	if (!(nt = (const IMAGE_NT_HEADERS64 *)RtlImageNtHeader((PVOID)t->base)) ||
	    nt->OptionalHeader.Magic != IMAGE_NT_OPTIONAL_HDR64_MAGIC)
		return STATUS_INVALID_IMAGE_FORMAT;
	if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_RESOURCE)
		return STATUS_RESOURCE_DATA_NOT_FOUND;
	dd = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_RESOURCE];
	if (!dd->VirtualAddress || dd->Size < sizeof(IMAGE_RESOURCE_DIRECTORY) ||
	    dd->VirtualAddress >= nt->OptionalHeader.SizeOfImage ||
	    dd->Size > nt->OptionalHeader.SizeOfImage - dd->VirtualAddress)
		return STATUS_RESOURCE_DATA_NOT_FOUND;
	t->root = t->base + dd->VirtualAddress;
	t->size = dd->Size;
	return STATUS_SUCCESS;
}

/* The directory at offset, its entries counted in *n; NULL if it does
 * not fit in the tree. */
static const IMAGE_RESOURCE_DIRECTORY *dir_at(const struct res_tree *t, ULONG offset, ULONG *n)
{
	const IMAGE_RESOURCE_DIRECTORY *dir;

	if (offset > t->size - sizeof(*dir))
		return NULL;
	dir = (const IMAGE_RESOURCE_DIRECTORY *)(t->root + offset);
	*n = (ULONG)dir->NumberOfNamedEntries + dir->NumberOfIdEntries;
	if (*n > (t->size - offset - sizeof(*dir)) / sizeof(IMAGE_RESOURCE_DIRECTORY_ENTRY))
		return NULL;
	return dir;
}

static BOOL name_matches(const struct res_tree *t, const IMAGE_RESOURCE_DIRECTORY_ENTRY *e,
			 ULONG_PTR key)
{
	const IMAGE_RESOURCE_DIR_STRING_U *s;
	SIZE_T len;

	if (!e->NameIsString)
		return IS_INTRESOURCE(key) && e->Id == (WORD)key;
	if (IS_INTRESOURCE(key) || e->NameOffset > t->size - sizeof(*s))
		return FALSE;
	len = wcslen((const WCHAR *)key);
	s = (const IMAGE_RESOURCE_DIR_STRING_U *)(t->root + e->NameOffset);
	if ((ULONG)s->Length * sizeof(WCHAR) > t->size - e->NameOffset - sizeof(WORD))
		return FALSE;
	return s->Length == len &&
	       !rtl_wcsnicmp_counted(s->NameString, s->Length, (const WCHAR *)key, len);
}

/* One level down: the entry of dir matching key.  For the language
 * level (want_lang), 0 takes the first entry as "any language". */
static const IMAGE_RESOURCE_DIRECTORY_ENTRY *find_entry(const struct res_tree *t, ULONG offset,
							ULONG_PTR key, BOOL want_lang)
{
	const IMAGE_RESOURCE_DIRECTORY *dir;
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
	ULONG n, i;

	if (!(dir = dir_at(t, offset, &n)))
		return NULL;
	e = (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
	for (i = 0; i < n; i++)
		if (name_matches(t, &e[i], key))
			return &e[i];
	if (want_lang && n && (!key || key == MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL)))
		return &e[0];
	return NULL;
}

/* Walks `level` elements of info (1..3); the last entry found. */
static NTSTATUS walk(HMODULE module, const LDR_RESOURCE_INFO *info, ULONG level,
		     struct res_tree *t, const IMAGE_RESOURCE_DIRECTORY_ENTRY **out)
{
	static const NTSTATUS missing[] = { STATUS_RESOURCE_TYPE_NOT_FOUND,
					    STATUS_RESOURCE_NAME_NOT_FOUND,
					    STATUS_RESOURCE_LANG_NOT_FOUND };
	const ULONG_PTR keys[3] = { info->Type, info->Name, info->Language };
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *e = NULL;
	ULONG offset = 0, i;
	NTSTATUS status;

	if (level < 1 || level > 3)
		return STATUS_INVALID_PARAMETER;
	if ((status = open_tree(module, t)))
		return status;
	for (i = 0; i < level; i++) {
		if (i && !e->DataIsDirectory)
			return missing[i];
		if (i)
			offset = e->OffsetToDirectory;
		if (!(e = find_entry(t, offset, keys[i], i == 2)))
			return missing[i];
	}
	*out = e;
	return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS NTAPI LdrFindResource_U(HMODULE module, const LDR_RESOURCE_INFO *info,
						       ULONG level,
						       const IMAGE_RESOURCE_DATA_ENTRY **entry)
{
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
	struct res_tree t;
	NTSTATUS status;

	if ((status = walk(module, info, level, &t, &e)))
		return status;
	if (e->DataIsDirectory || e->OffsetToData > t.size - sizeof(**entry))
		return STATUS_RESOURCE_DATA_NOT_FOUND;
	*entry = (const IMAGE_RESOURCE_DATA_ENTRY *)(t.root + e->OffsetToData);
	return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS NTAPI LdrFindResourceDirectory_U(HMODULE module,
								const LDR_RESOURCE_INFO *info,
								ULONG level,
								const IMAGE_RESOURCE_DIRECTORY **dir)
{
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
	struct res_tree t;
	NTSTATUS status;
	ULONG n;

	if ((status = walk(module, info, level, &t, &e)))
		return status;
	if (!e->DataIsDirectory || !(*dir = dir_at(&t, e->OffsetToDirectory, &n)))
		return STATUS_RESOURCE_DATA_NOT_FOUND;
	return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS NTAPI LdrAccessResource(HMODULE module,
						       const IMAGE_RESOURCE_DATA_ENTRY *entry,
						       void **data, ULONG *size)
{
	const IMAGE_NT_HEADERS64 *nt;
	const BYTE *base = (const BYTE *)((ULONG_PTR)(module ? module : lsw_peb()->ImageBaseAddress) &
					  ~(ULONG_PTR)3);

	if (!entry || !(nt = (const IMAGE_NT_HEADERS64 *)RtlImageNtHeader((PVOID)base)))
		return STATUS_RESOURCE_DATA_NOT_FOUND;
	if (entry->OffsetToData >= nt->OptionalHeader.SizeOfImage ||
	    entry->Size > nt->OptionalHeader.SizeOfImage - entry->OffsetToData)
		return STATUS_RESOURCE_DATA_NOT_FOUND;
	if (data)
		*data = (void *)(base + entry->OffsetToData);
	if (size)
		*size = entry->Size;
	return STATUS_SUCCESS;
}
