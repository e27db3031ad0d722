/*
 * Console I/O.  A console handle is one whose device type is
 * FILE_DEVICE_CONSOLE; its bytes go to and come from the host terminal,
 * which speaks UTF-8.  So:
 *   - WriteConsoleW converts UTF-16 to UTF-8;
 *   - WriteConsoleA converts from the console output code page (437 by
 *     default, as on an en-US Windows; 65001 after SetConsoleOutputCP)
 *     to UTF-8;
 *   - ReadConsoleW/A convert the terminal's UTF-8 the other way.
 * WriteFile/ReadFile on a console handle pass bytes through unchanged.
 * What is written is followed by the screen model (console_screen.c).
 * Console modes are kept here, per process: one for input handles (the
 * standard input, CONIN$), one for output handles.  VT sequences always
 * reach the terminal (ENABLE_VIRTUAL_TERMINAL_PROCESSING is accepted and
 * reported; the terminal interprets them either way).
 */
#include "k32_private.h"
#include "lsw/console_ioctl.h"
#include "console_priv.h"

#define DEFAULT_INPUT_MODE 0x1F7  /* processed, line, echo, mouse, insert, quick edit, ext, autopos */
#define DEFAULT_OUTPUT_MODE 0x3   /* processed output, wrap at EOL */
#define VALID_INPUT_MODES 0x3FF   /* ENABLE_PROCESSED_INPUT .. ENABLE_VIRTUAL_TERMINAL_INPUT */
#define VALID_OUTPUT_MODES 0x1F   /* ENABLE_PROCESSED_OUTPUT .. ENABLE_LVB_GRID_WORLDWIDE */

static UINT input_cp = 437, output_cp = 437;
static DWORD input_mode = DEFAULT_INPUT_MODE, output_mode = DEFAULT_OUTPUT_MODE;

BOOL k32_is_console(HANDLE h)
{
	DEVICE_TYPE t;

	return k32_device_type(h, &t) >= 0 && t == LSW_FILE_DEVICE_CONSOLE;
}

/* The standard input, or another console input handle (CONIN$). */
static BOOL is_input_handle(HANDLE h)
{
	IO_STATUS_BLOCK io;
	ULONG input = 0;

	if (h == lsw_params()->StandardInput)
		return TRUE;
	return NtDeviceIoControlFile(h, NULL, NULL, NULL, &io, IOCTL_LSW_CONSOLE_IS_INPUT, NULL, 0,
				     &input, sizeof(input)) >= 0 && input;
}

K32API BOOL WINAPI GetConsoleMode(HANDLE h, LPDWORD mode)
{
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	*mode = is_input_handle(h) ? input_mode : output_mode;
	return TRUE;
}

DWORD k32_console_input_mode(void)
{
	return input_mode;
}

DWORD k32_console_output_mode(void)
{
	return output_mode;
}

/* The terminal reads as the mode says: raw without ENABLE_LINE_INPUT. */
BOOL k32_console_terminal_mode(HANDLE h, DWORD mode)
{
	IO_STATUS_BLOCK io;
	NTSTATUS st = NtDeviceIoControlFile(h, NULL, NULL, NULL, &io, IOCTL_LSW_CONSOLE_INPUT_MODE,
					    &mode, sizeof(mode), NULL, 0);

	return st < 0 ? k32_fail(st) : TRUE;
}

ULONG k32_console_pending(HANDLE h)
{
	IO_STATUS_BLOCK io;
	ULONG pending = 0;

	if (NtDeviceIoControlFile(h, NULL, NULL, NULL, &io, IOCTL_LSW_CONSOLE_PENDING, NULL, 0,
				  &pending, sizeof(pending)) < 0)
		return 0;
	return pending;
}

K32API BOOL WINAPI SetConsoleMode(HANDLE h, DWORD mode)
{
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (mode & ~(is_input_handle(h) ? VALID_INPUT_MODES : VALID_OUTPUT_MODES))
		return k32_error(ERROR_INVALID_PARAMETER);
	/* echo needs line input (documented) */
	if (is_input_handle(h) && (mode & ENABLE_ECHO_INPUT) && !(mode & ENABLE_LINE_INPUT))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (is_input_handle(h) && mode != input_mode && !k32_console_terminal_mode(h, mode))
		return FALSE;
	if (is_input_handle(h))
		input_mode = mode;
	else
		output_mode = mode;
	return TRUE;
}

K32API UINT WINAPI GetConsoleCP(void)
{
	return input_cp;
}

K32API UINT WINAPI GetConsoleOutputCP(void)
{
	return output_cp;
}

static BOOL console_cp_ok(UINT cp)
{
	return cp == 437 || cp == 1252 || cp == CP_UTF8;
}

K32API BOOL WINAPI SetConsoleCP(UINT cp)
{
	if (!console_cp_ok(cp))
		return k32_error(ERROR_INVALID_PARAMETER);
	input_cp = cp;
	return TRUE;
}

K32API BOOL WINAPI SetConsoleOutputCP(UINT cp)
{
	if (!console_cp_ok(cp))
		return k32_error(ERROR_INVALID_PARAMETER);
	output_cp = cp;
	return TRUE;
}

