/*
 * Mounting the overlay: a private mount namespace for the supervisor (and
 * so its program), one overlayfs per writable directory, each over the
 * directory itself, so every path the supervisor already uses lands in
 * the overlay with nothing else changed.  Unprivileged users get a user
 * namespace mapping only themselves, as overlayfs allows there since
 * Linux 5.11; the host's mount table never sees these mounts.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "overlay/overlay.h"

/* a equals b, or is a directory above it ("/x" holds "/x/y", not "/xy"). */
static bool same_or_above(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (n == 1 && a[0] == '/')
		return true;
	return !strncmp(a, b, n) && (b[n] == 0 || b[n] == '/');
}

int overlay_add_root(struct overlay_manifest *want, enum overlay_kind kind, char letter,
		     const char *host, char *err, size_t errlen)
{
	struct overlay_layer *l;

	if (strchr(host, '\n') || strlen(host) >= sizeof(l->host)) {
		snprintf(err, errlen, "cannot overlay %s: a newline in the name", host);
		return -1;
	}
	for (unsigned i = 0; i < want->nlayers; i++) {
		if (same_or_above(want->layers[i].host, host))
			return 0; /* its layer shows it already */
		if (same_or_above(host, want->layers[i].host))
			want->layers[i--] = want->layers[--want->nlayers];
	}
	if (want->nlayers == OVERLAY_MAX_LAYERS) {
		snprintf(err, errlen, "at most %d overlaid directories", OVERLAY_MAX_LAYERS);
		return -1;
	}
	l = &want->layers[want->nlayers++];
	memset(l, 0, sizeof(*l));
	l->kind = kind;
	l->letter = letter;
	snprintf(l->host, sizeof(l->host), "%s", host);
	return 0;
}

static bool dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool empty = true;

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = false;
	if (d)
		closedir(d);
	return empty;
}

/* The layers to mount: the ones an earlier run made in this directory
 * (their upper layers hold its changes) and any new ones wanted now. */
static int merge_layers(const char *dir, const struct overlay_manifest *want,
			struct overlay_manifest *out, char *err, size_t errlen)
{
	char manifest[PATH_MAX + 32];
	unsigned next = 0;

	snprintf(manifest, sizeof(manifest), "%s/%s", dir, OVERLAY_MANIFEST);
	if (access(manifest, F_OK) == 0) {
		if (overlay_manifest_read(dir, out, err, errlen) < 0)
			return -1;
	} else if (!dir_is_empty(dir)) {
		snprintf(err, errlen, "%s is not empty and holds no %s: not an lsw overlay directory",
			 dir, OVERLAY_MANIFEST);
		return -1;
	} else {
		memset(out, 0, sizeof(*out));
	}
	for (unsigned i = 0; i < out->nlayers; i++)
		if (out->layers[i].number >= next)
			next = out->layers[i].number + 1;
	for (unsigned i = 0; i < want->nlayers; i++) {
		const struct overlay_layer *w = &want->layers[i];
		bool covered = false;

		for (unsigned j = 0; j < out->nlayers && !covered; j++) {
			if (same_or_above(out->layers[j].host, w->host)) {
				covered = true;
			} else if (same_or_above(w->host, out->layers[j].host)) {
				snprintf(err, errlen, "%s already overlays %s, inside %s; an overlay "
					 "directory is continued only with the same directories",
					 dir, out->layers[j].host, w->host);
				return -1;
			}
		}
		if (covered)
			continue;
		if (out->nlayers == OVERLAY_MAX_LAYERS) {
			snprintf(err, errlen, "at most %d overlaid directories", OVERLAY_MAX_LAYERS);
			return -1;
		}
		out->layers[out->nlayers] = *w;
		out->layers[out->nlayers++].number = next++;
	}
	return 0;
}

/* overlayfs splits its options at ',' and lowerdir at ':'; a backslash
 * escapes either (and itself). */
static int escape_option(const char *in, char *out, size_t outlen)
{
	size_t o = 0;

	for (; *in; in++) {
		if (o + 3 >= outlen)
			return -1;
		if (*in == ',' || *in == ':' || *in == '\\')
			out[o++] = '\\';
		out[o++] = *in;
	}
	out[o] = 0;
	return 0;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = -1;

	if (fd >= 0) {
		n = write(fd, text, strlen(text));
		close(fd);
	}
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* A mount namespace of our own; *userns: inside a new user namespace
 * (overlayfs then keeps its metadata in user.overlay.* xattrs). */
static int enter_namespace(bool *userns, char *err, size_t errlen)
{
	char map[64];
	unsigned uid = getuid(), gid = getgid();

	*userns = false;
	if (unshare(CLONE_NEWNS) < 0) {
		if (errno != EPERM || unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0) {
			snprintf(err, errlen, "cannot make a mount namespace: %s (unprivileged "
				 "users need user namespaces enabled)", strerror(errno));
			return -1;
		}
		*userns = true;
		snprintf(map, sizeof(map), "%u %u 1\n", uid, uid);
		if (write_file("/proc/self/setgroups", "deny") < 0 ||
		    write_file("/proc/self/uid_map", map) < 0 ||
		    (snprintf(map, sizeof(map), "%u %u 1\n", gid, gid),
		     write_file("/proc/self/gid_map", map) < 0)) {
			snprintf(err, errlen, "cannot map the user in a user namespace: %s",
				 strerror(errno));
			return -1;
		}
	}
	/* nothing mounted here may propagate back to the host */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
		snprintf(err, errlen, "cannot make the mount namespace private: %s",
			 strerror(errno));
		return -1;
	}
	return 0;
}

