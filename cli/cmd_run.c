/* lsw run [OPTIONS] PROG.exe [ARGS...] */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "cli.h"
#include "emul/process/params.h"
#include "emul/memory/image_cache.h"
#include "emul/memory/section.h"
#include "loader/pe.h"
#include "overlay/overlay.h"
#include "emul/registry/reg_prefix.h"
#include "host/client.h"
#include "host/host.h"
#include "tracer/resource_limits.h"

#define STANDALONE_IMAGE_ENTRIES 16
#define STANDALONE_IMAGE_BYTES (128ull << 20)

extern char **environ;

static void usage(FILE *f)
{
	fputs("usage: lsw run [OPTIONS] [--] PROG.exe [ARGS...]\n"
	      "\n"
	      "Runs a Windows x86-64 console program in the sandbox.  Its exit code\n"
	      "(modulo 256) becomes lsw's exit status; 2 means a usage error or a file\n"
	      "that is not a runnable PE32+ program, 124 that --timeout expired, 125\n"
	      "that the sandbox could not be set up.\n"
	      "\n"
	      "The program runs in the prefix's lswhost, started on demand, so that\n"
	      "programs of separate runs share named objects and the registry live;\n"
	      "--overlay runs stand alone.\n"
	      "\n"
	      "options:\n" RUN_OPTIONS_HELP
	      "  --standalone        run in a supervisor of its own, not in lswhost\n"
	      "                      (also when LSW_STANDALONE=1)\n"
	      "  -h, --help          show this help\n"
	      "  --                  end of options\n", f);
}

/* The processors online, counted once: sysconf reads sysfs, and lswhost
 * builds an environment for every run. */
static long processors(void)
{
	static long n;

	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n;
}

/* What a Windows 10 console sees, with the prefix's folders. */
static void add_defaults(struct env_builder *e)
{
	const char *user = lsw_user_name();
	char buf[512], n[16];

	env_set(e, "SystemRoot", "C:\\Windows");
	env_set(e, "windir", "C:\\Windows");
	env_set(e, "SystemDrive", "C:");
	env_set(e, "OS", "Windows_NT");
	env_set(e, "PATH", "C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem");
	env_set(e, "PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC");
	env_set(e, "ComSpec", "C:\\Windows\\system32\\cmd.exe");
	env_set(e, "COMPUTERNAME", "LSW");
	env_set(e, "USERDOMAIN", "LSW");
	env_set(e, "USERNAME", user);
	env_set(e, "ProgramData", "C:\\ProgramData");
	env_set(e, "ALLUSERSPROFILE", "C:\\ProgramData");
	env_set(e, "PUBLIC", "C:\\Users\\Public");
	env_set(e, "ProgramFiles", "C:\\Program Files");
	env_set(e, "ProgramW6432", "C:\\Program Files");
	env_set(e, "ProgramFiles(x86)", "C:\\Program Files (x86)");
	env_set(e, "CommonProgramFiles", "C:\\Program Files\\Common Files");
	env_set(e, "CommonProgramW6432", "C:\\Program Files\\Common Files");
	env_set(e, "CommonProgramFiles(x86)", "C:\\Program Files (x86)\\Common Files");
	env_set(e, "PROCESSOR_ARCHITECTURE", "AMD64");
	snprintf(n, sizeof(n), "%ld", processors());
	env_set(e, "NUMBER_OF_PROCESSORS", n);
	env_set(e, "HOMEDRIVE", "C:");
	snprintf(buf, sizeof(buf), "\\Users\\%s", user);
	env_set(e, "HOMEPATH", buf);
	snprintf(buf, sizeof(buf), "C:\\Users\\%s", user);
	env_set(e, "USERPROFILE", buf);
	snprintf(buf, sizeof(buf), "C:\\Users\\%s\\AppData\\Roaming", user);
	env_set(e, "APPDATA", buf);
	snprintf(buf, sizeof(buf), "C:\\Users\\%s\\AppData\\Local", user);
	env_set(e, "LOCALAPPDATA", buf);
	snprintf(buf, sizeof(buf), "C:\\Users\\%s\\AppData\\Local\\Temp", user);
	env_set(e, "TEMP", buf);
	env_set(e, "TMP", buf);
}

