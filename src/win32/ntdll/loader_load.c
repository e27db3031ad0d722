/*
 * LdrLoadDll's request: a DLL named by path is loaded from that file only
 * (relative to the current directory; a file part without an extension
 * gets ".dll"), and its directory may be searched for its own imports
 * (LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR, LOAD_WITH_ALTERED_SEARCH_PATH); a
 * bare name is searched for (loader_dirs.c).  A data-file load maps the
 * image without listing or linking it, unless it is loaded already.
 */
#include "loader.h"
#include "lsw/ldr_flags.h"

#define PATH_CHARS 260

static BOOL names_path(const UNICODE_STRING *name)
{
	for (USHORT i = 0; i < name->Length / 2; i++)
		if (name->Buffer[i] == '\\' || name->Buffer[i] == '/' || name->Buffer[i] == ':')
			return TRUE;
	return FALSE;
}

/* The base name of a path as the loader's ASCII module name. */
static void base_name(const WCHAR *file, char *out, size_t len)
{
	size_t o = 0;

	for (; file[o] && o + 1 < len; o++)
		out[o] = (char)file[o];
	out[o] = 0;
}

/* The full DOS path of the name (".dll" added to a file part without an
 * extension, a trailing '.' dropped) and where its file part starts. */
static NTSTATUS full_path(const UNICODE_STRING *name, WCHAR *full, WCHAR **file)
{
	WCHAR in[PATH_CHARS + 4];
	USHORT n = name->Length / 2;
	ULONG bytes;

	if (n >= PATH_CHARS)
		return STATUS_NAME_TOO_LONG;
	memcpy(in, name->Buffer, n * sizeof(WCHAR));
	in[n] = 0;
	bytes = RtlGetFullPathName_U(in, PATH_CHARS * sizeof(WCHAR), full, file);
	if (!bytes || bytes >= PATH_CHARS * sizeof(WCHAR) || !*file || !**file)
		return STATUS_OBJECT_NAME_INVALID;
	if (!wcschr(*file, '.') && wcslen(full) + 4 < PATH_CHARS)
		wcscat(full, L".dll");
	else if (full[wcslen(full) - 1] == '.')
		full[wcslen(full) - 1] = 0;
	return STATUS_SUCCESS;
}

static struct ldr_module *loaded_by_path(const WCHAR *path)
{
	UNICODE_STRING a, b;

	RtlInitUnicodeString(&a, path);
	for (unsigned i = 0; i < ldr_nmodules; i++) {
		RtlInitUnicodeString(&b, ldr_modules[i].path);
		if (ldr_modules[i].name[0] && RtlEqualUnicodeString(&a, &b, TRUE))
			return &ldr_modules[i];
	}
	return NULL;
}

static NTSTATUS map_path(const WCHAR *full, BYTE **base)
{
	WCHAR nt[PATH_CHARS + 8] = L"\\??\\";

	wcscat(nt, full);
	return ldr_map_file(nt, base);
}

static struct ldr_module *load_path(const UNICODE_STRING *name, ULONG chars, PVOID *data,
				    NTSTATUS *st)
{
	WCHAR full[PATH_CHARS + 4], *file = NULL;
	struct ldr_module *m;
	char n[64];
	BYTE *base;

	if (!NT_SUCCESS(*st = full_path(name, full, &file)))
		return NULL;
	if ((m = loaded_by_path(full)))
		return m;
	ldr_current_search.load_dir = full;
	ldr_current_search.load_dir_len = (size_t)(file - full);
	*st = map_path(full, &base);
	if (*st == STATUS_OBJECT_NAME_NOT_FOUND || *st == STATUS_OBJECT_PATH_NOT_FOUND)
		*st = STATUS_DLL_NOT_FOUND;
	if (!NT_SUCCESS(*st))
		return NULL;
	if (chars & LSW_LDR_MAP_AS_DATA) {
		*data = base;
		return NULL;
	}
	base_name(file, n, sizeof(n));
	return ldr_link_new(base, n, full, NULL, st);
}

static struct ldr_module *load_name(const UNICODE_STRING *name, ULONG chars, PVOID *data,
				    NTSTATUS *st)
{
	char in[64], buf[64];
	const char *n;
	WCHAR path[PATH_CHARS] = { 0 };
	struct ldr_module *m;
	BYTE *base;
	USHORT len = name->Length / 2, i;

	if (len >= sizeof(in) - 5) {
		*st = STATUS_NAME_TOO_LONG;
		return NULL;
	}
	for (i = 0; i < len; i++)
		in[i] = name->Buffer[i] < 0x80 ? (char)name->Buffer[i] : '?';
	in[len] = 0;
	if ((m = ldr_find_loaded(in)))
		return m;
	if (!(n = ldr_module_name(in, buf, sizeof(buf)))) {
		*st = STATUS_DLL_NOT_FOUND;
		return NULL;
	}
	if (!NT_SUCCESS(*st = ldr_find_and_map(n, &base, path)))
		return NULL;
	if (chars & LSW_LDR_MAP_AS_DATA) {
		*data = base;
		return NULL;
	}
	return ldr_link_new(base, n, path, NULL, st);
}

struct ldr_module *ldr_load_request(const UNICODE_STRING *name, const WCHAR *path_list,
				    ULONG search_flags, ULONG chars,
				    PVOID *data, NTSTATUS *st)
{
	struct ldr_search saved = ldr_current_search;
	struct ldr_module *m;

	*data = NULL;
	if (!name || !name->Buffer || !name->Length) {
		*st = STATUS_INVALID_PARAMETER;
		return NULL;
	}
	ldr_current_search.flags = search_flags;
	ldr_current_search.path_list = path_list;
	ldr_current_search.load_dir = NULL;
	ldr_current_search.load_dir_len = 0;
	ldr_current_search.no_resolve = (chars & IMAGE_FILE_EXECUTABLE_IMAGE) != 0;
	*st = STATUS_SUCCESS;
	m = names_path(name) ? load_path(name, chars, data, st) : load_name(name, chars, data, st);
	ldr_current_search = saved;
	return m;
}
