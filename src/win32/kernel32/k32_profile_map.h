/* Initialization files mapped to the registry (profile_map.c). */
#ifndef LSW_K32_PROFILE_MAP_H
#define LSW_K32_PROFILE_MAP_H

#include "k32_intl_reg.h"

struct profile_map {
	HANDLE mapping; /* the file's IniFileMapping key, NULL: none */
};

enum profile_place { PLACE_FILE, PLACE_REGISTRY };

/* The file's mapping (FALSE, m->mapping NULL: the file is not mapped). */
BOOL k32_profile_map_open(const WCHAR *file, struct profile_map *m);
void k32_profile_map_close(struct profile_map *m);
/* Where section's key lives (key NULL: the section as a whole).  For the
 * registry, *out is its key, opened (made when `create`), NULL when it
 * does not exist yet. */
enum profile_place k32_profile_map_find(const struct profile_map *m, const WCHAR *section,
					const WCHAR *key, BOOL create, HANDLE *out);
/* The subkey of key-by-key mappings of a section, NULL if none. */
HANDLE k32_profile_map_section(const struct profile_map *m, const WCHAR *section);

/* Sets a REG_SZ value, or deletes it when value is NULL. */
BOOL k32_profile_map_set(HANDLE key, const WCHAR *name, const WCHAR *value);
/* The name and type of value i of key; FALSE past the last. */
BOOL k32_profile_map_value_name(HANDLE key, ULONG i, WCHAR *name, DWORD room, ULONG *type);
/* Deletes every value of key. */
void k32_profile_map_clear(HANDLE key);

/* profile_mapped.c: the readers' and writers' registry side. */
typedef void (*profile_add_fn)(void *ctx, const WCHAR *s, const WCHAR *e);
/* Each REG_SZ value of key as a name, or as "name=value" when `lines`. */
void k32_profile_map_list(HANDLE key, BOOL lines, profile_add_fn add, void *ctx);
/* The sections the mapping names (its values but the default). */
void k32_profile_map_sections(const struct profile_map *m, profile_add_fn add, void *ctx);
/* "name=value" for each key a section's subkey maps, as far as set. */
void k32_profile_map_key_lines(const struct profile_map *m, HANDLE sub, const WCHAR *section,
			       profile_add_fn add, void *ctx);
/* Deletes a section from wherever the mapping puts its keys. */
void k32_profile_map_delete(const struct profile_map *m, const WCHAR *section);
/* WritePrivateProfileString's registry part: TRUE when it is all done
 * (the result in *ok), FALSE when the file still has its part. */
BOOL k32_profile_map_write(const struct profile_map *m, const WCHAR *section, const WCHAR *key,
			   const WCHAR *value, BOOL *ok);
/* WritePrivateProfileSection of a mapped section: TRUE when mapped. */
BOOL k32_profile_map_write_section(const struct profile_map *m, const WCHAR *section,
				   const WCHAR *data, BOOL *ok);

#endif
