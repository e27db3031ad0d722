/*
 * RtlQueryInformationActivationContext: the documented information
 * classes (winnt.h's ACTIVATION_CONTEXT_INFO_CLASS).  A result that
 * holds strings puts them right after the structure, its pointers
 * aimed there; a buffer too small gets STATUS_BUFFER_TOO_SMALL and the
 * size it needed.
 */
#include "actctx_private.h"

#define RTL_QUERY_ACTCTX_USE_ACTIVE 0x1
#define RTL_QUERY_ACTCTX_IS_HMODULE 0x2
#define RTL_QUERY_ACTCTX_IS_ADDRESS 0x4
#define RTL_QUERY_ACTCTX_NO_ADDREF 0x80000000

typedef struct {               /* COMPATIBILITY_CONTEXT_ELEMENT, Windows 10 1903+ */
	GUID Id;
	ULONG Type;
	ULONGLONG MaxVersionTested;
} compat_element;

struct out {
	BYTE *buf;
	SIZE_T size, need;
	BYTE *strings;          /* where the next string goes */
};

/* Appends s (units, NUL added) after the structure; its address, or
 * NULL when it is not there or did not fit. */
static const WCHAR *put_string(struct out *o, const WCHAR *s, SIZE_T units)
{
	WCHAR *d = (WCHAR *)o->strings;

	if (!s)
		return NULL;
	o->need += (units + 1) * sizeof(WCHAR);
	if (o->need > o->size)
		return NULL;
	memcpy(d, s, units * sizeof(WCHAR));
	d[units] = 0;
	o->strings += (units + 1) * sizeof(WCHAR);
	return d;
}

static SIZE_T str_units(const WCHAR *s)
{
	return s ? wcslen(s) : 0;
}

static NTSTATUS detailed(const struct actctx *c, struct out *o)
{
	ACTIVATION_CONTEXT_DETAILED_INFORMATION *d = (void *)o->buf, tmp;
	SIZE_T root = str_units(c ? c->root_path : NULL), app = str_units(c ? c->app_dir : NULL);

	o->need = sizeof(*d) + (c && c->root_path ? (root + 1) * sizeof(WCHAR) : 0) +
		  (c && c->app_dir ? (app + 1) * sizeof(WCHAR) : 0);
	if (o->need > o->size)
		return STATUS_BUFFER_TOO_SMALL;
	memset(&tmp, 0, sizeof(tmp));
	o->need = sizeof(*d);
	if (c) {
		tmp.ulFormatVersion = 1;
		tmp.ulAssemblyCount = c->nassemblies;
		tmp.ulRootManifestPathType = c->root_path_type;
		tmp.ulRootManifestPathChars = (DWORD)root;
		tmp.ulRootConfigurationPathType = ACTIVATION_CONTEXT_PATH_TYPE_NONE;
		tmp.ulAppDirPathType = ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE;
		tmp.ulAppDirPathChars = (DWORD)app;
		tmp.lpRootManifestPath = put_string(o, c->root_path, root);
		tmp.lpAppDirPath = put_string(o, c->app_dir, app);
	}
	*d = tmp;
	return STATUS_SUCCESS;
}

/* name,attr="value",... with the attributes in alphabetical order, as
 * Windows encodes an identity. */
static SIZE_T encode_identity(const struct actctx_identity *id, WCHAR *out)
{
	const struct { const WCHAR *key, *value; } attrs[] = {
		{ L"language", id->language }, { L"processorArchitecture", id->arch },
		{ L"publicKeyToken", id->token }, { L"type", id->type }, { L"version", id->version },
	};
	SIZE_T n = id->name ? wcslen(id->name) : 0, i;

	if (out && n)
		memcpy(out, id->name, n * sizeof(WCHAR));
	for (i = 0; i < ARRAYSIZE(attrs); i++) {
		SIZE_T k, v;

		if (!attrs[i].value)
			continue;
		k = wcslen(attrs[i].key);
		v = wcslen(attrs[i].value);
		if (out) {
			out[n] = ',';
			memcpy(out + n + 1, attrs[i].key, k * sizeof(WCHAR));
			out[n + 1 + k] = '=';
			out[n + 2 + k] = '"';
			memcpy(out + n + 3 + k, attrs[i].value, v * sizeof(WCHAR));
			out[n + 3 + k + v] = '"';
		}
		n += k + v + 4;
	}
	return n;
}

