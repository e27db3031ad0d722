/*
 * Walking an NT path's components on the host without ever looking
 * outside the sandbox.  The walk stands at a resolved host directory
 * (w->real) in one of two zones:
 *   inside - at or below a root the drive allows: the host is asked
 *            (lstat, then a directory scan for a case-insensitive match);
 *   above  - a directory holding such a root (on Z:, "/", "/home", ...):
 *            only the roots' own next names exist there, and the host is
 *            not asked at all.
 * Everything else is outside and never reached: a name that would lead
 * there does not exist.  A symbolic link (met inside) is followed by
 * reading it and walking its target, one component at a time, under the
 * same rules, so a link out of the roots is never followed either.
 *
 * (Looking a name up first and checking where it landed afterwards, as
 * before, let a program time the host: an existing name outside the roots
 * answered 3-12x faster than a missing one.)
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/path_internal.h"
#include "emul/io/short_name.h"

#define MAX_LINKS 40 /* Linux's own limit on links in one lookup */

enum zone { ZONE_OUTSIDE, ZONE_ABOVE, ZONE_INSIDE };

struct walk {
	const struct drive *d;
	char real[PATH_MAX]; /* resolved: no link in it where it is inside */
	int links;
};

/* The roots a drive allows: the allowed roots on a filtered drive (Z:),
 * else the drive's own root. */
static int nroots(const struct drive *d)
{
	return d->filtered ? d->view->nallowed : 1;
}

static const char *root_path(const struct drive *d, int i)
{
	return d->filtered ? d->view->allowed[i].path : d->real_root;
}

static const char *root_alias(const struct drive *d, int i)
{
	return d->filtered ? d->view->allowed[i].alias : "";
}

static enum zone zone_of(const struct drive *d, const char *real)
{
	enum zone z = ZONE_OUTSIDE;

	for (int i = 0; i < nroots(d); i++) {
		const char *alias = root_alias(d, i);

		if (path_same_or_above(root_path(d, i), real))
			return ZONE_INSIDE;
		if (path_same_or_above(real, root_path(d, i)) ||
		    (alias[0] && path_same_or_above(real, alias)))
			z = ZONE_ABOVE;
	}
	return z;
}

/* dir + "/" + name into out (PATH_MAX; out may be dir itself); false if
 * it does not fit. */
static bool join(char *out, const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	bool sep = !dl || dir[dl - 1] != '/';

	if (dl + sep + nl >= PATH_MAX)
		return false;
	if (out != dir)
		memcpy(out, dir, dl);
	if (sep)
		out[dl++] = '/';
	memcpy(out + dl, name, nl + 1);
	return true;
}

static void parent_of(char *real)
{
	char *slash = strrchr(real, '/');

	if (slash)
		slash[slash == real] = 0; /* "/a" -> "/", "/a/b" -> "/a" */
}

/* The name in dir equal to comp but for case, into name (NAME_MAX + 1). */
static bool scan_dir(const char *dir, const char *comp, char *name)
{
	struct dirent *e;
	bool found = false;
	DIR *d = opendir(dir);

	while (d && !found && (e = readdir(d))) {
		if (!strcasecmp(e->d_name, comp)) {
			/* copy now: the next readdir may reuse the entry's buffer */
			snprintf(name, NAME_MAX + 1, "%s", e->d_name);
			found = true;
		}
	}
	if (d)
		closedir(d);
	return found;
}

/* Inside: comp in w->real on the host (the exact name first, one lstat,
 * then any case unless exact, then as the 8.3 short name of an entry);
 * *is_link if it is a symbolic link. */
static bool lookup_inside(struct walk *w, const char *comp, bool exact, char *name,
			  bool *is_link)
{
	char path[PATH_MAX];
	struct stat st;

	if (!join(path, w->real, comp))
		return false;
	if (lstat(path, &st) == 0) {
		snprintf(name, NAME_MAX + 1, "%s", comp);
	} else if (exact ||
		   !(scan_dir(w->real, comp, name) ||
		     (short_name_candidate(comp) && short_name_lookup(w->real, comp, name))) ||
		   !join(path, w->real, name) || lstat(path, &st) < 0) {
		return false;
	}
	*is_link = S_ISLNK(st.st_mode);
	return true;
}

