/*
 * Activation contexts: made from a manifest file, a PE's RT_MANIFEST
 * resource or a module already loaded; counted references; zombies
 * (a zombified context keeps its memory for the frames that still name
 * it but answers no more lookups); the process default, made at start
 * from the program's manifest (resource 1, or PROG.exe.manifest beside
 * it, as Windows' side-by-side reader looks for it).
 *
 * On Windows the manifest is read by the side-by-side service (sxs in
 * csrss) and ntdll receives binary ACTIVATION_CONTEXT_DATA; here ntdll
 * reads the manifest itself, so RtlCreateActivationContext, which takes
 * that binary form, is not provided.  kernel32's CreateActCtxW calls
 * LswCreateActCtx, a private export.
 */
#include "actctx_private.h"
#include "../loader.h"

#define CANT_GEN STATUS_SXS_CANT_GEN_ACTCTX
#define MANIFEST_MAX (16u << 20)
#define RESOURCE_TYPE_MANIFEST 24 /* RT_MANIFEST as a number */

static struct actctx *process_default;

struct actctx *actctx_from_handle(HANDLE h)
{
	struct actctx *c = h;

	ULONG magic = 0;

	if (!c || c == INVALID_HANDLE_VALUE || ((ULONG_PTR)c & 7))
		return NULL;
	/* a bad handle may point anywhere: the kernel reads it for us */
	if (NtReadVirtualMemory((HANDLE)-1, &c->magic, &magic, sizeof(magic), NULL) ||
	    magic != ACTCTX_MAGIC)
		return NULL;
	return c;
}

struct actctx *actctx_process_default(void)
{
	return process_default;
}

void actctx_addref(struct actctx *c)
{
	InterlockedIncrement(&c->refs);
}

void actctx_release(struct actctx *c)
{
	if (InterlockedDecrement(&c->refs))
		return;
	c->magic = 0;
	RtlFreeHeap(lsw_process_heap(), 0, c->dll_section.data);
	RtlFreeHeap(lsw_process_heap(), 0, c->wndclass_section.data);
	actctx_free_arena(&c->arena);
	RtlFreeHeap(lsw_process_heap(), 0, c);
}

/* The whole of a file (the heap copy in *data), at most MANIFEST_MAX. */
static NTSTATUS read_whole_file(const WCHAR *dos_path, BYTE **data, SIZE_T *size)
{
	FILE_STANDARD_INFORMATION info;
	UNICODE_STRING nt;
	OBJECT_ATTRIBUTES attr;
	IO_STATUS_BLOCK io;
	NTSTATUS status;
	HANDLE file;

	if (!RtlDosPathNameToNtPathName_U(dos_path, &nt, NULL, NULL))
		return STATUS_OBJECT_PATH_NOT_FOUND;
	InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = NtOpenFile(&file, GENERIC_READ | SYNCHRONIZE, &attr, &io, FILE_SHARE_READ | FILE_SHARE_DELETE,
			    FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE);
	RtlFreeUnicodeString(&nt);
	if (status)
		return status;
	status = NtQueryInformationFile(file, &io, &info, sizeof(info), FileStandardInformation);
	if (!status && info.EndOfFile.QuadPart > MANIFEST_MAX)
		status = CANT_GEN;
	if (!status && !(*data = RtlAllocateHeap(lsw_process_heap(), 0, info.EndOfFile.QuadPart + 1)))
		status = STATUS_NO_MEMORY;
	if (!status) {
		status = NtReadFile(file, NULL, NULL, NULL, &io, *data, (ULONG)info.EndOfFile.QuadPart,
				    NULL, NULL);
		*size = io.Information;
		if (status == STATUS_END_OF_FILE)
			status = STATUS_SUCCESS, *size = 0;
		if (status)
			RtlFreeHeap(lsw_process_heap(), 0, *data);
	}
	NtClose(file);
	return status;
}

NTSTATUS actctx_manifest_resource(HMODULE module, const WCHAR *name, const void **data, ULONG *size)
{
	struct { ULONG_PTR type, name, lang; } info = { RESOURCE_TYPE_MANIFEST, (ULONG_PTR)name, 0 };
	const IMAGE_RESOURCE_DATA_ENTRY *entry;
	NTSTATUS status;

	status = LdrFindResource_U(module, (void *)&info, 3, &entry);
	if (!status)
		status = LdrAccessResource(module, entry, (void **)data, size);
	return status;
}

