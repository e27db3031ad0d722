/* Private declarations shared by the msvcrt sources.  We cannot include
 * mingw's <stdio.h> and friends: they declare these same functions
 * dllimport.  Layouts and constants follow the public msvcrt headers. */
#ifndef LSW_MSVCRT_INTERNAL_H
#define LSW_MSVCRT_INTERNAL_H

#include <stdint.h>
#include <stdarg.h>
#include <limits.h>
#include "k32.h"

/* What a DLL exports is its spec's business (the .def made from it): the
 * shared sources mark exported functions and data only for the reader. */
#define CRTAPI
#define CRTDATA

typedef unsigned short wchar;   /* wchar_t is 16-bit on Windows */
typedef unsigned short wint;

#define EOF (-1)
#define WEOF ((wint)0xFFFF)

/* errno values, as in the public <errno.h> */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EDEADLK 36
#define ENAMETOOLONG 38
#define ENOLCK 39
#define ENOSYS 40
#define ENOTEMPTY 41
#define EILSEQ 42

/* ---- per-thread state (errno lives here) ---- */
struct crt_thread {
    int err;
    unsigned long doserr;
    unsigned int rand_seed;
    char *strtok_next;
    wchar *wcstok_next;
    char strerror_buf[96];
    char time_buf[32];
    int tm_buf[9];
    void *thread_handle;    /* _beginthread's: _endthread closes it */
    void *invalid_handler;  /* ucrtbase: the thread's invalid parameter handler */
};
struct crt_thread *crt_thread_data(void);
void crt_thread_detach(void);
void crt_set_errno(int e);
/* An invalid argument to a function that documents the invalid parameter
 * handler: each DLL decides what that does (msvcrt: the handler, if the
 * program set one; ucrtbase: the handler or the end of the process). */
void crt_invalid_parameter(void);
void crt_dosmaperr(unsigned long winerr);   /* sets errno and _doserrno */

/* ---- locks ---- */
#define LOCK_EXIT 8
#define LOCK_ENV 7
#define LOCK_HEAP 4
#define LOCK_IOB 1
#define LOCK_FD 11
#define LOCK_COUNT 36
void crt_lock_init(void);
CRTAPI void _lock(int);
CRTAPI void _unlock(int);

/* ---- heap ---- */
CRTAPI void *malloc(size_t);
CRTAPI void *calloc(size_t, size_t);
CRTAPI void *realloc(void *, size_t);
CRTAPI void free(void *);

/* ---- strings ---- */
CRTAPI void *memcpy(void *, const void *, size_t);
CRTAPI void *memmove(void *, const void *, size_t);
CRTAPI void *memset(void *, int, size_t);
CRTAPI int memcmp(const void *, const void *, size_t);
CRTAPI void *memchr(const void *, int, size_t);
CRTAPI size_t strlen(const char *);
CRTAPI int strcmp(const char *, const char *);
CRTAPI int strncmp(const char *, const char *, size_t);
CRTAPI char *strchr(const char *, int);
CRTAPI int _strnicmp(const char *, const char *, size_t);
CRTAPI size_t wcslen(const wchar *);
CRTAPI wchar *wcschr(const wchar *, wchar);
CRTAPI int _wcsnicmp(const wchar *, const wchar *, size_t);
CRTAPI wint towlower(wint);
CRTAPI wint towupper(wint);
CRTAPI int tolower(int);
CRTAPI int toupper(int);
CRTAPI int isspace(int);
CRTAPI int isdigit(int);
CRTAPI int iswspace(wint);

/* ---- startup ---- */
extern CRTDATA char *_acmdln;
extern CRTDATA wchar *_wcmdln;
extern CRTDATA int _fmode;
extern CRTDATA char **_environ;
extern CRTDATA char **__initenv;
extern CRTDATA wchar **__winitenv;
extern CRTDATA wchar **_wenviron;
void crt_env_init(void);
void crt_args_init(void);
void crt_narrow_args(void);
void crt_wide_args(void);
extern CRTDATA int __argc;
extern CRTDATA char **__argv;
extern CRTDATA wchar **__wargv;
void crt_time_init(void);
void **crt_split_cmdline(const void *cmd, int wide, int *argc_out);
void crt_ctype_init(void);

