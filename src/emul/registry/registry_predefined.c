/*
 * Keys that stand for a predefined handle.  HKLM\SOFTWARE\Microsoft\
 * Windows NT\CurrentVersion\Perflib\009 and ...\Perflib\CurrentLanguage
 * are where the performance counter names and help are read, in English
 * and in the user's language; Windows opens them with the informational
 * STATUS_PREDEFINED_HANDLE, and advapi32 answers HKEY_PERFORMANCE_TEXT or
 * HKEY_PERFORMANCE_NLSTEXT for them.  The handle NtOpenKey gives is a real
 * one: NtQueryObject names the key, NtClose closes it and keys can be
 * opened or made under it; only the calls on the key itself (query,
 * enumerate, values, delete) answer STATUS_INVALID_HANDLE (advapi32's
 * registry tests, which pass on Windows).
 */
#include "emul/registry/registry.h"
#include "emul/upcase.h"

static bool name_is(const struct reg_key *k, const char *a)
{
	size_t i = 0;

	for (; i < k->name_len && a[i]; i++)
		if (nt_upcase(k->name[i]) != nt_upcase((uint16_t)(unsigned char)a[i]))
			return false;
	return i == k->name_len && !a[i];
}

bool registry_key_is_predefined(const struct reg_key *k, const struct reg_hive *machine)
{
	static const char *const path[] = { "Perflib", "CurrentVersion", "Windows NT",
					    "Microsoft", "SOFTWARE" };

	if (!k || k->hive != machine || !(name_is(k, "009") || name_is(k, "CurrentLanguage")))
		return false;
	for (size_t i = 0; i < sizeof(path) / sizeof(path[0]); i++) {
		k = k->parent;
		if (!k || !name_is(k, path[i]))
			return false;
	}
	return k->parent && !k->parent->parent; /* SOFTWARE hangs from the hive's root */
}
