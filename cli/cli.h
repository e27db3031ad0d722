#ifndef LSW_CLI_H
#define LSW_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <termios.h>

#include <getopt.h>
#include "emul/emul.h"

int cmd_run(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_reg(int argc, char **argv);     /* cmd_reg.c: lsw reg, reg.exe on the prefix */
/* cmd_host.c: lsw ps, lsw kill, lsw host (the prefix's lswhost) */
int cmd_ps(int argc, char **argv);
int cmd_kill(int argc, char **argv);
int cmd_host(int argc, char **argv);
/* cmd_binfmt.c: lsw binfmt install|uninstall|status; whether arg names a
 * PE file to run (how binfmt_misc calls lsw: its path, then its args) */
int cmd_binfmt(int argc, char **argv);
bool binfmt_is_program(const char *arg);
/* lswhost.c: the daemon itself (lsw run as "lswhost") */
int lswhost_main(int argc, char **argv);
/* cmd_run.c: this executable's path (lswhost is lsw under that name). */
const char *self_exe(void);

/* cmd_run.c: what lsw run and lsw trace share. */
enum { RUN_OPT_TIMEOUT = 256, RUN_OPT_PREFIX, RUN_OPT_ENV, RUN_OPT_HOST_ENV, RUN_OPT_DEBUG,
       RUN_OPT_NETNS, RUN_OPT_MAP, RUN_OPT_NO_CWD, RUN_OPT_OVERLAY, RUN_OPT_MEMORY,
       RUN_OPT_PIDS, RUN_OPT_CPUS, RUN_OPT_SUPERVISOR_MEMORY, RUN_OPT_STANDALONE, RUN_OPT_LAST };
extern const struct option run_long_options[];
#define RUN_OPTIONS_HELP \
	"  --timeout SECONDS   kill the program after SECONDS of wall-clock time\n" \
	"  --prefix DIR        the LSW prefix (default $LSW_PREFIX, else ~/.lsw)\n" \
	"  --env NAME=VALUE    set a variable in the program's environment\n" \
	"  --env NAME          pass the host's NAME through\n" \
	"  --host-env          pass the whole host environment through\n" \
	"  --map DIR[:ro]      let the program see host directory DIR (read-only\n" \
	"                      with :ro) at its own path on Z: (Z:\\DIR)\n" \
	"  --map D:=DIR[:ro]   make DIR drive D: (not C: or Z:)\n" \
	"  --no-cwd            hide the current and the program's directory; the\n" \
	"                      program starts in C:\\Users\\<user>\n" \
	"  --overlay DIR       copy-on-write: every change the program makes to\n" \
	"                      the prefix and the writable directories goes to\n" \
	"                      DIR, the originals stay untouched (lsw diff DIR)\n" \
	"  --memory SIZE       commit limit (e.g. 512M, 2G; default 4G or half the\n" \
	"                      RAM): past it allocations fail, as on Windows\n" \
	"  --pids N            at most N threads at once (default 1024)\n" \
	"  --cpus N            at most N CPUs' worth of time (e.g. 1.5; default all)\n" \
	"  --supervisor-memory SIZE  what the supervisor keeps for each process\n" \
	"                      (its pool quota: objects, names, handles, threads;\n" \
	"                      default 64M): past it calls fail with\n" \
	"                      STATUS_QUOTA_EXCEEDED\n" \
	"  --netns             also isolate the network with a namespace (+0.4 ms;\n" \
	"                      the sandbox already refuses every socket call)\n" \
	"  --debug             log unimplemented NT calls and startup to stderr\n"

struct env_builder;
struct run_state {
	const char *command;         /* "run" or "trace", for messages */
	struct lsw_job_spec job;     /* the sandbox options */
	bool debug;                  /* --debug */
	struct env_builder *env;
	const char *prefix_opt;
	const char *overlay_dir;     /* --overlay */
	/* --env and --host-env in order (NULL: --host-env), applied after
	 * the registry's environment so they win */
	const char **env_opts;
	size_t nenv_opts;
	struct reg_prefix *registry;
	char start_dir[128];         /* with --no-cwd: C:\Users\<user> */
	bool trace_to_stderr;        /* lsw trace writes there */
	bool standalone;             /* --standalone: not through lswhost */
	bool tty_saved;              /* tty: the terminal's modes at the start */
	struct termios tty;
};
int run_state_init(struct run_state *rs, const char *command);
/* The environment a Windows 10 console starts with, into rs->env. */
void run_state_defaults(struct run_state *rs);
/* 1: handled, 0: not a run option, -1: bad value (message printed). */
int run_option(struct run_state *rs, int opt, const char *arg);
/* run_limits.c: --memory, --pids, --cpus, --supervisor-memory; same answers
 * as run_option. */
int run_limit_option(struct run_state *rs, int opt, const char *arg);
int run_program(struct run_state *rs, int argc, char **argv, int first);
/* The environment a logon gives: the defaults, then the registry's (r, as
 * it is now).  The caller frees it (env_take). */
char **run_env_logon(struct reg_prefix *r);
/* host_env.c: lswhost's environment of a run, as the client's would be:
 * run_env_logon's, kept until a hive changes (reg_hive.generation), then
 * options (NAME=value, what the client's --env and --host-env gave) over
 * a copy.  The caller frees it (env_take); NULL when out of memory. */
struct host_env {
	struct reg_prefix *reg;
	char **logon;                /* NULL: not built yet */
	uint64_t machine_generation, user_generation;
};
char **host_env_for_run(struct host_env *he, char *const *options);
void host_env_free(struct host_env *he);
/* Frees what the run held, once it is over (so leak checkers see none). */
void run_state_free(struct run_state *rs);

/* locate.c: where lsw's runtime and DLLs are (build tree or install). */
int locate_components(char *runtime, size_t rlen, char *dll_dir, size_t dlen);
/* The prefix directory: --prefix, else $LSW_PREFIX, else ~/.lsw; created
 * with its drive_c skeleton and identity.key on first use.  Returns 0 or -1 (message printed). */
int prefix_prepare(const char *given, char *out, size_t len);
/* The same for a run through lswhost, which made the skeleton when it
 * started: only a prefix without drive_c is prepared here. */
int prefix_find(const char *given, char *out, size_t len);

/* environment.c: the Windows environment block for a new process. */
/* $USER if Windows would take it as a name, else "user": USERNAME and the
 * prefix's C:\Users\<user>. */
const char *lsw_user_name(void);
struct env_builder;
struct env_builder *env_new(void);
int env_set(struct env_builder *e, const char *name, const char *value);
int env_add_option(struct env_builder *e, const char *opt); /* NAME=VALUE or NAME */
void env_add_host(struct env_builder *e, char **host);
char **env_finish(struct env_builder *e);  /* sorted NAME=value, NULL-terminated */
void env_free(struct env_builder *e);      /* with what env_finish returned */
/* env_finish's vector, the caller's to free (each string, then it). */
char **env_take(struct env_builder *e);
/* A builder holding a copy of v (an env_finish vector). */
struct env_builder *env_from(char *const *v);
/* One NAME=value entry ("=C:=..." names too). */
int env_set_entry(struct env_builder *e, const char *entry);
/* NAME's value so far (case-insensitive), or NULL. */
const char *env_get(struct env_builder *e, const char *name);
/* registry_env.c: the Environment keys of the prefix's registry. */
struct reg_prefix;
void env_add_registry(struct env_builder *e, struct reg_prefix *r);

#endif
