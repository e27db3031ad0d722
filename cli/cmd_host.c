/* lsw ps, lsw kill, lsw host: the prefix's lswhost and its processes. */
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "host/client.h"

/* How long lsw host stop gives running programs. */
#define STOP_GRACE_MS 2000

/* The daemon's socket, or HOST_NONE (with nothing said), or -1. */
static int reach_host(const char *given, struct host_paths *paths)
{
	char prefix[PATH_MAX];

	if (prefix_prepare(given, prefix, sizeof(prefix)) < 0)
		return -1;
	return host_connect(prefix, false, NULL, paths);
}

static void json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

struct ps_row {
	uint32_t pid, parent, job;
	char *image, *line, *state;
	uint64_t start;
	uint64_t cpu_100ns, resident;
};

/* CPU time as ps shows it: minutes:seconds.hundredths. */
static void format_cpu(uint64_t t100ns, char *out, size_t room)
{
	uint64_t cs = t100ns / 100000;

	snprintf(out, room, "%llu:%02llu.%02llu", (unsigned long long)(cs / 6000),
		 (unsigned long long)(cs / 100 % 60), (unsigned long long)(cs % 100));
}

static void print_row(const struct ps_row *r, bool json, bool first)
{
	char when[32] = "-", cpu[32];
	time_t t = (time_t)r->start;
	struct tm tm;

	if (json) {
		printf("%s\n  {\"pid\": %u, \"parent\": %u, \"image\": ", first ? "" : ",",
		       r->pid, r->parent);
		json_str(r->image);
		printf(", \"command_line\": ");
		json_str(r->line);
		printf(", \"state\": ");
		json_str(r->state);
		printf(", \"job\": %u, \"start_time\": %llu, \"cpu_time_ms\": %llu, "
		       "\"memory_bytes\": %llu}", r->job, (unsigned long long)r->start,
		       (unsigned long long)(r->cpu_100ns / 10000), (unsigned long long)r->resident);
		return;
	}
	if (r->start && localtime_r(&t, &tm))
		strftime(when, sizeof(when), "%H:%M:%S", &tm);
	format_cpu(r->cpu_100ns, cpu, sizeof(cpu));
	printf("%6u %6u %4u %-8s %-8s %9s %8llu %s\n", r->pid, r->parent, r->job, r->state, when,
	       cpu, (unsigned long long)(r->resident / 1024), r->line);
}

/* The PS_LIST payload, printed; -1 if malformed. */
static int print_ps(const uint8_t *p, uint32_t size, bool json)
{
	struct proto_reader rd = { p, size, false };
	uint32_t n = proto_get_u32(&rd);

	for (uint32_t i = 0; i < n && !rd.bad; i++) {
		struct ps_row r = { 0 };

		r.pid = proto_get_u32(&rd);
		r.parent = proto_get_u32(&rd);
		r.image = proto_get_str(&rd, PROTO_MAX_STRING);
		r.line = proto_get_str(&rd, PROTO_MAX_STRING);
		r.state = proto_get_str(&rd, 64);
		r.job = proto_get_u32(&rd);
		r.start = proto_get_u64(&rd);
		r.cpu_100ns = proto_get_u64(&rd);
		r.resident = proto_get_u64(&rd);
		if (!rd.bad)
			print_row(&r, json, i == 0);
		free(r.image);
		free(r.line);
		free(r.state);
	}
	return proto_done(&rd) ? 0 : -1;
}

int cmd_ps(int argc, char **argv)
{
	static const struct option opts[] = { { "json", no_argument, 0, 'j' },
		{ "prefix", required_argument, 0, 'p' }, { "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 } };
	const char *prefix = NULL;
	struct host_paths paths;
	bool json = false;
	uint8_t *p = NULL;
	uint32_t size;
	int o, sock, r = 0;

	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'j')
			json = true;
		else if (o == 'p')
			prefix = optarg;
		else {
			fputs("usage: lsw ps [--json] [--prefix DIR]\n"
			      "Lists the processes of the prefix's lswhost: Windows pid, parent,\n"
			      "job (one per lsw run), state, start time, CPU time (user + system of\n"
			      "all threads), resident memory (KiB), command line.\n",
			      o == 'h' ? stdout : stderr);
			return o == 'h' ? 0 : 2;
		}
	}
	if ((sock = reach_host(prefix, &paths)) == -1)
		return 1;
	printf(json ? "[" : "   PID PARENT  JOB STATE    STARTED       TIME RSS(KiB) COMMAND\n");
	if (sock >= 0) {
		if (host_request(sock, PROTO_PS, NULL, PROTO_PS_LIST, &p, &size) < 0 ||
		    print_ps(p, size, json) < 0)
			r = 1;
		close(sock);
		free(p);
	}
	if (json)
		printf("\n]\n");
	return r;
}

