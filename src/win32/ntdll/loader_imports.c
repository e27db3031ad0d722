/*
 * Mapping DLLs and binding imports.  DLLs are found in the documented
 * search order (loader_dirs.c; lsw serves its own DLLs from
 * C:\Windows\System32), and mapped with NtOpenFile + NtCreateSection(SEC_IMAGE) +
 * NtMapViewOfSection as on Windows; the supervisor applies relocations.
 */
#include "loader.h"

#define SEC_IMAGE_FLAG 0x1000000

struct ldr_module ldr_modules[LDR_MAX_MODULES];
unsigned ldr_nmodules;
struct ldr_data ldr_data = {
	.Length = sizeof(struct ldr_data),
	.Initialized = TRUE,
	.InLoadOrderModuleList = { &ldr_data.InLoadOrderModuleList, &ldr_data.InLoadOrderModuleList },
	.InMemoryOrderModuleList = { &ldr_data.InMemoryOrderModuleList,
				     &ldr_data.InMemoryOrderModuleList },
	.InInitializationOrderModuleList = { &ldr_data.InInitializationOrderModuleList,
					     &ldr_data.InInitializationOrderModuleList },
};

static void list_append(LIST_ENTRY *head, LIST_ENTRY *e)
{
	e->Flink = head;
	e->Blink = head->Blink;
	head->Blink->Flink = e;
	head->Blink = e;
}

void ldr_link_initialized(struct ldr_module *m)
{
	m->node.State = LDR_NODE_READY_TO_RUN;
	list_append(&ldr_data.InInitializationOrderModuleList,
		    &m->entry.InInitializationOrderLinks);
}

/* Fills the public entry and links it in load and memory order. */
static void publish(struct ldr_module *m)
{
	struct ldr_entry *e = &m->entry;
	USHORT len = (USHORT)(wcslen(m->path) * sizeof(WCHAR)), start = len / 2;

	while (start && m->path[start - 1] != '\\')
		start--;
	e->DllBase = m->base;
	e->EntryPoint = m->entry_point;
	e->SizeOfImage = (ULONG)m->size;
	e->FullDllName = (UNICODE_STRING){ len, (USHORT)(len + 2), m->path };
	e->BaseDllName = (UNICODE_STRING){ (USHORT)(len - start * 2), (USHORT)(len - start * 2 + 2),
					   m->path + start };
	e->TlsIndex = 0xFFFF;
	e->TimeDateStamp = ldr_nt_headers(m->base)->FileHeader.TimeDateStamp;
	e->HashLinks.Flink = e->HashLinks.Blink = &e->HashLinks;
	e->DdagNode = &m->node;
	e->NodeModuleLink.Flink = e->NodeModuleLink.Blink = &m->node.Modules;
	m->node.Modules.Flink = m->node.Modules.Blink = &e->NodeModuleLink;
	m->node.State = LDR_NODE_MAPPED;
	e->InInitializationOrderLinks.Flink = e->InInitializationOrderLinks.Blink =
		&e->InInitializationOrderLinks;
	list_append(&ldr_data.InLoadOrderModuleList, &e->InLoadOrderLinks);
	list_append(&ldr_data.InMemoryOrderModuleList, &e->InMemoryOrderLinks);
}

IMAGE_NT_HEADERS64 *ldr_nt_headers(BYTE *base)
{
	IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)base;

	return (IMAGE_NT_HEADERS64 *)(base + dos->e_lfanew);
}

/* An x86 (PE32) image: loaded only when it holds no code. */
static IMAGE_NT_HEADERS32 *pe32_headers(BYTE *base)
{
	IMAGE_NT_HEADERS64 *nt = ldr_nt_headers(base);

	return nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR32_MAGIC ? (IMAGE_NT_HEADERS32 *)nt
									  : NULL;
}

