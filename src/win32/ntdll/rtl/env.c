/*
 * Environment blocks: "NAME=value\0...\0\0" in UTF-16.  Names compare case
 * insensitively; a name may start with '=' (the per-drive current
 * directories "=C:=C:\dir"), so its end is the first '=' after its first
 * character.  New variables are inserted in sorted position, as Windows
 * keeps the block sorted.  The process block is
 * PEB->ProcessParameters->Environment, guarded by the PEB lock; blocks are
 * process-heap blocks, and EnvironmentSize is the heap block's size.  As
 * on Windows a change that does not grow a block is made in place (the
 * block keeps its size) and one that grows it gets a new block of exactly
 * the size needed.
 */
#include "rtl_private.h"


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
	*out = RtlAllocateHeap(lsw_process_heap(), 0, chars * sizeof(WCHAR));
	return *out ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

static void env_free(WCHAR *env)
{
	RtlFreeHeap(lsw_process_heap(), 0, env);
}

/* EnvironmentSize of a block: its heap size, or what it holds. */
static SIZE_T env_size(const WCHAR *env)
{
	SIZE_T n = RtlSizeHeap(lsw_process_heap(), 0, env);

	return n != (SIZE_T)-1 ? n : env_chars(env) * sizeof(WCHAR);
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

/* Build in `dst` (which may be `src` for a removal) the block `src` with `name` set to `value` (or removed if
 * value is NULL), in sorted position. */
static void env_rebuild(WCHAR *dst, const WCHAR *src, const WCHAR *name, SIZE_T n,
			PCUNICODE_STRING value)
{
	const WCHAR *e;
	SIZE_T len;
	BOOL placed = value == NULL;

	for (e = src; *e; e += len) {
		SIZE_T en = name_length(e);
		int cmp = rtl_wcsnicmp_counted(e, en, name, n);

		len = wcslen(e) + 1;
		if (!placed && cmp >= 0) {
			dst = copy_entry(dst, name, n, value);
			placed = TRUE;
		}
		if (cmp == 0)
			continue; /* the old definition */
		memmove(dst, e, len * sizeof(WCHAR)); /* dst <= e when in place */
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
	SIZE_T n = name->Length / sizeof(WCHAR), chars = env_chars(old), have = chars;
	WCHAR *block;
	NTSTATUS status;

	e = env_find(old, name->Buffer, n);
	if (!e && !value)
		return STATUS_SUCCESS;
	if (e)
		chars -= wcslen(e) + 1;
	if (value)
		chars += n + 1 + value->Length / sizeof(WCHAR) + 1;
	if (*penv && !value && chars <= have) {
		/* A removal only moves entries down: done over the block. */
		env_rebuild(*penv, *penv, name->Buffer, n, value);
		return STATUS_SUCCESS;
	}
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
		env_free(block);
		pp->EnvironmentSize = env_size(pp->Environment);
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
	else if (status >= 0)
		(*env)[0] = (*env)[1] = 0;
	rtl_peb_unlock();
	return status;
}

RTLAPI NTSTATUS NTAPI RtlDestroyEnvironment(PWSTR env)
{
	env_free(env);
	return STATUS_SUCCESS;
}

/* Makes env the process environment; the old one is returned in *prev or,
 * without prev, destroyed. */
RTLAPI NTSTATUS NTAPI RtlSetCurrentEnvironment(PWSTR env, PWSTR *prev)
{
	LSW_PROCESS_PARAMETERS *pp;
	WCHAR *old;

	rtl_peb_lock();
	pp = lsw_params();
	old = pp->Environment;
	pp->Environment = env;
	pp->EnvironmentSize = env ? env_size(env) : 0;
	rtl_peb_unlock();
	if (prev)
		*prev = old;
	else if (old != env)
		env_free(old);
	return STATUS_SUCCESS;
}

/* A whole new process environment (SetEnvironmentStrings): size in bytes,
 * every entry NAME=value with a non-empty name. */
RTLAPI NTSTATUS NTAPI RtlSetEnvironmentStrings(const WCHAR *block, SIZE_T size)
{
	SIZE_T chars = size / sizeof(WCHAR), i = 0;
	WCHAR *copy;

	if (!block || chars < 1)
		return STATUS_INVALID_PARAMETER;
	while (i < chars && block[i]) {
		SIZE_T n = name_length(block + i);

		if (!n || block[i + n] != '=')
			return STATUS_INVALID_PARAMETER;
		i += wcslen(block + i) + 1;
	}
	if (i >= chars)
		return STATUS_INVALID_PARAMETER; /* no final empty string */
	if (env_alloc(i + 1, &copy) < 0)
		return STATUS_NO_MEMORY;
	memcpy(copy, block, (i + 1) * sizeof(WCHAR));
	return RtlSetCurrentEnvironment(copy, NULL);
}

/* The counted-string form: lengths in characters; *needed is the value's
 * length, plus one for the NUL when the buffer is too small. */
RTLAPI NTSTATUS NTAPI RtlQueryEnvironmentVariable(PWSTR env, const WCHAR *name, SIZE_T name_len,
						  PWSTR value, SIZE_T value_len, PSIZE_T needed)
{
	const WCHAR *e, *v;
	SIZE_T len;
	NTSTATUS status = STATUS_SUCCESS;

	if (!env)
		rtl_peb_lock();
	e = env ? env : lsw_params()->Environment;
	e = e && name_len ? env_find(e, name, name_len) : NULL;
	if (!e) {
		status = STATUS_VARIABLE_NOT_FOUND;
		goto out;
	}
	v = env_value(e, name_len);
	len = wcslen(v);
	if (len > value_len) {
		*needed = len + 1;
		status = STATUS_BUFFER_TOO_SMALL;
		goto out;
	}
	memcpy(value, v, len * sizeof(WCHAR));
	if (len < value_len)
		value[len] = 0;
	*needed = len;
out:
	if (!env)
		rtl_peb_unlock();
	return status;
}
