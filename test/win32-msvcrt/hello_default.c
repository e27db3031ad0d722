/* A program built with mingw-w64's default settings (its own printf on
 * top of our fwrite/fputc, startup through __getmainargs and _initterm,
 * getenv, stdin). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    char line[128];

    printf("hello, world %d %s\n", argc, argc > 1 ? argv[1] : "-");
    printf("float %.3f %e\n", 3.14159, 12345.678);
    printf("HOME-like var set: %d\n", getenv("LSW_TEST_VAR") != NULL);
    fprintf(stderr, "stderr line\n");
    while (fgets(line, sizeof(line), stdin)) {
        line[strcspn(line, "\n")] = 0;
        printf("got [%s]\n", line);
    }
    puts("bye");
    return 3;
}
