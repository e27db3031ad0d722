/*
 * Environment blocks: "NAME=value\0...\0\0" in UTF-16.  Names compare case
 * insensitively; a name may start with '=' (the per-drive current
 * directories "=C:=C:\dir"), so its end is the first '=' after its first
 * character.  New variables are inserted in sorted position, as Windows
 * keeps the block sorted.  The process block is
 * PEB->ProcessParameters->Environment, guarded by the PEB lock.
 */
#include "rtl_private.h"

/* The process block we allocated last (the initial one belongs to the
 * process start-up code and is never freed). */
static WCHAR *owned_process_env;

static SIZE_T name_length(const WCHAR *entry)
{
	const WCHAR *p = entry[0] ? entry + 1 : entry;

	while (*p && *p != '=')
		p++;
	return (SIZE_T)(p - entry);
}

/* Size in WCHARs, including the final empty string's NUL. */
static SIZE_T env_chars(const WCHAR *env)
{
	const WCHAR *p = env;

	while (*p)
		p += wcslen(p) + 1;
	return (SIZE_T)(p - env) + 1;
}

/* The entry named `name` (nchars long), or NULL. */
static const WCHAR *env_find(const WCHAR *env, const WCHAR *name, SIZE_T n)
{
	const WCHAR *e;

	for (e = env; *e; e += wcslen(e) + 1)
		if (name_length(e) == n && !rtl_wcsnicmp_counted(e, n, name, n))
			return e;
	return NULL;
}

static const WCHAR *env_value(const WCHAR *entry, SIZE_T n)
{
	return entry[n] == '=' ? entry + n + 1 : entry + n;
}

RTLAPI NTSTATUS NTAPI RtlQueryEnvironmentVariable_U(PWSTR env, PCUNICODE_STRING name,
						      PUNICODE_STRING value)
{
	SIZE_T n = name->Length / sizeof(WCHAR), len;
	const WCHAR *e, *v;
	NTSTATUS status = STATUS_SUCCESS;

	if (!env)
		rtl_peb_lock();
	e = env ? env : lsw_params()->Environment;
	e = e ? env_find(e, name->Buffer, n) : NULL;
	if (!e) {
		status = STATUS_VARIABLE_NOT_FOUND;
		goto out;
	}
	v = env_value(e, n);
	len = wcslen(v) * sizeof(WCHAR);
	value->Length = (USHORT)len;
	if (len + sizeof(WCHAR) > value->MaximumLength) {
		status = STATUS_BUFFER_TOO_SMALL;
		goto out;
	}
	memcpy(value->Buffer, v, len);
	value->Buffer[len / sizeof(WCHAR)] = 0;
out:
	if (!env)
		rtl_peb_unlock();
	return status;
}

static NTSTATUS env_alloc(SIZE_T chars, WCHAR **out)
{
	SIZE_T size = chars * sizeof(WCHAR);

	*out = NULL;
	return NtAllocateVirtualMemory((HANDLE)-1, (void **)out, 0, &size,
				       MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
}

static void env_free(WCHAR *env)
{
	SIZE_T size = 0;

	NtFreeVirtualMemory((HANDLE)-1, (void **)&env, &size, MEM_RELEASE);
}

static WCHAR *copy_entry(WCHAR *d, const WCHAR *name, SIZE_T n, PCUNICODE_STRING value)
{
	memcpy(d, name, n * sizeof(WCHAR));
	d += n;
	*d++ = '=';
	memcpy(d, value->Buffer, value->Length);
	d += value->Length / sizeof(WCHAR);
	*d++ = 0;
	return d;
}

/* Build in `dst` the block `src` with `name` set to `value` (or removed if
 * value is NULL), in sorted position. */
static void env_rebuild(WCHAR *dst, const WCHAR *src, const WCHAR *name, SIZE_T n,
			PCUNICODE_STRING value)
{
	const WCHAR *e;
	BOOL placed = value == NULL;

	for (e = src; *e; e += wcslen(e) + 1) {
		SIZE_T en = name_length(e), len = wcslen(e) + 1;
		int cmp = rtl_wcsnicmp_counted(e, en, name, n);
		if (!placed && cmp >= 0) {
			dst = copy_entry(dst, name, n, value);
			placed = TRUE;
		}
		if (cmp == 0)
			continue; /* the old definition */
		memcpy(dst, e, len * sizeof(WCHAR));
		dst += len;
	}
	if (!placed)
		dst = copy_entry(dst, name, n, value);
	*dst = 0;
}

static BOOL valid_name(PCUNICODE_STRING name)
{
	SIZE_T n = name->Length / sizeof(WCHAR), i;

	if (!n)
		return FALSE;
	for (i = 1; i < n; i++)
		if (name->Buffer[i] == '=')
			return FALSE;
	return TRUE;
}

static NTSTATUS env_set(WCHAR **penv, PCUNICODE_STRING name, PCUNICODE_STRING value)
{
	static const WCHAR empty[2];
	const WCHAR *old = *penv ? *penv : empty, *e;
	SIZE_T n = name->Length / sizeof(WCHAR), chars = env_chars(old);
	WCHAR *block;
	NTSTATUS status;

	e = env_find(old, name->Buffer, n);
	if (!e && !value)
		return STATUS_SUCCESS;
	if (e)
		chars -= wcslen(e) + 1;
	if (value)
		chars += n + 1 + value->Length / sizeof(WCHAR) + 1;
	status = env_alloc(chars, &block);
	if (status < 0)
		return status;
	env_rebuild(block, old, name->Buffer, n, value);
	*penv = block;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlSetEnvironmentVariable(PWSTR *env, PCUNICODE_STRING name,
						  PCUNICODE_STRING value)
{
	LSW_PROCESS_PARAMETERS *pp;
	WCHAR *block;
	NTSTATUS status;

	if (!name || !valid_name(name))
		return STATUS_INVALID_PARAMETER;
	if (env) {
		block = *env;
		status = env_set(env, name, value);
		if (status >= 0 && block && block != *env)
			env_free(block);
		return status;
	}
	rtl_peb_lock();
	pp = lsw_params();
	block = pp->Environment;
	status = env_set(&pp->Environment, name, value);
	if (status >= 0 && pp->Environment != block) {
		if (block && block == owned_process_env)
			env_free(block);
		owned_process_env = pp->Environment;
		pp->EnvironmentSize = env_chars(pp->Environment) * sizeof(WCHAR);
	}
	rtl_peb_unlock();
	return status;
}

/* A copy of the process block (clone) or an empty block. */
RTLAPI NTSTATUS NTAPI RtlCreateEnvironment(BOOLEAN clone, PWSTR *env)
{
	SIZE_T chars = 1;
	NTSTATUS status;
	const WCHAR *src;

	rtl_peb_lock();
	src = clone ? lsw_params()->Environment : NULL;
	if (src)
		chars = env_chars(src);
	status = env_alloc(chars < 2 ? 2 : chars, env);
	if (status >= 0 && src)
		memcpy(*env, src, chars * sizeof(WCHAR));
	rtl_peb_unlock();
	return status;
}

RTLAPI NTSTATUS NTAPI RtlDestroyEnvironment(PWSTR env)
{
	env_free(env);
	return STATUS_SUCCESS;
}
