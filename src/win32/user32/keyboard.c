/*
 * The US English keyboard layout (0409) a session reports: virtual keys,
 * set-1 scan codes and characters for MapVirtualKey, ToUnicode / ToAscii
 * and VkKeyScan, which console programs use to turn key events into text.
 * One table: the keys, each with its scan code (0xE0xx: extended) and
 * its characters without and with Shift.  Where two keys share a scan
 * code (Home and numeric-pad 7), the first row is the layout's answer;
 * the left and right Shift, Ctrl and Alt come before the keys that stand
 * for both.
 */
#include "user32_private.h"

struct key {
	BYTE vk;
	WORD sc;
	WCHAR plain, shifted;
};

static const struct key keys[] = {
	{ VK_BACK, 0x0E, '\b', '\b' }, { VK_TAB, 0x0F, '\t', '\t' },
	{ VK_RETURN, 0x1C, '\r', '\r' }, { VK_ESCAPE, 0x01, 0x1B, 0x1B },
	{ VK_SPACE, 0x39, ' ', ' ' },
	{ '0', 0x0B, '0', ')' }, { '1', 0x02, '1', '!' }, { '2', 0x03, '2', '@' },
	{ '3', 0x04, '3', '#' }, { '4', 0x05, '4', '$' }, { '5', 0x06, '5', '%' },
	{ '6', 0x07, '6', '^' }, { '7', 0x08, '7', '&' }, { '8', 0x09, '8', '*' },
	{ '9', 0x0A, '9', '(' },
	{ 'A', 0x1E, 'a', 'A' }, { 'B', 0x30, 'b', 'B' }, { 'C', 0x2E, 'c', 'C' },
	{ 'D', 0x20, 'd', 'D' }, { 'E', 0x12, 'e', 'E' }, { 'F', 0x21, 'f', 'F' },
	{ 'G', 0x22, 'g', 'G' }, { 'H', 0x23, 'h', 'H' }, { 'I', 0x17, 'i', 'I' },
	{ 'J', 0x24, 'j', 'J' }, { 'K', 0x25, 'k', 'K' }, { 'L', 0x26, 'l', 'L' },
	{ 'M', 0x32, 'm', 'M' }, { 'N', 0x31, 'n', 'N' }, { 'O', 0x18, 'o', 'O' },
	{ 'P', 0x19, 'p', 'P' }, { 'Q', 0x10, 'q', 'Q' }, { 'R', 0x13, 'r', 'R' },
	{ 'S', 0x1F, 's', 'S' }, { 'T', 0x14, 't', 'T' }, { 'U', 0x16, 'u', 'U' },
	{ 'V', 0x2F, 'v', 'V' }, { 'W', 0x11, 'w', 'W' }, { 'X', 0x2D, 'x', 'X' },
	{ 'Y', 0x15, 'y', 'Y' }, { 'Z', 0x2C, 'z', 'Z' },
	{ VK_OEM_1, 0x27, ';', ':' }, { VK_OEM_PLUS, 0x0D, '=', '+' },
	{ VK_OEM_COMMA, 0x33, ',', '<' }, { VK_OEM_MINUS, 0x0C, '-', '_' },
	{ VK_OEM_PERIOD, 0x34, '.', '>' }, { VK_OEM_2, 0x35, '/', '?' },
	{ VK_OEM_3, 0x29, '`', '~' }, { VK_OEM_4, 0x1A, '[', '{' },
	{ VK_OEM_5, 0x2B, '\\', '|' }, { VK_OEM_6, 0x1B, ']', '}' },
	{ VK_OEM_7, 0x28, '\'', '"' }, { VK_OEM_102, 0x56, '\\', '|' },
	{ VK_LSHIFT, 0x2A, 0, 0 }, { VK_RSHIFT, 0x36, 0, 0 }, { VK_LCONTROL, 0x1D, 0, 0 },
	{ VK_RCONTROL, 0xE01D, 0, 0 }, { VK_LMENU, 0x38, 0, 0 }, { VK_RMENU, 0xE038, 0, 0 },
	{ VK_SHIFT, 0x2A, 0, 0 }, { VK_CONTROL, 0x1D, 0, 0 }, { VK_MENU, 0x38, 0, 0 },
	{ VK_CAPITAL, 0x3A, 0, 0 }, { VK_NUMLOCK, 0x45, 0, 0 }, { VK_SCROLL, 0x46, 0, 0 },
	{ VK_HOME, 0xE047, 0, 0 }, { VK_UP, 0xE048, 0, 0 }, { VK_PRIOR, 0xE049, 0, 0 },
	{ VK_LEFT, 0xE04B, 0, 0 }, { VK_CLEAR, 0x4C, 0, 0 }, { VK_RIGHT, 0xE04D, 0, 0 },
	{ VK_END, 0xE04F, 0, 0 }, { VK_DOWN, 0xE050, 0, 0 }, { VK_NEXT, 0xE051, 0, 0 },
	{ VK_INSERT, 0xE052, 0, 0 }, { VK_DELETE, 0xE053, 0, 0 }, { VK_SNAPSHOT, 0xE037, 0, 0 },
	{ VK_LWIN, 0xE05B, 0, 0 }, { VK_RWIN, 0xE05C, 0, 0 }, { VK_APPS, 0xE05D, 0, 0 },
	{ VK_NUMPAD7, 0x47, '7', '7' }, { VK_NUMPAD8, 0x48, '8', '8' }, { VK_NUMPAD9, 0x49, '9', '9' },
	{ VK_NUMPAD4, 0x4B, '4', '4' }, { VK_NUMPAD5, 0x4C, '5', '5' }, { VK_NUMPAD6, 0x4D, '6', '6' },
	{ VK_NUMPAD1, 0x4F, '1', '1' }, { VK_NUMPAD2, 0x50, '2', '2' }, { VK_NUMPAD3, 0x51, '3', '3' },
	{ VK_NUMPAD0, 0x52, '0', '0' }, { VK_DECIMAL, 0x53, '.', '.' },
	{ VK_MULTIPLY, 0x37, '*', '*' }, { VK_ADD, 0x4E, '+', '+' }, { VK_SUBTRACT, 0x4A, '-', '-' },
	{ VK_DIVIDE, 0xE035, '/', '/' },
	{ VK_F1, 0x3B, 0, 0 }, { VK_F2, 0x3C, 0, 0 }, { VK_F3, 0x3D, 0, 0 }, { VK_F4, 0x3E, 0, 0 },
	{ VK_F5, 0x3F, 0, 0 }, { VK_F6, 0x40, 0, 0 }, { VK_F7, 0x41, 0, 0 }, { VK_F8, 0x42, 0, 0 },
	{ VK_F9, 0x43, 0, 0 }, { VK_F10, 0x44, 0, 0 }, { VK_F11, 0x57, 0, 0 }, { VK_F12, 0x58, 0, 0 },
};

