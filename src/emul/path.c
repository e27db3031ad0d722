/*
 * NT names to host paths.  C: is the prefix's drive_c; Z: is the host root
 * filtered to the subtrees the user allowed: by default the current
 * directory read-write and the program's directory read-only, plus every
 * `--map /dir[:ro]`; `--no-cwd` drops the two defaults.  `--map D:=/dir`
 * makes D:\ that directory, unfiltered.  Components are looked up
 * case-insensitively; ".." never climbs above a drive root, and a link
 * never leads out of one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/path.h"

#define MAX_ALLOWED (2 + LSW_MAX_MAPPINGS)

struct allowed_root {
	char path[PATH_MAX];
	bool read_only;
};

struct drive {
	char root[PATH_MAX];       /* host directory of X:\ */
	bool filtered;             /* only allowed[] subtrees exist */
	bool read_only;
};

static struct drive drives[26];
static struct allowed_root allowed[MAX_ALLOWED];
static int nallowed;
static char system32_overlay[PATH_MAX];

/* The allowed root that holds real (a resolved path): the longest one, so
 * a read-only map inside a read-write one stays read-only. */
static const struct allowed_root *allowed_holding(const char *real)
{
	const struct allowed_root *best = NULL;
	size_t best_len = 0;

	for (int i = 0; i < nallowed; i++) {
		size_t n = strlen(allowed[i].path);

		if (!strncmp(real, allowed[i].path, n) &&
		    (real[n] == 0 || real[n] == '/' || (n == 1 && allowed[i].path[0] == '/')) &&
		    (!best || n > best_len)) {
			best = &allowed[i];
			best_len = n;
		}
	}
	return best;
}

static void allow(const char *path, bool ro)
{
	char real[PATH_MAX];

	if (nallowed < MAX_ALLOWED && realpath(path, real)) {
		for (int i = 0; i < nallowed; i++)
			if (!strcmp(allowed[i].path, real)) {
				allowed[i].read_only &= ro; /* the same dir twice: rw wins */
				return;
			}
		snprintf(allowed[nallowed].path, PATH_MAX, "%s", real);
		allowed[nallowed++].read_only = ro;
	}
}

void drives_init(const struct lsw_config *cfg)
{
	char cwd[PATH_MAX], exedir[PATH_MAX];

	memset(drives, 0, sizeof(drives));
	nallowed = 0;
	snprintf(drives['C' - 'A'].root, PATH_MAX, "%s/drive_c", cfg->prefix);
	snprintf(drives['Z' - 'A'].root, PATH_MAX, "/");
	drives['Z' - 'A'].filtered = true;
	if (!cfg->no_cwd && getcwd(cwd, sizeof(cwd)))
		allow(cwd, false);
	for (unsigned i = 0; i < cfg->nmaps && i < LSW_MAX_MAPPINGS; i++) {
		const struct lsw_mapping *m = &cfg->maps[i];
		char real[PATH_MAX];
		struct drive *d;

		if (!m->letter) {
			allow(m->host_dir, m->read_only);
			continue;
		}
		if ((m->letter | 32) < 'a' || (m->letter | 32) > 'z' || (m->letter | 32) == 'c' ||
		    (m->letter | 32) == 'z' || !realpath(m->host_dir, real))
			continue;
		d = &drives[(m->letter | 32) - 'a'];
		snprintf(d->root, PATH_MAX, "%s", real);
		d->read_only = m->read_only;
	}
	/* the program's directory, read-only, unless an allowed root already
	 * holds it (then that root's access applies) */
	if (!cfg->no_cwd && cfg->exe_host_path && realpath(cfg->exe_host_path, exedir)) {
		char *slash = strrchr(exedir, '/');

		if (slash && slash != exedir)
			*slash = 0;
		if (!allowed_holding(exedir))
			allow(exedir, true);
	}
	snprintf(system32_overlay, PATH_MAX, "%s", cfg->dll_dir ? cfg->dll_dir : "");
}

uint32_t path_drive_mask(void)
{
	uint32_t mask = 0;

	for (int i = 0; i < 26; i++)
		if (drives[i].root[0])
			mask |= 1u << i;
	return mask;
}

