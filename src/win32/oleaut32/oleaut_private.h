/* Private declarations of oleaut32. */
#ifndef LSW_OLEAUT_PRIVATE_H
#define LSW_OLEAUT_PRIVATE_H

#define _OLEAUT32_ /* we define, not import, the automation API */
#define _OLE32_    /* CoTaskMem* come through combase's API set */
#define COBJMACROS
#include <windows.h>
#include <oleauto.h>

/* The C runtime oleaut32 uses (msvcrt.dll, as Windows' does), named by
 * their exports: mingw-w64's headers may redirect the C names to its own
 * static versions. */
int __cdecl crt_snwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...) __asm__("_snwprintf");
double __cdecl crt_wcstod(const wchar_t *s, wchar_t **end) __asm__("wcstod");

/* errorinfo.c: the thread's error object slot. */
void errorinfo_init(void);
void errorinfo_thread_detach(void);

/* varconv.c: the size of one element of type vt (0: not a known type). */
ULONG vt_size(VARTYPE vt);

/* SafeArrayCreateVector's mark (oaidl.h of the Windows SDK; mingw-w64's
 * lacks it). */
#ifndef FADF_CREATEVECTOR
#define FADF_CREATEVECTOR 0x2000
#endif

/* safearray_info.c: where an array of records keeps its IRecordInfo. */
IRecordInfo **safearray_record_slot(SAFEARRAY *psa);
/* safearray_elem.c: releases what one element owns (a BSTR, a reference,
 * a VARIANT's content, a record's fields). */
void safearray_clear_element(SAFEARRAY *psa, void *e);

#endif