/* Refuses a file that is not a runnable PE32+ program before anything
 * starts: one line naming the file and the problem. */
static int check_program(const char *path)
{
	struct pe_image *img = calloc(1, sizeof(*img));
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = -1;
	struct stat st;

	if (fd < 0 || !img) {
		fprintf(stderr, "lsw: %s: %s\n", path, strerror(errno));
	} else if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		fprintf(stderr, "lsw: %s: not a regular file or unreadable\n", path);
	} else if (pe_parse_fd(img, fd, (uint64_t)st.st_size) < 0 || pe_require_x64(img) < 0) {
		fprintf(stderr, "lsw: %s: %s\n", path, img->error);
	} else if (img->characteristics & 0x2000) {
		fprintf(stderr, "lsw: %s: is a DLL, not a program\n", path);
	} else {
		rc = 0;
	}
	if (fd >= 0)
		close(fd);
	free(img);
	return rc;
}

/* Windows limits a command line to 32,767 characters; refuse rather than
 * hand the program a cut one. */
static bool command_line_too_long(char **argv, int argc)
{
	size_t total = strlen(argv[0]) + PATH_MAX;

	for (int i = 1; i < argc; i++)
		total += strlen(argv[i]) * 2 + 3; /* worst case: quoted, escaped */
	if (total <= PARAMS_MAX_CHARS)
		return false;
	char *line = params_quote_args(argv[0], argv + 1, argc - 1);
	bool too_long = !line || strlen(line) + PATH_MAX > PARAMS_MAX_CHARS;

	free(line);
	if (too_long)
		fprintf(stderr, "lsw: the command line is longer than Windows allows "
			"(32767 characters)\n");
	return too_long;
}

