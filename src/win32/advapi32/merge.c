/* HKEY_CLASSES_ROOT's merged view (Microsoft's "Merged View of
 * HKEY_CLASSES_ROOT"): HKCR\P is HKCU\Software\Classes\P if that key
 * exists, else HKLM\Software\Classes\P.  HKCR itself is
 * HKLM\Software\Classes (its values, notifications, flushes); what merges
 * is what lies below it.  A merged handle keeps no state besides its tag:
 * its path below Classes comes back from NtQueryKey's full name. */
#include "adv_private.h"

static const WCHAR *const hive_paths[2] = { ADV_MACHINE_CLASSES, ADV_USER_CLASSES };

BOOL adv_is_merged(HKEY hkey)
{
	if (hkey == HKEY_CLASSES_ROOT)
		return TRUE;
	return !adv_is_predefined(hkey) && ((ULONG_PTR)hkey & ADV_MERGED);
}

HKEY adv_tag(HANDLE h)
{
	return (HKEY)((ULONG_PTR)h | ADV_MERGED);
}

static SIZE_T wlen(const WCHAR *s)
{
	SIZE_T n = 0;

	while (s && s[n])
		n++;
	return n;
}

static BOOL missing(NTSTATUS status)
{
	return status == STATUS_OBJECT_NAME_NOT_FOUND || status == STATUS_OBJECT_PATH_NOT_FOUND;
}

/* Whether `name` (n units) is `prefix` or lies below it; *at is where
 * the rest (empty or "\...") starts. */
static BOOL below(const WCHAR *name, SIZE_T n, const WCHAR *prefix, SIZE_T *at)
{
	UNICODE_STRING p, s = { (USHORT)(n * sizeof(WCHAR)), (USHORT)(n * sizeof(WCHAR)),
				(WCHAR *)name };

	RtlInitUnicodeString(&p, prefix);
	if (!RtlPrefixUnicodeString(&p, &s, TRUE))
		return FALSE;
	*at = p.Length / sizeof(WCHAR);
	return *at == n || name[*at] == '\\';
}

static WCHAR *wdup(const WCHAR *s, SIZE_T n)
{
	WCHAR *d = adv_alloc((n + 1) * sizeof(WCHAR));

	if (d) {
		memcpy(d, s, n * sizeof(WCHAR));
		d[n] = 0;
	}
	return d;
}

/* The hive of a merged key and its path below Classes ("" or "\A\B",
 * a heap string).  *rel is NULL for a key outside both Classes trees
 * (reached through a link, say): callers treat it as a plain key. */
LSTATUS adv_merged_where(HKEY hkey, enum adv_hive *hive, WCHAR **rel)
{
	ADV_KEY_NAME *info;
	HANDLE h;
	SIZE_T n, at = 0;
	LSTATUS err;
	NTSTATUS status;
	int i;

	*rel = NULL;
	*hive = ADV_HIVE_MACHINE;
	if (hkey == HKEY_CLASSES_ROOT) {
		*rel = wdup(L"", 0);
		return *rel ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
	}
	err = adv_key(hkey, &h);
	if (err)
		return err;
	status = adv_key_info(h, -1, KeyNameInformation, (void **)&info);
	if (!NT_SUCCESS(status))
		return adv_error(status);
	n = info->NameLength / sizeof(WCHAR);
	for (i = 0; i < 2 && !below(info->Name, n, hive_paths[i], &at); i++)
		;
	if (i < 2) {
		*hive = (enum adv_hive)i;
		*rel = wdup(info->Name + at, n - at);
		if (!*rel)
			err = ERROR_NOT_ENOUGH_MEMORY;
	}
	adv_free(info);
	return err;
}

/* Open <hive's Classes><rel>\<sub> by its full name. */
NTSTATUS adv_classes_open(enum adv_hive hive, const WCHAR *rel, const WCHAR *sub,
			  ACCESS_MASK access, ULONG attr, HANDLE *out)
{
	SIZE_T nh = wlen(hive_paths[hive]), nr = wlen(rel), ns = wlen(sub), n = nh + nr + 1 + ns;
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	NTSTATUS status;
	WCHAR *path;

	*out = NULL;
	if (n > 0x7FFF)
		return STATUS_OBJECT_NAME_INVALID;
	path = adv_alloc(n * sizeof(WCHAR));
	if (!path)
		return STATUS_NO_MEMORY;
	memcpy(path, hive_paths[hive], nh * sizeof(WCHAR));
	memcpy(path + nh, rel, nr * sizeof(WCHAR));
	n = nh + nr;
	if (ns) {
		path[n++] = '\\';
		memcpy(path + n, sub, ns * sizeof(WCHAR));
		n += ns;
	}
	name.Length = name.MaximumLength = (USHORT)(n * sizeof(WCHAR));
	name.Buffer = path;
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE | attr, NULL, NULL);
	status = NtOpenKey(out, access, &oa);
	adv_free(path);
	if (!NT_SUCCESS(status))
		*out = NULL;
	return status;
}

