/*
 * lsw binfmt: PE files (magic "MZ") registered with the kernel's
 * binfmt_misc, so that `./prog.exe args` from any Linux shell runs
 * `lsw prog.exe args` (lsw takes a first argument that names a PE file as
 * `run`: binfmt_misc hands the interpreter the program's path, then its
 * arguments).
 *
 * Flags: none by default.  `F` (fix binary) makes the kernel open lsw
 * once, at registration, so that it is found from other mount namespaces
 * and chroots; but lsw needs its runtime and DLLs next to it in the
 * caller's view of the file system anyway, and with F a rebuilt or
 * upgraded lsw is not seen until the entry is installed again (the old
 * binary stays open, pinned by the kernel).  --fix-binary asks for it
 * where the installed tree is visible in every namespace (containers
 * sharing /usr).  `P` is not used (argv[0] as typed would be lost to lsw
 * anyway: Windows programs get the path), nor `C` (credentials from the
 * PE file's set-id bits: never for a sandbox) or `O`.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

#define ENTRY "lsw"

/* The binfmt_misc directory: LSW_BINFMT_MISC for tests, else the
 * kernel's. */
static const char *misc_dir(void)
{
	const char *d = getenv("LSW_BINFMT_MISC");

	return d && *d ? d : "/proc/sys/fs/binfmt_misc";
}

/* 0 if DIR/register can be written; else says why and returns -1. */
static int check_writable(const char *dir)
{
	char reg[PATH_MAX];

	snprintf(reg, sizeof(reg), "%s/register", dir);
	if (access(reg, F_OK) < 0) {
		fprintf(stderr, "lsw binfmt: binfmt_misc is not mounted at %s (as root: "
			"mount -t binfmt_misc binfmt_misc %s)\n", dir, dir);
		return -1;
	}
	if (access(reg, W_OK) < 0) {
		fprintf(stderr, "lsw binfmt: %s is not writable (%s): registering needs root "
			"(CAP_SYS_ADMIN) where binfmt_misc is mounted\n", reg, strerror(errno));
		return -1;
	}
	return 0;
}

static int write_file(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX];
	int fd, r;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "lsw binfmt: %s: %s\n", path, strerror(errno));
		return -1;
	}
	r = write(fd, text, strlen(text)) == (ssize_t)strlen(text) ? 0 : -1;
	if (r < 0)
		fprintf(stderr, "lsw binfmt: writing %s: %s\n", path, strerror(errno));
	close(fd);
	return r;
}

static bool registered(const char *dir)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/" ENTRY, dir);
	return access(path, F_OK) == 0;
}

static int install(const char *dir, bool fix_binary)
{
	const char *self = self_exe();
	char line[PATH_MAX + 64];

	if (check_writable(dir) < 0)
		return 1;
	if (!self || strchr(self, ':')) {
		fprintf(stderr, "lsw binfmt: cannot name lsw's own path for the kernel\n");
		return 1;
	}
	if (registered(dir) && write_file(dir, ENTRY, "-1") < 0) /* replaced */
		return 1;
	snprintf(line, sizeof(line), ":" ENTRY ":M::MZ::%s:%s", self, fix_binary ? "F" : "");
	if (write_file(dir, "register", line) < 0)
		return 1;
	printf("lsw binfmt: PE files (MZ) now run with %s%s\n", self,
	       fix_binary ? " (F: opened now, kept open by the kernel)" : "");
	return 0;
}

static int uninstall(const char *dir)
{
	if (check_writable(dir) < 0)
		return 1;
	if (!registered(dir)) {
		printf("lsw binfmt: not installed\n");
		return 0;
	}
	if (write_file(dir, ENTRY, "-1") < 0)
		return 1;
	printf("lsw binfmt: uninstalled\n");
	return 0;
}

/* Prints the entry as the kernel describes it; 0 installed, 3 not. */
static int status(const char *dir)
{
	char path[PATH_MAX], line[PATH_MAX + 32];
	FILE *f;

	snprintf(path, sizeof(path), "%s/register", dir);
	if (access(path, F_OK) < 0) {
		printf("binfmt_misc: not mounted at %s\nlsw: not installed\n", dir);
		return 3;
	}
	snprintf(path, sizeof(path), "%s/" ENTRY, dir);
	if (!(f = fopen(path, "re"))) {
		printf("binfmt_misc: %s\nlsw: not installed\n", dir);
		return 3;
	}
	printf("binfmt_misc: %s\nlsw: installed (%s)\n", dir, path);
	while (fgets(line, sizeof(line), f))
		printf("  %s", line);
	fclose(f);
	return 0;
}

static void binfmt_usage(FILE *f)
{
	fputs("usage: lsw binfmt install [--fix-binary] | uninstall | status\n"
	      "Registers PE files (magic MZ) with binfmt_misc so that ./prog.exe ARGS\n"
	      "runs `lsw prog.exe ARGS` from any shell (needs root where binfmt_misc is\n"
	      "mounted).  --fix-binary adds the F flag: the kernel opens lsw now and\n"
	      "keeps it, for other mount namespaces; without it a rebuilt lsw is used\n"
	      "at once.  status exits 0 when installed, 3 when not.\n", f);
}

int cmd_binfmt(int argc, char **argv)
{
	static const struct option opts[] = { { "fix-binary", no_argument, 0, 'F' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 } };
	bool fix_binary = false;
	const char *verb;
	int o;

	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'F') {
			fix_binary = true;
			continue;
		}
		binfmt_usage(o == 'h' ? stdout : stderr);
		return o == 'h' ? 0 : 2;
	}
	verb = optind == argc - 1 ? argv[optind] : "";
	if (!strcmp(verb, "install"))
		return install(misc_dir(), fix_binary);
	if (fix_binary) {
		binfmt_usage(stderr);
		return 2;
	}
	if (!strcmp(verb, "uninstall"))
		return uninstall(misc_dir());
	if (!strcmp(verb, "status"))
		return status(misc_dir());
	binfmt_usage(stderr);
	return 2;
}

bool binfmt_is_program(const char *arg)
{
	char magic[2];
	size_t n = strlen(arg);
	struct stat st;
	int fd;
	bool pe;

	if (!strchr(arg, '/') && (n < 4 || strcasecmp(arg + n - 4, ".exe")))
		return false;
	fd = open(arg, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	pe = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read(fd, magic, 2) == 2 &&
	     magic[0] == 'M' && magic[1] == 'Z';
	close(fd);
	return pe;
}
