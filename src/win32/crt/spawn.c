/*
 * _spawn*, _exec*, _cwait and system, over CreateProcessA.
 *
 * As the Microsoft C runtime does: the command line is the arguments
 * joined by spaces (not quoted: the caller quotes what needs it); a name
 * without extension is tried with .com, .exe, .bat and .cmd in that
 * order; the p forms search PATH for a name without a directory; the e
 * forms give the child an environment block made of envp; handles are
 * inherited.  _exec* is a spawn whose caller then exits (Windows has no
 * exec).  system() runs %COMSPEC% /c (or cmd.exe from PATH); without a
 * command interpreter it fails the documented way: system(NULL) is 0 and
 * system(cmd) is -1, errno ENOENT.
 */
#include "crt_internal.h"
#include "spawn_list.h"

CRTAPI char *strcpy(char *, const char *);
CRTAPI char *strpbrk(const char *, const char *);
CRTAPI size_t strcspn(const char *, const char *);

#define P_WAIT 0
#define P_NOWAIT 1

#define P_NOWAITO 3
#define P_DETACH 4
#define NAME_MAX_CHARS 1024
#define CREATE_DETACHED 0x8

static const char *const extensions[] = { ".com", ".exe", ".bat", ".cmd" };

static int exists(const char *path)
{
    DWORD a = GetFileAttributesA(path);

    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

/* name, or name + one of the extensions when it has none, into out. */
static int resolve_extension(const char *name, char *out)
{
    const char *base = name;
    size_t n = strlen(name);

    for (const char *p = name; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            base = p + 1;
    if (n + 5 > NAME_MAX_CHARS)
        return 0;
    strcpy(out, name);
    if (strchr(base, '.'))
        return exists(out);
    for (size_t i = 0; i < sizeof(extensions) / sizeof(*extensions); i++) {
        strcpy(out + n, extensions[i]);
        if (exists(out))
            return 1;
    }
    return 0;
}

/* The file to run: as named, else (p forms, no directory) along PATH. */
static int find_program(const char *name, int search, char *out)
{
    char cand[NAME_MAX_CHARS];
    const char *dirs;

    if (resolve_extension(name, out))
        return 1;
    if (!search || strpbrk(name, "\\/:") || !(dirs = getenv("PATH")))
        return 0;
    while (*dirs) {
        size_t n = strcspn(dirs, ";");

        if (n && n + strlen(name) + 2 < sizeof(cand)) {
            memcpy(cand, dirs, n);
            cand[n] = '\\';
            strcpy(cand + n + 1, name);
            if (resolve_extension(cand, out))
                return 1;
        }
        dirs += n + (dirs[n] == ';');
    }
    return 0;
}

/* Joins strings with sep (' ' for arguments, '\0' for an environment
 * block, which ends with one more '\0'); malloc'd. */
static char *join(const char *const *v, char sep)
{
    size_t len = 2;
    char *s, *o;

    for (const char *const *p = v; *p; p++)
        len += strlen(*p) + 1;
    if (!(s = o = malloc(len)))
        return NULL;
    for (const char *const *p = v; *p; p++) {
        size_t n = strlen(*p);

        memcpy(o, *p, n);
        o += n;
        *o++ = sep;
    }
    if (o > s && sep == ' ')
        o--;
    *o++ = 0;
    if (sep == 0)
        *o++ = 0;
    return s;
}

/* Starts file with command line cmd; what mode asks for. */
static intptr_t launch(int mode, const char *file, char *cmd, char *env)
{
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    DWORD code;

    unsigned char *fds;
    BOOL ok;

    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.cbReserved2 = (unsigned short)crt_fd_block(&fds);
    si.lpReserved2 = fds;
    ok = CreateProcessA(file, cmd, NULL, NULL, 1, mode == P_DETACH ? CREATE_DETACHED : 0, env,
                        NULL, &si, &pi);
    free(fds);
    if (!ok) {
        crt_dosmaperr(GetLastError());
        return -1;
    }
    CloseHandle(pi.hThread);
    switch (mode) {
    case P_WAIT:
        WaitForSingleObject(pi.hProcess, INFINITE);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        return (intptr_t)(int)code;
    case P_OVERLAY:
        _exit(0);
    case P_DETACH:
        CloseHandle(pi.hProcess);
        return 0;
    }
    return (intptr_t)pi.hProcess; /* P_NOWAIT, P_NOWAITO */
}

static intptr_t spawn(int mode, const char *name, const char *const *argv,
                      const char *const *envp, int search)
{
    char file[NAME_MAX_CHARS], *cmd, *env = NULL;
    intptr_t r;

    if (!name || !argv || !argv[0] || !*name || mode < P_WAIT || mode > P_DETACH) {
        crt_invalid_parameter();
        crt_set_errno(EINVAL);
        return -1;
    }
    if (!find_program(name, search, file)) {
        crt_set_errno(ENOENT);
        return -1;
    }
    if (!(cmd = join(argv, ' ')) || (envp && !(env = join(envp, 0)))) {
        free(cmd);
        crt_set_errno(ENOMEM);
        return -1;
    }
    r = launch(mode, file, cmd, env);
    free(cmd);
    free(env);
    return r;
}

CRTAPI intptr_t _spawnv(int mode, const char *name, const char *const *argv)
{
    return spawn(mode, name, argv, NULL, 0);
}

CRTAPI intptr_t _spawnve(int mode, const char *name, const char *const *argv,
                         const char *const *envp)
{
    return spawn(mode, name, argv, envp, 0);
}

CRTAPI intptr_t _spawnvp(int mode, const char *name, const char *const *argv)
{
    return spawn(mode, name, argv, NULL, 1);
}

CRTAPI intptr_t _spawnvpe(int mode, const char *name, const char *const *argv,
                          const char *const *envp)
{
    return spawn(mode, name, argv, envp, 1);
}

SPAWN_LIST_COLLECTOR(spawn_list, char, spawn)
SPAWN_LIST_EXPORT(_spawnl, char, spawn_list, 0, 0)
SPAWN_LIST_EXPORT(_spawnle, char, spawn_list, 1, 0)
SPAWN_LIST_EXPORT(_spawnlp, char, spawn_list, 0, 1)
SPAWN_LIST_EXPORT(_spawnlpe, char, spawn_list, 1, 1)
EXEC_LIST_EXPORT(_execl, char, spawn_list, 0, 0)
EXEC_LIST_EXPORT(_execle, char, spawn_list, 1, 0)
EXEC_LIST_EXPORT(_execlp, char, spawn_list, 0, 1)
EXEC_LIST_EXPORT(_execlpe, char, spawn_list, 1, 1)

CRTAPI intptr_t _execv(const char *name, const char *const *argv)
{
    return spawn(P_OVERLAY, name, argv, NULL, 0);
}

CRTAPI intptr_t _execve(const char *name, const char *const *argv, const char *const *envp)
{
    return spawn(P_OVERLAY, name, argv, envp, 0);
}

CRTAPI intptr_t _execvp(const char *name, const char *const *argv)
{
    return spawn(P_OVERLAY, name, argv, NULL, 1);
}

CRTAPI intptr_t _execvpe(const char *name, const char *const *argv, const char *const *envp)
{
    return spawn(P_OVERLAY, name, argv, envp, 1);
}

/* Waits for the process a _spawn with P_NOWAIT returned; its exit code. */
CRTAPI intptr_t _cwait(int *status, intptr_t process, int action)
{
    DWORD code;

    (void)action; /* _WAIT_CHILD and _WAIT_GRANDCHILD wait alike */
    if (WaitForSingleObject((HANDLE)process, INFINITE) != 0 ||
        !GetExitCodeProcess((HANDLE)process, &code)) {
        crt_set_errno(GetLastError() == ERROR_INVALID_HANDLE ? ECHILD : EINVAL);
        return -1;
    }
    if (status)
        *status = (int)code;
    CloseHandle((HANDLE)process);
    return process;
}

int crt_command_interpreter(char *out)
{
    const char *comspec = getenv("COMSPEC");

    if (comspec && strlen(comspec) < NAME_MAX_CHARS && exists(comspec)) {
        strcpy(out, comspec);
        return 1;
    }
    return find_program("cmd.exe", 1, out);
}

CRTAPI int system(const char *command)
{
    char shell[NAME_MAX_CHARS];
    const char *argv[] = { shell, "/c", command, NULL };

    if (!crt_command_interpreter(shell)) {
        crt_set_errno(ENOENT);
        return command ? -1 : 0;
    }
    if (!command)
        return 1;
    return (int)spawn(P_WAIT, shell, argv, NULL, 0);
}
