/*
 * Process parameters (x64 RTL_USER_PROCESS_PARAMETERS): Length@4, Flags@8,
 * StandardInput/Output/Error@0x20/0x28/0x30, CurrentDirectory.DosPath@0x38,
 * DllPath@0x50, ImagePathName@0x60, CommandLine@0x70, Environment@0x80,
 * WindowTitle@0xB0, DesktopInfo@0xC0, ShellInfo@0xD0, RuntimeData@0xE0,
 * EnvironmentSize@0x3F0.  The strings follow the structure.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/process/params.h"
#include "emul/io/path.h"

#define PARAMS_STRUCT_SIZE 0x440
#define RTL_USER_PROC_PARAMS_NORMALIZED 1

struct blob {
	uint8_t *buf;
	size_t len, cap;
	uint64_t base;
};

static int reserve(struct blob *b, size_t more)
{
	if (b->len + more <= b->cap)
		return 0;
	size_t cap = (b->len + more) * 2;
	uint8_t *n = realloc(b->buf, cap);
	if (!n)
		return -1;
	memset(n + b->cap, 0, cap - b->cap);
	b->buf = n;
	b->cap = cap;
	return 0;
}

/* Appends s as UTF-16 and fills the UNICODE_STRING at offset us_off. */
static int put_ustring(struct blob *b, size_t us_off, const char *s)
{
	size_t max = strlen(s) + 1, n;
	uint16_t *w = malloc(max * 2 + 2);
	uint16_t len, maxlen;
	uint64_t ptr;

	if (!w)
		return -1;
	n = utf8_to_utf16(s, w, max + 1);
	if (n > PARAMS_MAX_CHARS) { /* UNICODE_STRING lengths are 16-bit */
		free(w);
		return -1;
	}
	b->len = (b->len + 7) & ~(size_t)7;
	if (reserve(b, (n + 1) * 2 + 8) < 0) {
		free(w);
		return -1;
	}
	memcpy(b->buf + b->len, w, (n + 1) * 2);
	free(w);
	len = (uint16_t)(n * 2);
	maxlen = (uint16_t)(n * 2 + 2);
	ptr = b->base + b->len;
	memcpy(b->buf + us_off, &len, 2);
	memcpy(b->buf + us_off + 2, &maxlen, 2);
	memcpy(b->buf + us_off + 8, &ptr, 8);
	b->len += (n + 1) * 2;
	return 0;
}

/* Appends len raw bytes and points the UNICODE_STRING at us_off at them
 * (RuntimeData is binary: no terminator, Length = MaximumLength). */
static int put_bytes(struct blob *b, size_t us_off, const uint8_t *data, uint16_t len)
{
	uint64_t ptr;

	if (!len)
		return 0;
	b->len = (b->len + 7) & ~(size_t)7;
	if (reserve(b, len + 8u) < 0)
		return -1;
	memcpy(b->buf + b->len, data, len);
	ptr = b->base + b->len;
	memcpy(b->buf + us_off, &len, 2);
	memcpy(b->buf + us_off + 2, &len, 2);
	memcpy(b->buf + us_off + 8, &ptr, 8);
	b->len += len;
	return 0;
}

static int put_env(struct blob *b, const char *const *env)
{
	size_t start;
	uint64_t ptr, size;

	b->len = (b->len + 15) & ~(size_t)15;
	start = b->len;
	for (; env && *env; env++) {
		size_t max = strlen(*env) + 1;

		if (reserve(b, max * 2 + 4) < 0)
			return -1;
		b->len += utf8_to_utf16(*env, (uint16_t *)(b->buf + b->len), max + 1) * 2 + 2;
	}
	if (reserve(b, 4) < 0)
		return -1;
	b->len += 2; /* the block ends with an empty string */
	if (b->len - start == 2)
		b->len += 2;
	ptr = b->base + start;
	size = b->len - start;
	memcpy(b->buf + 0x80, &ptr, 8);
	memcpy(b->buf + 0x3F0, &size, 8);
	return 0;
}

