/* Integers to and from digit strings: RtlIntegerToChar, RtlLargeIntegerToChar,
 * RtlIntegerToUnicodeString, RtlInt64ToUnicodeString, RtlCharToInteger,
 * RtlUnicodeStringToInteger. */
#include "rtl_private.h"

/* Digits of `value` in `base` (2, 8, 10 or 16; 0 means 10), upper case. */
static ULONG format_ulong(ULONGLONG value, ULONG base, char *out)
{
	char tmp[65];
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
static NTSTATUS integer_to_char(ULONGLONG value, ULONG base, LONG length, PCHAR str)
{
	char buf[65];
	ULONG n;

	if (!base)
		base = 10;
	if (!valid_base(base))
		return STATUS_INVALID_PARAMETER;
	n = format_ulong(value, base, buf);
	if (length < (LONG)n)
		return STATUS_BUFFER_OVERFLOW;
	if (!str)
		return STATUS_ACCESS_VIOLATION;
	memcpy(str, buf, n);
	if (length > (LONG)n)
		str[n] = 0;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlIntegerToChar(ULONG value, ULONG base, LONG length, PCHAR str)
{
	return integer_to_char(value, base, length, str);
}

RTLAPI NTSTATUS NTAPI RtlLargeIntegerToChar(const ULONGLONG *value, ULONG base, LONG length,
					     PCHAR str)
{
	return integer_to_char(*value, base, length, str);
}

/* On overflow the buffer is left alone; a string too small for the digits
 * gets the Length they would need, as Windows reports it. */
static NTSTATUS integer_to_unicode(ULONGLONG value, ULONG base, PUNICODE_STRING str)
{
	char buf[65];
	ULONG n, i;

	if (!base)
		base = 10;
	if (!valid_base(base))
		return STATUS_INVALID_PARAMETER;
	n = format_ulong(value, base, buf);
	if (n * sizeof(WCHAR) >= str->MaximumLength) { /* the NUL must fit too */
		str->Length = (USHORT)(n * sizeof(WCHAR));
		return STATUS_BUFFER_OVERFLOW;
	}
	for (i = 0; i < n; i++)
		str->Buffer[i] = (WCHAR)buf[i];
	str->Buffer[n] = 0;
	str->Length = (USHORT)(n * sizeof(WCHAR));
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlIntegerToUnicodeString(ULONG value, ULONG base, PUNICODE_STRING str)
{
	return integer_to_unicode(value, base, str);
}

RTLAPI NTSTATUS NTAPI RtlInt64ToUnicodeString(ULONGLONG value, ULONG base, PUNICODE_STRING str)
{
	return integer_to_unicode(value, base, str);
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

/* Character `i` of a narrow NUL-terminated string (count unused) or of a
 * counted wide string; 0 past the end. */
static WCHAR char_at(const void *s, SIZE_T count, BOOL wide, SIZE_T i)
{
	if (wide)
		return i < count ? ((const WCHAR *)s)[i] : 0;
	return (BYTE)((const char *)s)[i];
}

/* Leading white space (any character up to ' '), an optional sign, then
 * (with base 0) an optional 0x/0o/0b prefix; parsing stops at the first
 * non-digit and the value wraps at 32 bits. */
static NTSTATUS parse_integer(const void *s, SIZE_T count, BOOL wide, ULONG base, PULONG value)
{
	ULONG result = 0;
	SIZE_T i = 0;
	int neg = 0, d;
	WCHAR c;

	if (base && !valid_base(base))
		return STATUS_INVALID_PARAMETER;
	if (!value)
		return STATUS_ACCESS_VIOLATION;
	while ((c = char_at(s, count, wide, i)) && c <= ' ')
		i++;
	if (c == '+' || c == '-')
		neg = c == '-', i++;
	if (!base) {
		WCHAR p = char_at(s, count, wide, i + 1);
		base = 10;
		if (char_at(s, count, wide, i) == '0') {
			if (p == 'x' || p == 'X')
				base = 16, i += 2;
			else if (p == 'o' || p == 'O')
				base = 8, i += 2;
			else if (p == 'b' || p == 'B')
				base = 2, i += 2;
		}
	}
	while ((c = char_at(s, count, wide, i)) && c < 0x80 &&
	       (d = digit_value((char)c)) < (int)base) {
		result = result * base + (ULONG)d;
		i++;
	}
	*value = neg ? 0U - result : result;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlCharToInteger(PCSZ s, ULONG base, PULONG value)
{
	return parse_integer(s, 0, FALSE, base, value);
}

RTLAPI NTSTATUS NTAPI RtlUnicodeStringToInteger(PCUNICODE_STRING str, ULONG base, PULONG value)
{
	return parse_integer(str->Buffer, str->Length / sizeof(WCHAR), TRUE, base, value);
}
