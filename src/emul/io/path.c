/*
 * NT names to host paths.  C: is the prefix's drive_c; Z: is the host root
 * filtered to the subtrees the user allowed: by default the current
 * directory read-write and the program's directory read-only, plus every
 * `--map /dir[:ro]`; `--no-cwd` drops the two defaults.  `--map D:=/dir`
 * makes D:\ that directory, unfiltered.  Components are looked up
 * case-insensitively; ".." never climbs above a drive root, and a link
 * never leads out of one.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/path_internal.h"
#include "emul/io/volume_device.h"

#define MAX_COMPONENTS 512


bool path_same_or_above(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (!n)
		return false;
	if (n == 1 && a[0] == '/')
		return true;
	return !strncmp(a, b, n) && (b[n] == 0 || b[n] == '/');
}

/* The allowed root that holds real (a resolved path): the longest one, so
 * a read-only map inside a read-write one stays read-only. */
static const struct allowed_root *allowed_holding(const struct path_view *v, const char *real)
{
	const struct allowed_root *best = NULL;
	size_t best_len = 0;

	for (int i = 0; i < v->nallowed; i++) {
		size_t n = strlen(v->allowed[i].path);

		if (path_same_or_above(v->allowed[i].path, real) && (!best || n > best_len)) {
			best = &v->allowed[i];
			best_len = n;
		}
	}
	return best;
}

/* path made absolute (against the logical current directory) with "."
 * and ".." taken away as names, the way a shell spells it; "" if that is
 * not the directory real.  path_is_real: path is known to resolve to real
 * (then a spelling equal to path is not resolved again). */
