/*
 * PathIsValidCharA/W (ordinals 455, 456): does a character belong to one
 * of the path character classes in a mask?  Letters and digits-like
 * characters are valid anywhere; the punctuation the shell parses has a
 * class of its own; controls and < > / | belong to none.
 */
#include "shlwapi_private.h"

#define PATH_CLASS_WILD         0x001   /* ? */
#define PATH_CLASS_ASTERISK     0x002
#define PATH_CLASS_DOT          0x004
#define PATH_CLASS_BACKSLASH    0x008
#define PATH_CLASS_COLON        0x010
#define PATH_CLASS_SEMICOLON    0x020
#define PATH_CLASS_COMMA        0x040
#define PATH_CLASS_SPACE        0x080
#define PATH_CLASS_OTHER_VALID  0x100
#define PATH_CLASS_DOUBLEQUOTE  0x200
#define PATH_CLASS_LETTER       0xFFFFFFFF /* matches every mask */

static DWORD path_char_class(unsigned c)
{
	if (c < 0x20)
		return 0;
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return PATH_CLASS_LETTER;
	switch (c) {
	case ' ': return PATH_CLASS_SPACE;
	case '"': return PATH_CLASS_DOUBLEQUOTE;
	case '*': return PATH_CLASS_ASTERISK;
	case ',': return PATH_CLASS_COMMA;
	case '.': return PATH_CLASS_DOT;
	case ':': return PATH_CLASS_COLON;
	case ';': return PATH_CLASS_SEMICOLON;
	case '?': return PATH_CLASS_WILD;
	case '\\': return PATH_CLASS_BACKSLASH;
	case '/': case '<': case '>': case '|':
		return 0;
	default:
		return PATH_CLASS_OTHER_VALID;
	}
}

BOOL WINAPI PathIsValidCharW(WCHAR c, DWORD mask)
{
	return (path_char_class(c) & mask) != 0;
}

BOOL WINAPI PathIsValidCharA(char c, DWORD mask)
{
	return (path_char_class((unsigned char)c) & mask) != 0;
}
