/*
 * BuildCommDCB(AndTimeouts): a serial port's settings from the text the
 * MODE command takes, into a DCB (and COMMTIMEOUTS).  Two forms, after
 * an optional device name ("COM1:", spaces allowed before and after the
 * colon):
 *   keywords  "baud=9600 parity=n data=8 stop=1 to=on xon=off odsr=off
 *             octs=off dtr=on rts=hs idsr=off" (any subset, any case, one
 *             or more spaces between, none around '='); only the members
 *             named change, but for the stop bits, which are one (two at
 *             110 baud) unless given;
 *   the old   "96,n,8,1[,x|p]": baud (two-digit abbreviations 11, 15,
 *             30, 60, 12, 24, 48, 96 and 19 stand for 110...19200),
 *             parity, data bits, stop bits, and XON/XOFF (x) or hardware
 *             (p) flow control, whose members it always sets.
 * Anything else fails with ERROR_INVALID_PARAMETER and changes nothing.
 */
#include "k32_private.h"

struct dcb_text {
	const WCHAR *p;
	DCB dcb;
	COMMTIMEOUTS to; /* "to=" without a COMMTIMEOUTS to fill is accepted */
};

static BOOL is_space(WCHAR c)
{
	return c == ' ' || c == '\t';
}

static void skip_spaces(struct dcb_text *t)
{
	while (is_space(*t->p))
		t->p++;
}

/* A decimal number that fits 32 bits. */
static BOOL read_number(struct dcb_text *t, DWORD *out)
{
	ULONGLONG v = 0;
	const WCHAR *start = t->p;

	for (; *t->p >= '0' && *t->p <= '9'; t->p++)
		if ((v = v * 10 + (*t->p - '0')) > 0xffffffffu)
			return FALSE;
	*out = (DWORD)v;
	return t->p != start;
}

/* The word at t->p, case-insensitively, when the text ends or one of
 * delims follows it (delims NULL: anything may follow). */
static BOOL take_word(struct dcb_text *t, const WCHAR *word, const WCHAR *delims)
{
	size_t n = lstrlenW(word);

	if (CompareStringOrdinal(t->p, (int)n, word, (int)n, TRUE) != CSTR_EQUAL)
		return FALSE;
	if (delims && t->p[n] && !wcschr(delims, t->p[n]))
		return FALSE;
	t->p += n;
	return TRUE;
}

/* One of words (NULL-terminated), its index in *which. */
static BOOL take_choice(struct dcb_text *t, const WCHAR *const *words, const WCHAR *delims, int *which)
{
	for (int i = 0; words[i]; i++)
		if (take_word(t, words[i], delims)) {
			*which = i;
			return TRUE;
		}
	return FALSE;
}

static const WCHAR *const parities[] = { L"n", L"o", L"e", L"m", L"s", NULL }; /* NOPARITY... */
static const WCHAR *const stops[] = { L"1.5", L"1", L"2", NULL };
static const BYTE stop_values[] = { ONE5STOPBITS, ONESTOPBIT, TWOSTOPBITS };

static BOOL read_data_bits(struct dcb_text *t)
{
	DWORD bits;

	if (!read_number(t, &bits) || bits < 5 || bits > 8)
		return FALSE;
	t->dcb.ByteSize = (BYTE)bits;
	return TRUE;
}

/* "on" / "off" (and more for dtr and rts) after a keyword's '='. */
static BOOL read_switch(struct dcb_text *t, const WCHAR *const *words, int *which)
{
	return take_choice(t, words, L" \t", which);
}

static BOOL parse_keywords(struct dcb_text *t)
{
	static const WCHAR *const on_off[] = { L"off", L"on", NULL };
	static const WCHAR *const dtr_modes[] = { L"off", L"on", L"hs", NULL }; /* DTR_CONTROL_* */
	static const WCHAR *const rts_modes[] = { L"off", L"on", L"hs", L"tg", NULL }; /* RTS_CONTROL_* */
	static const WCHAR *const keys[] = { L"baud=", L"parity=", L"data=", L"stop=", L"to=", L"xon=",
					     L"odsr=", L"octs=", L"dtr=", L"rts=", L"idsr=", NULL };
	BOOL stop_given = FALSE;
	int key, v;

	while (*t->p) {
		if (!take_choice(t, keys, NULL, &key))
			return FALSE;
		switch (key) {
		case 0: if (!read_number(t, &t->dcb.BaudRate)) return FALSE; break;
		case 1: if (!take_choice(t, parities, L" \t", &v)) return FALSE; t->dcb.Parity = (BYTE)v; break;
		case 2: if (!read_data_bits(t)) return FALSE; break;
		case 3:
			if (!take_choice(t, stops, L" \t", &v))
				return FALSE;
			t->dcb.StopBits = stop_values[v];
			stop_given = TRUE;
			break;
		case 4:
			if (!read_switch(t, on_off, &v))
				return FALSE;
			memset(&t->to, 0, sizeof(t->to));
			t->to.WriteTotalTimeoutConstant = v ? 60000 : 0; /* MODE's one minute */
			break;
		case 5: if (!read_switch(t, on_off, &v)) return FALSE; t->dcb.fOutX = t->dcb.fInX = v; break;
		case 6: if (!read_switch(t, on_off, &v)) return FALSE; t->dcb.fOutxDsrFlow = v; break;
		case 7: if (!read_switch(t, on_off, &v)) return FALSE; t->dcb.fOutxCtsFlow = v; break;
		case 8: if (!read_switch(t, dtr_modes, &v)) return FALSE; t->dcb.fDtrControl = v; break;
		case 9: if (!read_switch(t, rts_modes, &v)) return FALSE; t->dcb.fRtsControl = v; break;
		default: if (!read_switch(t, on_off, &v)) return FALSE; t->dcb.fDsrSensitivity = v; break;
		}
		if (*t->p && !is_space(*t->p))
			return FALSE;
		skip_spaces(t);
	}
	if (!stop_given)
		t->dcb.StopBits = t->dcb.BaudRate == 110 ? TWOSTOPBITS : ONESTOPBIT;
	return TRUE;
}