IMAGE_DATA_DIRECTORY *ldr_dir(BYTE *base, int which)
{
	IMAGE_NT_HEADERS64 *nt = ldr_nt_headers(base);
	IMAGE_NT_HEADERS32 *nt32 = pe32_headers(base);

	if (nt32)
		return (DWORD)which < nt32->OptionalHeader.NumberOfRvaAndSizes
			       ? &nt32->OptionalHeader.DataDirectory[which]
			       : NULL;
	if ((DWORD)which >= nt->OptionalHeader.NumberOfRvaAndSizes)
		return NULL;
	return &nt->OptionalHeader.DataDirectory[which];
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* "KERNEL32.dll" -> "kernel32.dll"; a name without a dot gets ".dll". */
static void normalize(const char *in, char *out, size_t len)
{
	size_t i = 0;
	BOOL dot = FALSE;

	for (; in[i] && i + 5 < len; i++) {
		out[i] = lower(in[i]);
		dot |= in[i] == '.';
	}
	out[i] = 0;
	if (!dot)
		strcat(out, ".dll");
}

/* The file name a module is known by: an API set's host, or NULL for a
 * set the schema does not have. */
const char *ldr_module_name(const char *name, char *n, size_t len)
{
	normalize(name, n, len);
	return ldr_is_apiset_name(n) ? ldr_apiset_host(n) : n;
}

struct ldr_module *ldr_find_loaded(const char *name)
{
	char buf[64];
	const char *n = ldr_module_name(name, buf, sizeof(buf));

	if (!n)
		return NULL;
	for (unsigned i = 0; i < ldr_nmodules; i++)
		if (!strcmp(ldr_modules[i].name, n))
			return &ldr_modules[i];
	return NULL;
}

struct ldr_module *ldr_find_by_base(void *base)
{
	if (!base)
		return NULL; /* an unloaded module's slot */
	for (unsigned i = 0; i < ldr_nmodules; i++)
		if (ldr_modules[i].base == base)
			return &ldr_modules[i];
	return NULL;
}

struct ldr_module *ldr_add_module(BYTE *base, const char *name, const WCHAR *path)
{
	struct ldr_module *m;
	IMAGE_NT_HEADERS64 *nt = ldr_nt_headers(base);

	for (m = ldr_modules; m < ldr_modules + ldr_nmodules && m->base; m++)
		; /* the first slot an unloaded module left */
	if (m == ldr_modules + LDR_MAX_MODULES)
		return NULL;
	if (m == ldr_modules + ldr_nmodules)
		ldr_nmodules++;
	memset(m, 0, sizeof(*m));
	m->base = base;
	m->size = nt->OptionalHeader.SizeOfImage;
	normalize(name, m->name, sizeof(m->name));
	if (path)
		wcsncpy(m->path, path, 259);
	m->is_dll = (nt->FileHeader.Characteristics & IMAGE_FILE_DLL) != 0;
	if (nt->OptionalHeader.AddressOfEntryPoint)
		m->entry_point = base + nt->OptionalHeader.AddressOfEntryPoint;
	m->tls_index = (ULONG)-1;
	m->static_import = ldr_pin_new;
	publish(m);
	if (ldr_pin_new)
		m->entry.Flags |= LDR_FLAG_PROCESS_STATIC_IMPORT;
	ldr_show_count(m);
	return m;
}

/* Whether the image holds code: SECTION_IMAGE_INFORMATION's
 * ImageContainsCode, its byte 50. */
static BOOL image_contains_code(HANDLE section)
{
	BYTE info[64];

	if (!NT_SUCCESS(NtQuerySection(section, 1 /* SectionImageInformation */, info,
				       sizeof(info), NULL)))
		return TRUE;
	return info[50] != 0;
}

/* Maps a view of image section `section` and closes the handle.  An x86
 * image without code is mapped for any process, as x86-64 Windows loads
 * a data-only DLL of either machine. */
static NTSTATUS map_and_close(HANDLE section, BYTE **base)
{
	SIZE_T view = 0;
	NTSTATUS st;

	*base = NULL;
	st = NtMapViewOfSection(section, (HANDLE)-1, (PVOID *)base, 0, 0, NULL, &view,
				1 /* ViewShare */, 0, PAGE_EXECUTE_WRITECOPY);
	if (st == STATUS_IMAGE_MACHINE_TYPE_MISMATCH && !image_contains_code(section))
		st = STATUS_SUCCESS;
	NtClose(section);
	return st == STATUS_IMAGE_NOT_AT_BASE ? STATUS_SUCCESS : st;
}

NTSTATUS ldr_refuse_foreign(NTSTATUS st, BYTE *base)
{
	if (st != STATUS_IMAGE_MACHINE_TYPE_MISMATCH)
		return st;
	NtUnmapViewOfSection((HANDLE)-1, base);
	return STATUS_INVALID_IMAGE_FORMAT;
}

NTSTATUS ldr_map_file(const WCHAR *nt_path, BYTE **base)
{
	UNICODE_STRING us;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK iosb;
	HANDLE file, section;
	NTSTATUS st;

	RtlInitUnicodeString(&us, nt_path);
	InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE, NULL, NULL);
	st = NtOpenFile(&file, GENERIC_READ | SYNCHRONIZE, &oa, &iosb, FILE_SHARE_READ,
			FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE);
	if (!NT_SUCCESS(st))
		return st;
	st = NtCreateSection(&section, SECTION_ALL_ACCESS, NULL, NULL, PAGE_EXECUTE_READ,
			     SEC_IMAGE_FLAG, file);
	NtClose(file);
	return NT_SUCCESS(st) ? map_and_close(section, base) : st;
}

