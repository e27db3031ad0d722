/*
 * Where the loader looks for a DLL named without a path, in the order
 * "Dynamic-link library search order" documents for desktop programs
 * (safe DLL search mode):
 *   - KnownDLLs come from System32 only (ldr_is_known_dll);
 *   - with LOAD_LIBRARY_SEARCH_* flags (LoadLibraryEx's, else those of
 *     SetDefaultDllDirectories): the loaded DLL's directory (DLL_LOAD_DIR),
 *     the application's, AddDllDirectory's (USER_DIRS: the last added
 *     first, then SetDllDirectory's), System32;
 *   - otherwise the standard order: the application's directory (the
 *     DLL's own with LOAD_WITH_ALTERED_SEARCH_PATH), SetDllDirectory's,
 *     System32, System, Windows, the current directory (not when
 *     SetDllDirectory named one), then PATH.
 */
#include "loader.h"

#define MAX_USER_DIRS 32
#define DIR_CHARS 260
#define USER_DIRS (LOAD_LIBRARY_SEARCH_USER_DIRS | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)
#define ALL_SEARCH_FLAGS (SEARCH_FLAGS | LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR)
#define SEARCH_FLAGS (LOAD_LIBRARY_SEARCH_APPLICATION_DIR | LOAD_LIBRARY_SEARCH_USER_DIRS | \
		      LOAD_LIBRARY_SEARCH_SYSTEM32 | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)

struct dll_dir {
	BOOL used;
	ULONG added;             /* AddDllDirectory's order: later ones first */
	USHORT len;              /* chars, without a trailing '\' */
	WCHAR path[DIR_CHARS];
};

static struct dll_dir user_dirs[MAX_USER_DIRS];
static ULONG dirs_added;
static struct dll_dir dll_directory; /* SetDllDirectory */
static ULONG default_flags;
static RTL_SRWLOCK dirs_lock = RTL_SRWLOCK_INIT;

/* "C:\\dir", "\\\\server\\share", or rooted on the current drive ("\\dir"). */
static BOOL absolute(const UNICODE_STRING *s)
{
	const WCHAR *p = s->Buffer;
	USHORT n = s->Length / 2;

	if (n >= 3 && ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') && p[1] == ':' &&
	    (p[2] == '\\' || p[2] == '/'))
		return TRUE;
	return n >= 1 && (p[0] == '\\' || p[0] == '/');
}

