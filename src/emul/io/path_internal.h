/* What path.c and path_walk.c share: the drives and the allowed roots. */
#ifndef LSW_PATH_INTERNAL_H
#define LSW_PATH_INTERNAL_H

#include <limits.h>
#include "emul/io/path.h"

#define PATH_MAX_ALLOWED (2 + LSW_MAX_MAPPINGS)

struct allowed_root {
	char path[PATH_MAX];       /* resolved (realpath) */
	char alias[PATH_MAX];      /* the same directory as the user named it, through
				    * links ("/home/u/x" for /data/home/u/x), or "" */
	bool read_only;
};

struct drive {
	char root[PATH_MAX];       /* host directory of X:\ */
	char real_root[PATH_MAX];  /* the same, resolved */
	bool filtered;             /* only the view's allowed subtrees exist */
	bool read_only;
	const struct path_view *view; /* the view it belongs to */
};

/* The drives of one job (path_view_new). */
struct path_view {
	struct drive drives[26];
	struct allowed_root allowed[PATH_MAX_ALLOWED];
	int nallowed;
	char system32[PATH_MAX];   /* our DLLs: C:\Windows\System32 serves them */
	char program[PATH_MAX];    /* the job's program as named, when resolved */
	char program_real[PATH_MAX]; /* its resolution, made with the view */
};

/* a equals b, or is a directory above it ("/x" holds "/x/y", not "/xy"). */
bool path_same_or_above(const char *a, const char *b);

/* Where a walk ended. */
struct walk_end {
	char host[PATH_MAX];       /* the drive root and the names as found on disk
				    * (links not followed: what the program named) */
	char real[PATH_MAX];       /* the same with every link followed */
	bool exists;               /* the last component exists */
	bool above;                /* it is a directory holding an allowed root */
};

/* Looks up comps[0..n) below d's root, matching names case-insensitively.
 * Nothing outside the roots the drive allows is ever looked at: above them
 * only the roots' own names exist, and a link is followed one component
 * at a time, each checked before it is touched.  STATUS_SUCCESS (the last
 * component may be missing: end->exists; or the walk ended above the
 * roots: end->above), OBJECT_PATH_NOT_FOUND (outside, or a directory on
 * the way is missing), NAME_TOO_LONG. */
NTSTATUS path_walk(const struct drive *d, char *const *comps, int n, struct walk_end *end);

#endif
