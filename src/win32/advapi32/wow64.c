/*
 * KEY_WOW64_32KEY: the 32-bit view of HKLM\Software is its Wow6432Node
 * subkey.  A key opened or created with the flag whose full name is
 * \REGISTRY\MACHINE\SOFTWARE or lies below it (but not in Wow6432Node or
 * Classes, which have views of their own) is taken with Wow6432Node after
 * SOFTWARE.  The full name counts, not the part the call names: a handle to
 * HKLM\Software and the subkey "x" with the flag lead to Software\Wow6432Node\x.
 * KEY_WOW64_64KEY is the native view of a 64-bit process: names stay.
 */
#include "adv_private.h"

static const WCHAR software[] = L"\\REGISTRY\\MACHINE\\SOFTWARE";
static const WCHAR wow_node[] = L"Wow6432Node";

/* The full NT name of root, heap (NUL-terminated), or NULL. */
static WCHAR *key_name(HANDLE root)
{
	ULONG size = 512, got;
	ADV_KEY_NAME *info;

	for (int tries = 0; tries < 2; tries++, size = got + sizeof(WCHAR)) {
		NTSTATUS status;

		if (!(info = adv_alloc(size)))
			return NULL;
		status = NtQueryKey(root, KeyNameInformation, info, size - sizeof(WCHAR), &got);
		if (NT_SUCCESS(status)) {
			WCHAR *s = (WCHAR *)info;
			ULONG n = info->NameLength; /* the move overwrites it */

			memmove(s, info->Name, n);
			s[n / sizeof(WCHAR)] = 0;
			return s;
		}
		adv_free(info);
		if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL)
			return NULL;
	}
	return NULL;
}

/* Whether the component at s (up to '\' or the end) is name, any case. */
static BOOL component_is(const WCHAR *s, const WCHAR *name)
{
	size_t n = wcslen(name);

	return !_wcsnicmp(s, name, n) && (!s[n] || s[n] == '\\');
}

/* full redirected into the 32-bit view, heap, or NULL when it stays. */
static WCHAR *redirect(const WCHAR *full)
{
	size_t pre = ARRAYSIZE(software) - 1, n = wcslen(full), w = ARRAYSIZE(wow_node) - 1;
	const WCHAR *rest = full + pre;
	WCHAR *out;

	if (n < pre || _wcsnicmp(full, software, pre) || (*rest && *rest != '\\'))
		return NULL;
	if (*rest && (component_is(rest + 1, wow_node) || component_is(rest + 1, L"Classes")))
		return NULL;
	if (!(out = adv_alloc((n + w + 2) * sizeof(WCHAR))))
		return NULL;
	memcpy(out, full, pre * sizeof(WCHAR));
	out[pre] = '\\';
	memcpy(out + pre + 1, wow_node, w * sizeof(WCHAR));
	memcpy(out + pre + 1 + w, rest, (n - pre + 1) * sizeof(WCHAR));
	return out;
}

static WCHAR *full_name(HANDLE root, const WCHAR *sub)
{
	WCHAR *name = key_name(root), *full;
	size_t a, b = sub ? wcslen(sub) : 0;

	if (!name)
		return NULL;
	a = wcslen(name);
	if ((full = adv_alloc((a + b + 2) * sizeof(WCHAR)))) {
		memcpy(full, name, a * sizeof(WCHAR));
		full[a] = 0;
		if (b) {
			full[a] = '\\';
			memcpy(full + a + 1, sub, (b + 1) * sizeof(WCHAR));
		}
	}
	adv_free(name);
	return full;
}

LSTATUS adv_wow64_base(HANDLE root, const WCHAR *sub, REGSAM sam, HANDLE *base, WCHAR **rest)
{
	size_t at = ARRAYSIZE(software) + ARRAYSIZE(wow_node) - 1; /* "...SOFTWARE\Wow6432Node" */
	WCHAR *full, *to, after;
	NTSTATUS status;

	*base = NULL;
	*rest = NULL;
	if (!(sam & KEY_WOW64_32KEY) || (sam & KEY_WOW64_64KEY))
		return ERROR_SUCCESS;
	if (!(full = full_name(root, sub)))
		return ERROR_SUCCESS; /* not a key with a name: as it is */
	to = redirect(full);
	adv_free(full);
	if (!to)
		return ERROR_SUCCESS;
	after = to[at]; /* '\\' before the rest, or the end */
	to[at] = 0;
	status = adv_open_under(NULL, to, MAXIMUM_ALLOWED, 0, base);
	if (NT_SUCCESS(status)) {
		size_t skip = after ? at + 1 : at;

		memmove(to, to + skip, (wcslen(to + skip) + 1) * sizeof(WCHAR));
		*rest = to;
		return ERROR_SUCCESS;
	}
	adv_free(to);
	return adv_error(status);
}
