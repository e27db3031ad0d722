/*
 * 8.3 short names, made as NTFS makes them (Microsoft's description of
 * the algorithm): spaces, leading dots and every dot but the one that
 * starts the extension are dropped, characters that are not legal in an
 * 8.3 name become '_', letters are upper-cased; the first six characters
 * of the base get "~1" and the first three of the extension follow
 * ("Program Files" -> "PROGRA~1", "longfilename.html" -> "LONGFI~1.HTM").
 * When that name is taken, ~2, ~3 and ~4 follow; from the fifth name of
 * one stem on, the first two characters, four hex digits of a hash of
 * the long name and "~1" ("LO1A2B~1.HTM").  A base of two characters or
 * fewer gets the hash from the first ("a b.txt" -> "AB1A2B~1.TXT", ".a"
 * -> "A1A2B~1": Windows Internals' description, which the patterns of
 * kernel32's test_FindFirstFile_wildcards confirm).
 *
 * NTFS fixes a name's number when the file is created, from the names
 * present then.  Here the names of one stem are numbered in the order
 * their files were created (the host's birth time, then the name): a
 * file keeps its short name for its life as long as no older file of the
 * same stem goes away, which covers what programs do with short names
 * (ask for one, use it soon after).  Non-ASCII characters become '_'
 * (NTFS would try the OEM code page first).
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "emul/io/short_name.h"

#define LOOKUP_NAMES_MAX (1u << 20) /* a lookup reads no larger directory */
#define NUMBERED_MAX 4              /* ~1..~4, then the hashed form */

/* Characters an 8.3 name may hold besides letters and digits. */
static bool legal_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'()-@^_`{}~", c));
}

bool short_name_legal(const char *name)
{
	const char *dot = strchr(name, '.');
	size_t base = dot ? (size_t)(dot - name) : strlen(name), ext = dot ? strlen(dot + 1) : 0;

	if (!base || base > 8 || (dot && (!ext || ext > 3 || strchr(dot + 1, '.'))))
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p != '.' && !legal_char(*p))
			return false;
	return true;
}

bool short_name_candidate(const char *comp)
{
	return strchr(comp, '~') && short_name_legal(comp);
}

/* Appends name[from..to) converted (at most max characters) to out. */
static void convert(const char *from, const char *to, char *out, size_t max)
{
	size_t n = strlen(out);

	for (const unsigned char *p = (const unsigned char *)from; p < (const unsigned char *)to &&
								   n < max; p++) {
		if (*p == '.' || *p == ' ' || (*p >= 0x80 && *p < 0xC0))
			continue; /* dropped; a UTF-8 continuation byte goes with its lead */
		out[n++] = legal_char(*p) ? (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p) : '_';
	}
	out[n] = 0;
}

/* The base (up to 8 characters: the hashed form needs two of them) and
 * the extension a long name's short name is made of; leading and
 * trailing dots go first. */
static void make_stem(const char *name, char base[9], char ext[4])
{
	const char *p = name + strspn(name, "."), *last;
	size_t len = strlen(p);

	while (len && p[len - 1] == '.')
		len--;
	last = memrchr(p, '.', len);
	base[0] = ext[0] = 0;
	convert(p, last ? last : p + len, base, 8);
	if (last)
		convert(last + 1, p + len, ext, 3);
	if (!base[0])
		strcpy(base, "_");
}

/* --- the names taken in one directory: an open-addressing set --- */

struct taken {
	short_name_t *slot;
	size_t mask;
};

static uint32_t fnv(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)(*s >= 'a' && *s <= 'z' ? *s - 32 : *s)) * 16777619u;
	return h;
}

static bool taken_init(struct taken *t, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n + 2)
		cap *= 2;
	t->mask = cap - 1;
	return (t->slot = calloc(cap, sizeof(*t->slot))) != NULL;
}

/* Adds name (upper case); false if it was there already. */
static bool taken_add(struct taken *t, const char *name)
{
	for (size_t i = fnv(name) & t->mask;; i = (i + 1) & t->mask) {
		if (!t->slot[i][0]) {
			snprintf(t->slot[i], sizeof(t->slot[i]), "%s", name);
			return true;
		}
		if (!strcasecmp(t->slot[i], name))
			return false;
	}
}

/* --- assignment --- */

struct cand {
	size_t idx;
	const char *name;
	char base[9], ext[4];
	int64_t born;  /* birth time (ns), 0 when the host does not tell */
};

