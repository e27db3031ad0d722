/*
 * lsw reg: reg.exe's query, add, delete, export and import on a prefix's
 * hive files (opened with reg_prefix_open, as the supervisor does; every
 * write goes through reg_hive_flush).  Output as reg.exe prints it.
 * While an lswhost holds the prefix, it is asked to write what it holds
 * first and to take in what lsw reg wrote after (REG_SYNC): its running
 * programs see the change at once, and so do its next runs' environments.
 * Exit status: 0, 1 when the operation fails, 2 for a usage error.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "emul/registry/reg_prefix.h"
#include "host/client.h"

struct reg_args {
	const char *verb, *prefix;
	const char *pos[2];          /* KEY, FILE */
	int npos;
	const char *v, *t, *d, *sep;
	bool ve, va, s, f, y;
};

static void reg_usage(FILE *f)
{
	fputs("usage: lsw reg [--prefix DIR] VERB ARGS...\n"
	      "\n"
	      "The registry of an LSW prefix (default $LSW_PREFIX, else ~/.lsw), with\n"
	      "reg.exe's syntax.  KEY starts with HKLM, HKCU, HKCR, HKU\\" REG_USER_SID "\n"
	      "or their long forms (HKEY_LOCAL_MACHINE, ...).\n"
	      "\n"
	      "  query KEY [/v NAME | /ve] [/s]    show values (/s: and all subkeys)\n"
	      "  add KEY [/v NAME | /ve] [/t TYPE] [/s SEP] [/d DATA] [/f]\n"
	      "                                    create the key, set a value; TYPE is\n"
	      "                                    REG_SZ (default), REG_EXPAND_SZ,\n"
	      "                                    REG_MULTI_SZ (items split at SEP,\n"
	      "                                    default \\0), REG_DWORD, REG_QWORD\n"
	      "                                    (decimal or 0x hex), REG_BINARY,\n"
	      "                                    REG_NONE (hex digits); /f replaces\n"
	      "                                    an existing value\n"
	      "  delete KEY [/v NAME | /ve | /va]  delete a value, all values (/va), or\n"
	      "                                    the key with its subkeys\n"
	      "  export KEY FILE [/y]              write KEY and its subkeys as a .reg\n"
	      "                                    file (/y: overwrite FILE)\n"
	      "  import FILE                       apply a .reg file, all or nothing\n"
	      "\n"
	      "Exit status: 0 done, 1 the operation failed, 2 usage error.\n", f);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("lsw reg: ERROR: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs(" (try lsw reg --help)\n", stderr);
	return 2;
}

static int op_error(const char *fmt, const char *arg)
{
	fputs("lsw reg: ERROR: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return 1;
}

/* Is a a switch ("/name" or "-name", any case)? */
static bool is_switch(const char *a, const char *name)
{
	return (a[0] == '/' || a[0] == '-') && !strcasecmp(a + 1, name);
}

static int parse_args(int argc, char **argv, struct reg_args *r)
{
	memset(r, 0, sizeof(*r));
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool more = i + 1 < argc;
		const char **take = NULL;

		if (!strcmp(a, "--prefix") || is_switch(a, "v") || is_switch(a, "t") ||
		    is_switch(a, "d") || (is_switch(a, "s") && r->verb && !strcmp(r->verb, "add"))) {
			if (!more)
				return usage_error("%s needs an argument", a);
			take = !strcmp(a, "--prefix") ? &r->prefix : is_switch(a, "v") ? &r->v :
			       is_switch(a, "t") ? &r->t : is_switch(a, "d") ? &r->d : &r->sep;
			*take = argv[++i];
		} else if (!strncmp(a, "--prefix=", 9)) {
			r->prefix = a + 9;
		} else if (is_switch(a, "ve")) {
			r->ve = true;
		} else if (is_switch(a, "va")) {
			r->va = true;
		} else if (is_switch(a, "s")) {
			r->s = true;
		} else if (is_switch(a, "f")) {
			r->f = true;
		} else if (is_switch(a, "y")) {
			r->y = true;
		} else if (!r->verb) {
			r->verb = a;
		} else if (r->npos < 2 && (a[0] != '-' || !a[1])) {
			r->pos[r->npos++] = a;
		} else {
			return usage_error("unexpected argument '%s'", a);
		}
	}
	if (!r->verb)
		return usage_error("%s", "no verb (query, add, delete, export, import)");
	if ((r->v && r->ve) || (r->va && (r->v || r->ve)))
		return usage_error("%s", "/v, /ve and /va exclude each other");
	return 0;
}

/* --- keys by path --- */

struct reg_path {
	struct reg_key *key;         /* NULL if missing */
	char name[4096];             /* canonical: root's full name, stored case */
};

/* Finds (or with create, makes) the key at path; *bad_root on an unknown
 * root.  Returns NTSTATUS of a failed create, else 0. */
static NTSTATUS resolve_path(struct reg_prefix *p, const char *path, bool create,
			     struct reg_path *out, bool *bad_root)
{
	const char *rest, *canon;
	struct reg_key *k = reg_prefix_root(p, path, &rest, &canon);

	*bad_root = !k;
	out->key = NULL;
	if (!k)
		return 0;
	snprintf(out->name, sizeof(out->name), "%s", canon);
	while (*rest) {
		const char *end = strchr(rest, '\\');
		size_t len = end ? (size_t)(end - rest) : strlen(rest), n;
		uint16_t *u;
		struct reg_key *next;
		NTSTATUS s = 0;
		char *stored;

		if (!len) {
			rest++;
			continue;
		}
		u = reg_utf8_to_utf16(rest, len, &n, NULL);
		if (!u)
			return LSW_STATUS_INVALID_PARAMETER;
		next = reg_key_find(k, u, n);
		if (!next && create)
			s = reg_key_create(k, u, n, k->is_volatile, NULL, 0, &next);
		free(u);
		if (s)
			return s;
		if (!next)
			return 0;
		k = next;
		stored = reg_utf16_to_utf8(k->name, k->name_len, NULL);
		if (stored) {
			size_t at = strlen(out->name);

			snprintf(out->name + at, sizeof(out->name) - at, "\\%s", stored);
			free(stored);
		}
		rest += len;
	}
	out->key = k;
	return 0;
}

/* --- printing values as reg.exe does --- */

static void print_value(const struct reg_value *v)
{
	char buf[16], *name = reg_utf16_to_utf8(v->name, v->name_len, NULL);

	printf("    %s    %s    ", v->name_len ? (name ? name : "?") : "(Default)",
	       reg_type_name(v->type, buf, sizeof(buf)));
	free(name);
	reg_format_data(stdout, v);
	putchar('\n');
}

/* The key's values (or only the one named), then its subkeys: as names,
 * or (recurse) in full.  Returns how many values matched. */
static unsigned query_key(const struct reg_key *k, const char *path, const struct reg_args *r,
			  const uint16_t *vname, size_t vlen)
{
	unsigned found = 0;
	const struct reg_value *only = NULL;

	if (r->v || r->ve) {
		for (uint32_t i = 0; i < k->nvalues && !only; i++)
			if (!reg_name_compare(vname, vlen, k->values[i].name, k->values[i].name_len))
				only = &k->values[i];
		if (only) {
			printf("\n%s\n", path);
			print_value(only);
			found = 1;
		}
	} else {
		printf("\n%s\n", path);
		for (uint32_t i = 0; i < k->nvalues; i++)
			print_value(&k->values[i]);
	}
	if (!r->s) {
		if (!r->v && !r->ve && k->nsubkeys)
			putchar('\n');
		for (uint32_t i = 0; i < k->nsubkeys && !r->v && !r->ve; i++) {
			char *name = reg_utf16_to_utf8(k->subkeys[i]->name, k->subkeys[i]->name_len, NULL);

			printf("%s\\%s\n", path, name ? name : "?");
			free(name);
		}
		return found;
	}
	for (uint32_t i = 0; i < k->nsubkeys; i++) {
		char *name = reg_utf16_to_utf8(k->subkeys[i]->name, k->subkeys[i]->name_len, NULL);
		size_t n = strlen(path) + (name ? strlen(name) : 1) + 2;
		char *sub = malloc(n);

		if (sub) {
			snprintf(sub, n, "%s\\%s", path, name ? name : "?");
			found += query_key(k->subkeys[i], sub, r, vname, vlen);
		}
		free(sub);
		free(name);
	}
	return found;
}

static const char not_found[] =
	"The system was unable to find the specified registry key or value (%s).";

static int do_query(struct reg_prefix *p, const struct reg_args *r, const struct reg_path *kp)
{
	size_t vlen = 0;
	uint16_t *vname = r->v ? reg_utf8_to_utf16(r->v, strlen(r->v), &vlen, NULL) : NULL;
	unsigned found;

	(void)p;
	if (r->v && !vname)
		return usage_error("bad value name '%s'", r->v);
	found = query_key(kp->key, kp->name, r, vname, vlen);
	free(vname);
	if ((r->v || r->ve) && !found)
		return op_error(not_found, r->v ? r->v : "(Default)");
	if ((r->v || r->ve) && r->s)
		printf("End of search: %u match(es) found.\n", found);
	putchar('\n');
	return 0;
}

/* --- add --- */

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Appends UTF-16LE of s (len bytes) plus a NUL to *data. */
static bool append_text(uint8_t **data, uint32_t *size, const char *s, size_t len)
{
	size_t n;
	uint16_t *u = reg_utf8_to_utf16(s, len, &n, NULL);
	uint8_t *d;

	if (!u)
		return false;
	d = realloc(*data, *size + (n + 1) * 2);
	if (d) {
		memcpy(d + *size, u, n * 2);
		d[*size + n * 2] = d[*size + n * 2 + 1] = 0;
		*data = d;
		*size += (uint32_t)(n + 1) * 2;
	}
	free(u);
	return d != NULL;
}

static int parse_type(const char *t, uint32_t *type)
{
	static const struct { const char *name; uint32_t type; } types[] = {
		{ "REG_SZ", REG_SZ }, { "REG_MULTI_SZ", REG_MULTI_SZ },
		{ "REG_EXPAND_SZ", REG_EXPAND_SZ }, { "REG_DWORD", REG_DWORD },
		{ "REG_QWORD", REG_QWORD }, { "REG_BINARY", REG_BINARY }, { "REG_NONE", REG_NONE },
	};

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcasecmp(t, types[i].name)) {
			*type = types[i].type;
			return 0;
		}
	return -1;
}

