/* Environment variables. */
#include "k32_private.h"

#define MAX_ENV_VALUE 32767

/* name's value into buf[0..size): its length in chars (the buffer holds
 * it and a NUL only when that is less than size); *status says whether
 * it is set. */
static DWORD env_get(LPCWSTR name, LPWSTR buf, DWORD size, NTSTATUS *status)
{
	UNICODE_STRING n, v;

	RtlInitUnicodeString(&n, name);
	v.Length = 0;
	v.MaximumLength = (USHORT)((size > 0x7FFF ? 0x7FFF : size) * sizeof(WCHAR));
	v.Buffer = size ? buf : NULL;
	*status = RtlQueryEnvironmentVariable_U(NULL, &n, &v);
	if (*status == STATUS_BUFFER_TOO_SMALL)
		*status = STATUS_SUCCESS; /* v.Length: the length it needs */
	if (*status >= 0 && v.Length / sizeof(WCHAR) < size)
		buf[v.Length / sizeof(WCHAR)] = 0;
	return v.Length / sizeof(WCHAR);
}

/* Value length without NUL on success, size needed with NUL if the buffer
 * is too small, 0 with ERROR_ENVVAR_NOT_FOUND if unset.  An empty value
 * returns 0 and leaves the last error alone, as Windows does. */
K32API DWORD WINAPI GetEnvironmentVariableW(LPCWSTR name, LPWSTR buf, DWORD size)
{
	NTSTATUS status;
	DWORD n;

	if (!name || !name[0])
		return k32_error(ERROR_ENVVAR_NOT_FOUND);
	n = env_get(name, buf, size, &status);
	if (status < 0)
		return k32_fail(status);
	return n < size ? n : n + 1;
}

K32API DWORD WINAPI GetEnvironmentVariableA(LPCSTR name, LPSTR buf, DWORD size)
{
	UNICODE_STRING w;
	WCHAR *val;
	NTSTATUS status = STATUS_NO_MEMORY;
	DWORD ret = 0;

	if (!name)
		return k32_error(ERROR_ENVVAR_NOT_FOUND);
	if (!k32_ansi_arg(name, &w))
		return 0;
	val = RtlAllocateHeap(k32_heap(), 0, (MAX_ENV_VALUE + 1) * sizeof(WCHAR));
	if (val && w.Buffer[0])
		ret = env_get(w.Buffer, val, MAX_ENV_VALUE + 1, &status);
	else if (val)
		status = STATUS_VARIABLE_NOT_FOUND;
	if (status < 0)
		k32_fail(status);
	else if (ret >= size)
		ret++;
	else
		k32_w_to_a(val, ret, buf); /* with its NUL */
	k32_free(val);
	k32_free(w.Buffer);
	return ret;
}

K32API BOOL WINAPI SetEnvironmentVariableW(LPCWSTR name, LPCWSTR value)
{
	UNICODE_STRING n, v;
	NTSTATUS status;

	if (!name)
		return k32_error(ERROR_ENVVAR_NOT_FOUND);
	RtlInitUnicodeString(&n, name);
	if (value)
		RtlInitUnicodeString(&v, value);
	status = RtlSetEnvironmentVariable(NULL, &n, value ? &v : NULL);
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SetEnvironmentVariableA(LPCSTR name, LPCSTR value)
{
	UNICODE_STRING n, v = { 0 };
	BOOL r = FALSE;

	if (!name)
		return k32_error(ERROR_ENVVAR_NOT_FOUND);
	if (!k32_ansi_arg(name, &n))
		return FALSE;
	if (!value || k32_ansi_arg(value, &v))
		r = SetEnvironmentVariableW(n.Buffer, value ? v.Buffer : NULL);
	k32_free(n.Buffer);
	k32_free(v.Buffer);
	return r;
}

/* A private copy of the block, freed with FreeEnvironmentStrings. */
K32API LPWCH WINAPI GetEnvironmentStringsW(void)
{
	const WCHAR *env, *p;
	WCHAR *copy;
	SIZE_T bytes;

	RtlAcquirePebLock();
	env = lsw_params()->Environment;
	for (p = env; p && *p; p += wcslen(p) + 1)
		;
	bytes = env ? (SIZE_T)(p - env + 1) * sizeof(WCHAR) : sizeof(WCHAR) * 2;
	copy = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, bytes);
	if (copy && env)
		memcpy(copy, env, bytes);
	RtlReleasePebLock();
	if (!copy)
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	return copy;
}

