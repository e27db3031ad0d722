/*
 * What a program changed, read from an overlay directory's upper layers
 * and compared with the originals (which the program never wrote):
 *
 *   an entry only in the upper layer          created
 *   a file in both whose bytes differ         modified (content)
 *   ... whose bytes are equal, mode, time or
 *       DOS attributes not                    modified (metadata)
 *   ... equal in all of those                 nothing (a copy-up only)
 *   a whiteout (char device 0:0)              deleted
 *   a directory with overlay.redirect         renamed (from the redirect)
 *   an opaque directory                       its old entries deleted
 *
 * overlayfs keeps its own attributes as trusted.overlay.* (privileged
 * mounts) or user.overlay.* (mounts in a user namespace); both are read.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "emul/io/file_attrs.h"
#include "overlay/overlay.h"

struct change {
	struct overlay_entry e;
	char *win, *host, *upper, *from_win, *from_host;
};

struct walker {
	const struct overlay_layer *layer;
	char upper_root[PATH_MAX + 32];
	struct change *list;
	size_t n, cap;
	bool failed;
	char *err;
	size_t errlen;
};

const char *overlay_change_name(enum overlay_change c)
{
	static const char *const names[] = { "created", "modified", "deleted", "renamed" };

	return names[c];
}

/* Paths here are an upper or host directory and a name beneath it: room
 * for two whole host paths, so nothing the program made is cut short. */
#define LONG_PATH (2 * PATH_MAX + 64)

/* "a" + "b" -> "a/b"; "" + "b" -> "b". */
static void join(char *out, size_t len, const char *a, const char *b)
{
	int n = snprintf(out, len, "%s%s%s", a, *a && *b ? "/" : "", b);

	if (n < 0 || (size_t)n >= len)
		out[0] = 0; /* never compare a shortened name: lstat("") fails */
}

/* The Windows name of rel (relative to the layer's directory). */
static void windows_name(const struct overlay_layer *l, const char *rel, char *out, size_t len)
{
	size_t o;

	if (l->kind == OVERLAY_PREFIX) {
		if (strncmp(rel, "drive_c", 7) || (rel[7] && rel[7] != '/')) {
			out[0] = 0; /* lsw's own files in the prefix */
			return;
		}
		snprintf(out, len, "C:\\%s", rel[7] ? rel + 8 : "");
	} else if (l->kind == OVERLAY_DRIVE) {
		snprintf(out, len, "%c:\\%s", l->letter, rel);
	} else {
		snprintf(out, len, "Z:%s%s%s", strcmp(l->host, "/") ? l->host : "", *rel ? "/" : "",
			 rel);
		if (!out[2])
			snprintf(out, len, "Z:\\");
	}
	for (o = 0; out[o]; o++)
		if (out[o] == '/')
			out[o] = '\\';
}

static void add(struct walker *w, enum overlay_change what, bool dir, bool content,
		const char *rel, const struct stat *upper_st, const char *from_rel)
{
	char buf[LONG_PATH];
	struct change *c;

	if (w->n == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 64;
		struct change *l = realloc(w->list, cap * sizeof(*l));

		if (!l) {
			w->failed = true;
			return;
		}
		w->list = l;
		w->cap = cap;
	}
	c = &w->list[w->n++];
	memset(c, 0, sizeof(*c));
	c->e.change = what;
	c->e.dir = dir;
	c->e.content = content;
	c->e.size = upper_st && !dir ? (long long)upper_st->st_size : -1;
	windows_name(w->layer, rel, buf, sizeof(buf));
	c->win = strdup(buf);
	join(buf, sizeof(buf), w->layer->host, rel);
	c->host = strdup(buf);
	if (upper_st)
		join(buf, sizeof(buf), w->upper_root, rel);
	c->upper = strdup(upper_st ? buf : "");
	if (from_rel)
		windows_name(w->layer, from_rel, buf, sizeof(buf));
	c->from_win = strdup(from_rel ? buf : "");
	if (from_rel)
		join(buf, sizeof(buf), w->layer->host, from_rel);
	c->from_host = strdup(from_rel ? buf : "");
	if (!c->win || !c->host || !c->upper || !c->from_win || !c->from_host)
		w->failed = true;
}

/* overlayfs' own attribute NAME ("opaque", "redirect") of path, or "". */
static void overlay_xattr(const char *path, const char *name, char *out, size_t len)
{
	static const char *const spaces[] = { "trusted.overlay.", "user.overlay." };
	char key[64];
	ssize_t n = -1;

	for (unsigned i = 0; i < 2 && n < 0; i++) {
		snprintf(key, sizeof(key), "%s%s", spaces[i], name);
		n = lgetxattr(path, key, out, len - 1);
	}
	out[n > 0 ? n : 0] = 0;
}

