/*
 * String sections and the lookups in them (RtlFindActivationContext-
 * SectionString).  A section is laid out as Windows' activation context
 * data lays it, because programs and Wine's tests read it through
 * ACTCTX_SECTION_KEYED_DATA.lpSectionBase: a header (magic "SsHd"), an
 * index of entries (hash, name, data, roster index), then each entry's
 * name and data.  We build the DLL redirection and window class
 * sections; the COM sections (GUID sections) are not made yet.
 */
#include "actctx_private.h"

#define STRSECTION_MAGIC 0x64487353 /* "SsHd" */
#define DLL_REDIRECT_PATH_OMITS_ASSEMBLY_ROOT 2

struct strsection_header {
	DWORD magic;
	ULONG size;
	DWORD unk1[3];
	ULONG count;
	ULONG index_offset;
	DWORD unk2[2];
	ULONG global_offset;
	ULONG global_len;
};

struct string_index {
	ULONG hash;
	ULONG name_offset;
	ULONG name_len;
	ULONG data_offset;
	ULONG data_len;
	ULONG rosterindex;
};

struct dllredirect_data {
	ULONG size;
	ULONG flags;
	ULONG total_len;
	ULONG paths_count;
	ULONG paths_offset;
};

struct wndclass_redirect_data {
	ULONG size;
	DWORD res;
	ULONG name_len;
	ULONG name_offset;      /* from the data: the (versioned) name */
	ULONG module_len;
	ULONG module_offset;    /* from the section: the file's name */
};

/* One entry as the builders see it. */
struct entry {
	const WCHAR *key;       /* what lookups compare */
	const WCHAR *versioned; /* window classes: "version!name" or the name */
	const WCHAR *module;
	ULONG roster;
};

static ULONG hash_of(const WCHAR *s)
{
	UNICODE_STRING u;
	ULONG h = 0;

	RtlInitUnicodeString(&u, s);
	RtlHashUnicodeString(&u, TRUE, HASH_STRING_ALGORITHM_X65599, &h);
	return h;
}

static ULONG str_bytes(const WCHAR *s)
{
	return (ULONG)((wcslen(s) + 1) * sizeof(WCHAR));
}

static ULONG data_size(ULONG id, const struct entry *e)
{
	if (id == ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION)
		return sizeof(struct dllredirect_data);
	return sizeof(struct wndclass_redirect_data) + str_bytes(e->versioned) + str_bytes(e->module);
}

static void put_data(ULONG id, const struct entry *e, BYTE *base, ULONG offset)
{
	if (id == ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION) {
		struct dllredirect_data *d = (void *)(base + offset);

		d->size = sizeof(*d);
		d->flags = DLL_REDIRECT_PATH_OMITS_ASSEMBLY_ROOT;
	} else {
		struct wndclass_redirect_data *d = (void *)(base + offset);
		BYTE *name = (BYTE *)(d + 1);

		d->size = sizeof(*d);
		d->name_len = str_bytes(e->versioned) - sizeof(WCHAR);
		d->name_offset = sizeof(*d);
		d->module_len = str_bytes(e->module) - sizeof(WCHAR);
		d->module_offset = offset + sizeof(*d) + str_bytes(e->versioned);
		memcpy(name, e->versioned, str_bytes(e->versioned));
		memcpy(base + d->module_offset, e->module, str_bytes(e->module));
	}
}

/* The entries of section id, each assembly's files in manifest order. */
static ULONG collect(struct actctx *c, ULONG id, struct entry *out, ULONG room)
{
	ULONG n = 0, a, f, k;

	for (a = 0; a < c->nassemblies; a++) {
		const struct actctx_assembly *as = &c->assemblies[a];

		for (f = 0; f < as->nfiles; f++) {
			const struct actctx_file *file = &as->files[f];

			if (id == ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION) {
				if (out && n < room)
					out[n] = (struct entry){ file->name, NULL, file->name, a + 1 };
				n++;
				continue;
			}
			for (k = 0; k < file->nclasses; k++, n++) {
				const struct actctx_wndclass *w = &file->classes[k];
				WCHAR *v;

				if (!out || n >= room)
					continue;
				v = w->name;
				if (w->versioned && as->id.version) {
					SIZE_T vl = wcslen(as->id.version), nl = wcslen(w->name);

					if ((v = actctx_alloc(&c->arena, (vl + nl + 2) * sizeof(WCHAR)))) {
						memcpy(v, as->id.version, vl * sizeof(WCHAR));
						v[vl] = '!';
						memcpy(v + vl + 1, w->name, (nl + 1) * sizeof(WCHAR));
					} else {
						v = w->name;
					}
				}
				out[n] = (struct entry){ w->name, v, file->name, a + 1 };
			}
		}
	}
	return n;
}

