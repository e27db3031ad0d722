/*
 * EndUpdateResource's work: the resources laid out as a resource tree
 * (root, type, name and language directories, named entries before
 * numbered ones, each sorted; then the data entries, the name strings
 * and the data, 8-byte aligned) in a .rsrc section that takes the old
 * one's place.  Sections after it move up or down with it when its size
 * changes, their data directories with them, as Windows moves them
 * (what holds absolute addresses into them is not fixed up there either:
 * Wine's conformance test checks the move).  A file with no .rsrc gets
 * one as its last section.
 * Data appended after the sections (a signature, an installer's payload)
 * stays at the end.  The checksum is recomputed when the file had one.
 */
#include "resource_update.h"

#define ALIGN(x, a) (((x) + (a) - 1) / (a) * (a))

static HANDLE heap(void)
{
	return k32_heap();
}

static int compare_items(const void *pa, const void *pb)
{
	const struct res_item *a = *(struct res_item *const *)pa, *b = *(struct res_item *const *)pb;
	int c = res_key_compare(&a->type, &b->type);

	if (!c)
		c = res_key_compare(&a->name, &b->name);
	return c ? c : (int)a->lang - (int)b->lang;
}

struct tree {
	BYTE *b;
	DWORD rva;              /* where the section will be */
	DWORD str, data_entry, data;    /* cursors */
};

static void put_dir(struct tree *t, DWORD off, DWORD named, DWORD ids)
{
	IMAGE_RESOURCE_DIRECTORY *d = (IMAGE_RESOURCE_DIRECTORY *)(t->b + off);

	memset(d, 0, sizeof(*d));
	d->MajorVersion = 4; /* as Windows writes it (and resource compilers) */
	d->NumberOfNamedEntries = (WORD)named;
	d->NumberOfIdEntries = (WORD)ids;
}

static void put_entry(struct tree *t, DWORD off, const struct res_key *k, DWORD target, BOOL dir)
{
	IMAGE_RESOURCE_DIRECTORY_ENTRY *e = (IMAGE_RESOURCE_DIRECTORY_ENTRY *)(t->b + off);

	if (k->str) {
		WORD n = (WORD)wcslen(k->str);

		*(WORD *)(t->b + t->str) = n;
		memcpy(t->b + t->str + 2, k->str, n * sizeof(WCHAR));
		e->Name = 0x80000000 | t->str;
		t->str += ALIGN(2 + 2 * n, 2);
	} else {
		e->Name = k->id;
	}
	e->OffsetToData = target | (dir ? 0x80000000 : 0);
}

/* [*from, end) groups of items with the same key (level 0: type, 1:
 * name): the end of the group starting at from. */
static DWORD group_end(struct res_item **items, DWORD from, DWORD end, int level)
{
	DWORD i = from + 1;

	while (i < end && !res_key_compare(level ? &items[i]->name : &items[i]->type,
					   level ? &items[from]->name : &items[from]->type) &&
	       (level == 0 || !res_key_compare(&items[i]->type, &items[from]->type)))
		i++;
	return i;
}

/* How many groups [from, end) holds at level, and how many are named. */
static DWORD count_groups(struct res_item **items, DWORD from, DWORD end, int level, DWORD *named)
{
	DWORD n = 0;

	*named = 0;
	for (DWORD i = from; i < end; i = group_end(items, i, end, level), n++)
		*named += (level ? items[i]->name.str : items[i]->type.str) != NULL;
	return n;
}

static DWORD key_bytes(const struct res_key *k)
{
	return k->str ? ALIGN(2 + 2 * (DWORD)wcslen(k->str), 2) : 0;
}