static WCHAR *full_path_of(void **arena, const WCHAR *path)
{
	WCHAR full[MAX_PATH * 2];
	ULONG n = RtlGetFullPathName_U(path, sizeof(full), full, NULL);

	return n && n < sizeof(full) ? actctx_strdup(arena, full) : NULL;
}

/* dir of path with its trailing backslash, in the arena. */
static WCHAR *dir_of(void **arena, const WCHAR *path)
{
	const WCHAR *slash = wcsrchr(path, '\\');
	SIZE_T n = slash ? (SIZE_T)(slash - path + 1) : 0;
	WCHAR *d = actctx_alloc(arena, (n + 1) * sizeof(WCHAR));

	if (d)
		memcpy(d, path, n * sizeof(WCHAR));
	return d;
}

static BOOL same(const WCHAR *a, const WCHAR *b)
{
	return (!a && !b) || (a && b && !_wcsicmp(a, b));
}

/* A found dependency is the one asked for: same name and version, and
 * architecture and token where the reference gives them. */
static BOOL identity_fits(const struct actctx_identity *want, const struct actctx_identity *got)
{
	return same(want->name, got->name) && same(want->version, got->version) &&
	       (!want->arch || same(want->arch, got->arch) || !_wcsicmp(want->arch, L"*")) &&
	       (!want->token || same(want->token, got->token));
}

static NTSTATUS add_assembly(struct actctx *c, const struct actctx_assembly *a)
{
	struct actctx_assembly *grown;

	grown = actctx_alloc(&c->arena, (c->nassemblies + 1) * sizeof(*grown));
	if (!grown)
		return STATUS_NO_MEMORY;
	if (c->nassemblies)
		memcpy(grown, c->assemblies, c->nassemblies * sizeof(*grown));
	grown[c->nassemblies++] = *a;
	c->assemblies = grown;
	return STATUS_SUCCESS;
}

/* Dependencies are private assemblies: NAME.manifest or NAME\NAME.manifest
 * beside the manifest that names them.  Windows' own assemblies (the
 * common controls, the VC runtimes) live in WinSxS, which we do not
 * have: a reference to one that is not found here is taken as met. */
static NTSTATUS resolve_dependency(struct actctx *c, const WCHAR *dir,
				   const struct actctx_identity *want, int depth)
{
	struct actctx_assembly dep;
	NTSTATUS status = STATUS_OBJECT_NAME_NOT_FOUND;
	ULONG i, d;

	if (depth > 8)
		return CANT_GEN;
	for (i = 0; i < c->nassemblies; i++)
		if (identity_fits(want, &c->assemblies[i].id))
			return STATUS_SUCCESS;
	for (i = 0; i < 2 && status == STATUS_OBJECT_NAME_NOT_FOUND; i++) {
		WCHAR path[MAX_PATH * 2];
		BYTE *data;
		SIZE_T size;

		if (wcslen(dir) + 2 * wcslen(want->name) + 12 > ARRAYSIZE(path))
			continue;
		wcscpy(path, dir);
		wcscat(path, want->name);
		if (i) {
			wcscat(path, L"\\");
			wcscat(path, want->name);
		}
		wcscat(path, L".manifest");
		if (read_whole_file(path, &data, &size))
			continue;
		status = actctx_parse_manifest(data, size, &c->arena, &dep);
		RtlFreeHeap(lsw_process_heap(), 0, data);
		if (!status && !identity_fits(want, &dep.id))
			status = CANT_GEN;
		if (!status) {
			dep.manifest_path = actctx_strdup(&c->arena, path);
			dep.directory = dir_of(&c->arena, path);
		}
	}
	if (status == STATUS_OBJECT_NAME_NOT_FOUND)
		return !_wcsnicmp(want->name, L"Microsoft.", 10) ? STATUS_SUCCESS : CANT_GEN;
	if (status || (status = add_assembly(c, &dep)))
		return status;
	for (d = 0; d < dep.ndeps; d++)
		if ((status = resolve_dependency(c, dep.directory, &dep.deps[d], depth + 1)))
			return status;
	return STATUS_SUCCESS;
}

