/*
 * Directory change notifications: NtNotifyChangeDirectoryFile(Ex).
 *
 * A directory handle's first notify call starts its watch (struct
 * dir_notify, kept until the handle goes): the filter and WatchTree of
 * that call hold for the handle's life, as on Windows.  Changes are
 * collected from then on, also while no call waits; each call takes what
 * was collected.  dir_notify.c serves the calls, dir_notify_watch.c turns
 * inotify events into FILE_NOTIFY_INFORMATION records.
 */
#ifndef LSW_DIR_NOTIFY_H
#define LSW_DIR_NOTIFY_H

#include "emul/io/file.h"
#include "emul/sync/waitable.h"

/* FILE_ACTION_* */
#define FILE_ACTION_ADDED 1u
#define FILE_ACTION_REMOVED 2u
#define FILE_ACTION_MODIFIED 3u
#define FILE_ACTION_RENAMED_OLD_NAME 4u
#define FILE_ACTION_RENAMED_NEW_NAME 5u

/* One change, its name relative to the watched directory (UTF-16). */
struct dir_change {
	struct dir_change *next;
	uint32_t action;
	uint32_t len;                /* UTF-16 units */
	uint16_t name[];
};

struct watched_dir {
	int wd;
	char *rel;                   /* "" for the directory itself, else "a/b" */
};

struct notify_req;

struct dir_notify {
	struct waitable wait;        /* the file, set when a call ended with no event */
	bool signaled;
	struct file_object *file;
	struct dir_notify *next;     /* the host's watches */
	int ifd;                     /* inotify, in the host's loop */
	int parent_wd;               /* the parent directory, for the removal of */
	char *root_name;             /* the watched one (by this name), or -1/NULL */
	uint32_t filter;
	bool subtree;
	struct watched_dir *dirs;
	size_t ndirs, capdirs;
	struct dir_change *first, *last; /* collected, not yet taken */
	size_t collected;            /* bytes they take as records */
	uint32_t limit;              /* what may be collected: the first call's Length */
	bool overflow;               /* more changed than could be kept */
	bool deleted;                /* the directory itself was removed */
	struct dir_change *moved_from; /* the last record, if an unpaired IN_MOVED_FROM */
	uint32_t moved_cookie;
	struct notify_req *reqs;     /* calls waiting, oldest first */
};

/* dir_notify_watch.c */
/* Starts watching f's directory (and its tree): 0 or an NTSTATUS. */
NTSTATUS dir_notify_watch_start(struct dir_notify *n, const char *host_path);
/* Reads what inotify has for n, collects it and ends calls it answers. */
void dir_notify_read(struct dir_notify *n);
void dir_notify_watch_stop(struct dir_notify *n);

/* dir_notify.c */
/* Ends the oldest waiting call if anything was collected. */
void dir_notify_deliver(struct dir_notify *n);
/* Reads every watch of host h now, so that a change the program made
 * itself is seen before its next call (dispatch.c). */
void dir_notify_drain(struct lsw_host *h);
/* The handle is going: its calls end with STATUS_NOTIFY_CLEANUP. */
void dir_notify_free(struct dir_notify *n);
/* NtCancelIoFile(Ex): the calls of thread tid (0: any) or with that
 * IO_STATUS_BLOCK (0: any) end with STATUS_CANCELLED; how many. */
unsigned dir_notify_cancel(struct file_object *f, uint32_t tid, uint64_t iosb);
struct waitable *dir_notify_waitable(struct file_object *f);

#endif
