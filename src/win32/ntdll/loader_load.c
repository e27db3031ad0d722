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

/* An empty file cannot back the data section Windows maps a data file
 * with: STATUS_MAPPED_FILE_SIZE_ZERO (ERROR_FILE_INVALID). */
static NTSTATUS data_file_status(ULONG chars, NTSTATUS st)
{
	if ((chars & LSW_LDR_MAP_AS_DATA) && st == STATUS_INVALID_FILE_FOR_SECTION)
		return STATUS_MAPPED_FILE_SIZE_ZERO;
	return st;
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
	return ldr_loaded_from_file(path);
}

struct ldr_module *ldr_find_by_path(const UNICODE_STRING *name)
{
	WCHAR full[PATH_CHARS + 4], *file = NULL;

	if (!name || !name->Buffer || !names_path(name) || !NT_SUCCESS(full_path(name, full, &file)))
		return NULL;
	return loaded_by_path(full);
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
	if (!(chars & LSW_LDR_MAP_AS_DATA))
		*st = ldr_refuse_foreign(*st, base);
	/* a data file is a file like any (ERROR_FILE_NOT_FOUND), a DLL a module */
	if (!(chars & LSW_LDR_MAP_AS_DATA) &&
	    (*st == STATUS_OBJECT_NAME_NOT_FOUND || *st == STATUS_OBJECT_PATH_NOT_FOUND))
		*st = STATUS_DLL_NOT_FOUND;
	*st = data_file_status(chars, *st);
	if (!NT_SUCCESS(*st))
		return NULL;
	if (chars & LSW_LDR_MAP_AS_DATA) {
		*data = base;
		return NULL;
	}
	base_name(file, n, sizeof(n));
	return ldr_link_new(base, n, full, NULL, st);
}

/* "dir\\x.dll": neither drive nor root; LoadLibraryEx's search flags
 * look for it below each directory they name. */
static BOOL relative_path(const UNICODE_STRING *name)
{
	const WCHAR *p = name->Buffer;
	USHORT n = name->Length / 2;

	return !(n >= 2 && p[1] == ':') && !(n >= 1 && (p[0] == '\\' || p[0] == '/'));
}

static struct ldr_module *load_below_dirs(const UNICODE_STRING *name, ULONG chars, PVOID *data,
					  NTSTATUS *st)
{
	char in[MAX_PATH];
	const char *file;
	WCHAR path[PATH_CHARS] = { 0 };
	USHORT len = name->Length / 2;
	BYTE *base = NULL;

	if (len >= sizeof(in)) {
		*st = STATUS_NAME_TOO_LONG;
		return NULL;
	}
	for (USHORT i = 0; i < len; i++)
		in[i] = name->Buffer[i] == '/' ? '\\' : name->Buffer[i] < 0x80 ? (char)name->Buffer[i] : '?';
	in[len] = 0;
	if (!NT_SUCCESS(*st = ldr_refuse_foreign(ldr_search_and_map(in, &base, path), base)))
		return NULL;
	if (chars & LSW_LDR_MAP_AS_DATA) {
		*data = base;
		return NULL;
	}
	file = strrchr(in, '\\');
	return ldr_link_new(base, file ? file + 1 : in, path, NULL, st);
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

	while (len && name->Buffer[len - 1] == ' ')
		len--; /* "kernel32   " is kernel32.dll, as file names lose them */
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
	if (!NT_SUCCESS(*st = data_file_status(chars, ldr_find_and_map(n, &base, path))))
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
	if (!names_path(name))
		m = load_name(name, chars, data, st);
	else if ((search_flags & ~LOAD_WITH_ALTERED_SEARCH_PATH) && relative_path(name))
		m = load_below_dirs(name, chars, data, st);
	else
		m = load_path(name, chars, data, st);
	ldr_current_search = saved;
	return m;
}
