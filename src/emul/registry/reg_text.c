/*
 * The .reg text format, as Windows' regedit writes it (`regedit /e`):
 *
 *   Windows Registry Editor Version 5.00
 *
 *   [HKEY_CURRENT_USER\Software\Example]
 *   @="default value"
 *   "Name"="text with \\ and \" escaped"
 *   "Count"=dword:0000000a
 *   "Blob"=hex:01,02,\
 *     03
 *   "Path"=hex(2):25,00,...     (REG_EXPAND_SZ; hex(7) MULTI_SZ, hex(b) QWORD)
 *
 * UTF-16LE with a BOM, CRLF line ends, hex lines wrapped before column 80.
 * Only REG_SZ that is a proper NUL-terminated string is written as "text";
 * anything else takes the hex(N) form, so every value round-trips byte
 * for byte.  The importer also takes UTF-8, LF line ends, "REGEDIT4",
 * ';' comments, [-KEY] and "name"=- deletions.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/reg_internal.h"
#include "emul/upcase.h"

/* --- export --- */

struct out {
	FILE *f;
	unsigned col;                /* units on the current line so far */
	uint16_t *path;              /* the current section's path */
	size_t path_len, path_cap;
};

static void put_unit(struct out *o, uint16_t c)
{
	putc(c & 0xFF, o->f);
	putc(c >> 8, o->f);
	o->col++;
}

static void put_ascii(struct out *o, const char *s)
{
	while (*s)
		put_unit(o, (unsigned char)*s++);
}

static void put_newline(struct out *o)
{
	put_ascii(o, "\r\n");
	o->col = 0;
}

/* A quoted name or string of n units at d (UTF-16LE bytes, maybe
 * unaligned): '\' and '"' take a backslash. */
static void put_quoted(struct out *o, const uint8_t *d, size_t n)
{
	put_unit(o, '"');
	for (size_t i = 0; i < n; i++) {
		uint16_t c = (uint16_t)(d[2 * i] | d[2 * i + 1] << 8);

		if (c == '\\' || c == '"')
			put_unit(o, '\\');
		put_unit(o, c);
	}
	put_unit(o, '"');
}

/* Is data a NUL-terminated UTF-16 string with no NUL inside and no line
 * break (which the line-based text cannot carry)? */
static bool plain_string(const uint8_t *data, uint32_t size)
{
	if (size < 2 || size % 2)
		return false;
	for (uint32_t i = 0; i + 2 < size; i += 2) {
		uint16_t c = (uint16_t)(data[i] | data[i + 1] << 8);

		if (!c || c == '\r' || c == '\n')
			return false;
	}
	return !data[size - 2] && !data[size - 1];
}

/* Bytes as "xx,xx,...", wrapped as regedit does: a line that would pass
 * column 80 ends in ",\" and the next starts with two spaces. */
static void put_hex(struct out *o, const uint8_t *data, uint32_t size)
{
	static const char digits[] = "0123456789abcdef";

	for (uint32_t i = 0; i < size; i++) {
		if (o->col > 2 && o->col + 4 > 80) {
			put_unit(o, '\\');
			put_newline(o);
			put_ascii(o, "  ");
		}
		put_unit(o, digits[data[i] >> 4]);
		put_unit(o, digits[data[i] & 15]);
		if (i + 1 < size)
			put_unit(o, ',');
	}
}

static void put_value(struct out *o, const struct reg_value *v)
{
	char prefix[24];

	if (!v->name_len)
		put_unit(o, '@');
	else
		put_quoted(o, (const uint8_t *)v->name, v->name_len);
	put_unit(o, '=');
	if (v->type == REG_SZ && plain_string(v->data, v->size)) {
		put_quoted(o, v->data, v->size / 2 - 1);
		return;
	}
	if (v->type == REG_DWORD && v->size == 4) {
		snprintf(prefix, sizeof(prefix), "dword:%08x",
			 (unsigned)(v->data[0] | v->data[1] << 8 | v->data[2] << 16 |
				    (uint32_t)v->data[3] << 24));
		put_ascii(o, prefix);
		return;
	}
	if (v->type == REG_BINARY)
		snprintf(prefix, sizeof(prefix), "hex:");
	else
		snprintf(prefix, sizeof(prefix), "hex(%x):", (unsigned)v->type);
	put_ascii(o, prefix);
	put_hex(o, v->data, v->size);
}