/* /d DATA as the bytes of a value of type; 2 (message printed) if bad. */
static int make_data(uint32_t type, const char *d, const char *sep, uint8_t **data,
		     uint32_t *size)
{
	*data = NULL;
	*size = 0;
	if (type == REG_DWORD || type == REG_QWORD) {
		char *end;
		unsigned long long v;

		errno = 0;
		v = strtoull(*d ? d : "0", &end, 0);
		if (errno || *end || *d == '-' || (type == REG_DWORD && v > 0xFFFFFFFFull))
			return usage_error("bad number '%s' (decimal or 0x hex, in range)", d);
		*size = type == REG_DWORD ? 4 : 8;
		*data = malloc(8);
		for (int i = 0; *data && i < 8; i++)
			(*data)[i] = (uint8_t)(v >> 8 * i);
	} else if (type == REG_BINARY || type == REG_NONE) {
		size_t n = strlen(d);

		if (n % 2)
			return usage_error("bad hex data '%s' (an even number of hex digits)", d);
		*data = malloc(n / 2 + 1);
		for (size_t i = 0; *data && i < n; i += 2) {
			if (hex_value(d[i]) < 0 || hex_value(d[i + 1]) < 0) {
				free(*data);
				return usage_error("bad hex data '%s' (an even number of hex digits)", d);
			}
			(*data)[i / 2] = (uint8_t)(hex_value(d[i]) << 4 | hex_value(d[i + 1]));
		}
		*size = (uint32_t)(n / 2);
	} else if (type == REG_MULTI_SZ) {
		size_t seplen = strlen(sep);
		const char *item = d;

		while (*d && seplen) {
			const char *end = strstr(item, sep);
			size_t len = end ? (size_t)(end - item) : strlen(item);

			if (!append_text(data, size, item, len))
				return op_error("bad or too much data '%s'", d);
			if (!end)
				break;
			item = end + seplen;
		}
		if (!append_text(data, size, "", 0))
			return op_error("%s", "out of memory");
	} else if (!append_text(data, size, d, strlen(d))) {
		return usage_error("bad text '%s' (not UTF-8)", d);
	}
	if (!*data)
		return op_error("%s", "out of memory");
	return 0;
}

