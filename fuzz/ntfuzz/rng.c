/* The one source of randomness: splitmix64, so a seed replays a run. */
#include "ntfuzz.h"

static uint64_t state;

void rng_seed(uint64_t seed)
{
	state = seed;
}

uint64_t rng(void)
{
	uint64_t z = (state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

uint32_t below(uint32_t n)
{
	return n ? (uint32_t)(rng() % n) : 0;
}

int chance(unsigned percent)
{
	return below(100) < percent;
}