size_t utf16_to_utf8(const uint16_t *s, size_t n, char *out, size_t outlen)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		uint32_t c = s[i];

		if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000)
			c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
		else if (c >= 0xD800 && c < 0xE000)
			c = 0xFFFD;
		if (o + 5 > outlen)
			break;
		if (c < 0x80) {
			out[o++] = (char)c;
		} else if (c < 0x800) {
			out[o++] = (char)(0xC0 | (c >> 6));
			out[o++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			out[o++] = (char)(0xE0 | (c >> 12));
			out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (c & 0x3F));
		} else {
			out[o++] = (char)(0xF0 | (c >> 18));
			out[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
			out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[o++] = (char)(0x80 | (c & 0x3F));
		}
	}
	if (outlen)
		out[o < outlen ? o : outlen - 1] = 0;
	return o;
}

size_t utf8_to_utf16(const char *s, uint16_t *out, size_t outlen)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;

	while (*p && o + 2 < outlen) {
		uint32_t c = *p++;
		int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

		static const uint32_t min_for[] = { 0, 0x80, 0x800, 0x10000 };
		int need = extra;

		if (extra)
			c &= 0x3F >> extra;
		while (extra && (*p & 0xC0) == 0x80) {
			c = (c << 6) | (*p++ & 0x3F);
			extra--;
		}
		/* truncated, overlong, stray continuation or surrogate: U+FFFD,
		 * so no other spelling of '/' or '.' reaches a path */
		if (extra || (need && c < min_for[need]) || (!need && c >= 0x80) ||
		    (c >= 0xD800 && c < 0xE000) || c > 0x10FFFF)
			c = 0xFFFD;
		if (c >= 0x10000) {
			out[o++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
			out[o++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
		} else {
			out[o++] = (uint16_t)c;
		}
	}
	out[o] = 0;
	return o;
}

void path_host_to_dos(const char *host, char *out, size_t outlen)
{
	char letter = 'Z';
	size_t o = 0, best = 0;

	/* a path inside a lettered mapping is named on its drive */
	for (int i = 0; i < 26; i++) {
		size_t n = strlen(drives[i].root);

		if (i == 'Z' - 'A' || i == 'C' - 'A' || !n || n <= best ||
		    strncmp(host, drives[i].root, n) || (host[n] && host[n] != '/'))
			continue;
		letter = (char)('A' + i);
		best = n;
	}
	if (best)
		host += best;
	snprintf(out, outlen, "%c:", letter);
	o = 2;
	for (const char *p = host; *p && o + 1 < outlen; p++)
		out[o++] = *p == '/' ? '\\' : *p;
	if (o == 2 && o + 1 < outlen)
		out[o++] = '\\';
	out[o] = 0;
}

/* Characters NTFS refuses in a name.  '/' matters most: the host would
 * read it as a separator and let a component climb out of its drive. */
static bool invalid_component(const char *c)
{
	for (const unsigned char *p = (const unsigned char *)c; *p; p++)
		if (*p < 32 || strchr("<>:\"|?*/", *p))
			return true;
	return false;
}

/* Appends component comp to dir, matching an existing entry's case: the
 * exact name first (one lstat), else a scan for a case-insensitive match. */
static bool lookup_component(char *dir, size_t len, const char *comp)
{
	char found_name[256];
	size_t dl = strlen(dir);
	const char *sep = dl && dir[dl - 1] == '/' ? "" : "/";
	struct stat st;
	struct dirent *e;
	bool found = false;
	DIR *d;

	snprintf(dir + dl, len - dl, "%s%s", sep, comp);
	if (lstat(dir, &st) == 0)
		return true;
	dir[dl] = 0;
	d = opendir(dir);
	while (d && (e = readdir(d))) {
		if (!strcasecmp(e->d_name, comp)) {
			/* copy now: the next readdir may reuse the entry's buffer */
			snprintf(found_name, sizeof(found_name), "%s", e->d_name);
			found = true;
			break;
		}
	}
	if (d)
		closedir(d);
	snprintf(dir + dl, len - dl, "%s%s", sep, found ? found_name : comp);
	return found;
}

static const struct allowed_root *allowed_for(const char *host)
{
	char real[PATH_MAX], parent[PATH_MAX];

	if (!realpath(host, real)) {
		char *slash;

		snprintf(parent, sizeof(parent), "%s", host);
		slash = strrchr(parent, '/');
		if (slash)
			*slash = 0;
		if (!realpath(parent[0] ? parent : "/", real))
			return NULL;
	}
	return allowed_holding(real);
}

/* The existing part of path, with links resolved, lies under root. */
static bool inside_root(const char *path, const char *root)
{
	char real[PATH_MAX], real_root[PATH_MAX], parent[PATH_MAX];
	size_t n;

	if (!realpath(root, real_root))
		return false;
	if (!realpath(path, real)) {
		char *slash;

		snprintf(parent, sizeof(parent), "%s", path);
		slash = strrchr(parent, '/');
		if (slash)
			*slash = 0;
		if (!realpath(parent, real))
			return false;
	}
	n = strlen(real_root);
	return !strncmp(real, real_root, n) && (real[n] == 0 || real[n] == '/');
}

static NTSTATUS device_name(const char *dos, struct path_result *out)
{
	if (!strcasecmp(dos, "NUL")) {
		out->target = PATH_NULL_DEVICE;
		return LSW_STATUS_SUCCESS;
	}
	if (!strcasecmp(dos, "CONIN$")) {
		out->target = PATH_CONIN;
		return LSW_STATUS_SUCCESS;
	}
	if (!strcasecmp(dos, "CONOUT$")) {
		out->target = PATH_CONOUT;
		return LSW_STATUS_SUCCESS;
	}
	if (!strcasecmp(dos, "CON")) {
		out->target = PATH_CON; /* input or output, by the access asked */
		return LSW_STATUS_SUCCESS;
	}
	return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
}

/* Serial and printer ports: valid DOS device names no sandbox has. */
static bool absent_device(const char *dos)
{
	if (!strcasecmp(dos, "AUX") || !strcasecmp(dos, "PRN"))
		return true;
	return (!strncasecmp(dos, "COM", 3) || !strncasecmp(dos, "LPT", 3)) &&
	       dos[3] >= '1' && dos[3] <= '9' && !dos[4];
}

/* The System32 overlay: our DLLs are always served fresh from lsw's own
 * directory, whatever the prefix holds. */
static void apply_overlay(struct path_result *out, const char *drive_root)
{
	char dir[PATH_MAX], cand[PATH_MAX + 64];
	const char *slash = strrchr(out->host_path, '/');

	snprintf(dir, sizeof(dir), "%s/windows/system32", drive_root);
	if (!slash || (size_t)(slash - out->host_path) != strlen(dir) ||
	    strncasecmp(out->host_path, dir, strlen(dir)))
		return;
	snprintf(cand, sizeof(cand), "%s/", system32_overlay);
	for (const char *p = slash + 1; *p && strlen(cand) + 1 < sizeof(cand); p++) {
		size_t l = strlen(cand);
		cand[l] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		cand[l + 1] = 0;
	}
	if (access(cand, R_OK) == 0) {
		snprintf(out->host_path, sizeof(out->host_path), "%s", cand);
		out->read_only = true;
		out->exists = true;
	}
}

static NTSTATUS walk(struct drive *d, char *rest, struct path_result *out)
{
	char *comps[512], *save = NULL, *tok;
	int n = 0;

	for (tok = strtok_r(rest, "\\", &save); tok; tok = strtok_r(NULL, "\\", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (n)
				n--;
			continue;
		}
		if (invalid_component(tok))
			return LSW_STATUS_OBJECT_NAME_INVALID;
		if (n == 512)
			return LSW_STATUS_NAME_TOO_LONG;
		comps[n++] = tok;
	}
	snprintf(out->host_path, sizeof(out->host_path), "%s", d->root);
	out->exists = true;
	for (int i = 0; i < n; i++) {
		bool found;

		if (strlen(out->host_path) + strlen(comps[i]) + 2 > sizeof(out->host_path))
			return LSW_STATUS_NAME_TOO_LONG; /* never open a shortened name */
		found = lookup_component(out->host_path, sizeof(out->host_path), comps[i]);

		if (!found && i + 1 < n)
			return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
		out->exists = found;
	}
	return LSW_STATUS_SUCCESS;
}

/* a equals b, or is a directory above it ("/x" holds "/x/y", not "/xy"). */
static bool same_or_above(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (n == 1 && a[0] == '/')
		return true;
	return !strncmp(a, b, n) && (b[n] == 0 || b[n] == '/');
}

bool path_protected(const char *host)
{
	char real[PATH_MAX], root[PATH_MAX];

	if (!realpath(host, real))
		return false; /* gone: nothing to protect */
	for (int i = 0; i < nallowed; i++)
		if (same_or_above(real, allowed[i].path))
			return true;
	for (int i = 0; i < 26; i++)
		if (drives[i].root[0] && !drives[i].filtered && realpath(drives[i].root, root) &&
		    same_or_above(real, root))
			return true;
	return false;
}

bool path_fd_reachable(int fd, bool writing)
{
	char link[64], real[PATH_MAX], root[PATH_MAX];
	const struct allowed_root *a;
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, real, sizeof(real) - 1);
	if (n <= 0 || real[0] != '/')
		return false; /* not a path: never a file opened by name */
	real[n] = 0;
	if ((a = allowed_holding(real)) && (!writing || !a->read_only))
		return true;
	for (int i = 0; i < 26; i++)
		if (drives[i].root[0] && !drives[i].filtered && (!writing || !drives[i].read_only) &&
		    realpath(drives[i].root, root) && same_or_above(root, real))
			return true;
	return !writing && system32_overlay[0] && realpath(system32_overlay, root) &&
	       same_or_above(root, real);
}

