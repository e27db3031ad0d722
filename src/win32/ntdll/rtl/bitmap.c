/*
 * Bit maps (RTL_BITMAP with ULONG words, RTL_BITMAP_EX with ULONG64
 * words).  On a little-endian machine bit i of either form is bit i%8 of
 * byte i/8, so one set of helpers on byte buffers and 64-bit indices
 * serves both families; the exported functions only adapt the types.
 * Searches that fail answer ~0 (0xFFFFFFFF for the ULONG family).
 */
#include "rtl_private.h"

#define NOT_FOUND (~(ULONG64)0)

typedef struct bits {
	BYTE *p;
	ULONG64 size;
} bits;

static bits of(const RTL_BITMAP *b)
{
	return (bits){ (BYTE *)b->Buffer, b->SizeOfBitMap };
}

static bits of_ex(const RTL_BITMAP_EX *b)
{
	return (bits){ (BYTE *)b->Buffer, b->SizeOfBitMap };
}

static ULONG narrow(ULONG64 i)
{
	return i == NOT_FOUND ? 0xFFFFFFFFu : (ULONG)i;
}

static int bit_get(bits b, ULONG64 i)
{
	return (b.p[i >> 3] >> (i & 7)) & 1;
}

/* Sets or clears [start, start + n), clipped to the map. */
static void bits_fill(bits b, ULONG64 start, ULONG64 n, int value)
{
	if (start >= b.size)
		return;
	if (n > b.size - start)
		n = b.size - start;
	while (n && (start & 7)) {
		b.p[start >> 3] = value ? b.p[start >> 3] | (1u << (start & 7)) :
					  b.p[start >> 3] & ~(1u << (start & 7));
		start++, n--;
	}
	if (n >= 8) {
		memset(b.p + (start >> 3), value ? 0xFF : 0, n >> 3);
		start += n & ~7ull, n &= 7;
	}
	while (n--) {
		b.p[start >> 3] = value ? b.p[start >> 3] | (1u << (start & 7)) :
					  b.p[start >> 3] & ~(1u << (start & 7));
		start++;
	}
}

/* Length of the run of `value` bits starting at i (up to max). */
static ULONG64 run_length(bits b, ULONG64 i, int value, ULONG64 max)
{
	ULONG64 n = 0;
	BYTE whole = value ? 0xFF : 0;

	while (n < max && i + n < b.size) {
		if (!((i + n) & 7) && max - n >= 8 && b.size - (i + n) >= 8 &&
		    b.p[(i + n) >> 3] == whole) {
			n += 8;
			continue;
		}
		if (bit_get(b, i + n) != value)
			break;
		n++;
	}
	return n;
}

static BOOLEAN bits_are(bits b, ULONG64 start, ULONG64 n, int value)
{
	if (!n || start >= b.size || n > b.size - start)
		return FALSE;
	return run_length(b, start, value, n) == n;
}

/* First run of n `value` bits in [from, to), n >= 1. */
static ULONG64 find_run(bits b, ULONG64 n, int value, ULONG64 from, ULONG64 to)
{
	for (ULONG64 i = from; i < to && to - i >= n;) {
		ULONG64 len = run_length(b, i, value, n);

		if (len == n)
			return i;
		i += len + 1;
	}
	return NOT_FOUND;
}

/* From the hint to the end, then from the start (documented). */
static ULONG64 bits_find(bits b, ULONG64 n, ULONG64 hint, int value)
{
	ULONG64 r;

	if (hint >= b.size)
		hint = 0;
	if (!n)
		return hint;
	if (n > b.size)
		return NOT_FOUND;
	r = find_run(b, n, value, hint, b.size);
	if (r == NOT_FOUND && hint)
		r = find_run(b, n, value, 0, hint + n - 1 < b.size ? hint + n - 1 : b.size);
	return r;
}

static ULONG64 bits_find_and_flip(bits b, ULONG64 n, ULONG64 hint, int value)
{
	ULONG64 r = bits_find(b, n, hint, value);

	if (r != NOT_FOUND)
		bits_fill(b, r, n, !value);
	return r;
}

static ULONG64 bits_count(bits b, ULONG64 start, ULONG64 n)
{
	ULONG64 count = 0;

	if (start >= b.size)
		return 0;
	if (n > b.size - start)
		n = b.size - start;
	for (; n && (start & 7); start++, n--)
		count += bit_get(b, start);
	for (; n >= 8; start += 8, n -= 8)
		count += (ULONG64)__builtin_popcount(b.p[start >> 3]);
	for (; n; start++, n--)
		count += bit_get(b, start);
	return count;
}

/* --- RTL_BITMAP ---------------------------------------------------------- */

RTLAPI void NTAPI RtlInitializeBitMap(PRTL_BITMAP b, PULONG buffer, ULONG size)
{
	b->SizeOfBitMap = size;
	b->Buffer = buffer;
}

