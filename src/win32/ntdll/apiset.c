/*
 * API set names.  A DLL name that starts with "api-" or "ext-" names a
 * contract, not a file: Windows 10 matches it, up to its last hyphen (the
 * minor version is ignored) and without ".dll", against its API set schema
 * and loads the host DLL instead.  apiset.def is that schema as a table.
 * An unknown set does not exist (STATUS_DLL_NOT_FOUND): nothing named like
 * a set is ever looked for as a file; nor does one the schema lists
 * without a host.  Only ApiSetQueryApiSetPresenceEx minds the minor
 * version: a set is in the schema up to the highest it lists.
 */
#include "loader.h"

struct apiset {
	const char *name;  /* lower case, without the minor version */
	unsigned minor;    /* the highest minor version the schema has */
	const char *host;  /* "": none */
};

static const struct apiset apisets[] = {
#define APISET(name, minor, host) { name, minor, host },
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

/* The schema's row for name (lower case, "...-l1-2-0" with or without
 * ".dll"), matched up to its last hyphen; NULL when it has none. */
static const struct apiset *find_set(const char *name)
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
			return &apisets[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* name: lower case, as normalize() leaves it ("...-l1-2-0.dll"). */
const char *ldr_apiset_host(const char *name)
{
	const struct apiset *a = find_set(name);

	return a && a->host[0] ? a->host : NULL;
}

/* The counted name in lower case ASCII into n (len bytes); FALSE when it
 * does not fit or is not ASCII. */
static BOOL lower_ascii(PCUNICODE_STRING name, char *n, size_t len)
{
	USHORT count = name->Length / sizeof(WCHAR);

	if (count + 1u > len)
		return FALSE;
	for (USHORT i = 0; i < count; i++) {
		WCHAR c = name->Buffer[i];

		if (c >= 0x80)
			return FALSE;
		n[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	n[count] = 0;
	return TRUE;
}

/* Whether the schema has the set (any minor version), ".dll" or not; a
 * name that is no set is simply not present.  Not NUL-terminated. */
RTLAPI NTSTATUS NTAPI ApiSetQueryApiSetPresence(PCUNICODE_STRING name, PBOOLEAN present)
{
	char n[96];

	*present = lower_ascii(name, n, sizeof(n)) && ldr_is_apiset_name(n) &&
		   ldr_apiset_host(n) != NULL;
	return STATUS_SUCCESS;
}

/* The stricter question: a set name exactly ("...-l1-1-0", no extension,
 * else STATUS_INVALID_PARAMETER and nothing written), in the schema up
 * to its highest minor version, present when it has a host. */
RTLAPI NTSTATUS NTAPI ApiSetQueryApiSetPresenceEx(PCUNICODE_STRING name, PBOOLEAN in_schema,
						  PBOOLEAN present)
{
	const struct apiset *a;
	const char *minor;
	unsigned long v = 0;
	char n[96];

	if (!name || !lower_ascii(name, n, sizeof(n)) || !ldr_is_apiset_name(n) || strchr(n, '.'))
		return STATUS_INVALID_PARAMETER;
	minor = strrchr(n, '-') + 1;
	a = *minor >= '0' && *minor <= '9' ? find_set(n) : NULL;
	for (; *minor >= '0' && *minor <= '9' && v <= 0xffff; minor++)
		v = v * 10 + (unsigned long)(*minor - '0');
	*in_schema = a && !*minor && v <= a->minor;
	*present = *in_schema && a->host[0];
	return STATUS_SUCCESS;
}