/* The section's bytes for the sorted items, built for RVA rva. */
static BYTE *build_tree(struct res_item **items, DWORD n, DWORD rva, DWORD *size)
{
	DWORD ntypes, named, dirs, strings = 0, data = 0, i, j, type_dir, name_dir, k;
	struct tree t = { NULL, rva };

	ntypes = count_groups(items, 0, n, 0, &named);
	dirs = 16 + 8 * ntypes;
	for (i = 0; i < n; i = j) {
		j = group_end(items, i, n, 0);
		dirs += 16 + 8 * count_groups(items, i, j, 1, &k);
		strings += key_bytes(&items[i]->type);
	}
	for (i = 0; i < n; i = j) {
		j = group_end(items, i, n, 1);
		dirs += 16 + 8 * (j - i);
		strings += key_bytes(&items[i]->name);
	}
	for (i = 0; i < n; i++)
		data += ALIGN(items[i]->size, 8);
	t.data_entry = dirs;
	t.str = dirs + 16 * n;
	t.data = ALIGN(t.str + strings, 8);
	*size = t.data + data;
	if (!(t.b = RtlAllocateHeap(heap(), HEAP_ZERO_MEMORY, *size ? *size : 1)))
		return NULL;
	put_dir(&t, 0, named, ntypes - named);
	type_dir = 16 + 8 * ntypes;
	name_dir = type_dir;
	for (i = 0; i < n; i = group_end(items, i, n, 0))
		name_dir += 16 + 8 * count_groups(items, i, group_end(items, i, n, 0), 1, &k);
	for (i = 0, k = 0; i < n; i = j, k++) {
		DWORD nnamed, nnames = 0, m, x;

		j = group_end(items, i, n, 0);
		put_entry(&t, 16 + 8 * k, &items[i]->type, type_dir, TRUE);
		nnames = count_groups(items, i, j, 1, &nnamed);
		put_dir(&t, type_dir, nnamed, nnames - nnamed);
		for (m = i, x = 0; m < j; m = group_end(items, m, j, 1), x++) {
			DWORD e = group_end(items, m, j, 1), l;

			put_entry(&t, type_dir + 16 + 8 * x, &items[m]->name, name_dir, TRUE);
			put_dir(&t, name_dir, 0, e - m);
			for (l = m; l < e; l++) {
				IMAGE_RESOURCE_DATA_ENTRY *de = (IMAGE_RESOURCE_DATA_ENTRY *)(t.b + t.data_entry);
				struct res_key lang = { items[l]->lang, NULL };

				put_entry(&t, name_dir + 16 + 8 * (l - m), &lang, t.data_entry, FALSE);
				de->OffsetToData = rva + t.data;
				de->Size = items[l]->size;
				memcpy(t.b + t.data, items[l]->data, items[l]->size);
				t.data += ALIGN(items[l]->size, 8);
				t.data_entry += sizeof(*de);
			}
			name_dir += 16 + 8 * (e - m);
		}
		type_dir += 16 + 8 * nnames;
	}
	return t.b;
}

/* The PE checksum: 16-bit words summed with their carries, the checksum
 * field left out, plus the file's length. */
static DWORD pe_checksum(const BYTE *data, DWORD size, DWORD field)
{
	ULONGLONG sum = 0;

	for (DWORD i = 0; i + 1 < size; i += 2) {
		if (i == field || i == field + 2)
			continue;
		sum += *(const WORD *)(data + i);
		sum = (sum & 0xffff) + (sum >> 16);
	}
	if (size & 1)
		sum += data[size - 1];
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (DWORD)sum + size;
}

static DWORD raw_end(const struct pe_file *pe)
{
	DWORD end = *pe->size_of_headers;

	for (WORD i = 0; i < pe->fh->NumberOfSections; i++)
		if (pe->sections[i].SizeOfRawData &&
		    pe->sections[i].PointerToRawData + pe->sections[i].SizeOfRawData > end)
			end = pe->sections[i].PointerToRawData + pe->sections[i].SizeOfRawData;
	return end;
}

/* The index of the section holding the resources, -1 for none. */
static int rsrc_section(const struct pe_file *pe)
{
	DWORD rva = pe->dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE].VirtualAddress;

	for (WORD i = 0; rva && i < pe->fh->NumberOfSections; i++) {
		const IMAGE_SECTION_HEADER *s = &pe->sections[i];

		if (rva >= s->VirtualAddress && rva < s->VirtualAddress + ALIGN(s->Misc.VirtualSize, pe->section_align))
			return i;
	}
	return -1;
}

