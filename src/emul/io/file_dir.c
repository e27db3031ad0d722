/*
 * NtQueryDirectoryFile(Ex): directory enumeration.
 *
 * A directory handle keeps one scan (struct dir_scan):
 *   none     -> the first query takes the pattern (FileName, "*" if none)
 *               and snapshots the directory: "." and ".." (not at a drive
 *               root), then the host entries the sandbox lets the program
 *               open (in System32, lsw's DLLs too: they are what the
 *               program opens there), sorted case-insensitively as NTFS
 *               returns them, kept if they match the pattern;
 *   scanning -> each query returns the next entries that fit;
 *   restart  -> RestartScan / SL_RESTART_SCAN: as "none" again, but a
 *               restart without a FileName keeps the handle's pattern.
 * An empty snapshot answers STATUS_NO_SUCH_FILE on the handle's first
 * query only (a restart does not make a query first again: ntdll's
 * directory tests); past the end, STATUS_NO_MORE_FILES.  Attributes are read when an entry is
 * returned, so they are current.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_PATTERN 512 /* UTF-16 units; NTFS names stop at 255 */
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/file_access.h"
#include "emul/io/file_attrs.h"
#include "emul/io/path.h"
#include "emul/io/short_name.h"
#include "emul/io/volume_ids.h"
#include "emul/io/wildcard.h"
#include "emul/upcase.h"

/* NtQueryDirectoryFileEx QueryFlags */
#define SL_RESTART_SCAN 0x1
#define SL_RETURN_SINGLE_ENTRY 0x2
#define SL_INDEX_SPECIFIED 0x4

#define NAME_MAX_UTF16 512
#define OUT_MAX (1u << 20)   /* one answer fills at most this much */

struct dir_entry {
	char *name;              /* host name (UTF-8) */
	bool overlay;            /* served from the System32 overlay */
	short_name_t short_name; /* its 8.3 name, "" if none (short_name.c) */
	uint16_t wlen;           /* its UTF-16 length in units */
	uint16_t wname[];
};

struct dir_scan {
	uint16_t *pattern;
	size_t plen;
	struct dir_entry **e;
	size_t n, pos;
	bool returned;           /* the handle has answered a query (kept over restarts) */
	char *overlay;           /* System32: the host directory of lsw's DLLs */
	size_t *budget;          /* the host's entries held (LIVE_ENTRIES_MAX) */
};

/* The layouts (x64): where each class puts FileNameLength and FileName,
 * and the smallest buffer it accepts (the structure's size). */
struct dir_class {
	uint32_t cls;
	uint32_t name_len_off, name_off, min_len;
	bool times;              /* the four times, sizes and attributes @8..60 */
	uint32_t ea_off, short_off, id_off; /* 0: not in this class */
};

static const struct dir_class classes[] = {
	/* FileDirectoryInformation */
	{ 1, 60, 64, 72, true, 0, 0, 0 },
	/* FileFullDirectoryInformation: EaSize@64 */
	{ 2, 60, 68, 72, true, 64, 0, 0 },
	/* FileBothDirectoryInformation: EaSize@64, ShortNameLength@68,
	 * ShortName[12]@70 */
	{ 3, 60, 94, 96, true, 64, 68, 0 },
	/* FileNamesInformation: NextEntryOffset, FileIndex, FileNameLength@8 */
	{ 12, 8, 12, 16, false, 0, 0, 0 },
	/* FileIdBothDirectoryInformation: as Both, FileId@96 */
	{ 37, 60, 104, 112, true, 64, 68, 96 },
	/* FileIdFullDirectoryInformation: as Full, FileId@72 */
	{ 38, 60, 80, 88, true, 64, 0, 72 },
};

/* Classes a directory query knows but no volume of ours answers (object
 * ids, quotas, reparse points: NTFS' own indexes, not a directory's): a
 * buffer below their structure's size is STATUS_INFO_LENGTH_MISMATCH
 * first, as Windows checks it (ntdll's directory tests); 0: none such. */