static NTSTATUS build_section(struct actctx *c, ULONG id, struct actctx_section *s)
{
	ULONG n = collect(c, id, NULL, 0), i, size, at;
	struct strsection_header *h;
	struct string_index *index;
	struct entry *e;

	if (!(e = RtlAllocateHeap(lsw_process_heap(), 0, (n + 1) * sizeof(*e))))
		return STATUS_NO_MEMORY;
	collect(c, id, e, n);
	size = sizeof(*h) + n * sizeof(*index);
	for (i = 0; i < n; i++)
		size += ((str_bytes(e[i].key) + 3) & ~3u) + ((data_size(id, &e[i]) + 3) & ~3u);
	if (!(s->data = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, size))) {
		RtlFreeHeap(lsw_process_heap(), 0, e);
		return STATUS_NO_MEMORY;
	}
	h = (void *)s->data;
	h->magic = STRSECTION_MAGIC;
	h->size = sizeof(*h);
	h->count = n;
	h->index_offset = sizeof(*h);
	index = (void *)(s->data + sizeof(*h));
	at = sizeof(*h) + n * sizeof(*index);
	for (i = 0; i < n; i++) {
		index[i].hash = hash_of(e[i].key);
		index[i].name_offset = at;
		index[i].name_len = str_bytes(e[i].key) - sizeof(WCHAR);
		memcpy(s->data + at, e[i].key, str_bytes(e[i].key));
		at += (str_bytes(e[i].key) + 3) & ~3u;
		index[i].data_offset = at;
		index[i].data_len = data_size(id, &e[i]);
		index[i].rosterindex = e[i].roster;
		put_data(id, &e[i], s->data, at);
		at += (index[i].data_len + 3) & ~3u;
	}
	s->size = size;
	RtlFreeHeap(lsw_process_heap(), 0, e);
	return STATUS_SUCCESS;
}

const struct actctx_section *actctx_string_section(struct actctx *c, ULONG id)
{
	struct actctx_section *s;

	if (id == ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION)
		s = &c->dll_section;
	else if (id == ACTIVATION_CONTEXT_SECTION_WINDOW_CLASS_REDIRECTION)
		s = &c->wndclass_section;
	else
		return NULL;
	if (!s->data && build_section(c, id, s))
		return NULL;
	return s;
}

static const struct string_index *find_key(const struct actctx_section *s, const UNICODE_STRING *key)
{
	const struct strsection_header *h = (const void *)s->data;
	const struct string_index *index = (const void *)(s->data + h->index_offset);
	ULONG i;

	for (i = 0; i < h->count; i++)
		if (index[i].name_len == key->Length &&
		    !rtl_wcsnicmp_counted((const WCHAR *)(s->data + index[i].name_offset),
					  index[i].name_len / sizeof(WCHAR), key->Buffer,
					  key->Length / sizeof(WCHAR)))
			return &index[i];
	return NULL;
}

static void fill_keyed(struct actctx *c, const struct actctx_section *s, const struct string_index *e,
		       ULONG flags, ACTCTX_SECTION_KEYED_DATA *data)
{
	data->ulDataFormatVersion = 1;
	data->lpData = s->data + e->data_offset;
	data->ulLength = e->data_len;
	data->lpSectionGlobalData = NULL;
	data->ulSectionGlobalDataLength = 0;
	data->lpSectionBase = s->data;
	data->ulSectionTotalLength = s->size;
	data->hActCtx = NULL;
	if (flags & FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX) {
		actctx_addref(c);
		data->hActCtx = c;
	}
	data->ulAssemblyRosterIndex = e->rosterindex;
	if (data->cbSize >= offsetof(ACTCTX_SECTION_KEYED_DATA, AssemblyMetadata)) {
		data->ulFlags = ACTCTX_SECTION_KEYED_DATA_FLAG_FOUND_IN_ACTCTX;
		if (data->cbSize >= sizeof(*data))
			memset(&data->AssemblyMetadata, 0, sizeof(data->AssemblyMetadata));
	}
}

/* Looks in the active context, then in the process default. */
__declspec(dllexport) NTSTATUS NTAPI RtlFindActivationContextSectionString(
	ULONG flags, const GUID *extension, ULONG section, const UNICODE_STRING *name, void *ptr)
{
	ACTCTX_SECTION_KEYED_DATA *data = ptr;
	struct actctx *tries[2] = { actctx_active(), actctx_process_default() };
	ULONG i;

	if (extension || !name || !name->Buffer || !data ||
	    data->cbSize < offsetof(ACTCTX_SECTION_KEYED_DATA, ulFlags) ||
	    (flags & ~FIND_ACTCTX_SECTION_KEY_RETURN_HACTCTX))
		return STATUS_INVALID_PARAMETER;
	for (i = 0; i < 2; i++) {
		const struct actctx_section *s;
		const struct string_index *e;

		if (!tries[i] || tries[i]->zombie)
			continue;
		if (!(s = actctx_string_section(tries[i], section)))
			continue;
		if ((e = find_key(s, name))) {
			fill_keyed(tries[i], s, e, flags, data);
			return STATUS_SUCCESS;
		}
	}
	if (section != ACTIVATION_CONTEXT_SECTION_DLL_REDIRECTION &&
	    section != ACTIVATION_CONTEXT_SECTION_WINDOW_CLASS_REDIRECTION)
		return STATUS_SXS_SECTION_NOT_FOUND;
	return STATUS_SXS_KEY_NOT_FOUND;
}

/* The GUID sections (COM classes, interfaces, type libraries) are not
 * built: every lookup finds no such section. */
__declspec(dllexport) NTSTATUS NTAPI RtlFindActivationContextSectionGuid(
	ULONG flags, const GUID *extension, ULONG section, const GUID *guid, void *ptr)
{
	ACTCTX_SECTION_KEYED_DATA *data = ptr;

	if (extension || !guid || !data || data->cbSize < offsetof(ACTCTX_SECTION_KEYED_DATA, ulFlags))
		return STATUS_INVALID_PARAMETER;
	return STATUS_SXS_SECTION_NOT_FOUND;
}
