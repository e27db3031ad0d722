/*
 * lswhost's environment of a run (cli.h).  What a logon gives (the
 * defaults and the registry's Environment keys, REG_EXPAND_SZ values
 * expanded) was built again for every run; it only changes with the
 * hives, so it is kept and built again only when one of them changed
 * since (its generation moved: a program's write, a merge of another
 * writer's file, lsw reg through the daemon).
 */
#include <stdlib.h>
#include "cli.h"
#include "emul/registry/reg_prefix.h"

static void free_vector(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static bool stale(const struct host_env *he)
{
	return !he->logon || he->machine_generation != he->reg->machine->generation ||
	       he->user_generation != he->reg->user->generation;
}

char **host_env_for_run(struct host_env *he, char *const *options)
{
	struct env_builder *e;

	if (stale(he)) {
		/* read the generations first: building reads the hives only */
		uint64_t m = he->reg->machine->generation, u = he->reg->user->generation;
		char **fresh = run_env_logon(he->reg);

		if (!fresh)
			return NULL;
		free_vector(he->logon);
		he->logon = fresh;
		he->machine_generation = m;
		he->user_generation = u;
	}
	if (!(e = env_from(he->logon)))
		return NULL;
	for (size_t i = 0; options && options[i]; i++)
		env_set_entry(e, options[i]);
	return env_take(e);
}

void host_env_free(struct host_env *he)
{
	free_vector(he->logon);
	he->logon = NULL;
}