static uint32_t unanswered_class_size(uint32_t cls)
{
	switch (cls) {
	case 29: return 72; /* FILE_OBJECTID_INFORMATION */
	case 32: return 56; /* FILE_QUOTA_INFORMATION, one SID of one authority */
	case 33: return 16; /* FILE_REPARSE_POINT_INFORMATION */
	}
	return 0;
}

static const struct dir_class *find_class(uint32_t cls)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (classes[i].cls == cls)
			return &classes[i];
	return NULL;
}

/* Entries held by every live snapshot of the host together: a hostile
 * process opening one large directory many times must not grow the
 * supervisor without bound (about 100 bytes each: at most ~100 MiB). */
#define LIVE_ENTRIES_MAX (1u << 20)

static void free_entries(struct dir_scan *s)
{
	*s->budget -= s->n;
	for (size_t i = 0; i < s->n; i++) {
		free(s->e[i]->name);
		free(s->e[i]);
	}
	free(s->e);
	s->e = NULL;
	s->n = s->pos = 0;
}

void dir_scan_free(struct dir_scan *s)
{
	if (!s)
		return;
	free_entries(s);
	free(s->pattern);
	free(s->overlay);
	free(s);
}

/* Is the directory opened by NT name nt a drive root ("\??\C:\", "C:\a\..")? */
static bool is_drive_root(const char *nt)
{
	const char *p = strchr(nt ? nt : "", ':');
	int depth = 0;

	if (!p)
		return false;
	for (p++; *p;) {
		size_t len;

		while (*p == '\\')
			p++;
		len = strcspn(p, "\\");
		if (len == 2 && !strncmp(p, "..", 2))
			depth = depth ? depth - 1 : 0;
		else if (len && !(len == 1 && *p == '.'))
			depth++;
		p += len;
	}
	return depth == 0;
}

/* dir\name as an NT path into nt: dir may have been opened as "dir\",
 * and an NT path has no empty component. */
static bool child_nt_name(const struct file_object *f, const char *name, char *nt, size_t len)
{
	size_t dl = f->nt_name ? strlen(f->nt_name) : 0;

	return dl && snprintf(nt, len, "%s%s%s", f->nt_name, f->nt_name[dl - 1] == '\\' ? "" : "\\",
			      name) < (int)len;
}

/* Would path_resolve let the program open dir\name, and land on the same
 * host file?  Asked only of entries that may lead elsewhere (links). */
static bool resolves_to(const struct file_object *f, const char *name, const char *host)
{
	char nt[4096];
	uint16_t w[4096];
	struct path_result *pr;
	size_t n;
	bool ok;

	if (!child_nt_name(f, name, nt, sizeof(nt)))
		return false;
	n = utf8_to_utf16(nt, w, sizeof(w) / sizeof(w[0]));
	if (!(pr = malloc(sizeof(*pr))))
		return false;
	ok = path_resolve(f->view, w, n, pr) == LSW_STATUS_SUCCESS && pr->target == PATH_HOST &&
	     pr->exists && (!host || !strcmp(pr->host_path, host));
	free(pr);
	return ok;
}

/* A name the program could not open (path_resolve refuses these
 * characters; a '\' would even name another file). */
static bool unnameable(const char *name)
{
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 32 || strchr("<>:\"|?*\\", *p))
			return true;
	return false;
}

