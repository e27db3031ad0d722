/*
 * The registry over one run of the supervisor: the prefix's hives attached
 * at start, HKCU\Volatile Environment made (it is never written to disk,
 * as on Windows, where logon creates it), changes written to the hive
 * files within a second of being made, at once when a program makes them
 * faster than that (REG_JOURNAL_MEM_SOON), and at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/registry/registry.h"

#define FLUSH_PERIOD_NS 1000000000ull

static void report(const char *err)
{
	fprintf(stderr, "lsw: registry not saved: %s\n", err);
}

void registry_flush_dirty(struct lsw_host *h)
{
	struct reg_hive *hives[2] = { h->registry.machine, h->registry.user };
	char err[1024];

	for (int i = 0; i < 2; i++)
		if (hives[i] && hives[i]->dirty && reg_hive_flush(hives[i], err, sizeof(err)) < 0)
			report(err); /* kept in memory; tried again next time */
}

int registry_sync(struct lsw_host *h, char *err, size_t errlen)
{
	struct reg_hive *hives[2] = { h->registry.machine, h->registry.user };

	for (int i = 0; i < 2; i++)
		if (hives[i] && reg_hive_sync(hives[i], err, errlen) < 0)
			return -1;
	return 0;
}

static void flush_tick(void *arg, uint32_t events)
{
	struct lsw_host *h = arg;

	(void)events;
	registry_flush_dirty(h);
	loop_add_timer(&h->loop, loop_now_ns() + FLUSH_PERIOD_NS, flush_tick, h);
}

static void flush_now(void *arg, uint32_t events)
{
	struct lsw_host *h = arg;

	(void)events;
	h->registry.flush_pending = false;
	registry_flush_dirty(h);
}

/* A hive's waiting changes passed REG_JOURNAL_MEM_SOON: flush as soon as
 * the call that made them has been answered. */
static void journal_full(void *arg, struct reg_hive *hive)
{
	struct lsw_host *h = arg;

	(void)hive;
	if (!h->registry.flush_pending) {
		h->registry.flush_pending = true;
		loop_add_timer(&h->loop, loop_now_ns(), flush_now, h);
	}
}

const char *const volatile_environment_names[] = {
	"APPDATA", "HOMEDRIVE", "HOMEPATH", "LOCALAPPDATA", "LOGONSERVER", "USERDOMAIN",
	"USERNAME", "USERPROFILE", NULL,
};

/* The names Windows' logon puts in Volatile Environment, from env. */
static void volatile_environment(struct reg_hive *user, char **env)
{
	const char *const *names = volatile_environment_names;
	static const uint16_t key_name[] = { 'V', 'o', 'l', 'a', 't', 'i', 'l', 'e', ' ', 'E',
					     'n', 'v', 'i', 'r', 'o', 'n', 'm', 'e', 'n', 't' };
	struct reg_key *k = reg_key_find(user->root, key_name, 20);

	if (!k && reg_key_create(user->root, key_name, 20, true, NULL, 0, &k) != LSW_STATUS_SUCCESS)
		return;
	for (size_t i = 0; names[i]; i++) {
		size_t nl = strlen(names[i]);

		for (char **e = env; e && *e; e++) {
			uint16_t *name, *value;
			size_t n, vn;

			if (strncmp(*e, names[i], nl) || (*e)[nl] != '=')
				continue;
			name = reg_utf8_to_utf16(names[i], nl, &n, NULL);
			value = reg_utf8_to_utf16(*e + nl + 1, strlen(*e + nl + 1) + 1, &vn, NULL);
			if (name && value)
				reg_value_set(k, name, n, REG_SZ, value, (uint32_t)(vn * 2));
			free(name);
			free(value);
		}
	}
}

void registry_start(struct lsw_host *h)
{
	struct host_registry *r = &h->registry;
	struct reg_hive *hives[2];

	r->machine = h->cfg.hive_machine;
	r->user = h->cfg.hive_user;
	hives[0] = r->machine;
	hives[1] = r->user;
	for (int i = 0; i < 2; i++)
		if (hives[i])
			hives[i]->hooks = (struct reg_hive_hooks){ registry_key_changed,
								   journal_full, h };
	if (r->user)
		volatile_environment(r->user, h->cfg.logon_env);
	loop_add_timer(&h->loop, loop_now_ns() + FLUSH_PERIOD_NS, flush_tick, h);
}

void registry_stop(struct lsw_host *h)
{
	struct reg_hive *hives[2] = { h->registry.machine, h->registry.user };
	char err[1024];

	for (int i = 0; i < 2; i++)
		if (hives[i]) {
			if (reg_hive_flush_final(hives[i], err, sizeof(err)) < 0)
				report(err);
			hives[i]->hooks = (struct reg_hive_hooks){ 0 };
		}
}