/* ---- low-level I/O (fd layer) ---- */
#define _O_RDONLY 0x0000
#define _O_WRONLY 0x0001
#define _O_RDWR 0x0002
#define _O_APPEND 0x0008
#define _O_CREAT 0x0100
#define _O_TRUNC 0x0200
#define _O_EXCL 0x0400
#define _O_TEXT 0x4000
#define _O_BINARY 0x8000
#define _O_WTEXT 0x10000
#define _O_U16TEXT 0x20000
#define _O_U8TEXT 0x40000
#define _O_NOINHERIT 0x0080
#define _O_TEMPORARY 0x0040
#define _S_IWRITE 0x0080

#define FD_OPEN 0x01
#define FD_EOF 0x02
#define FD_PIPE 0x08
#define FD_APPEND 0x20
#define FD_DEV 0x40
#define FD_TEXT 0x80
#define FD_MAX 2048

struct fdinfo {
    HANDLE h;
    unsigned char flags;
    short pending;      /* byte read ahead after a '\r' in text mode, or -1 */
};
void crt_fd_init(void);
struct fdinfo *crt_fd(int fd);   /* NULL (errno EBADF) if not open */
int crt_fd_alloc(HANDLE h, int flags);
struct fdinfo *crt_fd_slot(int fd);
CRTAPI int _write(int, const void *, unsigned int);
CRTAPI int _read(int, void *, unsigned int);
CRTAPI int _close(int);
CRTAPI long long _lseeki64(int, long long, int);
CRTAPI int _open(const char *, int, ...);
CRTAPI int _wopen(const wchar *, int, ...);

/* ---- stdio ---- */
typedef struct _iobuf {
    char *_ptr;
    int _cnt;
    char *_base;
    int _flag;
    int _file;
    int _charbuf;
    int _bufsiz;
    char *_tmpfname;
} FILE;

#define _IOREAD 0x0001
#define _IOWRT 0x0002
#define _IOFBF 0x0000
#define _IONBF 0x0004
#define _IOMYBUF 0x0008
#define _IOEOF 0x0010
#define _IOERR 0x0020
#define _IOLBF 0x0040
#define _IOSTRG 0x0040
#define _IORW 0x0080
#define _IOYOURBUF 0x0100
/* Our private bits, above everything the public headers define. */
#define _IOLINE 0x10000     /* flush on '\n' (console stdout) */
#define _IOINUSE 0x20000    /* slot allocated */
#define _IOREADING 0x40000  /* buffer holds read-ahead data */
#define _IOWRITING 0x80000  /* buffer holds unwritten data */
#define _IOCANREAD(f) ((f)->_flag & (_IOREAD | _IORW))
#define _IOCANWRITE(f) ((f)->_flag & (_IOWRT | _IORW))

#define IOB_COUNT 20
#define STREAM_MAX 512
#define BUFSIZ 512
#define STREAM_BUFSIZ 4096
extern CRTDATA FILE _iob[IOB_COUNT];

void crt_stdio_init(void);
void crt_stdio_flush_all(void);
void crt_lock_file(FILE *);
void crt_unlock_file(FILE *);
FILE *crt_stream_alloc(void);
void crt_stream_release(FILE *);
int crt_stream_foreach(int (*fn)(FILE *));
long long *crt_stream_bufpos(FILE *f);
int crt_fill_locked(FILE *f);
int crt_ensure_buf(FILE *f);
int crt_start_write(FILE *f);
int crt_start_read(FILE *f);
long long ftell_locked_pos(FILE *f);
long long _lseeki64_quiet(int fd);
int crt_flush_locked(FILE *);
int crt_fputc_locked(int c, FILE *);
int crt_fgetc_locked(FILE *);
size_t crt_fwrite_locked(const void *, size_t, FILE *);
int crt_parse_mode(const char *mode, int *oflag, int *sflag);
CRTAPI int fflush(FILE *);
CRTAPI int fclose(FILE *);
CRTAPI int fputc(int, FILE *);
CRTAPI int fgetc(FILE *);
CRTAPI int ungetc(int, FILE *);
CRTAPI size_t fwrite(const void *, size_t, size_t, FILE *);
CRTAPI int fputs(const char *, FILE *);

/* ---- formatted output ---- */
/* How the engine formats, where the runtimes differ.  0 is msvcrt.dll's
 * way; the UCRT's __stdio_common_* callers pick their options from the
 * caller's _CRT_INTERNAL_PRINTF_* bits (ucrtbase/stdio_common.c). */