static int parse_timeout(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (!*s || *end || v == 0 || v > 86400 * 365) {
		fprintf(stderr, "lsw: --timeout wants a whole number of seconds, got '%s'\n", s);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

/* --map [D:=]DIR[:ro]: DIR at its own path on Z:, or as drive D:. */
static int parse_map(struct run_state *rs, const char *spec)
{
	struct lsw_job_spec *job = &rs->job;
	struct lsw_mapping m = { 0 };
	char path[PATH_MAX], real[PATH_MAX];
	const char *p = spec;
	size_t len;
	struct stat st;

	if (p[0] && p[1] == ':' && p[2] == '=') {
		if (!((p[0] | 32) >= 'a' && (p[0] | 32) <= 'z'))
			goto bad;
		m.letter = (char)(p[0] & ~32);
		if (m.letter == 'C' || m.letter == 'Z') {
			fprintf(stderr, "lsw %s: --map: drive %c: is reserved (C: is the prefix's "
				"drive_c, Z: the host root); pick another letter\n", rs->command,
				m.letter);
			return -1;
		}
		p += 3;
	} else if (strstr(p, ":=")) {
		goto bad;
	}
	len = strlen(p);
	if (len >= 3 && !strcmp(p + len - 3, ":ro")) {
		m.read_only = true;
		len -= 3;
	} else if (len >= 3 && !strcmp(p + len - 3, ":rw")) {
		len -= 3;
	}
	if (!len || len >= sizeof(path))
		goto bad;
	memcpy(path, p, len);
	path[len] = 0;
	if (!realpath(path, real) || stat(real, &st) < 0) {
		fprintf(stderr, "lsw %s: --map: %s: %s\n", rs->command, path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "lsw %s: --map: %s: %s\n", rs->command, path, strerror(ENOTDIR));
		return -1;
	}
	for (unsigned i = 0; m.letter && i < job->nmaps; i++)
		if (job->maps[i].letter == m.letter) {
			fprintf(stderr, "lsw %s: --map: drive %c: is mapped twice\n", rs->command,
				m.letter);
			return -1;
		}
	if (job->nmaps == LSW_MAX_MAPPINGS) {
		fprintf(stderr, "lsw %s: --map: at most %d mappings\n", rs->command,
			LSW_MAX_MAPPINGS);
		return -1;
	}
	if (!(m.host_dir = strdup(real)) || !(m.named_dir = strdup(path))) {
		fprintf(stderr, "lsw %s: --map: %s\n", rs->command, strerror(errno));
		return -1;
	}
	job->maps[job->nmaps++] = m;
	return 0;
bad:
	fprintf(stderr, "lsw %s: --map: bad mapping '%s' (want DIR, DIR:ro, D:=DIR or D:=DIR:ro)\n",
		rs->command, spec);
	return -1;
}

const struct option run_long_options[] = {
	{ "timeout", required_argument, 0, RUN_OPT_TIMEOUT },
	{ "prefix", required_argument, 0, RUN_OPT_PREFIX },
	{ "env", required_argument, 0, RUN_OPT_ENV },
	{ "host-env", no_argument, 0, RUN_OPT_HOST_ENV },
	{ "debug", no_argument, 0, RUN_OPT_DEBUG },
	{ "netns", no_argument, 0, RUN_OPT_NETNS },
	{ "map", required_argument, 0, RUN_OPT_MAP },
	{ "no-cwd", no_argument, 0, RUN_OPT_NO_CWD },
	{ "overlay", required_argument, 0, RUN_OPT_OVERLAY },
	{ "memory", required_argument, 0, RUN_OPT_MEMORY },
	{ "pids", required_argument, 0, RUN_OPT_PIDS },
	{ "cpus", required_argument, 0, RUN_OPT_CPUS },
	{ "supervisor-memory", required_argument, 0, RUN_OPT_SUPERVISOR_MEMORY },
	{ 0, 0, 0, 0 },
};

int run_state_init(struct run_state *rs, const char *command)
{
	memset(rs, 0, sizeof(*rs));
	rs->command = command;
	rs->env = env_new();
	return rs->env ? 0 : -1;
}

void run_state_defaults(struct run_state *rs)
{
	add_defaults(rs->env);
}

static int remember_env_option(struct run_state *rs, const char *arg)
{
	const char **v = realloc(rs->env_opts, (rs->nenv_opts + 1) * sizeof(*v));

	if (!v) {
		fprintf(stderr, "lsw %s: out of memory\n", rs->command);
		return -1;
	}
	v[rs->nenv_opts++] = arg;
	rs->env_opts = v;
	return 1;
}

int run_option(struct run_state *rs, int opt, const char *arg)
{
	switch (opt) {
	case RUN_OPT_TIMEOUT:
		return parse_timeout(arg, &rs->job.timeout_sec) < 0 ? -1 : 1;
	case RUN_OPT_PREFIX:
		rs->prefix_opt = arg;
		return 1;
	case RUN_OPT_ENV:
		if (!*arg || *arg == '=' || (strchr(arg, '=') && strchr(arg, '=') - arg >= 256)) {
			fprintf(stderr, "lsw %s: bad --env '%s'\n", rs->command, arg);
			return -1;
		}
		return remember_env_option(rs, arg);
	case RUN_OPT_HOST_ENV:
		return remember_env_option(rs, NULL);
	case RUN_OPT_DEBUG:
		rs->debug = true;
		return 1;
	case RUN_OPT_NETNS:
		rs->job.netns = true;
		return 1;
	case RUN_OPT_MAP:
		return parse_map(rs, arg) < 0 ? -1 : 1;
	case RUN_OPT_NO_CWD:
		rs->job.no_cwd = true;
		return 1;
	case RUN_OPT_OVERLAY:
		rs->overlay_dir = arg;
		return 1;
	}
	return run_limit_option(rs, opt, arg);
}

/* --overlay: the prefix, the current directory and every read-write
 * mapping become copy-on-write layers in rs->overlay_dir. */
static int enter_overlay(struct run_state *rs, const char *prefix)
{
	static struct overlay_manifest want; /* big: not on the stack */
	const struct lsw_job_spec *job = &rs->job;
	char err[PATH_MAX + 256], real[PATH_MAX], cwd[PATH_MAX];
	int r = 0;

	memset(&want, 0, sizeof(want));
	if (realpath(prefix, real))
		r = overlay_add_root(&want, OVERLAY_PREFIX, 0, real, err, sizeof(err));
	if (!r && !job->no_cwd && getcwd(cwd, sizeof(cwd)) && realpath(cwd, real))
		r = overlay_add_root(&want, OVERLAY_HOST, 0, real, err, sizeof(err));
	for (unsigned i = 0; !r && i < job->nmaps; i++)
		if (!job->maps[i].read_only)
			r = overlay_add_root(&want, job->maps[i].letter ? OVERLAY_DRIVE : OVERLAY_HOST,
					     job->maps[i].letter, job->maps[i].host_dir, err,
					     sizeof(err));
	if (!r)
		r = overlay_enter(rs->overlay_dir, &want, err, sizeof(err));
	if (r < 0)
		fprintf(stderr, "lsw %s: --overlay: %s\n", rs->command, err);
	return r;
}

/* The prefix's registry (inside the overlay, if any).  A hive that does
 * not parse stops the run: it is never replaced by an empty one. */
static int open_registry(struct run_state *rs, const char *prefix)
{
	char err[PATH_MAX + 256];

	rs->registry = reg_prefix_open(prefix, lsw_user_name(), err, sizeof(err));
	if (!rs->registry)
		fprintf(stderr, "lsw %s: registry: %s\n", rs->command, err);
	return rs->registry ? 0 : -1;
}

static int flush_registry(struct run_state *rs)
{
	char err[PATH_MAX + 256];

	if (reg_prefix_flush(rs->registry, err, sizeof(err)) == 0)
		return 0;
	fprintf(stderr, "lsw %s: registry: %s\n", rs->command, err);
	return -1;
}

/* lsw run goes through lswhost unless told otherwise; lsw trace, which
 * watches its job from this process, and --overlay, whose view is this
 * process's mount namespace, stand alone. */
static bool run_in_daemon(const struct run_state *rs)
{
	const char *env = getenv("LSW_STANDALONE");

	return !rs->standalone && !(env && *env && strcmp(env, "0")) && !rs->overlay_dir &&
	       !rs->job.observer && !strcmp(rs->command, "run");
}

const char *self_exe(void)
{
	static char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);

	path[n > 0 ? n : 0] = 0;
	return path;
}

/* --env and --host-env, in order, over what e holds. */
static void add_env_options(const struct run_state *rs, struct env_builder *e)
{
	for (size_t i = 0; i < rs->nenv_opts; i++) {
		if (rs->env_opts[i])
			env_add_option(e, rs->env_opts[i]);
		else
			env_add_host(e, environ);
	}
}

char **run_env_logon(struct reg_prefix *r)
{
	struct env_builder *e = env_new();

	if (!e)
		return NULL;
	add_defaults(e);
	env_add_registry(e, r);
	return env_take(e);
}

/*
 * Through lswhost: the client only connects and hands over the run (the
 * daemon holds the registry and puts the options' environment over the
 * one a logon gives).  HOST_FALLBACK: run it here after all.
 */
static int run_through_host(struct run_state *rs, const char *prefix,
			    struct lsw_process_spec *proc)
{
	struct env_builder *opts = env_new();
	int code;

	if (!opts)
		return HOST_FALLBACK;
	add_env_options(rs, opts);
	proc->env = env_finish(opts);
	code = host_client_run(prefix, self_exe(), &rs->job, proc, rs->debug);
	env_free(opts);
	proc->env = NULL;
	return code;
}

int run_program(struct run_state *rs, int argc, char **argv, int first)
{
	char prefix[PATH_MAX], runtime[PATH_MAX], dlls[PATH_MAX];
	struct lsw_host_config host = { 0 };
	struct lsw_process_spec proc = { .std_fds = { 0, 1, 2 } };
	bool daemon = run_in_daemon(rs);
	char **env;

	if (first >= argc) {
		fprintf(stderr, "lsw %s: no program given (try lsw %s --help)\n", rs->command,
			rs->command);
		return 2;
	}
	if (check_program(argv[first]) < 0 || command_line_too_long(argv + first, argc - first))
		return 2;
	if ((daemon ? prefix_find : prefix_prepare)(rs->prefix_opt, prefix, sizeof(prefix)) < 0)
		return 125;
	rs->job.program = argv[first];
	proc.image = argv[first];
	proc.argv = argv + first + 1;
	proc.argc = argc - first - 1;
	if (rs->job.no_cwd) { /* the host's current directory is not there */
		snprintf(rs->start_dir, sizeof(rs->start_dir), "C:\\Users\\%s\\", lsw_user_name());
		proc.current_dir = rs->start_dir;
	}
	limits_default(&rs->job.limits);
	rs->job.console_fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	rs->job.has_console = rs->job.console_fd >= 0;
	/* the program may make the terminal raw (SetConsoleMode): it gets
	 * back its modes when the run ends, whatever ended it */
	rs->tty_saved = rs->job.has_console && tcgetattr(rs->job.console_fd, &rs->tty) == 0;
	if (daemon) {
		int code = run_through_host(rs, prefix, &proc);

		if (code != HOST_FALLBACK)
			return code;
		if (prefix_prepare(rs->prefix_opt, prefix, sizeof(prefix)) < 0)
			return 125;
	}
	if (locate_components(runtime, sizeof(runtime), dlls, sizeof(dlls)) < 0)
		return 125;
	if (rs->overlay_dir) {
		/* a new prefix's registry is written before the overlay, so the
		 * diff shows what the program changed, not Windows' defaults */
		if (open_registry(rs, prefix) < 0 || flush_registry(rs) < 0)
			return 125;
		reg_prefix_close(rs->registry);
		rs->registry = NULL;
		if (enter_overlay(rs, prefix) < 0)
			return 125;
	}
	if (open_registry(rs, prefix) < 0)
		return 125;
	run_state_defaults(rs); /* through lswhost, the daemon makes them */
	env_add_registry(rs->env, rs->registry);
	add_env_options(rs, rs->env);
	env = env_finish(rs->env);
	proc.env = env;
	host = (struct lsw_host_config){ .prefix = prefix, .runtime_path = runtime,
					 .dll_dir = dlls, .hive_machine = rs->registry->machine,
					 .hive_user = rs->registry->user, .logon_env = env,
					 .debug = rs->debug,
					 .stderr_blocking = rs->trace_to_stderr };
	/* a run that starts children lays out the same DLLs for each: keep
	 * the layouts for the run, as lswhost keeps them between runs */
	image_cache_enable(STANDALONE_IMAGE_ENTRIES, STANDALONE_IMAGE_BYTES);
	return host_run_program(&host, &rs->job, &proc);
}

void run_state_free(struct run_state *rs)
{
	for (unsigned i = 0; i < rs->job.nmaps; i++) {
		free((char *)rs->job.maps[i].host_dir);
		free((char *)rs->job.maps[i].named_dir);
	}
	free(rs->env_opts);
	env_free(rs->env);
	if (rs->tty_saved)
		tcsetattr(rs->job.console_fd, TCSADRAIN, &rs->tty);
	if (rs->job.has_console)
		close(rs->job.console_fd);
	if (rs->registry)
		reg_prefix_close(rs->registry);
}

int cmd_run(int argc, char **argv)
{
	struct option opts[20];
	struct run_state rs;
	int o, n = 0, r;

	for (; run_long_options[n].name; n++)
		opts[n] = run_long_options[n];
	opts[n++] = (struct option){ "help", no_argument, 0, 'h' };
	opts[n++] = (struct option){ "standalone", no_argument, 0, RUN_OPT_STANDALONE };
	opts[n] = (struct option){ 0, 0, 0, 0 };
	if (run_state_init(&rs, "run") < 0)
		return 125;
	while ((o = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if ((r = run_option(&rs, o, optarg)) < 0)
			return 2;
		if (r)
			continue;
		if (o == 'h') {
			usage(stdout);
			return 0;
		}
		if (o == RUN_OPT_STANDALONE) {
			rs.standalone = true;
			continue;
		}
		usage(stderr);
		return 2;
	}
	r = run_program(&rs, argc, argv, optind);
	run_state_free(&rs);
	return r;
}
