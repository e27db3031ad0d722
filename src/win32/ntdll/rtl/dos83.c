/*
 * RtlIsNameLegalDOS8Dot3: whether a name is a valid FAT short (8.3) name,
 * as the FAT rules define one: a base of 1-8 characters, optionally a dot
 * and an extension of 1-3, upper case in the OEM code page, no character
 * FAT refuses, and spaces only inside (never first, last or before the
 * dot).  "." and ".." are legal.  The OEM form is written first, whatever
 * the answer, as Windows does.
 */
#include "rtl_private.h"

#define SHORT_NAME_MAX 12 /* 8 + '.' + 3 */

RTLAPI NTSTATUS NTAPI RtlUpcaseUnicodeToOemN(PCHAR dst, ULONG dst_bytes, PULONG res,
					       const WCHAR *src, ULONG src_bytes);

static BOOL fat_char_ok(unsigned char c)
{
	static const char refused[] = "\"*+,/:;<=>?[\\]|";

	if (c >= 0x80)
		return TRUE; /* OEM letters */
	if (c <= ' ' || c == 0x7f)
		return FALSE;
	for (const char *r = refused; *r; r++)
		if (c == (unsigned char)*r)
			return FALSE;
	return TRUE;
}

static BOOL is_dot_name(const char *s, ULONG n)
{
	return (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.');
}

/* Legal as an 8.3 name; *spaces: it holds a space. */
static BOOL legal_short_name(const char *s, ULONG n, BOOLEAN *spaces)
{
	ULONG dot = n, base, ext;

	*spaces = FALSE;
	/* an empty name passes too (kernel32's path tests: "!" there) */
	if (!n || is_dot_name(s, n))
		return TRUE;
	for (ULONG i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (dot != n)
				return FALSE; /* one dot at most */
			dot = i;
		} else if (s[i] == ' ') {
			*spaces = TRUE;
		} else if (!fat_char_ok((unsigned char)s[i])) {
			return FALSE;
		}
	}
	base = dot;
	ext = dot == n ? 0 : n - dot - 1;
	if (!base || base > 8 || (dot != n && (!ext || ext > 3)))
		return FALSE;
	return s[0] != ' ' && s[base - 1] != ' ' && s[n - 1] != ' ';
}

RTLAPI BOOLEAN NTAPI RtlIsNameLegalDOS8Dot3(PUNICODE_STRING name, POEM_STRING oem,
					    PBOOLEAN spaces)
{
	char local[SHORT_NAME_MAX];
	OEM_STRING tmp = { 0, sizeof(local), local };
	BOOLEAN has_spaces;
	ULONG n;

	if (!name || name->Length > SHORT_NAME_MAX * sizeof(WCHAR))
		return FALSE;
	if (!oem)
		oem = &tmp;
	if (RtlUpcaseUnicodeToOemN(oem->Buffer, oem->MaximumLength, &n, name->Buffer,
				   name->Length) != STATUS_SUCCESS ||
	    n != name->Length / sizeof(WCHAR))
		return FALSE;
	oem->Length = (USHORT)n;
	if (!legal_short_name(oem->Buffer, n, &has_spaces))
		return FALSE;
	if (spaces)
		*spaces = has_spaces;
	return TRUE;
}
