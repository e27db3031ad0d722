/* RtlIntegerToChar, RtlIntegerToUnicodeString, RtlCharToInteger. */
#include "rtl_private.h"

/* Digits of `value` in `base` (2, 8, 10 or 16; 0 means 10), upper case. */
static ULONG format_ulong(ULONG value, ULONG base, char *out)
{
	char tmp[33];
	ULONG n = 0, i;

	do {
		ULONG d = value % base;
		tmp[n++] = (char)(d < 10 ? '0' + d : 'A' + d - 10);
		value /= base;
	} while (value);
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

static BOOL valid_base(ULONG base)
{
	return base == 2 || base == 8 || base == 10 || base == 16;
}

/* `length` is the buffer size; the terminator is written only if it fits. */
RTLAPI NTSTATUS NTAPI RtlIntegerToChar(ULONG value, ULONG base, LONG length, PCHAR str)
{
	char buf[33];
	ULONG n;

	if (!base)
		base = 10;
	if (!valid_base(base))
		return STATUS_INVALID_PARAMETER;
	n = format_ulong(value, base, buf);
	if (length < (LONG)n)
		return STATUS_BUFFER_OVERFLOW;
	memcpy(str, buf, n);
	if (length > (LONG)n)
		str[n] = 0;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlIntegerToUnicodeString(ULONG value, ULONG base, PUNICODE_STRING str)
{
	char buf[33];
	ULONG n, i;

	if (!base)
		base = 10;
	if (!valid_base(base))
		return STATUS_INVALID_PARAMETER;
	n = format_ulong(value, base, buf);
	if (n * sizeof(WCHAR) >= str->MaximumLength)
		return STATUS_BUFFER_OVERFLOW;
	for (i = 0; i < n; i++)
		str->Buffer[i] = (WCHAR)buf[i];
	str->Buffer[n] = 0;
	str->Length = (USHORT)(n * sizeof(WCHAR));
	return STATUS_SUCCESS;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* Leading white space, an optional sign, then (with base 0) an optional
 * 0x/0o/0b prefix; parsing stops at the first non-digit. */
RTLAPI NTSTATUS NTAPI RtlCharToInteger(PCSZ s, ULONG base, PULONG value)
{
	ULONG result = 0;
	int neg = 0, d;

	if (!value)
		return STATUS_ACCESS_VIOLATION;
	while (*s && (BYTE)*s <= ' ')
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (!base) {
		base = 10;
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			base = 16, s += 2;
		else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
			base = 8, s += 2;
		else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
			base = 2, s += 2;
	} else if (!valid_base(base)) {
		return STATUS_INVALID_PARAMETER;
	}
	while ((d = digit_value(*s)) < (int)base) {
		result = result * base + (ULONG)d;
		s++;
	}
	*value = neg ? 0U - result : result;
	return STATUS_SUCCESS;
}