static NTSTATUS assembly_detailed(const struct actctx *c, const ULONG *index, struct out *o)
{
	ACTIVATION_CONTEXT_ASSEMBLY_DETAILED_INFORMATION *d = (void *)o->buf, tmp;
	const struct actctx_assembly *a;
	SIZE_T idlen, path, dir;
	WCHAR *id;

	if (!c || !index || !*index || *index > c->nassemblies)
		return STATUS_INVALID_PARAMETER;
	a = &c->assemblies[*index - 1];
	idlen = encode_identity(&a->id, NULL);
	path = str_units(a->manifest_path);
	dir = str_units(a->directory);
	o->need = sizeof(*d) + (idlen + 1) * sizeof(WCHAR) +
		  (a->manifest_path ? (path + 1) * sizeof(WCHAR) : 0) +
		  (a->directory ? (dir + 1) * sizeof(WCHAR) : 0);
	if (o->need > o->size)
		return STATUS_BUFFER_TOO_SMALL;
	memset(&tmp, 0, sizeof(tmp));
	tmp.ulFlags = *index == 1 ? 1 : 0x10; /* the root; a dependency */
	tmp.ulEncodedAssemblyIdentityLength = (DWORD)(idlen * sizeof(WCHAR));
	tmp.ulManifestPathType = ACTIVATION_CONTEXT_PATH_TYPE_WIN32_FILE;
	tmp.ulManifestPathLength = (DWORD)(path * sizeof(WCHAR));
	tmp.ulPolicyPathType = ACTIVATION_CONTEXT_PATH_TYPE_NONE;
	tmp.ulManifestVersionMajor = 1;
	tmp.ulAssemblyDirectoryNameLength = (DWORD)(dir * sizeof(WCHAR));
	tmp.ulFileCount = a->nfiles;
	id = (WCHAR *)(d + 1);
	encode_identity(&a->id, id);
	id[idlen] = 0;
	tmp.lpAssemblyEncodedAssemblyIdentity = id;
	o->strings = (BYTE *)(id + idlen + 1);
	o->need = sizeof(*d) + (idlen + 1) * sizeof(WCHAR);
	tmp.lpAssemblyManifestPath = put_string(o, a->manifest_path, path);
	tmp.lpAssemblyDirectoryName = put_string(o, a->directory, dir);
	*d = tmp;
	return STATUS_SUCCESS;
}

static NTSTATUS file_detailed(const struct actctx *c, const ACTIVATION_CONTEXT_QUERY_INDEX *index,
			      struct out *o, SIZE_T *written)
{
	ASSEMBLY_FILE_DETAILED_INFORMATION *d = (void *)o->buf, tmp;
	const struct actctx_file *f;
	SIZE_T n;

	if (!c || !index || index->ulAssemblyIndex >= c->nassemblies ||
	    index->ulFileIndexInAssembly >= c->assemblies[index->ulAssemblyIndex].nfiles)
		return STATUS_INVALID_PARAMETER;
	f = &c->assemblies[index->ulAssemblyIndex].files[index->ulFileIndexInAssembly];
	n = wcslen(f->name);
	o->need = sizeof(*d) + (n + 1) * sizeof(WCHAR);
	if (o->need > o->size)
		return STATUS_BUFFER_TOO_SMALL;
	memset(&tmp, 0, sizeof(tmp));
	o->need = sizeof(*d);
	tmp.ulFlags = 2;
	tmp.ulFilenameLength = (DWORD)(n * sizeof(WCHAR));
	tmp.lpFileName = put_string(o, f->name, n);
	*d = tmp;
	*written = 0; /* Windows reports nothing written for this class */
	return STATUS_SUCCESS;
}

static NTSTATUS run_level(const struct actctx *c, struct out *o)
{
	ACTIVATION_CONTEXT_RUN_LEVEL_INFORMATION *d = (void *)o->buf;

	o->need = sizeof(*d);
	if (o->size < sizeof(*d))
		return STATUS_BUFFER_TOO_SMALL;
	memset(d, 0, sizeof(*d));
	if (c && c->nassemblies) {
		d->RunLevel = c->assemblies[0].run_level;
		d->UiAccess = c->assemblies[0].ui_access;
	}
	return STATUS_SUCCESS;
}