#define KEYS (sizeof(keys) / sizeof(keys[0]))

static const struct key *by_vk(UINT vk)
{
	for (unsigned i = 0; i < KEYS; i++)
		if (keys[i].vk == vk)
			return &keys[i];
	return NULL;
}

/* The key of a scan code: with the 0xE0 prefix as given when exact,
 * else of that code with or without it. */
static const struct key *by_sc(UINT sc, BOOL exact)
{
	for (unsigned i = 0; i < KEYS; i++)
		if ((keys[i].sc & 0xFF) == (sc & 0xFF) && (!exact || (keys[i].sc >> 8) == ((sc >> 8) & 0xFF)))
			return &keys[i];
	return NULL;
}

/* VK_LSHIFT and the like are VK_SHIFT's, unless told apart (_EX). */
static UINT generic(UINT vk)
{
	switch (vk) {
	case VK_LSHIFT: case VK_RSHIFT: return VK_SHIFT;
	case VK_LCONTROL: case VK_RCONTROL: return VK_CONTROL;
	case VK_LMENU: case VK_RMENU: return VK_MENU;
	}
	return vk;
}

/* Letters map to their capitals, as their virtual keys are. */
static UINT vk_char(const struct key *k)
{
	if (!k || !k->plain)
		return 0;
	return k->plain >= 'a' && k->plain <= 'z' ? k->plain - 32u : k->plain;
}

UINT WINAPI MapVirtualKeyExW(UINT code, UINT type, HKL layout)
{
	const struct key *k;

	switch (type) {
	case MAPVK_VK_TO_VSC:
		return (k = by_vk(code)) ? k->sc & 0xFF : 0;
	case MAPVK_VK_TO_VSC_EX:
		return (k = by_vk(code)) ? k->sc : 0;
	case MAPVK_VSC_TO_VK:
		return (k = by_sc(code, FALSE)) ? generic(k->vk) : 0;
	case MAPVK_VSC_TO_VK_EX:
		return (k = by_sc(code, TRUE)) ? k->vk : 0;
	case MAPVK_VK_TO_CHAR:
		return vk_char(by_vk(code));
	}
	return 0;
}

UINT WINAPI MapVirtualKeyW(UINT code, UINT type)
{
	return MapVirtualKeyExW(code, type, NULL);
}

