/* Activation contexts inside ntdll: what a manifest says, kept per
 * context.  A context's handle is the address of its struct actctx, as
 * on Windows (where it is the ACTIVATION_CONTEXT the Rtl calls take). */
#ifndef LSW_ACTCTX_PRIVATE_H
#define LSW_ACTCTX_PRIVATE_H

#include "../rtl/rtl_private.h"

#define ACTCTX_MAGIC 0x58544341 /* "ACTX" */

/* ntdll exports mingw-w64's headers do not declare */
NTSTATUS NTAPI LdrFindResource_U(HMODULE, const void *, ULONG, const IMAGE_RESOURCE_DATA_ENTRY **);
NTSTATUS NTAPI LdrAccessResource(HMODULE, const IMAGE_RESOURCE_DATA_ENTRY *, void **, ULONG *);
void NTAPI RtlRaiseStatus(NTSTATUS);
NTSTATUS NTAPI RtlHashUnicodeString(PCUNICODE_STRING, BOOLEAN, ULONG, PULONG);
#define HASH_STRING_ALGORITHM_X65599 1
#define ACTCTX_SECTION_KEYED_DATA_FLAG_FOUND_IN_ACTCTX 1

struct actctx_identity {
	WCHAR *name, *version, *arch, *token, *language, *type;
};

struct actctx_wndclass {
	WCHAR *name;
	BOOL versioned;         /* versioned="no" turns it off */
};

struct actctx_file {
	WCHAR *name;
	struct actctx_wndclass *classes;
	ULONG nclasses;
};

struct actctx_compat {
	GUID id;
	ULONG type;             /* ACTCTX_COMPATIBILITY_ELEMENT_TYPE */
	ULONGLONG max_version;  /* for type 3 (maxversiontested) */
};

struct actctx_assembly {
	struct actctx_identity id;
	WCHAR *manifest_path;   /* DOS path of its manifest, NULL for a resource-less source */
	WCHAR *directory;       /* where a dependency's files are, NULL for the root */
	struct actctx_file *files;
	ULONG nfiles;
	struct actctx_identity *deps;
	ULONG ndeps;
	ULONG run_level;        /* ACTCTX_REQUESTED_RUN_LEVEL */
	ULONG ui_access;
	struct actctx_compat *compat;
	ULONG ncompat;
};

/* A built string section (magic "SsHd") of one kind, made on first use. */
struct actctx_section {
	BYTE *data;
	ULONG size;
};

struct actctx {
	ULONG magic;
	LONG refs;
	BOOL zombie;
	ULONG root_path_type;   /* ACTIVATION_CONTEXT_PATH_TYPE_* */
	WCHAR *root_path;       /* the manifest's or the resource module's path */
	WCHAR *app_dir;         /* ends in a backslash */
	struct actctx_assembly *assemblies;
	ULONG nassemblies;
	struct actctx_section dll_section, wndclass_section;
	void *arena;            /* the strings above */
};

/* manifest.c: the assembly a manifest's bytes describe (strings in
 * *arena); STATUS_SXS_CANT_GEN_ACTCTX for one Windows refuses. */
NTSTATUS actctx_parse_manifest(const BYTE *data, SIZE_T size, void **arena,
			       struct actctx_assembly *out);

/* actctx_alloc.c: allocations that live as long as their context. */
void *actctx_alloc(void **arena, SIZE_T size);
WCHAR *actctx_strdup(void **arena, const WCHAR *s);
void actctx_free_arena(void **arena);

/* actctx.c */
struct actctx *actctx_from_handle(HANDLE h);    /* NULL: not a context */
struct actctx *actctx_process_default(void);    /* the exe's, or NULL */
void actctx_init_process_default(void);         /* at process start */
void actctx_addref(struct actctx *c);
void actctx_release(struct actctx *c);

/* actctx_stack.c: the innermost context activated on this thread. */
struct actctx *actctx_active(void);

/* actctx_section.c */
const struct actctx_section *actctx_string_section(struct actctx *c, ULONG id);

/* resource_find.c: the RT_MANIFEST resource name of module. */
NTSTATUS actctx_manifest_resource(HMODULE module, const WCHAR *name, const void **data,
				  ULONG *size);

#endif
