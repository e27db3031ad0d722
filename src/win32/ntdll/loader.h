/* The loader inside ntdll: modules, imports, DllMain order. */
#ifndef LSW_NTDLL_LOADER_H
#define LSW_NTDLL_LOADER_H

#include "rtl/rtl_private.h" /* first: it says ntdll defines the NT API */

#define LDR_MAX_MODULES 256
#define LDR_MAX_TLS 1024        /* modules with static TLS (Windows has no lower limit) */

PIMAGE_NT_HEADERS NTAPI RtlImageNtHeader(PVOID base); /* loader.c */
IMAGE_SECTION_HEADER *NTAPI RtlImageRvaToSection(IMAGE_NT_HEADERS *nt, PVOID base,
						  ULONG rva); /* image_dir.c */
NTSTATUS NTAPI NtCreateSection(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PLARGE_INTEGER, ULONG,
			       ULONG, HANDLE);
NTSTATUS NTAPI NtOpenSection(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtQuerySection(HANDLE, int, PVOID, SIZE_T, PSIZE_T);
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
	BOOL attaching;             /* its TLS callbacks or DllMain run now */
	BOOL imports_done;
	BOOL no_init;               /* DONT_RESOLVE_DLL_REFERENCES: never DllMain */
	ULONG tls_index;            /* (ULONG)-1: no TLS */
	ULONG refs;                 /* loads not yet freed; LDR_PINNED: never unloaded */
	BOOL static_import;         /* loaded with the program: stays, whatever refs says */
	ULONG unloading;            /* the unload batch it goes in, 0: none */
	struct ldr_ddag_node node;  /* entry.DdagNode: the DLLs it holds */
	LONGLONG file_id;           /* its file's id, 0: not asked yet (loader_same_file.c) */
};

/* LDR_DDAG_STATE values programs may read in the node. */
#define LDR_NODE_UNLOADING (-1)
#define LDR_NODE_MAPPED 2
#define LDR_NODE_READY_TO_RUN 9

/* The count of a module pinned until the process ends (the program, a
 * DLL pinned by GetModuleHandleEx or LdrAddRefDll). */
#define LDR_PINNED ((ULONG)-1)
/* LDR_DATA_TABLE_ENTRY.Flags: loaded with the program. */
#define LDR_FLAG_PROCESS_STATIC_IMPORT 0x20
/* ...: DllMain gets no DLL_THREAD_ATTACH/DETACH (DisableThreadLibraryCalls). */
#define LDR_FLAG_DONT_CALL_FOR_THREADS 0x40000

extern struct ldr_module ldr_modules[LDR_MAX_MODULES];
extern unsigned ldr_nmodules;
/* Windows' loader lock (PEB->LoaderLock): one thread at a time loads,
 * unloads or runs DllMain. */
extern RTL_CRITICAL_SECTION ldr_lock;
/* TRUE while the process starts: the modules it loads stay (static imports). */
extern BOOL ldr_pin_new;
/* TRUE once the process exits: FreeLibrary unloads nothing any more. */
extern BOOL ldr_shutting_down;

typedef BOOL(WINAPI *dll_main_fn)(HINSTANCE, DWORD, LPVOID);
/* loader_guard.S: fn(a, b, c) inside an exception handler; FALSE with
 * *fault set to the exception's code when fn raised one. */
BOOL ldr_guarded_call(void *fn, void *a, ULONG_PTR b, void *c, NTSTATUS *fault);
EXCEPTION_DISPOSITION ldr_guard_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
					DISPATCHER_CONTEXT *dc);
NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE, PVOID);

/* loader_unload.c: reference counts and unloading, under ldr_lock. */
void ldr_addref(struct ldr_module *m);
/* Copies m->refs to the fields programs read (node, entry). */
void ldr_show_count(struct ldr_module *m);
#define LDR_ADDREF_DLL_PIN 1
NTSTATUS NTAPI LdrAddRefDll(ULONG flags, PVOID module);
/* The importer m holds dep (once, however many descriptors name it). */
NTSTATUS ldr_add_dep(struct ldr_module *m, struct ldr_module *dep);
/* Drops one reference; at zero the module and the dependencies only it
 * held get DLL_PROCESS_DETACH (reserved: NULL) and are unmapped. */
void ldr_release(struct ldr_module *m);
/* A module that failed to link or initialize goes away unless held. */
void ldr_discard(struct ldr_module *m);
/* loader.c: DLL_PROCESS_DETACH to DllMain and the TLS callbacks. */
void ldr_detach_module(struct ldr_module *m, void *reserved);
/* loader_notify.c: LdrRegisterDllNotification's callbacks. */
#define LDR_NOTIFY_LOADED 1
#define LDR_NOTIFY_UNLOADED 2
void ldr_notify(ULONG reason, struct ldr_module *m);

IMAGE_NT_HEADERS64 *ldr_nt_headers(BYTE *base);
IMAGE_DATA_DIRECTORY *ldr_dir(BYTE *base, int which);
struct ldr_module *ldr_find_loaded(const char *name);
/* The module loaded from the file at dos_path under whatever name (its
 * short name, a hard link), or NULL (loader_same_file.c). */
struct ldr_module *ldr_loaded_from_file(const WCHAR *dos_path);
/* The module a name with a path names: by its full path, else by its
 * file; NULL for a bare name (loader_load.c). */
struct ldr_module *ldr_find_by_path(const UNICODE_STRING *name);
/* The lower-case file name a DLL name means ("KERNEL32" -> "kernel32.dll",
 * an API set -> its host) into n; NULL for an API set Windows lacks. */
