/* The C runtime's part that runs over kernel32 (heap, threads, files,
 * streams, the environment, exit), shared by msvcrt and ucrtbase; the
 * pure part is crt.h. */
#ifndef LSW_CRT_INTERNAL_H
#define LSW_CRT_INTERNAL_H

#include "crt.h"
#include "k32.h"

/* ---- per-thread state (errno lives here) ---- */
struct crt_thread {
    int err;
    unsigned long doserr;
    unsigned int rand_seed;
    char *strtok_next;
    wchar *wcstok_next;
    char strerror_buf[96];
    wchar wstrerror_buf[96];
    char time_buf[32];
    char cvt_buf[349];      /* _ecvt, _fcvt */
    wchar wtime_buf[32];
    int tm_buf[9];
    void *thread_handle;    /* _beginthread's: _endthread closes it */
    void *thread_module;    /* holds the routine's module while the thread runs */
    void *invalid_handler;  /* ucrtbase: the thread's invalid parameter handler */
    int per_thread_locale;  /* _configthreadlocale */
    void *terminate_handler;    /* ucrtbase: set_terminate */
    const struct crt_locinfo *ctype_locale;    /* a running _l conversion's locale */
};
struct crt_thread *crt_thread_data(void);
void crt_thread_detach(void);
void crt_dosmaperr(unsigned long winerr);   /* sets errno and _doserrno */

/* ---- locks ---- */
#define LOCK_EXIT 8
#define LOCK_LOCALE 12
#define LOCK_ENV 7
#define LOCK_HEAP 4
#define LOCK_IOB 1
#define LOCK_FD 11
#define LOCK_POPEN 9
#define LOCK_COUNT 36
void crt_lock_init(void);
CRTAPI void _lock(int);
CRTAPI void _unlock(int);

/* ---- heap ---- */
CRTAPI void *malloc(size_t);
CRTAPI void *calloc(size_t, size_t);
CRTAPI void *realloc(void *, size_t);
CRTAPI void free(void *);

/* ---- startup ---- */
extern CRTDATA char *_acmdln;
extern CRTDATA wchar *_wcmdln;
extern CRTDATA int _fmode;
extern CRTDATA char **_environ;
CRTAPI char *getenv(const char *);
CRTAPI wchar *_wgetenv(const wchar *);
CRTAPI char *setlocale(int, const char *);
extern CRTDATA char **__initenv;
extern CRTDATA wchar **__winitenv;
extern CRTDATA wchar **_wenviron;
void crt_env_init(void);
void crt_wenv_init(void);     /* builds _wenviron on first wide use */
void crt_args_init(void);
void crt_narrow_args(int expand_wildcards);
void crt_wide_args(int expand_wildcards);
extern CRTDATA int __argc;
extern CRTDATA char **__argv;
extern CRTDATA wchar **__wargv;
void crt_time_init(void);
void **crt_split_cmdline(const void *cmd, int wide, int *argc_out,
                         const unsigned char **quoted_out);
void **crt_expand_wildcards(void **argv, int *argc, const unsigned char *quoted,
                            int wide);

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
#define _O_SHORT_LIVED 0x1000
#define _O_SEQUENTIAL 0x0020
#define _O_RANDOM 0x0010
#define _S_IWRITE 0x0080
#define _S_IREAD 0x0100

#define FD_OPEN 0x01
#define FD_EOF 0x02
#define FD_PIPE 0x08
#define FD_NOINHERIT 0x10  /* _O_NOINHERIT: a child does not get it */
#define FD_APPEND 0x20
#define FD_DEV 0x40
#define FD_TEXT 0x80
#define FD_MAX 2048

/* One descriptor, in the layout of msvcrt.dll's ioinfo (56 bytes: the
 * handle, the flag byte, room for its lock), which programs read through
 * __pioinfo. */
struct fdinfo {
    HANDLE h;           /* INVALID_HANDLE_VALUE when closed */
    unsigned char flags;    /* FD_*, msvcrt's bits */
    unsigned char enc;  /* FD_ENC_*: a Unicode text mode's file encoding */
    short pending;      /* byte read ahead after a '\r' in text mode, or -1 */
    int reserved[11];
};
_Static_assert(sizeof(struct fdinfo) == 56, "msvcrt's ioinfo is 56 bytes");
#define FD_BLOCK 32     /* entries per __pioinfo block */
#define FD_ENC_NONE 0
#define FD_ENC_U16 1    /* UTF-16LE */
#define FD_ENC_U8 2     /* UTF-8 */
/* fd_unicode.c (the Unicode text modes) and the raw I/O it shares. */
int crt_unicode_write(struct fdinfo *f, const void *buf, unsigned n);
int crt_unicode_read(struct fdinfo *f, void *buf, unsigned n);
void crt_unicode_open(struct fdinfo *f, int oflag);
int crt_write_all(struct fdinfo *f, const char *p, size_t n, size_t *done);
int crt_read_raw(struct fdinfo *f, char *p, unsigned n);
void crt_fd_init(void);
struct fdinfo *crt_fd(int fd);   /* NULL (errno EBADF) if not open */
int crt_fd_alloc(HANDLE h, int flags);
int crt_umask(void);          /* _umask's bits */
struct fdinfo *crt_fd_slot(int fd);
/* fd's entry, open or not; NULL while its block was never used. */
const struct fdinfo *crt_fd_peek(int fd);
/* fd_inherit.c: the table a child gets (lpReserved2; malloc'd, its
 * size, 0: none), and taking the parent's over at start-up. */
