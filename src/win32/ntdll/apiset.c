/*
 * API set names.  A DLL name that starts with "api-" or "ext-" names a
 * contract, not a file: Windows 10 matches it, up to its last hyphen (the
 * minor version is ignored) and without ".dll", against its API set schema
 * and loads the host DLL instead.  apiset.def is that schema as a table.
 * An unknown set does not exist (STATUS_DLL_NOT_FOUND): nothing named like
 * a set is ever looked for as a file.
 */
#include "loader.h"

struct apiset {
	const char *name;  /* lower case, without the minor version */
	const char *host;
};

static const struct apiset apisets[] = {
#define APISET(name, host) { name, host },
#include "apiset.def"
#undef APISET
};

static BOOL starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

BOOL ldr_is_apiset_name(const char *name)
{
	return starts_with(name, "api-") || starts_with(name, "ext-");
}

/* name: lower case, as normalize() leaves it ("...-l1-2-0.dll"). */
const char *ldr_apiset_host(const char *name)
{
	size_t len = strlen(name);
	const char *hyphen;
	int lo = 0, hi = (int)(sizeof(apisets) / sizeof(apisets[0])) - 1;

	if (len > 4 && !strcmp(name + len - 4, ".dll"))
		len -= 4;
	hyphen = name + len;
	while (hyphen > name && *hyphen != '-')
		hyphen--;
	if (hyphen == name)
		return NULL;
	len = (size_t)(hyphen - name);
	while (lo <= hi) {
		int mid = (lo + hi) / 2, c = strncmp(apisets[mid].name, name, len);

		if (!c && apisets[mid].name[len])
			c = 1; /* the table's name is longer */
		if (!c)
			return apisets[mid].host;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* Whether the schema has the set (any minor version), ".dll" or not; a
 * name that is no set is simply not present.  Not NUL-terminated. */
RTLAPI NTSTATUS NTAPI ApiSetQueryApiSetPresence(PCUNICODE_STRING name, PBOOLEAN present)
{
	char n[96];
	USHORT len = name->Length / sizeof(WCHAR), i;

	*present = FALSE;
	if (len + 1 > sizeof(n))
		return STATUS_SUCCESS;
	for (i = 0; i < len; i++) {
		WCHAR c = name->Buffer[i];

		if (c >= 0x80)
			return STATUS_SUCCESS;
		n[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	n[len] = 0;
	*present = ldr_is_apiset_name(n) && ldr_apiset_host(n) != NULL;
	return STATUS_SUCCESS;
}
