/*
 * What a manifest says, read the way Windows' side-by-side reader
 * does: the root must be <assembly> in urn:schemas-microsoft-com:asm.v1
 * with manifestVersion="1.0" and no attribute it does not know; an
 * unknown element in that namespace is an error, elements of other
 * namespaces are someone else's (trustInfo in asm.v2/v3, the
 * compatibility section, windowsSettings) and are read where we know
 * them, skipped where not.
 */
#include "actctx_private.h"
#include "xml.h"

#define CANT_GEN STATUS_SXS_CANT_GEN_ACTCTX

static const WCHAR ns_asm_v1[] = L"urn:schemas-microsoft-com:asm.v1";
static const WCHAR ns_asm_v2[] = L"urn:schemas-microsoft-com:asm.v2";
static const WCHAR ns_asm_v3[] = L"urn:schemas-microsoft-com:asm.v3";
static const WCHAR ns_compat[] = L"urn:schemas-microsoft-com:compatibility.v1";
static const WCHAR ns_winrt[] = L"urn:schemas-microsoft-com:winrt.v1";

struct reading {
	void **arena;
	struct actctx_assembly *a;
	ULONG dep_room;
	BOOL have_run_level;
};

static BOOL is(const struct xml_elem *e, const WCHAR *ns, const WCHAR *name)
{
	return !wcscmp(e->ns, ns) && !wcscmp(e->name, name);
}

static BOOL is_trust_ns(const WCHAR *ns)
{
	return !wcscmp(ns, ns_asm_v1) || !wcscmp(ns, ns_asm_v2) || !wcscmp(ns, ns_asm_v3);
}

static ULONG count_children(const struct xml_elem *e, const WCHAR *ns, const WCHAR *name)
{
	ULONG n = 0;

	for (e = e->first; e; e = e->next)
		n += is(e, ns, name);
	return n;
}

static NTSTATUS read_identity(struct reading *r, const struct xml_elem *e, struct actctx_identity *id)
{
	id->name = actctx_strdup(r->arena, xml_attr(e, L"name"));
	id->version = actctx_strdup(r->arena, xml_attr(e, L"version"));
	id->arch = actctx_strdup(r->arena, xml_attr(e, L"processorArchitecture"));
	id->token = actctx_strdup(r->arena, xml_attr(e, L"publicKeyToken"));
	id->language = actctx_strdup(r->arena, xml_attr(e, L"language"));
	id->type = actctx_strdup(r->arena, xml_attr(e, L"type"));
	return id->name ? STATUS_SUCCESS : CANT_GEN;
}

/* A SHA-1 hash is 40 hex digits; Windows refuses any other length. */
static BOOL hash_ok(const struct xml_elem *e)
{
	const WCHAR *hash = xml_attr(e, L"hash"), *alg = xml_attr(e, L"hashalg");
	SIZE_T i;

	if (!hash || (alg && _wcsicmp(alg, L"SHA1")))
		return TRUE;
	for (i = 0; hash[i]; i++)
		if (!((hash[i] >= '0' && hash[i] <= '9') || ((hash[i] | 32) >= 'a' && (hash[i] | 32) <= 'f')))
			return FALSE;
	return i == 40;
}

static NTSTATUS read_file(struct reading *r, const struct xml_elem *e, struct actctx_file *f)
{
	const struct xml_elem *c;
	ULONG n = 0;

	if (!xml_attr(e, L"name") || !hash_ok(e))
		return CANT_GEN;
	f->name = actctx_strdup(r->arena, xml_attr(e, L"name"));
	f->nclasses = count_children(e, ns_asm_v1, L"windowClass");
	if (f->nclasses && !(f->classes = actctx_alloc(r->arena, f->nclasses * sizeof(*f->classes))))
		return STATUS_NO_MEMORY;
	for (c = e->first; c; c = c->next) {
		if (is(c, ns_asm_v1, L"windowClass")) {
			const WCHAR *versioned = xml_attr(c, L"versioned");

			f->classes[n].name = actctx_strdup(r->arena, c->text);
			f->classes[n++].versioned = !versioned || _wcsicmp(versioned, L"no");
		} else if (!wcscmp(c->name, L"activatableClass") && wcscmp(c->ns, ns_winrt)) {
			return CANT_GEN; /* WinRT classes need their own namespace */
		}
	}
	return STATUS_SUCCESS;
}