UINT WINAPI MapVirtualKeyExA(UINT code, UINT type, HKL layout)
{
	return MapVirtualKeyExW(code, type, layout);
}

UINT WINAPI MapVirtualKeyA(UINT code, UINT type)
{
	return MapVirtualKeyExW(code, type, NULL);
}

static BOOL down(const BYTE *state, int vk)
{
	return (state[vk] & 0x80) != 0;
}

/* Ctrl with a key: the C0 control it types, or 0 for none. */
static WCHAR control_char(const struct key *k, BOOL shift)
{
	if (k->plain >= 'a' && k->plain <= 'z')
		return k->plain - 'a' + 1;
	switch (k->vk) {
	case VK_OEM_4: return shift ? 0 : 0x1B;
	case VK_OEM_5: return shift ? 0 : 0x1C;
	case VK_OEM_6: return shift ? 0 : 0x1D;
	case '6': return shift ? 0x1E : 0;
	case VK_OEM_MINUS: return shift ? 0x1F : 0;
	case VK_BACK: return 0x7F;
	case VK_RETURN: return '\n';
	case VK_SPACE: case VK_ESCAPE: return k->plain;
	}
	return 0;
}

/* The character a key down types with the keyboard state; 0 for none
 * (a key going up, a key without one, Ctrl+Alt: US has no AltGr). */
static WCHAR typed(UINT vk, UINT sc, const BYTE *state)
{
	const struct key *k = by_vk(vk);
	BOOL shift, ctrl, alt;

	if (!k || !k->plain || (sc & 0x8000) || !state)
		return 0;
	shift = down(state, VK_SHIFT) || down(state, VK_LSHIFT) || down(state, VK_RSHIFT);
	ctrl = down(state, VK_CONTROL) || down(state, VK_LCONTROL) || down(state, VK_RCONTROL);
	alt = down(state, VK_MENU) || down(state, VK_LMENU) || down(state, VK_RMENU);
	if (ctrl && alt)
		return 0;
	if (ctrl)
		return control_char(k, shift);
	if ((state[VK_CAPITAL] & 1) && k->plain >= 'a' && k->plain <= 'z')
		shift = !shift;
	return shift ? k->shifted : k->plain;
}

/* One character, or 0 (documented: -1 is a dead key, which US lacks). */
int WINAPI ToUnicodeEx(UINT vk, UINT sc, const BYTE *state, LPWSTR buf, int size, UINT flags, HKL layout)
{
	WCHAR c = typed(vk, sc, state);

	if (!c || !buf || size < 1)
		return 0;
	buf[0] = c;
	if (size > 1)
		buf[1] = 0;
	return 1;
}

int WINAPI ToUnicode(UINT vk, UINT sc, const BYTE *state, LPWSTR buf, int size, UINT flags)
{
	return ToUnicodeEx(vk, sc, state, buf, size, flags, NULL);
}

int WINAPI ToAsciiEx(UINT vk, UINT sc, const BYTE *state, LPWORD out, UINT flags, HKL layout)
{
	WCHAR c = typed(vk, sc, state);

	if (!c || !out)
		return 0;
	*out = c;
	return 1;
}

int WINAPI ToAscii(UINT vk, UINT sc, const BYTE *state, LPWORD out, UINT flags)
{
	return ToAsciiEx(vk, sc, state, out, flags, NULL);
}

/* The key and shift state (high byte: 1 Shift, 2 Ctrl) typing c, or -1. */
SHORT WINAPI VkKeyScanExW(WCHAR c, HKL layout)
{
	for (unsigned i = 0; i < KEYS; i++) {
		if (keys[i].vk >= VK_NUMPAD0 && keys[i].vk <= VK_DIVIDE)
			continue; /* the main keys first */
		if (keys[i].plain == c)
			return keys[i].vk;
		if (keys[i].shifted == c)
			return (SHORT)(0x100 | keys[i].vk);
	}
	if (c >= 1 && c <= 26)
		return (SHORT)(0x200 | ('A' + c - 1)); /* Ctrl and a letter */
	return -1;
}

SHORT WINAPI VkKeyScanW(WCHAR c)
{
	return VkKeyScanExW(c, NULL);
}

SHORT WINAPI VkKeyScanExA(CHAR c, HKL layout)
{
	WCHAR w = 0;

	MultiByteToWideChar(CP_ACP, 0, &c, 1, &w, 1);
	return VkKeyScanExW(w, layout);
}

SHORT WINAPI VkKeyScanA(CHAR c)
{
	return VkKeyScanExA(c, NULL);
}
