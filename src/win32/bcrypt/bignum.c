/* The plain arithmetic of bignum.h: conversion, comparison, addition,
 * subtraction, schoolbook multiplication and bitwise long division. */
#include <string.h>
#include "bignum.h"

static void trim(struct bn *r)
{
	while (r->n && !r->d[r->n - 1])
		r->n--;
}

void bn_from_u32(struct bn *r, uint32_t v)
{
	r->d[0] = v;
	r->n = v ? 1 : 0;
}

int bn_from_bytes(struct bn *r, const uint8_t *p, size_t len)
{
	while (len && !*p) {
		p++;
		len--;
	}
	if (len > BN_MAX_BYTES * 2)
		return -1;
	r->n = (unsigned)((len + 3) / 4);
	memset(r->d, 0, r->n * sizeof(uint32_t));
	for (size_t i = 0; i < len; i++)
		r->d[i / 4] |= (uint32_t)p[len - 1 - i] << (8 * (i % 4));
	return 0;
}

int bn_to_bytes(const struct bn *a, uint8_t *p, size_t len)
{
	if (bn_bytes(a) > len)
		return -1;
	for (size_t i = 0; i < len; i++)
		p[len - 1 - i] = i / 4 < a->n ? (uint8_t)(a->d[i / 4] >> (8 * (i % 4))) : 0;
	return 0;
}

size_t bn_bits(const struct bn *a)
{
	size_t bits;
	uint32_t top;

	if (!a->n)
		return 0;
	bits = (size_t)(a->n - 1) * 32;
	for (top = a->d[a->n - 1]; top; top >>= 1)
		bits++;
	return bits;
}

size_t bn_bytes(const struct bn *a)
{
	return (bn_bits(a) + 7) / 8;
}

int bn_bit(const struct bn *a, size_t i)
{
	return i / 32 < a->n ? (int)((a->d[i / 32] >> (i % 32)) & 1) : 0;
}

int bn_is_zero(const struct bn *a)
{
	return a->n == 0;
}

int bn_cmp(const struct bn *a, const struct bn *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (unsigned i = a->n; i--;)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

void bn_add(struct bn *r, const struct bn *a, const struct bn *b)
{
	unsigned n = a->n > b->n ? a->n : b->n;
	uint64_t carry = 0;

	for (unsigned i = 0; i < n; i++) {
		carry += (uint64_t)(i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
		r->d[i] = (uint32_t)carry;
		carry >>= 32;
	}
	r->d[n] = (uint32_t)carry;
	r->n = n + 1;
	trim(r);
}

void bn_sub(struct bn *r, const struct bn *a, const struct bn *b)
{
	int64_t borrow = 0;

	for (unsigned i = 0; i < a->n; i++) {
		borrow += (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0);
		r->d[i] = (uint32_t)borrow;
		borrow >>= 32; /* arithmetic: 0 or -1 */
	}
	r->n = a->n;
	trim(r);
}

void bn_mul(struct bn *r, const struct bn *a, const struct bn *b)
{
	unsigned n = a->n + b->n;

	memset(r->d, 0, (n ? n : 1) * sizeof(uint32_t));
	for (unsigned i = 0; i < a->n; i++) {
		uint64_t carry = 0;

		for (unsigned j = 0; j < b->n; j++) {
			carry += (uint64_t)a->d[i] * b->d[j] + r->d[i + j];
			r->d[i + j] = (uint32_t)carry;
			carry >>= 32;
		}
		r->d[i + b->n] = (uint32_t)carry;
	}
	r->n = n;
	trim(r);
}

void bn_add_u32(struct bn *r, uint32_t v)
{
	struct bn b;

	bn_from_u32(&b, v);
	bn_add(r, r, &b);
}

void bn_sub_u32(struct bn *r, uint32_t v)
{
	struct bn b;

	bn_from_u32(&b, v);
	bn_sub(r, r, &b);
}

void bn_mul_u32(struct bn *r, uint32_t v)
{
	uint64_t carry = 0;

	for (unsigned i = 0; i < r->n; i++) {
		carry += (uint64_t)r->d[i] * v;
		r->d[i] = (uint32_t)carry;
		carry >>= 32;
	}
	r->d[r->n] = (uint32_t)carry;
	r->n++;
	trim(r);
}

uint32_t bn_div_u32(struct bn *r, uint32_t v)
{
	uint64_t rem = 0;

	for (unsigned i = r->n; i--;) {
		rem = rem << 32 | r->d[i];
		r->d[i] = (uint32_t)(rem / v);
		rem %= v;
	}
	trim(r);
	return (uint32_t)rem;
}

uint32_t bn_mod_u32(const struct bn *a, uint32_t v)
{
	uint64_t rem = 0;

	for (unsigned i = a->n; i--;)
		rem = (rem << 32 | a->d[i]) % v;
	return (uint32_t)rem;
}

void bn_shr(struct bn *r, size_t bits)
{
	size_t limbs = bits / 32, s = bits % 32;

	if (limbs >= r->n) {
		r->n = 0;
		return;
	}
	for (size_t i = 0; i + limbs < r->n; i++) {
		uint64_t w = r->d[i + limbs];

		if (s && i + limbs + 1 < r->n)
			w |= (uint64_t)r->d[i + limbs + 1] << 32;
		r->d[i] = (uint32_t)(w >> s);
	}
	r->n -= (unsigned)limbs;
	trim(r);
}

/* One bit into the remainder from below: rem = 2 * rem + bit. */
static void shift_in(struct bn *rem, int bit)
{
	uint32_t carry = (uint32_t)bit;

	for (unsigned i = 0; i < rem->n; i++) {
		uint32_t top = rem->d[i] >> 31;

		rem->d[i] = rem->d[i] << 1 | carry;
		carry = top;
	}
	if (carry)
		rem->d[rem->n++] = 1;
}

void bn_mod(struct bn *r, const struct bn *a, const struct bn *m)
{
	struct bn rem = { 0 };

	for (size_t i = bn_bits(a); i--;) {
		shift_in(&rem, bn_bit(a, i));
		if (bn_cmp(&rem, m) >= 0)
			bn_sub(&rem, &rem, m);
	}
	r->n = rem.n;
	memcpy(r->d, rem.d, rem.n * sizeof(uint32_t));
}

void bn_modmul(struct bn *r, const struct bn *a, const struct bn *b, const struct bn *m)
{
	struct bn t;

	bn_mul(&t, a, b);
	bn_mod(r, &t, m);
}
