/*
 * _popen, _wpopen and _pclose: the command runs under the command
 * interpreter ("%COMSPEC%" /c command) with its standard output (mode
 * "r") or input ("w") one end of a pipe; the caller reads or writes the
 * other end as a stream, and _pclose closes it, waits for the
 * interpreter and gives its exit code.  Our end of the pipe is never
 * inheritable, so the child cannot hold it open (its end of the data
 * would never come).  Without an interpreter _popen fails with ENOENT,
 * as system() does.
 */
#include "crt_internal.h"

K32 BOOL CreatePipe(HANDLE *, HANDLE *, void *, DWORD);
K32 BOOL SetHandleInformation(HANDLE, DWORD, DWORD);
CRTAPI char *strchr(const char *, int);
CRTAPI FILE *_fdopen(int, const char *);
CRTAPI int _open_osfhandle(intptr_t, int);

#define MAX_POPEN 64
#define NAME_CHARS 1024
#define HANDLE_FLAG_INHERIT 1
#define STARTF_USESTDHANDLES 0x100
#define STD_INPUT_HANDLE ((DWORD)-10)
#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define STD_ERROR_HANDLE ((DWORD)-12)

/* The process each open stream waits for at _pclose. */
static struct { FILE *stream; HANDLE process; } popened[MAX_POPEN];

/* Starts the interpreter on command with child_end as its standard
 * output (reading) or input; the process, NULL with errno set. */
static HANDLE start(const char *command, int reading, HANDLE child_end)
{
    char shell[NAME_CHARS], *cmd;
    size_t ns, nc;
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    BOOL ok;

    if (!crt_command_interpreter(shell)) {
        crt_set_errno(ENOENT);
        return NULL;
    }
    ns = strlen(shell);
    nc = strlen(command);
    if (!(cmd = malloc(ns + nc + 8))) {
        crt_set_errno(ENOMEM);
        return NULL;
    }
    cmd[0] = '"'; /* "shell" /c command */
    memcpy(cmd + 1, shell, ns);
    memcpy(cmd + 1 + ns, "\" /c ", 5);
    memcpy(cmd + 6 + ns, command, nc + 1);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = reading ? GetStdHandle(STD_INPUT_HANDLE) : child_end;
    si.hStdOutput = reading ? child_end : GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    ok = CreateProcessA(shell, cmd, NULL, NULL, 1, 0, NULL, NULL, &si, &pi);
    free(cmd);
    if (!ok) {
        crt_dosmaperr(GetLastError());
        return NULL;
    }
    CloseHandle(pi.hThread);
    return pi.hProcess;
}

/* The stream over our end of the pipe, or NULL (the end is closed). */
static FILE *stream_of(HANDLE ours, int reading, const char *mode)
{
    int binary = strchr(mode, 'b') != NULL;
    int fd = _open_osfhandle((intptr_t)ours, binary ? 0 : _O_TEXT);
    FILE *f;

    if (fd < 0) {
        CloseHandle(ours);
        return NULL;
    }
    crt_fd_slot(fd)->flags |= FD_NOINHERIT; /* a child must not get it */
    if (!(f = _fdopen(fd, reading ? (binary ? "rb" : "r") : (binary ? "wb" : "w"))))
        _close(fd);
    return f;
}

static int free_slot(void)
{
    for (int i = 0; i < MAX_POPEN; i++)
        if (!popened[i].stream)
            return i;
    return -1;
}

CRTAPI FILE *_popen(const char *command, const char *mode)
{
    int reading = mode && mode[0] == 'r', slot;
    HANDLE r, w, process;
    FILE *f;

    if (!command || !mode || (mode[0] != 'r' && mode[0] != 'w')) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return NULL;
    }
    _lock(LOCK_POPEN);
    if ((slot = free_slot()) < 0) {
        _unlock(LOCK_POPEN);
        crt_set_errno(EMFILE);
        return NULL;
    }
    if (!CreatePipe(&r, &w, NULL, 0)) { /* neither end inheritable yet */
        _unlock(LOCK_POPEN);
        crt_dosmaperr(GetLastError());
        return NULL;
    }
    SetHandleInformation(reading ? w : r, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    process = start(command, reading, reading ? w : r);
    CloseHandle(reading ? w : r); /* the child has its end now */
    f = process ? stream_of(reading ? r : w, reading, mode) : NULL;
    if (!process)
        CloseHandle(reading ? r : w);
    if (f) {
        popened[slot].stream = f;
        popened[slot].process = process;
    } else if (process) {
        CloseHandle(process);
    }
    _unlock(LOCK_POPEN);
    return f;
}

CRTAPI FILE *_wpopen(const wchar *command, const wchar *mode)
{
    char *c = crt_wide_to_acp(command), *m = crt_wide_to_acp(mode);
    FILE *f = NULL;

    if (command && mode && (!c || !m))
        crt_set_errno(ENOMEM);
    else
        f = _popen(c, m);
    free(c);
    free(m);
    return f;
}

CRTAPI int _pclose(FILE *f)
{
    HANDLE process = NULL;
    DWORD code = 0;

    _lock(LOCK_POPEN);
    for (int i = 0; f && i < MAX_POPEN; i++)
        if (popened[i].stream == f) {
            process = popened[i].process;
            popened[i].stream = NULL;
        }
    _unlock(LOCK_POPEN);
    if (!process) { /* NULL is an invalid parameter; another stream not ours */
        crt_set_errno(f ? EBADF : EINVAL);
        return -1;
    }
    fclose(f); /* the child sees the end of its input, or a broken pipe */
    WaitForSingleObject(process, INFINITE);
    GetExitCodeProcess(process, &code);
    CloseHandle(process);
    return (int)code;
}