static NTSTATUS compatibility(const struct actctx *c, struct out *o)
{
	const struct actctx_assembly *a = c && c->nassemblies ? &c->assemblies[0] : NULL;
	ULONG n = a ? a->ncompat : 0, i;
	compat_element *e;

	o->need = sizeof(ULONGLONG) + n * sizeof(*e);
	if (o->need > o->size)
		return STATUS_BUFFER_TOO_SMALL;
	*(DWORD *)o->buf = n;
	e = (compat_element *)(o->buf + sizeof(ULONGLONG));
	for (i = 0; i < n; i++) {
		memset(&e[i], 0, sizeof(e[i]));
		e[i].Id = a->compat[i].id;
		e[i].Type = a->compat[i].type;
		e[i].MaxVersionTested = a->compat[i].max_version;
	}
	return STATUS_SUCCESS;
}

static NTSTATUS basic(HANDLE handle, struct out *o)
{
	ACTIVATION_CONTEXT_BASIC_INFORMATION *b = (void *)o->buf;

	o->need = sizeof(*b);
	if (o->size < sizeof(*b))
		return STATUS_BUFFER_TOO_SMALL;
	b->hActCtx = handle;
	b->dwFlags = 0;
	return STATUS_SUCCESS;
}

__declspec(dllexport) NTSTATUS NTAPI RtlQueryInformationActivationContext(
	ULONG flags, HANDLE handle, void *subinst, ULONG info_class, void *buffer, SIZE_T size,
	SIZE_T *retlen)
{
	struct out o = { buffer, buffer ? size : 0, 0, NULL };
	struct actctx *c;
	SIZE_T written = (SIZE_T)-1;
	NTSTATUS status;

	if (retlen)
		*retlen = 0;
	if (flags & RTL_QUERY_ACTCTX_USE_ACTIVE) {
		if (handle)
			return STATUS_INVALID_PARAMETER;
		c = actctx_active();
		handle = c;
		if (c && !(flags & RTL_QUERY_ACTCTX_NO_ADDREF))
			actctx_addref(c);
	} else if (flags & (RTL_QUERY_ACTCTX_IS_HMODULE | RTL_QUERY_ACTCTX_IS_ADDRESS)) {
		c = actctx_process_default(); /* a module's own manifest is not kept */
	} else if (!handle) {
		c = actctx_process_default();
	} else if (!(c = actctx_from_handle(handle))) {
		return STATUS_INVALID_PARAMETER;
	}
	o.strings = o.buf;
	switch (info_class) {
	case ActivationContextBasicInformation:
		status = basic(handle, &o);
		break;
	case ActivationContextDetailedInformation:
		o.strings += sizeof(ACTIVATION_CONTEXT_DETAILED_INFORMATION);
		status = detailed(c, &o);
		break;
	case AssemblyDetailedInformationInActivationContext:
		status = assembly_detailed(c, subinst, &o);
		break;
	case FileInformationInAssemblyOfAssemblyInActivationContext:
		o.strings += sizeof(ASSEMBLY_FILE_DETAILED_INFORMATION);
		status = file_detailed(c, subinst, &o, &written);
		break;
	case RunlevelInformationInActivationContext:
		status = run_level(c, &o);
		break;
	case CompatibilityInformationInActivationContext:
		status = compatibility(c, &o);
		break;
	default:
		return STATUS_INVALID_PARAMETER;
	}
	if (retlen)
		*retlen = status == STATUS_SUCCESS && written != (SIZE_T)-1 ? written : o.need;
	return status;
}

__declspec(dllexport) NTSTATUS NTAPI RtlQueryInformationActiveActivationContext(
	ULONG info_class, void *buffer, SIZE_T size, SIZE_T *retlen)
{
	return RtlQueryInformationActivationContext(RTL_QUERY_ACTCTX_USE_ACTIVE, NULL, NULL,
						    info_class, buffer, size, retlen);
}