static int do_add(struct reg_prefix *p, const struct reg_args *r, const struct reg_path *kp)
{
	uint32_t type = REG_SZ, size;
	uint8_t *data;
	uint16_t *vname = NULL;
	size_t vlen = 0;
	NTSTATUS s;
	int ret;

	(void)p;
	if (!r->v && !r->ve)
		return 0;
	if (r->t && parse_type(r->t, &type) < 0)
		return usage_error("bad type '%s' (REG_SZ, REG_MULTI_SZ, REG_EXPAND_SZ, REG_DWORD, "
				   "REG_QWORD, REG_BINARY, REG_NONE)", r->t);
	if (r->v && !(vname = reg_utf8_to_utf16(r->v, strlen(r->v), &vlen, NULL)))
		return usage_error("bad value name '%s'", r->v);
	if (reg_value_find(kp->key, vname, vlen) && !r->f) {
		free(vname);
		return op_error("value '%s' exists already (/f replaces it)",
				r->v ? r->v : "(Default)");
	}
	ret = make_data(type, r->d ? r->d : "", r->sep ? r->sep : "\\0", &data, &size);
	if (ret) {
		free(vname);
		return ret;
	}
	s = reg_value_set(kp->key, vname, vlen, type, data, size);
	free(vname);
	free(data);
	if (s) {
		char msg[32];

		snprintf(msg, sizeof(msg), "0x%08X", (unsigned)s);
		return op_error("cannot set the value (status %s)", msg);
	}
	return 0;
}

