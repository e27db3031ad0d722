/* lsw diff [--json] DIR: what a program run with --overlay DIR changed. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "overlay/overlay.h"
#include "tracer/strbuf.h"

static void usage(FILE *f)
{
	fputs("usage: lsw diff [--json] DIR\n"
	      "\n"
	      "Lists what programs run with `lsw run --overlay DIR` created, modified,\n"
	      "deleted and renamed, by their Windows names (C:\\..., Z:\\..., D:\\...),\n"
	      "compared with the untouched originals.  A file only copied, its bytes,\n"
	      "mode, times and DOS attributes unchanged, is not a change.  A renamed\n"
	      "file shows as deleted and created; a renamed directory as renamed.\n"
	      "\n"
	      "options:\n"
	      "  --json              one JSON object per change and line: change,\n"
	      "                      type (file or directory), path, host, and\n"
	      "                      where they apply size, content (true: the bytes\n"
	      "                      changed), copy (the new file), from, from_host\n"
	      "  -h, --help          show this help\n", f);
}

/* A Windows name (or the host's, for lsw's own files in the prefix),
 * directories ending in a separator. */
static void print_name(const char *win, const char *host, bool dir)
{
	const char *name = win[0] ? win : host;
	char sep = win[0] ? '\\' : '/';
	size_t n = strlen(name);

	fputs(name, stdout);
	if (dir && n && name[n - 1] != sep)
		putchar(sep);
}

static void print_text(const struct overlay_entry *e, void *arg)
{
	(void)arg;
	printf("%-9s ", overlay_change_name(e->change));
	print_name(e->win, e->host, e->dir);
	if (e->change == CHANGE_MODIFIED && !e->content)
		fputs(" (metadata)", stdout);
	if (e->change == CHANGE_RENAMED) {
		fputs(" (from ", stdout);
		print_name(e->from_win, e->from_host, e->dir);
		putchar(')');
	}
	putchar('\n');
}

static void json_field(struct strbuf *sb, const char *key, const char *value)
{
	sb_printf(sb, ",\"%s\":", key);
	sb_json_string(sb, value);
}

static void print_json(const struct overlay_entry *e, void *arg)
{
	struct strbuf *sb = arg;

	sb_reset(sb);
	sb_printf(sb, "{\"change\":\"%s\",\"type\":\"%s\"", overlay_change_name(e->change),
		  e->dir ? "directory" : "file");
	if (e->win[0])
		json_field(sb, "path", e->win);
	json_field(sb, "host", e->host);
	if (e->size >= 0)
		sb_printf(sb, ",\"size\":%lld", e->size);
	if (e->change == CHANGE_MODIFIED)
		sb_printf(sb, ",\"content\":%s", e->content ? "true" : "false");
	if (e->upper[0] && !e->dir)
		json_field(sb, "copy", e->upper);
	if (e->from_win[0])
		json_field(sb, "from", e->from_win);
	if (e->from_host[0])
		json_field(sb, "from_host", e->from_host);
	sb_puts(sb, "}\n");
	fputs(sb->s, stdout);
}

int cmd_diff(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, 0, 'j' },
		{ "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 },
	};
	struct strbuf sb = { 0 };
	char err[PATH_MAX + 256];
	bool json = false;
	int o, r;

	while ((o = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (o == 'j') {
			json = true;
		} else if (o == 'h') {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (optind + 1 != argc) {
		usage(stderr);
		return 2;
	}
	r = overlay_diff(argv[optind], json ? print_json : print_text, &sb, err, sizeof(err));
	sb_free(&sb);
	if (r < 0) {
		fprintf(stderr, "lsw diff: %s\n", err);
		return 2;
	}
	return fflush(stdout) == 0 ? 0 : 2;
}
