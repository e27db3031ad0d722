/*
 * 8.3 short names, as NTFS gives them to names that are not legal 8.3
 * names themselves ("Program Files" -> "PROGRA~1").  They are derived
 * from a directory's names, never stored (the host has no place for
 * them that a copy or an overlay would keep): short_name.c says how they
 * stay stable.
 */
#ifndef LSW_SHORT_NAME_H
#define LSW_SHORT_NAME_H

#include <stdbool.h>
#include <stddef.h>

#define SHORT_NAME_MAX 12 /* "BASENAME.EXT" */

typedef char short_name_t[SHORT_NAME_MAX + 1];

/* Is the host name (UTF-8) a legal 8.3 name (case aside), which NTFS
 * gives no short name? */
bool short_name_legal(const char *name);
/* Could comp be a short name NTFS made (legal 8.3, with a '~')?  Only
 * such a name is looked up among a directory's short names. */
bool short_name_candidate(const char *comp);
/* The short names of a directory's entries: names[0..n) are all its
 * names (UTF-8, "." and ".." allowed), dirfd the directory (creation
 * times order a clash); out[i] is names[i]'s short name, or "" when it
 * needs none. */
void short_names_assign(int dirfd, const char *const *names, size_t n, short_name_t *out);
/* The name in the host directory dir whose short name is comp (any
 * case), into name (NAME_MAX + 1). */
bool short_name_lookup(const char *dir, const char *comp, char *name);

#endif
