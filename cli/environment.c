/* The Windows environment of a new process.  The host environment is not
 * passed by default (it may hold secrets, and an untrusted program should
 * not see them); --env and --host-env add to the Windows defaults. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cli.h"

const char *lsw_user_name(void)
{
	static char name[65];
	const char *user = getenv("USER");
	size_t n = user ? strlen(user) : 0;
	bool ok = n > 0 && n < sizeof(name) && user[n - 1] != '.' && user[n - 1] != ' ' &&
		  !strpbrk(user, "\\/:*?\"<>|");

	for (size_t i = 0; ok && i < n; i++)
		if ((unsigned char)user[i] < 32 || user[i] == 127)
			ok = false;
	/* not a name Windows would take (".", "..", "a/b", control characters) */
	snprintf(name, sizeof(name), "%s", ok ? user : "user");
	return name;
}

struct env_builder {
	char **v;
	size_t n, cap;
};

struct env_builder *env_new(void)
{
	return calloc(1, sizeof(struct env_builder));
}

static size_t name_len(const char *entry)
{
	/* a leading '=' belongs to the name (Windows "=C:" variables) */
	const char *eq = strchr(entry + 1, '=');

	return eq ? (size_t)(eq - entry) : strlen(entry);
}

int env_set(struct env_builder *e, const char *name, const char *value)
{
	size_t nl = strlen(name);
	char *entry = malloc(nl + strlen(value) + 2);

	if (!entry)
		return -1;
	sprintf(entry, "%s=%s", name, value);
	for (size_t i = 0; i < e->n; i++)
		if (name_len(e->v[i]) == nl && !strncasecmp(e->v[i], name, nl)) {
			free(e->v[i]);
			e->v[i] = entry;
			return 0;
		}
	if (e->n + 2 > e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 32;
		char **nv = realloc(e->v, cap * sizeof(*nv));
		if (!nv) {
			free(entry);
			return -1;
		}
		e->v = nv;
		e->cap = cap;
	}
	e->v[e->n++] = entry;
	return 0;
}

const char *env_get(struct env_builder *e, const char *name)
{
	size_t nl = strlen(name);

	for (size_t i = 0; i < e->n; i++)
		if (name_len(e->v[i]) == nl && !strncasecmp(e->v[i], name, nl))
			return e->v[i] + nl + 1;
	return NULL;
}

int env_add_option(struct env_builder *e, const char *opt)
{
	const char *eq = strchr(opt, '=');
	char name[256];

	if (eq) {
		if (eq == opt || (size_t)(eq - opt) >= sizeof(name))
			return -1;
		snprintf(name, sizeof(name), "%.*s", (int)(eq - opt), opt);
		return env_set(e, name, eq + 1);
	}
	if (!*opt || !getenv(opt))
		return *opt ? 0 : -1; /* NAME not set on the host: nothing to pass */
	return env_set(e, opt, getenv(opt));
}

void env_add_host(struct env_builder *e, char **host)
{
	for (; host && *host; host++)
		env_add_option(e, *host);
}

static int by_name(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

char **env_finish(struct env_builder *e)
{
	if (!e->v && !(e->v = calloc(1, sizeof(*e->v))))
		return NULL; /* nothing set yet: an empty vector */
	qsort(e->v, e->n, sizeof(*e->v), by_name); /* Windows keeps the block sorted */
	e->v[e->n] = NULL;
	return e->v;
}

char **env_take(struct env_builder *e)
{
	char **v = env_finish(e);

	free(e);
	return v;
}

struct env_builder *env_from(char *const *v)
{
	struct env_builder *e = env_new();
	size_t n = 0;

	while (v && v[n])
		n++;
	if (!e || !(e->v = malloc((n + 16) * sizeof(*e->v)))) {
		free(e);
		return NULL;
	}
	e->cap = n + 16;
	for (; e->n < n; e->n++) /* v's names are distinct already */
		if (!(e->v[e->n] = strdup(v[e->n]))) {
			env_free(e);
			return NULL;
		}
	return e;
}

int env_set_entry(struct env_builder *e, const char *entry)
{
	size_t n = name_len(entry);
	char name[256];

	if (!entry[n] || n >= sizeof(name))
		return -1;
	memcpy(name, entry, n);
	name[n] = 0;
	return env_set(e, name, entry + n + 1);
}

void env_free(struct env_builder *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i]);
	free(e->v);
	free(e);
}
