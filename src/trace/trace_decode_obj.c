/*
 * Decoders for objects and their names: handles (in and out), handle
 * arrays, UNICODE_STRING, OBJECT_ATTRIBUTES, CLIENT_ID.
 */
#include <inttypes.h>
#include "emul/io/path.h"
#include "trace/trace_decode_int.h"

/* Names are shown whole up to this many UTF-16 units, whatever -s says:
 * object names are short, and an analyst needs the whole path.  Longer
 * ones (the NT limit is 32767) end in "...". */
#define NAME_MAX_UNITS 1024

static bool is_current_process(uint64_t h)
{
	return h == (uint64_t)-1;
}

/* HANDLE_OF(p): a handle of the process in argument p, described only
 * when that process is this one (else our table says nothing about it). */
void dec_handle_of(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		   enum trace_phase ph)
{
	uint64_t h = tc->c->args[i];

	if (is_current_process(tc->c->args[d->ref]))
		print_handle(sb, tc, h);
	else
		print_ptr(sb, h);
}

/* PHANDLE, PHANDLE_OF(p): at exit, "&0x24 <what>". */
void dec_phandle(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		 enum trace_phase ph)
{
	uint64_t p = tc->c->args[i], h;

	if (trace_read(tc, p, &h, sizeof(h)) < 0) {
		print_ptr(sb, p);
		return;
	}
	sb_putc(sb, '&');
	if (d->type == T_PHANDLE_OF && !is_current_process(tc->c->args[d->ref]))
		print_ptr(sb, h);
	else
		print_handle(sb, tc, h);
}

/* HANDLE_ARRAY(n): "[0x24 <a>, 0x28 <b>]"; the wait functions take at most
 * MAXIMUM_WAIT_OBJECTS (64), so more prints the first 64 and "...". */
void dec_handle_array(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		      enum trace_phase ph)
{
	uint64_t p = tc->c->args[i], n = arg_value(tc, d->ref), h[64];
	unsigned shown = n > 64 ? 64 : (unsigned)n;

	if (!p || trace_read(tc, p, h, shown * sizeof(h[0])) < 0) {
		print_ptr(sb, p);
		return;
	}
	sb_putc(sb, '[');
	for (unsigned k = 0; k < shown; k++) {
		if (k)
			sb_puts(sb, ", ");
		print_handle(sb, tc, h[k]);
	}
	if (n > shown)
		sb_puts(sb, ", ...");
	sb_putc(sb, ']');
}

/*
 * A name, quoted.  Unlike sb_quote (data), a name keeps its backslashes:
 * they are NT path separators, and "\\??\\C:\\x" would hide the path an
 * analyst looks for.  Quotes and control characters (C0, DEL, C1) are
 * escaped; other non-ASCII characters pass as UTF-8.
 */
static void quote_name(struct strbuf *sb, const unsigned char *s, size_t n)
{
	sb_putc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c == '"')
			sb_puts(sb, "\\\"");
		else if (c == '\n')
			sb_puts(sb, "\\n");
		else if (c == '\t')
			sb_puts(sb, "\\t");
		else if (c < 32 || c == 127)
			sb_printf(sb, "\\x%02x", c);
		else if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] < 0xA0) {
			sb_printf(sb, "\\xc2\\x%02x", s[i + 1]);
			i++;
		} else
			sb_putc(sb, (char)c);
	}
	sb_putc(sb, '"');
}

/* bytes of UTF-16 at buf as a quoted UTF-8 name; false (nothing
 * printed) when they cannot be read. */
bool print_wchars_at(struct strbuf *sb, struct trace_call *tc, uint64_t buf, uint64_t bytes)
{
	uint16_t w[NAME_MAX_UNITS];
	char u8[NAME_MAX_UNITS * 3 + 8];
	size_t units = bytes / 2, n;

	if (units > NAME_MAX_UNITS)
		units = NAME_MAX_UNITS;
	if (units && (!buf || trace_read(tc, buf, w, units * 2) < 0))
		return false;
	n = utf16_to_utf8(w, units, u8, sizeof(u8));
	quote_name(sb, (const unsigned char *)u8, n);
	if (bytes / 2 > units)
		sb_puts(sb, "...");
	return true;
}

/* UNICODE_STRING { USHORT Length, MaximumLength; PWSTR Buffer }: the text
 * as a quoted UTF-8 name. */
void print_ustring_at(struct strbuf *sb, struct trace_call *tc, uint64_t addr)
{
	struct { uint16_t len, max; uint32_t pad; uint64_t buf; } us;

	if (!addr || trace_read(tc, addr, &us, sizeof(us)) < 0 ||
	    !print_wchars_at(sb, tc, us.buf, us.len))
		print_ptr(sb, addr);
}

void dec_unicode_string(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d,
			int i, enum trace_phase ph)
{
	print_ustring_at(sb, tc, tc->c->args[i]);
}

/* A UTF-16 text whose length in bytes is argument d->ref (NtAddAtom). */
void dec_wchars_in(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		   enum trace_phase ph)
{
	if (!print_wchars_at(sb, tc, tc->c->args[i], arg_value(tc, d->ref)))
		print_ptr(sb, tc->c->args[i]);
}

/* OBJECT_ATTRIBUTES: {"\??\C:\x"}, or {0x1c <\??\C:\dir>, "rel\name"} when
 * the name is relative to RootDirectory. */
void dec_object_attributes(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d,
			   int i, enum trace_phase ph)
{
	struct {
		uint32_t length, pad;
		uint64_t root, name;
		uint32_t attributes, pad2;
		uint64_t sd, sqos;
	} oa;
	uint64_t p = tc->c->args[i];

	if (!p || trace_read(tc, p, &oa, sizeof(oa)) < 0) {
		print_ptr(sb, p);
		return;
	}
	sb_putc(sb, '{');
	if (oa.root) {
		print_handle(sb, tc, oa.root);
		sb_puts(sb, ", ");
	}
	print_ustring_at(sb, tc, oa.name);
	sb_putc(sb, '}');
}

/* CLIENT_ID { HANDLE UniqueProcess, UniqueThread }: ids, in decimal as
 * Windows tools show them. */
void dec_client_id(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d, int i,
		   enum trace_phase ph)
{
	uint64_t p = tc->c->args[i], id[2];

	if (!p || trace_read(tc, p, id, sizeof(id)) < 0) {
		print_ptr(sb, p);
		return;
	}
	sb_printf(sb, "{UniqueProcess=%" PRIu64 ", UniqueThread=%" PRIu64 "}", id[0], id[1]);
}
