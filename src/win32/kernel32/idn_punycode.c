/*
 * Punycode (RFC 3492): a label of Unicode code points as ASCII and back,
 * with the RFC's parameters.  Code points are UTF-32.
 */
#include "k32_idn.h"

#define PC_BASE 36
#define PC_TMIN 1
#define PC_TMAX 26
#define PC_SKEW 38
#define PC_DAMP 700
#define PC_INITIAL_BIAS 72
#define PC_INITIAL_N 0x80

static unsigned adapt(unsigned delta, unsigned points, BOOL first)
{
	unsigned k = 0;

	delta = first ? delta / PC_DAMP : delta / 2;
	delta += delta / points;
	while (delta > ((PC_BASE - PC_TMIN) * PC_TMAX) / 2) {
		delta /= PC_BASE - PC_TMIN;
		k += PC_BASE;
	}
	return k + (PC_BASE - PC_TMIN + 1) * delta / (delta + PC_SKEW);
}

static unsigned threshold(unsigned k, unsigned bias)
{
	if (k <= bias)
		return PC_TMIN;
	return k >= bias + PC_TMAX ? PC_TMAX : k - bias;
}

static WCHAR digit_char(unsigned d)
{
	return (WCHAR)(d < 26 ? 'a' + d : '0' + d - 26);
}

static int digit_value(WCHAR c)
{
	if (c >= '0' && c <= '9')
		return c - '0' + 26;
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	return -1;
}

/* Appends q as a variable-length integer with the current bias. */
static BOOL put_integer(unsigned q, unsigned bias, WCHAR *out, int room, int *len)
{
	unsigned k, t;

	for (k = PC_BASE;; k += PC_BASE) {
		t = threshold(k, bias);
		if (q < t)
			break;
		if (*len >= room)
			return FALSE;
		out[(*len)++] = digit_char(t + (q - t) % (PC_BASE - t));
		q = (q - t) / (PC_BASE - t);
	}
	if (*len >= room)
		return FALSE;
	out[(*len)++] = digit_char(q);
	return TRUE;
}

int k32_punycode_encode(const unsigned *cp, int n, WCHAR *out, int room)
{
	unsigned next = PC_INITIAL_N, delta = 0, bias = PC_INITIAL_BIAS, m;
	int len = 0, h, b, i;

	for (i = 0; i < n; i++)
		if (cp[i] < 0x80) {
			if (len >= room)
				return -1;
			out[len++] = (WCHAR)cp[i];
		}
	h = b = len;
	if (b) {
		if (len >= room)
			return -1;
		out[len++] = '-';
	}
	while (h < n) {
		for (m = 0x10FFFF, i = 0; i < n; i++)
			if (cp[i] >= next && cp[i] < m)
				m = cp[i];
		delta += (m - next) * (unsigned)(h + 1);
		next = m;
		for (i = 0; i < n; i++) {
			if (cp[i] < next)
				delta++;
			if (cp[i] != next)
				continue;
			if (!put_integer(delta, bias, out, room, &len))
				return -1;
			bias = adapt(delta, (unsigned)h + 1, h == b);
			delta = 0;
			h++;
		}
		delta++;
		next++;
	}
	return len;
}

/* Reads one variable-length integer into *i; FALSE if malformed. */
static BOOL get_integer(const WCHAR *in, int n, int *pos, unsigned bias, unsigned *i)
{
	unsigned w = 1, k, t;
	int d;

	for (k = PC_BASE;; k += PC_BASE) {
		if (*pos >= n || (d = digit_value(in[(*pos)++])) < 0)
			return FALSE;
		if ((unsigned)d > (0xFFFFFFFFu - *i) / w)
			return FALSE;
		*i += (unsigned)d * w;
		t = threshold(k, bias);
		if ((unsigned)d < t)
			return TRUE;
		if (w > 0xFFFFFFFFu / (PC_BASE - t))
			return FALSE;
		w *= PC_BASE - t;
	}
}

int k32_punycode_decode(const WCHAR *in, int n, unsigned *cp, int room)
{
	unsigned next = PC_INITIAL_N, i = 0, bias = PC_INITIAL_BIAS, old;
	int len = 0, b = 0, pos, j;

	for (j = 0; j < n; j++)
		if (in[j] == '-')
			b = j;
	for (j = 0; j < b; j++) {
		if (in[j] >= 0x80 || len >= room)
			return -1;
		cp[len++] = in[j];
	}
	for (pos = b ? b + 1 : 0; pos < n;) {
		old = i;
		if (!get_integer(in, n, &pos, bias, &i) || len >= room)
			return -1;
		bias = adapt(i - old, (unsigned)len + 1, old == 0);
		next += i / ((unsigned)len + 1);
		i %= (unsigned)len + 1;
		if (next > 0x10FFFF || (next >= 0xD800 && next < 0xE000))
			return -1;
		memmove(cp + i + 1, cp + i, (len - i) * sizeof(*cp));
		cp[i++] = next;
		len++;
	}
	return len;
}
