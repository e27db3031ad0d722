/*
 * The console input buffer: INPUT_RECORDs decoded from the terminal's
 * bytes (console_keys.c) and kept here, per process, until read.
 * ReadConsoleInput waits for one; PeekConsoleInput and
 * GetNumberOfConsoleInputEvents take only what the terminal already has.
 * A change of the terminal's size is a WINDOW_BUFFER_SIZE_EVENT (with
 * ENABLE_WINDOW_INPUT), noticed when the buffer is looked at or a read
 * of the terminal returns (a wait for a key is not woken by a resize).  With
 * ENABLE_VIRTUAL_TERMINAL_INPUT the bytes are not decoded: each character
 * is a key-down with it and no key, as Windows gives VT input.
 */
#include "k32_private.h"
#include "console_priv.h"

#define QUEUE_MAX 512
/* How long an ESC alone waits for the rest of a sequence. */
#define ESC_WAIT_MS 30

static INPUT_RECORD queue[QUEUE_MAX];
static DWORD queued;
static unsigned char partial[32]; /* bytes of a key not complete yet */
static DWORD npartial;
static COORD last_size;
static RTL_SRWLOCK lock = RTL_SRWLOCK_INIT;

static void push(const INPUT_RECORD *r, DWORD n)
{
	for (DWORD i = 0; i < n && queued < QUEUE_MAX; i++)
		queue[queued++] = r[i];
}

static void check_resize(HANDLE in)
{
	HANDLE out = lsw_params()->StandardOutput;
	INPUT_RECORD r = { WINDOW_BUFFER_SIZE_EVENT };
	COORD size;

	if (!k32_console_size(k32_is_console(out) ? out : in, &size))
		return;
	if (last_size.X && (size.X != last_size.X || size.Y != last_size.Y) &&
	    (k32_console_input_mode() & ENABLE_WINDOW_INPUT)) {
		r.Event.WindowBufferSizeEvent.dwSize = size;
		push(&r, 1);
	}
	last_size = size;
}

