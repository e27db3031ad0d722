/* What WinHttpCrackUrl and WinHttpCreateUrl share: which characters
 * ICU_ESCAPE turns into %XX in a path or extra information. */
#ifndef LSW_WINHTTP_URL_PRIVATE_H
#define LSW_WINHTTP_URL_PRIVATE_H

#include <windows.h>

/* Control characters, space, DEL and " # % < > [ \ ] ^ ` { | } ~ (what
 * Windows escapes, as Wine's url test checked on Windows shows). */
static inline BOOL url_needs_escape(WCHAR ch)
{
	return ch <= 0x20 || ch == 0x7f || (ch < 0x80 && strchr("\"#%<>[\\]^`{|}~", (char)ch));
}

static inline void url_write_escape(WCHAR *out, WCHAR ch)
{
	static const WCHAR digits[] = L"0123456789ABCDEF";

	out[0] = '%';
	out[1] = digits[(ch >> 4) & 15];
	out[2] = digits[ch & 15];
}

#endif
