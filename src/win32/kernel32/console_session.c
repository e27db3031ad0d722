/*
 * The process and its console as a whole: the title (kept here, shown on
 * the terminal as OSC 0, the way Windows' pseudo-console passes it on),
 * attaching and detaching, and what has no counterpart on a terminal:
 * there is no console window (GetConsoleWindow is NULL, as for a process
 * without a console window).  Every process of a run shares the one
 * terminal; a process is attached to it until FreeConsole.
 */
#include "k32_private.h"
#include "console_priv.h"

#define TITLE_MAX 1024 /* characters */

static WCHAR title[TITLE_MAX + 1];
static BOOL title_set;
static BOOL detached;

/* The title a console starts with: STARTUPINFO's, else the image's path. */
static const WCHAR *current_title(void)
{
	const UNICODE_STRING *t = &lsw_params()->WindowTitle;
	DWORD n;

	if (!title_set) {
		if (!t->Length)
			t = &lsw_params()->ImagePathName;
		n = t->Length / sizeof(WCHAR) < TITLE_MAX ? t->Length / sizeof(WCHAR) : TITLE_MAX;
		memcpy(title, t->Buffer, n * sizeof(WCHAR));
		title[n] = 0;
		title_set = TRUE;
	}
	return title;
}

static HANDLE console_output(void)
{
	HANDLE out = lsw_params()->StandardOutput, err = lsw_params()->StandardError;

	return k32_is_console(out) ? out : k32_is_console(err) ? err : NULL;
}

K32API BOOL WINAPI SetConsoleTitleW(LPCWSTR s)
{
	static const WCHAR osc[] = L"\x1b]0;";
	HANDLE out;
	DWORD n = 0;

	if (detached)
		return k32_error(ERROR_INVALID_HANDLE);
	if (!s)
		return k32_error(ERROR_INVALID_ACCESS);
	while (s[n] && n < TITLE_MAX)
		n++;
	memcpy(title, s, n * sizeof(WCHAR));
	title[n] = 0;
	title_set = TRUE;
	/* the terminal's title: control characters would end the OSC */
	if ((out = console_output()) != NULL) {
		WCHAR shown[TITLE_MAX + 8];
		DWORD len = ARRAYSIZE(osc) - 1;

		memcpy(shown, osc, len * sizeof(WCHAR));
		for (DWORD i = 0; i < n; i++)
			shown[len++] = title[i] < 0x20 || title[i] == 0x7F ? ' ' : title[i];
		shown[len++] = 0x07;
		if (!k32_console_put_w(out, shown, len))
			return FALSE;
	}
	return TRUE;
}

K32API BOOL WINAPI SetConsoleTitleA(LPCSTR s)
{
	WCHAR w[TITLE_MAX + 1];
	int n;

	if (!s)
		return k32_error(ERROR_INVALID_ACCESS);
	n = MultiByteToWideChar(GetConsoleOutputCP(), 0, s, -1, w, TITLE_MAX);
	w[n > 0 ? n - 1 : 0] = 0;
	if (n == 0)
		w[TITLE_MAX] = 0;
	return SetConsoleTitleW(w);
}

/* The title into buf (size characters, cut to fit, always ended); the
 * title's length, 0 with the error set on failure. */
K32API DWORD WINAPI GetConsoleTitleW(LPWSTR buf, DWORD size)
{
	const WCHAR *t;
	DWORD n = 0;

	if (detached)
		return k32_error(ERROR_INVALID_HANDLE), 0;
	if (!buf)
		return k32_error(ERROR_INVALID_ACCESS), 0;
	t = current_title();
	while (t[n])
		n++;
	if (!size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER), 0;
	memcpy(buf, t, (n < size ? n : size - 1) * sizeof(WCHAR));
	buf[n < size ? n : size - 1] = 0;
	return n;
}

K32API DWORD WINAPI GetConsoleTitleA(LPSTR buf, DWORD size)
{
	int n;

	if (detached)
		return k32_error(ERROR_INVALID_HANDLE), 0;
	if (!buf)
		return k32_error(ERROR_INVALID_ACCESS), 0;
	if (!size)
		return k32_error(ERROR_INSUFFICIENT_BUFFER), 0;
	n = WideCharToMultiByte(GetConsoleOutputCP(), 0, current_title(), -1, buf, (int)size,
				NULL, NULL);
	if (n > 0)
		return (DWORD)n - 1;
	buf[size - 1] = 0; /* cut to fit */
	return (DWORD)lstrlenA(buf);
}

K32API HWND WINAPI GetConsoleWindow(void)
{
	return NULL; /* a terminal is no window of ours */
}

/* The processes attached to the console: this program's own knowledge is
 * itself. */
K32API DWORD WINAPI GetConsoleProcessList(LPDWORD list, DWORD count)
{
	if (!list || !count)
		return k32_error(ERROR_INVALID_PARAMETER), 0;
	if (detached)
		return k32_error(ERROR_INVALID_HANDLE), 0;
	list[0] = GetCurrentProcessId();
	return 1;
}

K32API BOOL WINAPI FreeConsole(void)
{
	detached = TRUE;
	return TRUE;
}

/* Attached again: the standard handles become the console's. */
static BOOL reattach(void)
{
	HANDLE in = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
				NULL, OPEN_EXISTING, 0, NULL);
	HANDLE out = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE,
				 FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);

	if (in == INVALID_HANDLE_VALUE || out == INVALID_HANDLE_VALUE) {
		if (in != INVALID_HANDLE_VALUE)
			CloseHandle(in);
		if (out != INVALID_HANDLE_VALUE)
			CloseHandle(out);
		return FALSE;
	}
	SetStdHandle(STD_INPUT_HANDLE, in);
	SetStdHandle(STD_OUTPUT_HANDLE, out);
	SetStdHandle(STD_ERROR_HANDLE, out);
	detached = FALSE;
	return TRUE;
}

K32API BOOL WINAPI AllocConsole(void)
{
	if (!detached)
		return k32_error(ERROR_ACCESS_DENIED);
	return reattach();
}

/* ATTACH_PARENT_PROCESS or a process id: all share the run's terminal. */
K32API BOOL WINAPI AttachConsole(DWORD pid)
{
	HANDLE p;

	if (!detached)
		return k32_error(ERROR_ACCESS_DENIED);
	if (pid != ATTACH_PARENT_PROCESS) {
		p = OpenProcess(SYNCHRONIZE, FALSE, pid);
		if (!p)
			return k32_error(ERROR_INVALID_PARAMETER);
		CloseHandle(p);
	}
	return reattach();
}