static int mount_layer(const char *dir, const struct overlay_layer *l, bool userns, char *err,
		       size_t errlen)
{
	char lower[2 * PATH_MAX], upper[2 * PATH_MAX], work[2 * PATH_MAX], opts[7 * PATH_MAX];
	char up_path[PATH_MAX + 32], work_path[PATH_MAX + 32];

	snprintf(up_path, sizeof(up_path), "%s/%u/upper", dir, l->number);
	snprintf(work_path, sizeof(work_path), "%s/%u/work", dir, l->number);
	if (escape_option(l->host, lower, sizeof(lower)) < 0 ||
	    escape_option(up_path, upper, sizeof(upper)) < 0 ||
	    escape_option(work_path, work, sizeof(work)) < 0) {
		snprintf(err, errlen, "cannot overlay %s: name too long", l->host);
		return -1;
	}
	/* redirect_dir lets the program rename a directory it did not
	 * create; overlayfs refuses it in a user namespace, where such a
	 * rename fails with EXDEV (ERROR_NOT_SAME_DEVICE) instead */
	snprintf(opts, sizeof(opts), "lowerdir=%s,upperdir=%s,workdir=%s%s", lower, upper, work,
		 userns ? ",userxattr" : ",redirect_dir=on");
	if (mount("lsw-overlay", l->host, "overlay", MS_NOSUID | MS_NODEV, opts) == 0)
		return 0;
	if (!userns) {
		snprintf(opts, sizeof(opts), "lowerdir=%s,upperdir=%s,workdir=%s", lower, upper,
			 work);
		if (mount("lsw-overlay", l->host, "overlay", MS_NOSUID | MS_NODEV, opts) == 0)
			return 0;
	}
	snprintf(err, errlen, "cannot mount an overlay on %s (upper layer in %s): %s", l->host,
		 up_path, strerror(errno));
	return -1;
}

static int make_layer_dirs(const char *dir, unsigned number, char *err, size_t errlen)
{
	char p[PATH_MAX + 32];
	const char *subs[] = { "", "/upper", "/work" };

	for (unsigned i = 0; i < 3; i++) {
		snprintf(p, sizeof(p), "%s/%u%s", dir, number, subs[i]);
		if (mkdir(p, 0700) < 0 && errno != EEXIST) {
			snprintf(err, errlen, "%s: %s", p, strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* The overlay directory may not be in a layer (the program would see its
 * own upper layer, and overlayfs forbids it) nor hold one. */
static bool overlaps(const char *dir, const char *host, char *err, size_t errlen)
{
	if (!same_or_above(host, dir) && !same_or_above(dir, host))
		return false;
	snprintf(err, errlen, "the overlay directory %s %s %s, which the program may write; "
		 "choose one outside it", dir, same_or_above(host, dir) ? "lies inside" : "holds",
		 host);
	return true;
}

/* given, resolved; it may not exist yet, its parent must. */
static int resolve_new(const char *given, char *out, char *err, size_t errlen)
{
	char parent[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(given, '/'), *base = slash ? slash + 1 : given;

	if (realpath(given, out))
		return 0;
	if (errno == ENOENT && *base && strcmp(base, ".") && strcmp(base, "..")) {
		snprintf(parent, sizeof(parent), "%.*s",
			 slash ? (int)(slash - given) + (slash == given) : 1, slash ? given : ".");
		if (realpath(parent, real) &&
		    (size_t)snprintf(out, PATH_MAX, "%s/%s", strcmp(real, "/") ? real : "", base) <
			    PATH_MAX)
			return 0;
	}
	snprintf(err, errlen, "%s: %s", given, strerror(errno));
	return -1;
}

int overlay_enter(const char *dir_given, const struct overlay_manifest *want, char *err,
		  size_t errlen)
{
	static struct overlay_manifest all; /* big: not on the stack */
	char dir[PATH_MAX], cwd[PATH_MAX];
	bool userns, have_cwd = getcwd(cwd, sizeof(cwd)) != NULL;

	if (resolve_new(dir_given, dir, err, errlen) < 0)
		return -1;
	/* checked before anything is made: a refused DIR leaves no trace */
	for (unsigned i = 0; i < want->nlayers; i++)
		if (overlaps(dir, want->layers[i].host, err, errlen))
			return -1;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	if (merge_layers(dir, want, &all, err, errlen) < 0)
		return -1;
	for (unsigned i = 0; i < all.nlayers; i++)
		if (overlaps(dir, all.layers[i].host, err, errlen) ||
		    make_layer_dirs(dir, all.layers[i].number, err, errlen) < 0)
			return -1;
	if (overlay_manifest_write(dir, &all, err, errlen) < 0 ||
	    enter_namespace(&userns, err, errlen) < 0)
		return -1;
	for (unsigned i = 0; i < all.nlayers; i++)
		if (mount_layer(dir, &all.layers[i], userns, err, errlen) < 0)
			return -1;
	/* the old cwd is the directory under the mount: step into the overlay */
	if (have_cwd && chdir(cwd) < 0) {
		snprintf(err, errlen, "%s: %s", cwd, strerror(errno));
		return -1;
	}
	return 0;
}
