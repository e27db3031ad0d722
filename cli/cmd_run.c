/* lsw run [OPTIONS] PROG.exe [ARGS...] */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "emul/params.h"
#include "emul/section.h"
#include "loader/pe.h"
#include "tracer/supervisor.h"

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
	      "options:\n"
	      "  --timeout SECONDS   kill the program after SECONDS of wall-clock time\n"
	      "  --prefix DIR        the LSW prefix (default $LSW_PREFIX, else ~/.lsw)\n"
	      "  --env NAME=VALUE    set a variable in the program's environment\n"
	      "  --env NAME          pass the host's NAME through\n"
	      "  --host-env          pass the whole host environment through\n"
	      "  --netns             also isolate the network with a namespace (+0.4 ms;\n"
	      "                      the sandbox already refuses every socket call)\n"
	      "  --debug             log unimplemented NT calls and startup to stderr\n"
	      "  -h, --help          show this help\n"
	      "  --                  end of options\n", f);
}

static void add_defaults(struct env_builder *e)
{
	const char *user = getenv("USER");
	char buf[512], n[16];

	if (!user || !*user || strpbrk(user, "\\/:*?\"<>|"))
		user = "user";
	env_set(e, "SystemRoot", "C:\\Windows");
	env_set(e, "windir", "C:\\Windows");
	env_set(e, "SystemDrive", "C:");
	env_set(e, "OS", "Windows_NT");
	env_set(e, "PATH", "C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem");
	env_set(e, "PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC");
	env_set(e, "ComSpec", "C:\\Windows\\system32\\cmd.exe");
	env_set(e, "COMPUTERNAME", "LSW");
	env_set(e, "USERNAME", user);
	env_set(e, "ProgramData", "C:\\ProgramData");
	env_set(e, "ProgramFiles", "C:\\Program Files");
	env_set(e, "PROCESSOR_ARCHITECTURE", "AMD64");
	snprintf(n, sizeof(n), "%ld", sysconf(_SC_NPROCESSORS_ONLN));
	env_set(e, "NUMBER_OF_PROCESSORS", n);
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
	uint8_t *data = NULL;
	size_t size;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = -1;

	if (fd < 0 || !img) {
		fprintf(stderr, "lsw run: %s: %s\n", path, strerror(errno));
	} else if (read_host_file(fd, &data, &size) < 0) {
		fprintf(stderr, "lsw run: %s: not a regular file or unreadable\n", path);
	} else if (pe_parse(img, data, size) < 0) {
		fprintf(stderr, "lsw run: %s: %s\n", path, img->error);
	} else if (img->characteristics & 0x2000) {
		fprintf(stderr, "lsw run: %s: is a DLL, not a program\n", path);
	} else {
		rc = 0;
	}
	if (fd >= 0)
		close(fd);
	free(data);
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
		fprintf(stderr, "lsw run: the command line is longer than Windows allows "
			"(32767 characters)\n");
	return too_long;
}

static int parse_timeout(const char *s, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (!*s || *end || v == 0 || v > 86400 * 365) {
		fprintf(stderr, "lsw run: --timeout wants a whole number of seconds, got '%s'\n", s);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

int cmd_run(int argc, char **argv)
{
	enum { OPT_TIMEOUT = 256, OPT_PREFIX, OPT_ENV, OPT_HOST_ENV, OPT_DEBUG, OPT_NETNS };
	static const struct option opts[] = {
		{ "timeout", required_argument, 0, OPT_TIMEOUT },
		{ "prefix", required_argument, 0, OPT_PREFIX },
		{ "env", required_argument, 0, OPT_ENV },
		{ "host-env", no_argument, 0, OPT_HOST_ENV },
		{ "debug", no_argument, 0, OPT_DEBUG },
		{ "netns", no_argument, 0, OPT_NETNS },
		{ "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 },
	};
	struct env_builder *env = env_new();
	struct lsw_config cfg = { 0 };
	char prefix[PATH_MAX], runtime[PATH_MAX], dlls[PATH_MAX];
	const char *prefix_opt = NULL;
	unsigned timeout = 0;
	int o;

	if (!env)
		return 125;
	add_defaults(env);
	while ((o = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (o) {
		case OPT_TIMEOUT:
			if (parse_timeout(optarg, &timeout) < 0)
				return 2;
			break;
		case OPT_PREFIX: prefix_opt = optarg; break;
		case OPT_ENV:
			if (env_add_option(env, optarg) < 0) {
				fprintf(stderr, "lsw run: bad --env '%s'\n", optarg);
				return 2;
			}
			break;
		case OPT_HOST_ENV: env_add_host(env, environ); break;
		case OPT_DEBUG: cfg.debug = true; break;
		case OPT_NETNS: cfg.netns = true; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "lsw run: no program given\n");
		usage(stderr);
		return 2;
	}
	if (check_program(argv[optind]) < 0)
		return 2;
	if (prefix_prepare(prefix_opt, prefix, sizeof(prefix)) < 0 ||
	    locate_components(runtime, sizeof(runtime), dlls, sizeof(dlls)) < 0)
		return 125;
	if (command_line_too_long(argv + optind, argc - optind))
		return 2;
	cfg.exe_host_path = argv[optind];
	cfg.argv = argv + optind + 1;
	cfg.argc = argc - optind - 1;
	cfg.prefix = prefix;
	cfg.runtime_path = runtime;
	cfg.dll_dir = dlls;
	return supervisor_run(&cfg, env_finish(env), timeout);
}
