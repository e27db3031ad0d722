/*
 * BeginUpdateResource, UpdateResource, EndUpdateResource: a PE file's
 * resources are read into a list (unless the caller deletes them all),
 * edited in memory, and written back as one new .rsrc section when the
 * update ends (resource_write.c).  Nothing touches the file before that.
 */
#include "resource_update.h"

static HANDLE heap(void)
{
	return k32_heap();
}

BOOL pe_parse(BYTE *data, DWORD size, struct pe_file *pe)
{
	IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)data;
	IMAGE_NT_HEADERS64 *nt;
	DWORD opt_off, sec_off;

	memset(pe, 0, sizeof(*pe));
	if (size < sizeof(*dos) || dos->e_magic != IMAGE_DOS_SIGNATURE || dos->e_lfanew <= 0 ||
	    (DWORD)dos->e_lfanew > size - sizeof(IMAGE_NT_HEADERS32))
		return FALSE;
	nt = (IMAGE_NT_HEADERS64 *)(data + dos->e_lfanew);
	if (nt->Signature != IMAGE_NT_SIGNATURE)
		return FALSE;
	pe->data = data;
	pe->size = size;
	pe->fh = &nt->FileHeader;
	opt_off = dos->e_lfanew + 4 + sizeof(IMAGE_FILE_HEADER);
	sec_off = opt_off + pe->fh->SizeOfOptionalHeader;
	if (sec_off > size || pe->fh->NumberOfSections > (size - sec_off) / sizeof(IMAGE_SECTION_HEADER))
		return FALSE;
	pe->sections = (IMAGE_SECTION_HEADER *)(data + sec_off);
	/* the fields sit at other offsets in PE32 and PE32+ headers */
#define TAKE_FIELDS(o)                                                  \
	do {                                                            \
		pe->dirs = (o)->DataDirectory;                          \
		pe->ndirs = (o)->NumberOfRvaAndSizes;                   \
		pe->size_of_image = &(o)->SizeOfImage;                  \
		pe->size_of_init_data = &(o)->SizeOfInitializedData;    \
		pe->checksum = &(o)->CheckSum;                          \
		pe->size_of_headers = &(o)->SizeOfHeaders;              \
		pe->file_align = (o)->FileAlignment;                    \
		pe->section_align = (o)->SectionAlignment;              \
	} while (0)
	if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC)
		TAKE_FIELDS(&nt->OptionalHeader);
	else if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR32_MAGIC)
		TAKE_FIELDS((IMAGE_OPTIONAL_HEADER32 *)&nt->OptionalHeader);
	else
		return FALSE;
#undef TAKE_FIELDS
	if ((BYTE *)(pe->dirs + (pe->ndirs < 16 ? pe->ndirs : 16)) > data + sec_off ||
	    !pe->file_align || !pe->section_align)
		return FALSE;
	return pe->ndirs > IMAGE_DIRECTORY_ENTRY_RESOURCE;
}

DWORD pe_rva_to_offset(const struct pe_file *pe, DWORD rva, DWORD len)
{
	for (WORD i = 0; i < pe->fh->NumberOfSections; i++) {
		const IMAGE_SECTION_HEADER *s = &pe->sections[i];

		if (rva >= s->VirtualAddress && rva - s->VirtualAddress < s->SizeOfRawData &&
		    len <= s->SizeOfRawData - (rva - s->VirtualAddress) &&
		    s->PointerToRawData + (rva - s->VirtualAddress) <= pe->size - len)
			return s->PointerToRawData + (rva - s->VirtualAddress);
	}
	return 0;
}

int res_key_compare(const struct res_key *a, const struct res_key *b)
{
	if (a->str && b->str)
		return wcscmp(a->str, b->str);
	if (a->str || b->str)
		return a->str ? -1 : 1; /* named entries come first */
	return (int)a->id - (int)b->id;
}

static BOOL key_from_arg(LPCWSTR arg, struct res_key *k)
{
	k->str = NULL;
	if (IS_INTRESOURCE(arg)) {
		k->id = LOWORD(arg);
		return TRUE;
	}
	k->id = 0;
	if (!(k->str = RtlAllocateHeap(heap(), 0, (wcslen(arg) + 1) * sizeof(WCHAR))))
		return FALSE;
	wcscpy(k->str, arg);
	return TRUE;
}