static bool path_push(struct out *o, const uint16_t *s, size_t len)
{
	if (o->path_len + len > o->path_cap) {
		size_t cap = (o->path_len + len) * 2 + 64;
		uint16_t *p = realloc(o->path, cap * sizeof(*p));

		if (!p)
			return false;
		o->path = p;
		o->path_cap = cap;
	}
	memcpy(o->path + o->path_len, s, len * 2);
	o->path_len += len;
	return true;
}

static int export_key(struct out *o, const struct reg_key *k)
{
	size_t mark = o->path_len;

	put_unit(o, '[');
	for (size_t i = 0; i < o->path_len; i++)
		put_unit(o, o->path[i]);
	put_unit(o, ']');
	put_newline(o);
	for (uint32_t i = 0; i < k->nvalues; i++) {
		put_value(o, &k->values[i]);
		put_newline(o);
	}
	put_newline(o);
	for (uint32_t i = 0; i < k->nsubkeys; i++) {
		const struct reg_key *s = k->subkeys[i];
		static const uint16_t sep = '\\';

		if (s->is_volatile)
			continue;
		if (!path_push(o, &sep, 1) || !path_push(o, s->name, s->name_len) ||
		    export_key(o, s) < 0)
			return -1;
		o->path_len = mark;
	}
	return 0;
}

int reg_export(FILE *f, const struct reg_key *key, const char *root_path)
{
	struct out o = { .f = f };
	size_t n;
	uint16_t *root = reg_utf8_to_utf16(root_path, strlen(root_path), &n, NULL);
	int ret = -1;

	if (!root)
		return -1;
	if (!key->is_volatile && path_push(&o, root, n)) {
		put_unit(&o, 0xFEFF);
		put_ascii(&o, "Windows Registry Editor Version 5.00");
		put_newline(&o);
		put_newline(&o);
		ret = export_key(&o, key);
	}
	free(root);
	free(o.path);
	return ret < 0 || ferror(f) ? -1 : 0;
}

/* --- import --- */

enum op_kind { OP_KEY, OP_DELKEY, OP_SET, OP_UNSET };

/* One thing the text asks for.  Paths are (len, units...) per component
 * below root; values apply to the key of the last OP_KEY. */
struct op {
	enum op_kind kind;
	unsigned line;
	struct reg_key *root;
	uint16_t *path, *name;
	size_t path_units, name_len;
	uint32_t type;
	uint8_t *data;
	uint32_t size;
};

struct parser {
	const char *file;
	char *err;
	size_t errlen;
	reg_root_resolver resolve;
	void *arg;
	uint16_t *text;              /* the whole input as UTF-16 */
	size_t len, pos;             /* pos: start of the next line */
	unsigned line;               /* number of the line last read */
	bool regedit4;               /* "REGEDIT4": hex(1/2/7) data is 8-bit text */
	struct op *ops;
	size_t nops, cap;
	int section;                 /* -1: none yet, -2: a [-KEY] one, else 1 */
	uint64_t bytes;              /* what the ops could add, for the budget */
};

static int fail(struct parser *p, const char *what)
{
	snprintf(p->err, p->errlen, "%s:%u: %s", p->file, p->line, what);
	return -1;
}

/* The next line (without its CR LF or LF), or false at the end. */
static bool next_line(struct parser *p, const uint16_t **s, size_t *n)
{
	size_t start = p->pos, end;

	if (p->pos >= p->len)
		return false;
	end = start;
	while (end < p->len && p->text[end] != '\n')
		end++;
	p->pos = end < p->len ? end + 1 : end;
	if (end > start && p->text[end - 1] == '\r')
		end--;
	*s = p->text + start;
	*n = end - start;
	p->line++;
	return true;
}

static bool is_space(uint16_t c)
{
	return c == ' ' || c == '\t';
}

