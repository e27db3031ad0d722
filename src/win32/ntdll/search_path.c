/*
 * RtlGetSearchPath and RtlGetExePath (and LdrGetDllPath, below): the
 * directory lists, as one ';'-separated string (RtlReleasePath frees it),
 * that the standard DLL search and SearchPath for programs use:
 *   the program's directory; System32; System; Windows; the current
 *   directory ("."), then PATH.
 * For programs "." comes right after the program's directory, and not at
 * all when NoDefaultCurrentDirectoryInExePath is set and the name has no
 * '\' (documented for NeedCurrentDirectoryForExePath).
 */
#include "loader.h"

static const WCHAR system_dirs[] = L"C:\\Windows\\system32;C:\\Windows\\system;C:\\Windows;";

static SIZE_T app_dir_len(const UNICODE_STRING *img)
{
	SIZE_T n = img->Length / 2;

	while (n && img->Buffer[n - 1] != '\\')
		n--;
	return n > 1 ? n - 1 : 0; /* without the trailing '\' */
}

/* The value of an environment variable (heap copy, NULL when unset). */
static WCHAR *env_value(const WCHAR *var)
{
	UNICODE_STRING name, value = { 0, 0, NULL };
	NTSTATUS st;

	RtlInitUnicodeString(&name, var);
	st = RtlQueryEnvironmentVariable_U(NULL, &name, &value);
	if (st != STATUS_BUFFER_TOO_SMALL && st != STATUS_SUCCESS)
		return NULL;
	value.MaximumLength = value.Length + sizeof(WCHAR);
	if (!(value.Buffer = RtlAllocateHeap(lsw_process_heap(), 0, value.MaximumLength)))
		return NULL;
	if (!NT_SUCCESS(RtlQueryEnvironmentVariable_U(NULL, &name, &value))) {
		RtlFreeHeap(lsw_process_heap(), 0, value.Buffer);
		return NULL;
	}
	value.Buffer[value.Length / 2] = 0;
	return value.Buffer;
}

/* dot: 0 none, 1 after the program's directory, 2 after Windows. */
static NTSTATUS build(int dot, WCHAR **out)
{
	UNICODE_STRING *img = &lsw_params()->ImagePathName;
	SIZE_T app = app_dir_len(img), n = 0;
	WCHAR *path = env_value(L"PATH"), *s;
	SIZE_T total = app + wcslen(system_dirs) + (path ? wcslen(path) : 0) + 8;

	if (!(s = RtlAllocateHeap(lsw_process_heap(), 0, total * sizeof(WCHAR)))) {
		RtlFreeHeap(lsw_process_heap(), 0, path);
		return STATUS_NO_MEMORY;
	}
	memcpy(s, img->Buffer, app * sizeof(WCHAR));
	n = app;
	s[n++] = ';';
	if (dot == 1) {
		s[n++] = '.';
		s[n++] = ';';
	}
	memcpy(s + n, system_dirs, sizeof(system_dirs));
	n += wcslen(system_dirs);
	if (dot == 2) {
		s[n++] = '.';
		s[n++] = ';';
	}
	if (path)
		memcpy(s + n, path, wcslen(path) * sizeof(WCHAR));
	n += path ? wcslen(path) : 0;
	s[n] = 0;
	RtlFreeHeap(lsw_process_heap(), 0, path);
	*out = s;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlGetSearchPath(PWSTR *out)
{
	if (!out)
		return STATUS_INVALID_PARAMETER;
	return build(2, out);
}

RTLAPI NTSTATUS NTAPI RtlGetExePath(PCWSTR name, PWSTR *out)
{
	WCHAR *no_cwd;
	int dot = 1;

	if (!out)
		return STATUS_INVALID_PARAMETER;
	if (!name || !wcschr(name, '\\')) {
		if ((no_cwd = env_value(L"NoDefaultCurrentDirectoryInExePath"))) {
			dot = 0;
			RtlFreeHeap(lsw_process_heap(), 0, no_cwd);
		}
	}
	return build(dot, out);
}

RTLAPI void NTAPI RtlReleasePath(PWSTR path)
{
	if (path)
		RtlFreeHeap(lsw_process_heap(), 0, path);
}

/* LdrGetDllPath's list, grown one directory at a time. */
struct dir_list {
	WCHAR *s;
	SIZE_T len, cap;
	BOOL no_memory;
};

static BOOL add_dir(const WCHAR *dir, size_t len, void *ctx)
{
	struct dir_list *l = ctx;
	WCHAR *grown;

	if (len > 1 && dir[len - 1] == '\\')
		len--; /* the list names directories without their '\' ("C:" too) */
	if (l->len + len + 2 > l->cap) {
		SIZE_T cap = (l->cap + len + 2) * 2;

		grown = l->s ? RtlReAllocateHeap(lsw_process_heap(), 0, l->s, cap * sizeof(WCHAR))
			     : RtlAllocateHeap(lsw_process_heap(), 0, cap * sizeof(WCHAR));
		if (!grown) {
			l->no_memory = TRUE;
			return TRUE; /* stop */
		}
		l->s = grown;
		l->cap = cap;
	}
	if (l->len)
		l->s[l->len++] = ';';
	memcpy(l->s + l->len, dir, len * sizeof(WCHAR));
	l->len += len;
	l->s[l->len] = 0;
	return FALSE;
}

/* LdrGetDllPath: the directories the loader searches for a DLL named
 * without a path, as one list (the current directory as ".", as Windows
 * lists it: kernel32's path test, test_LdrGetDllPath).
 * module is the DLL whose directory LOAD_WITH_ALTERED_SEARCH_PATH or
 * LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR means; the latter needs a '\' in it. */
RTLAPI NTSTATUS NTAPI LdrGetDllPath(PCWSTR module, ULONG flags, PWSTR *path, PWSTR *unknown)
{
	struct ldr_search s = { flags, .cwd_as_dot = TRUE };
	struct dir_list l = { 0 };
	const WCHAR *slash = module ? wcsrchr(module, '\\') : NULL;

	if (!path || !unknown)
		return STATUS_INVALID_PARAMETER;
	*unknown = NULL;
	if ((flags & LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR) &&
	    (!slash || (flags & LOAD_WITH_ALTERED_SEARCH_PATH)))
		return STATUS_INVALID_PARAMETER;
	if (slash) {
		s.load_dir = module;
		s.load_dir_len = (size_t)(slash - module) + 1;
	}
	ldr_search_dirs(&s, add_dir, &l);
	if (l.no_memory || (!l.s && !(l.s = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY,
							       sizeof(WCHAR))))) {
		RtlFreeHeap(lsw_process_heap(), 0, l.s);
		return STATUS_NO_MEMORY;
	}
	*path = l.s;
	return STATUS_SUCCESS;
}