/* --- delete --- */


static int do_delete(const struct reg_args *r, const struct reg_path *kp)
{
	size_t vlen = 0;
	uint16_t *vname;
	NTSTATUS s;

	if (r->va) {
		while (kp->key->nvalues)
			reg_value_delete(kp->key, kp->key->values[0].name, kp->key->values[0].name_len);
		return 0;
	}
	if (r->v || r->ve) {
		vname = r->v ? reg_utf8_to_utf16(r->v, strlen(r->v), &vlen, NULL) : NULL;
		if (r->v && !vname)
			return usage_error("bad value name '%s'", r->v);
		s = reg_value_delete(kp->key, vname, vlen);
		free(vname);
		return s ? op_error(not_found, r->v ? r->v : "(Default)") : 0;
	}
	if (!kp->key->parent)
		return op_error("cannot delete a root key (%s)", kp->name);
	s = reg_key_delete_tree(kp->key);
	return s ? op_error("cannot delete %s", kp->name) : 0;
}

/* --- export, import --- */

static int do_export(const struct reg_args *r, const struct reg_path *kp)
{
	const char *file = r->pos[1];
	struct stat st;
	FILE *f;

	if (!r->y && stat(file, &st) == 0)
		return op_error("%s exists (/y overwrites it)", file);
	f = fopen(file, "wb");
	if (!f) {
		fprintf(stderr, "lsw reg: ERROR: %s: %s\n", file, strerror(errno));
		return 1;
	}
	if (reg_export(f, kp->key, kp->name) < 0) {
		fclose(f);
		return op_error("cannot write %s", file);
	}
	if (fclose(f))
		return op_error("cannot write %s", file);
	return 0;
}

static int do_import(struct reg_prefix *p, const char *file)
{
	FILE *f = fopen(file, "rb");
	char *text = NULL, err[512];
	size_t len = 0, cap = 0;
	int ret;

	if (!f) {
		fprintf(stderr, "lsw reg: ERROR: %s: %s\n", file, strerror(errno));
		return 1;
	}
	for (;;) {
		char *t;

		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			t = realloc(text, cap);
			if (!t) {
				free(text);
				fclose(f);
				return op_error("%s: out of memory", file);
			}
			text = t;
		}
		size_t n = fread(text + len, 1, cap - len, f);

		len += n;
		if (!n)
			break;
	}
	ret = ferror(f);
	fclose(f);
	if (ret) {
		free(text);
		return op_error("cannot read %s", file);
	}
	ret = reg_import(text, len, file, reg_prefix_resolve, p, err, sizeof(err));
	free(text);
	return ret < 0 ? op_error("%s", err) : 0;
}

/* --- the verbs --- */

