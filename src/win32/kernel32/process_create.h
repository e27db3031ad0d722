/* CreateProcess's parts (process_create.c, process_search.c). */
#ifndef LSW_K32_PROCESS_CREATE_H
#define LSW_K32_PROCESS_CREATE_H

#include "k32_private.h"

/* Room for a long path, in characters. */
#define K32_PATH_MAX 1024

/* The file CreateProcess runs for (app, cmdline), its full DOS path in out
 * (K32_PATH_MAX chars): 0, or the Win32 error. */
DWORD k32_find_image(const WCHAR *app, const WCHAR *cmdline, WCHAR *out);

/* process_search.c: `name` as a file, its full DOS path in out
 * (K32_PATH_MAX chars): as given when it has a directory, else in each
 * directory of the ';' list, or (list NULL) in the standard order; ext
 * is added to a name without an extension.  safe: the current directory
 * after the system ones (SetSearchPathMode). */
BOOL k32_search_file(const WCHAR *list, const WCHAR *name, const WCHAR *ext, BOOL safe,
		     WCHAR *out);

/* process_attributes.c: the value of attribute attr in a
 * PROC_THREAD_ATTRIBUTE_LIST and its size; NULL when it has none. */
const void *k32_attribute_find(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD_PTR attr, SIZE_T *size);

#endif
