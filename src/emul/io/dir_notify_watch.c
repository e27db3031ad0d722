/*
 * Directory change notifications, the host side: one inotify instance per
 * watched handle (so that two handles on one directory never share a
 * watch descriptor), non-blocking, read from the host's loop and after
 * each file or object call (dir_notify_drain).  It sees the program's own changes and
 * those other host processes make alike.
 *
 * inotify event -> FILE_ACTION_*, and the CompletionFilter bits that let
 * it through:
 *   IN_CREATE, IN_MOVED_TO   ADDED       FILE_NAME or DIR_NAME
 *   IN_DELETE, IN_MOVED_FROM REMOVED     FILE_NAME or DIR_NAME
 *   IN_MOVED_FROM + IN_MOVED_TO of one rename (same cookie, adjacent):
 *                            RENAMED_OLD_NAME, RENAMED_NEW_NAME
 *   IN_MODIFY                MODIFIED    SIZE, LAST_WRITE
 *   IN_ATTRIB                MODIFIED    ATTRIBUTES, LAST_WRITE,
 *                                        LAST_ACCESS, CREATION, SECURITY
 * With WatchTree every directory beneath is watched as well (new ones as
 * they appear), and names are relative paths ("sub\file").
 */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/dir_notify.h"
#include "emul/io/path.h"

#define FILE_NOTIFY_CHANGE_FILE_NAME 0x001u
#define FILE_NOTIFY_CHANGE_DIR_NAME 0x002u
#define FILE_NOTIFY_CHANGE_ATTRIBUTES 0x004u
#define FILE_NOTIFY_CHANGE_SIZE 0x008u
#define FILE_NOTIFY_CHANGE_LAST_WRITE 0x010u
#define FILE_NOTIFY_CHANGE_LAST_ACCESS 0x020u
#define FILE_NOTIFY_CHANGE_CREATION 0x040u
#define FILE_NOTIFY_CHANGE_SECURITY 0x100u
#define WATCH_MASK (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | \
		    IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK)
#define DIRS_MAX 4096                /* directories one tree watch follows */
#define COLLECT_MAX (1u << 20)       /* bytes of records kept between calls */
#define NAME_MAX_UNITS 32767

static void on_ready(void *arg, uint32_t events)
{
	(void)events;
	dir_notify_read(arg);
}

static struct watched_dir *dir_by_wd(struct dir_notify *n, int wd)
{
	for (size_t i = 0; i < n->ndirs; i++)
		if (n->dirs[i].wd == wd)
			return &n->dirs[i];
	return NULL;
}

static void watch_tree(struct dir_notify *n, const char *root, const char *rel);

/* Watches root/rel (and, for a tree, what is beneath it). */
static int watch_dir(struct dir_notify *n, const char *root, const char *rel)
{
	char path[PATH_MAX];
	struct watched_dir *d;
	int wd;

	if (n->ndirs >= DIRS_MAX)
		return -1;
	if (snprintf(path, sizeof(path), "%s%s%s", root, *rel ? "/" : "", rel) >= (int)sizeof(path))
		return -1;
	if ((wd = inotify_add_watch(n->ifd, path, WATCH_MASK)) < 0)
		return -1;
	if ((d = dir_by_wd(n, wd)))
		return 0; /* the same directory by another way */
	if (n->ndirs == n->capdirs) {
		size_t cap = n->capdirs ? n->capdirs * 2 : 8;
		struct watched_dir *dirs = realloc(n->dirs, cap * sizeof(*dirs));

		if (!dirs)
			return -1;
		n->dirs = dirs;
		n->capdirs = cap;
	}
	if (!(n->dirs[n->ndirs].rel = strdup(rel)))
		return -1;
	n->dirs[n->ndirs++].wd = wd;
	if (n->subtree)
		watch_tree(n, root, rel);
	return 0;
}

