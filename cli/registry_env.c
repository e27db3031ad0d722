/*
 * The process environment from the registry, as Windows' logon builds
 * it: HKLM\System\CurrentControlSet\Control\Session Manager\Environment,
 * then HKCU\Environment, REG_EXPAND_SZ values expanded against what is
 * set so far; the user's Path is appended to the system's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cli.h"
#include "emul/registry/reg_prefix.h"
#include "emul/registry/registry.h"

#define EXPANDED_MAX 32767 /* characters in one environment value */

/* The key at path (components separated by '\\') below root, or NULL. */
static struct reg_key *find_path(struct reg_key *root, const char *path)
{
	struct reg_key *k = root;

	while (k && *path) {
		const char *end = strchr(path, '\\');
		size_t len = end ? (size_t)(end - path) : strlen(path), n;
		uint16_t *w = reg_utf8_to_utf16(path, len, &n, NULL);

		k = w ? reg_key_find(k, w, n) : NULL;
		free(w);
		path += len + (end ? 1 : 0);
	}
	return k;
}

/* %NAME% replaced by NAME's value so far (unknown names stay as written). */
static char *expand(struct env_builder *e, const char *s)
{
	char *out = malloc(EXPANDED_MAX + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	while (*s && o < EXPANDED_MAX) {
		const char *end = *s == '%' ? strchr(s + 1, '%') : NULL;
		char name[256];
		const char *v;

		if (end && end > s + 1 && (size_t)(end - s - 1) < sizeof(name)) {
			snprintf(name, sizeof(name), "%.*s", (int)(end - s - 1), s + 1);
			if ((v = env_get(e, name))) {
				size_t vl = strlen(v);

				if (vl > EXPANDED_MAX - o)
					vl = EXPANDED_MAX - o;
				memcpy(out + o, v, vl);
				o += vl;
				s = end + 1;
				continue;
			}
		}
		out[o++] = *s++;
	}
	out[o] = 0;
	return out;
}

/* Sets every string value of key in e; Path is joined to the one set. */
static void apply_key(struct env_builder *e, struct reg_key *key, bool append_path)
{
	for (uint32_t i = 0; key && i < key->nvalues; i++) {
		const struct reg_value *v = &key->values[i];
		size_t units = v->size / 2;
		char *name, *raw, *value;

		if ((v->type != REG_SZ && v->type != REG_EXPAND_SZ) || !v->name_len)
			continue;
		while (units && ((const uint16_t *)v->data)[units - 1] == 0)
			units--;
		name = reg_utf16_to_utf8(v->name, v->name_len, NULL);
		raw = reg_utf16_to_utf8((const uint16_t *)v->data, units, NULL);
		value = raw && v->type == REG_EXPAND_SZ ? expand(e, raw) : raw;
		if (name && value) {
			const char *old = env_get(e, name);

			if (append_path && !strcasecmp(name, "Path") && old && *old) {
				char *joined = malloc(strlen(old) + strlen(value) + 2);

				if (joined) {
					sprintf(joined, "%s;%s", old, value);
					env_set(e, name, joined);
					free(joined);
				}
			} else {
				env_set(e, name, value);
			}
		}
		if (value != raw)
			free(value);
		free(raw);
		free(name);
	}
}

void env_add_registry(struct env_builder *e, struct reg_prefix *r)
{
	const char *const *names = volatile_environment_names;
	char *logon[16] = { 0 };
	size_t i;

	/* what logon sets (Volatile Environment) is applied last: keep it */
	for (i = 0; names[i] && i < 16; i++)
		if (env_get(e, names[i]))
			logon[i] = strdup(env_get(e, names[i]));
	apply_key(e, find_path(r->machine->root,
			       "System\\CurrentControlSet\\Control\\Session Manager\\Environment"),
		  false);
	apply_key(e, find_path(r->user->root, "Environment"), true);
	for (i = 0; names[i] && i < 16; i++) {
		if (logon[i])
			env_set(e, names[i], logon[i]);
		free(logon[i]);
	}
}
