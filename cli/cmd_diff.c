/* lsw diff [--json] DIR: what a program run with --overlay DIR changed. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include <stdlib.h>
#include "emul/registry/reg_diff.h"
#include "overlay/overlay.h"
#include "trace/strbuf.h"

static void usage(FILE *f)
{
	fputs("usage: lsw diff [--json] DIR\n"
	      "\n"
	      "Lists what programs run with `lsw run --overlay DIR` created, modified,\n"
	      "deleted and renamed, by their Windows names (C:\\..., Z:\\..., D:\\...),\n"
	      "compared with the untouched originals.  A file only copied, its bytes,\n"
	      "mode, times and DOS attributes unchanged, is not a change.  A renamed\n"
	      "file shows as deleted and created; a renamed directory as renamed.\n"
	      "The registry is compared key by key and value by value:\n"
	      "  created   HKEY_CURRENT_USER\\Software\\x \"name\" = REG_SZ \"data\"\n"
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

struct printer {
	bool json;
	struct strbuf sb;
	bool hive_done[2];          /* system.reg, user.reg: changes listed */
};

/* A value's name and data as one string: "name" = REG_SZ "data". */
static char *describe_value(const struct reg_value *v, bool with_data)
{
	char *s = NULL, tb[16], *name = reg_utf16_to_utf8(v->name, v->name_len, NULL);
	size_t n;
	FILE *f = open_memstream(&s, &n);

	if (f) {
		if (v->name_len)
			fprintf(f, "\"%s\"", name ? name : "?");
		else
			fputs("(Default)", f);
		if (with_data) {
			fprintf(f, " = %s ", reg_type_name(v->type, tb, sizeof(tb)));
			if (v->type == REG_SZ || v->type == REG_EXPAND_SZ || v->type == REG_MULTI_SZ)
				putc('"', f);
			reg_format_data(f, v);
			if (v->type == REG_SZ || v->type == REG_EXPAND_SZ || v->type == REG_MULTI_SZ)
				putc('"', f);
		}
		fclose(f);
	}
	free(name);
	return s;
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

/* The data of v alone, for --json. */
static char *value_data(const struct reg_value *v)
{
	char *s = NULL;
	size_t n;
	FILE *f = open_memstream(&s, &n);

	if (f) {
		reg_format_data(f, v);
		fclose(f);
	}
	return s;
}

static void print_registry_change(const struct reg_diff *d, void *arg)
{
	static const enum overlay_change as_file[] = {
		[REG_DIFF_KEY_CREATED] = CHANGE_CREATED, [REG_DIFF_KEY_DELETED] = CHANGE_DELETED,
		[REG_DIFF_VALUE_CREATED] = CHANGE_CREATED, [REG_DIFF_VALUE_MODIFIED] = CHANGE_MODIFIED,
		[REG_DIFF_VALUE_DELETED] = CHANGE_DELETED,
	};
	struct printer *p = arg;
	const struct reg_value *v = d->value ? d->value : d->old;
	const char *change = overlay_change_name(as_file[d->change]);
	char tb[16];

	if (!p->json) {
		char *now = v ? describe_value(v, d->value != NULL) : NULL;
		char *before = d->change == REG_DIFF_VALUE_MODIFIED ? describe_value(d->old, true)
								       : NULL;
		const char *eq = before ? strstr(before, " = ") : NULL;

		printf("%-9s %s%s%s", change, d->key, v ? " " : "\\", now ? now : "");
		if (eq)
			printf(" (was %s)", eq + 3);
		putchar('\n');
		free(now);
		free(before);
		return;
	}
	sb_reset(&p->sb);
	sb_printf(&p->sb, "{\"change\":\"%s\",\"type\":\"registry %s\"", change,
		  v ? "value" : "key");
	json_field(&p->sb, "path", d->key);
	if (v) {
		char *name = reg_utf16_to_utf8(v->name, v->name_len, NULL);

		json_field(&p->sb, "name", name ? name : "");
		free(name);
	}
	for (int i = 0; i < 2; i++) {
		const struct reg_value *x = i ? d->old : d->value;
		char *data;

		if (!x || (i && d->change != REG_DIFF_VALUE_MODIFIED))
			continue;
		json_field(&p->sb, i ? "old_value_type" : "value_type",
			   reg_type_name(x->type, tb, sizeof(tb)));
		data = value_data(x);
		json_field(&p->sb, i ? "old_data" : "data", data ? data : "");
		free(data);
	}
	sb_puts(&p->sb, "}\n");
	fputs(p->sb.s, stdout);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && !strcmp(s + n - t, tail);
}

#define FILE_PATH_MAX (PATH_MAX + 32) /* a directory's path and a hive's name */

/* dir/name as the run left it: the upper layer's copy if the run changed
 * it, "" if it removed it (a whiteout), else the original in lower. */
static void as_left(const char *upper, const char *lower, const char *name, char *out)
{
	struct stat st;

	snprintf(out, FILE_PATH_MAX, "%s/%s", upper, name);
	if (lstat(out, &st) == 0) {
		if (S_ISCHR(st.st_mode) && st.st_rdev == 0)
			out[0] = 0;
		return;
	}
	snprintf(out, FILE_PATH_MAX, "%s/%s", lower, name);
}

/* A hive's text file or its journal (PREFIX/system.reg[.journal]) changed:
 * list the hive's keys and values instead, once for both files.  The hive
 * before is the original file with its journal, after as the run left
 * them.  False when they cannot be read (the file change is listed then). */
static bool registry_changes(const struct overlay_entry *e, struct printer *p)
{
	char err[512], lower[PATH_MAX], upper[PATH_MAX], a[FILE_PATH_MAX], b[FILE_PATH_MAX];
	char name[32];
	bool machine = strstr(e->host, "/system.reg") != NULL, ok = false;
	const char *hive = machine ? "system.reg" : "user.reg";
	const char *label = machine ? "HKEY_LOCAL_MACHINE" : "HKEY_CURRENT_USER";
	struct reg_hive *old, *new;

	if (p->hive_done[machine])
		return true;
	if (!e->upper[0] || e->dir)
		return false;
	snprintf(lower, sizeof(lower), "%.*s", (int)(strrchr(e->host, '/') - e->host), e->host);
	snprintf(upper, sizeof(upper), "%.*s", (int)(strrchr(e->upper, '/') - e->upper), e->upper);
	snprintf(a, sizeof(a), "%s/%s", lower, hive);
	snprintf(b, sizeof(b), "%s/%s.journal", lower, hive);
	old = reg_hive_load_files(a, b, label, err, sizeof(err)); /* missing: empty */
	as_left(upper, lower, hive, a);
	snprintf(name, sizeof(name), "%s.journal", hive);
	as_left(upper, lower, name, b);
	new = old ? reg_hive_load_files(a[0] ? a : "/nonexistent", b, label, err, sizeof(err))
		  : NULL;
	if (new)
		ok = reg_diff(old, new, print_registry_change, p) == 0;
	else
		fprintf(stderr, "lsw diff: %s\n", err);
	if (new)
		reg_hive_free(new);
	if (old)
		reg_hive_free(old);
	p->hive_done[machine] = ok;
	return ok;
}

static bool hive_file(const char *host)
{
	return ends_with(host, "/system.reg") || ends_with(host, "/user.reg") ||
	       ends_with(host, "/system.reg.journal") || ends_with(host, "/user.reg.journal");
}

static void print_change(const struct overlay_entry *e, void *arg)
{
	struct printer *p = arg;

	if (!e->win[0]) { /* lsw's own files in the prefix */
		if (ends_with(e->host, ".reg.lock") || ends_with(e->host, ".reg.tmp"))
			return;
		if (hive_file(e->host) && registry_changes(e, p))
			return;
	}
	if (p->json)
		print_json(e, &p->sb);
	else
		print_text(e, NULL);
}

int cmd_diff(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, 0, 'j' },
		{ "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 },
	};
	struct printer p = { 0 };
	char err[PATH_MAX + 256];
	int o, r;

	while ((o = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (o == 'j') {
			p.json = true;
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
	r = overlay_diff(argv[optind], print_change, &p, err, sizeof(err));
	sb_free(&p.sb);
	if (r < 0) {
		fprintf(stderr, "lsw diff: %s\n", err);
		return 2;
	}
	return fflush(stdout) == 0 ? 0 : 2;
}
