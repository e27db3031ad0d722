/* CreateProcess's parts (process_create.c, process_search.c) and the
 * directory search it shares with SearchPath (search_path.c). */
#ifndef LSW_K32_PROCESS_CREATE_H
#define LSW_K32_PROCESS_CREATE_H

#include "k32_private.h"

/* Room for a long path, in characters. */
#define K32_PATH_MAX 1024

/* The file CreateProcess runs for (app, cmdline), its full DOS path in out
 * (K32_PATH_MAX chars): 0, or the Win32 error. */
DWORD k32_find_image(const WCHAR *app, const WCHAR *cmdline, WCHAR *out);

/* What search_path.c looks for: name, with ext (or NULL) appended; a
 * file only, or a directory too; the current directory after the
 * Windows directory (safe search mode) or right after the image's. */
struct k32_search {
	const WCHAR *name, *ext;
	BOOL file_only, cwd_late;
};

/* Whether the last component of name has an extension (a trailing dot
 * counts: it says none). */
BOOL k32_has_extension(const WCHAR *name);
/* dir[0..ndir) + '\' + the name (the current directory for ndir 0), full
 * into out (K32_PATH_MAX chars): whether it exists. */
BOOL k32_try_in(const WCHAR *dir, SIZE_T ndir, const struct k32_search *s, WCHAR *out);
/* The name in the standard order of directories (search_path.c). */
BOOL k32_search(const struct k32_search *s, WCHAR *out);

/* process_attributes.c: the value of attribute attr in a
 * PROC_THREAD_ATTRIBUTE_LIST and its size; NULL when it has none. */
const void *k32_attribute_find(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD_PTR attr, SIZE_T *size);

#endif
