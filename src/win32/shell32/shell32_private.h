/* Private declarations of shell32. */
#ifndef LSW_SHELL32_PRIVATE_H
#define LSW_SHELL32_PRIVATE_H

#define _SHELL32_ /* we define, not import, the shell API */
#define _OLE32_   /* CoTaskMem* are imported without dllimport stubs */
#include <windows.h>
#include <shlobj.h>
#include <shellapi.h>

/* ANSI twins: a W result of n characters (without NUL) copied into an A
 * buffer of MAX_PATH. */
void sh_w_to_a(const WCHAR *w, char *a, int size);

#endif
