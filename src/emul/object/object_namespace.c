/*
 * The standard tree of the object namespace, as a Windows 10 session 1
 * sees it: the directories and links programs name (kernel32's
 * Global\ and Local\ prefixes, \BaseNamedObjects\Session\N, \DosDevices).
 * Made on first use; the host keeps it (permanent objects) until
 * host_fini.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/memory/known_dlls.h"
#include "emul/object/object_ns.h"

enum { DIR, LINK, DEV };

/* Parents before children; a link's target is an absolute name (but
 * KnownDllPath's, a DOS path programs read, as on Windows). */
static const struct {
	int kind;
	const char *path, *target;
} standard[] = {
	{ DIR, "\\BaseNamedObjects", NULL },
	{ DIR, "\\Sessions", NULL },
	{ DIR, "\\Sessions\\1", NULL },
	{ DIR, "\\Sessions\\1\\BaseNamedObjects", NULL },
	{ DIR, "\\Sessions\\BNOLINKS", NULL },
	{ LINK, "\\Sessions\\BNOLINKS\\1", "\\Sessions\\1\\BaseNamedObjects" },
	{ LINK, "\\BaseNamedObjects\\Global", "\\BaseNamedObjects" },
	{ LINK, "\\BaseNamedObjects\\Local", "\\BaseNamedObjects" },
	{ LINK, "\\BaseNamedObjects\\Session", "\\Sessions\\BNOLINKS" },
	{ LINK, "\\Sessions\\1\\BaseNamedObjects\\Global", "\\BaseNamedObjects" },
	{ LINK, "\\Sessions\\1\\BaseNamedObjects\\Local", "\\Sessions\\1\\BaseNamedObjects" },
	{ LINK, "\\Sessions\\1\\BaseNamedObjects\\Session", "\\Sessions\\BNOLINKS" },
	/* "\??" is each job's device map (object_devmap.c), which falls
	 * back on this one */
	{ DIR, "\\GLOBAL??", NULL },
	{ LINK, "\\GLOBAL??\\GLOBALROOT", "" },       /* "" names the root */
	{ LINK, "\\GLOBAL??\\MountPointManager", "\\Device\\MountPointManager" },
	{ LINK, "\\DosDevices", "\\??" },
	{ DIR, "\\Device", NULL },
	{ DEV, "\\Device\\Null", NULL },
	{ DEV, "\\Device\\NamedPipe", NULL },
	{ DEV, "\\Device\\Mailslot", NULL },
	{ DEV, "\\Device\\CNG", NULL },
	{ DEV, "\\Device\\KsecDD", NULL },
	{ DEV, "\\Device\\MountPointManager", NULL },
	{ DIR, "\\KernelObjects", NULL },
	{ DIR, "\\KnownDlls", NULL },
	{ LINK, "\\KnownDlls\\KnownDllPath", "C:\\Windows\\System32" },
};

/* The directories the host fills itself. */
static const struct {
	const char *path;
	const struct object_dir_keeper *keeper;
} kept_dirs[] = {
	{ "\\KnownDlls", &known_dlls_keeper },
};

static const struct object_dir_keeper *keeper_of(const char *path)
{
	for (size_t i = 0; i < sizeof(kept_dirs) / sizeof(kept_dirs[0]); i++)
		if (!strcmp(kept_dirs[i].path, path))
			return kept_dirs[i].keeper;
	return NULL;
}

/* ASCII s as UTF-16 into out (room for 64). */
static size_t widen(const char *s, uint16_t *out)
{
	size_t n = 0;

	for (; s[n] && n < 64; n++)
		out[n] = (uint8_t)s[n];
	return n;
}

/* The directory of an absolute path's parent, by plain lookups. */
static struct object_dir *parent_of(struct object_dir *root, const uint16_t *p, size_t n,
				    size_t *leaf_at)
{
	struct object_dir *d = root;
	size_t i = 1;

	for (;;) {
		size_t j = i;
		struct object_name *e;

		while (j < n && p[j] != '\\')
			j++;
		if (j == n) {
			*leaf_at = i;
			return d;
		}
		if (!(e = object_dir_find(d, p + i, j - i, false)) || e->obj->ops != &object_dir_ops)
			return NULL;
		d = (struct object_dir *)e->obj;
		i = j + 1;
	}
}

/* Makes standard[i] and keeps it; false out of memory. */
static bool make_one(struct object_namespace *ns, size_t i)
{
	uint16_t path[64], target[64];
	size_t n = widen(standard[i].path, path), at;
	struct object_dir *parent = parent_of(ns->root, path, n, &at);
	struct nt_object *obj;
	struct object_name *on;

	if (!parent || ns->nkept == sizeof(ns->kept) / sizeof(ns->kept[0]))
		return false;
	if (standard[i].kind == DIR) {
		struct object_dir *d = object_dir_new();

		if (d)
			d->keeper = keeper_of(standard[i].path);
		obj = d ? &d->hdr : NULL;
		on = d ? &d->name : NULL;
	} else if (standard[i].kind == DEV) {
		struct object_device *d = object_device_new();

		obj = d ? &d->hdr : NULL;
		on = d ? &d->name : NULL;
	} else {
		struct object_symlink *l = object_symlink_new(target, widen(standard[i].target,
									      target));

		obj = l ? &l->hdr : NULL;
		on = l ? &l->name : NULL;
	}
	if (!obj)
		return false;
	if (!object_dir_enter_kept(parent, path + at, n - at, on, obj)) {
		object_unref(obj);
		return false;
	}
	ns->kept[ns->nkept++] = obj; /* the creation reference */
	return true;
}

struct object_dir *namespace_root(struct lsw_host *h)
{
	struct object_namespace *ns = h->names;

	if (ns)
		return ns->root;
	if (!(ns = calloc(1, sizeof(*ns))) || !(ns->root = object_dir_new())) {
		free(ns);
		return NULL;
	}
	ns->root->is_root = true;
	h->names = ns;
	for (size_t i = 0; i < sizeof(standard) / sizeof(standard[0]); i++)
		if (!make_one(ns, i))
			break; /* out of memory: what exists still works */
	return ns->root;
}

void object_namespace_free(struct lsw_host *h)
{
	struct object_namespace *ns = h->names;

	if (!ns)
		return;
	for (unsigned i = 0; i < ns->nkept; i++) {
		struct object_dir *d = (struct object_dir *)ns->kept[i];

		if (ns->kept[i]->ops == &object_dir_ops && d->keeper)
			d->keeper->release(d);
	}
	while (ns->nkept) /* children first: their names hold their parents */
		object_unref(ns->kept[--ns->nkept]);
	object_unref(&ns->root->hdr);
	free(ns);
	h->names = NULL;
}
