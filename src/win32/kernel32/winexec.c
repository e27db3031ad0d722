/*
 * WinExec and LoadModule, the 16-bit era's ways to start a program, over
 * CreateProcess.  Both return a value above 31 on success, else an error
 * from their documented list: 0 (out of resources), ERROR_FILE_NOT_FOUND,
 * ERROR_PATH_NOT_FOUND or ERROR_BAD_FORMAT.
 */
#include "k32_private.h"

#define STARTED 33

static DWORD old_style_error(void)
{
	DWORD e = GetLastError();

	if (e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND || e == ERROR_BAD_FORMAT)
		return e;
	return e == ERROR_BAD_EXE_FORMAT ? ERROR_BAD_FORMAT : 0;
}

/* Starts cmdline (modified in place by CreateProcess) with show. */
static DWORD start(LPCSTR app, LPSTR cmdline, UINT show, LPVOID env)
{
	STARTUPINFOA si = { .cb = sizeof(si), .dwFlags = STARTF_USESHOWWINDOW,
			    .wShowWindow = (WORD)show };
	PROCESS_INFORMATION pi;

	if (!CreateProcessA(app, cmdline, NULL, NULL, FALSE, 0, env, NULL, &si, &pi))
		return old_style_error();
	CloseHandle(pi.hThread);
	CloseHandle(pi.hProcess);
	return STARTED;
}

K32API UINT WINAPI WinExec(LPCSTR cmdline, UINT show)
{
	SIZE_T n;
	char *copy;
	UINT r;

	if (!cmdline)
		return ERROR_FILE_NOT_FOUND;
	n = strlen(cmdline) + 1;
	if (!(copy = RtlAllocateHeap(k32_heap(), 0, n)))
		return 0;
	memcpy(copy, cmdline, n);
	r = start(NULL, copy, show, NULL);
	RtlFreeHeap(k32_heap(), 0, copy);
	return r;
}

/* LOADPARMS32 (winbase.h's, which mingw-w64 lacks): the environment,
 * the command tail as a counted string (length byte, text), and the show
 * command as the second of two WORDs (the first must be 2). */
typedef struct {
	LPSTR lpEnvAddress;
	LPSTR lpCmdLine;
	LPSTR lpCmdShow;
	DWORD dwReserved;
} LOADPARMS32;

K32API DWORD WINAPI LoadModule(LPCSTR module, LPVOID params_v)
{
	LOADPARMS32 *params = params_v;
	const BYTE *tail = params ? (const BYTE *)params->lpCmdLine : NULL;
	const WORD *show = params ? (const WORD *)params->lpCmdShow : NULL;
	SIZE_T mlen, tlen = tail ? tail[0] : 0;
	char *cmd;
	DWORD r;

	if (!module || !params)
		return ERROR_FILE_NOT_FOUND;
	mlen = strlen(module);
	if (!(cmd = RtlAllocateHeap(k32_heap(), 0, mlen + tlen + 4)))
		return 0;
	/* the module quoted, as the command line's first word */
	cmd[0] = '"';
	memcpy(cmd + 1, module, mlen);
	cmd[mlen + 1] = '"';
	cmd[mlen + 2] = ' ';
	if (tlen)
		memcpy(cmd + mlen + 3, tail + 1, tlen);
	cmd[mlen + 3 + tlen] = 0;
	r = start(module, cmd, show && show[0] == 2 ? show[1] : SW_SHOWNORMAL, params->lpEnvAddress);
	RtlFreeHeap(k32_heap(), 0, cmd);
	return r;
}
