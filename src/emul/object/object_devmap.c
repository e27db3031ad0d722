/*
 * Device maps: what "\??" names for a job.  Windows gives each logon
 * session a DOS device directory of its own, searched before \GLOBAL??;
 * here each job (one `lsw run`, whose --map view says which drives
 * exist) has one: its drives' links ("C:" -> "\Device\HarddiskVolume3"),
 * "Global" -> "\GLOBAL??", and what DefineDosDevice adds.  It is no entry
 * of the tree, so no other job reaches it through a name; \GLOBAL??
 * shows its drives too ("\GLOBAL??\C:", where Windows keeps them).
 *
 * It keeps its drives' links, and the links created in it OBJ_PERMANENT,
 * until they are made temporary or the job ends.  On Windows csrss makes
 * DefineDosDevice's links permanent for the caller; lsw has no csrss, so
 * the one place a program may ask for OBJ_PERMANENT is its own map (a
 * symbolic link there), and the job's end takes such links away.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/io/path.h"
#include "emul/io/volume_device.h"
#include "emul/object/object_ns.h"

/* Enters a link to target[0..tn) named leaf[0..n) in m, kept by m. */
static bool add_link(struct object_dir *m, const uint16_t *leaf, size_t n,
		     const uint16_t *target, size_t tn)
{
	struct object_symlink *l = object_symlink_new(target, tn);

	if (!l)
		return false;
	if (!object_dir_enter_kept(m, leaf, n, &l->name, &l->hdr)) {
		object_unref(&l->hdr);
		return false;
	}
	l->name.kept = true; /* the map's reference */
	return true;
}

/* "Global" and a link for each drive of the view. */
static void fill(struct object_dir *m, const struct path_view *v)
{
	static const uint16_t global[] = { 'G', 'l', 'o', 'b', 'a', 'l' };
	static const uint16_t global_dir[] = { '\\', 'G', 'L', 'O', 'B', 'A', 'L', '?', '?' };
	uint32_t drives = path_drive_mask(v);

	if (!add_link(m, global, 6, global_dir, 9))
		return; /* out of memory: the map works with what it has */
	for (int d = 0; d < 26; d++) {
		uint16_t leaf[2] = { (uint16_t)('A' + d), ':' }, dev[32];

		if ((drives & (1u << d)) && !add_link(m, leaf, 2, dev, volume_device_name(d, dev)))
			return;
	}
}

struct object_dir *devmap_of(struct lsw_thread *t)
{
	static const uint16_t name[] = { '?', '?' };
	struct lsw_job *j = t->process->job;
	struct object_dir *m;

	if (j->device_map)
		return j->device_map;
	if (!(m = object_dir_new()))
		return NULL;
	/* its own name, not entered: a walk finds it by ns_lookup */
	if (!(m->name.leaf = malloc(sizeof(name)))) {
		object_unref(&m->hdr);
		return NULL;
	}
	memcpy(m->name.leaf, name, sizeof(name));
	m->name.len = 2;
	m->name.obj = &m->hdr;
	m->device_map = true;
	j->device_map = m; /* the job's reference */
	fill(m, j->view);
	return m;
}

/* \GLOBAL?? of h's namespace (NULL when it could not be made). */
static struct object_dir *global_dir(struct lsw_host *h)
{
	static const uint16_t name[] = { 'G', 'L', 'O', 'B', 'A', 'L', '?', '?' };
	struct object_dir *root = namespace_root(h);
	struct object_name *e = root ? object_dir_find(root, name, 8, false) : NULL;

	return e && e->obj->ops == &object_dir_ops ? (struct object_dir *)e->obj : NULL;
}

struct object_name *ns_lookup(struct lsw_thread *t, struct object_dir *dir, const uint16_t *s,
			      size_t n, bool fold)
{
	struct lsw_host *h = t->process->host;
	struct object_name *e;
	struct object_dir *m, *g;

	if (dir->is_root && n == 2 && s[0] == '?' && s[1] == '?' && (m = devmap_of(t)))
		return &m->name;
	if (dir->keeper)
		dir->keeper->refresh(h, dir, s, n);
	if ((e = object_dir_find(dir, s, n, fold)) || !(g = global_dir(h)))
		return e;
	if (dir->device_map)
		return object_dir_find(g, s, n, fold);
	/* a drive is the machine's as the job sees it: \GLOBAL??\C: too */
	if (dir == g && n == 2 && s[1] == ':' && (m = devmap_of(t)))
		return object_dir_find(m, s, n, fold);
	return NULL;
}

void devmap_free(struct lsw_job *j)
{
	struct object_dir *m = j->device_map;
	struct object_name *e, *next;

	if (!m)
		return;
	/* the job's processes are gone: no handle names what it keeps */
	for (e = m->entries; e; e = next) {
		struct nt_object *obj = e->obj;

		next = e->next;
		if (!e->kept)
			continue;
		e->kept = false;
		obj->permanent = false;
		object_name_remove(e);
		obj->name = NULL;
		object_unref(obj);
	}
	j->device_map = NULL;
	object_unref(&m->hdr);
}
