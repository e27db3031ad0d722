/*
 * PATH.journal: the changes made to a hive since its file PATH was last
 * written, appended one flush at a time, so that a flush costs what
 * changed and not the hive's size.  Little-endian throughout:
 *
 *   header  "LSWREGJ1", base size (u64), base hash (u64), CRC-32 of those
 *           24 bytes (u32), 0 (u32)
 *   frame   payload length (u32), CRC-32 of the payload (u32), payload:
 *           records, back to back
 *   record  op (u8), 3 zero bytes, type, path units, name units, data
 *           bytes (u32 each), then the path (see reg_jentry), the name
 *           (UTF-16) and the data
 *
 * The header names the file the journal applies to, by its size and
 * hash (reg_hash_add): a journal left over from before the file was rewritten
 * applies to nothing and is ignored.  A frame is one flush, applied whole
 * or not at all: a frame cut short by a crash, or whose checksum fails,
 * ends the journal, and the next flush writes over it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/registry/reg_internal.h"

#define MAGIC "LSWREGJ1"
#define FRAME_HEAD 8
#define RECORD_HEAD 20

/* The file hash: 8 bytes at a time (a byte at a time took a quarter of a
 * large hive's load), multiply-xor-rotate mixing; the same whatever the
 * pieces the bytes come in. */
#define HASH_K1 0x9E3779B97F4A7C15ull
#define HASH_K2 0xC2B2AE3D27D4EB4Full

static uint64_t hash_word(uint64_t h, uint64_t w)
{
	h ^= w * HASH_K1;
	h = (h << 29 | h >> 35) * HASH_K2;
	return h;
}

void reg_hash_init(struct reg_hash *s)
{
	memset(s, 0, sizeof(*s));
	s->h = HASH_K2;
}

void reg_hash_add(struct reg_hash *s, const void *p, size_t n)
{
	const uint8_t *b = p;
	uint64_t w;

	s->length += n;
	while (n && s->ntail) { /* finish the word an earlier piece began */
		s->tail[s->ntail++] = *b++;
		n--;
		if (s->ntail == 8) {
			memcpy(&w, s->tail, 8);
			s->h = hash_word(s->h, w);
			s->ntail = 0;
		}
	}
	if (s->ntail)
		return; /* all taken into the unfinished word */
	for (; n >= 8; b += 8, n -= 8) {
		memcpy(&w, b, 8);
		s->h = hash_word(s->h, w);
	}
	memcpy(s->tail, b, n);
	s->ntail = (unsigned)n;
}

uint64_t reg_hash_end(const struct reg_hash *s)
{
	uint64_t w = 0, h;

	memcpy(&w, s->tail, s->ntail);
	h = hash_word(hash_word(s->h, w), s->length);
	return h ^ h >> 31;
}