static void watch_tree(struct dir_notify *n, const char *root, const char *rel)
{
	char path[PATH_MAX], sub[PATH_MAX];
	struct dirent *e;
	DIR *dir;

	if (snprintf(path, sizeof(path), "%s%s%s", root, *rel ? "/" : "", rel) >= (int)sizeof(path) ||
	    !(dir = opendir(path)))
		return;
	while ((e = readdir(dir))) {
		if (e->d_type != DT_DIR || !strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", e->d_name) <
		    (int)sizeof(sub))
			watch_dir(n, root, sub);
	}
	closedir(dir);
}

static void forget_dir(struct dir_notify *n, struct watched_dir *d)
{
	free(d->rel);
	*d = n->dirs[--n->ndirs];
}

/* inotify reports no IN_DELETE_SELF while the handle holds the directory
 * open, so its removal is seen in its parent. */
static void watch_parent(struct dir_notify *n, const char *host_path)
{
	char path[PATH_MAX];
	char *slash;

	if (strlen(host_path) >= sizeof(path))
		return;
	strcpy(path, host_path);
	if (!(slash = strrchr(path, '/')) || !slash[1] || !(n->root_name = strdup(slash + 1)))
		return;
	*slash = 0;
	n->parent_wd = inotify_add_watch(n->ifd, slash == path ? "/" : path, IN_DELETE | IN_ONLYDIR);
}

/* The parent reports a removal: is it the watched directory's? */
static void parent_event(struct dir_notify *n, const struct inotify_event *ev)
{
	struct stat sb;

	if ((ev->mask & IN_DELETE) && (ev->mask & IN_ISDIR) && ev->len && n->root_name &&
	    !strcmp(ev->name, n->root_name) && n->file->fd >= 0 &&
	    fstat(n->file->fd, &sb) == 0 && sb.st_nlink == 0)
		n->deleted = true;
}

/* inotify's limits (instances, watches) are the host's resources. */
static NTSTATUS start_error(int e)
{
	if (!e || e == EMFILE || e == ENFILE || e == ENOSPC || e == ENOMEM)
		return LSW_STATUS_INSUFFICIENT_RESOURCES;
	return errno_to_status(e);
}

NTSTATUS dir_notify_watch_start(struct dir_notify *n, const char *host_path)
{
	errno = 0;
	n->parent_wd = -1;
	if ((n->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0)
		return start_error(errno);
	if (watch_dir(n, host_path, "") < 0 ||
	    loop_watch(&n->file->host->loop, n->ifd, EPOLLIN, on_ready, n) < 0) {
		NTSTATUS st = start_error(errno);

		dir_notify_watch_stop(n);
		return st;
	}
	watch_parent(n, host_path);
	return LSW_STATUS_SUCCESS;
}

void dir_notify_watch_stop(struct dir_notify *n)
{
	if (n->ifd >= 0) {
		loop_unwatch(&n->file->host->loop, n->ifd);
		close(n->ifd);
		n->ifd = -1;
	}
	while (n->ndirs)
		forget_dir(n, &n->dirs[0]);
	free(n->dirs);
	n->dirs = NULL;
	n->capdirs = 0;
	free(n->root_name);
	n->root_name = NULL;
}

static uint32_t filter_of(uint32_t mask)
{
	uint32_t name = (mask & IN_ISDIR) ? FILE_NOTIFY_CHANGE_DIR_NAME : FILE_NOTIFY_CHANGE_FILE_NAME;

	if (mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO))
		return name;
	if (mask & IN_MODIFY)
		return FILE_NOTIFY_CHANGE_SIZE | FILE_NOTIFY_CHANGE_LAST_WRITE;
	if (mask & IN_ATTRIB)
		return FILE_NOTIFY_CHANGE_ATTRIBUTES | FILE_NOTIFY_CHANGE_LAST_WRITE |
		       FILE_NOTIFY_CHANGE_LAST_ACCESS | FILE_NOTIFY_CHANGE_CREATION |
		       FILE_NOTIFY_CHANGE_SECURITY;
	return 0;
}

