/* argv splitting by the Microsoft C runtime rules.  The parent runs
 * itself with raw command lines (CreateProcessA) and the child prints the
 * argv it got from __getmainargs. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

static const char *lines[] = {
    "child a b c",
    "child \"a b\" c",
    "child a\\\\b c\\d",
    "child \"a\\\"b\"",
    "child a\\\\\\\"b",
    "child a\\\\\\\\\"b c\" d",
    "child \"\"",
    "child \"a\"\"b\" c",
    "child \"a\"\"\"b\"",
    "child a\"b c\"d e",
    "child   lead   trail   ",
    "child \ttab\targ",
    "child \"unterminated arg",
    "child ab\"\"c",
    "child \\\\server\\share\\ \"x\\\\\"",
    "\"quoted prog\" x",
    "\"quoted\\\"prog\" y",
};

static void run(const char *self, const char *line)
{
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[512];

    /* argv[0] of the child is whatever the line starts with; the image
     * comes from the first CreateProcess argument. */
    strcpy(cmd, line);
    printf("line: %s\n", line);
    fflush(stdout);
    if (!CreateProcessA(self, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        printf("CreateProcess failed %lu\n", GetLastError());
        return;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
}

int main(int argc, char **argv)
{
    char self[MAX_PATH];

    if (argc == 1 || strcmp(argv[1], "--parent")) {
        printf("  argc=%d", argc);
        for (int i = 0; i < argc; i++)
            printf(" [%s]", argv[i]);
        printf("\n");
        return 0;
    }
    GetModuleFileNameA(NULL, self, sizeof(self));
    for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
        run(self, lines[i]);
    return 0;
}