/* A KnownDLL's image section, kept by the supervisor in \KnownDlls as
 * Windows keeps them: opened and mapped without a look at any file.
 * STATUS_OBJECT_NAME_NOT_FOUND when it has none of that name. */
static NTSTATUS map_known(const char *name, BYTE **base)
{
	WCHAR path[80] = L"\\KnownDlls\\";
	size_t o = wcslen(path);
	UNICODE_STRING us;
	OBJECT_ATTRIBUTES oa;
	HANDLE section;
	NTSTATUS st;

	for (; *name && o + 1 < sizeof(path) / sizeof(path[0]); name++)
		path[o++] = (WCHAR)(unsigned char)*name;
	path[o] = 0;
	RtlInitUnicodeString(&us, path);
	InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE, NULL, NULL);
	st = NtOpenSection(&section, SECTION_MAP_READ | SECTION_MAP_EXECUTE | SECTION_QUERY, &oa);
	return NT_SUCCESS(st) ? map_and_close(section, base) : st;
}

/* dir (DOS, ends in '\') + name -> "\??\dir\name" */
static void make_nt_path(WCHAR *out, size_t len, const WCHAR *dir, size_t dirlen,
			 const char *name)
{
	size_t o = 0;

	for (const char *p = "\\??\\"; *p; p++)
		out[o++] = (WCHAR)*p;
	for (size_t i = 0; i < dirlen && o + 1 < len; i++)
		out[o++] = dir[i];
	for (const char *p = name; *p && o + 1 < len; p++)
		out[o++] = (WCHAR)(unsigned char)*p;
	out[o] = 0;
}

struct find_ctx {
	const char *name;
	BYTE **base;
	WCHAR nt_path[320];
	NTSTATUS st;
};

/* Stops at the first directory holding the DLL, or a file of its name
 * that is no image (its status ends the search, as on Windows); an
 * image of another machine is remembered and passed over. */
static BOOL try_dir(const WCHAR *dir, size_t len, void *ctx)
{
	struct find_ctx *f = ctx;
	NTSTATUS st;

	make_nt_path(f->nt_path, 320, dir, len, f->name);
	st = ldr_map_file(f->nt_path, f->base);
	if (st == STATUS_IMAGE_MACHINE_TYPE_MISMATCH) {
		ldr_refuse_foreign(st, *f->base);
		if (f->st == STATUS_DLL_NOT_FOUND)
			f->st = STATUS_INVALID_IMAGE_FORMAT;
		return FALSE;
	}
	if (st == STATUS_OBJECT_NAME_NOT_FOUND || st == STATUS_OBJECT_PATH_NOT_FOUND)
		return FALSE;
	f->st = st;
	return TRUE;
}

NTSTATUS ldr_find_and_map(const char *name, BYTE **base, WCHAR *dos_path)
{
	static const WCHAR system32[] = L"C:\\Windows\\System32\\";
	struct find_ctx f = { name, base, { 0 }, STATUS_DLL_NOT_FOUND };

	if (ldr_is_known_dll(name) && NT_SUCCESS(map_known(name, base))) {
		make_nt_path(f.nt_path, 320, system32, wcslen(system32), name);
		f.st = STATUS_SUCCESS;
	} else if (ldr_is_known_dll(name)) {
		try_dir(system32, wcslen(system32), &f);
	} else {
		return ldr_search_and_map(name, base, dos_path);
	}
	if (NT_SUCCESS(f.st))
		wcsncpy(dos_path, f.nt_path + 4, 259);
	return f.st;
}