/* The RT_MANIFEST resource res of the PE file at path, mapped as an
 * image only to be read (no code of it runs), copied into *owned. */
static NTSTATUS pe_manifest(const WCHAR *path, const WCHAR *res, const void **data, SIZE_T *size,
			    BYTE **owned)
{
	UNICODE_STRING nt;
	const void *found;
	BYTE *base;
	ULONG rsize;
	NTSTATUS status;

	if (!RtlDosPathNameToNtPathName_U(path, &nt, NULL, NULL))
		return STATUS_OBJECT_PATH_NOT_FOUND;
	status = ldr_map_file(nt.Buffer, &base);
	RtlFreeUnicodeString(&nt);
	if (status)
		return status;
	RtlFreeHeap(lsw_process_heap(), 0, *owned);
	*owned = NULL;
	status = actctx_manifest_resource((HMODULE)base, res, &found, &rsize);
	if (!status && !(*owned = RtlAllocateHeap(lsw_process_heap(), 0, rsize)))
		status = STATUS_NO_MEMORY;
	if (!status) {
		memcpy(*owned, found, rsize);
		*data = *owned;
		*size = rsize;
	}
	NtUnmapViewOfSection((HANDLE)-1, base);
	return status;
}

/* The manifest's bytes for an ACTCTXW: a manifest file, or the
 * RT_MANIFEST resource of a PE file or of a module.  *owned is the
 * heap copy to free, if any. */
static NTSTATUS manifest_bytes(const ACTCTXW *ac, const void **data, SIZE_T *size, BYTE **owned)
{
	const WCHAR *res = (ac->dwFlags & ACTCTX_FLAG_RESOURCE_NAME_VALID) ? ac->lpResourceName
									 : MAKEINTRESOURCEW(1);
	NTSTATUS status;
	ULONG rsize;

	*owned = NULL;
	if ((ac->dwFlags & ACTCTX_FLAG_HMODULE_VALID) && !ac->lpSource) {
		if (!ac->hModule)
			return CANT_GEN;
		status = actctx_manifest_resource(ac->hModule, res, data, &rsize);
		*size = rsize;
		return status;
	}
	if (!ac->lpSource)
		return STATUS_INVALID_PARAMETER;
	if ((status = read_whole_file(ac->lpSource, owned, size)))
		return status;
	*data = *owned;
	if (*size >= 2 && (*owned)[0] == 'M' && (*owned)[1] == 'Z')
		status = pe_manifest(ac->lpSource, res, data, size, owned);
	return status;
}

static WCHAR *module_path(void **arena, HMODULE module)
{
	for (unsigned i = 0; i < ldr_nmodules; i++)
		if (ldr_modules[i].name[0] && ldr_modules[i].base == (BYTE *)module)
			return actctx_strdup(arena, ldr_modules[i].path);
	return NULL;
}

/* Where the context's relative names resolve: the assembly directory
 * when given, else the program's own directory. */
