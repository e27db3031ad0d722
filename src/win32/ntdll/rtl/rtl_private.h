/* Private helpers of ntdll's Rtl code (not seen by other DLLs). */
#ifndef LSW_RTL_PRIVATE_H
#define LSW_RTL_PRIVATE_H

#define _NTSYSTEM_ /* we define, not import, the ntdll API */
#define _CRTIMP    /* ... and the C library functions ntdll exports */
#include "rtl_nt.h"

#define RTLAPI __declspec(dllexport)

/* Plain-C helpers (no export) shared between the Rtl files. */
static inline WCHAR rtl_upcase_ascii(WCHAR c)
{
	return (c >= 'a' && c <= 'z') ? (WCHAR)(c - 32) : c;
}

/* Circular LIST_ENTRY lists, as the DDK's InsertTailList and
 * RemoveEntryList keep them. */
static inline void rtl_list_append(LIST_ENTRY *head, LIST_ENTRY *e)
{
	e->Flink = head;
	e->Blink = head->Blink;
	head->Blink->Flink = e;
	head->Blink = e;
}

static inline void rtl_list_remove(LIST_ENTRY *e)
{
	e->Blink->Flink = e->Flink;
	e->Flink->Blink = e->Blink;
}

/* casemap.c */
WCHAR rtl_upcase(WCHAR c);
WCHAR rtl_downcase(WCHAR c);

/* Case-insensitive compare of counted UTF-16 strings (upcase rule). */
int rtl_wcsnicmp_counted(const WCHAR *a, SIZE_T na, const WCHAR *b, SIZE_T nb);

/* env.c / path.c: process-wide state is guarded by the PEB lock. */
void rtl_peb_lock(void);
void rtl_peb_unlock(void);

/* procparams.c: start-up moves the process parameters into the heap. */
void rtl_params_to_heap(void);

/* format_wrap.c: RtlFormatMessage's text cut to a line width (1..254), in
 * a new heap string of *len units (NUL-terminated); NULL: no memory. */
WCHAR *rtl_wrap_lines(const WCHAR *s, SIZE_T n, DWORD width, SIZE_T *len);

/* unicode_string.c: RtlAnsi/OemStringToUnicodeString's one body. */
typedef NTSTATUS (NTAPI *rtl_to_unicode_fn)(PWCH, ULONG, PULONG, const CHAR *, ULONG);
NTSTATUS rtl_bytes_to_unicode_string(PUNICODE_STRING dst, const STRING *src, BOOLEAN alloc,
				     rtl_to_unicode_fn conv);

#endif