static void free_item(struct res_item *i)
{
	RtlFreeHeap(heap(), 0, i->type.str);
	RtlFreeHeap(heap(), 0, i->name.str);
	RtlFreeHeap(heap(), 0, i->data);
	RtlFreeHeap(heap(), 0, i);
}

/* Adds (type, name, lang) = data, replacing what was there. */
static BOOL put(struct res_update *u, const struct res_key *type, const struct res_key *name,
		WORD lang, const void *data, DWORD size)
{
	struct res_item **p, *i;

	for (p = &u->items; (i = *p); p = &i->next)
		if (!res_key_compare(&i->type, type) && !res_key_compare(&i->name, name) && i->lang == lang) {
			*p = i->next;
			free_item(i);
			break;
		}
	if (!data)
		return TRUE;
	if (!(i = RtlAllocateHeap(heap(), HEAP_ZERO_MEMORY, sizeof(*i))) ||
	    !(i->data = RtlAllocateHeap(heap(), 0, size ? size : 1))) {
		RtlFreeHeap(heap(), 0, i);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	memcpy(i->data, data, size);
	i->size = size;
	i->lang = lang;
	i->type = *type;
	i->name = *name;
	if ((type->str && !key_from_arg(type->str, &i->type)) ||
	    (name->str && !key_from_arg(name->str, &i->name))) {
		free_item(i);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	i->next = u->items;
	u->items = i;
	return TRUE;
}

/* A directory entry's name as a key (a string borrowed from the file). */
static BOOL entry_key(const struct pe_file *pe, DWORD root, DWORD rsize,
		      const IMAGE_RESOURCE_DIRECTORY_ENTRY *e, struct res_key *k, WCHAR *buf)
{
	const IMAGE_RESOURCE_DIR_STRING_U *s;

	k->str = NULL;
	k->id = e->Id;
	if (!e->NameIsString)
		return TRUE;
	if (e->NameOffset > rsize - 2)
		return FALSE;
	s = (const IMAGE_RESOURCE_DIR_STRING_U *)(pe->data + root + e->NameOffset);
	if (s->Length > 255 || (DWORD)s->Length * 2 > rsize - e->NameOffset - 2)
		return FALSE;
	memcpy(buf, s->NameString, s->Length * sizeof(WCHAR));
	buf[s->Length] = 0;
	k->id = 0;
	k->str = buf;
	return TRUE;
}

static const IMAGE_RESOURCE_DIRECTORY_ENTRY *dir_entries(const struct pe_file *pe, DWORD root,
							   DWORD rsize, DWORD off, DWORD *n)
{
	const IMAGE_RESOURCE_DIRECTORY *d;

	if (off > rsize - sizeof(*d))
		return NULL;
	d = (const IMAGE_RESOURCE_DIRECTORY *)(pe->data + root + off);
	*n = (DWORD)d->NumberOfNamedEntries + d->NumberOfIdEntries;
	if (*n > (rsize - off - sizeof(*d)) / sizeof(IMAGE_RESOURCE_DIRECTORY_ENTRY))
		return NULL;
	return (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(d + 1);
}

/* The bytes of raw data the file holds from rva on, within its section. */
static DWORD raw_room(const struct pe_file *pe, DWORD rva)
{
	for (WORD i = 0; i < pe->fh->NumberOfSections; i++) {
		const IMAGE_SECTION_HEADER *s = &pe->sections[i];
		DWORD in = rva - s->VirtualAddress;

		if (rva >= s->VirtualAddress && in < s->SizeOfRawData && s->PointerToRawData <= pe->size &&
		    in < pe->size - s->PointerToRawData) {
			DWORD in_file = pe->size - s->PointerToRawData - in;

			return s->SizeOfRawData - in < in_file ? s->SizeOfRawData - in : in_file;
		}
	}
	return 0;
}

/* Every resource of the file into the list; FALSE on a tree that does
 * not hold together. */
static BOOL load_existing(struct res_update *u, const struct pe_file *pe)
{
	const IMAGE_DATA_DIRECTORY *dd = &pe->dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE];
	const IMAGE_RESOURCE_DIRECTORY_ENTRY *te, *ne, *le;
	DWORD root, nt, nn, nl, a, b, c, rsize = raw_room(pe, dd->VirtualAddress);
	WCHAR tbuf[256], nbuf[256];

	/* the tree within the file's raw data; a section's raw data may
	 * stop short of its directory's size, the rest reads as zeros (an
	 * empty root when not even it is there) */
	if (dd->Size < rsize)
		rsize = dd->Size;
	if (!dd->VirtualAddress || rsize < sizeof(IMAGE_RESOURCE_DIRECTORY))
		return TRUE;
	if (!(root = pe_rva_to_offset(pe, dd->VirtualAddress, rsize)) ||
	    !(te = dir_entries(pe, root, rsize, 0, &nt)))
		return FALSE;
	for (a = 0; a < nt; a++) {
		struct res_key type, name;

		if (!te[a].DataIsDirectory || !entry_key(pe, root, rsize, &te[a], &type, tbuf) ||
		    !(ne = dir_entries(pe, root, rsize, te[a].OffsetToDirectory, &nn)))
			return FALSE;
		for (b = 0; b < nn; b++) {
			if (!ne[b].DataIsDirectory || !entry_key(pe, root, rsize, &ne[b], &name, nbuf) ||
			    !(le = dir_entries(pe, root, rsize, ne[b].OffsetToDirectory, &nl)))
				return FALSE;
			for (c = 0; c < nl; c++) {
				const IMAGE_RESOURCE_DATA_ENTRY *de;
				DWORD off;

				if (le[c].DataIsDirectory || le[c].OffsetToData > rsize - sizeof(*de))
					return FALSE;
				de = (const IMAGE_RESOURCE_DATA_ENTRY *)(pe->data + root + le[c].OffsetToData);
				if (de->Size && !(off = pe_rva_to_offset(pe, de->OffsetToData, de->Size)))
					return FALSE;
				if (!put(u, &type, &name, le[c].Id, de->Size ? pe->data + off : (BYTE *)"",
					 de->Size))
					return FALSE;
			}
		}
	}
	return TRUE;
}

/* The whole file, in a heap buffer; NULL with the error set. */
static BYTE *read_whole_file(const WCHAR *path, DWORD *size)
{
	HANDLE f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	LARGE_INTEGER len;
	BYTE *data = NULL;
	DWORD got;

	if (f == INVALID_HANDLE_VALUE)
		return NULL;
	if (!GetFileSizeEx(f, &len) || len.QuadPart > 0x40000000)
		k32_error(ERROR_FILE_TOO_LARGE);
	else if (!(data = RtlAllocateHeap(heap(), 0, len.QuadPart ? len.QuadPart : 1)))
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	else if (!ReadFile(f, data, (DWORD)len.QuadPart, &got, NULL) || got != len.QuadPart) {
		RtlFreeHeap(heap(), 0, data);
		data = NULL;
	}
	*size = (DWORD)len.QuadPart;
	CloseHandle(f);
	return data;
}

/* Frees the update's resources, its name block and the handle itself. */
static void free_update(HANDLE h, struct res_update *u)
{
	struct res_item *i, *next;

	for (i = u->items; i; i = next) {
		next = i->next;
		free_item(i);
	}
	GlobalFree(u->path);
	GlobalUnlock(h);
	GlobalFree(h);
}

/* A moveable block holding the path, as the handle's layout wants. */
static HGLOBAL global_path(LPCWSTR path)
{
	SIZE_T bytes = (wcslen(path) + 1) * sizeof(WCHAR);
	HGLOBAL g = GlobalAlloc(GMEM_MOVEABLE, bytes);
	WCHAR *p = g ? GlobalLock(g) : NULL;

	if (!p) {
		GlobalFree(g);
		return NULL;
	}
	memcpy(p, path, bytes);
	GlobalUnlock(g);
	return g;
}

K32API HANDLE WINAPI BeginUpdateResourceW(LPCWSTR path, BOOL delete_existing)
{
	struct res_update *u = NULL;
	struct pe_file pe;
	HANDLE f, h;
	BYTE *data;
	DWORD size;
	BOOL ok;

	if (!path)
		return (HANDLE)(ULONG_PTR)k32_error(ERROR_INVALID_PARAMETER);
	/* the file must be writable now, as Windows checks */
	f = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	if (f == INVALID_HANDLE_VALUE)
		return NULL;
	CloseHandle(f);
	if (!(data = read_whole_file(path, &size)))
		return NULL;
	if (!pe_parse(data, size, &pe)) {
		RtlFreeHeap(heap(), 0, data);
		/* Windows' error for what is no PE file (Wine's conformance
		 * test accepts it, or a handle whose update then fails) */
		return (HANDLE)(ULONG_PTR)k32_error(ERROR_FILE_INVALID);
	}
	h = GlobalAlloc(GMEM_MOVEABLE | GMEM_ZEROINIT, sizeof(*u));
	if (!h || !(u = GlobalLock(h)) || !(u->path = global_path(path))) {
		if (u)
			GlobalUnlock(h);
		GlobalFree(h);
		RtlFreeHeap(heap(), 0, data);
		return (HANDLE)(ULONG_PTR)k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	ok = delete_existing || load_existing(u, &pe);
	RtlFreeHeap(heap(), 0, data);
	if (!ok) {
		free_update(h, u);
		return (HANDLE)(ULONG_PTR)k32_error(ERROR_INVALID_DATA);
	}
	GlobalUnlock(h);
	return h;
}

K32API BOOL WINAPI UpdateResourceW(HANDLE h, LPCWSTR type, LPCWSTR name, WORD lang, LPVOID data,
				   DWORD size)
{
	struct res_key t = { 0 }, n = { 0 };
	struct res_update *u;
	BOOL ok;

	if (!h || !type || !name || (!data && size))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!(u = GlobalLock(h)))
		return k32_error(ERROR_INVALID_HANDLE);
	if (IS_INTRESOURCE(type))
		t.id = LOWORD(type);
	else
		t.str = (WCHAR *)type;
	if (IS_INTRESOURCE(name))
		n.id = LOWORD(name);
	else
		n.str = (WCHAR *)name;
	/* no data and no size: the resource is deleted */
	ok = put(u, &t, &n, lang, data, size);
	GlobalUnlock(h);
	return ok;
}

K32API BOOL WINAPI EndUpdateResourceW(HANDLE h, BOOL discard)
{
	struct res_update *u;
	const WCHAR *path;
	BOOL ok = TRUE;

	if (!h || !(u = GlobalLock(h)))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!discard) {
		if ((path = GlobalLock(u->path))) {
			ok = res_write_file(u, path);
			GlobalUnlock(u->path);
		} else {
			ok = k32_error(ERROR_INVALID_HANDLE);
		}
	}
	free_update(h, u);
	return ok;
}

K32API HANDLE WINAPI BeginUpdateResourceA(LPCSTR path, BOOL delete_existing)
{
	WCHAR *w = path ? k32_a_to_w(path) : NULL;
	HANDLE h;

	if (path && !w)
		return (HANDLE)(ULONG_PTR)k32_error(ERROR_NOT_ENOUGH_MEMORY);
	h = BeginUpdateResourceW(w, delete_existing);
	k32_free(w);
	return h;
}

K32API BOOL WINAPI UpdateResourceA(HANDLE h, LPCSTR type, LPCSTR name, WORD lang, LPVOID data,
				   DWORD size)
{
	WCHAR *t = IS_INTRESOURCE(type) ? (WCHAR *)type : k32_a_to_w(type);
	WCHAR *n = IS_INTRESOURCE(name) ? (WCHAR *)name : k32_a_to_w(name);
	BOOL ok = t && n ? UpdateResourceW(h, t, n, lang, data, size) : k32_error(ERROR_NOT_ENOUGH_MEMORY);

	if (!IS_INTRESOURCE(type))
		k32_free(t);
	if (!IS_INTRESOURCE(name))
		k32_free(n);
	return ok;
}

K32API BOOL WINAPI EndUpdateResourceA(HANDLE h, BOOL discard)
{
	return EndUpdateResourceW(h, discard);
}