NTSTATUS ldr_search_and_map(const char *name, BYTE **base, WCHAR *dos_path)
{
	struct find_ctx f = { name, base, { 0 }, STATUS_DLL_NOT_FOUND };

	ldr_search_dirs(&ldr_current_search, try_dir, &f);
	if (NT_SUCCESS(f.st))
		wcsncpy(dos_path, f.nt_path + 4, 259);
	return f.st;
}

struct ldr_module *ldr_load(const char *name, struct ldr_module *importer, NTSTATUS *status)
{
	struct ldr_module *m = ldr_find_loaded(name);
	WCHAR path[260] = { 0 };
	char buf[64];
	const char *n;
	BYTE *base;

	if (m)
		return m;
	n = ldr_module_name(name, buf, sizeof(buf));
	if (!n) {
		*status = STATUS_DLL_NOT_FOUND;
		if (importer) /* LoadLibrary fails silently, as on Windows */
			ldr_report(buf, " is an API set Windows 10 does not have, imported by ",
				   importer->name);
		return NULL;
	}
	*status = ldr_find_and_map(n, &base, path);
	if (!NT_SUCCESS(*status)) {
		if (importer) /* LoadLibrary fails silently, as on Windows */
			ldr_report(n, *status == STATUS_DLL_NOT_FOUND ? " was not found, imported by "
					: " could not be mapped as an image, imported by ",
				   importer->name);
		return NULL;
	}
	return ldr_link_new(base, n, path, importer, status);
}

/* A DLL without relocations runs only at its preferred base (another
 * mapping may hold it now that DLLs are unloaded). */
static BOOL runs_here(BYTE *base)
{
	IMAGE_NT_HEADERS64 *nt = ldr_nt_headers(base);
	IMAGE_NT_HEADERS32 *nt32 = pe32_headers(base);
	WORD need = IMAGE_FILE_DLL | IMAGE_FILE_RELOCS_STRIPPED;

	return (nt->FileHeader.Characteristics & need) != need ||
	       (ULONG_PTR)base == (nt32 ? nt32->OptionalHeader.ImageBase : nt->OptionalHeader.ImageBase);
}

struct ldr_module *ldr_link_new(BYTE *base, const char *name, const WCHAR *path,
				struct ldr_module *importer, NTSTATUS *status)
{
	struct ldr_module *m;

	if (!runs_here(base)) {
		NtUnmapViewOfSection((HANDLE)-1, base);
		*status = STATUS_CONFLICTING_ADDRESSES;
		return NULL;
	}
	m = ldr_add_module(base, name, path);
	if (!m) {
		NtUnmapViewOfSection((HANDLE)-1, base);
		*status = STATUS_NO_MEMORY;
		return NULL;
	}
	ldr_notify(LDR_NOTIFY_LOADED, m);
	/* LoadLibrary of a program (no IMAGE_FILE_DLL) maps it as
	 * DONT_RESOLVE_DLL_REFERENCES does: no imports, no TLS, no entry */
	if (!importer && (ldr_current_search.no_resolve || !m->is_dll)) {
		m->no_init = TRUE;
		return m;
	}
	*status = ldr_resolve_imports(m);
	if (!NT_SUCCESS(*status)) {
		m->name[0] = 0; /* a DLL that failed to link is not "loaded" */
		m->no_init = TRUE;
		ldr_discard(m);
		return NULL;
	}
	return m;
}

static NTSTATUS follow_forwarder(struct ldr_module *from, const char *fwd, void **out);
static unsigned forward_depth;

/* A forwarder names "DLL.Export" or "DLL.#ordinal"; chains are followed,
 * cycles end in STATUS_INVALID_IMAGE_FORMAT instead of a stack overflow. */
static NTSTATUS forwarded(struct ldr_module *from, const char *fwd, void **out)
{
	NTSTATUS st;

	if (forward_depth >= 16)
		return STATUS_INVALID_IMAGE_FORMAT;
	forward_depth++;
	st = follow_forwarder(from, fwd, out);
	forward_depth--;
	return st;
}