#define FMTO_EXP2 0x01          /* exponents of at least 2 digits, not 3 */
#define FMTO_C99_SPECIAL 0x02   /* "inf", "nan", "-nan(ind)", not "1.#INF" */
#define FMTO_ROUND_EVEN 0x04    /* exact decimal ties round to even */
#define FMTO_WIDE_STD 0x08      /* wide format: %s %c narrow, as C says */
#define FMTO_COUNT_N 0x10       /* %n stores the count (else refused) */
#define FMTO_NO_N 0x20          /* %n is an invalid parameter (UCRT) */

struct fmt_out {
    /* Receives narrow text (narrow sink) or is asked to widen it. */
    int (*put)(struct fmt_out *, const char *, size_t);
    int (*putw)(struct fmt_out *, const wchar *, size_t);
    size_t total;       /* characters produced, including truncated ones */
    int error;
    unsigned opts;      /* FMTO_* */
};
int fmt_core(struct fmt_out *o, const void *fmt, int wide_fmt, va_list ap);
/* Float conversion: writes the text of `v` formatted per conv into buf. */
struct fmt_spec {
    int flags;
    int width;
    int prec;           /* -1 if none */
    char conv;
    unsigned opts;      /* the engine's FMTO_* */
};
#define FMT_LEFT 0x01
#define FMT_PLUS 0x02
#define FMT_SPACE 0x04
#define FMT_ALT 0x08
#define FMT_ZERO 0x10
int fmt_float(char *buf, size_t cap, double v, const struct fmt_spec *s);
#define FMT_FLOAT_BUF 1600

/* ---- big integers for exact float conversion ---- */
#define BIG_WORDS 160    /* 5120 bits: strtod divides 800-digit numbers */
struct big {
    int n;               /* words in use */
    uint32_t w[BIG_WORDS];
};
void big_set(struct big *b, uint64_t v);
void big_mul_small(struct big *b, uint32_t m);
void big_add_small(struct big *b, uint32_t a);
uint32_t big_div_small(struct big *b, uint32_t d);
void big_shl(struct big *b, int bits);
int big_cmp(const struct big *a, const struct big *b);
void big_sub(struct big *a, const struct big *b);   /* a -= b, a >= b */
int big_bits(const struct big *b);
int big_is_zero(const struct big *b);

/* ---- conversions ---- */
double crt_strtod(const char *s, char **end, int *range_err);
int crt_wide_to_narrow(char *dst, wchar c);   /* C locale; -1 if unmappable */

/* ---- formatted input ---- */
/* Options, as for printf: 0 is msvcrt's way. */
#define SCANO_SECURE 0x01       /* scanf_s: %c %s %[ take a buffer size */
#define SCANO_WIDE_STD 0x02     /* wide format: %s %c narrow, as C says */

struct scan_in {
    int (*get)(struct scan_in *);   /* next char or EOF */
    void (*unget)(struct scan_in *, int c);
    void *ctx;
    const unsigned char *s;         /* string sources */
    const wchar *ws;
    int wide;                       /* source yields wide chars */
    size_t consumed;
    size_t left;                    /* string sources: characters left */
    unsigned opts;                  /* SCANO_* */
};
int scan_core(struct scan_in *in, const void *fmt, int wide_fmt, va_list ap);
/* A string source of at most n characters ((size_t)-1: up to its NUL). */
int crt_scan_string(const void *s, size_t n, int wide, unsigned opts,
                    const void *fmt, va_list ap);
int crt_scan_file(FILE *f, const void *fmt, int wide, unsigned opts, va_list ap);

/* ---- signals ---- */
int crt_signal_filter(unsigned long code, void *pointers);
int crt_signal_has_handler(int sig);

/* ---- exit ---- */
typedef int (*onexit_t)(void);
struct onexit_table {   /* the UCRT's _onexit_table_t */
    onexit_t *first, *last, *end;
};
int crt_onexit_register(struct onexit_table *t, onexit_t fn);
void crt_onexit_execute(struct onexit_table *t);
void crt_run_exit_handlers(void);
extern void (*crt_exit_hook)(void);   /* runs before the atexit table */
void crt_assert_message(const char *expr, const char *file, unsigned line);
void crt_wassert_message(const wchar *expr, const wchar *file, unsigned line);
__attribute__((noreturn)) void crt_fastfail(unsigned code);
CRTAPI __attribute__((noreturn)) void abort(void);
CRTAPI __attribute__((noreturn)) void _exit(int);

#endif