/* The name that follows dir in path, which dir is above. */
static const char *name_after(const char *dir, const char *path, size_t *len)
{
	size_t dl = strlen(dir);
	const char *next = path + dl + (dl > 1);

	*len = strcspn(next, "/");
	return next;
}

/* The spelling of comp among the names that follow w->real in the roots
 * below it and in their aliases: the same spelling, or else (unless
 * exact) the first that differs only in case.  NULL if none. */
static const char *root_name(const struct walk *w, const char *comp, bool exact)
{
	size_t clen = strlen(comp), n;
	const char *other_case = NULL;

	for (int i = 0; i < nroots(w->d); i++) {
		const char *cand[2] = { root_path(w->d, i), root_alias(w->d, i) };

		for (int k = 0; k < 2; k++) {
			const char *next;

			if (!cand[k][0] || !strcmp(w->real, cand[k]) ||
			    !path_same_or_above(w->real, cand[k]))
				continue;
			next = name_after(w->real, cand[k], &n);
			if (n == clen && !strncmp(next, comp, n))
				return next;
			if (n == clen && !exact && !other_case && !strncasecmp(next, comp, n))
				other_case = next;
		}
	}
	return other_case;
}

/* Above: comp is the next name of a root (or of the way the user named
 * it) below w->real, taken as that root spells it; nothing is asked of
 * the host.  On reaching the end of a root's alias the walk continues at
 * the root itself (*via_alias). */
static bool lookup_above(struct walk *w, const char *comp, bool exact, char *name,
			 bool *via_alias)
{
	const char *spelling = root_name(w, comp, exact);
	size_t clen = strlen(comp);

	if (!spelling || !join(w->real, w->real, comp))
		return false;
	memcpy(w->real + strlen(w->real) - clen, spelling, clen);
	snprintf(name, NAME_MAX + 1, "%.*s", (int)clen, spelling);
	for (int i = 0; i < nroots(w->d); i++) {
		if (!root_alias(w->d, i)[0] || strcmp(w->real, root_alias(w->d, i)))
			continue;
		/* roots are resolved paths, shorter than PATH_MAX */
		memcpy(w->real, root_path(w->d, i), strlen(root_path(w->d, i)) + 1);
		*via_alias = true;
		break;
	}
	return true;
}

enum step { STEP_FOUND, STEP_MISSING_LAST, STEP_NOT_FOUND };

/* comp in w->real; a directory found (not a link) is entered. */
static bool lookup(struct walk *w, const char *comp, bool exact, char *name, bool *is_link,
		   bool *via_alias)
{
	enum zone z = zone_of(w->d, w->real);

	*is_link = *via_alias = false;
	if (strlen(comp) > NAME_MAX)
		return false; /* no host name is that long */
	if (z == ZONE_ABOVE)
		return lookup_above(w, comp, exact, name, via_alias);
	if (z != ZONE_INSIDE || !lookup_inside(w, comp, exact, name, is_link))
		return false;
	return *is_link || join(w->real, w->real, name);
}

/* Replaces the text before *at in pending (2 * PATH_MAX) with the target
 * of link (the entry name in w->real); an absolute target restarts the
 * walk at "/". */
static bool splice(struct walk *w, const char *name, char *pending, size_t *at)
{
	char link[PATH_MAX], target[PATH_MAX], rest[2 * PATH_MAX];
	ssize_t n;

	if (++w->links > MAX_LINKS || !join(link, w->real, name) ||
	    (n = readlink(link, target, sizeof(target) - 1)) <= 0)
		return false;
	target[n] = 0;
	if ((size_t)snprintf(rest, sizeof(rest), "%s", pending + *at) >= sizeof(rest) ||
	    (size_t)snprintf(pending, 2 * PATH_MAX, "%s/%s", target, rest) >= 2 * PATH_MAX)
		return false;
	*at = 0;
	if (target[0] == '/')
		snprintf(w->real, PATH_MAX, "/");
	return true;
}