static int by_stem(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int r = strncmp(x->base, y->base, 6);

	if (!r)
		r = strcmp(x->ext, y->ext);
	return r ? r : strcmp(x->name, y->name);
}

static int by_birth(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->born != y->born)
		return x->born < y->born ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int64_t birth_time(int dirfd, const char *name)
{
	struct statx sx;

	if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW, STATX_BTIME, &sx) || !(sx.stx_mask & STATX_BTIME))
		return 0;
	return (int64_t)sx.stx_btime.tv_sec * 1000000000 + sx.stx_btime.tv_nsec;
}

static void compose(char *out, const char *base, unsigned number, const char *ext)
{
	snprintf(out, sizeof(short_name_t), "%s~%u%s%s", base, number, ext[0] ? "." : "", ext);
}

/* The hashed form, for a stem's fifth name on. */
static void hashed(struct taken *t, const struct cand *c, char *out)
{
	uint32_t h = fnv(c->name);
	char base[7];

	for (unsigned round = 0;; round++, h = h * 16777619u + round) {
		snprintf(base, sizeof(base), "%.2s%04X", c->base, (unsigned)(h & 0xFFFF));
		for (unsigned k = 1; k <= 9; k++) {
			compose(out, base, k, c->ext);
			if (taken_add(t, out))
				return;
		}
	}
}

/* Numbers one stem's names c[0..n), oldest first; a short base is hashed
 * from the first. */
static void assign_group(int dirfd, struct taken *t, struct cand *c, size_t n, short_name_t *out)
{
	unsigned number = strlen(c[0].base) <= 2 ? NUMBERED_MAX + 1 : 1;
	char base[7];

	if (n > 1) {
		for (size_t i = 0; i < n; i++)
			c[i].born = birth_time(dirfd, c[i].name);
		qsort(c, n, sizeof(*c), by_birth);
	}
	snprintf(base, sizeof(base), "%.6s", c[0].base);
	for (size_t i = 0; i < n; i++) {
		char *o = out[c[i].idx];

		for (; number <= NUMBERED_MAX; number++) {
			compose(o, base, number, c[i].ext);
			if (taken_add(t, o))
				break;
		}
		if (number++ > NUMBERED_MAX)
			hashed(t, &c[i], o);
	}
}

void short_names_assign(int dirfd, const char *const *names, size_t n, short_name_t *out)
{
	struct cand *c = calloc(n ? n : 1, sizeof(*c));
	struct taken t;
	size_t nc = 0;

	for (size_t i = 0; i < n; i++)
		out[i][0] = 0;
	if (!c || !taken_init(&t, n)) {
		free(c);
		return; /* no memory: no short names, as on a volume without them */
	}
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(names[i], ".") || !strcmp(names[i], ".."))
			continue;
		if (short_name_legal(names[i])) {
			taken_add(&t, names[i]);
			continue;
		}
		c[nc].idx = i;
		c[nc].name = names[i];
		make_stem(names[i], c[nc].base, c[nc].ext);
		nc++;
	}
	qsort(c, nc, sizeof(*c), by_stem);
	for (size_t i = 0, j; i < nc; i = j) {
		for (j = i + 1; j < nc && !strncmp(c[j].base, c[i].base, 6) && !strcmp(c[j].ext, c[i].ext);)
			j++;
		assign_group(dirfd, &t, c + i, j - i, out);
	}
	free(t.slot);
	free(c);
}

bool short_name_lookup(const char *dir, const char *comp, char *name)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	short_name_t *shorts = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	bool found = false;

	while (d && n < LOOKUP_NAMES_MAX && (e = readdir(d))) {
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof(*nn));

			if (!nn)
				goto out;
			names = nn;
		}
		if (!(names[n] = strdup(e->d_name)))
			goto out;
		n++;
	}
	if (!d || !(shorts = malloc((n ? n : 1) * sizeof(*shorts))))
		goto out;
	short_names_assign(dirfd(d), (const char *const *)names, n, shorts);
	for (size_t i = 0; i < n && !found; i++) {
		if (shorts[i][0] && !strcasecmp(shorts[i], comp)) {
			snprintf(name, NAME_MAX + 1, "%s", names[i]);
			found = true;
		}
	}
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(shorts);
	if (d)
		closedir(d);
	return found;
}
