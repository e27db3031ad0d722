/* The loader inside ntdll: modules, imports, DllMain order. */
#ifndef LSW_NTDLL_LOADER_H
#define LSW_NTDLL_LOADER_H

#include "rtl/rtl_private.h" /* first: it says ntdll defines the NT API */

#define LDR_MAX_MODULES 256
#define LDR_MAX_TLS 64          /* modules with static TLS */

NTSTATUS NTAPI NtCreateSection(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PLARGE_INTEGER, ULONG,
			       ULONG, HANDLE);
NTSTATUS NTAPI NtMapViewOfSection(HANDLE, HANDLE, PVOID *, ULONG_PTR, SIZE_T, PLARGE_INTEGER,
				  PSIZE_T, DWORD, ULONG, ULONG);

extern struct ldr_data ldr_data;

struct ldr_module {
	struct ldr_entry entry;     /* first: what PEB->Ldr's lists link */
	BYTE *base;
	SIZE_T size;
	char name[64];              /* base name, lower case: "kernel32.dll" */
	WCHAR path[260];            /* DOS path */
	void *entry_point;
	BOOL is_dll;
	BOOL initialized;           /* DllMain(PROCESS_ATTACH) returned TRUE */
	BOOL imports_done;
	ULONG tls_index;            /* (ULONG)-1: no TLS */
};

extern struct ldr_module ldr_modules[LDR_MAX_MODULES];
extern unsigned ldr_nmodules;

IMAGE_NT_HEADERS64 *ldr_nt_headers(BYTE *base);
IMAGE_DATA_DIRECTORY *ldr_dir(BYTE *base, int which);
struct ldr_module *ldr_find_loaded(const char *name);
struct ldr_module *ldr_find_by_base(void *base);
/* Finds, maps and links a DLL (and its imports).  NULL with *status. */
struct ldr_module *ldr_load(const char *name, struct ldr_module *importer, NTSTATUS *status);
struct ldr_module *ldr_add_module(BYTE *base, const char *name, const WCHAR *path);
/* loader.c, for thread.c: a new thread's TLS and DLL_THREAD_ATTACH, and
 * the reverse when it ends. */
NTSTATUS ldr_thread_attach(void);
void ldr_thread_detach(void);
/* fls.c: the ending thread's FLS callbacks (before DLL_THREAD_DETACH). */
void fls_thread_exit(void);
/* Links an initialized module into InInitializationOrderModuleList. */
void ldr_link_initialized(struct ldr_module *m);
NTSTATUS ldr_resolve_imports(struct ldr_module *m);
/* Export lookup; follows forwarders.  name NULL: by ordinal. */
NTSTATUS ldr_get_export(struct ldr_module *m, const char *name, WORD ordinal, void **out);
/* loader_dirs.c: the i-th directory searched between the application's
 * and System32 (SetDllDirectory's, then AddDllDirectory's), with a
 * trailing '\', into out (261 chars); its length, 0 past the last. */
size_t ldr_search_dir(unsigned i, WCHAR *out);
/* apiset.c: "api-..." or "ext-..." (lower case) names a contract, never a
 * file; its host DLL, NULL when the schema has no such set. */
BOOL ldr_is_apiset_name(const char *lower_name);
const char *ldr_apiset_host(const char *lower_name);
/* Writes "lsw: ..." to the standard error handle. */
void ldr_report(const char *a, const char *b, const char *c);

#endif