static int parse_u32(const char *s, uint32_t *out, const char *what)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	if (!*s || *end || v > 0xFFFFFFFFull) {
		fprintf(stderr, "lsw: bad %s '%s'\n", what, s);
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

/* The signals lsw kill -s takes.  INT and QUIT are what a terminal's
 * Ctrl-C and Ctrl-\\ send: the console's Ctrl-C and Ctrl-Break events,
 * run by the program's SetConsoleCtrlHandler routines (whose default
 * ends it with STATUS_CONTROL_C_EXIT).  The others are those whose
 * default action ends a Linux process: each ends the Windows process as
 * TerminateProcess with 128+N, the status a Linux shell reports for a
 * death by signal N. */
static const struct { const char *name; int signo; uint32_t ctrl; } console_signals[] = {
	{ "INT", SIGINT, PROTO_KILL_CTRL_C }, { "QUIT", SIGQUIT, PROTO_KILL_CTRL_BREAK },
};
static const struct { const char *name; int signo; } ending_signals[] = {
	{ "HUP", SIGHUP }, { "ABRT", SIGABRT }, { "KILL", SIGKILL },
	{ "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM },
	{ "TERM", SIGTERM },
};

/* The exit code signal s (a name, SIGNAME or number) ends a process
 * with, or the console event it raises (*flags). */
static int signal_exit_code(const char *s, uint32_t *code, uint32_t *flags)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (size_t i = 0; i < sizeof(console_signals) / sizeof(console_signals[0]); i++)
		if ((*s && !*end && n == console_signals[i].signo) ||
		    !strcasecmp(s, console_signals[i].name)) {
			*flags |= console_signals[i].ctrl;
			return 0;
		}
	for (size_t i = 0; i < sizeof(ending_signals) / sizeof(ending_signals[0]); i++)
		if ((*s && !*end && n == ending_signals[i].signo) ||
		    !strcasecmp(s, ending_signals[i].name)) {
			*code = 128u + (uint32_t)ending_signals[i].signo;
			return 0;
		}
	fprintf(stderr, "lsw kill: signal '%s' is not one lsw kill sends; want INT, QUIT, HUP, "
			"ABRT, KILL, USR1, USR2, PIPE, ALRM or TERM\n", s);
	return -1;
}

static int kill_usage(bool help)
{
	fputs("usage: lsw kill [-s SIGNAL|--code N] [--tree] [--prefix DIR] PID\n"
	      "Ends Windows process PID of the prefix's lswhost as TerminateProcess\n"
	      "does, with exit code N (default 1), or 128+SIGNAL's number as a\n"
	      "Linux shell reports a death by signal (HUP ABRT KILL USR1 USR2 PIPE\n"
	      "ALRM TERM); -s INT and -s QUIT send the console's Ctrl-C and\n"
	      "Ctrl-Break events instead, which the program's handlers may take;\n"
	      "with --tree, every process it started, and theirs, too (as taskkill /T).\n",
	      help ? stdout : stderr);
	return help ? 0 : 2;
}

int cmd_kill(int argc, char **argv)
{
	static const struct option opts[] = { { "code", required_argument, 0, 'c' },
		{ "tree", no_argument, 0, 't' }, { "prefix", required_argument, 0, 'p' },
		{ "signal", required_argument, 0, 's' }, { "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 } };
	const char *prefix = NULL;
	struct host_paths paths;
	struct proto_writer w = { 0 };
	uint32_t pid, code = 1, size, flags = 0;
	uint8_t *p = NULL;
	int o, sock, r, how = 0;

	while ((o = getopt_long(argc, argv, "hs:", opts, NULL)) != -1) {
		if ((o == 'c' || o == 's') && how && how != o) {
			fprintf(stderr, "lsw kill: give -s or --code, not both\n");
			return 2;
		}
		if ((o == 'c' && parse_u32(optarg, &code, "exit code") < 0) ||
		    (o == 's' && signal_exit_code(optarg, &code, &flags) < 0))
			return 2;
		how = o == 'c' || o == 's' ? o : how;
		if (o == 'p')
			prefix = optarg;
		if (o == 't')
			flags |= PROTO_KILL_TREE;
		if (o != 'c' && o != 'p' && o != 't' && o != 's')
			return kill_usage(o == 'h');
	}
	if (optind != argc - 1 || parse_u32(argv[optind], &pid, "process id") < 0)
		return 2;
	if ((sock = reach_host(prefix, &paths)) < 0) {
		if (sock == HOST_NONE)
			fprintf(stderr, "lsw: no lswhost runs for this prefix\n");
		return 1;
	}
	proto_put_u32(&w, pid);
	proto_put_u32(&w, code);
	proto_put_u32(&w, flags);
	r = host_request(sock, PROTO_KILL, &w, PROTO_OK, &p, &size) < 0 ? 1 : 0;
	proto_writer_free(&w);
	free(p);
	close(sock);
	return r;
}

static int print_status(const uint8_t *p, uint32_t size)
{
	struct proto_reader rd = { p, size, false };
	uint32_t pid = proto_get_u32(&rd);
	uint64_t up = proto_get_u64(&rd);
	uint32_t nproc = proto_get_u32(&rd), njobs = proto_get_u32(&rd);
	char *sock = proto_get_str(&rd, PATH_MAX), *build = proto_get_str(&rd, 256);
	uint32_t idle = proto_get_u32(&rd);
	int r = proto_done(&rd) ? 0 : -1;

	if (!r)
		printf("lswhost: running\npid: %u\nuptime: %llu.%03llu s\nprocesses: %u\n"
		       "jobs: %u\nsocket: %s\nidle exit: %u s\nbuild: %s\n", pid,
		       (unsigned long long)(up / 1000), (unsigned long long)(up % 1000), nproc,
		       njobs, sock, idle, build);
	free(sock);
	free(build);
	return r;
}

/* Until the daemon has let go of its lock (it has exited). */
static void wait_gone(const struct host_paths *paths, int ms)
{
	int fd = open(paths->lock, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	for (; fd >= 0 && ms > 0; ms -= 20) {
		if (flock(fd, LOCK_SH | LOCK_NB) == 0)
			break;
		usleep(20000);
	}
	if (fd >= 0)
		close(fd);
}

int cmd_host(int argc, char **argv)
{
	static const struct option opts[] = { { "prefix", required_argument, 0, 'p' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 } };
	const char *prefix = NULL, *verb;
	struct host_paths paths;
	struct proto_writer w = { 0 };
	uint8_t *p = NULL;
	uint32_t size;
	int o, sock, r = 1;

	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'p') {
			prefix = optarg;
			continue;
		}
		fputs("usage: lsw host [--prefix DIR] [status|stop]\n"
		      "status: the prefix's lswhost (pid, uptime, processes, socket);\n"
		      "stop: ends it, its running programs after a grace period.\n",
		      o == 'h' ? stdout : stderr);
		return o == 'h' ? 0 : 2;
	}
	verb = optind < argc ? argv[optind] : "status";
	if (optind < argc - 1 || (strcmp(verb, "status") && strcmp(verb, "stop"))) {
		fprintf(stderr, "lsw host: want status or stop\n");
		return 2;
	}
	if ((sock = reach_host(prefix, &paths)) < 0) {
		if (sock == HOST_NONE)
			printf("lswhost: not running\nsocket: %s\n", paths.socket);
		return sock == HOST_NONE && !strcmp(verb, "stop") ? 0 : sock == HOST_NONE ? 3 : 1;
	}
	if (!strcmp(verb, "status")) {
		if (host_request(sock, PROTO_STATUS, NULL, PROTO_STATUS_INFO, &p, &size) == 0)
			r = print_status(p, size) < 0 ? 1 : 0;
	} else {
		proto_put_u32(&w, STOP_GRACE_MS);
		if (host_request(sock, PROTO_STOP, &w, PROTO_OK, &p, &size) == 0) {
			wait_gone(&paths, STOP_GRACE_MS + 5000);
			printf("lswhost: stopped\n");
			r = 0;
		}
		proto_writer_free(&w);
	}
	free(p);
	close(sock);
	return r;
}
