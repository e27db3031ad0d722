/*
 * Where the loader looks for a DLL besides the application's directory and
 * System32 (LdrSetDllDirectory, LdrAddDllDirectory...), as documented: the
 * standard search has SetDllDirectory's directory after the application's;
 * once SetDefaultDllDirectories replaced it, AddDllDirectory's directories
 * are searched if its flags include LOAD_LIBRARY_SEARCH_USER_DIRS (or
 * _DEFAULT_DIRS).  LoadLibraryEx's per-call flags are not looked at yet.
 */
#include "loader.h"

#define MAX_USER_DIRS 32
#define DIR_CHARS 260
#define USER_DIRS (LOAD_LIBRARY_SEARCH_USER_DIRS | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)
#define SEARCH_FLAGS (LOAD_LIBRARY_SEARCH_APPLICATION_DIR | LOAD_LIBRARY_SEARCH_USER_DIRS | \
		      LOAD_LIBRARY_SEARCH_SYSTEM32 | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)

struct dll_dir {
	BOOL used;
	USHORT len;              /* chars, without a trailing '\' */
	WCHAR path[DIR_CHARS];
};

static struct dll_dir user_dirs[MAX_USER_DIRS];
static struct dll_dir dll_directory; /* SetDllDirectory */
static ULONG default_flags;
static RTL_SRWLOCK dirs_lock = RTL_SRWLOCK_INIT;

static BOOL absolute(const UNICODE_STRING *s)
{
	const WCHAR *p = s->Buffer;
	USHORT n = s->Length / 2;

	if (n >= 3 && ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') && p[1] == ':' &&
	    (p[2] == '\\' || p[2] == '/'))
		return TRUE;
	return n >= 3 && p[0] == '\\' && p[1] == '\\'; /* UNC */
}

static NTSTATUS set_dir(struct dll_dir *d, const UNICODE_STRING *s)
{
	USHORT n = s->Length / 2;

	while (n > 3 && (s->Buffer[n - 1] == '\\' || s->Buffer[n - 1] == '/'))
		n--;
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
	RtlAcquireSRWLockExclusive(&dirs_lock);
	for (unsigned i = 0; i < MAX_USER_DIRS; i++)
		if (!user_dirs[i].used) {
			st = set_dir(&user_dirs[i], dir);
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
		st = STATUS_BUFFER_TOO_SMALL;
	} else {
		memcpy(out->Buffer, dll_directory.path, n * sizeof(WCHAR));
		out->Buffer[n] = 0;
	}
	RtlReleaseSRWLockShared(&dirs_lock);
	return st;
}

/* The i-th directory to search between the application's and System32,
 * copied with a trailing '\' into out (DIR_CHARS + 1); 0 when there is
 * none left, else its length. */
size_t ldr_search_dir(unsigned i, WCHAR *out)
{
	const struct dll_dir *d = NULL;
	size_t n = 0;

	RtlAcquireSRWLockShared(&dirs_lock);
	if (!default_flags && dll_directory.used && i-- == 0)
		d = &dll_directory;
	for (unsigned k = 0; !d && (default_flags & USER_DIRS) && k < MAX_USER_DIRS; k++)
		if (user_dirs[k].used && i-- == 0)
			d = &user_dirs[k];
	if (d) {
		memcpy(out, d->path, d->len * sizeof(WCHAR));
		n = d->len;
		if (out[n - 1] != '\\')
			out[n++] = '\\';
		out[n] = 0;
	}
	RtlReleaseSRWLockShared(&dirs_lock);
	return n;
}