static NTSTATUS set_paths(struct actctx *c, const ACTCTXW *ac)
{
	const WCHAR *image = lsw_params()->ImagePathName.Buffer;

	if (ac->lpSource)
		c->root_path = full_path_of(&c->arena, ac->lpSource);
	else
		c->root_path = module_path(&c->arena, ac->hModule);
	c->root_path_type = c->root_path ? ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE
					 : ACTIVATION_CONTEXT_PATH_TYPE_NONE;
	if (ac->dwFlags & ACTCTX_FLAG_ASSEMBLY_DIRECTORY_VALID) {
		SIZE_T n = wcslen(ac->lpAssemblyDirectory);

		if (!(c->app_dir = actctx_alloc(&c->arena, (n + 2) * sizeof(WCHAR))))
			return STATUS_NO_MEMORY;
		memcpy(c->app_dir, ac->lpAssemblyDirectory, n * sizeof(WCHAR));
		if (n && c->app_dir[n - 1] != '\\')
			c->app_dir[n] = '\\';
	} else {
		c->app_dir = dir_of(&c->arena, image ? image : L"");
	}
	return c->app_dir ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

static NTSTATUS build(struct actctx *c, const ACTCTXW *ac)
{
	struct actctx_assembly root;
	const void *data;
	BYTE *owned;
	SIZE_T size;
	NTSTATUS status;
	ULONG d;

	if ((status = set_paths(c, ac)))
		return status;
	if ((status = manifest_bytes(ac, &data, &size, &owned)))
		return status;
	status = actctx_parse_manifest(data, size, &c->arena, &root);
	RtlFreeHeap(lsw_process_heap(), 0, owned);
	if (status)
		return status;
	root.manifest_path = c->root_path;
	if ((status = add_assembly(c, &root)))
		return status;
	for (d = 0; d < root.ndeps; d++) {
		const WCHAR *dir = ac->lpSource ? dir_of(&c->arena, c->root_path ? c->root_path : L"")
						: c->app_dir;

		if (!dir)
			return STATUS_NO_MEMORY;
		if ((status = resolve_dependency(c, dir, &root.deps[d], 0)))
			return status;
	}
	return STATUS_SUCCESS;
}

static NTSTATUS actctx_create(const ACTCTXW *ac, struct actctx **out)
{
	struct actctx *c;
	NTSTATUS status;

	if (!ac || ac->cbSize < offsetof(ACTCTXW, lpAssemblyDirectory) ||
	    (ac->dwFlags & ~0xff))
		return STATUS_INVALID_PARAMETER;
	if (!(c = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, sizeof(*c))))
		return STATUS_NO_MEMORY;
	c->magic = ACTCTX_MAGIC;
	c->refs = 1;
	if ((status = build(c, ac))) {
		actctx_release(c);
		return status;
	}
	*out = c;
	return STATUS_SUCCESS;
}

/* CreateActCtxW's body, for kernel32. */
__declspec(dllexport) NTSTATUS NTAPI LswCreateActCtx(const ACTCTXW *ac, HANDLE *handle)
{
	struct actctx *c;
	NTSTATUS status = actctx_create(ac, &c);

	if (status)
		return status;
	if (ac->dwFlags & ACTCTX_FLAG_SET_PROCESS_DEFAULT) {
		if (process_default) {
			actctx_release(c);
			return STATUS_SXS_PROCESS_DEFAULT_ALREADY_SET;
		}
		process_default = c;
		*handle = NULL;
		return STATUS_SUCCESS;
	}
	*handle = c;
	return STATUS_SUCCESS;
}

/* At start: the program's manifest resource (ID 1), if it has one,
 * becomes the process default.  A PROG.exe.manifest file beside it is
 * not looked for (Windows prefers the embedded one anyway; the file
 * would cost every start a file system probe).  A manifest Windows
 * would refuse to start with is ignored here, so that a program is
 * never stopped by what it does not use. */
void actctx_init_process_default(void)
{
	ACTCTXW ac = { sizeof(ac) };
	const void *data;
	ULONG size;

	if (actctx_manifest_resource(lsw_peb()->ImageBaseAddress, MAKEINTRESOURCEW(1), &data, &size))
		return;
	ac.dwFlags = ACTCTX_FLAG_HMODULE_VALID | ACTCTX_FLAG_RESOURCE_NAME_VALID;
	ac.hModule = lsw_peb()->ImageBaseAddress;
	ac.lpResourceName = MAKEINTRESOURCEW(1);
	if (actctx_create(&ac, &process_default))
		process_default = NULL;
}

__declspec(dllexport) void NTAPI RtlAddRefActivationContext(HANDLE h)
{
	struct actctx *c = actctx_from_handle(h);

	if (c)
		actctx_addref(c);
}

__declspec(dllexport) void NTAPI RtlReleaseActivationContext(HANDLE h)
{
	struct actctx *c = actctx_from_handle(h);

	if (c)
		actctx_release(c);
}

__declspec(dllexport) NTSTATUS NTAPI RtlZombifyActivationContext(HANDLE h)
{
	struct actctx *c = actctx_from_handle(h);

	if (!c || c == process_default)
		return STATUS_INVALID_PARAMETER;
	c->zombie = TRUE;
	return STATUS_SUCCESS;
}
