/* Private declarations of shlwapi. */
#ifndef LSW_SHLWAPI_PRIVATE_H
#define LSW_SHLWAPI_PRIVATE_H

#define _SHLWAPI_ /* we define, not import, the light-weight utility API */
#include <windows.h>
#include <shlwapi.h>

/* The A/W twins are written once over XCHAR in *_t.h and included by a
 * W file and an A file, which define:
 *   XCHAR      WCHAR or char
 *   X(s)       a literal of that width
 *   FN(name)   the export's name: nameW or nameA
 *   K32(name)  the kernel32 twin of the same width
 * The ANSI code page is single-byte (1252), so an A string is walked one
 * byte per character, as the W one is one unit per character. */

/* com_alloc.c: COM memory and VARIANTs, from combase and oleaut32 loaded
 * on demand. */
FARPROC sh_com_proc(const WCHAR *dll, const char *name);
void *sh_task_alloc(SIZE_T size);
void sh_task_free(void *p);
WCHAR *sh_task_wcsdup(const WCHAR *s);
BSTR sh_bstr(const WCHAR *s, UINT len);
HRESULT sh_variant_change_type(VARIANT *dst, VARIANT *src, USHORT flags, VARTYPE vt);
void sh_variant_clear(VARIANT *v);

/* iunknown.c: ordinal 175, which no header declares. */
HRESULT WINAPI IUnknown_GetClassID(IUnknown *punk, CLSID *clsid);

#endif
