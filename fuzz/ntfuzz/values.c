/* Numbers: counts and sizes near the edges, flags and enum values from
 * lsw trace's tables with a few out of them, timeouts that end soon. */
#include "ntfuzz.h"

static const uint64_t edges[] = {
	0xFFFFFFFFull, 0x7FFFFFFFull, 0x80000000ull, 0xFFFFull, 0x10000ull, 0xFFFEull,
	0xFFFFFFFFFFFFFFFFull, 0x8000000000000000ull, 0x7FFFFFFFFFFFFFFFull,
	0x100000000ull, 0xFFFFFFFEull, 0x7FFFFFFFFFFFull, 0x800000000000ull,
};

static const uint32_t sizes[] = {
	0, 1, 2, 3, 4, 8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 72, 80, 88, 96,
	104, 112, 128, 152, 256, 512, 520, 1024, 1232, 4096, 8192, 65536,
};

uint64_t size_like(void)
{
	switch (below(8)) {
	case 0: return below(4096);
	case 1: return (uint64_t)1 << below(40);
	case 2: return edges[below(sizeof(edges) / sizeof(edges[0]))];
	case 3: return sizes[below(sizeof(sizes) / sizeof(sizes[0]))] + below(3) - 1;
	default: return sizes[below(sizeof(sizes) / sizeof(sizes[0]))];
	}
}

uint64_t any_int(void)
{
	switch (below(10)) {
	case 0: case 1: case 2: return below(17);
	case 3: return ((uint64_t)1 << below(64)) + below(3) - 1;
	case 4: return edges[below(sizeof(edges) / sizeof(edges[0]))];
	case 5: case 6: return size_like();
	case 7: return rng();
	case 8: return (rng() << 32) | below(17);  /* junk in the unused upper half */
	default: return (uint64_t)-(int64_t)below(17);
	}
}

uint64_t flag_value(const struct valset *vs)
{
	uint64_t v = 0;

	switch (below(10)) {
	case 0: return 0;
	case 1: return (uint32_t)rng();
	case 2: return (uint32_t)1 << below(32);
	case 3: return vs->v[0];   /* xlat tables list the combined value first */
	default:
		for (unsigned k = 1 + below(3); k; k--)
			v |= vs->v[below(vs->n)];
		if (chance(10))
			v |= (uint32_t)1 << below(32);
		return v;
	}
}

uint64_t enum_value(const struct valset *vs)
{
	switch (below(10)) {
	case 0: return below(100);
	case 1: return chance(50) ? (uint32_t)rng() : rng();
	default: return vs->v[below(vs->n)];
	}
}

int64_t short_timeout(void)
{
	switch (below(5)) {
	case 0: return 0;                        /* poll */
	case 1: return 1 + below(1000);          /* absolute, long past */
	case 2: return -1;
	default: return -(int64_t)below(30000);  /* up to 3 ms from now */
	}
}
