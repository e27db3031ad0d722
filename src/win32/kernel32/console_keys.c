/*
 * The terminal's bytes as console key events, the way Windows'
 * pseudo-console reads a VT terminal: a printable character is the key a
 * US keyboard types it with (Shift for capitals and the upper row), a
 * control byte is Ctrl with its letter, ESC [ and ESC O sequences are the
 * cursor, editing and function keys (their ";m" parameter the modifiers),
 * ESC before a key is Alt.  Each key is a key-down then a key-up record,
 * inside the key-down and key-up of its modifier keys (Shift, Ctrl, Alt),
 * as the pseudo-console wraps a key it is told of with its modifiers.
 */
#include "k32_private.h"
#include "console_priv.h"

struct key {
	WORD vk, scan;
	DWORD state; /* SHIFT_PRESSED or ENHANCED_KEY */
};

/* US layout, set 1 scan codes. */
static const BYTE letter_scan[26] = {
	0x1E, 0x30, 0x2E, 0x20, 0x12, 0x21, 0x22, 0x23, 0x17, 0x24, 0x25, 0x26, 0x32,
	0x31, 0x18, 0x19, 0x10, 0x13, 0x1F, 0x14, 0x16, 0x2F, 0x11, 0x2D, 0x15, 0x2C,
};

/* The punctuation keys: unshifted, shifted, virtual key, scan code. */
static const struct { char plain, shifted; BYTE vk, scan; } punct[] = {
	{ ';', ':', VK_OEM_1, 0x27 },     { '=', '+', VK_OEM_PLUS, 0x0D },
	{ ',', '<', VK_OEM_COMMA, 0x33 }, { '-', '_', VK_OEM_MINUS, 0x0C },
	{ '.', '>', VK_OEM_PERIOD, 0x34 }, { '/', '?', VK_OEM_2, 0x35 },
	{ '`', '~', VK_OEM_3, 0x29 },     { '[', '{', VK_OEM_4, 0x1A },
	{ '\\', '|', VK_OEM_5, 0x2B },    { ']', '}', VK_OEM_6, 0x1B },
	{ '\'', '"', VK_OEM_7, 0x28 },
};

static const char shifted_digits[] = ")!@#$%^&*(";

/* The key that types ASCII character c; FALSE for none. */
static BOOL ascii_key(unsigned char c, struct key *k)
{
	k->state = 0;
	if (c >= 'a' && c <= 'z') {
		k->vk = (WORD)(c - 'a' + 'A');
		k->scan = letter_scan[c - 'a'];
		return TRUE;
	}
	if (c >= 'A' && c <= 'Z') {
		k->vk = c;
		k->scan = letter_scan[c - 'A'];
		k->state = SHIFT_PRESSED;
		return TRUE;
	}
	if (c >= '0' && c <= '9') {
		k->vk = c;
		k->scan = c == '0' ? 0x0B : (WORD)(c - '1' + 2);
		return TRUE;
	}
	for (int d = 0; d < 10; d++)
		if (c == (unsigned char)shifted_digits[d]) {
			k->vk = (WORD)('0' + d);
			k->scan = d == 0 ? 0x0B : (WORD)(d + 1);
			k->state = SHIFT_PRESSED;
			return TRUE;
		}
	for (size_t i = 0; i < ARRAYSIZE(punct); i++)
		if (c == (unsigned char)punct[i].plain || c == (unsigned char)punct[i].shifted) {
			k->vk = punct[i].vk;
			k->scan = punct[i].scan;
			k->state = c == (unsigned char)punct[i].shifted ? SHIFT_PRESSED : 0;
			return TRUE;
		}
	if (c == ' ') {
		k->vk = VK_SPACE;
		k->scan = 0x39;
		return TRUE;
	}
	return FALSE;
}

static void key_record(INPUT_RECORD *r, BOOL down, WORD vk, WORD scan, WCHAR ch, DWORD state)
{
	KEY_EVENT_RECORD *k = &r->Event.KeyEvent;

	r->EventType = KEY_EVENT;
	k->bKeyDown = down;
	k->wRepeatCount = 1;
	k->wVirtualKeyCode = vk;
	k->wVirtualScanCode = scan;
	k->uChar.UnicodeChar = ch;
	k->dwControlKeyState = state;
}

