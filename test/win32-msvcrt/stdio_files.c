/* Streams and descriptors on files: text/binary translation, Ctrl-Z,
 * seeking and ftell in text mode, ungetc, fgets, append, errno. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <io.h>
#include <fcntl.h>
#include <stdlib.h>

static void dump_raw(const char *name)
{
    FILE *f = fopen(name, "rb");
    int c, n = 0;

    printf("raw %s:", name);
    while (f && (c = fgetc(f)) != EOF && n++ < 64)
        printf(" %02x", c);
    printf("\n");
    if (f)
        fclose(f);
}

static void text_write_read(void)
{
    FILE *f = fopen("t1.txt", "w");
    char line[64];

    fprintf(f, "one\ntwo\r\nthree");
    fputc('\n', f);
    fputs("four\n", f);
    fclose(f);
    dump_raw("t1.txt");
    f = fopen("t1.txt", "r");
    while (fgets(line, sizeof(line), f)) {
        printf("line len=%d ftell=%ld:", (int)strlen(line), ftell(f));
        for (char *p = line; *p; p++)
            printf(" %02x", (unsigned char)*p);
        printf("\n");
    }
    printf("feof=%d ferror=%d\n", !!feof(f), !!ferror(f));
    fclose(f);
}

static void ctrl_z(void)
{
    FILE *f = fopen("t2.txt", "wb");
    char buf[32];
    int n;

    fwrite("ab\r\ncd\x1a" "ef", 1, 9, f);
    fclose(f);
    f = fopen("t2.txt", "rt");
    n = (int)fread(buf, 1, sizeof(buf), f);
    printf("text read %d:", n);
    for (int i = 0; i < n; i++)
        printf(" %02x", (unsigned char)buf[i]);
    printf(" eof=%d\n", !!feof(f));
    fclose(f);
    f = fopen("t2.txt", "rb");
    n = (int)fread(buf, 1, sizeof(buf), f);
    printf("binary read %d\n", n);
    fclose(f);
}

static void seeking(void)
{
    FILE *f = fopen("t3.bin", "w+b");
    char buf[8] = { 0 };
    int c, d, e;

    for (int i = 0; i < 100; i++)
        fputc('A' + i % 26, f);
    printf("ftell after write %ld\n", ftell(f));
    fseek(f, 10, SEEK_SET);
    c = fgetc(f);
    printf("getc %c ftell %ld\n", c, ftell(f));
    fseek(f, -5, SEEK_END);
    fread(buf, 1, 3, f);
    printf("read [%s] ftell %ld\n", buf, ftell(f));
    fseek(f, 2, SEEK_CUR);
    printf("getc %c\n", fgetc(f));
    c = fgetc(f);
    printf("getc at end %d feof %d\n", c, !!feof(f));
    rewind(f);
    fgetc(f);
    printf("ungetc %c ", ungetc('z', f));
    c = fgetc(f);
    d = fgetc(f);
    printf("-> %c %c ftell %ld\n", c, d, ftell(f));
    fseek(f, 0, SEEK_SET);
    fputs("xy", f);
    fseek(f, 0, SEEK_SET);
    c = fgetc(f);
    d = fgetc(f);
    e = fgetc(f);
    printf("after overwrite %c%c%c\n", c, d, e);
    fclose(f);
}

static void append_mode(void)
{
    FILE *f = fopen("t4.txt", "w");
    fputs("start\n", f);
    fclose(f);
    f = fopen("t4.txt", "a");
    fputs("more\n", f);
    fclose(f);
    f = fopen("t4.txt", "a+");
    fseek(f, 0, SEEK_SET);
    fputs("end\n", f);
    fseek(f, 0, SEEK_SET);
    printf("a+ first char %c\n", fgetc(f));
    fclose(f);
    dump_raw("t4.txt");
}

static void descriptors(void)
{
    int fd = _open("t5.txt", _O_CREAT | _O_TRUNC | _O_WRONLY | _O_TEXT, 0666);
    char buf[32];
    int n;

    printf("_open fd>=3 %d\n", fd >= 3);
    printf("_write %d\n", _write(fd, "a\nb\n", 4));
    printf("_setmode %x\n", _setmode(fd, _O_BINARY));
    _setmode(fd, _O_U8TEXT);
    printf("_setmode after U8TEXT %x", _setmode(fd, _O_U16TEXT));
    printf(", after U16TEXT %x\n", _setmode(fd, _O_BINARY));
    printf("_write %d\n", _write(fd, "c\n", 2));
    _close(fd);
    dump_raw("t5.txt");
    fd = _open("t5.txt", _O_RDONLY | _O_BINARY);
    n = _read(fd, buf, sizeof(buf));
    printf("_read binary %d", n);
    printf(", _lseek end %ld", _lseek(fd, 0, SEEK_END));
    printf(", _eof %d\n", _eof(fd));
    _close(fd);
    errno = 0;
    n = _close(fd);
    printf("_close bad %d errno %d\n", n, errno);
    n = _open("nope/missing.txt", _O_RDONLY);
    printf("_open missing %d errno %d\n", n, errno);
    errno = 0;
    n = fopen("missing.txt", "r") != NULL;
    printf("fopen missing %d errno %d\n", n, errno);
    n = fopen("t5.txt", "q") != NULL;
    printf("fopen bad mode %d errno %d\n", n, errno);
    n = rename("t5.txt", "t6.txt");
    printf("rename %d", n);
    n = remove("t6.txt");
    printf(" remove %d", n);
    n = remove("t6.txt");
    printf(" remove again %d errno %d\n", n, errno);
    printf("isatty(file) %d\n", _isatty(_fileno(stdin)) >= 0);
}

int main(void)
{
    text_write_read();
    ctrl_z();
    seeking();
    append_mode();
    descriptors();
    remove("t1.txt"); remove("t2.txt"); remove("t3.bin"); remove("t4.txt");
    printf("stdout text: a\n");
    return 0;
}