/* Write all bytes to the console; FALSE with the error set on failure. */
BOOL k32_console_put(HANDLE h, const char *s, ULONG n)
{
	IO_STATUS_BLOCK io;
	NTSTATUS status;

	while (n) {
		status = NtWriteFile(h, NULL, NULL, NULL, &io, s, n, NULL, NULL);
		if (status == STATUS_PENDING) {
			NtWaitForSingleObject(h, FALSE, NULL);
			status = io.Status;
		}
		if (status < 0)
			return k32_fail(status);
		if (!io.Information)
			return k32_error(ERROR_WRITE_FAULT);
		s += io.Information;
		n -= (ULONG)io.Information;
	}
	return TRUE;
}

/* UTF-16 -> UTF-8 -> console, in chunks so no allocation is needed. */
BOOL k32_console_put_w(HANDLE h, const WCHAR *w, DWORD n)
{
	char buf[1024];
	ULONG done;

	while (n) {
		/* 256 units make at most 768 bytes; do not split a pair. */
		DWORD chunk = n > 256 ? 256 : n;
		if (chunk < n && w[chunk - 1] >= 0xD800 && w[chunk - 1] <= 0xDBFF)
			chunk--;
		RtlUnicodeToUTF8N(buf, sizeof(buf), &done, w, chunk * sizeof(WCHAR));
		if (!k32_console_put(h, buf, done))
			return FALSE;
		w += chunk;
		n -= chunk;
	}
	return TRUE;
}

K32API BOOL WINAPI WriteConsoleW(HANDLE h, const VOID *buf, DWORD n, LPDWORD written,
				 LPVOID reserved)
{
	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!k32_console_put_w(h, buf, n))
		return FALSE;
	k32_screen_track_w(h, buf, n);
	if (written)
		*written = n;
	return TRUE;
}

K32API BOOL WINAPI WriteConsoleA(HANDLE h, const VOID *buf, DWORD n, LPDWORD written,
				 LPVOID reserved)
{
	const char *s = buf;
	WCHAR w[256];
	DWORD left = n;
	ULONG done;

	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (output_cp == CP_UTF8) {
		if (!k32_console_put(h, s, n))
			return FALSE;
		k32_screen_track_utf8(h, s, n);
		left = 0;
	}
	while (left) {
		DWORD chunk = left > 256 ? 256 : left;
		if (output_cp == 437)
			RtlOemToUnicodeN(w, sizeof(w), &done, s, chunk);
		else
			RtlMultiByteToUnicodeN(w, sizeof(w), &done, s, chunk);
		if (!k32_console_put_w(h, w, chunk))
			return FALSE;
		k32_screen_track_w(h, w, chunk);
		s += chunk;
		left -= chunk;
	}
	if (written)
		*written = n;
	return TRUE;
}

/* Read up to n bytes of UTF-8 from the console. */
static BOOL console_read_bytes(HANDLE h, char *buf, DWORD n, DWORD *got)
{
	IO_STATUS_BLOCK io;
	NTSTATUS status = NtReadFile(h, NULL, NULL, NULL, &io, buf, n, NULL, NULL);

	if (status == STATUS_PENDING) {
		NtWaitForSingleObject(h, FALSE, NULL);
		status = io.Status;
	}
	*got = 0;
	if (status == STATUS_END_OF_FILE)
		return TRUE;
	if (status < 0)
		return k32_fail(status);
	*got = (DWORD)io.Information;
	return TRUE;
}

K32API BOOL WINAPI ReadConsoleW(HANDLE h, LPVOID buf, DWORD n, LPDWORD nread, PVOID control)
{
	char tmp[1024];
	DWORD got;
	ULONG done = 0;

	if (!k32_is_console(h))
		return k32_error(ERROR_INVALID_HANDLE);
	if (!(input_mode & ENABLE_LINE_INPUT)) {
		if (!k32_console_read_chars(h, buf, n, &got))
			return FALSE;
		if (nread)
			*nread = got;
		return TRUE;
	}
	/* n UTF-8 bytes never make more than n UTF-16 units. */
	if (!console_read_bytes(h, tmp, n < sizeof(tmp) ? n : sizeof(tmp), &got))
		return FALSE;
	RtlUTF8ToUnicodeN(buf, n * sizeof(WCHAR), &done, tmp, got);
	if (nread)
		*nread = done / sizeof(WCHAR);
	return TRUE;
}

K32API BOOL WINAPI ReadConsoleA(HANDLE h, LPVOID buf, DWORD n, LPDWORD nread, PVOID control)
{
	WCHAR w[1024];
	DWORD got = 0;
	ULONG done;

	if (input_cp == CP_UTF8 && (input_mode & ENABLE_LINE_INPUT)) {
		if (!k32_is_console(h))
			return k32_error(ERROR_INVALID_HANDLE);
		if (!console_read_bytes(h, buf, n, &got))
			return FALSE;
	} else if (input_cp == CP_UTF8) { /* keys: a character is up to 3 bytes */
		if (!ReadConsoleW(h, w, n / 3 ? (n / 3 < 1024 ? n / 3 : 1024) : 1, &got, NULL))
			return FALSE;
		RtlUnicodeToUTF8N(buf, n, &done, w, got * sizeof(WCHAR));
		got = done;
	} else {
		if (!ReadConsoleW(h, w, n < 1024 ? n : 1024, &got, NULL))
			return FALSE;
		if (input_cp == 437)
			RtlUnicodeToOemN(buf, got, &done, w, got * sizeof(WCHAR));
		else
			RtlUnicodeToMultiByteN(buf, got, &done, w, got * sizeof(WCHAR));
	}
	if (nread)
		*nread = got;
	return TRUE;
}