/* The modifier keys, in the order they go down. */
static const struct { DWORD flag; BYTE vk, scan; } modifiers[] = {
	{ SHIFT_PRESSED, VK_SHIFT, 0x2A },
	{ LEFT_CTRL_PRESSED, VK_CONTROL, 0x1D },
	{ LEFT_ALT_PRESSED, VK_MENU, 0x38 },
};

/* A key-down and its key-up, inside its modifiers' (out: room for 8). */
static DWORD press(INPUT_RECORD *out, WORD vk, WORD scan, WCHAR ch, DWORD state)
{
	DWORD n = 0, held = 0;
	int i;

	for (i = 0; i < (int)ARRAYSIZE(modifiers); i++)
		if (state & modifiers[i].flag) {
			held |= modifiers[i].flag;
			key_record(&out[n++], TRUE, modifiers[i].vk, modifiers[i].scan, 0, held);
		}
	key_record(&out[n++], TRUE, vk, scan, ch, state);
	key_record(&out[n++], FALSE, vk, scan, ch, state);
	for (i = (int)ARRAYSIZE(modifiers) - 1; i >= 0; i--)
		if (state & modifiers[i].flag) {
			held &= ~modifiers[i].flag;
			key_record(&out[n++], FALSE, modifiers[i].vk, modifiers[i].scan, 0, held);
		}
	return n;
}

/* A control byte (below 0x20, or DEL) as its key. */
static DWORD control_byte(unsigned char c, DWORD alt, INPUT_RECORD *out)
{
	switch (c) {
	case '\r':
		return press(out, VK_RETURN, 0x1C, '\r', alt);
	case '\t':
		return press(out, VK_TAB, 0x0F, '\t', alt);
	case 0x7F:
	case 0x08:
		return press(out, VK_BACK, 0x0E, 0x08, alt);
	case 0x1B:
		return press(out, VK_ESCAPE, 0x01, 0x1B, alt);
	case 0:
		return press(out, VK_SPACE, 0x39, 0, alt | LEFT_CTRL_PRESSED);
	default:
		if (c <= 0x1A) /* Ctrl-A .. Ctrl-Z; \n is Ctrl-J */
			return press(out, (WORD)('A' + c - 1), letter_scan[c - 1], c,
				     alt | LEFT_CTRL_PRESSED);
		/* Ctrl-\ ] ^ _ */
		return press(out, 0, 0, c, alt | LEFT_CTRL_PRESSED);
	}
}

/* The modifiers of a VT parameter m (1 + shift 1, alt 2, ctrl 4). */
static DWORD vt_modifiers(unsigned m)
{
	DWORD s = 0;

	if (m < 2)
		return 0;
	m--;
	if (m & 1)
		s |= SHIFT_PRESSED;
	if (m & 2)
		s |= LEFT_ALT_PRESSED;
	if (m & 4)
		s |= LEFT_CTRL_PRESSED;
	return s;
}

/* The key an ESC [ or ESC O sequence ends with (final byte f, first
 * number n); FALSE for none we know. */
static BOOL sequence_key(unsigned char f, unsigned n, struct key *k)
{
	static const struct { unsigned char final; BYTE vk, scan; } letters[] = {
		{ 'A', VK_UP, 0x48 },   { 'B', VK_DOWN, 0x50 }, { 'C', VK_RIGHT, 0x4D },
		{ 'D', VK_LEFT, 0x4B }, { 'H', VK_HOME, 0x47 }, { 'F', VK_END, 0x4F },
		{ 'P', VK_F1, 0x3B },   { 'Q', VK_F2, 0x3C },   { 'R', VK_F3, 0x3D },
		{ 'S', VK_F4, 0x3E },
	};
	/* ESC [ n ~ */
	static const struct { BYTE n, vk, scan; } tilde[] = {
		{ 1, VK_HOME, 0x47 },  { 2, VK_INSERT, 0x52 }, { 3, VK_DELETE, 0x53 },
		{ 4, VK_END, 0x4F },   { 5, VK_PRIOR, 0x49 },  { 6, VK_NEXT, 0x51 },
		{ 7, VK_HOME, 0x47 },  { 8, VK_END, 0x4F },    { 11, VK_F1, 0x3B },
		{ 12, VK_F2, 0x3C },   { 13, VK_F3, 0x3D },    { 14, VK_F4, 0x3E },
		{ 15, VK_F5, 0x3F },   { 17, VK_F6, 0x40 },    { 18, VK_F7, 0x41 },
		{ 19, VK_F8, 0x42 },   { 20, VK_F9, 0x43 },    { 21, VK_F10, 0x44 },
		{ 23, VK_F11, 0x57 },  { 24, VK_F12, 0x58 },
	};

	if (f == '~') {
		for (size_t i = 0; i < ARRAYSIZE(tilde); i++)
			if (tilde[i].n == n) {
				k->vk = tilde[i].vk;
				k->scan = tilde[i].scan;
				/* the editing keys are the enhanced (grey) ones */
				k->state = tilde[i].vk < VK_F1 ? ENHANCED_KEY : 0;
				return TRUE;
			}
		return FALSE;
	}
	for (size_t i = 0; i < ARRAYSIZE(letters); i++)
		if (letters[i].final == f) {
			k->vk = letters[i].vk;
			k->scan = letters[i].scan;
			k->state = letters[i].vk < VK_F1 ? ENHANCED_KEY : 0;
			return TRUE;
		}
	return FALSE;
}