static uint32_t action_of(uint32_t mask)
{
	if (mask & (IN_CREATE | IN_MOVED_TO))
		return FILE_ACTION_ADDED;
	if (mask & (IN_DELETE | IN_MOVED_FROM))
		return FILE_ACTION_REMOVED;
	return FILE_ACTION_MODIFIED;
}

/* Collects one record; past what may be kept, only "too much". */
static struct dir_change *collect(struct dir_notify *n, uint32_t action, const char *rel,
				  const char *name)
{
	char path[PATH_MAX];
	uint16_t units[NAME_MAX_UNITS];
	struct dir_change *ch;
	size_t len;

	if (snprintf(path, sizeof(path), "%s%s%s", rel, *rel ? "/" : "", name) >= (int)sizeof(path))
		return NULL;
	len = utf8_to_utf16(path, units, NAME_MAX_UNITS);
	for (size_t i = 0; i < len; i++)
		if (units[i] == '/')
			units[i] = '\\';
	if (n->overflow || n->collected + 16 + len * 2 > COLLECT_MAX ||
	    !(ch = malloc(sizeof(*ch) + len * 2))) {
		n->overflow = true;
		return NULL;
	}
	ch->next = NULL;
	ch->action = action;
	ch->len = (uint32_t)len;
	memcpy(ch->name, units, len * 2);
	if (n->last)
		n->last->next = ch;
	else
		n->first = ch;
	n->last = ch;
	n->collected += (12 + len * 2 + 3) & ~(size_t)3;
	if (n->collected > n->limit)
		n->overflow = true; /* more than the program's buffer holds */
	return ch;
}

/* A rename is two adjacent events with one cookie: the first was
 * collected as REMOVED and becomes RENAMED_OLD_NAME. */
static uint32_t pair_rename(struct dir_notify *n, const struct inotify_event *ev)
{
	if (!(ev->mask & IN_MOVED_TO) || !n->moved_from || n->moved_from != n->last ||
	    n->moved_cookie != ev->cookie)
		return action_of(ev->mask);
	n->moved_from->action = FILE_ACTION_RENAMED_OLD_NAME;
	return FILE_ACTION_RENAMED_NEW_NAME;
}

static void follow_new_dir(struct dir_notify *n, const struct watched_dir *d, const char *name)
{
	char rel[PATH_MAX];

	if (snprintf(rel, sizeof(rel), "%s%s%s", d->rel, *d->rel ? "/" : "", name) <
	    (int)sizeof(rel))
		watch_dir(n, n->file->name_utf8, rel);
}

static void handle_event(struct dir_notify *n, const struct inotify_event *ev)
{
	struct watched_dir *d = dir_by_wd(n, ev->wd);
	struct dir_change *ch;
	uint32_t action;

	if (ev->mask & IN_Q_OVERFLOW) { /* the host dropped events: list again */
		n->overflow = true;
		return;
	}
	if (ev->wd == n->parent_wd) {
		parent_event(n, ev);
		return;
	}
	if (!d)
		return;
	if ((ev->mask & (IN_IGNORED | IN_DELETE_SELF)) && d == &n->dirs[0]) {
		n->deleted = true; /* the watched directory itself */
		return;
	}
	if (ev->mask & (IN_IGNORED | IN_DELETE_SELF)) { /* one beneath it went */
		if (ev->mask & IN_IGNORED)
			forget_dir(n, d);
		return;
	}
	if (!ev->len || !(n->filter & filter_of(ev->mask)))
		return;
	action = pair_rename(n, ev);
	ch = collect(n, action, d->rel, ev->name);
	n->moved_from = (ev->mask & IN_MOVED_FROM) ? ch : NULL;
	n->moved_cookie = ev->cookie;
	if (n->subtree && (ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)))
		follow_new_dir(n, d, ev->name);
}

void dir_notify_read(struct dir_notify *n)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t got;

	while (n->ifd >= 0 && (got = read(n->ifd, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + got;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;

			handle_event(n, ev);
			p += sizeof(*ev) + ev->len;
		}
	}
	while (n->reqs && (n->first || n->overflow || n->deleted))
		dir_notify_deliver(n);
}
