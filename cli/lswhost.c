/* lswhost [--prefix DIR] [--idle SECONDS]: the prefix's host daemon (lsw
 * run starts it on demand; this is lsw under the name lswhost). */
#include <fcntl.h>
#include <getopt.h>
#include <sys/prctl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "emul/registry/reg_prefix.h"
#include "host/daemon.h"

static void usage(FILE *f)
{
	fputs("usage: lswhost [--prefix DIR] [--idle SECONDS] [--debug]\n"
	      "\n"
	      "Serves every `lsw run` of one prefix from one supervisor, so that their\n"
	      "programs share named objects and the registry live.  `lsw run` starts it\n"
	      "on demand; it exits after SECONDS (default $LSW_HOST_IDLE, else 5) with\n"
	      "no client and no process.  `lsw host status|stop` talk to it.\n", f);
}

static int parse_idle(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (!*s || *end || v > 86400) {
		fprintf(stderr, "lswhost: --idle wants seconds (0..86400), got '%s'\n", s);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

static char **job_env(void *arg, char *const *options)
{
	return host_env_for_run(arg, options);
}

/* What the daemon holds for its life: the prefix's registry and the
 * environment logon gives its user (HKCU\Volatile Environment). */
static int serve(struct lsw_daemon_config *dc, const char *given, bool debug)
{
	static char prefix[PATH_MAX], runtime[PATH_MAX], dlls[PATH_MAX];
	char err[PATH_MAX + 256];
	struct run_state rs;
	static struct host_env he;
	struct reg_prefix *reg;
	char **env;
	int r;

	if (prefix_prepare(given, prefix, sizeof(prefix)) < 0 ||
	    locate_components(runtime, sizeof(runtime), dlls, sizeof(dlls)) < 0 ||
	    run_state_init(&rs, "host") < 0)
		return 1;
	if (!(reg = reg_prefix_open(prefix, lsw_user_name(), err, sizeof(err)))) {
		fprintf(stderr, "lswhost: registry: %s\n", err);
		return 1;
	}
	run_state_defaults(&rs);
	env_add_registry(rs.env, reg);
	env = env_finish(rs.env);
	dc->prefix = prefix;
	dc->job_env = job_env;
	he.reg = reg;
	dc->job_env_arg = &he;
	dc->host = (struct lsw_host_config){ .prefix = prefix, .runtime_path = runtime,
					     .dll_dir = dlls, .hive_machine = reg->machine,
					     .hive_user = reg->user, .logon_env = env,
					     .debug = debug };
	r = daemon_main(dc);
	host_env_free(&he);
	reg_prefix_close(reg);
	run_state_free(&rs);
	return r;
}

int lswhost_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "prefix", required_argument, 0, 'p' }, { "idle", required_argument, 0, 'i' },
		{ "ready-fd", required_argument, 0, 'r' }, { "debug", no_argument, 0, 'd' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 } };
	struct lsw_daemon_config dc = { .idle_sec = DAEMON_DEFAULT_IDLE_SEC, .ready_fd = -1 };
	const char *prefix = NULL, *env_idle = getenv("LSW_HOST_IDLE");
	bool debug = false;
	int o;

	if (env_idle && *env_idle && parse_idle(env_idle, &dc.idle_sec) < 0)
		return 2;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'p')
			prefix = optarg;
		else if (o == 'i' && parse_idle(optarg, &dc.idle_sec) < 0)
			return 2;
		else if (o == 'r')
			dc.ready_fd = atoi(optarg);
		else if (o == 'd')
			debug = true;
		else if (o == 'h') {
			usage(stdout);
			return 0;
		} else if (o != 'i') {
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return 2;
	}
	if (chdir("/") < 0)
		return 1;
	prctl(PR_SET_NAME, "lswhost"); /* what ps and pgrep show */
	/* its own messages keep going where stderr goes now: fd 2 becomes
	 * each client's stderr in turn */
	if ((dc.log_fd = fcntl(2, F_DUPFD_CLOEXEC, 3)) < 0)
		return 1;
	return serve(&dc, prefix, debug);
}
