/* Small arbitrary-precision unsigned integers, just enough for exact
 * binary<->decimal conversion of doubles (printf and strtod).  Words are
 * little-endian 32-bit; n is the count in use (no leading zero words). */
#include "crt.h"

static void trim(struct big *b)
{
    while (b->n > 0 && !b->w[b->n - 1])
        b->n--;
}

void big_set(struct big *b, uint64_t v)
{
    b->w[0] = (uint32_t)v;
    b->w[1] = (uint32_t)(v >> 32);
    b->n = 2;
    trim(b);
}

void big_copy(struct big *dst, const struct big *src)
{
    dst->n = src->n;
    memcpy(dst->w, src->w, (size_t)src->n * sizeof(src->w[0]));
}

int big_is_zero(const struct big *b) { return b->n == 0; }

/* Overflow past BIG_WORDS is dropped; callers size their numbers. */
void big_mul_small(struct big *b, uint32_t m)
{
    uint64_t carry = 0;

    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->w[i] * m + carry;
        b->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry && b->n < BIG_WORDS)
        b->w[b->n++] = (uint32_t)carry;
}

void big_add_small(struct big *b, uint32_t a)
{
    uint64_t carry = a;

    for (int i = 0; i < b->n && carry; i++) {
        uint64_t t = (uint64_t)b->w[i] + carry;
        b->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry && b->n < BIG_WORDS)
        b->w[b->n++] = (uint32_t)carry;
}

/* b /= d; returns the remainder. */
uint32_t big_div_small(struct big *b, uint32_t d)
{
    uint64_t rem = 0;

    for (int i = b->n - 1; i >= 0; i--) {
        uint64_t t = rem << 32 | b->w[i];
        b->w[i] = (uint32_t)(t / d);
        rem = t % d;
    }
    trim(b);
    return (uint32_t)rem;
}

void big_shl(struct big *b, int bits)
{
    int words = bits / 32, s = bits % 32;

    if (!b->n)
        return;
    if (b->n + words + 1 > BIG_WORDS)
        words = BIG_WORDS - b->n - 1;   /* cannot happen for our sizes */
    b->w[b->n + words] = 0;
    for (int i = b->n - 1; i >= 0; i--) {
        uint32_t v = b->w[i];
        if (s) {
            b->w[i + words + 1] |= v >> (32 - s);
            b->w[i + words] = v << s;
        } else {
            b->w[i + words] = v;
        }
    }
    for (int i = 0; i < words; i++)
        b->w[i] = 0;
    b->n += words + 1;
    trim(b);
}

int big_cmp(const struct big *a, const struct big *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

void big_sub(struct big *a, const struct big *b)
{
    int64_t borrow = 0;

    for (int i = 0; i < a->n; i++) {
        int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        borrow = t < 0;
        a->w[i] = (uint32_t)(t + (borrow ? (int64_t)1 << 32 : 0));
    }
    trim(a);
}

int big_bits(const struct big *b)
{
    if (!b->n)
        return 0;
    return (b->n - 1) * 32 + 32 - __builtin_clz(b->w[b->n - 1]);
}