/* AddDllDirectory's directory must exist (STATUS_OBJECT_NAME_NOT_FOUND). */
static NTSTATUS dir_exists(const UNICODE_STRING *dir)
{
	WCHAR dos[DIR_CHARS + 1];
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES oa;
	BYTE info[40]; /* FILE_BASIC_INFORMATION */
	NTSTATUS st;

	if (dir->Length / 2 >= DIR_CHARS)
		return STATUS_NAME_TOO_LONG;
	memcpy(dos, dir->Buffer, dir->Length);
	dos[dir->Length / 2] = 0;
	if (!RtlDosPathNameToNtPathName_U(dos, &nt, NULL, NULL))
		return STATUS_OBJECT_PATH_NOT_FOUND;
	InitializeObjectAttributes(&oa, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
	st = NtQueryAttributesFile(&oa, info);
	RtlFreeUnicodeString(&nt);
	return st;
}

static NTSTATUS set_dir(struct dll_dir *d, const UNICODE_STRING *s)
{
	USHORT n = s->Length / 2; /* kept as given: GetDllDirectory returns it so */

	if (n >= DIR_CHARS)
		return STATUS_NAME_TOO_LONG;
	memcpy(d->path, s->Buffer, n * sizeof(WCHAR));
	d->path[n] = 0;
	d->len = n;
	d->used = TRUE;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI LdrAddDllDirectory(PUNICODE_STRING dir, PVOID *cookie)
{
	NTSTATUS st = STATUS_NO_MEMORY;

	if (!dir || !dir->Buffer || !cookie || !absolute(dir))
		return STATUS_INVALID_PARAMETER;
	if (!NT_SUCCESS(st = dir_exists(dir)))
		return st;
	st = STATUS_NO_MEMORY;
	RtlAcquireSRWLockExclusive(&dirs_lock);
	for (unsigned i = 0; i < MAX_USER_DIRS; i++)
		if (!user_dirs[i].used) {
			st = set_dir(&user_dirs[i], dir);
			user_dirs[i].added = ++dirs_added;
			if (NT_SUCCESS(st))
				*cookie = &user_dirs[i];
			break;
		}
	RtlReleaseSRWLockExclusive(&dirs_lock);
	return st;
}

RTLAPI NTSTATUS NTAPI LdrRemoveDllDirectory(PVOID cookie)
{
	NTSTATUS st = STATUS_INVALID_PARAMETER;

	RtlAcquireSRWLockExclusive(&dirs_lock);
	for (unsigned i = 0; i < MAX_USER_DIRS; i++)
		if (cookie == &user_dirs[i] && user_dirs[i].used) {
			user_dirs[i].used = FALSE;
			st = STATUS_SUCCESS;
		}
	RtlReleaseSRWLockExclusive(&dirs_lock);
	return st;
}

RTLAPI NTSTATUS NTAPI LdrSetDefaultDllDirectories(ULONG flags)
{
	if (!flags || (flags & ~SEARCH_FLAGS))
		return STATUS_INVALID_PARAMETER;
	default_flags = flags;
	return STATUS_SUCCESS;
}

/* NULL or empty: back to the standard search. */
RTLAPI NTSTATUS NTAPI LdrSetDllDirectory(PUNICODE_STRING dir)
{
	NTSTATUS st = STATUS_SUCCESS;

	RtlAcquireSRWLockExclusive(&dirs_lock);
	if (!dir || !dir->Buffer || !dir->Length)
		dll_directory.used = FALSE;
	else
		st = set_dir(&dll_directory, dir);
	RtlReleaseSRWLockExclusive(&dirs_lock);
	return st;
}

/* Copies the directory (empty when none); STATUS_BUFFER_TOO_SMALL with
 * out->Length set to what it needs. */
RTLAPI NTSTATUS NTAPI LdrGetDllDirectory(PUNICODE_STRING out)
{
	NTSTATUS st = STATUS_SUCCESS;
	USHORT n;

	RtlAcquireSRWLockShared(&dirs_lock);
	n = dll_directory.used ? dll_directory.len : 0;
	out->Length = (USHORT)(n * sizeof(WCHAR));
	if (out->MaximumLength < out->Length + sizeof(WCHAR)) {
		/* Windows answers the size with its terminator, and leaves an
		 * empty string in a buffer that has room for one */
		st = STATUS_BUFFER_TOO_SMALL;
		out->Length += sizeof(WCHAR);
		if (out->MaximumLength >= sizeof(WCHAR) && out->Buffer)
			out->Buffer[0] = 0;
	} else {
		memcpy(out->Buffer, dll_directory.path, n * sizeof(WCHAR));
		out->Buffer[n] = 0;
	}
	RtlReleaseSRWLockShared(&dirs_lock);
	return st;
}

struct ldr_search ldr_current_search;

#define KNOWN_DLL(name) name,
static const char *const known_dlls[] = {
#include "lsw/known_dlls.def"
};
#undef KNOWN_DLL

BOOL ldr_is_known_dll(const char *lower_name)
{
	for (size_t i = 0; i < sizeof(known_dlls) / sizeof(known_dlls[0]); i++)
		if (!strcmp(known_dlls[i], lower_name))
			return TRUE;
	return FALSE;
}

static BOOL try_text(ldr_try_dir_fn *try, void *ctx, const WCHAR *dir)
{
	return try(dir, wcslen(dir), ctx);
}

/* dir (n chars) with a trailing '\' into out (DIR_CHARS + 1); its length. */
static size_t with_slash(const WCHAR *dir, size_t n, WCHAR *out)
{
	if (!n || n >= DIR_CHARS)
		return 0;
	memcpy(out, dir, n * sizeof(WCHAR));
	if (out[n - 1] != '\\' && out[n - 1] != '/')
		out[n++] = '\\';
	out[n] = 0;
	return n;
}

static BOOL try_app_dir(ldr_try_dir_fn *try, void *ctx)
{
	LSW_PEB *peb = (LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock;
	UNICODE_STRING *img = &peb->ProcessParameters->ImagePathName;
	size_t n = img->Length / 2;
	WCHAR dir[DIR_CHARS + 1];

	while (n && img->Buffer[n - 1] != '\\')
		n--;
	n = with_slash(img->Buffer, n, dir);
	return n && try(dir, n, ctx);
}

/* One of the kept directories (SetDllDirectory's or an AddDllDirectory
 * one), copied under the lock: the search itself does file I/O. */
static BOOL try_kept(const struct dll_dir *d, ldr_try_dir_fn *try, void *ctx)
{
	WCHAR dir[DIR_CHARS + 1];
	size_t n = 0;

	RtlAcquireSRWLockShared(&dirs_lock);
	if (d->used)
		n = with_slash(d->path, d->len, dir);
	RtlReleaseSRWLockShared(&dirs_lock);
	return n && try(dir, n, ctx);
}

/* Each directory of a ';'-separated list (n chars), in order. */
static BOOL try_list(const WCHAR *list, size_t n, ldr_try_dir_fn *try, void *ctx)
{
	WCHAR dir[DIR_CHARS + 1];
	size_t start, end;

	for (start = 0; start < n; start = end + 1) {
		for (end = start; end < n && list[end] != ';'; end++)
			;
		if (end > start && with_slash(list + start, end - start, dir) &&
		    try(dir, wcslen(dir), ctx))
			return TRUE;
	}
	return FALSE;
}

static BOOL try_path_variable(ldr_try_dir_fn *try, void *ctx)
{
	WCHAR buf[2048];
	UNICODE_STRING name, value = { 0, sizeof(buf) - sizeof(WCHAR), buf };

	RtlInitUnicodeString(&name, L"PATH");
	if (!NT_SUCCESS(RtlQueryEnvironmentVariable_U(NULL, &name, &value)))
		return FALSE;
	return try_list(buf, value.Length / 2, try, ctx);
}

/* AddDllDirectory's, the last added first, then SetDllDirectory's. */
static BOOL try_user_dirs(ldr_try_dir_fn *try, void *ctx)
{
	ULONG below = ~0u;

	for (;;) {
		const struct dll_dir *next = NULL;

		RtlAcquireSRWLockShared(&dirs_lock);
		for (unsigned k = 0; k < MAX_USER_DIRS; k++)
			if (user_dirs[k].used && user_dirs[k].added < below &&
			    (!next || user_dirs[k].added > next->added))
				next = &user_dirs[k];
		RtlReleaseSRWLockShared(&dirs_lock);
		if (!next)
			break;
		below = next->added;
		if (try_kept(next, try, ctx))
			return TRUE;
	}
	return try_kept(&dll_directory, try, ctx);
}

static BOOL try_flagged(const struct ldr_search *s, ULONG flags, ldr_try_dir_fn *try, void *ctx)
{
	if (flags & LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)
		flags |= LOAD_LIBRARY_SEARCH_APPLICATION_DIR | LOAD_LIBRARY_SEARCH_USER_DIRS |
			 LOAD_LIBRARY_SEARCH_SYSTEM32;
	if ((flags & LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR) && s->load_dir &&
	    try(s->load_dir, s->load_dir_len, ctx))
		return TRUE;
	if ((flags & LOAD_LIBRARY_SEARCH_APPLICATION_DIR) && try_app_dir(try, ctx))
		return TRUE;
	if ((flags & LOAD_LIBRARY_SEARCH_USER_DIRS) && try_user_dirs(try, ctx))
		return TRUE;
	return (flags & LOAD_LIBRARY_SEARCH_SYSTEM32) && try_text(try, ctx, L"C:\\Windows\\System32\\");
}

static BOOL try_standard(const struct ldr_search *s, ldr_try_dir_fn *try, void *ctx)
{
	WCHAR cwd[DIR_CHARS + 1], dir[DIR_CHARS + 1];
	ULONG bytes;

	if ((s->flags & LOAD_WITH_ALTERED_SEARCH_PATH) && s->load_dir) {
		if (try(s->load_dir, s->load_dir_len, ctx))
			return TRUE;
	} else if (try_app_dir(try, ctx)) {
		return TRUE;
	}
	if (try_kept(&dll_directory, try, ctx) ||
	    try_text(try, ctx, L"C:\\Windows\\System32\\") ||
	    try_text(try, ctx, L"C:\\Windows\\System\\") || try_text(try, ctx, L"C:\\Windows\\"))
		return TRUE;
	if (s->cwd_as_dot) {
		if (!dll_directory.used && try(L".", 1, ctx))
			return TRUE;
		return try_path_variable(try, ctx);
	}
	bytes = RtlGetCurrentDirectory_U(sizeof(cwd) - 2 * sizeof(WCHAR), cwd);
	if (!dll_directory.used && bytes && bytes < sizeof(cwd) - 2 * sizeof(WCHAR) &&
	    with_slash(cwd, bytes / 2, dir) && try(dir, wcslen(dir), ctx))
		return TRUE;
	return try_path_variable(try, ctx);
}

void ldr_search_dirs(const struct ldr_search *s, ldr_try_dir_fn *try, void *ctx)
{
	ULONG flags = s->flags & ALL_SEARCH_FLAGS;

	if (s->path_list) { /* LdrLoadDll's own search path: that alone */
		try_list(s->path_list, wcslen(s->path_list), try, ctx);
		return;
	}
	if (!flags && !(s->flags & LOAD_WITH_ALTERED_SEARCH_PATH))
		flags = default_flags;
	if (flags)
		try_flagged(s, flags, try, ctx);
	else
		try_standard(s, try, ctx);
}