static NTSTATUS read_dependency(struct reading *r, const struct xml_elem *e)
{
	const struct xml_elem *d, *id;
	NTSTATUS status;

	for (d = e->first; d; d = d->next) {
		if (!is(d, ns_asm_v1, L"dependentAssembly"))
			continue;
		for (id = d->first; id; id = id->next) {
			struct actctx_identity *slot;

			if (!is(id, ns_asm_v1, L"assemblyIdentity") || r->a->ndeps == r->dep_room)
				continue;
			slot = &r->a->deps[r->a->ndeps];
			if ((status = read_identity(r, id, slot)))
				return status;
			r->a->ndeps++;
		}
	}
	return STATUS_SUCCESS;
}

/* trustInfo/security/requestedPrivileges/requestedExecutionLevel: one
 * level per manifest, a second one is an error. */
static NTSTATUS read_trust(struct reading *r, const struct xml_elem *e, int depth)
{
	static const WCHAR *const path[] = { L"security", L"requestedPrivileges", L"requestedExecutionLevel" };
	static const WCHAR *const levels[] = { L"asInvoker", L"highestAvailable", L"requireAdministrator" };
	const struct xml_elem *c;
	NTSTATUS status;

	for (c = e->first; c; c = c->next) {
		const WCHAR *level, *ui;
		ULONG i;

		if (!is_trust_ns(c->ns) || wcscmp(c->name, path[depth]))
			continue;
		if (depth < 2) {
			if ((status = read_trust(r, c, depth + 1)))
				return status;
			continue;
		}
		if (r->have_run_level)
			return CANT_GEN;
		r->have_run_level = TRUE;
		level = xml_attr(c, L"level");
		ui = xml_attr(c, L"uiAccess");
		for (i = 0; level && i < ARRAYSIZE(levels); i++)
			if (!_wcsicmp(level, levels[i]))
				r->a->run_level = ACTCTX_RUN_LEVEL_AS_INVOKER + i;
		r->a->ui_access = ui && !_wcsicmp(ui, L"true");
	}
	return STATUS_SUCCESS;
}

/* "10.0.18358" as Windows packs a version: four 16-bit parts. */
static ULONGLONG pack_version(const WCHAR *s)
{
	ULONGLONG v = 0;
	int part;

	for (part = 0; part < 4; part++) {
		ULONG n = 0;

		while (s && *s >= '0' && *s <= '9')
			n = n * 10 + (*s++ - '0');
		v = v << 16 | (n & 0xffff);
		if (s && *s == '.')
			s++;
		else
			s = NULL;
	}
	return v;
}

/* compatibility/application: the supportedOS GUIDs in their order, then
 * each maxversiontested. */
static NTSTATUS read_compat(struct reading *r, const struct xml_elem *e)
{
	const struct xml_elem *app, *c;
	int pass;

	for (app = e->first; app; app = app->next) {
		if (!is(app, ns_compat, L"application"))
			continue;
		for (pass = 0; pass < 2; pass++)
			for (c = app->first; c; c = c->next) {
				struct actctx_compat *slot = &r->a->compat[r->a->ncompat];
				const WCHAR *id = xml_attr(c, L"Id");
				UNICODE_STRING s;

				if (!id || r->a->ncompat >= 32)
					continue;
				if (!pass && is(c, ns_compat, L"supportedOS")) {
					RtlInitUnicodeString(&s, id);
					if (RtlGUIDFromString(&s, &slot->id) < 0)
						continue;
					slot->type = ACTCTX_COMPATIBILITY_ELEMENT_TYPE_OS;
					r->a->ncompat++;
				} else if (pass && is(c, ns_compat, L"maxversiontested")) {
					slot->type = 3; /* ACTCTX_COMPATIBILITY_ELEMENT_TYPE_MAXVERSIONTESTED */
					slot->max_version = pack_version(id);
					r->a->ncompat++;
				}
			}
	}
	return STATUS_SUCCESS;
}

