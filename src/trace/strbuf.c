#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "trace/strbuf.h"

static int grow(struct strbuf *sb, size_t more)
{
	size_t cap;
	char *n;

	if (sb->len + more + 1 <= sb->cap)
		return 0;
	cap = (sb->len + more + 1) * 2;
	if (cap < 128)
		cap = 128;
	n = realloc(sb->s, cap);
	if (!n)
		return -1;
	sb->s = n;
	sb->cap = cap;
	return 0;
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	if (grow(sb, 64) < 0)
		return;
	va_copy(again, ap);
	/* one pass when it fits (the common case), a second after growing */
	n = vsnprintf(sb->s + sb->len, sb->cap - sb->len, fmt, ap);
	if (n >= 0 && (size_t)n >= sb->cap - sb->len) {
		if (grow(sb, (size_t)n) == 0)
			vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, again);
		else
			n = -1;
	}
	if (n >= 0)
		sb->len += (size_t)n;
	else if (sb->s)
		sb->s[sb->len] = 0;
	va_end(again);
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void sb_putc(struct strbuf *sb, char c)
{
	if (grow(sb, 1) == 0) {
		sb->s[sb->len++] = c;
		sb->s[sb->len] = 0;
	}
}

void sb_puts(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);

	if (grow(sb, n) == 0) {
		memcpy(sb->s + sb->len, s, n + 1);
		sb->len += n;
	}
}

/* Digits without printf: a trace line is mostly numbers, and vsnprintf
 * was most of the cost of formatting one (docs/fastpath.md, chan6). */
static void put_digits(struct strbuf *sb, uint64_t v, unsigned base)
{
	char buf[24], *p = buf + sizeof(buf);

	do {
		*--p = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (grow(sb, (size_t)(buf + sizeof(buf) - p)) == 0) {
		memcpy(sb->s + sb->len, p, (size_t)(buf + sizeof(buf) - p));
		sb->len += (size_t)(buf + sizeof(buf) - p);
		sb->s[sb->len] = 0;
	}
}

void sb_put_dec(struct strbuf *sb, uint64_t v)
{
	put_digits(sb, v, 10);
}

void sb_put_sdec(struct strbuf *sb, int64_t v)
{
	if (v < 0)
		sb_putc(sb, '-');
	put_digits(sb, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, 10);
}

void sb_put_hex(struct strbuf *sb, uint64_t v)
{
	if (v)
		sb_puts(sb, "0x");
	put_digits(sb, v, 16);
}

void sb_quote(struct strbuf *sb, const unsigned char *s, size_t n)
{
	sb_putc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		switch (c) {
		case '"': sb_puts(sb, "\\\""); break;
		case '\\': sb_puts(sb, "\\\\"); break;
		case '\n': sb_puts(sb, "\\n"); break;
		case '\r': sb_puts(sb, "\\r"); break;
		case '\t': sb_puts(sb, "\\t"); break;
		default:
			if (c < 32 || c >= 127)
				sb_printf(sb, "\\x%02x", c);
			else
				sb_putc(sb, (char)c);
		}
	}
	sb_putc(sb, '"');
}

void sb_json_string(struct strbuf *sb, const char *s)
{
	sb_putc(sb, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sb_printf(sb, "\\%c", *p);
		else if (*p < 32 || *p == 127)
			sb_printf(sb, "\\u%04x", *p);
		else
			sb_putc(sb, (char)*p);
	}
	sb_putc(sb, '"');
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->s)
		sb->s[0] = 0;
}

void sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}