RTLAPI void NTAPI RtlSetBit(PRTL_BITMAP b, ULONG i) { bits_fill(of(b), i, 1, 1); }
RTLAPI void NTAPI RtlClearBit(PRTL_BITMAP b, ULONG i) { bits_fill(of(b), i, 1, 0); }

RTLAPI BOOLEAN NTAPI RtlTestBit(PRTL_BITMAP b, ULONG i)
{
	return i < b->SizeOfBitMap && bit_get(of(b), i);
}

RTLAPI void NTAPI RtlSetBits(PRTL_BITMAP b, ULONG start, ULONG n) { bits_fill(of(b), start, n, 1); }
RTLAPI void NTAPI RtlClearBits(PRTL_BITMAP b, ULONG start, ULONG n) { bits_fill(of(b), start, n, 0); }
RTLAPI void NTAPI RtlSetAllBits(PRTL_BITMAP b) { bits_fill(of(b), 0, b->SizeOfBitMap, 1); }
RTLAPI void NTAPI RtlClearAllBits(PRTL_BITMAP b) { bits_fill(of(b), 0, b->SizeOfBitMap, 0); }

RTLAPI BOOLEAN NTAPI RtlAreBitsSet(PRTL_BITMAP b, ULONG start, ULONG n)
{
	return bits_are(of(b), start, n, 1);
}

RTLAPI BOOLEAN NTAPI RtlAreBitsClear(PRTL_BITMAP b, ULONG start, ULONG n)
{
	return bits_are(of(b), start, n, 0);
}

RTLAPI ULONG NTAPI RtlFindSetBits(PRTL_BITMAP b, ULONG n, ULONG hint)
{
	return narrow(bits_find(of(b), n, hint, 1));
}

RTLAPI ULONG NTAPI RtlFindClearBits(PRTL_BITMAP b, ULONG n, ULONG hint)
{
	return narrow(bits_find(of(b), n, hint, 0));
}

RTLAPI ULONG NTAPI RtlFindSetBitsAndClear(PRTL_BITMAP b, ULONG n, ULONG hint)
{
	return narrow(bits_find_and_flip(of(b), n, hint, 1));
}

RTLAPI ULONG NTAPI RtlFindClearBitsAndSet(PRTL_BITMAP b, ULONG n, ULONG hint)
{
	return narrow(bits_find_and_flip(of(b), n, hint, 0));
}

RTLAPI ULONG NTAPI RtlNumberOfSetBits(PRTL_BITMAP b)
{
	return (ULONG)bits_count(of(b), 0, b->SizeOfBitMap);
}

RTLAPI ULONG NTAPI RtlNumberOfClearBits(PRTL_BITMAP b)
{
	return b->SizeOfBitMap - RtlNumberOfSetBits(b);
}

RTLAPI ULONG NTAPI RtlNumberOfSetBitsInRange(PRTL_BITMAP b, ULONG start, ULONG n)
{
	return (ULONG)bits_count(of(b), start, n);
}

RTLAPI ULONG NTAPI RtlNumberOfClearBitsInRange(PRTL_BITMAP b, ULONG start, ULONG n)
{
	ULONG64 in = start >= b->SizeOfBitMap ? 0 :
		     n > b->SizeOfBitMap - start ? b->SizeOfBitMap - start : n;

	return (ULONG)(in - bits_count(of(b), start, n));
}

RTLAPI ULONG NTAPI RtlNumberOfSetBitsUlongPtr(ULONG_PTR v)
{
	return (ULONG)__builtin_popcountll(v);
}

RTLAPI CCHAR NTAPI RtlFindMostSignificantBit(ULONGLONG v)
{
	return v ? (CCHAR)(63 - __builtin_clzll(v)) : -1;
}

RTLAPI CCHAR NTAPI RtlFindLeastSignificantBit(ULONGLONG v)
{
	return v ? (CCHAR)__builtin_ctzll(v) : -1;
}

/* The clear run that starts at or after `from`; its length, 0 if none. */
RTLAPI ULONG NTAPI RtlFindNextForwardRunClear(PRTL_BITMAP b, ULONG from, PULONG start)
{
	bits m = of(b);

	for (ULONG64 i = from; i < m.size; i++) {
		if (!bit_get(m, i)) {
			*start = (ULONG)i;
			return (ULONG)run_length(m, i, 0, m.size);
		}
	}
	*start = 0;
	return 0;
}

/* The clear run that ends at or before `from`; its length, 0 if none. */
RTLAPI ULONG NTAPI RtlFindLastBackwardRunClear(PRTL_BITMAP b, ULONG from, PULONG start)
{
	bits m = of(b);
	LONG64 i = from < m.size ? (LONG64)from : (LONG64)m.size - 1, end;

	while (i >= 0 && bit_get(m, (ULONG64)i))
		i--;
	if (i < 0) {
		*start = 0;
		return 0;
	}
	end = i;
	while (i > 0 && !bit_get(m, (ULONG64)i - 1))
		i--;
	*start = (ULONG)i;
	return (ULONG)(end - i + 1);
}