uint32_t reg_crc32(const void *p, size_t n)
{
	static uint32_t table[256];
	const uint8_t *b = p;
	uint32_t c = 0xFFFFFFFFu;

	if (!table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t v = i;

			for (int k = 0; k < 8; k++)
				v = v & 1 ? 0xEDB88320u ^ (v >> 1) : v >> 1;
			table[i] = v;
		}
	for (size_t i = 0; i < n; i++)
		c = table[(c ^ b[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
}

static void header_bytes(uint8_t out[REG_JOURNAL_HEADER], uint64_t size, uint64_t hash)
{
	uint32_t crc, zero = 0;

	memcpy(out, MAGIC, 8);
	memcpy(out + 8, &size, 8);
	memcpy(out + 16, &hash, 8);
	crc = reg_crc32(out, 24);
	memcpy(out + 24, &crc, 4);
	memcpy(out + 28, &zero, 4);
}

/* Is path[0..units) a well-formed key path (see reg_jentry)? */
static bool path_ok(const uint16_t *path, size_t units)
{
	size_t depth = 0;

	for (size_t at = 0; at < units; at += 1 + path[at])
		if (!path[at] || path[at] > REG_KEY_NAME_MAX || at + 1 + path[at] > units ||
		    ++depth > REG_DEPTH_MAX)
			return false;
	return true;
}

/* One record at b (n bytes left) into a new entry; *used: its length.
 * NULL if it is malformed (or no memory). */
static struct reg_jentry *decode_record(const uint8_t *b, size_t n, size_t *used)
{
	uint32_t f[4];
	uint16_t *units;
	struct reg_jentry *e;
	size_t len;

	if (n < RECORD_HEAD)
		return NULL;
	memcpy(f, b + 4, 16); /* type, path units, name units, data bytes */
	len = RECORD_HEAD + 2 * ((size_t)f[1] + f[2]) + f[3];
	if (b[0] > REG_J_RENAME || f[1] > REG_DEPTH_MAX * (REG_KEY_NAME_MAX + 1) ||
	    f[2] > REG_VALUE_NAME_MAX || len > n || !(units = malloc(2 * ((size_t)f[1] + f[2]) + 1)))
		return NULL;
	memcpy(units, b + RECORD_HEAD, 2 * ((size_t)f[1] + f[2]));
	e = path_ok(units, f[1]) ? reg_jentry_new(b[0], units, f[1], units + f[1], f[2], f[0],
						  b + RECORD_HEAD + 2 * ((size_t)f[1] + f[2]), f[3])
				 : NULL;
	free(units);
	*used = len;
	return e;
}

/* The frame's records added to j; false (j unchanged) if one is bad. */
static bool decode_frame(const uint8_t *b, size_t n, struct reg_journal *j)
{
	struct reg_journal part = { .tail = &part.head };
	size_t used;

	for (size_t at = 0; at < n; at += used) {
		struct reg_jentry *e = decode_record(b + at, n - at, &used);

		if (!e) {
			reg_journal_clear(&part);
			return false;
		}
		reg_journal_append(&part, e);
	}
	if (part.head) {
		*j->tail = part.head;
		j->tail = part.tail;
		j->bytes += part.bytes;
	}
	return true;
}

/* The frames in the journal's bytes b[0..n) (past a header that matched)
 * into j; returns where the last whole frame ends. */
static size_t decode_frames(const uint8_t *b, size_t n, struct reg_journal *j)
{
	size_t at = REG_JOURNAL_HEADER;

	while (n - at >= FRAME_HEAD) {
		uint32_t len, crc;

		memcpy(&len, b + at, 4);
		memcpy(&crc, b + at + 4, 4);
		if (len > n - at - FRAME_HEAD || reg_crc32(b + at + FRAME_HEAD, len) != crc ||
		    !decode_frame(b + at + FRAME_HEAD, len, j))
			break;
		at += FRAME_HEAD + len;
	}
	return at;
}

size_t reg_journal_decode(const uint8_t *b, size_t n, uint64_t base_size, uint64_t base_hash,
			  struct reg_journal *j)
{
	uint8_t head[REG_JOURNAL_HEADER];

	header_bytes(head, base_size, base_hash);
	/* short, or made for another file: nothing of it applies */
	if (n < REG_JOURNAL_HEADER || memcmp(b, head, sizeof(head)))
		return 0;
	return decode_frames(b, n, j);
}

int reg_journal_file_read(const char *path, uint64_t base_size, uint64_t base_hash,
			  struct reg_journal *j, uint64_t *end, char *err, size_t errlen)
{
	struct stat st;
	uint8_t *b = NULL;
	ssize_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*end = 0;
	if (fd < 0 && errno == ENOENT)
		return 0;
	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if ((uint64_t)st.st_size > REG_FILE_BYTES_MAX) {
		snprintf(err, errlen, "%s: larger than a hive's journal may be (%llu MiB)", path,
			 REG_FILE_BYTES_MAX >> 20);
		close(fd);
		return -1;
	}
	if (st.st_size >= REG_JOURNAL_HEADER && !(b = malloc((size_t)st.st_size))) {
		snprintf(err, errlen, "%s: out of memory", path);
		close(fd);
		return -1;
	}
	if (b)
		got = pread(fd, b, (size_t)st.st_size, 0);
	close(fd);
	if (b && got == st.st_size)
		*end = reg_journal_decode(b, (size_t)got, base_size, base_hash, j);
	free(b);
	return 0;
}

int reg_journal_file_start(int fd, uint64_t base_size, uint64_t base_hash, uint64_t *end)
{
	uint8_t head[REG_JOURNAL_HEADER];

	header_bytes(head, base_size, base_hash);
	if (ftruncate(fd, 0) < 0 || pwrite(fd, head, sizeof(head), 0) != (ssize_t)sizeof(head))
		return -1;
	*end = sizeof(head);
	return 0;
}

static size_t record_size(const struct reg_jentry *e)
{
	return RECORD_HEAD + 2 * (e->path_units + e->name_len) + e->size;
}

static uint8_t *encode_record(uint8_t *o, const struct reg_jentry *e)
{
	uint32_t f[4] = { e->type, (uint32_t)e->path_units, (uint32_t)e->name_len, e->size };

	o[0] = (uint8_t)e->op;
	o[1] = o[2] = o[3] = 0;
	memcpy(o + 4, f, 16);
	o += RECORD_HEAD;
	memcpy(o, e->path, 2 * e->path_units);
	o += 2 * e->path_units;
	memcpy(o, e->name, 2 * e->name_len);
	o += 2 * e->name_len;
	memcpy(o, e->data, e->size);
	return o + e->size;
}

int reg_journal_file_append(int fd, const struct reg_journal *j, uint64_t *end)
{
	size_t len = 0;
	uint8_t *frame, *o;
	uint32_t len32, crc;
	int r = -1;

	for (const struct reg_jentry *e = j->head; e; e = e->next)
		len += record_size(e);
	if (!len)
		return 0;
	if (len > UINT32_MAX || !(frame = malloc(FRAME_HEAD + len))) {
		errno = ENOMEM;
		return -1;
	}
	o = frame + FRAME_HEAD;
	for (const struct reg_jentry *e = j->head; e; e = e->next)
		o = encode_record(o, e);
	len32 = (uint32_t)len;
	crc = reg_crc32(frame + FRAME_HEAD, len);
	memcpy(frame, &len32, 4);
	memcpy(frame + 4, &crc, 4);
	/* whatever follows the last whole frame (a torn one) goes first */
	if (ftruncate(fd, (off_t)*end) == 0 &&
	    pwrite(fd, frame, FRAME_HEAD + len, (off_t)*end) == (ssize_t)(FRAME_HEAD + len) &&
	    fdatasync(fd) == 0) {
		*end += FRAME_HEAD + len;
		r = 0;
	}
	free(frame);
	return r;
}