static void trim(const uint16_t **s, size_t *n)
{
	while (*n && is_space(**s))
		(*s)++, (*n)--;
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

static bool equals_ascii(const uint16_t *s, size_t n, const char *a)
{
	size_t i;

	for (i = 0; i < n && a[i]; i++)
		if (s[i] != (unsigned char)a[i])
			return false;
	return i == n && !a[i];
}

/* Case-insensitive prefix test; advances past it. */
static bool skip_prefix(const uint16_t **s, size_t *n, const char *a)
{
	size_t k = strlen(a);

	if (*n < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (nt_upcase((*s)[i]) != nt_upcase((unsigned char)a[i]))
			return false;
	*s += k;
	*n -= k;
	return true;
}

static struct op *new_op(struct parser *p, enum op_kind kind)
{
	struct op *o;

	if (p->nops == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 32;
		struct op *a = realloc(p->ops, cap * sizeof(*a));

		if (!a)
			return NULL;
		p->ops = a;
		p->cap = cap;
	}
	o = &p->ops[p->nops++];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->line = p->line;
	return o;
}

static unsigned key_depth(const struct reg_key *k)
{
	unsigned d = 0;

	for (; k->parent; k = k->parent)
		d++;
	return d;
}

/* The root named by the first one or two components ("HKEY_USERS\<sid>"). */
static struct reg_key *find_root(struct parser *p, const uint16_t *s, size_t n, size_t *used)
{
	size_t first = 0, second;
	struct reg_key *root = NULL;
	char *name;

	while (first < n && s[first] != '\\')
		first++;
	name = reg_utf16_to_utf8(s, first, NULL);
	if (name)
		root = p->resolve(p->arg, name);
	free(name);
	*used = first;
	if (root || first == n)
		return root;
	second = first + 1;
	while (second < n && s[second] != '\\')
		second++;
	name = reg_utf16_to_utf8(s, second, NULL);
	if (name)
		root = p->resolve(p->arg, name);
	free(name);
	*used = root ? second : first; /* an error names the first part */
	return root;
}

/* "[ROOT\a\b]" or "[-ROOT\a\b]" (s trimmed, starting at '['). */
static int parse_section(struct parser *p, const uint16_t *s, size_t n)
{
	bool del = n > 1 && s[1] == '-';
	size_t used, units = 0, comps = 0;
	struct reg_key *root;
	struct op *o;

	if (s[n - 1] != ']')
		return fail(p, "section does not end with ']'");
	s += del ? 2 : 1;
	n -= del ? 3 : 2;
	if (!n)
		return fail(p, "empty key name in [ ]");
	root = find_root(p, s, n, &used);
	if (!root) {
		char msg[160], *name = reg_utf16_to_utf8(s, used, NULL);

		snprintf(msg, sizeof(msg), "unknown root key '%.100s'", name ? name : "?");
		free(name);
		return fail(p, msg);
	}
	o = new_op(p, del ? OP_DELKEY : OP_KEY);
	if (!o)
		return fail(p, "out of memory");
	o->root = root;
	s += used;
	n -= used;
	if (n && s[0] == '\\')
		s++, n--;
	else if (n)
		return fail(p, "bad key path");
	o->path = malloc((2 * n + 1) * sizeof(uint16_t));
	if (!o->path)
		return fail(p, "out of memory");
	for (size_t i = 0; n && i <= n; ) {
		size_t j = i;

		while (j < n && s[j] != '\\')
			j++;
		if (j == i)
			return fail(p, "empty key name in path (\"\\\\\")");
		if (j - i > REG_KEY_NAME_MAX)
			return fail(p, "key name longer than 256 characters");
		for (size_t k = i; k < j; k++)
			if (!s[k] || s[k] == '\r')
				return fail(p, "NUL or CR character in key name");
		o->path[units++] = (uint16_t)(j - i);
		memcpy(o->path + units, s + i, (j - i) * 2);
		units += j - i;
		comps++;
		i = j + 1;
	}
	o->path_units = units;
	if (comps && !del) /* the key this section names (see reg_key_cost) */
		p->bytes += REG_KEY_COST + 2 * (units - 1);
	if (del && !comps)
		return fail(p, "cannot delete a root key");
	if (key_depth(root) + comps > REG_DEPTH_MAX)
		return fail(p, "key path too deep");
	p->section = del ? -2 : 1;
	return 0;
}

/* A quoted string at *s (past the opening quote is done here), unescaped
 * into out (room for n units); advances past the closing quote. */
static int parse_quoted(struct parser *p, const uint16_t **s, size_t *n, uint16_t *out,
			size_t *outlen)
{
	size_t k = 0;

	(*s)++, (*n)--;
	while (*n && **s != '"') {
		uint16_t c = **s;

		if (c == '\\') {
			if (*n < 2)
				return fail(p, "unterminated quoted string");
			c = (*s)[1];
			if (c != '\\' && c != '"')
				return fail(p, "bad escape in quoted string (only \\\\ and \\\")");
			(*s)++, (*n)--;
		}
		out[k++] = c;
		(*s)++, (*n)--;
	}
	if (!*n)
		return fail(p, "unterminated quoted string");
	(*s)++, (*n)--;
	*outlen = k;
	return 0;
}

static int hex_digit(uint16_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* hex data "01,02,..." with its continuation lines already joined. */
static int parse_hex_bytes(struct parser *p, const uint16_t *s, size_t n, struct op *o)
{
	uint8_t *d = malloc(n / 2 + 1);
	size_t k = 0, i = 0;
	int x;

	if (!d)
		return fail(p, "out of memory");
	o->data = d;
	trim(&s, &n);
	while (n && i < n) {
		int v = 0, digits = 0;

		while (i < n && is_space(s[i]))
			i++;
		while (i < n && (x = hex_digit(s[i])) >= 0 && digits < 3)
			v = v * 16 + x, i++, digits++;
		while (i < n && is_space(s[i]))
			i++;
		if (!digits || digits > 2 || (i < n && s[i] != ','))
			return fail(p, "bad hex byte (want two hex digits between commas)");
		if (i < n && ++i == n)
			return fail(p, "hex data ends with a comma");
		d[k++] = (uint8_t)v;
	}
	o->size = (uint32_t)k;
	return 0;
}

/* REGEDIT4 text values are 8-bit: widen them to UTF-16LE. */
static int widen(struct parser *p, struct op *o)
{
	uint8_t *w = malloc(o->size * 2 + 1);

	if (!w)
		return fail(p, "out of memory");
	for (uint32_t i = 0; i < o->size; i++) {
		w[2 * i] = o->data[i];
		w[2 * i + 1] = 0;
	}
	free(o->data);
	o->data = w;
	o->size *= 2;
	return 0;
}

/* "hex:" / "hex(N):" and the lines that continue it (ending in '\'). */
static int parse_hex(struct parser *p, const uint16_t *s, size_t n, struct op *o)
{
	uint16_t *joined = NULL;
	size_t jn = 0, cap = 0;
	int ret;

	trim(&s, &n);
	while (n && s[n - 1] == '\\') {
		const uint16_t *next;
		size_t nn;

		if (jn + n > cap) { /* doubling: a long value has thousands of lines */
			uint16_t *j = realloc(joined, (cap = 2 * (jn + n)) * sizeof(uint16_t));

			if (!j) {
				free(joined);
				return fail(p, "out of memory");
			}
			joined = j;
		}
		memcpy(joined + jn, s, (n - 1) * 2);
		jn += n - 1;
		if (!next_line(p, &next, &nn)) {
			free(joined);
			return fail(p, "hex data continues ('\\') past the end of the file");
		}
		s = next;
		n = nn;
		trim(&s, &n);
	}
	if (joined) {
		uint16_t *j = realloc(joined, (jn + n + 1) * sizeof(uint16_t));

		if (!j) {
			free(joined);
			return fail(p, "out of memory");
		}
		joined = j;
		memcpy(joined + jn, s, n * 2);
		jn += n;
		s = joined;
		n = jn;
	}
	ret = parse_hex_bytes(p, s, n, o);
	free(joined);
	if (!ret && p->regedit4 && (o->type == REG_SZ || o->type == REG_EXPAND_SZ ||
				    o->type == REG_MULTI_SZ))
		ret = widen(p, o);
	return ret;
}

/* "hex(N):" -> N; s is past "hex(". */
static int parse_type(struct parser *p, const uint16_t **s, size_t *n, uint32_t *type)
{
	uint64_t t = 0;
	int digits = 0;

	while (*n && hex_digit(**s) >= 0 && digits < 9) {
		t = t * 16 + (unsigned)hex_digit(**s);
		(*s)++, (*n)--, digits++;
	}
	if (!digits || digits > 8 || !skip_prefix(s, n, "):"))
		return fail(p, "bad value type hex(N): (N is a hex number)");
	*type = (uint32_t)t;
	return 0;
}

static int parse_dword(struct parser *p, const uint16_t *s, size_t n, struct op *o)
{
	uint32_t v = 0;

	trim(&s, &n);
	if (!n || n > 8)
		return fail(p, "bad dword (want 1 to 8 hex digits)");
	for (size_t i = 0; i < n; i++) {
		if (hex_digit(s[i]) < 0)
			return fail(p, "bad dword (want 1 to 8 hex digits)");
		v = v * 16 + (unsigned)hex_digit(s[i]);
	}
	o->data = malloc(4);
	if (!o->data)
		return fail(p, "out of memory");
	for (int i = 0; i < 4; i++)
		o->data[i] = (uint8_t)(v >> 8 * i);
	o->size = 4;
	o->type = REG_DWORD;
	return 0;
}

/* The data after '=' of a value line. */
static int parse_data(struct parser *p, const uint16_t *s, size_t n, struct op *o)
{
	trim(&s, &n);
	if (n == 1 && s[0] == '-') {
		o->kind = OP_UNSET;
		return 0;
	}
	if (n && s[0] == '"') {
		uint16_t *t = malloc((n + 1) * sizeof(uint16_t));
		size_t tl;

		if (!t)
			return fail(p, "out of memory");
		o->data = (uint8_t *)t;
		if (parse_quoted(p, &s, &n, t, &tl) < 0)
			return -1;
		trim(&s, &n);
		if (n)
			return fail(p, "text after the closing quote");
		t[tl] = 0;
		o->type = REG_SZ;
		o->size = (uint32_t)(tl + 1) * 2;
		return 0;
	}
	if (skip_prefix(&s, &n, "dword:"))
		return parse_dword(p, s, n, o);
	if (skip_prefix(&s, &n, "hex:")) {
		o->type = REG_BINARY;
		return parse_hex(p, s, n, o);
	}
	if (skip_prefix(&s, &n, "hex(")) {
		if (parse_type(p, &s, &n, &o->type) < 0)
			return -1;
		return parse_hex(p, s, n, o);
	}
	return fail(p, "unknown value data (want \"text\", dword:, hex:, hex(N): or -)");
}

/* "name"=DATA or @=DATA (s trimmed). */
static int parse_value(struct parser *p, const uint16_t *s, size_t n)
{
	struct op *o;

	if (p->section == -1)
		return fail(p, "value outside any [KEY] section");
	if (p->section == -2)
		return fail(p, "value in a [-KEY] section (the key is being deleted)");
	o = new_op(p, OP_SET);
	if (!o)
		return fail(p, "out of memory");
	if (s[0] == '@') {
		s++, n--;
	} else {
		o->name = malloc(n * sizeof(uint16_t));
		if (!o->name)
			return fail(p, "out of memory");
		if (parse_quoted(p, &s, &n, o->name, &o->name_len) < 0)
			return -1;
		if (!o->name_len)
			return fail(p, "empty value name \"\" (the default value is @)");
		if (o->name_len > REG_VALUE_NAME_MAX)
			return fail(p, "value name longer than 16383 characters");
		for (size_t i = 0; i < o->name_len; i++)
			if (!o->name[i] || o->name[i] == '\r')
				return fail(p, "NUL or CR character in value name");
	}
	while (n && is_space(*s))
		s++, n--;
	if (!n || *s != '=')
		return fail(p, "missing '=' after the value name");
	if (parse_data(p, s + 1, n - 1, o) < 0)
		return -1;
	p->bytes += REG_VALUE_COST + 2 * o->name_len + o->size;
	return 0;
}

static int parse_all(struct parser *p)
{
	const uint16_t *s;
	size_t n;

	if (!next_line(p, &s, &n))
		return fail(p, "empty file (want \"Windows Registry Editor Version 5.00\")");
	trim(&s, &n);
	if (equals_ascii(s, n, "REGEDIT4"))
		p->regedit4 = true;
	else if (!equals_ascii(s, n, "Windows Registry Editor Version 5.00"))
		return fail(p, "not a .reg file (first line is not \"Windows Registry "
			    "Editor Version 5.00\" or \"REGEDIT4\")");
	while (next_line(p, &s, &n)) {
		int r;

		trim(&s, &n);
		if (!n || s[0] == ';')
			continue;
		if (s[0] == '[')
			r = parse_section(p, s, n);
		else if (s[0] == '"' || s[0] == '@')
			r = parse_value(p, s, n);
		else
			r = fail(p, "expected [KEY], \"name\"=, @= or a ; comment");
		if (r < 0)
			return -1;
	}
	return 0;
}

/* The key at o's path, created where missing (create), else NULL if missing. */
static NTSTATUS walk(struct op *o, bool create, struct reg_key **out)
{
	struct reg_key *k = o->root;

	for (size_t at = 0; k && at < o->path_units; ) {
		uint16_t len = o->path[at];
		struct reg_key *next = reg_key_find(k, o->path + at + 1, len);

		if (!next && create) {
			NTSTATUS s = reg_key_create(k, o->path + at + 1, len, k->is_volatile,
						    NULL, 0, &next);
			if (s)
				return s;
		}
		k = next;
		at += 1 + len;
	}
	*out = k;
	return LSW_STATUS_SUCCESS;
}


static int apply_all(struct parser *p)
{
	struct reg_key *cur = NULL;

	for (size_t i = 0; i < p->nops; i++) {
		struct op *o = &p->ops[i];
		NTSTATUS s = LSW_STATUS_SUCCESS;
		struct reg_key *k;

		switch (o->kind) {
		case OP_KEY:
			s = walk(o, true, &cur);
			break;
		case OP_DELKEY:
			s = walk(o, false, &k);
			if (!s && k)
				s = reg_key_delete_tree(k);
			cur = NULL;
			break;
		case OP_SET:
			s = reg_value_set(cur, o->name, o->name_len, o->type, o->data, o->size);
			break;
		case OP_UNSET:
			s = reg_value_delete(cur, o->name, o->name_len);
			if (s == (NTSTATUS)LSW_STATUS_OBJECT_NAME_NOT_FOUND)
				s = LSW_STATUS_SUCCESS;
			break;
		}
		if (s) {
			char msg[96];

			p->line = o->line;
			snprintf(msg, sizeof(msg), "cannot apply (status 0x%08X)", (unsigned)s);
			return fail(p, msg);
		}
	}
	return 0;
}

/* The input as UTF-16: UTF-16LE after a BOM, else UTF-8 (BOM optional). */
static int decode(struct parser *p, const uint8_t *b, size_t len)
{
	if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
		if (len % 2)
			return fail(p, "UTF-16 text of odd length");
		p->len = len / 2 - 1;
		p->text = malloc((p->len + 1) * sizeof(uint16_t));
		if (!p->text)
			return fail(p, "out of memory");
		for (size_t i = 0; i < p->len; i++)
			p->text[i] = (uint16_t)(b[2 + 2 * i] | b[3 + 2 * i] << 8);
		return 0;
	}
	if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		b += 3, len -= 3;
	size_t bad = (size_t)-1;

	p->text = reg_utf8_to_utf16((const char *)b, len, &p->len, &bad);
	if (!p->text) {
		if (bad == (size_t)-1)
			return fail(p, "out of memory");
		p->line = 1;
		for (size_t i = 0; i < bad; i++)
			p->line += b[i] == '\n';
		return fail(p, "malformed UTF-8");
	}
	return 0;
}

static bool fits_budget(struct parser *p)
{
	for (size_t i = 0; i < p->nops; i++) {
		const struct reg_hive *h = p->ops[i].root ? p->ops[i].root->hive : NULL;

		if (h && !h->unbounded && h->bytes + p->bytes > REG_HIVE_BYTES_MAX)
			return false;
	}
	return true;
}

int reg_import(const void *text, size_t len, const char *name, reg_root_resolver resolve,
	       void *arg, char *err, size_t errlen)
{
	struct parser p = { .file = name, .err = err, .errlen = errlen, .resolve = resolve,
			    .arg = arg, .section = -1 };
	int ret = decode(&p, text, len);

	if (!ret)
		ret = parse_all(&p);
	if (!ret && !fits_budget(&p)) {
		p.line = 0;
		ret = fail(&p, "too large for the hive's size limit");
	}
	if (!ret)
		ret = apply_all(&p);
	for (size_t i = 0; i < p.nops; i++) {
		free(p.ops[i].path);
		free(p.ops[i].name);
		free(p.ops[i].data);
	}
	free(p.ops);
	free(p.text);
	return ret;
}
