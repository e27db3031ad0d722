/* ANSI <-> UTF-16 for the A functions.  The ANSI code page (1252) is
 * single-byte, so an ANSI string has as many bytes as its UTF-16 form has
 * units: a size in bytes of UTF-16 text halves in ANSI. */
#include "adv_private.h"

LSTATUS adv_a_to_w(const char *a, WCHAR **w)
{
	SIZE_T n;

	*w = NULL;
	if (!a)
		return ERROR_SUCCESS;
	n = strlen(a);
	*w = adv_alloc((n + 1) * sizeof(WCHAR));
	if (!*w)
		return ERROR_NOT_ENOUGH_MEMORY;
	adv_a_to_w_n(a, n, *w);
	(*w)[n] = 0;
	return ERROR_SUCCESS;
}

LSTATUS adv_key_call_a(adv_key_w_fn *call_w, HKEY hkey, LPCSTR sub, PHKEY out)
{
	WCHAR *w;
	LSTATUS err;

	if (!out)
		return ERROR_INVALID_PARAMETER;
	err = adv_a_to_w(sub, &w);
	if (err)
		return err;
	err = call_w(hkey, w, out);
	adv_free(w);
	return err;
}

void adv_a_to_w_n(const char *a, SIZE_T n, WCHAR *w)
{
	ULONG done;

	RtlMultiByteToUnicodeN(w, (ULONG)(n * sizeof(WCHAR)), &done, a, (ULONG)n);
}

void adv_w_to_a(const WCHAR *w, SIZE_T n, char *a)
{
	ULONG done;

	RtlUnicodeToMultiByteN(a, (ULONG)n, &done, w, (ULONG)(n * sizeof(WCHAR)));
}

BOOL adv_is_string_type(DWORD type)
{
	return type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ;
}

/* Bytes the A functions report for data of `wsize` bytes as stored. */
DWORD adv_a_size(DWORD type, DWORD wsize)
{
	return adv_is_string_type(type) ? wsize / sizeof(WCHAR) : wsize;
}

/* Copy value data as the A functions return it (strings in ANSI);
 * dst holds adv_a_size(type, wsize) bytes. */
void adv_data_to_a(DWORD type, const BYTE *src, DWORD wsize, BYTE *dst)
{
	if (adv_is_string_type(type))
		adv_w_to_a((const WCHAR *)src, wsize / sizeof(WCHAR), (char *)dst);
	else
		memcpy(dst, src, wsize);
}

/* The A functions end string data with a NUL when the caller's buffer has
 * room past it and the stored string lacks one, as Windows does. */
void adv_terminate_a(DWORD type, BYTE *data, DWORD asize, DWORD room)
{
	if (adv_is_string_type(type) && room > asize && asize && data[asize - 1])
		data[asize] = 0;
}

DWORD adv_stored_size(DWORD type, const BYTE *data, DWORD size, DWORD unit)
{
	const BYTE *last = data + size - unit;

	if (!adv_is_string_type(type) || size < unit || size % unit)
		return size;
	if (unit == 1)
		return size + (last[0] && !last[1]);
	return size + ((last[0] || last[1]) && !last[2] && !last[3]) * 2;
}
