/*
 * ProcessPrng: the process's random number generator.  ChaCha20 in "fast
 * key erasure" form: a refill runs ChaCha20 under the current key, the
 * first 32 bytes of the output become the next key and the rest is handed
 * out, wiped as it goes, so the state never holds, nor can recompute, what
 * it handed out.  Seeded from the kernel (kernel_seed.c) at first use and
 * mixed with fresh kernel bytes after every RESEED_BYTES handed out, as
 * Windows' own user-mode generator reseeds from the same device.
 *
 * One generator per process behind an SRW lock: a supervisor round trip
 * per call would cost microseconds, and Go and Rust call this for every
 * hash map seed.  Windows has no fork(), so no child can inherit the
 * state.
 */
#include <stdint.h>
#include <string.h>
#include "prng_private.h"
#include "chacha20.h"

#define REFILL_BLOCKS 16
#define RESEED_BYTES (1u << 20)

static struct {
	RTL_SRWLOCK lock;
	uint8_t key[CHACHA20_KEY_BYTES];
	uint8_t buf[REFILL_BLOCKS * CHACHA20_BLOCK_BYTES];
	size_t used;             /* buf[used..] is output not handed out yet */
	uint64_t since_seed;     /* bytes handed out since the last (re)seed */
	BOOL seeded;
} rng = { RTL_SRWLOCK_INIT, { 0 }, { 0 }, sizeof(rng.buf), 0, FALSE };

static void refill(void)
{
	static const uint8_t nonce[CHACHA20_NONCE_BYTES];

	for (uint32_t i = 0; i < REFILL_BLOCKS; i++)
		chacha20_block(rng.key, i, nonce, rng.buf + i * CHACHA20_BLOCK_BYTES);
	memcpy(rng.key, rng.buf, CHACHA20_KEY_BYTES);
	memset(rng.buf, 0, CHACHA20_KEY_BYTES);
	rng.used = CHACHA20_KEY_BYTES;
}

/* Mixes kernel bytes into the key and drops what the old key made. */
static NTSTATUS reseed(void)
{
	uint8_t seed[CHACHA20_KEY_BYTES];
	NTSTATUS st = kernel_seed(seed, sizeof(seed));

	if (st < 0)
		return st;
	for (size_t i = 0; i < sizeof(seed); i++)
		rng.key[i] ^= seed[i];
	memset(seed, 0, sizeof(seed));
	memset(rng.buf, 0, sizeof(rng.buf));
	rng.used = sizeof(rng.buf);
	rng.since_seed = 0;
	rng.seeded = TRUE;
	return STATUS_SUCCESS;
}

/* Documented to always return TRUE: without a seed there is nothing safe
 * to hand out, so the failure ends the program (a non-continuable
 * exception with the kernel's status) instead of returning bytes. */
BCP_API BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	NTSTATUS st = STATUS_SUCCESS;

	RtlAcquireSRWLockExclusive(&rng.lock);
	while (len) {
		size_t n;

		if ((!rng.seeded || rng.since_seed >= RESEED_BYTES) && (st = reseed()) < 0)
			break;
		if (rng.used == sizeof(rng.buf))
			refill();
		n = sizeof(rng.buf) - rng.used;
		if (n > len)
			n = len;
		memcpy(data, rng.buf + rng.used, n);
		memset(rng.buf + rng.used, 0, n);
		rng.used += n;
		rng.since_seed += n;
		data += n;
		len -= n;
	}
	RtlReleaseSRWLockExclusive(&rng.lock);
	if (st < 0)
		RtlRaiseStatus(st);
	return TRUE;
}