/* One child of <assembly>. */
static NTSTATUS read_child(struct reading *r, const struct xml_elem *c)
{
	static const WCHAR *const ignored[] = {
		L"description", L"noInherit", L"noInheritable", L"comInterfaceExternalProxyStub",
		L"clrClass", L"clrSurrogate", L"application", L"trustInfo",
	};
	ULONG i;

	if (is(c, ns_asm_v1, L"assemblyIdentity"))
		return STATUS_SUCCESS; /* read first, by actctx_parse_manifest */
	if (is(c, ns_asm_v1, L"dependency"))
		return read_dependency(r, c);
	if (is(c, ns_asm_v1, L"file"))
		return read_file(r, c, &r->a->files[r->a->nfiles++]);
	if (!wcscmp(c->name, L"trustInfo") && is_trust_ns(c->ns))
		return read_trust(r, c, 0);
	if (is(c, ns_compat, L"compatibility"))
		return read_compat(r, c);
	if (wcscmp(c->ns, ns_asm_v1))
		return STATUS_SUCCESS; /* another namespace's element */
	for (i = 0; i < ARRAYSIZE(ignored); i++)
		if (!wcscmp(c->name, ignored[i]))
			return STATUS_SUCCESS;
	return CANT_GEN;
}

static BOOL root_ok(const struct xml_elem *root)
{
	const WCHAR *version = xml_attr(root, L"manifestVersion");
	ULONG i;

	if (!is(root, ns_asm_v1, L"assembly") || !version || wcscmp(version, L"1.0"))
		return FALSE;
	for (i = 0; i < root->nattrs; i++) {
		const struct xml_attr *a = &root->attrs[i];

		if (!a->is_xmlns && !a->ns[0] && wcscmp(a->name, L"manifestVersion"))
			return FALSE;
	}
	return TRUE;
}

static NTSTATUS read_assembly(struct reading *r, const struct xml_elem *root)
{
	const struct xml_elem *c;
	struct actctx_assembly *a = r->a;
	NTSTATUS status;
	ULONG ndeps = 0;

	for (c = root->first; c; c = c->next)
		if (is(c, ns_asm_v1, L"dependency"))
			ndeps += 64; /* room for its dependentAssembly identities */
	r->dep_room = ndeps;
	a->nfiles = count_children(root, ns_asm_v1, L"file");
	if ((a->nfiles && !(a->files = actctx_alloc(r->arena, a->nfiles * sizeof(*a->files)))) ||
	    (ndeps && !(a->deps = actctx_alloc(r->arena, ndeps * sizeof(*a->deps)))) ||
	    !(a->compat = actctx_alloc(r->arena, 32 * sizeof(*a->compat))))
		return STATUS_NO_MEMORY;
	a->nfiles = 0;
	for (c = root->first; c; c = c->next) {
		if (is(c, ns_asm_v1, L"assemblyIdentity")) {
			if (a->id.name)
				return CANT_GEN;
			if ((status = read_identity(r, c, &a->id)))
				return status;
		}
	}
	/* no assemblyIdentity is fine for a program's own manifest: MSVC's
	 * linker embeds just trustInfo by default, and Windows runs those */
	for (c = root->first; c; c = c->next)
		if ((status = read_child(r, c)))
			return status;
	return STATUS_SUCCESS;
}

NTSTATUS actctx_parse_manifest(const BYTE *data, SIZE_T size, void **arena,
			       struct actctx_assembly *out)
{
	struct reading r = { arena, out, 0, FALSE };
	struct xml_doc doc;
	NTSTATUS status;

	memset(out, 0, sizeof(*out));
	if ((status = xml_parse(data, size, &doc)))
		return status;
	status = root_ok(doc.root) ? read_assembly(&r, doc.root) : CANT_GEN;
	xml_free(&doc);
	return status;
}