/* Each UTF-8 character of the partial bytes as a bare key-down. */
static void push_vt_input(BOOL complete)
{
	INPUT_RECORD r = { KEY_EVENT };
	WCHAR w[32];
	ULONG got = 0, take = npartial;

	/* leave a cut-off UTF-8 character for the next read */
	if (!complete) {
		DWORD i = npartial;
		while (i > 0 && (partial[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > 0 && partial[i - 1] >= 0xC0) {
			DWORD need = partial[i - 1] >= 0xF0 ? 4 : partial[i - 1] >= 0xE0 ? 3 : 2;
			if (npartial - (i - 1) < need)
				take = i - 1;
		}
	}
	RtlUTF8ToUnicodeN(w, sizeof(w), &got, (const char *)partial, take);
	r.Event.KeyEvent.bKeyDown = TRUE;
	r.Event.KeyEvent.wRepeatCount = 1;
	for (ULONG i = 0; i < got / sizeof(WCHAR); i++) {
		r.Event.KeyEvent.uChar.UnicodeChar = w[i];
		push(&r, 1);
	}
	memmove(partial, partial + take, npartial - take);
	npartial -= take;
}

/* The complete keys of the partial bytes into the queue. */
static void decode_partial(BOOL complete)
{
	INPUT_RECORD r[16];
	DWORD count, done = 0;
	int used;

	if (k32_console_input_mode() & ENABLE_VIRTUAL_TERMINAL_INPUT) {
		push_vt_input(complete);
		return;
	}
	while (done < npartial &&
	       (used = k32_console_decode_key(partial + done, npartial - done, complete, r,
					      &count)) > 0) {
		push(r, count);
		done += (DWORD)used;
	}
	memmove(partial, partial + done, npartial - done);
	npartial -= done;
}

/* Reads what the terminal has (waiting for a byte when wait) and decodes
 * it; FALSE with the error set when the read fails. */
static BOOL fill(HANDLE in, BOOL wait)
{
	IO_STATUS_BLOCK io;
	LARGE_INTEGER pause;
	NTSTATUS st;
	ULONG room = sizeof(partial) - npartial, pending = k32_console_pending(in);

	if (!pending && !wait) {
		if (npartial) { /* an ESC that nothing followed: Escape */
			pause.QuadPart = -(LONGLONG)ESC_WAIT_MS * 10000;
			NtDelayExecution(FALSE, &pause);
			if (!k32_console_pending(in))
				decode_partial(TRUE);
		}
		if (!k32_console_pending(in))
			return TRUE;
	}
	if (pending && pending < room)
		room = pending;
	st = NtReadFile(in, NULL, NULL, NULL, &io, partial + npartial, room, NULL, NULL);
	if (st == STATUS_PENDING) {
		NtWaitForSingleObject(in, FALSE, NULL);
		st = io.Status;
	}
	if (st < 0)
		return k32_fail(st);
	check_resize(in); /* a resize while the read waited comes first */
	npartial += (DWORD)io.Information;
	decode_partial(FALSE);
	return TRUE;
}

static BOOL input_handle_ok(HANDLE h, void *buf, DWORD *count)
{
	if (!buf || !count)
		return k32_error(ERROR_INVALID_ACCESS);
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	return TRUE;
}

/* Copies (and with take, removes) up to n queued records, in the A form
 * converting characters to the console input code page. */
static DWORD take_records(INPUT_RECORD *out, DWORD n, BOOL take, BOOL ansi)
{
	DWORD got = n < queued ? n : queued;

	memcpy(out, queue, got * sizeof(*out));
	if (take) {
		memmove(queue, queue + got, (queued - got) * sizeof(*queue));
		queued -= got;
	}
	for (DWORD i = 0; ansi && i < got; i++)
		if (out[i].EventType == KEY_EVENT) {
			WCHAR w = out[i].Event.KeyEvent.uChar.UnicodeChar;
			CHAR a = 0;

			WideCharToMultiByte(GetConsoleCP(), 0, &w, 1, &a, 1, NULL, NULL);
			out[i].Event.KeyEvent.uChar.UnicodeChar = 0;
			out[i].Event.KeyEvent.uChar.AsciiChar = a;
		}
	return got;
}

static BOOL read_input(HANDLE h, INPUT_RECORD *buf, DWORD n, DWORD *nread, BOOL wait,
		       BOOL ansi)
{
	DWORD mode = k32_console_input_mode();
	BOOL ok = TRUE, line;

	if (!input_handle_ok(h, buf, nread))
		return FALSE;
	RtlAcquireSRWLockExclusive(&lock);
	check_resize(h);
	if (!queued)
		ok = fill(h, FALSE);
	/* keys come one by one whatever the mode (it is ReadConsole's): a
	 * terminal in line mode is raw while ReadConsoleInput waits */
	line = wait && !queued && n && (mode & ENABLE_LINE_INPUT) &&
	       k32_console_terminal_mode(h, mode & ~(ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT));
	while (ok && wait && !queued && n)
		ok = fill(h, TRUE) && (queued || fill(h, FALSE));
	if (line)
		k32_console_terminal_mode(h, mode);
	*nread = ok ? take_records(buf, n, wait, ansi) : 0;
	RtlReleaseSRWLockExclusive(&lock);
	return ok;
}

K32API BOOL WINAPI ReadConsoleInputW(HANDLE h, PINPUT_RECORD buf, DWORD n, LPDWORD nread)
{
	return read_input(h, buf, n, nread, TRUE, FALSE);
}

K32API BOOL WINAPI ReadConsoleInputA(HANDLE h, PINPUT_RECORD buf, DWORD n, LPDWORD nread)
{
	return read_input(h, buf, n, nread, TRUE, TRUE);
}

K32API BOOL WINAPI PeekConsoleInputW(HANDLE h, PINPUT_RECORD buf, DWORD n, LPDWORD nread)
{
	return read_input(h, buf, n, nread, FALSE, FALSE);
}

K32API BOOL WINAPI PeekConsoleInputA(HANDLE h, PINPUT_RECORD buf, DWORD n, LPDWORD nread)
{
	return read_input(h, buf, n, nread, FALSE, TRUE);
}

K32API BOOL WINAPI FlushConsoleInputBuffer(HANDLE h)
{
	char drain[256];
	IO_STATUS_BLOCK io;
	ULONG pending;

	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	RtlAcquireSRWLockExclusive(&lock);
	queued = npartial = 0;
	while ((pending = k32_console_pending(h)) > 0 &&
	       NtReadFile(h, NULL, NULL, NULL, &io, drain,
			  pending < sizeof(drain) ? pending : sizeof(drain), NULL, NULL) >= 0)
		;
	RtlReleaseSRWLockExclusive(&lock);
	return TRUE;
}

/* Records queued, and in line mode the bytes the terminal holds (a line
 * is read whole by ReadConsole, not decoded here). */
K32API BOOL WINAPI GetNumberOfConsoleInputEvents(HANDLE h, LPDWORD count)
{
	BOOL ok = TRUE;

	if (!count)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	RtlAcquireSRWLockExclusive(&lock);
	check_resize(h);
	if (k32_console_input_mode() & ENABLE_LINE_INPUT) {
		*count = queued + k32_console_pending(h);
	} else {
		ok = fill(h, FALSE);
		*count = queued;
	}
	RtlReleaseSRWLockExclusive(&lock);
	return ok;
}

/* ReadConsole without ENABLE_LINE_INPUT: the characters of the keys
 * pressed, at least one (keys without one, as the arrows, give none;
 * with ENABLE_VIRTUAL_TERMINAL_INPUT their sequences are characters). */
BOOL k32_console_read_chars(HANDLE h, WCHAR *buf, DWORD n, DWORD *got)
{
	BOOL ok = TRUE;
	DWORD i, out = 0;

	RtlAcquireSRWLockExclusive(&lock);
	while (ok && !out && n) {
		if (!queued)
			ok = fill(h, TRUE) && (queued || fill(h, FALSE));
		for (i = 0; i < queued && out < n; i++) {
			const KEY_EVENT_RECORD *k = &queue[i].Event.KeyEvent;

			if (queue[i].EventType == KEY_EVENT && k->bKeyDown && k->uChar.UnicodeChar)
				buf[out++] = k->uChar.UnicodeChar;
		}
		memmove(queue, queue + i, (queued - i) * sizeof(*queue));
		queued -= i;
	}
	RtlReleaseSRWLockExclusive(&lock);
	*got = out;
	return ok;
}