static void alias_of(const char *path, const char *real, bool path_is_real, char *out)
{
	char abs[PATH_MAX], check[PATH_MAX];
	const char *pwd = getenv("PWD");
	size_t o = 0;

	out[0] = 0;
	if (path[0] != '/' && (!pwd || pwd[0] != '/'))
		return;
	if ((size_t)snprintf(abs, sizeof(abs), "%s/%s", path[0] == '/' ? "" : pwd, path) >=
	    sizeof(abs))
		return;
	for (char *save = NULL, *c = strtok_r(abs, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
		if (!strcmp(c, "."))
			continue;
		if (!strcmp(c, "..")) {
			while (o && out[--o] != '/')
				;
			out[o] = 0;
			continue;
		}
		o += (size_t)snprintf(out + o, PATH_MAX - o, "/%s", c);
		if (o >= PATH_MAX) {
			out[0] = 0;
			return;
		}
	}
	if (!(path_is_real && !strcmp(out, path)) &&
	    (!realpath(out[0] ? out : "/", check) || strcmp(check, real)))
		out[0] = 0; /* not the same directory */
	else if (!strcmp(out, real))
		out[0] = 0; /* no other name for it */
}

/* Allows the directory real (resolved), named dir by the user (so that
 * this name leads there too); dir_is_real: dir is known to resolve to it. */
static void allow_real(struct path_view *v, const char *dir, const char *real, bool dir_is_real,
		       bool ro)
{
	struct allowed_root *a;

	if (v->nallowed >= PATH_MAX_ALLOWED)
		return;
	for (int i = 0; i < v->nallowed; i++)
		if (!strcmp(v->allowed[i].path, real)) {
			v->allowed[i].read_only &= ro; /* the same dir twice: rw wins */
			return;
		}
	a = &v->allowed[v->nallowed++];
	snprintf(a->path, PATH_MAX, "%s", real);
	alias_of(dir, real, dir_is_real, a->alias);
	a->read_only = ro;
}

/* Allows the directory dir; real_of: where to resolve it from, if not dir. */
static void allow(struct path_view *v, const char *dir, const char *real_of, bool ro)
{
	char real[PATH_MAX];

	if (realpath(real_of ? real_of : dir, real))
		allow_real(v, dir, real, !real_of, ro);
}

/* The current directory (getcwd's: resolved already), named as the shell
 * names it ($PWD) if that is it.  Each is resolved once: a run through
 * lswhost makes a view, and these were 3 realpath walks of it. */
static void allow_cwd(struct path_view *v)
{
	const char *pwd = getenv("PWD");
	char cwd[PATH_MAX], real[PATH_MAX];

	if (!getcwd(cwd, sizeof(cwd)))
		return;
	if (pwd && pwd[0] == '/' && realpath(pwd, real) && !strcmp(real, cwd))
		allow_real(v, pwd, cwd, true, false);
	else
		allow_real(v, cwd, cwd, true, false);
}

/* The program's directory, read-only, unless an allowed root already
 * holds it (then that root's access applies). */
static void allow_exe_dir(struct path_view *v, const char *exe)
{
	char real[PATH_MAX], named[PATH_MAX];
	char *slash;

	if (!realpath(exe, real))
		return;
	snprintf(v->program, PATH_MAX, "%s", exe); /* the first process's image */
	snprintf(v->program_real, PATH_MAX, "%s", real);
	slash = strrchr(real, '/');
	if (slash && slash != real)
		*slash = 0;
	snprintf(named, sizeof(named), "%s", exe);
	slash = strrchr(named, '/');
	if (slash)
		*(slash == named ? slash + 1 : slash) = 0;
	else
		snprintf(named, sizeof(named), ".");
	if (!allowed_holding(v, real))
		allow(v, named, real, true);
}

static void map_drive(struct path_view *v, const struct lsw_mapping *m)
{
	char real[PATH_MAX];
	int letter = m->letter | 32;
	struct drive *d;

	if (letter < 'a' || letter > 'z' || letter == 'c' || letter == 'z' ||
	    !realpath(m->host_dir, real))
		return;
	d = &v->drives[letter - 'a'];
	snprintf(d->root, PATH_MAX, "%s", real);
	snprintf(d->real_root, PATH_MAX, "%s", real);
	d->read_only = m->read_only;
}

/* A view with no drive and no allowed root.  Only what marks them is
 * cleared: the view is ~360 KB of path buffers, and lswhost makes one for
 * every run, where calloc's zeroing of reused heap memory was (measured). */
static void view_clear(struct path_view *v)
{
	for (int i = 0; i < 26; i++) {
		struct drive *d = &v->drives[i];

		d->root[0] = d->real_root[0] = 0;
		d->filtered = d->read_only = false;
		d->view = v;
	}
	v->nallowed = 0;
	v->system32[0] = 0;
	v->program[0] = v->program_real[0] = 0;
}

struct path_view *path_view_new(const char *prefix, const char *dll_dir,
			       const struct lsw_job_spec *spec)
{
	struct path_view *v = malloc(sizeof(*v));
	struct drive *c;

	if (!v)
		return NULL;
	view_clear(v);
	c = &v->drives['C' - 'A'];
	snprintf(c->root, PATH_MAX, "%s/drive_c", prefix);
	if (!realpath(c->root, c->real_root))
		c->real_root[0] = 0;
	snprintf(v->drives['Z' - 'A'].root, PATH_MAX, "/");
	v->drives['Z' - 'A'].filtered = true;
	if (!spec->no_cwd)
		allow_cwd(v);
	for (unsigned i = 0; i < spec->nmaps && i < LSW_MAX_MAPPINGS; i++) {
		const struct lsw_mapping *m = &spec->maps[i];

		if (m->letter)
			map_drive(v, m);
		else if (m->named_dir)
			allow(v, m->named_dir, m->host_dir, m->read_only);
		else
			allow(v, m->host_dir, NULL, m->read_only);
	}
	if (!spec->no_cwd && spec->program)
		allow_exe_dir(v, spec->program);
	snprintf(v->system32, PATH_MAX, "%s", dll_dir ? dll_dir : "");
	return v;
}

void path_view_free(struct path_view *v)
{
	free(v);
}

bool path_view_program_real(const struct path_view *v, const char *host, char *real)
{
	if (!v || !v->program[0] || strcmp(v->program, host))
		return false;
	snprintf(real, PATH_MAX, "%s", v->program_real);
	return true;
}

uint32_t path_drive_mask(const struct path_view *v)
{
	uint32_t mask = 0;

	for (int i = 0; i < 26; i++)
		if (v->drives[i].root[0])
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

void path_host_to_dos(const struct path_view *v, const char *host, char *out, size_t outlen)
{
	char letter = 'Z';
	size_t o = 0, best = 0;

	/* a path inside a lettered mapping is named on its drive */
	for (int i = 0; i < 26; i++) {
		size_t n = strlen(v->drives[i].root);

		if (i == 'Z' - 'A' || i == 'C' - 'A' || !n || n <= best ||
		    strncmp(host, v->drives[i].root, n) || (host[n] && host[n] != '/'))
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
static void apply_overlay(const struct path_view *v, struct path_result *out,
			  const char *drive_root)
{
	char dir[PATH_MAX], cand[PATH_MAX + 64];
	const char *slash = strrchr(out->host_path, '/');

	snprintf(dir, sizeof(dir), "%s/windows/system32", drive_root);
	if (!slash || (size_t)(slash - out->host_path) != strlen(dir) ||
	    strncasecmp(out->host_path, dir, strlen(dir)))
		return;
	snprintf(cand, sizeof(cand), "%s/", v->system32);
	for (const char *p = slash + 1; *p && strlen(cand) + 1 < sizeof(cand); p++) {
		size_t l = strlen(cand);
		cand[l] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		cand[l + 1] = 0;
	}
	if (access(cand, R_OK) == 0) {
		snprintf(out->host_path, sizeof(out->host_path), "%s", cand);
		out->read_only = true;
		out->system_dll = true;
		out->exists = true;
	}
}

/* The components of rest ("\\a\\b"), as an NT path names them: one
 * trailing separator names the directory itself; an empty component, "."
 * and ".." are not names (only DOS paths have them, and
 * RtlDosPathNameToNtPathName takes them away). */
static NTSTATUS split(char *rest, char **comps, int *n)
{
	size_t len = strlen(rest);
	char *p = rest, *end;

	*n = 0;
	if (len > 1 && rest[len - 1] == '\\')
		rest[--len] = 0;
	if (!len || !strcmp(rest, "\\"))
		return LSW_STATUS_SUCCESS; /* the drive's root */
	while (*p == '\\') {
		*p++ = 0;
		end = strchr(p, '\\');
		if (end)
			*end = 0;
		if (!*p || !strcmp(p, ".") || !strcmp(p, "..") || invalid_component(p))
			return LSW_STATUS_OBJECT_NAME_INVALID;
		if (*n == MAX_COMPONENTS)
			return LSW_STATUS_NAME_TOO_LONG;
		comps[(*n)++] = p;
		if (!end)
			break;
		*end = '\\';
		p = end;
	}
	return LSW_STATUS_SUCCESS;
}

/* Resolves rest on drive d into out (see path_walk). */
static NTSTATUS walk(const struct drive *d, char *rest, struct path_result *out)
{
	char *comps[MAX_COMPONENTS];
	struct walk_end *end = malloc(sizeof(*end));
	const struct allowed_root *a;
	NTSTATUS st;
	int n;

	if (!end)
		return LSW_STATUS_NO_MEMORY;
	if ((st = split(rest, comps, &n)) == LSW_STATUS_SUCCESS)
		st = path_walk(d, comps, n, end);
	if (st == LSW_STATUS_SUCCESS && end->above) {
		out->target = PATH_ABOVE; /* never opened: only listed by name */
		snprintf(out->host_path, sizeof(out->host_path), "%s", end->real);
	} else if (st == LSW_STATUS_SUCCESS) {
		out->target = PATH_HOST;
		snprintf(out->host_path, sizeof(out->host_path), "%s", end->host);
		out->exists = end->exists;
		out->read_only = d->read_only;
		if (d->filtered && (a = allowed_holding(d->view, end->real)))
			out->read_only |= a->read_only;
	}
	free(end);
	return st;
}

bool path_above_names(const struct path_view *v, const char *above,
		      bool (*add)(void *ctx, const char *name, size_t len), void *ctx)
{
	size_t al = strlen(above);

	for (int i = 0; i < v->nallowed; i++) {
		const char *cand[2] = { v->allowed[i].path, v->allowed[i].alias };

		for (int k = 0; k < 2; k++) {
			const char *next = cand[k] + al + (al > 1);

			if (!cand[k][0] || !strcmp(above, cand[k]) || !path_same_or_above(above, cand[k]))
				continue;
			if (!add(ctx, next, strcspn(next, "/")))
				return false;
		}
	}
	return true;
}

bool path_protected(const struct path_view *v, const char *host)
{
	char real[PATH_MAX];

	if (!realpath(host, real))
		return false; /* gone: nothing to protect */
	if (!v)
		return true; /* not opened through a job's drives */
	for (int i = 0; i < v->nallowed; i++)
		if (path_same_or_above(real, v->allowed[i].path))
			return true;
	for (int i = 0; i < 26; i++)
		if (!v->drives[i].filtered && path_same_or_above(real, v->drives[i].real_root))
			return true;
	return false;
}

bool path_fd_reachable(const struct path_view *v, int fd, bool writing)
{
	char link[64], real[PATH_MAX], root[PATH_MAX];
	const struct allowed_root *a;
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, real, sizeof(real) - 1);
	if (n <= 0 || real[0] != '/')
		return false; /* not a path: never a file opened by name */
	real[n] = 0;
	if (!v)
		return false;
	if ((a = allowed_holding(v, real)) && (!writing || !a->read_only))
		return true;
	for (int i = 0; i < 26; i++)
		if (!v->drives[i].filtered && (!writing || !v->drives[i].read_only) &&
		    path_same_or_above(v->drives[i].real_root, real))
			return true;
	return !writing && v->system32[0] && realpath(v->system32, root) &&
	       path_same_or_above(root, real);
}

int path_open_parent(const struct path_view *v, const char *host, bool writing,
		     const char **base)
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
	if (!path_fd_reachable(v, fd, writing)) {
		close(fd);
		errno = EACCES;
		return -1;
	}
	*base = slash + 1;
	return fd;
}

/* "Volume{GUID}..." -> "X:...": the volume names kernel32 gives each
 * drive (src/win32/kernel32/volume_names.c) carry its letter in their
 * last two hex digits.  Returns dos, or where the rewritten name starts. */
static char *volume_guid_to_drive(char *dos)
{
	static const char prefix[] = VOLUME_GUID_PREFIX;
	size_t n = sizeof(prefix) - 1;
	unsigned letter;

	if (strncasecmp(dos, prefix, n) || !isxdigit((unsigned char)dos[n]) ||
	    !isxdigit((unsigned char)dos[n + 1]) || dos[n + 2] != '}' ||
	    (dos[n + 3] && dos[n + 3] != '\\') || sscanf(dos + n, "%2x", &letter) != 1 ||
	    letter < 'A' || letter > 'Z')
		return dos;
	dos[n + 1] = (char)letter;
	dos[n + 2] = ':';
	return dos + n + 1;
}

NTSTATUS path_resolve(const struct path_view *v, const uint16_t *name, size_t nchars,
		      struct path_result *out)
{
	char buf[PATH_MAX], *dos;
	const struct drive *d;
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
	if (!strcasecmp(buf, "\\Device\\CNG") || !strcasecmp(buf, "\\Device\\KsecDD")) {
		out->target = PATH_KSEC_DEVICE;
		return LSW_STATUS_SUCCESS;
	}
	if (!strcasecmp(buf, "\\Device\\Afd") || !strncasecmp(buf, "\\Device\\Afd\\", 12)) {
		out->target = PATH_AFD_DEVICE; /* \Device\Afd\Endpoint, as ws2_32 opens it */
		return LSW_STATUS_SUCCESS;
	}
	if (!strcasecmp(buf, "\\Device\\MountPointManager")) {
		out->target = PATH_MOUNT_MANAGER;
		return LSW_STATUS_SUCCESS;
	}
	if (!strncmp(buf, "\\??\\", 4))
		dos = buf + 4;
	else if (!strncasecmp(buf, "\\DosDevices\\", 12))
		dos = buf + 12;
	else if (!strncasecmp(buf, "\\GLOBAL??\\", 10))
		dos = buf + 10;
	else if (!strcmp(buf, "\\\\?\\"))
		return LSW_STATUS_OBJECT_NAME_INVALID; /* a DOS prefix left unconverted */
	else if (buf[0] != '\\')
		return LSW_STATUS_OBJECT_PATH_SYNTAX_BAD;
	else /* no such name in the root, or no such directory on the way */
		return strchr(buf + 1, '\\') ? LSW_STATUS_OBJECT_PATH_NOT_FOUND
					     : LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (!*dos)
		return LSW_STATUS_OBJECT_NAME_INVALID; /* the directory of DOS names itself */
	dos = volume_guid_to_drive(dos);
	if (device_name(dos, out) == LSW_STATUS_SUCCESS)
		return LSW_STATUS_SUCCESS;
	if (absent_device(dos))
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	if (!((dos[0] | 32) >= 'a' && (dos[0] | 32) <= 'z') || dos[1] != ':' ||
	    (dos[2] && dos[2] != '\\')) /* no such name in \?? (or directory on the way) */
		return strchr(dos, '\\') ? LSW_STATUS_OBJECT_PATH_NOT_FOUND
					  : LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	d = &v->drives[(dos[0] | 32) - 'a'];
	if (!d->root[0])
		return LSW_STATUS_OBJECT_PATH_NOT_FOUND;
	out->dir_only = strlen(dos) > 3 && dos[strlen(dos) - 1] == '\\';
	st = walk(d, dos + 2, out);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (out->target == PATH_HOST && d == &v->drives['C' - 'A'])
		apply_overlay(v, out, d->root);
	return LSW_STATUS_SUCCESS;
}