static bool entry_visible(const struct file_object *f, int dfd, const struct dirent *d)
{
	char host[4096];
	struct stat st;

	if (unnameable(d->d_name))
		return false;
	if (d->d_type != DT_LNK && d->d_type != DT_UNKNOWN)
		return true; /* inside a directory the program opened */
	if (d->d_type == DT_UNKNOWN && fstatat(dfd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    !S_ISLNK(st.st_mode))
		return true;
	snprintf(host, sizeof(host), "%s/%s", f->name_utf8, d->d_name);
	return resolves_to(f, d->d_name, host);
}

static struct dir_entry *entry_new(const char *name)
{
	uint16_t w[NAME_MAX_UTF16];
	size_t n = utf8_to_utf16(name, w, NAME_MAX_UTF16);
	struct dir_entry *e = malloc(sizeof(*e) + n * 2);

	if (!e)
		return NULL;
	if (!(e->name = strdup(name))) {
		free(e);
		return NULL;
	}
	e->overlay = false;
	e->short_name[0] = 0;
	e->wlen = (uint16_t)n;
	memcpy(e->wname, w, n * 2);
	return e;
}

static bool add_entry(struct dir_scan *s, size_t *cap, const char *name)
{
	struct dir_entry *e;

	if (*s->budget >= LIVE_ENTRIES_MAX)
		return false;
	if (s->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct dir_entry **ne = realloc(s->e, nc * sizeof(*ne));

		if (!ne)
			return false;
		s->e = ne;
		*cap = nc;
	}
	if (!(e = entry_new(name)))
		return false;
	s->e[s->n++] = e;
	(*s->budget)++;
	return true;
}

/* Does the pattern match the entry's name or its short name?  (NTFS
 * matches both: FindFirstFile's documentation.)  "." and ".." answer
 * together, to a pattern that matches "." or the empty name: what
 * Windows returns for the 56 patterns of kernel32's file tests
 * (test_FindFirstFile_wildcards: "?" and "<" find them, "..<" does not;
 * ".." as a pattern finds neither). */
static bool entry_matches(const struct dir_scan *s, const struct dir_entry *e)
{
	static const uint16_t dot = '.';
	uint16_t w[SHORT_NAME_MAX];
	size_t n = strlen(e->short_name);

	if (!strcmp(e->name, ".") || !strcmp(e->name, ".."))
		return wildcard_match(s->pattern, s->plen, &dot, 1) ||
		       wildcard_match(s->pattern, s->plen, &dot, 0);
	if (wildcard_match(s->pattern, s->plen, e->wname, e->wlen))
		return true;
	for (size_t i = 0; i < n; i++)
		w[i] = (unsigned char)e->short_name[i];
	return n && wildcard_match(s->pattern, s->plen, w, n);
}

/* Gives the entries their short names, which depend on every name of the
 * directory (dfd; -1 above the roots: none), then keeps those that match
 * the pattern. */
static NTSTATUS name_and_filter(struct dir_scan *s, int dfd)
{
	const char **names = malloc((s->n ? s->n : 1) * sizeof(*names));
	short_name_t *shorts = malloc((s->n ? s->n : 1) * sizeof(*shorts));
	size_t kept = 0;

	if (!names || !shorts) {
		free(names);
		free(shorts);
		return LSW_STATUS_NO_MEMORY;
	}
	for (size_t i = 0; i < s->n; i++)
		names[i] = s->e[i]->name;
	if (dfd >= 0)
		short_names_assign(dfd, names, s->n, shorts);
	for (size_t i = 0; i < s->n; i++) {
		struct dir_entry *e = s->e[i];

		memcpy(e->short_name, dfd >= 0 ? shorts[i] : "", sizeof(e->short_name));
		if (entry_matches(s, e)) {
			s->e[kept++] = e;
			continue;
		}
		free(e->name);
		free(e);
		(*s->budget)--;
	}
	s->n = kept;
	free(names);
	free(shorts);
	return LSW_STATUS_SUCCESS;
}

/* NTFS' order: the UTF-16 names compared unit by unit, upcased (so "éa"
 * sorts before "Éb", which bytewise ASCII folding does not give). */
static int by_name(const void *a, const void *b)
{
	const struct dir_entry *x = *(struct dir_entry *const *)a, *y = *(struct dir_entry *const *)b;
	size_t n = x->wlen < y->wlen ? x->wlen : y->wlen;

	for (size_t i = 0; i < n; i++) {
		uint16_t cx = nt_upcase(x->wname[i]), cy = nt_upcase(y->wname[i]);

		if (cx != cy)
			return cx < cy ? -1 : 1;
	}
	return (x->wlen > y->wlen) - (x->wlen < y->wlen);
}

/* The host directory path_resolve serves dir\ntdll.dll from, if it is
 * not dir itself: then dir is System32 and lsw's DLLs overlay it. */
static char *overlay_dir(const struct file_object *f)
{
	char nt[4096], *slash, *dir = NULL;
	uint16_t w[4096];
	struct path_result *pr = malloc(sizeof(*pr));
	size_t n;

	if (!pr || !child_nt_name(f, "ntdll.dll", nt, sizeof(nt)))
		goto out;
	n = utf8_to_utf16(nt, w, sizeof(w) / sizeof(w[0]));
	if (path_resolve(f->view, w, n, pr) != LSW_STATUS_SUCCESS || pr->target != PATH_HOST ||
	    !pr->exists || !(slash = strrchr(pr->host_path, '/')))
		goto out;
	*slash = 0;
	if (strcmp(pr->host_path, f->name_utf8))
		dir = strdup(pr->host_path);
out:
	free(pr);
	return dir;
}

static struct dir_entry *find_entry(struct dir_scan *s, size_t from, const char *name)
{
	for (size_t i = from; i < s->n; i++)
		if (!strcasecmp(s->e[i]->name, name))
			return s->e[i];
	return NULL;
}

/* Adds the overlay's DLLs that dir\name really opens (they replace a
 * prefix file of the same name). */
static bool add_overlay(struct file_object *f, struct dir_scan *s, size_t *cap, size_t first)
{
	char host[4096];
	struct dirent *d;
	DIR *dir = opendir(s->overlay);
	bool ok = true;

	while (ok && dir && (d = readdir(dir))) {
		size_t len = strlen(d->d_name);
		struct dir_entry *e;

		if (len < 5 || strcasecmp(d->d_name + len - 4, ".dll") || unnameable(d->d_name))
			continue;
		snprintf(host, sizeof(host), "%s/%s", s->overlay, d->d_name);
		if (!resolves_to(f, d->d_name, host))
			continue;
		if (!(e = find_entry(s, first, d->d_name))) {
			size_t before = s->n;

			ok = add_entry(s, cap, d->d_name);
			e = s->n > before ? s->e[before] : NULL;
		}
		if (e)
			e->overlay = true;
	}
	if (dir)
		closedir(dir);
	return ok;
}

/* After add_entry failed: frees the partial snapshot and says why it
 * failed (the budget above, or malloc). */
static NTSTATUS drop_entries(struct dir_scan *s)
{
	NTSTATUS st = *s->budget >= LIVE_ENTRIES_MAX ? LSW_STATUS_INSUFFICIENT_RESOURCES
						     : LSW_STATUS_NO_MEMORY;

	free_entries(s);
	return st;
}

struct above_scan {
	struct dir_scan *s;
	size_t *cap, first;
};

static bool add_above(void *ctx, const char *name, size_t len)
{
	struct above_scan *a = ctx;
	char one[NAME_MAX + 1];

	if (!len || len > NAME_MAX)
		return true; /* roots are resolved paths: never so */
	snprintf(one, sizeof(one), "%.*s", (int)len, name);
	return find_entry(a->s, a->first, one) || add_entry(a->s, a->cap, one);
}

/* A directory above the roots (file.c open_above) shows only the names
 * that lead to them, each a directory; the host is not asked. */
static NTSTATUS snapshot_above(struct file_object *f, struct dir_scan *s)
{
	size_t cap = 0;
	struct above_scan a = { s, &cap, 0 };

	free_entries(s);
	if (!is_drive_root(f->nt_name) &&
	    (!add_entry(s, &cap, ".") || !add_entry(s, &cap, "..")))
		return drop_entries(s);
	a.first = s->n;
	if (!path_above_names(f->view, f->name_utf8, add_above, &a))
		return drop_entries(s);
	if (s->n > a.first)
		qsort(s->e + a.first, s->n - a.first, sizeof(s->e[0]), by_name);
	return name_and_filter(s, -1);
}

/* Reads the directory into s (its pattern already set). */
static NTSTATUS snapshot(struct file_object *f, struct dir_scan *s)
{
	size_t cap = 0, first;
	struct dirent *d;
	DIR *dir;
	int fd;

	if (f->fd < 0)
		return snapshot_above(f, s);
	if ((fd = openat(f->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return errno_to_status(errno);
	if (!(dir = fdopendir(fd))) {
		close(fd);
		return LSW_STATUS_NO_MEMORY;
	}
	free_entries(s);
	if (!is_drive_root(f->nt_name) &&
	    (!add_entry(s, &cap, ".") || !add_entry(s, &cap, "..")))
		goto nomem;
	first = s->n;
	while ((d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (entry_visible(f, f->fd, d) && !add_entry(s, &cap, d->d_name))
			goto nomem;
	}
	closedir(dir);
	free(s->overlay);
	if ((s->overlay = overlay_dir(f)) && !add_overlay(f, s, &cap, first))
		return drop_entries(s);
	if (s->n > first) /* an empty drive root has no list at all (NULL) */
		qsort(s->e + first, s->n - first, sizeof(s->e[0]), by_name);
	return name_and_filter(s, f->fd);
nomem:
	closedir(dir);
	return drop_entries(s);
}

/* Starts (or restarts) the scan; the pattern is kept for the handle. */
/* A run of '*' matches what one of them matches: keep one, so a hostile
 * pattern costs less.  Not so '<': "<<" takes "a.b", "<" does not. */
static size_t collapse_stars(uint16_t *p, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; p && i < n; i++) {
		bool star = p[i] == '*';

		if (star && o && p[o - 1] == p[i])
			continue;
		p[o++] = p[i];
	}
	return o;
}

static NTSTATUS scan_start(struct nt_call *c, struct file_object *f, uint64_t file_name)
{
	static const uint16_t star = '*';
	struct dir_scan *s = f->scan;
	uint16_t *pat = NULL;
	size_t plen = 0;
	NTSTATUS st;

	if (file_name && (st = tracee_read_ustring(c->thread, file_name, &pat, &plen)) !=
			 LSW_STATUS_SUCCESS)
		return st;
	if ((!pat || !plen) && s && s->pattern) {
		free(pat);  /* a restart without a name keeps the handle's pattern */
		return snapshot(f, s);
	}
	plen = collapse_stars(pat, plen);
	if (plen > MAX_PATTERN) { /* no name is longer than 255: refuse, do not grind */
		free(pat);
		return LSW_STATUS_OBJECT_NAME_INVALID;
	}
	if (!pat || !plen) {
		free(pat);
		if (!(pat = malloc(sizeof(star))))
			return LSW_STATUS_NO_MEMORY;
		pat[0] = star;
		plen = 1;
	}
	if (!s && !(s = f->scan = calloc(1, sizeof(*s)))) {
		free(pat);
		return LSW_STATUS_NO_MEMORY;
	}
	s->budget = &f->host->files.dir_entries;
	free(s->pattern);
	s->pattern = pat;
	s->plen = plen;
	return snapshot(f, s);
}

/* The entry's stat: ".." on a Z: allowed root would show a hidden
 * directory, so it shows the directory itself there. */
static bool entry_stat(struct file_object *f, const struct dir_entry *e, struct stat *st)
{
	char host[4096];

	if (f->fd < 0) { /* above the roots: a directory, nothing more is told */
		memset(st, 0, sizeof(*st));
		st->st_mode = S_IFDIR | 0555;
		st->st_nlink = 2;
		return true;
	}
	if (e->overlay) {
		snprintf(host, sizeof(host), "%s/%s", f->scan->overlay, e->name);
		return stat(host, st) == 0;
	}
	if (!strcmp(e->name, "."))
		return fstat(f->fd, st) == 0;
	if (!strcmp(e->name, "..") && !resolves_to(f, "..", NULL))
		return fstat(f->fd, st) == 0;
	return fstatat(f->fd, e->name, st, 0) == 0 ||
	       fstatat(f->fd, e->name, st, AT_SYMLINK_NOFOLLOW) == 0;
}

/* Writes the fixed part of one entry at out (zeroed by the caller). */
static void fill_fixed(const struct lsw_host *h, const struct dir_class *k, bool read_only,
		       const struct stat *st, const char *path, uint32_t name_bytes, uint8_t *out)
{
	struct net_open_info ni;

	memcpy(out + k->name_len_off, &name_bytes, 4);
	if (!k->times)
		return;
	describe_stat(st, &ni);
	dos_attrs_apply(&ni, -1, path);
	if (read_only && !(ni.attributes & FILE_ATTRIBUTE_DIRECTORY))
		ni.attributes |= FILE_ATTRIBUTE_READONLY;
	memcpy(out + 8, &ni.creation, 8);
	memcpy(out + 16, &ni.access, 8);
	memcpy(out + 24, &ni.write, 8);
	memcpy(out + 32, &ni.change, 8);
	memcpy(out + 40, &ni.end_of_file, 8);
	memcpy(out + 48, &ni.allocation, 8);
	memcpy(out + 56, &ni.attributes, 4);
	if (k->id_off) {
		uint64_t id = volume_file_id(h, st->st_dev, st->st_ino);

		memcpy(out + k->id_off, &id, 8);
	}
}

/* ShortNameLength (bytes, one CCHAR) and ShortName[12], where the class
 * has them. */
static void fill_short(const struct dir_class *k, const struct dir_entry *e, uint8_t *out)
{
	size_t n = strlen(e->short_name);

	if (!k->short_off)
		return;
	out[k->short_off] = (uint8_t)(n * 2);
	for (size_t i = 0; i < n; i++) {
		uint16_t c = (unsigned char)e->short_name[i];

		memcpy(out + k->short_off + 2 + 2 * i, &c, 2);
	}
}

struct fill {
	uint8_t *buf;
	uint32_t len, used, last;  /* last: offset of the previous entry */
	unsigned count;
};

/* Appends the scan's next entry; false when it does not fit.  A first
 * entry that does not fit whole is written as far as it fits (the fixed
 * part, FileNameLength telling the full length) and *overflow is set; as
 * on Windows (and Wine), that entry counts as returned. */
static bool fill_one(const struct dir_class *k, struct file_object *f, struct fill *fl,
		     bool *overflow)
{
	const struct dir_entry *e = f->scan->e[f->scan->pos];
	uint32_t off = fl->count ? (fl->used + 7u) & ~7u : 0;
	uint32_t name_bytes = e->wlen * 2u;
	char path[64 + 1024];
	struct stat st;

	/* the entry by the directory's fd, for its extended attributes */
	snprintf(path, sizeof(path), "/proc/self/fd/%d/%s", f->fd, e->name);
	if (!entry_stat(f, e, &st)) {
		f->scan->pos++; /* gone since the snapshot */
		return true;
	}
	if (off + k->name_off + name_bytes > fl->len) {
		if (fl->count)
			return false;
		memset(fl->buf, 0, fl->len);
		fill_fixed(f->host, k, f->read_only, &st, path, name_bytes, fl->buf);
		fill_short(k, e, fl->buf);
		memcpy(fl->buf + k->name_off, e->wname, (fl->len - k->name_off) & ~1u);
		fl->used = fl->len;
		*overflow = true;
		f->scan->pos++;
		return false;
	}
	memset(fl->buf + fl->used, 0, off + k->name_off - fl->used);
	fill_fixed(f->host, k, f->read_only, &st, path, name_bytes, fl->buf + off);
	fill_short(k, e, fl->buf + off);
	memcpy(fl->buf + off + k->name_off, e->wname, name_bytes);
	if (fl->count) {
		uint32_t next = off - fl->last;

		memcpy(fl->buf + fl->last, &next, 4);
	}
	fl->last = off;
	fl->used = off + k->name_off + name_bytes;
	fl->count++;
	f->scan->pos++;
	return true;
}

/* Nothing (more) to return: STATUS_NO_SUCH_FILE, an error that leaves
 * the IO_STATUS_BLOCK alone, on the handle's first query; else the
 * warning STATUS_NO_MORE_FILES, which is written there. */
static NTSTATUS no_entry(struct nt_call *c, struct file_object *f)
{
	bool first = !f->scan->returned;

	f->scan->returned = true;
	if (first)
		return LSW_STATUS_NO_SUCH_FILE;
	tracee_write_iosb(c->thread, c->args[4], LSW_STATUS_NO_MORE_FILES, 0);
	return LSW_STATUS_NO_MORE_FILES;
}

/* The common body: args[0..7] are shared by both calls. */
static NTSTATUS query_directory(struct nt_call *c, bool single, bool restart,
				uint64_t file_name)
{
	const struct dir_class *k = find_class((uint32_t)c->args[7]);
	uint32_t len = (uint32_t)c->args[6];
	struct file_object *f;
	struct fill fl = { 0 };
	bool overflow = false, written;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (!(f->access & FILE_LIST_DIRECTORY))
		return LSW_STATUS_ACCESS_DENIED;
	if (f->kind != FILE_KIND_DIR)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!k)
		return len < unanswered_class_size((uint32_t)c->args[7])
			       ? LSW_STATUS_INFO_LENGTH_MISMATCH
			       : LSW_STATUS_INVALID_INFO_CLASS;
	if (len < k->min_len)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if ((!f->scan || restart) && (st = scan_start(c, f, file_name)) != LSW_STATUS_SUCCESS)
		return st;
	if (f->scan->pos >= f->scan->n) {
		return no_entry(c, f);
	}
	fl.len = len < OUT_MAX ? len : OUT_MAX;
	if (!(fl.buf = malloc(fl.len)))
		return LSW_STATUS_NO_MEMORY;
	while (f->scan->pos < f->scan->n && !(single && fl.count))
		if (!fill_one(k, f, &fl, &overflow))
			break;
	if (!fl.count && !overflow) { /* every remaining entry vanished */
		free(fl.buf);
		return no_entry(c, f);
	}
	f->scan->returned = true;
	st = overflow ? LSW_STATUS_BUFFER_OVERFLOW : LSW_STATUS_SUCCESS;
	written = tracee_write(c->thread, c->args[5], fl.buf, fl.used) == 0;
	free(fl.buf);
	if (!written)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (tracee_write_iosb(c->thread, c->args[4], st, fl.used) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

/* NtQueryDirectoryFile(FileHandle, Event, ApcRoutine, ApcContext,
 *                      IoStatusBlock, FileInformation, Length,
 *                      FileInformationClass, ReturnSingleEntry, FileName,
 *                      RestartScan) */
NTSTATUS nt_NtQueryDirectoryFile(struct nt_call *c)
{
	return query_directory(c, (uint8_t)c->args[8] != 0, (uint8_t)c->args[10] != 0,
			       c->args[9]);
}

/* NtQueryDirectoryFileEx(FileHandle, Event, ApcRoutine, ApcContext,
 *                        IoStatusBlock, FileInformation, Length,
 *                        FileInformationClass, QueryFlags, FileName) */
NTSTATUS nt_NtQueryDirectoryFileEx(struct nt_call *c)
{
	uint32_t flags = (uint32_t)c->args[8];

	if (flags & SL_INDEX_SPECIFIED)
		return LSW_STATUS_NOT_IMPLEMENTED; /* needs FileIndex positions */
	return query_directory(c, flags & SL_RETURN_SINGLE_ENTRY, flags & SL_RESTART_SCAN,
			       c->args[9]);
}
