/*
 * The registry side of mapped initialization files (profile_map.c says
 * where): listing a section's keys or lines and the mapped sections, and
 * deleting a section.
 */
#include "k32_profile_map.h"

#define NAME_ROOM 256
#define VALUE_ROOM 1024

static void add_line(profile_add_fn add, void *ctx, const WCHAR *name, const WCHAR *value,
		     DWORD n)
{
	size_t k = wcslen(name);
	WCHAR *line = RtlAllocateHeap(k32_heap(), 0, (k + n + 2) * sizeof(WCHAR));

	if (!line)
		return;
	memcpy(line, name, k * sizeof(WCHAR));
	line[k] = '=';
	memcpy(line + k + 1, value, n * sizeof(WCHAR));
	add(ctx, line, line + k + 1 + n);
	k32_free(line);
}

void k32_profile_map_list(HANDLE key, BOOL lines, profile_add_fn add, void *ctx)
{
	WCHAR name[NAME_ROOM], *value;
	ULONG i, type;
	DWORD n;

	if (!key || !(value = RtlAllocateHeap(k32_heap(), 0, VALUE_ROOM * sizeof(WCHAR))))
		return;
	for (i = 0; k32_profile_map_value_name(key, i, name, NAME_ROOM, &type); i++) {
		if (type != REG_SZ || !*name)
			continue;
		if (!lines)
			add(ctx, name, name + wcslen(name));
		else if (k32_reg_get_sz(key, name, value, VALUE_ROOM, &n))
			add_line(add, ctx, name, value, n);
	}
	k32_free(value);
}

void k32_profile_map_sections(const struct profile_map *m, profile_add_fn add, void *ctx)
{
	if (m->mapping)
		k32_profile_map_list(m->mapping, FALSE, add, ctx);
}

/* The values of the default location but those the subkey names. */
static void default_lines(const struct profile_map *m, HANDLE sub, const WCHAR *section,
			  WCHAR *value, profile_add_fn add, void *ctx)
{
	WCHAR name[NAME_ROOM], loc[300];
	ULONG i, type;
	HANDLE key;
	DWORD n;

	if (k32_profile_map_find(m, section, L"", FALSE, &key) != PLACE_REGISTRY || !key)
		return;
	for (i = 0; k32_profile_map_value_name(key, i, name, NAME_ROOM, &type); i++)
		if (type == REG_SZ && *name && !k32_reg_get_sz(sub, name, loc, 300, &n) &&
		    k32_reg_get_sz(key, name, value, VALUE_ROOM, &n))
			add_line(add, ctx, name, value, n);
	NtClose(key);
}

void k32_profile_map_key_lines(const struct profile_map *m, HANDLE sub, const WCHAR *section,
			       profile_add_fn add, void *ctx)
{
	WCHAR name[NAME_ROOM], *value;
	ULONG i, type;
	HANDLE key;
	DWORD n;

	if (!(value = RtlAllocateHeap(k32_heap(), 0, VALUE_ROOM * sizeof(WCHAR))))
		return;
	for (i = 0; k32_profile_map_value_name(sub, i, name, NAME_ROOM, &type); i++) {
		if (!*name || k32_profile_map_find(m, section, name, FALSE, &key) != PLACE_REGISTRY ||
		    !key)
			continue;
		if (k32_reg_get_sz(key, name, value, VALUE_ROOM, &n))
			add_line(add, ctx, name, value, n);
		NtClose(key);
	}
	default_lines(m, sub, section, value, add, ctx);
	k32_free(value);
}

/* Each key the subkey maps loses its value; the keys of its default
 * location go with the section. */
static void delete_mapped_keys(const struct profile_map *m, HANDLE sub, const WCHAR *section)
{
	WCHAR name[NAME_ROOM];
	ULONG i, type;
	HANDLE key;

	for (i = 0; k32_profile_map_value_name(sub, i, name, NAME_ROOM, &type); i++) {
		/* Windows makes the key even to delete from it */
		if (k32_profile_map_find(m, section, *name ? name : L"", TRUE, &key) !=
			    PLACE_REGISTRY || !key)
			continue;
		if (*name)
			k32_profile_map_set(key, name, NULL);
		else
			k32_profile_map_clear(key);
		NtClose(key);
	}
}

void k32_profile_map_delete(const struct profile_map *m, const WCHAR *section)
{
	HANDLE key, sub;

	if (k32_profile_map_find(m, section, NULL, FALSE, &key) == PLACE_REGISTRY) {
		if (key) {
			k32_profile_map_clear(key);
			NtClose(key);
		}
		return;
	}
	if (m->mapping && (sub = k32_profile_map_section(m, section))) {
		delete_mapped_keys(m, sub, section);
		NtClose(sub);
	}
}

BOOL k32_profile_map_write(const struct profile_map *m, const WCHAR *section, const WCHAR *key,
			   const WCHAR *value, BOOL *ok)
{
	HANDLE hk;
	HANDLE sub;

	*ok = TRUE;
	if (!key) {
		if (k32_profile_map_find(m, section, NULL, FALSE, &hk) == PLACE_REGISTRY) {
			k32_profile_map_delete(m, section);
			if (hk)
				NtClose(hk);
			return TRUE;
		}
		if (m->mapping && (sub = k32_profile_map_section(m, section))) {
			WCHAR loc[300];
			DWORD n;
			/* with a default location no key of it is the file's */
			BOOL all = k32_reg_get_sz(sub, NULL, loc, ARRAYSIZE(loc), &n);

			NtClose(sub);
			k32_profile_map_delete(m, section);
			return all;
		}
		return FALSE; /* the file's part of the section goes too */
	}
	if (k32_profile_map_find(m, section, key, value != NULL, &hk) != PLACE_REGISTRY)
		return FALSE;
	if (hk) {
		*ok = k32_profile_map_set(hk, key, value);
		NtClose(hk);
	} else if (value) {
		*ok = k32_error(ERROR_ACCESS_DENIED);
	}
	return TRUE;
}

/* Only the keys the mapping places are written, and none is removed. */
BOOL k32_profile_map_write_section(const struct profile_map *m, const WCHAR *section,
				   const WCHAR *data, BOOL *ok)
{
	WCHAR key[NAME_ROOM];
	HANDLE hk, sub = NULL;
	BOOL whole = k32_profile_map_find(m, section, NULL, FALSE, &hk) == PLACE_REGISTRY;

	if (hk)
		NtClose(hk);
	if (!whole && !(m->mapping && (sub = k32_profile_map_section(m, section))))
		return FALSE;
	if (sub)
		NtClose(sub);
	*ok = TRUE;
	if (!data) {
		k32_profile_map_delete(m, section);
		return TRUE;
	}
	for (; *data; data += wcslen(data) + 1) {
		const WCHAR *eq = wcschr(data, '=');
		size_t n = eq ? (size_t)(eq - data) : wcslen(data);

		if (n >= NAME_ROOM)
			continue;
		memcpy(key, data, n * sizeof(WCHAR));
		key[n] = 0;
		if (k32_profile_map_find(m, section, key, TRUE, &hk) == PLACE_REGISTRY && hk) {
			*ok = k32_profile_map_set(hk, key, eq ? eq + 1 : L"") && *ok;
			NtClose(hk);
		}
	}
	return TRUE;
}
