/*
 * Structures arguments point to, built in the scratch area: UNICODE_STRING,
 * OBJECT_ATTRIBUTES, CONTEXT, and "plausible" bytes for information
 * classes (small numbers, sizes, handles, pointers to strings, a name).
 * Every field is mostly right and sometimes wrong.
 */
#include <windows.h>
#include "ntfuzz.h"

#define MAX_CHARS 32767

struct ustring {
	uint16_t len, max;
	uint32_t pad;
	uint64_t buf;
};

struct objattr {
	uint32_t length, pad;
	uint64_t root, name;
	uint32_t attributes, pad2;
	uint64_t sd, qos;
};

static uint16_t name[MAX_CHARS];

static uint64_t ustring_of(unsigned n)
{
	struct ustring *us;
	uint16_t *buf = scratch_alloc((size_t)n * 2 + 2);
	uint32_t len = n * 2 > 0xFFFE ? 0xFFFE : n * 2;

	memcpy(buf, name, (size_t)n * 2);
	us = scratch_alloc(sizeof(*us));
	us->len = (uint16_t)len;
	us->max = (uint16_t)(len + (len < 0xFFFE && chance(50) ? 2 : 0));
	us->buf = bad_pointer_or((uint64_t)buf);
	if (chance(12)) {
		switch (below(6)) {
		case 0: us->len |= 1; break;
		case 1: us->max = us->len ? us->len - 2 : 0; break;
		case 2: us->len = 0; break;
		case 3: us->len = us->max = 0xFFFF; break;
		case 4: us->buf = 0; break;
		default: us->pad = (uint32_t)rng(); break;
		}
	}
	return (uint64_t)us;
}

uint64_t make_ustring(void)
{
	return ustring_of(make_name(name, chance(30)));
}

/* A UNICODE_STRING to be filled: an empty buffer of some size. */
uint64_t make_out_ustring(void)
{
	struct ustring *us = scratch_alloc(sizeof(*us));
	uint32_t max = (uint32_t)size_like() & 0xFFFF;

	us->max = (uint16_t)max;
	us->buf = bad_pointer_or((uint64_t)scratch_alloc(max));
	return (uint64_t)us;
}

uint64_t make_objattr(void)
{
	struct objattr *oa = scratch_alloc(sizeof(*oa));
	int relative = chance(25);

	oa->length = chance(92) ? sizeof(*oa) : (uint32_t)size_like();
	oa->root = relative ? handle_for(name_class == C_FILE ? "File"
				       : name_class == C_KEY ? "Key" : "Directory") : 0;
	if (chance(94)) {
		unsigned n = make_name(name, relative);

		oa->name = bad_pointer_or(ustring_of(n));
		name_in_objattr(name, n);
	}
	oa->attributes = chance(60) ? 0x40 /* OBJ_CASE_INSENSITIVE */
				    : (uint32_t)flag_value(obj_attribute_values);
	if (chance(6)) {
		uint8_t *sd = scratch_alloc(64);

		fill_plausible(sd, 64);
		oa->sd = bad_pointer_or((uint64_t)sd);
	}
	if (chance(4))
		oa->qos = bad_pointer_or((uint64_t)scratch_alloc(16));
	return (uint64_t)oa;
}

/* Up to this many bytes get plausible values; the rest stays zero. */
#define PLAUSIBLE_MAX 1024

static uint64_t plausible_word(void)
{
	switch (below(12)) {
	case 0: case 1: case 2: return 0;
	case 3: case 4: return below(65);
	case 5: return size_like();
	case 6: return any_handle();
	case 7: return bad_pointer_or(chance(50) ? make_ustring()
						 : (uint64_t)scratch_alloc(64));
	case 8: return (uint64_t)-1;
	default: return rng();
	}
}

void fill_plausible(uint8_t *p, size_t n)
{
	size_t i = 0;

	if (chance(8)) {
		memset(p, chance(50) ? 0 : 0xFF, n);
		return;
	}
	if (n > PLAUSIBLE_MAX)
		n = PLAUSIBLE_MAX;
	for (; i + 8 <= n; i += 8) {
		uint64_t v = plausible_word();

		if (chance(4) && n - i >= 8) {
			/* the rest is a name, as structures end in one, often
			 * after its length in bytes (FILE_RENAME_INFORMATION) */
			int counted = chance(60);
			unsigned k = make_name(name, chance(50));
			size_t at = i + (counted ? 4 : 0);
			uint32_t bytes;

			if (k > (n - at) / 2)
				k = (unsigned)((n - at) / 2);
			bytes = chance(90) ? k * 2 : (uint32_t)size_like();
			if (counted)
				memcpy(p + i, &bytes, 4);
			memcpy(p + at, name, (size_t)k * 2);
			return;
		}
		memcpy(p + i, &v, 8);
	}
	for (; i < n; i++)
		p[i] = (uint8_t)rng();
}

uint64_t make_context(void)
{
	CONTEXT *c = scratch_alloc(sizeof(*c));

	fill_plausible((uint8_t *)c, sizeof(*c));
	c->ContextFlags = chance(85) ? CONTEXT_AMD64 | below(32) : (uint32_t)rng();
	/* new integer or vector registers only with a restart: the C code of
	 * ntfuzz's threads must not find them changed halfway */
	if (c->ContextFlags & 0xA)
		c->ContextFlags |= 1;
	c->Rip = (uint64_t)fuzz_thread_start;
	if (chance(90)) {
		c->SegCs = 0x33;
		c->SegSs = c->SegDs = c->SegEs = c->SegGs = 0x2b;
		c->SegFs = 0x53;
	}
	/* no trap, direction or alignment-check flag: they would end it, as
	 * they would on Windows */
	c->EFlags = chance(90) ? 0x202 | (below(0x100) & 0xD5)
			       : (uint32_t)rng() & ~(0x100u | 0x400u | 0x40000u);
	if (chance(90))
		c->MxCsr = c->FltSave.MxCsr = 0x1F80;
	return (uint64_t)c;
}

void context_restart(uint64_t ctx, uint64_t h)
{
	((CONTEXT *)ctx)->Rsp = restart_stack(h);
}

uint64_t make_client_id(void)
{
	uint64_t *id = scratch_alloc(16);

	switch (below(3)) {
	case 0:
		__asm__("mov %%gs:0x40, %0" : "=r"(id[0]));
		__asm__("mov %%gs:0x48, %0" : "=r"(id[1]));
		if (chance(50))
			id[1] += 4 * below(8);
		break;
	case 1:
		id[0] = 4 * below(64);
		id[1] = 4 * below(64);
		break;
	default:
		id[0] = rng();
		id[1] = rng();
	}
	return (uint64_t)id;
}