K32API LPCH WINAPI GetEnvironmentStringsA(void)
{
	WCHAR *w = GetEnvironmentStringsW(), *p;
	char *a;
	SIZE_T n;

	if (!w)
		return NULL;
	for (p = w; *p; p += wcslen(p) + 1)
		;
	n = (SIZE_T)(p - w) + 1;
	a = RtlAllocateHeap(k32_heap(), 0, n + 1);
	if (a) {
		ULONG done;
		RtlUnicodeToMultiByteN(a, (ULONG)n, &done, w, (ULONG)(n * sizeof(WCHAR)));
	} else {
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	k32_free(w);
	return a;
}

K32API BOOL WINAPI FreeEnvironmentStringsW(LPWCH env)
{
	return HeapFree(k32_heap(), 0, env);
}

K32API BOOL WINAPI FreeEnvironmentStringsA(LPCH env)
{
	return HeapFree(k32_heap(), 0, env);
}

/* Returns the size with NUL, in chars, of the full result (also when the
 * buffer is too small); 0 on failure. */
K32API DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR src, LPWSTR dst, DWORD size)
{
	UNICODE_STRING s, d;
	ULONG needed = 0;
	NTSTATUS status;

	RtlInitUnicodeString(&s, src);
	if (size > 0x7FFF)
		size = 0x7FFF;
	d.Length = 0;
	d.MaximumLength = (USHORT)(dst ? size * sizeof(WCHAR) : 0);
	d.Buffer = dst;
	status = RtlExpandEnvironmentStrings_U(NULL, &s, &d, &needed);
	if (status < 0 && status != STATUS_BUFFER_TOO_SMALL)
		return k32_fail(status);
	return needed / sizeof(WCHAR);
}

K32API DWORD WINAPI ExpandEnvironmentStringsA(LPCSTR src, LPSTR dst, DWORD size)
{
	UNICODE_STRING s;
	WCHAR *w;
	DWORD ret;

	if (!k32_ansi_arg(src ? src : "", &s)) /* NULL expands like "" */
		return 0;
	ret = ExpandEnvironmentStringsW(s.Buffer, NULL, 0);
	w = ret ? RtlAllocateHeap(k32_heap(), 0, ret * sizeof(WCHAR)) : NULL;
	if (w && ExpandEnvironmentStringsW(s.Buffer, w, ret) == ret && ret <= size && dst)
		k32_w_to_a(w, ret - 1, dst);
	k32_free(w);
	k32_free(s.Buffer);
	return ret;
}

NTSTATUS NTAPI RtlSetEnvironmentStrings(const WCHAR *block, SIZE_T size);

/* The block's size in bytes, its final empty string included. */
static SIZE_T block_bytes(const WCHAR *block)
{
	const WCHAR *p = block;

	while (*p)
		p += wcslen(p) + 1;
	return (SIZE_T)(p - block + 1) * sizeof(WCHAR);
}

/* A whole new environment: every entry NAME=value with a name. */
K32API BOOL WINAPI SetEnvironmentStringsW(LPWCH block)
{
	NTSTATUS status;

	if (!block)
		return k32_error(ERROR_INVALID_PARAMETER);
	status = RtlSetEnvironmentStrings(block, block_bytes(block));
	return status < 0 ? k32_fail(status) : TRUE;
}

K32API BOOL WINAPI SetEnvironmentStringsA(LPCH block)
{
	const char *p = block;
	WCHAR *w;
	ULONG bytes, done;
	BOOL ok;

	if (!block)
		return k32_error(ERROR_INVALID_PARAMETER);
	while (*p)
		p += strlen(p) + 1;
	bytes = (ULONG)(p - block + 1);
	if (!(w = RtlAllocateHeap(k32_heap(), 0, bytes * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	RtlMultiByteToUnicodeN(w, bytes * sizeof(WCHAR), &done, block, bytes);
	ok = SetEnvironmentStringsW(w);
	k32_free(w);
	return ok;
}