uint8_t *params_build(const struct params_input *in, uint64_t base, size_t *size)
{
	struct blob b = { NULL, 0, 0, base };
	uint32_t flags = RTL_USER_PROC_PARAMS_NORMALIZED | in->creation_flags, len;

	if (reserve(&b, PARAMS_STRUCT_SIZE + 4096) < 0)
		return NULL;
	b.len = PARAMS_STRUCT_SIZE;
	memcpy(b.buf + 8, &flags, 4);
	memcpy(b.buf + 0x20, in->std_handles, 24);
	memcpy(b.buf + 0xA4, &in->window_flags, 4);
	memcpy(b.buf + 0xA8, &in->show_window, 2);
	memcpy(b.buf + 0x18, &in->console_flags, 4);
	memcpy(b.buf + 0x408, &in->process_group, 4);
	if (in->place)
		memcpy(b.buf + 0x88, in->place, 7 * 4);
	if (put_ustring(&b, 0x38, in->current_dir) < 0 || put_ustring(&b, 0x50, "") < 0 ||
	    put_ustring(&b, 0x60, in->image_path) < 0 ||
	    put_ustring(&b, 0x70, in->command_line) < 0 ||
	    put_ustring(&b, 0xB0, in->title ? in->title : in->image_path) < 0 ||
	    put_ustring(&b, 0xC0, in->desktop ? in->desktop : "") < 0 ||
	    put_ustring(&b, 0xD0, "") < 0 ||
	    (in->runtime_len ? put_bytes(&b, 0xE0, in->runtime_data, in->runtime_len)
			     : put_ustring(&b, 0xE0, "")) < 0 ||
	    put_env(&b, in->env) < 0) {
		free(b.buf);
		return NULL;
	}
	len = (uint32_t)b.len;
	memcpy(b.buf + 0, &len, 4);  /* MaximumLength */
	memcpy(b.buf + 4, &len, 4);  /* Length */
	*size = b.len;
	return b.buf;
}

/* One argument, quoted so CommandLineToArgvW / the CRT give it back:
 * backslashes are literal unless they precede a quote. */
static void quote_one(const char *arg, char *out, size_t *o)
{
	bool need = !*arg || strpbrk(arg, " \t\n\v\"");
	size_t bs = 0;

	if (!need) {
		for (const char *p = arg; *p; p++)
			out[(*o)++] = *p;
		return;
	}
	out[(*o)++] = '"';
	for (const char *p = arg;; p++) {
		if (*p == '\\') {
			bs++;
			continue;
		}
		/* before a quote or the closing quote, backslashes double */
		size_t reps = (*p == '"' || !*p) ? bs * 2 : bs;
		for (size_t i = 0; i < reps; i++)
			out[(*o)++] = '\\';
		bs = 0;
		if (!*p)
			break;
		if (*p == '"')
			out[(*o)++] = '\\';
		out[(*o)++] = *p;
	}
	out[(*o)++] = '"';
}

char *params_quote_args(const char *argv0, char *const *argv, int argc)
{
	size_t cap = strlen(argv0) * 2 + 3, o = 0;
	char *out;

	for (int i = 0; i < argc; i++)
		cap += strlen(argv[i]) * 2 + 4;
	out = malloc(cap + 1);
	if (!out)
		return NULL;
	/* argv[0] has no escapes: the CRT takes it up to the closing quote */
	if (strpbrk(argv0, " \t")) {
		out[o++] = '"';
		memcpy(out + o, argv0, strlen(argv0));
		o += strlen(argv0);
		out[o++] = '"';
	} else {
		memcpy(out + o, argv0, strlen(argv0));
		o += strlen(argv0);
	}
	for (int i = 0; i < argc; i++) {
		out[o++] = ' ';
		quote_one(argv[i], out, &o);
	}
	out[o] = 0;
	return out;
}
