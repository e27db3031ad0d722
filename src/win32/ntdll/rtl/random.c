/*
 * RtlRandom and RtlRandomEx: RtlUniform's Lehmer generator with a
 * shuffle table (Bays-Durham), so consecutive results are not the plain
 * linear sequence.  The seed is the caller's state, as documented; the
 * table is shared by the process.
 */
#include "rtl_private.h"

#define SHUFFLE_SIZE 128

static ULONG shuffle[SHUFFLE_SIZE];
static ULONG shuffle_last;
static LONG shuffle_ready;

static void shuffle_init(void)
{
	ULONG seed = 0x5EED1234;

	for (int i = 0; i < SHUFFLE_SIZE; i++)
		shuffle[i] = RtlUniform(&seed);
	shuffle_last = RtlUniform(&seed);
}

RTLAPI ULONG NTAPI RtlRandomEx(PULONG seed)
{
	ULONG slot, r;

	if (InterlockedCompareExchange(&shuffle_ready, 1, 0) == 0) {
		shuffle_init();
		InterlockedExchange(&shuffle_ready, 2);
	}
	while (shuffle_ready != 2)
		YieldProcessor();
	slot = shuffle_last % SHUFFLE_SIZE;
	r = shuffle[slot];
	shuffle[slot] = RtlUniform(seed);
	shuffle_last = r;
	return r;
}

RTLAPI ULONG NTAPI RtlRandom(PULONG seed)
{
	return RtlRandomEx(seed);
}