static int check_verb_args(const struct reg_args *r)
{
	int want = !strcmp(r->verb, "export") ? 2 : 1;

	if (strcmp(r->verb, "query") && strcmp(r->verb, "add") && strcmp(r->verb, "delete") &&
	    strcmp(r->verb, "export") && strcmp(r->verb, "import"))
		return usage_error("unknown verb '%s' (query, add, delete, export, import)", r->verb);
	if (r->npos != want)
		return usage_error("%s: wrong number of arguments", r->verb);
	if (r->t && strcmp(r->verb, "add"))
		return usage_error("%s", "/t goes with add only");
	return 0;
}

static int run_verb(struct reg_prefix *p, const struct reg_args *r)
{
	struct reg_path *kp;
	bool bad_root;
	NTSTATUS s;
	int ret;

	if (!strcmp(r->verb, "import"))
		return do_import(p, r->pos[0]);
	kp = malloc(sizeof(*kp));
	if (!kp)
		return op_error("%s", "out of memory");
	s = resolve_path(p, r->pos[0], !strcmp(r->verb, "add"), kp, &bad_root);
	if (bad_root)
		ret = usage_error("unknown root key in '%s' (HKLM, HKCU, HKCR, HKU\\<sid> or their "
				  "HKEY_ forms)", r->pos[0]);
	else if (s)
		ret = op_error("cannot create the key %s", r->pos[0]);
	else if (!kp->key)
		ret = op_error(not_found, r->pos[0]);
	else if (!strcmp(r->verb, "query"))
		ret = do_query(p, r, kp);
	else if (!strcmp(r->verb, "add"))
		ret = do_add(p, r, kp);
	else if (!strcmp(r->verb, "delete"))
		ret = do_delete(r, kp);
	else
		ret = do_export(r, kp);
	free(kp);
	return ret;
}

/* The prefix's running lswhost, if any, syncs its registry with the
 * files (reg_hive_sync).  0, also when none runs; -1 (said why). */
static int sync_daemon(const char *prefix)
{
	struct host_paths paths;
	uint8_t *p = NULL;
	uint32_t size;
	char err[512];
	int sock, r;

	if (host_paths_for(prefix, &paths, err, sizeof(err)) < 0)
		return 0; /* no daemon can listen there either */
	sock = host_connect(prefix, false, NULL, &paths);
	if (sock == HOST_NONE || sock == HOST_FALLBACK) /* another build's: it merges */
		return 0;                               /* the files when it next writes */
	if (sock < 0)
		return -1;
	r = host_request(sock, PROTO_REG_SYNC, NULL, PROTO_OK, &p, &size);
	free(p);
	close(sock);
	return r;
}

int cmd_reg(int argc, char **argv)
{
	struct reg_args r;
	char prefix[PATH_MAX], err[512];
	struct reg_prefix *p;
	bool writes;
	int ret;

	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h") || !strcmp(argv[i], "/?")) {
			reg_usage(stdout);
			return 0;
		}
	ret = parse_args(argc, argv, &r);
	if (!ret)
		ret = check_verb_args(&r);
	if (ret)
		return ret;
	if (prefix_prepare(r.prefix, prefix, sizeof(prefix)) < 0 || sync_daemon(prefix) < 0)
		return 1;
	p = reg_prefix_open(prefix, lsw_user_name(), err, sizeof(err));
	if (p && reg_prefix_time_zones(p->machine) < 0) { /* as a program sees them */
		snprintf(err, sizeof(err), "registry: out of memory");
		reg_prefix_close(p);
		p = NULL;
	}
	if (!p) {
		fprintf(stderr, "lsw reg: ERROR: %s\n", err);
		return 1;
	}
	writes = strcmp(r.verb, "query") && strcmp(r.verb, "export");
	ret = run_verb(p, &r);
	/* a failed verb may have made part of its change (add: the key
	 * path): not flushed, so it is dropped */
	if (ret == 0 && writes && reg_prefix_flush_final(p, err, sizeof(err)) < 0) {
		fprintf(stderr, "lsw reg: ERROR: %s\n", err);
		ret = 1;
	}
	reg_prefix_close(p);
	if (ret == 0 && writes && sync_daemon(prefix) < 0)
		ret = 1; /* in the files; the daemon takes it in when it next writes */
	if (ret == 0 && writes)
		puts("The operation completed successfully.");
	return ret;
}
