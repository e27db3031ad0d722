/* lsw: run Windows console programs on Linux, sandboxed. */
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include "lsw_config.h"
#include "cli.h"
#include "loader/pe_info.h"

static void usage(FILE *f)
{
	fputs("usage: lsw COMMAND [ARGS...]\n"
	      "\n"
	      "commands:\n"
	      "  run PROG.exe [ARGS...]   run a Windows program in the sandbox\n"
	      "  trace PROG.exe [ARGS...]  run it and show every NT call it makes\n"
	      "  info [--json] FILE...    show a PE file's headers, imports, exports\n"
	      "  diff [--json] DIR        what a run with --overlay DIR changed\n"
	      "  reg VERB ...             query and change the prefix's registry (reg.exe\n"
	      "                           syntax: query, add, delete, export, import)\n"
	      "  ps [--json]              list the processes of the prefix's lswhost\n"
	      "  kill [--code N] PID      end one of them (TerminateProcess)\n"
	      "  kill -s SIGNAL PID       the same, exit code 128+SIGNAL (TERM, KILL...)\n"
	      "  kill --tree PID          the same, and every process it started\n"
	      "  host [status|stop]       the prefix's lswhost daemon\n"
	      "  binfmt install|uninstall|status\n"
	      "                           run PE files from a Linux shell (binfmt_misc)\n"
	      "  PROG.exe [ARGS...]       the same as run (how binfmt_misc calls lsw)\n"
	      "\n"
	      "`lsw COMMAND --help` describes a command's options.\n", f);
}

/* lsw PROG ARGS: lsw run -- PROG ARGS. */
static int run_program_args(int argc, char **argv)
{
	char *run[argc + 2];

	run[0] = "run";
	run[1] = "--";
	memcpy(run + 2, argv + 1, sizeof(char *) * (size_t)argc); /* with argv's NULL */
	return cmd_run(argc + 1, run);
}

int main(int argc, char **argv)
{
	/* lswhost is lsw under that name (an installed link, or lsw run's exec) */
	if (argc > 0 && !strcmp(basename(argv[0]), "lswhost"))
		return lswhost_main(argc, argv);
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("lsw %s\n", LSW_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(argv[1], "trace"))
		return cmd_trace(argc - 1, argv + 1);
	if (!strcmp(argv[1], "diff"))
		return cmd_diff(argc - 1, argv + 1);
	if (!strcmp(argv[1], "reg"))
		return cmd_reg(argc - 1, argv + 1);
	if (!strcmp(argv[1], "ps"))
		return cmd_ps(argc - 1, argv + 1);
	if (!strcmp(argv[1], "kill"))
		return cmd_kill(argc - 1, argv + 1);
	if (!strcmp(argv[1], "host"))
		return cmd_host(argc - 1, argv + 1);
	if (!strcmp(argv[1], "info"))
		return lsw_info_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "binfmt"))
		return cmd_binfmt(argc - 1, argv + 1);
	if (binfmt_is_program(argv[1]))
		return run_program_args(argc, argv);
	fprintf(stderr, "lsw: unknown command '%s' (try lsw --help)\n", argv[1]);
	return 2;
}