/* The old form's field separator: optional spaces, a comma, optional
 * spaces; FALSE at the end of the text (the field is then omitted). */
static BOOL next_field(struct dcb_text *t, BOOL *bad)
{
	skip_spaces(t);
	if (!*t->p)
		return FALSE;
	if (*t->p != ',') {
		*bad = TRUE;
		return FALSE;
	}
	t->p++;
	skip_spaces(t);
	return TRUE;
}

static BOOL parse_old_form(struct dcb_text *t)
{
	static const struct { DWORD abbr, baud; } abbreviations[] = {
		{ 11, 110 }, { 15, 150 }, { 30, 300 }, { 60, 600 }, { 12, 1200 },
		{ 24, 2400 }, { 48, 4800 }, { 96, 9600 }, { 19, 19200 },
	};
	static const WCHAR *const flows[] = { L"x", L"p", NULL };
	BOOL bad = FALSE, stop_given = FALSE;
	int v, flow = -1;

	if (!read_number(t, &t->dcb.BaudRate))
		return FALSE;
	for (size_t i = 0; i < ARRAYSIZE(abbreviations); i++)
		if (t->dcb.BaudRate == abbreviations[i].abbr)
			t->dcb.BaudRate = abbreviations[i].baud;
	if (next_field(t, &bad)) {
		if (!take_choice(t, parities, L" \t,", &v))
			return FALSE;
		t->dcb.Parity = (BYTE)v;
	}
	if (!bad && next_field(t, &bad) && !read_data_bits(t))
		return FALSE;
	if (!bad && next_field(t, &bad)) {
		if (!take_choice(t, stops, L" \t,", &v))
			return FALSE;
		t->dcb.StopBits = stop_values[v];
		stop_given = TRUE;
	}
	if (!stop_given)
		t->dcb.StopBits = t->dcb.BaudRate == 110 ? TWOSTOPBITS : ONESTOPBIT;
	if (!bad && next_field(t, &bad) && !take_choice(t, flows, L" \t", &flow))
		return FALSE;
	skip_spaces(t);
	if (bad || *t->p)
		return FALSE;
	t->dcb.fOutX = t->dcb.fInX = flow == 0;
	t->dcb.fOutxCtsFlow = t->dcb.fOutxDsrFlow = flow == 1;
	t->dcb.fDtrControl = flow == 1 ? DTR_CONTROL_HANDSHAKE : DTR_CONTROL_ENABLE;
	t->dcb.fRtsControl = flow == 1 ? RTS_CONTROL_HANDSHAKE : RTS_CONTROL_ENABLE;
	return TRUE;
}

/* "COMn" (n from 1), optional spaces, ':' and optional spaces. */
static BOOL skip_device(struct dcb_text *t)
{
	const WCHAR *p = t->p;
	DWORD n = 0;

	if (CompareStringOrdinal(p, 3, L"COM", 3, TRUE) != CSTR_EQUAL)
		return TRUE; /* no device named */
	t->p += 3;
	if (!read_number(t, &n) || !n)
		return FALSE;
	skip_spaces(t);
	if (*t->p++ != ':')
		return FALSE;
	skip_spaces(t);
	return TRUE;
}

static BOOL build(const WCHAR *text, DCB *dcb, COMMTIMEOUTS *timeouts)
{
	struct dcb_text t = { text };
	BOOL ok;

	if (!text || !dcb)
		return k32_error(ERROR_INVALID_PARAMETER);
	t.dcb = *dcb;
	if (timeouts)
		t.to = *timeouts;
	ok = skip_device(&t) && *t.p &&
	     (*t.p >= '0' && *t.p <= '9' ? parse_old_form(&t) : parse_keywords(&t));
	if (!ok)
		return k32_error(ERROR_INVALID_PARAMETER);
	*dcb = t.dcb;
	if (timeouts)
		*timeouts = t.to;
	return TRUE;
}

K32API BOOL WINAPI BuildCommDCBAndTimeoutsW(LPCWSTR text, LPDCB dcb, LPCOMMTIMEOUTS timeouts)
{
	return build(text, dcb, timeouts);
}

K32API BOOL WINAPI BuildCommDCBW(LPCWSTR text, LPDCB dcb)
{
	return build(text, dcb, NULL);
}

K32API BOOL WINAPI BuildCommDCBAndTimeoutsA(LPCSTR text, LPDCB dcb, LPCOMMTIMEOUTS timeouts)
{
	WCHAR wide[256];

	if (!text || !MultiByteToWideChar(CP_ACP, 0, text, -1, wide, ARRAYSIZE(wide)))
		return k32_error(ERROR_INVALID_PARAMETER);
	return build(wide, dcb, timeouts);
}

K32API BOOL WINAPI BuildCommDCBA(LPCSTR text, LPDCB dcb)
{
	return BuildCommDCBAndTimeoutsA(text, dcb, NULL);
}