static bool is_whiteout(const struct stat *st)
{
	return S_ISCHR(st->st_mode) && st->st_rdev == makedev(0, 0);
}

static bool bytes_differ(const char *a, const char *b, const struct stat *sa,
			 const struct stat *sb)
{
	static char ba[65536], bb[65536];
	bool differ = false;
	int fa, fb;

	if (S_ISLNK(sa->st_mode) != S_ISLNK(sb->st_mode) || sa->st_size != sb->st_size)
		return true;
	if (S_ISLNK(sa->st_mode)) {
		ssize_t na = readlink(a, ba, sizeof(ba)), nb = readlink(b, bb, sizeof(bb));

		return na != nb || na < 0 || memcmp(ba, bb, (size_t)na);
	}
	if (!S_ISREG(sa->st_mode) || !S_ISREG(sb->st_mode))
		return true;
	fa = open(a, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	fb = open(b, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fa < 0 || fb < 0) {
		differ = true;
	} else {
		for (;;) {
			ssize_t na = read(fa, ba, sizeof(ba)), nb = read(fb, bb, sizeof(bb));

			if (na != nb || na < 0 || memcmp(ba, bb, (size_t)na)) {
				differ = true;
				break;
			}
			if (!na)
				break;
		}
	}
	if (fa >= 0)
		close(fa);
	if (fb >= 0)
		close(fb);
	return differ;
}

static bool metadata_differs(const char *a, const char *b, const struct stat *sa,
			     const struct stat *sb)
{
	char xa[16], xb[16];
	ssize_t na = lgetxattr(a, DOS_XATTR, xa, sizeof(xa));
	ssize_t nb = lgetxattr(b, DOS_XATTR, xb, sizeof(xb));

	return (sa->st_mode & 07777) != (sb->st_mode & 07777) ||
	       sa->st_mtim.tv_sec != sb->st_mtim.tv_sec ||
	       sa->st_mtim.tv_nsec != sb->st_mtim.tv_nsec || na != nb ||
	       (na > 0 && memcmp(xa, xb, (size_t)na));
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void walk(struct walker *w, const char *rel, const char *lower_rel);

/* An opaque directory hides everything its original held: what the
 * upper layer does not hold again is deleted. */
static void deleted_beneath(struct walker *w, const char *rel, const char *lower_rel)
{
	char lower[LONG_PATH], upper[LONG_PATH], child[LONG_PATH], p[LONG_PATH];
	struct dirent **names;
	struct stat st;
	int n;

	join(lower, sizeof(lower), w->layer->host, lower_rel);
	join(upper, sizeof(upper), w->upper_root, rel);
	if ((n = scandir(lower, &names, NULL, by_name)) < 0)
		return;
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;

		snprintf(p, sizeof(p), "%s/%s", upper, name);
		if (strcmp(name, ".") && strcmp(name, "..") && lstat(p, &st) < 0) {
			snprintf(p, sizeof(p), "%s/%s", lower, name);
			join(child, sizeof(child), rel, name);
			add(w, CHANGE_DELETED, lstat(p, &st) == 0 && S_ISDIR(st.st_mode), false, child,
			    NULL, NULL);
		}
		free(names[i]);
	}
	free(names);
}

static void visit_dir(struct walker *w, const char *crel, const char *up,
		      const struct stat *ust, const char *lower_crel, bool lower_is_dir,
		      bool lower_exists, const char *lower_parent)
{
	char opaque[8], *redirect = malloc(LONG_PATH), *src = malloc(LONG_PATH);

	if (!redirect || !src) {
		w->failed = true;
		goto out;
	}
	overlay_xattr(up, "redirect", redirect, LONG_PATH);
	overlay_xattr(up, "opaque", opaque, sizeof(opaque));
	if (redirect[0]) {
		/* absolute from the layer's root, or a name in the same parent */
		if (redirect[0] == '/')
			snprintf(src, LONG_PATH, "%s", redirect + 1);
		else
			join(src, LONG_PATH, lower_parent ? lower_parent : "", redirect);
		add(w, CHANGE_RENAMED, true, false, crel, ust, src);
		walk(w, crel, src);
	} else if (lower_is_dir && !strcmp(opaque, "y")) {
		deleted_beneath(w, crel, lower_crel);
		walk(w, crel, lower_crel);
	} else if (lower_is_dir) {
		walk(w, crel, lower_crel);
	} else {
		if (lower_exists) /* a file replaced by a directory */
			add(w, CHANGE_DELETED, false, false, crel, NULL, NULL);
		add(w, CHANGE_CREATED, true, false, crel, ust, NULL);
		walk(w, crel, NULL);
	}
out:
	free(redirect);
	free(src);
}

/* rel: a directory in the upper layer; lower_rel: the original it shows
 * on top of (NULL: none, everything beneath is new). */
static void walk(struct walker *w, const char *rel, const char *lower_rel)
{
	/* one heap frame per level: a hostile program may nest 2000 deep */
	struct frame {
		char crel[LONG_PATH], lower_crel[LONG_PATH], up[LONG_PATH], low[LONG_PATH];
	} *f = malloc(sizeof(*f));
	struct dirent **names;
	int n;

	if (!f) {
		w->failed = true;
		return;
	}
	join(f->up, sizeof(f->up), w->upper_root, rel);
	if ((n = scandir(f->up, &names, NULL, by_name)) < 0) {
		if (!w->failed)
			snprintf(w->err, w->errlen, "%s: %s", f->up, strerror(errno));
		w->failed = true;
		free(f);
		return;
	}
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		struct stat ust, lst;
		bool lower_exists = false;

		if (!strcmp(name, ".") || !strcmp(name, ".."))
			goto next;
		join(f->crel, sizeof(f->crel), rel, name);
		join(f->up, sizeof(f->up), w->upper_root, f->crel);
		f->lower_crel[0] = 0;
		if (lstat(f->up, &ust) < 0)
			goto next;
		if (lower_rel) {
			join(f->lower_crel, sizeof(f->lower_crel), lower_rel, name);
			join(f->low, sizeof(f->low), w->layer->host, f->lower_crel);
			lower_exists = lstat(f->low, &lst) == 0;
		}
		if (is_whiteout(&ust)) {
			if (lower_exists)
				add(w, CHANGE_DELETED, S_ISDIR(lst.st_mode), false, f->crel, NULL, NULL);
		} else if (S_ISDIR(ust.st_mode)) {
			visit_dir(w, f->crel, f->up, &ust, f->lower_crel,
				  lower_exists && S_ISDIR(lst.st_mode), lower_exists, lower_rel);
		} else if (!lower_exists) {
			add(w, CHANGE_CREATED, false, false, f->crel, &ust, NULL);
		} else if (S_ISDIR(lst.st_mode)) {
			add(w, CHANGE_DELETED, true, false, f->crel, NULL, NULL);
			add(w, CHANGE_CREATED, false, false, f->crel, &ust, NULL);
		} else if (bytes_differ(f->up, f->low, &ust, &lst)) {
			add(w, CHANGE_MODIFIED, false, true, f->crel, &ust, NULL);
		} else if (metadata_differs(f->up, f->low, &ust, &lst)) {
			add(w, CHANGE_MODIFIED, false, false, f->crel, &ust, NULL);
		}
next:
		free(names[i]);
	}
	free(names);
	free(f);
}

