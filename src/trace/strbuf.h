/* A growable string for building trace lines. */
#ifndef LSW_STRBUF_H
#define LSW_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *s;      /* NUL-terminated; NULL until the first append */
	size_t len, cap;
};

void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_putc(struct strbuf *sb, char c);
void sb_puts(struct strbuf *sb, const char *s);
/* "%" PRIu64, "%" PRId64 and "%#" PRIx64 (0 is "0"), without printf */
void sb_put_dec(struct strbuf *sb, uint64_t v);
void sb_put_sdec(struct strbuf *sb, int64_t v);
void sb_put_hex(struct strbuf *sb, uint64_t v);
/* Appends a C-style quoted, escaped copy of n bytes ("\n", "\x01", "\""). */
void sb_quote(struct strbuf *sb, const unsigned char *s, size_t n);
/* Appends a JSON string literal of s (UTF-8 passed through, controls escaped). */
void sb_json_string(struct strbuf *sb, const char *s);
void sb_reset(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
