/* A prefix's registry: both hives, their defaults, the root names. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "emul/registry/reg_internal.h"
#include "emul/registry/reg_prefix.h"

#define HKU_USER_LONG "HKEY_USERS\\" REG_USER_SID

static struct reg_key *classes_root(struct reg_prefix *p)
{
	static const uint16_t software[] = { 'S', 'o', 'f', 't', 'w', 'a', 'r', 'e' };
	static const uint16_t classes[] = { 'C', 'l', 'a', 's', 's', 'e', 's' };
	struct reg_key *k = reg_key_find(p->machine->root, software, 8);

	return k ? reg_key_find(k, classes, 7) : NULL;
}

/* The root a name stands for, and its full name (*canonical). */
static struct reg_key *root_by_name(struct reg_prefix *p, const char *name,
				    const char **canonical)
{
	static const char *const names[][2] = {
		{ "HKLM", "HKEY_LOCAL_MACHINE" }, { "HKCU", "HKEY_CURRENT_USER" },
		{ "HKCR", "HKEY_CLASSES_ROOT" }, { "HKU\\" REG_USER_SID, HKU_USER_LONG },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp(name, names[i][0]) && strcasecmp(name, names[i][1]))
			continue;
		*canonical = names[i][1];
		switch (i) {
		case 0: return p->machine->root;
		case 2: return classes_root(p);
		default: return p->user->root;
		}
	}
	return NULL;
}

struct reg_key *reg_prefix_resolve(void *prefix, const char *root_name)
{
	const char *canonical;

	return root_by_name(prefix, root_name, &canonical);
}

struct reg_key *reg_prefix_root(struct reg_prefix *p, const char *path, const char **rest,
				const char **canonical)
{
	char name[128];
	const char *end = path;

	/* "ROOT" or, for HKEY_USERS, "ROOT\<sid>" */
	for (int parts = 0; parts < 2; parts++) {
		struct reg_key *k;

		end = strchr(end, '\\');
		if (!end)
			end = path + strlen(path);
		if ((size_t)(end - path) >= sizeof(name))
			return NULL;
		memcpy(name, path, (size_t)(end - path));
		name[end - path] = 0;
		k = root_by_name(p, name, canonical);
		if (k) {
			*rest = *end ? end + 1 : end;
			return k;
		}
		if (!*end)
			return NULL;
		end++;
	}
	return NULL;
}

static char *join(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s/%s", dir, file);
	return s;
}

/* Loads one hive; *is_new: its file did not exist. */
static struct reg_hive *open_hive(const char *prefix, const char *file, const char *label,
				  bool *is_new, char *err, size_t errlen)
{
	char *path = join(prefix, file);
	struct reg_hive *h = NULL;
	struct stat st;

	if (!path) {
		snprintf(err, errlen, "%s: out of memory", prefix);
		return NULL;
	}
	*is_new = stat(path, &st) < 0 && errno == ENOENT;
	h = reg_hive_load(path, label, err, errlen);
	free(path);
	return h;
}

struct reg_prefix *reg_prefix_open(const char *prefix, const char *user, char *err,
				   size_t errlen)
{
	struct reg_prefix *p = calloc(1, sizeof(*p));
	bool new_machine = false, new_user = false;
	int r;

	if (!p) {
		snprintf(err, errlen, "%s: out of memory", prefix);
		return NULL;
	}
	p->machine = open_hive(prefix, "system.reg", "HKEY_LOCAL_MACHINE", &new_machine, err,
			       errlen);
	if (p->machine)
		p->user = open_hive(prefix, "user.reg", "HKEY_CURRENT_USER", &new_user, err,
				    errlen);
	if (!p->user) {
		reg_prefix_close(p);
		return NULL;
	}
	if (new_machine || new_user) {
		/* not journaled: if another lsw writes the file first, its
		 * defaults are the same, and replaying ours would undo its
		 * later changes */
		reg_journal_pause(p->machine, true);
		reg_journal_pause(p->user, true);
		r = reg_defaults_apply(new_machine ? p->machine->root : NULL,
				       new_user ? p->user->root : NULL, user, REG_USER_SID, err,
				       errlen);
		reg_journal_pause(p->machine, false);
		reg_journal_pause(p->user, false);
		if (r < 0) {
			reg_prefix_close(p);
			return NULL;
		}
	}
	p->machine->time_zones_pending = true;
	return p;
}

int reg_prefix_time_zones(struct reg_hive *machine)
{
	struct reg_hive_hooks hooks = machine->hooks;
	int r;

	if (!machine->time_zones_pending)
		return 0;
	machine->time_zones_pending = false;
	/* nobody can watch keys nobody has looked at yet */
	machine->hooks = (struct reg_hive_hooks){ 0 };
	r = reg_time_zones_add(machine->root);
	machine->hooks = hooks;
	return r;
}

int reg_prefix_flush(struct reg_prefix *p, char *err, size_t errlen)
{
	int r = reg_hive_flush(p->machine, err, errlen);

	if (r == 0)
		r = reg_hive_flush(p->user, err, errlen);
	return r;
}

int reg_prefix_flush_final(struct reg_prefix *p, char *err, size_t errlen)
{
	int r = reg_hive_flush_final(p->machine, err, errlen);

	if (r == 0)
		r = reg_hive_flush_final(p->user, err, errlen);
	return r;
}

void reg_prefix_close(struct reg_prefix *p)
{
	if (!p)
		return;
	reg_hive_free(p->machine);
	reg_hive_free(p->user);
	free(p);
}
