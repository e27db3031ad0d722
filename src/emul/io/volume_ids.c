/*
 * Per-prefix volume serials and file ids (see volume_ids.h).  The key is
 * 128 random bits in PREFIX/identity.key, outside drive_c so the program
 * cannot read it.  Serials are SipHash-2-4 of the device number under the
 * key; a file id is the inode number through a four-round Feistel
 * network whose round function is the same keyed hash (of the device,
 * the round and the half), which is a permutation of the 64-bit values:
 * two files on one device never share an id, and the inode number cannot
 * be read back from it without the key.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include "emul/emul.h"
#include "emul/io/volume_ids.h"

#define KEY_FILE "identity.key"
#define GIB (1ull << 30)
#define MIB (1ull << 20)

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

static void sip_round(uint64_t v[4])
{
	v[0] += v[1]; v[1] = ROTL(v[1], 13); v[1] ^= v[0]; v[0] = ROTL(v[0], 32);
	v[2] += v[3]; v[3] = ROTL(v[3], 16); v[3] ^= v[2];
	v[0] += v[3]; v[3] = ROTL(v[3], 21); v[3] ^= v[0];
	v[2] += v[1]; v[1] = ROTL(v[1], 17); v[1] ^= v[2]; v[2] = ROTL(v[2], 32);
}

/* SipHash-2-4 of n 64-bit words (8 * n bytes, little-endian) under key. */
static uint64_t siphash_words(const uint64_t key[2], const uint64_t *m, size_t n)
{
	uint64_t v[4] = { key[0] ^ 0x736f6d6570736575ull, key[1] ^ 0x646f72616e646f6dull,
			  key[0] ^ 0x6c7967656e657261ull, key[1] ^ 0x7465646279746573ull };
	uint64_t last = (uint64_t)(8 * n) << 56;

	for (size_t i = 0; i < n; i++) {
		v[3] ^= m[i];
		sip_round(v);
		sip_round(v);
		v[0] ^= m[i];
	}
	v[3] ^= last;
	sip_round(v);
	sip_round(v);
	v[0] ^= last;
	v[2] ^= 0xff;
	for (int i = 0; i < 4; i++)
		sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

static bool read_key(const char *path, uint64_t key[2])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool ok = fd >= 0 && read(fd, key, 16) == 16;

	if (fd >= 0)
		close(fd);
	return ok;
}

int volume_ids_key_create(const char *prefix)
{
	char path[4096], tmp[4200];
	uint64_t k[2];
	int fd, r = 0;

	snprintf(path, sizeof(path), "%s/" KEY_FILE, prefix);
	if (access(path, F_OK) == 0)
		return 0;
	if (getrandom(k, sizeof(k), 0) != (ssize_t)sizeof(k))
		return -1;
	/* written whole under another name, then linked: a concurrent lsw
	 * either makes the key first (link fails, theirs is kept) or reads
	 * ours complete */
	snprintf(tmp, sizeof(tmp), "%s.%d.tmp", path, (int)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (write(fd, k, sizeof(k)) != (ssize_t)sizeof(k) || fsync(fd) < 0 ||
	    (link(tmp, path) < 0 && errno != EEXIST))
		r = -1;
	close(fd);
	unlink(tmp);
	return r;
}

void volume_ids_init(struct lsw_host *h)
{
	const char *prefix = h->cfg.prefix;
	uint64_t *key = h->volume_key;
	char path[4096];

	snprintf(path, sizeof(path), "%s/" KEY_FILE, prefix ? prefix : ".");
	if (!(prefix && read_key(path, key)) && getrandom(key, 16, 0) != 16)
		key[0] = (uint64_t)getpid(); /* no randomness: at least not the host's values */
}

uint32_t volume_serial(const struct lsw_host *h, uint64_t dev)
{
	const uint64_t m[2] = { 0x4c53572d73657269ull /* "LSW-seri" */, dev };

	return (uint32_t)siphash_words(h->volume_key, m, 2);
}

/* One round of the file id's Feistel permutation: keyed on dev. */
static uint32_t id_round(const struct lsw_host *h, uint64_t dev, uint64_t round, uint32_t half)
{
	const uint64_t m[3] = { 0x4c53572d66696400ull /* "LSW-fid" */ | round, dev, half };

	return (uint32_t)siphash_words(h->volume_key, m, 3);
}

uint64_t volume_file_id(const struct lsw_host *h, uint64_t dev, uint64_t ino)
{
	uint32_t left = (uint32_t)(ino >> 32), right = (uint32_t)ino;

	for (uint64_t round = 0; round < 4; round++) {
		uint32_t next = left ^ id_round(h, dev, round, right);

		left = right;
		right = next;
	}
	return (uint64_t)left << 32 | right;
}

uint64_t volume_file_ino(const struct lsw_host *h, uint64_t dev, uint64_t id)
{
	uint32_t left = (uint32_t)(id >> 32), right = (uint32_t)id;

	for (uint64_t round = 4; round-- > 0;) {
		uint32_t prev = right ^ id_round(h, dev, round, left);

		right = left;
		left = prev;
	}
	return (uint64_t)left << 32 | right;
}

uint64_t volume_free_bytes(uint64_t host_free)
{
	return host_free >= GIB ? host_free / GIB * GIB : host_free / MIB * MIB;
}

uint64_t volume_total_bytes(uint64_t host_total, uint64_t host_free)
{
	uint64_t total = GIB;

	while (total < host_total && total < (1ull << 62))
		total <<= 1;
	return total < volume_free_bytes(host_free) ? volume_free_bytes(host_free) : total;
}