/* The forwarding module holds the target as it holds an import. */
static NTSTATUS follow_forwarder(struct ldr_module *from, const char *fwd, void **out)
{
	char dll[64];
	const char *dot = strrchr(fwd, '.');
	struct ldr_module *m;
	NTSTATUS st;
	size_t n;

	if (!dot || (n = (size_t)(dot - fwd)) + 5 >= sizeof(dll))
		return STATUS_INVALID_IMAGE_FORMAT;
	memcpy(dll, fwd, n);
	dll[n] = 0;
	m = ldr_load(dll, NULL, &st);
	if (!m)
		return st;
	if (!NT_SUCCESS(st = ldr_add_dep(from, m)))
		return st;
	if (dot[1] == '#') {
		WORD ord = 0;
		for (const char *p = dot + 2; *p >= '0' && *p <= '9'; p++)
			ord = (WORD)(ord * 10 + (*p - '0'));
		return ldr_get_export(m, NULL, ord, out);
	}
	return ldr_get_export(m, dot + 1, 0, out);
}

/*
 * The name's index in the export name table, or -1.  An import's hint is
 * the index its import library gave the name: tried first, as Windows'
 * loader does.  mingw-w64's libraries give the index in Windows' own DLL,
 * which ours match within a few entries (they export a few names more or
 * fewer), so the search gallops out from the hint (1, 2, 4... entries)
 * until it passes the name, then halves what is left: two or three
 * comparisons where a binary search of kernel32's 1600 names makes
 * eleven, and fewer pages of names touched.  hint -1: none.
 */