unsigned crt_fd_block(unsigned char **out);
/* spawn.c: the command interpreter (%COMSPEC%, else cmd.exe along PATH)
 * into out (1024 chars); 0 when there is none. */
int crt_command_interpreter(char *out);
/* spawn_wide.c: a malloc'd copy in the ANSI code page (NULL: none). */
char *crt_wide_to_acp(const wchar *w);
void crt_fd_adopt(void);
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
#define STREAM_MAX 2048      /* _setmaxstdio's upper bound */
#define BUFSIZ 512
#define STREAM_BUFSIZ 4096

/* A stream with what FILE lacks: its lock at +0x30, where msvcrt keeps it
 * for the streams beyond _iob (_FILEX) and the UCRT for every stream, so
 * _lock_file and either DLL's functions given the other's FILE take the
 * same lock; and the raw file offset of its read buffer. */
struct crt_stream {
    FILE f;
    CRITICAL_SECTION lock;
    long long bufpos;
};
_Static_assert(__builtin_offsetof(struct crt_stream, lock) == 0x30, "the stream lock is at +0x30");

#ifdef CRT_UCRT
/* ucrtbase: the standard streams are whole crt_streams (no _iob export). */
extern struct crt_stream crt_std_streams[IOB_COUNT];
#define crt_iob(i) (&crt_std_streams[i].f)
#else
/* msvcrt: the exported _iob array of bare FILEs. */
extern CRTDATA FILE _iob[IOB_COUNT];
#define crt_iob(i) (&_iob[i])
#endif
int crt_iob_index(FILE *f);    /* f's place among the standard streams, or -1 */

void crt_stdio_init(void);
void crt_mbcp_init(void);     /* _setmbcp(_MB_CP_ANSI) */
#ifndef CRT_UCRT
void crt_version_init(void);  /* msvcrt's _osver, _winver, _winmajor, _winminor */
#endif
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
/* A text stream of bytes (not binary, not a Unicode text mode). */
int crt_stream_is_text(FILE *f);
int crt_parse_mode(const char *mode, int *oflag, int *sflag);
CRTAPI int fflush(FILE *);
CRTAPI int fclose(FILE *);
CRTAPI int fputc(int, FILE *);
CRTAPI int fgetc(FILE *);
CRTAPI int ungetc(int, FILE *);
CRTAPI size_t fwrite(const void *, size_t, size_t, FILE *);
CRTAPI int fputs(const char *, FILE *);
CRTAPI FILE *_wfopen(const wchar *, const wchar *);

/* ---- formatted I/O on streams ---- */
int file_sink_run(FILE *f, const void *fmt, int wide_fmt, unsigned opts,
                  va_list ap);
int crt_scan_file(FILE *f, const void *fmt, int wide, unsigned opts, va_list ap);

/* ---- time ---- */
struct crt_tm {     /* struct tm */
    int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday,
        tm_isdst;
};
#define CRT_MAX_TIME64 32535215999LL        /* 3000-12-31 23:59:59 UTC */
long long crt_now_100ns(void);
int crt_days_in_month(int year, int mon);
int crt_weekday(int year, int mon, int mday);
long long crt_tm_to_seconds(const struct crt_tm *tm);   /* fields normalised */
/* 1 in ucrtbase.dll, 0 in msvcrt.dll (each defines it): where the UCRT's
 * documented behaviour differs from msvcrt.dll's (asctime's day). */
extern const int crt_ucrt;
/* time_picture.c: %c %x %X %r and the names from a locale's time data. */
void crt_time_picture(void (*put)(void *, unsigned), void *ctx, const void *lc, int wide,
                      unsigned what, int alt, const struct crt_tm *tm);
void crt_seconds_to_tm(long long secs, struct crt_tm *tm);
void crt_tz_ensure(void);
int crt_is_dst(long long local, int year);
int crt_localtime(long long t, struct crt_tm *tm);      /* 0 or EINVAL */
extern CRTDATA long _timezone, _dstbias;
extern CRTDATA int _daylight;
extern CRTDATA char *_tzname[2];

/* ---- console ---- */
int crt_console_printf(const void *fmt, int wide, unsigned opts, va_list ap);

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