const char *ldr_module_name(const char *name, char *n, size_t len);
/* loader_load.c: LdrLoadDll's work, under the loader lock: a module to
 * initialize, or NULL with *st (and *data set for a data-file load). */
struct ldr_module *ldr_load_request(const UNICODE_STRING *name, const WCHAR *path_list,
				    ULONG search_flags, ULONG chars,
				    PVOID *data, NTSTATUS *st);
struct ldr_module *ldr_find_by_base(void *base);
/* Finds, maps and links a DLL (and its imports).  NULL with *status. */
struct ldr_module *ldr_load(const char *name, struct ldr_module *importer, NTSTATUS *status);
struct ldr_module *ldr_add_module(BYTE *base, const char *name, const WCHAR *path);
/* Lists a mapped DLL and links it (unless the load says not to). */
struct ldr_module *ldr_link_new(BYTE *base, const char *name, const WCHAR *path,
				struct ldr_module *importer, NTSTATUS *status);
/* Searches for a DLL by base name and maps it; its DOS path (260 chars). */
NTSTATUS ldr_find_and_map(const char *name, BYTE **base, WCHAR *dos_path);
/* The same through the search order only (no KnownDLLs): name may be a
 * relative path ("sub\\x.dll"), appended to each directory. */
NTSTATUS ldr_search_and_map(const char *name, BYTE **base, WCHAR *dos_path);
/* loader_tls.c: static TLS.  Each thread's ThreadLocalStoragePointer
 * array is registered (under ldr_lock); a module with a TLS directory
 * gets a free index and a copy of its template in every registered
 * array (at start and at LoadLibrary alike); release frees them. */
void ldr_tls_register(void **slots);
void ldr_tls_unregister(void **slots);
IMAGE_TLS_DIRECTORY64 *ldr_tls_dir(struct ldr_module *m);
void *ldr_tls_block(IMAGE_TLS_DIRECTORY64 *tls);
NTSTATUS ldr_tls_attach_dynamic(struct ldr_module *m);
void ldr_tls_release(struct ldr_module *m);
/* loader.c, for thread.c: a new thread's TLS and DLL_THREAD_ATTACH, and
 * the reverse when it ends. */
NTSTATUS ldr_thread_attach(void);
void ldr_thread_detach(void);
/* dbg_break.c: runs brk (an int3) so that a debugger handing the
 * breakpoint back unhandled lets the thread go on after it. */
void dbg_guarded_break(void (*brk)(void));
void dbg_guarded_raise(EXCEPTION_RECORD *rec);
/* fls.c: the ending thread's FLS callbacks (before DLL_THREAD_DETACH). */
void fls_thread_init(void);
void fls_thread_exit(void);
/* Links an initialized module into InInitializationOrderModuleList. */
void ldr_link_initialized(struct ldr_module *m);
NTSTATUS ldr_resolve_imports(struct ldr_module *m);
/* Export lookup; follows forwarders.  name NULL: by ordinal. */
NTSTATUS ldr_get_export(struct ldr_module *m, const char *name, WORD ordinal, void **out);
/* How the load in progress searches (LdrLoadDll sets it, under the
 * loader lock; all zero for the program's own imports): its
 * LOAD_LIBRARY_SEARCH_* / LOAD_WITH_ALTERED_SEARCH_PATH flags, the
 * directory of the DLL it named by path (ends in '\'), and whether that
 * DLL is only mapped (DONT_RESOLVE_DLL_REFERENCES). */
struct ldr_search {
	ULONG flags;
	const WCHAR *path_list;     /* LdrLoadDll's "dir;dir" search path, or NULL */
	const WCHAR *load_dir;
	size_t load_dir_len;
	BOOL no_resolve;
	BOOL cwd_as_dot;            /* the current directory offered as "." */
};
extern struct ldr_search ldr_current_search;
/* loader_dirs.c: offers each directory of the documented search order
 * (dir ends in '\', len chars) to try until it returns TRUE. */
typedef BOOL ldr_try_dir_fn(const WCHAR *dir, size_t len, void *ctx);
void ldr_search_dirs(const struct ldr_search *s, ldr_try_dir_fn *try, void *ctx);
/* A KnownDLL (lower-case base name) is only ever loaded from System32. */
BOOL ldr_is_known_dll(const char *lower_name);
/* Maps an image from an NT path (loader_imports.c): success (an x86
 * image without code too: it loads anywhere, as ICU's data DLL does),
 * STATUS_IMAGE_MACHINE_TYPE_MISMATCH for an x86 image with code (mapped
 * as data only), or the failure. */
NTSTATUS ldr_map_file(const WCHAR *nt_path, BYTE **base);
/* st from ldr_map_file, with an x86 image unmapped and refused as
 * Windows refuses to load it (STATUS_INVALID_IMAGE_FORMAT). */
NTSTATUS ldr_refuse_foreign(NTSTATUS st, BYTE *base);
/* apiset.c: "api-..." or "ext-..." (lower case) names a contract, never a
 * file; its host DLL, NULL when the schema has no such set. */
BOOL ldr_is_apiset_name(const char *lower_name);
const char *ldr_apiset_host(const char *lower_name);
/* Writes "lsw: ..." to the standard error handle. */
void ldr_report(const char *a, const char *b, const char *c);
/* The image's GlobalFlag from Image File Execution Options (global_flag.c). */
ULONG ldr_read_global_flag(const UNICODE_STRING *image);

#endif
