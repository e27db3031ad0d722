/*
 * --overlay DIR: every write the program makes lands in DIR instead of
 * the prefix and the mapped directories.  Each writable host directory
 * (the prefix, the current directory, every read-write --map) becomes one
 * layer: a kernel overlayfs mounted over it, in a mount namespace of the
 * supervisor's own, with DIR/<n>/upper holding what changed.  The host's
 * directories are never written; `lsw diff DIR` reads the upper layers.
 */
#ifndef LSW_OVERLAY_H
#define LSW_OVERLAY_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#define OVERLAY_MAX_LAYERS 20
#define OVERLAY_MANIFEST "lsw-overlay.txt"

/* What a layer's files are called on the Windows side. */
enum overlay_kind {
	OVERLAY_PREFIX,   /* the prefix: drive_c\x is C:\x */
	OVERLAY_HOST,     /* a directory at its own path on Z: */
	OVERLAY_DRIVE,    /* a --map D:=DIR drive */
};

struct overlay_layer {
	unsigned number;            /* DIR/<number>/upper */
	enum overlay_kind kind;
	char letter;                /* OVERLAY_DRIVE: 'D'... */
	char host[PATH_MAX];        /* the original directory (resolved) */
};

struct overlay_manifest {
	struct overlay_layer layers[OVERLAY_MAX_LAYERS];
	unsigned nlayers;
};

/* manifest.c: DIR/lsw-overlay.txt.  0, or -1 with a message in err. */
int overlay_manifest_read(const char *dir, struct overlay_manifest *m, char *err, size_t errlen);
int overlay_manifest_write(const char *dir, const struct overlay_manifest *m, char *err,
			   size_t errlen);

/* mount.c: adds the layer for host (a resolved directory), unless a layer
 * already covers it; a layer inside it is replaced by it. */
int overlay_add_root(struct overlay_manifest *want, enum overlay_kind kind, char letter,
		     const char *host, char *err, size_t errlen);
/* Enters a private mount namespace (a user namespace too when not
 * privileged) and mounts each wanted layer over its directory, its upper
 * layer in dir (created if missing; an existing overlay directory is
 * continued).  0, or -1 with a message in err and nothing mounted. */
int overlay_enter(const char *dir, const struct overlay_manifest *want, char *err,
		  size_t errlen);

/* diff.c: one change found in an overlay directory. */
enum overlay_change { CHANGE_CREATED, CHANGE_MODIFIED, CHANGE_DELETED, CHANGE_RENAMED };
struct overlay_entry {
	enum overlay_change change;
	bool dir;                   /* a directory (else a file or link) */
	bool content;               /* MODIFIED: the bytes differ (else metadata only) */
	long long size;             /* the new size, -1 if gone */
	const char *win;            /* the Windows path, "" if none (prefix internals) */
	const char *host;           /* the host path the program changed */
	const char *upper;          /* where the new content is, "" if gone */
	const char *from_win;       /* RENAMED: the old Windows path, else "" */
	const char *from_host;      /* RENAMED: the old host path, else "" */
};
/* Calls fn for every change, in path order.  0, or -1 with err set. */
int overlay_diff(const char *dir, void (*fn)(const struct overlay_entry *, void *), void *arg,
		 char *err, size_t errlen);
const char *overlay_change_name(enum overlay_change c);

#endif