static BOOL write_all(const WCHAR *path, const BYTE *data, DWORD size)
{
	HANDLE f = CreateFileW(path, GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
	DWORD done;
	BOOL ok;

	if (f == INVALID_HANDLE_VALUE)
		return FALSE;
	ok = WriteFile(f, data, size, &done, NULL) && done == size;
	CloseHandle(f);
	return ok;
}

/* out = in with the new section at r (appended when r is the section
 * count) and the sections after it moved; headers fixed up. */
static BYTE *relayout(const struct pe_file *in, int r, const BYTE *tree, DWORD tree_size, DWORD *out_size)
{
	WORD nsec = in->fh->NumberOfSections, i;
	BOOL append = r == nsec;
	DWORD old_end = raw_end(in), overlay = in->size > old_end ? in->size - old_end : 0;
	DWORD r_raw, r_rva, old_raw_size = 0, raw_size = ALIGN(tree_size, in->file_align);
	DWORD moved_from_raw = old_end, moved_from_rva = 0, moved_raw = 0;
	LONG d_raw, d_rva;
	struct pe_file out;
	BYTE *o;

	if (append) {
		r_raw = ALIGN(old_end, in->file_align);
		r_rva = ALIGN(*in->size_of_image, in->section_align);
	} else {
		r_raw = in->sections[r].PointerToRawData;
		r_rva = in->sections[r].VirtualAddress;
		old_raw_size = in->sections[r].SizeOfRawData;
		if (r + 1 < nsec) {
			moved_from_raw = in->sections[r + 1].PointerToRawData;
			moved_from_rva = in->sections[r + 1].VirtualAddress;
			moved_raw = old_end - moved_from_raw;
		}
	}
	d_raw = (LONG)(r_raw + raw_size) - (LONG)moved_from_raw;
	d_rva = moved_from_rva ? (LONG)ALIGN(r_rva + tree_size, in->section_align) - (LONG)moved_from_rva : 0;
	*out_size = r_raw + raw_size + moved_raw + overlay;
	if (!(o = RtlAllocateHeap(heap(), HEAP_ZERO_MEMORY, *out_size)))
		return NULL;
	memcpy(o, in->data, r_raw < in->size ? r_raw : in->size);
	memcpy(o + r_raw, tree, tree_size);
	memcpy(o + r_raw + raw_size, in->data + moved_from_raw, moved_raw);
	memcpy(o + r_raw + raw_size + moved_raw, in->data + old_end, overlay);
	pe_parse(o, *out_size, &out);
	if (append) {
		IMAGE_SECTION_HEADER *s = &out.sections[nsec];

		memset(s, 0, sizeof(*s));
		memcpy(s->Name, ".rsrc", 5);
		s->VirtualAddress = r_rva;
		s->PointerToRawData = r_raw;
		s->Characteristics = IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ;
		out.fh->NumberOfSections++;
		r = nsec;
	}
	out.sections[r].Misc.VirtualSize = tree_size;
	out.sections[r].SizeOfRawData = raw_size;
	for (i = r + 1; i < out.fh->NumberOfSections; i++) {
		for (DWORD k = 0; k < out.ndirs && k < 16; k++)
			if (k != IMAGE_DIRECTORY_ENTRY_SECURITY && out.dirs[k].VirtualAddress >= out.sections[i].VirtualAddress &&
			    out.dirs[k].VirtualAddress < out.sections[i].VirtualAddress + out.sections[i].Misc.VirtualSize)
				out.dirs[k].VirtualAddress += d_rva;
		out.sections[i].VirtualAddress += d_rva;
		out.sections[i].PointerToRawData += d_raw;
	}
	if (out.ndirs > IMAGE_DIRECTORY_ENTRY_SECURITY && out.dirs[IMAGE_DIRECTORY_ENTRY_SECURITY].VirtualAddress >= old_end)
		out.dirs[IMAGE_DIRECTORY_ENTRY_SECURITY].VirtualAddress += (LONG)(*out_size - overlay) - (LONG)old_end;
	out.dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE].VirtualAddress = r_rva;
	out.dirs[IMAGE_DIRECTORY_ENTRY_RESOURCE].Size = tree_size;
	*out.size_of_init_data += raw_size - old_raw_size;
	{
		const IMAGE_SECTION_HEADER *last = &out.sections[out.fh->NumberOfSections - 1];
		DWORD vs = last->Misc.VirtualSize > last->SizeOfRawData ? last->Misc.VirtualSize : last->SizeOfRawData;

		*out.size_of_image = ALIGN(last->VirtualAddress + vs, out.section_align);
	}
	if (*out.checksum)
		*out.checksum = pe_checksum(o, *out_size, (DWORD)((BYTE *)out.checksum - o));
	return o;
}

BOOL res_write_file(const struct res_update *u, const WCHAR *path)
{
	struct res_item **items, *it;
	struct pe_file pe;
	DWORD size, n = 0, tree_size, out_size;
	BYTE *data, *tree = NULL, *out = NULL;
	HANDLE f;
	int r;
	BOOL ok = FALSE;

	f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	if (f == INVALID_HANDLE_VALUE)
		return FALSE;
	size = GetFileSize(f, NULL);
	data = size != INVALID_FILE_SIZE ? RtlAllocateHeap(heap(), 0, size ? size : 1) : NULL;
	ok = data && ReadFile(f, data, size, &n, NULL) && n == size;
	CloseHandle(f);
	if (!ok || !pe_parse(data, size, &pe)) {
		RtlFreeHeap(heap(), 0, data);
		return k32_error(ok ? ERROR_INVALID_DATA : ERROR_READ_FAULT);
	}
	r = rsrc_section(&pe);
	if (r == -1) { /* a new last section: its header must fit */
		DWORD table_end = (DWORD)((BYTE *)(pe.sections + pe.fh->NumberOfSections + 1) - data);

		r = pe.fh->NumberOfSections;
		if (table_end > *pe.size_of_headers) {
			RtlFreeHeap(heap(), 0, data);
			return k32_error(ERROR_INVALID_DATA);
		}
	}
	for (n = 0, it = u->items; it; it = it->next)
		n++;
	if (!(items = RtlAllocateHeap(heap(), 0, (n + 1) * sizeof(*items)))) {
		RtlFreeHeap(heap(), 0, data);
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	for (n = 0, it = u->items; it; it = it->next)
		items[n++] = it;
	qsort(items, n, sizeof(*items), compare_items);
	ok = FALSE;
	if (r < pe.fh->NumberOfSections)
		tree = build_tree(items, n, pe.sections[r].VirtualAddress, &tree_size);
	else
		tree = build_tree(items, n, ALIGN(*pe.size_of_image, pe.section_align), &tree_size);
	if (tree && (out = relayout(&pe, r, tree, tree_size, &out_size)))
		ok = write_all(path, out, out_size);
	else
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	RtlFreeHeap(heap(), 0, out);
	RtlFreeHeap(heap(), 0, tree);
	RtlFreeHeap(heap(), 0, items);
	RtlFreeHeap(heap(), 0, data);
	return ok;
}