/* The user's key if it exists, else the machine's.  The view's root is
 * the machine's own: only below it does the user's tree come first. */
LSTATUS adv_merged_open(HKEY hkey, const WCHAR *sub, ACCESS_MASK access, ULONG attr, HANDLE *out)
{
	enum adv_hive hive;
	WCHAR *rel;
	HANDLE own;
	NTSTATUS status = STATUS_OBJECT_NAME_NOT_FOUND;
	LSTATUS err = adv_merged_where(hkey, &hive, &rel);

	*out = NULL;
	if (err)
		return err;
	if (!rel || (sub && *sub == '\\')) {
		/* Outside the view, or a name NT refuses anyway: as a plain key. */
		adv_free(rel);
		err = adv_key(hkey, &own);
		if (err)
			return err;
		status = adv_open_under(own, sub, access, attr, out);
	} else {
		if (*rel || (sub && *sub))
			status = adv_classes_open(ADV_HIVE_USER, rel, sub, access, attr, out);
		if (missing(status))
			status = adv_classes_open(ADV_HIVE_MACHINE, rel, sub, access, attr, out);
		adv_free(rel);
	}
	return NT_SUCCESS(status) ? ERROR_SUCCESS : adv_error(status);
}

static BOOL exists(enum adv_hive hive, const WCHAR *path)
{
	HANDLE h;

	if (!NT_SUCCESS(adv_classes_open(hive, L"", path, KEY_QUERY_VALUE, 0, &h)))
		return FALSE;
	NtClose(h);
	return TRUE;
}

/* Where RegCreateKeyEx makes sub, missing from the view, below hkey: a
 * new key goes to the hive of its nearest existing ancestor, the
 * machine's when both hold it (a subkey made through HKCR of a key both
 * hives have lands in HKLM: advapi32's registry tests), so a new key
 * directly below HKCR goes to HKLM, as documented.  *root is that hive's Classes
 * key (the caller closes it), *path the key's path below it (a heap
 * string).  Both are NULL for a key outside the view (see
 * adv_merged_where). */
LSTATUS adv_merged_create_at(HKEY hkey, const WCHAR *sub, HANDLE *root, WCHAR **path)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	enum adv_hive hive;
	WCHAR *rel, *full;
	SIZE_T base, ns = wlen(sub), n, p;
	NTSTATUS status;
	LSTATUS err = adv_merged_where(hkey, &hive, &rel);

	*root = NULL;
	*path = NULL;
	if (err || !rel)
		return err;
	/* full = rel without its leading '\', then '\' and sub. */
	base = *rel ? wlen(rel) - 1 : 0;
	n = base + (base && ns ? 1 : 0) + ns;
	full = adv_alloc((n + 1) * sizeof(WCHAR));
	if (!full) {
		adv_free(rel);
		return ERROR_NOT_ENOUGH_MEMORY;
	}
	memcpy(full, *rel ? rel + 1 : rel, base * sizeof(WCHAR));
	if (base && ns)
		full[base] = '\\';
	memcpy(full + n - ns, sub, ns * sizeof(WCHAR));
	full[n] = 0;
	adv_free(rel);
	/* The nearest existing ancestor, from the new key's parent up to
	 * hkey's own key (full[0..base)), in the machine's hive when it has
	 * it: keys written through the view go there (documented). */
	for (p = n; p-- > base;) {
		WCHAR c = full[p];
		BOOL found = TRUE;

		if (c != '\\' && p != base)
			continue;
		full[p] = 0;
		if (exists(ADV_HIVE_MACHINE, full))
			hive = ADV_HIVE_MACHINE;
		else if (exists(ADV_HIVE_USER, full))
			hive = ADV_HIVE_USER;
		else
			found = FALSE;
		full[p] = c;
		if (found)
			break;
	}
	RtlInitUnicodeString(&name, hive_paths[hive]);
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenKey(root, MAXIMUM_ALLOWED, &oa);
	if (!NT_SUCCESS(status)) {
		*root = NULL;
		adv_free(full);
		return adv_error(status);
	}
	*path = full;
	return ERROR_SUCCESS;
}