/* Up to `count` clear runs, in bitmap order or the longest first. */
RTLAPI ULONG NTAPI RtlFindClearRuns(PRTL_BITMAP b, PRTL_BITMAP_RUN runs, ULONG count,
				    BOOLEAN longest)
{
	bits m = of(b);
	ULONG found = 0, k;

	for (ULONG64 i = 0; i < m.size && count;) {
		ULONG64 len = run_length(m, i, 0, m.size);

		if (!len) {
			i += run_length(m, i, 1, m.size);
			continue;
		}
		if (found < count) {
			k = found++;
		} else if (longest) {
			k = 0;
			for (ULONG j = 1; j < count; j++)
				if (runs[j].NumberOfBits < runs[k].NumberOfBits)
					k = j;
			if (runs[k].NumberOfBits >= len) {
				i += len;
				continue;
			}
		} else {
			break;
		}
		runs[k].StartingIndex = (ULONG)i;
		runs[k].NumberOfBits = (ULONG)len;
		i += len;
	}
	return found;
}

RTLAPI ULONG NTAPI RtlFindLongestRunClear(PRTL_BITMAP b, PULONG start)
{
	RTL_BITMAP_RUN run = { 0, 0 };

	if (!RtlFindClearRuns(b, &run, 1, TRUE)) {
		*start = 0;
		return 0;
	}
	*start = run.StartingIndex;
	return run.NumberOfBits;
}

/* --- RTL_BITMAP_EX ------------------------------------------------------- */

RTLAPI void NTAPI RtlInitializeBitMapEx(PRTL_BITMAP_EX b, PULONG64 buffer, ULONG64 size)
{
	b->SizeOfBitMap = size;
	b->Buffer = buffer;
}

RTLAPI void NTAPI RtlSetBitEx(PRTL_BITMAP_EX b, ULONG64 i) { bits_fill(of_ex(b), i, 1, 1); }
RTLAPI void NTAPI RtlClearBitEx(PRTL_BITMAP_EX b, ULONG64 i) { bits_fill(of_ex(b), i, 1, 0); }

RTLAPI BOOLEAN NTAPI RtlTestBitEx(PRTL_BITMAP_EX b, ULONG64 i)
{
	return i < b->SizeOfBitMap && bit_get(of_ex(b), i);
}

RTLAPI void NTAPI RtlSetBitsEx(PRTL_BITMAP_EX b, ULONG64 start, ULONG64 n)
{
	bits_fill(of_ex(b), start, n, 1);
}

RTLAPI void NTAPI RtlClearBitsEx(PRTL_BITMAP_EX b, ULONG64 start, ULONG64 n)
{
	bits_fill(of_ex(b), start, n, 0);
}

RTLAPI void NTAPI RtlSetAllBitsEx(PRTL_BITMAP_EX b) { bits_fill(of_ex(b), 0, b->SizeOfBitMap, 1); }
RTLAPI void NTAPI RtlClearAllBitsEx(PRTL_BITMAP_EX b) { bits_fill(of_ex(b), 0, b->SizeOfBitMap, 0); }

RTLAPI BOOLEAN NTAPI RtlAreBitsClearEx(PRTL_BITMAP_EX b, ULONG64 start, ULONG64 n)
{
	return bits_are(of_ex(b), start, n, 0);
}

RTLAPI ULONG64 NTAPI RtlFindSetBitsEx(PRTL_BITMAP_EX b, ULONG64 n, ULONG64 hint)
{
	return bits_find(of_ex(b), n, hint, 1);
}

RTLAPI ULONG64 NTAPI RtlFindClearBitsEx(PRTL_BITMAP_EX b, ULONG64 n, ULONG64 hint)
{
	return bits_find(of_ex(b), n, hint, 0);
}

RTLAPI ULONG64 NTAPI RtlFindSetBitsAndClearEx(PRTL_BITMAP_EX b, ULONG64 n, ULONG64 hint)
{
	return bits_find_and_flip(of_ex(b), n, hint, 1);
}

RTLAPI ULONG64 NTAPI RtlFindClearBitsAndSetEx(PRTL_BITMAP_EX b, ULONG64 n, ULONG64 hint)
{
	return bits_find_and_flip(of_ex(b), n, hint, 0);
}

RTLAPI ULONG64 NTAPI RtlNumberOfSetBitsEx(PRTL_BITMAP_EX b)
{
	return bits_count(of_ex(b), 0, b->SizeOfBitMap);
}

RTLAPI ULONG64 NTAPI RtlNumberOfClearBitsEx(PRTL_BITMAP_EX b)
{
	return b->SizeOfBitMap - bits_count(of_ex(b), 0, b->SizeOfBitMap);
}