/* The next component of pending from *at into comp; false at the end. */
static bool next_component(const char *pending, size_t *at, char *comp, bool *last)
{
	size_t n;

	while (pending[*at] == '/')
		(*at)++;
	n = strcspn(pending + *at, "/");
	if (!n)
		return false;
	snprintf(comp, NAME_MAX + 2, "%.*s", (int)(n > NAME_MAX ? NAME_MAX + 1 : n),
		 pending + *at);
	*at += n;
	*last = !pending[*at + strspn(pending + *at, "/")];
	return true;
}

/* w->real holds the link name: w->real becomes where the link leads.
 * STEP_MISSING_LAST: all but the target's last name exist (w->real then
 * names the missing one, inside). */
static enum step follow(struct walk *w, const char *name)
{
	char pending[2 * PATH_MAX] = "", comp[NAME_MAX + 2], found[NAME_MAX + 1];
	size_t at = 0;
	bool last, is_link, via_alias;

	if (!splice(w, name, pending, &at))
		return STEP_NOT_FOUND;
	while (next_component(pending, &at, comp, &last)) {
		if (!strcmp(comp, "."))
			continue;
		if (!strcmp(comp, "..")) {
			parent_of(w->real);
			continue;
		}
		if (lookup(w, comp, true, found, &is_link, &via_alias)) {
			if (is_link && !splice(w, found, pending, &at))
				return STEP_NOT_FOUND;
			continue;
		}
		if (!last || zone_of(w->d, w->real) != ZONE_INSIDE || !join(w->real, w->real, comp))
			return STEP_NOT_FOUND;
		return STEP_MISSING_LAST;
	}
	return STEP_FOUND;
}

static NTSTATUS append(char *host, const char *name)
{
	return join(host, host, name) ? LSW_STATUS_SUCCESS : LSW_STATUS_NAME_TOO_LONG;
}

NTSTATUS path_walk(const struct drive *d, char *const *comps, int n, struct walk_end *end)
{
	struct walk w = { .d = d };
	char name[NAME_MAX + 1];
	bool is_link, via_alias;

	if (!d->filtered && !d->real_root[0])
		return LSW_STATUS_OBJECT_PATH_NOT_FOUND; /* the drive's directory is gone */
	snprintf(w.real, PATH_MAX, "%s", d->filtered ? "/" : d->real_root);
	snprintf(end->host, PATH_MAX, "%s", d->root);
	end->exists = true;
	end->above = false;
	for (int i = 0; i < n; i++) {
		enum step s = STEP_FOUND;

		if (!lookup(&w, comps[i], false, name, &is_link, &via_alias)) {
			/* a missing last name can be created, if inside */
			if (i + 1 < n || zone_of(d, w.real) != ZONE_INSIDE || !join(w.real, w.real, comps[i]))
				return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
			end->exists = false;
			snprintf(end->real, PATH_MAX, "%s", w.real);
			return append(end->host, comps[i]); /* never a shortened name */
		}
		if (is_link)
			s = follow(&w, name);
		if (s == STEP_NOT_FOUND || (s == STEP_MISSING_LAST && i + 1 < n))
			return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
		if (via_alias) /* name the root by its real path from here on */
			snprintf(end->host, PATH_MAX, "%s", w.real);
		else if (append(end->host, name) != LSW_STATUS_SUCCESS)
			return LSW_STATUS_NAME_TOO_LONG;
	}
	snprintf(end->real, PATH_MAX, "%s", w.real);
	end->above = zone_of(d, w.real) == ZONE_ABOVE;
	return end->above || zone_of(d, w.real) == ZONE_INSIDE ? LSW_STATUS_SUCCESS
							       : LSW_STATUS_OBJECT_PATH_NOT_FOUND;
}