static int find_name(BYTE *base, IMAGE_EXPORT_DIRECTORY *ed, const char *name, int hint)
{
	DWORD *names = (DWORD *)(base + ed->AddressOfNames);
	int lo = 0, hi = (int)ed->NumberOfNames - 1;

	for (int at = hint, step = 1; hint >= 0 && at >= lo && at <= hi; step *= 2) {
		int c = strcmp((char *)base + names[at], name);

		if (!c)
			return at;
		if (c < 0) {
			lo = at + 1;
			at += step;
		} else {
			hi = at - 1;
			at -= step;
		}
	}
	while (lo <= hi) { /* names are sorted (the linker guarantees it) */
		int mid = (lo + hi) / 2, c = strcmp((char *)base + names[mid], name);

		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static NTSTATUS get_export(struct ldr_module *m, const char *name, int hint, WORD ordinal,
			   void **out)
{
	IMAGE_DATA_DIRECTORY *d = ldr_dir(m->base, IMAGE_DIRECTORY_ENTRY_EXPORT);
	IMAGE_EXPORT_DIRECTORY *ed;
	DWORD index, rva;

	if (!d || !d->VirtualAddress)
		return name ? STATUS_ENTRYPOINT_NOT_FOUND : STATUS_ORDINAL_NOT_FOUND;
	ed = (IMAGE_EXPORT_DIRECTORY *)(m->base + d->VirtualAddress);
	if (name) {
		int i = find_name(m->base, ed, name, hint);
		if (i < 0)
			return STATUS_ENTRYPOINT_NOT_FOUND;
		index = ((WORD *)(m->base + ed->AddressOfNameOrdinals))[i];
	} else {
		index = ordinal - ed->Base;
	}
	if (index >= ed->NumberOfFunctions)
		return name ? STATUS_ENTRYPOINT_NOT_FOUND : STATUS_ORDINAL_NOT_FOUND;
	rva = ((DWORD *)(m->base + ed->AddressOfFunctions))[index];
	if (!rva)
		return STATUS_ENTRYPOINT_NOT_FOUND;
	if (rva >= d->VirtualAddress && rva < d->VirtualAddress + d->Size)
		return forwarded(m, (char *)m->base + rva, out);
	*out = m->base + rva;
	return STATUS_SUCCESS;
}

NTSTATUS ldr_get_export(struct ldr_module *m, const char *name, WORD ordinal, void **out)
{
	return get_export(m, name, -1, ordinal, out);
}

/* The export name of the image at base, whether loaded or only mapped;
 * NULL when it has none. */
__declspec(dllexport) PVOID NTAPI RtlFindExportedRoutineByName(PVOID base, PCSTR name)
{
	struct ldr_module m = { .base = base };
	void *fn;

	return name && NT_SUCCESS(ldr_get_export(&m, name, 0, &fn)) ? fn : NULL;
}

static NTSTATUS bind_thunks(struct ldr_module *m, struct ldr_module *dll,
			    IMAGE_IMPORT_DESCRIPTOR *id)
{
	IMAGE_THUNK_DATA64 *names = (IMAGE_THUNK_DATA64 *)(m->base +
		(id->OriginalFirstThunk ? id->OriginalFirstThunk : id->FirstThunk));
	IMAGE_THUNK_DATA64 *iat = (IMAGE_THUNK_DATA64 *)(m->base + id->FirstThunk);
	NTSTATUS st;

	for (; names->u1.AddressOfData; names++, iat++) {
		void *fn;

		if (IMAGE_SNAP_BY_ORDINAL64(names->u1.Ordinal)) {
			st = ldr_get_export(dll, NULL, (WORD)IMAGE_ORDINAL64(names->u1.Ordinal), &fn);
		} else {
			IMAGE_IMPORT_BY_NAME *ibn = (IMAGE_IMPORT_BY_NAME *)(m->base +
							names->u1.AddressOfData);
			st = get_export(dll, (char *)ibn->Name, ibn->Hint, 0, &fn);
			if (!NT_SUCCESS(st))
				ldr_report((char *)ibn->Name, " was not found in ", dll->name);
		}
		if (!NT_SUCCESS(st))
			return st;
		iat->u1.Function = (ULONGLONG)fn;
	}
	return STATUS_SUCCESS;
}

/* Whether the table lies in one writable section of page-aligned
 * sections: mapped writable (copy on write) already. */
static BOOL iat_writable(struct ldr_module *m, const IMAGE_DATA_DIRECTORY *d)
{
	IMAGE_NT_HEADERS64 *nt = ldr_nt_headers(m->base);
	IMAGE_SECTION_HEADER *s;

	if (nt->OptionalHeader.SectionAlignment < 0x1000)
		return FALSE;
	s = RtlImageRvaToSection((IMAGE_NT_HEADERS *)nt, m->base, d->VirtualAddress);
	return s && (s->Characteristics & IMAGE_SCN_MEM_WRITE) &&
	       d->VirtualAddress + d->Size - s->VirtualAddress <=
		       (s->Misc.VirtualSize ? s->Misc.VirtualSize : s->SizeOfRawData);
}

/* Makes the import address table writable while it is filled in: MSVC
 * places it in a read-only section (mingw in a writable one: nothing to
 * change, two calls saved a module). */
static NTSTATUS with_writable_iat(struct ldr_module *m, BOOL writable, ULONG *old)
{
	IMAGE_DATA_DIRECTORY *d = ldr_dir(m->base, IMAGE_DIRECTORY_ENTRY_IAT);
	PVOID addr;
	SIZE_T size;
	ULONG prev;

	if (!d || !d->VirtualAddress || !d->Size || iat_writable(m, d))
		return STATUS_SUCCESS;
	addr = m->base + d->VirtualAddress;
	size = d->Size;
	return NtProtectVirtualMemory((HANDLE)-1, &addr, &size,
				      writable ? PAGE_READWRITE : *old, writable ? old : &prev);
}

NTSTATUS ldr_resolve_imports(struct ldr_module *m)
{
	IMAGE_DATA_DIRECTORY *d = ldr_dir(m->base, IMAGE_DIRECTORY_ENTRY_IMPORT);
	IMAGE_IMPORT_DESCRIPTOR *id;
	ULONG old = PAGE_READWRITE;
	NTSTATUS st = STATUS_SUCCESS;

	if (m->imports_done || !d || !d->VirtualAddress)
		return STATUS_SUCCESS;
	m->imports_done = TRUE;
	with_writable_iat(m, TRUE, &old);
	for (id = (IMAGE_IMPORT_DESCRIPTOR *)(m->base + d->VirtualAddress); id->Name; id++) {
		struct ldr_module *dll = ldr_load((char *)m->base + id->Name, m, &st);

		if (!dll || !NT_SUCCESS(st = ldr_add_dep(m, dll)) ||
		    !NT_SUCCESS(st = bind_thunks(m, dll, id)))
			break;
	}
	with_writable_iat(m, FALSE, &old);
	return st;
}