/* ESC [ or ESC O at s (n bytes, s[0] the ESC): the bytes it takes, 0 when
 * it is not complete yet, -1 when it is no sequence. */
static int decode_sequence(const unsigned char *s, DWORD n, INPUT_RECORD *out, DWORD *count)
{
	unsigned num[2] = { 0, 0 }, nnum = 0;
	struct key k;
	DWORD i = 2;

	if (n < 3)
		return 0;
	for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';'); i++) {
		if (s[i] == ';') {
			if (++nnum > 1)
				return -1;
		} else if (num[nnum] < 1000) {
			num[nnum] = num[nnum] * 10 + (unsigned)(s[i] - '0');
		}
	}
	if (i == n)
		return i > 16 ? -1 : 0;
	if (s[i] < 0x40 || s[i] > 0x7E)
		return -1;
	/* ESC [ 1 ; m A: the first number is 1, the modifiers second */
	if (!sequence_key(s[i], s[i] == '~' ? num[0] : 1, &k))
		return -1;
	*count = press(out, k.vk, k.scan, 0,
		       k.state | vt_modifiers(nnum ? num[1] : s[i] == '~' ? 0 : num[0]));
	return (int)i + 1;
}

/* One UTF-8 character at s as the key events of its UTF-16 units. */
static int decode_utf8(const unsigned char *s, DWORD n, DWORD alt, INPUT_RECORD *out,
		       DWORD *count)
{
	int len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
	WCHAR w[2];
	ULONG got = 0;

	if ((DWORD)len > n)
		return 0;
	RtlUTF8ToUnicodeN(w, sizeof(w), &got, (const char *)s, (ULONG)len);
	*count = 0;
	for (ULONG i = 0; i < got / sizeof(WCHAR); i++)
		*count += press(out + *count, 0, 0, w[i], alt);
	return len;
}

int k32_console_decode_key(const unsigned char *s, DWORD n, BOOL complete, INPUT_RECORD *out,
			   DWORD *count)
{
	DWORD alt = 0;
	struct key k;
	int used, skip = 0;

	*count = 0;
	if (!n)
		return 0;
	if (s[0] == 0x1B) {
		if (n == 1)
			return complete ? (int)(*count = control_byte(0x1B, 0, out), 1) : 0;
		if (s[1] == '[' || s[1] == 'O') {
			used = decode_sequence(s, n, out, count);
			if (used > 0)
				return used;
			if (!used && !complete)
				return 0;
		}
		/* ESC then a key: Alt with it */
		alt = LEFT_ALT_PRESSED;
		skip = 1;
		s++;
		n--;
	}
	if (s[0] < 0x20 || s[0] == 0x7F)
		return (int)(*count = control_byte(s[0], alt, out), skip + 1);
	if (s[0] < 0x80) {
		if (!ascii_key(s[0], &k))
			return (int)(*count = press(out, 0, 0, s[0], alt), skip + 1);
		*count = press(out, k.vk, k.scan, s[0], k.state | alt);
		return skip + 1;
	}
	used = decode_utf8(s, n, alt, out, count);
	if (!used && complete) /* a cut-off character: drop its first byte */
		return skip + 1;
	return used ? skip + used : 0;
}