static int by_path(const void *a, const void *b)
{
	const struct change *x = a, *y = b;
	int r = strcmp(x->win[0] ? x->win : x->host, y->win[0] ? y->win : y->host);

	return r ? r : (int)x->e.change - (int)y->e.change;
}

static void free_changes(struct walker *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->list[i].win);
		free(w->list[i].host);
		free(w->list[i].upper);
		free(w->list[i].from_win);
		free(w->list[i].from_host);
	}
	free(w->list);
}

/* A renamed directory leaves a whiteout where it was: that is the rename,
 * not a deletion. */
static bool renamed_away(const struct walker *w, const struct change *c, size_t nrenamed)
{
	if (c->e.change != CHANGE_DELETED || !nrenamed)
		return false;
	for (size_t i = 0; i < w->n; i++)
		if (w->list[i].e.change == CHANGE_RENAMED && !strcmp(w->list[i].from_host, c->host))
			return true;
	return false;
}

int overlay_diff(const char *dir, void (*fn)(const struct overlay_entry *, void *), void *arg,
		 char *err, size_t errlen)
{
	static struct overlay_manifest m; /* big: not on the stack */
	struct walker w = { .err = err, .errlen = errlen };
	size_t nrenamed = 0;

	if (overlay_manifest_read(dir, &m, err, errlen) < 0)
		return -1;
	snprintf(err, errlen, "out of memory");
	for (unsigned i = 0; i < m.nlayers && !w.failed; i++) {
		w.layer = &m.layers[i];
		snprintf(w.upper_root, sizeof(w.upper_root), "%s/%u/upper", dir, w.layer->number);
		walk(&w, "", "");
	}
	if (w.failed) {
		free_changes(&w);
		return -1;
	}
	qsort(w.list, w.n, sizeof(*w.list), by_path);
	for (size_t i = 0; i < w.n; i++)
		nrenamed += w.list[i].e.change == CHANGE_RENAMED;
	for (size_t i = 0; i < w.n; i++) {
		struct change *c = &w.list[i];

		if (renamed_away(&w, c, nrenamed))
			continue;
		c->e.win = c->win;
		c->e.host = c->host;
		c->e.upper = c->upper;
		c->e.from_win = c->from_win;
		c->e.from_host = c->from_host;
		fn(&c->e, arg);
	}
	free_changes(&w);
	return 0;
}