int path_open_parent(const char *host, bool writing, const char **base)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(host, '/');
	int fd;

	if (!slash || !slash[1] || !strcmp(slash + 1, ".") || !strcmp(slash + 1, "..")) {
		errno = EINVAL;
		return -1;
	}
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - host), host);
	fd = open(dir[0] ? dir : "/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (!path_fd_reachable(fd, writing)) {
		close(fd);
		errno = EACCES;
		return -1;
	}
	*base = slash + 1;
	return fd;
}

NTSTATUS path_resolve(const uint16_t *name, size_t nchars, struct path_result *out)
{
	char buf[PATH_MAX], *dos;
	struct drive *d;
	NTSTATUS st;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < nchars; i++)
		if (name[i] == 0)
			return LSW_STATUS_OBJECT_NAME_INVALID; /* would cut the name short */
	if (utf16_to_utf8(name, nchars, buf, sizeof(buf)) + 5 >= sizeof(buf))
		return LSW_STATUS_NAME_TOO_LONG;
	if (!strcasecmp(buf, "\\Device\\Null")) {
		out->target = PATH_NULL_DEVICE;
		return LSW_STATUS_SUCCESS;
	}
	if (!strncmp(buf, "\\??\\", 4))
		dos = buf + 4;
	else if (!strncasecmp(buf, "\\DosDevices\\", 12))
		dos = buf + 12;
	else if (!strncasecmp(buf, "\\GLOBAL??\\", 10))
		dos = buf + 10;
	else
		return buf[0] == '\\' ? LSW_STATUS_OBJECT_PATH_NOT_FOUND
				      : LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
	if (device_name(dos, out) == LSW_STATUS_SUCCESS)
		return LSW_STATUS_SUCCESS;
	if (absent_device(dos))
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (!((dos[0] | 32) >= 'a' && (dos[0] | 32) <= 'z') || dos[1] != ':' ||
	    (dos[2] && dos[2] != '\\'))
		return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	d = &drives[(dos[0] | 32) - 'a'];
	if (!d->root[0])
		return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	st = walk(d, dos + 2, out);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	out->target = PATH_HOST;
	out->read_only = d->read_only;
	if (d->filtered) {
		const struct allowed_root *a = allowed_for(out->host_path);

		if (!a)
			return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
		out->read_only |= a->read_only;
	} else if (!inside_root(out->host_path, d->root)) {
		return LSW_STATUS_OBJECT_PATH_NOT_FOUND; /* a link led out of the drive */
	} else if (d == &drives['C' - 'A']) {
		apply_overlay(out, d->root);
	}
	return LSW_STATUS_SUCCESS;
}
