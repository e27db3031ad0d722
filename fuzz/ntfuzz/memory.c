/*
 * ntfuzz's memory: the scratch area every pointer argument points into
 * (followed by a reserved, never accessible page), the list of memory the
 * program allocated or mapped through its own calls (the only memory the
 * calls that free, unmap or protect are given).
 */
#include "ntfuzz.h"

#define PAGE 4096u
#define MAX_OWNED 64

static uint8_t *scratch;
static size_t bottom, top;   /* allocations grow up from bottom, down from top */

static struct owned {
	uint64_t base, size;
} owned[MAX_OWNED];
static unsigned nowned;

/* Never written: what "read-only memory" points at. */
static const uint8_t readonly_bytes[64] = "ntfuzz read-only data";

void *memset(void *d, int c, size_t n)
{
	uint8_t *p = d;

	while (n--)
		*p++ = (uint8_t)c;
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	uint8_t *p = d;
	const uint8_t *q = s;

	while (n--)
		*p++ = *q++;
	return d;
}

void memory_init(void)
{
	uint64_t a[NT_MAX_ARGS] = { 0 };
	uint64_t base = 0, size = SCRATCH_SIZE + PAGE;

	/* reserve the area and its no-access page, then commit the area */
	a[0] = (uint64_t)-1;
	a[1] = (uint64_t)&base;
	a[3] = (uint64_t)&size;
	a[4] = 0x2000;      /* MEM_RESERVE */
	a[5] = 0x01;        /* PAGE_NOACCESS */
	raw_ntcall(calls[call_row("NtAllocateVirtualMemory")].number, a);
	size = SCRATCH_SIZE;
	a[4] = 0x1000;      /* MEM_COMMIT */
	a[5] = 0x04;        /* PAGE_READWRITE */
	if (!base || raw_ntcall(calls[call_row("NtAllocateVirtualMemory")].number, a)) {
		say("ntfuzz: cannot allocate the scratch area\n");
		return;
	}
	scratch = (uint8_t *)base;
}

void scratch_reset(void)
{
	bottom = 0;
	top = SCRATCH_SIZE;
}

void *scratch_alloc(size_t n)
{
	size_t at;

	if (n > SCRATCH_SIZE / 2)
		n = SCRATCH_SIZE / 2;
	if (top == SCRATCH_SIZE && bottom + n <= SCRATCH_SIZE - n && chance(4)) {
		/* once per call: end right at the no-access page */
		at = SCRATCH_SIZE - n;
		top = at;
	} else {
		at = (bottom + 15) & ~(size_t)15;
		if (chance(4))
			at += 1 + below(7);
		if (at + n > top)
			at = below(8);     /* full: reuse from the start */
		bottom = at + n;
	}
	memset(scratch + at, 0, n);
	return scratch + at;
}

static uint64_t owned_pick(uint64_t *size)
{
	struct owned *o;

	if (!nowned)
		return 0;
	o = &owned[below(nowned)];
	*size = o->size;
	return o->base;
}

uint64_t owned_address(void)
{
	uint64_t size = 0, base = owned_pick(&size);

	if (base && size > PAGE && chance(30))
		base += (uint64_t)below((uint32_t)(size / PAGE)) * PAGE;
	return base;
}

uint64_t owned_size(uint64_t base)
{
	for (unsigned i = 0; i < nowned; i++)
		if (base >= owned[i].base && base - owned[i].base < owned[i].size)
			return owned[i].size - (base - owned[i].base);
	return 0;
}

void owned_add(uint64_t base, uint64_t size)
{
	if (!base || !size)
		return;
	if (nowned == MAX_OWNED)
		nowned--;          /* forget one: it is simply never freed */
	owned[nowned].base = base;
	owned[nowned].size = size;
	nowned++;
}

/* Forgets every entry that overlaps [base, base + size). */
void owned_forget(uint64_t base, uint64_t size)
{
	if (!size)
		size = 1;
	for (unsigned i = 0; i < nowned;) {
		struct owned *o = &owned[i];

		if (base < o->base + o->size && o->base < base + size)
			*o = owned[--nowned];
		else
			i++;
	}
}

uint64_t bad_pointer_or(uint64_t good)
{
	uint64_t o;

	if (chance(93))
		return good;
	switch (below(11)) {
	case 0: return 0;
	case 1: return 1 + below(0x10000);                       /* never mapped */
	case 2: return 0xFFFF800000000000ull + (rng() & 0xFFFFFFFFFFF8ull); /* kernel */
	case 3: return 0x0000800000000000ull << below(16);       /* non-canonical */
	case 4: return (uint64_t)readonly_bytes;                 /* read-only */
	case 5: return 0x7FFE0000 + below(0x1000);               /* KUSER_SHARED_DATA */
	case 6: return good + 1 + below(7);                       /* unaligned */
	case 7: return (uint64_t)scratch + SCRATCH_SIZE - 1 - below(16); /* into no-access */
	case 8: return (uint64_t)scratch + SCRATCH_SIZE;         /* no-access */
	case 9: o = owned_address(); return o ? o : good;         /* guard, no-access... */
	default: return 0x7FFFFFFEFFFFull - below(0x1000);        /* top of user space */
	}
}
