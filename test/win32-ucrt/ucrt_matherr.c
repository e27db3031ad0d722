/* ucrtbase's math errors, rounding mode and streams.
 *
 * The legacy math functions tell the handler __setusermatherr installed
 * (struct _exception: type, name, arguments, result), which may replace
 * the result; returning nonzero keeps errno as it was.  The C99 ones
 * (exp2, log2, acosh...) set errno only.  An underflow sets no errno.
 *
 * Every stream's lock is the CRITICAL_SECTION at +0x30 of its FILE (the
 * UCRT's __crt_stdio_stream_data): _lock_file takes it, so another thread
 * cannot enter it while the stream is locked.  (Wine 8's ucrtbase keeps
 * msvcrt's layout, no lock there: the stream checks fail under it; the
 * math ones pass.)
 *
 * __fpe_flt_rounds is FLT_ROUNDS for the current rounding mode.  fopen's
 * "x" (after "w" only) creates exclusively: an existing file fails.
 *
 * The math functions are ucrtbase's, through GetProcAddress: mingw-w64
 * links its own exp, log, pow... into the program. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <math.h>
#include <float.h>
#include <windows.h>

void __cdecl __setusermatherr(int (__cdecl *)(struct _exception *));

static int checks, failed;

#define CHECK(c) do { checks++; printf("%s: %s\n", (c) ? "ok" : "FAILED", #c); \
	if (!(c)) failed++; } while (0)

typedef double (__cdecl *fn1)(double);
typedef double (__cdecl *fn2)(double, double);
typedef double (__cdecl *fnl)(double, long);

static HMODULE ucrt;
#define F1(name) ((fn1)GetProcAddress(ucrt, name))
#define F2(name) ((fn2)GetProcAddress(ucrt, name))
#define FL(name) ((fnl)GetProcAddress(ucrt, name))

static struct _exception seen;
static int calls, answer;

static int __cdecl handler(struct _exception *e)
{
	seen = *e;
	calls++;
	if (!strcmp(e->name, "acos"))
		e->retval = -1;
	return answer;
}

/* Evaluates expr, returns errno; *t is the handler's type, -1 if not called. */
#define RUN(expr, t) (errno = 0, calls = 0, (void)(expr), \
	*(t) = calls ? seen.type : -1, errno)

static void legacy_functions(void)
{
	volatile double two = 2, zero = 0, big = 1e100, minus = -1;
	int type;
	double r;

	CHECK(RUN(F1("acos")(two), &type) == EDOM && type == _DOMAIN);
	CHECK(!strcmp(seen.name, "acos") && seen.arg1 == 2);
	errno = 0;
	r = F1("acos")(two);
	CHECK(r == -1);                 /* the handler's result */
	CHECK(RUN(F1("log")(zero), &type) == ERANGE && type == _SING);
	CHECK(RUN(F1("log10")(minus), &type) == EDOM && type == _DOMAIN);
	CHECK(RUN(F1("sqrt")(minus), &type) == EDOM && type == _DOMAIN);
	CHECK(RUN(F1("exp")(big), &type) == ERANGE && type == _OVERFLOW);
	CHECK(RUN(F1("exp")(-big), &type) == 0 && type == _UNDERFLOW);
	CHECK(RUN(F2("pow")(zero, minus), &type) == ERANGE && type == _SING);
	CHECK(seen.arg1 == 0 && seen.arg2 == -1);
	CHECK(RUN(F2("pow")(minus, 1.5), &type) == EDOM && type == _DOMAIN);
	CHECK(RUN(FL("ldexp")(1, 100000), &type) == ERANGE && type == _OVERFLOW);
	CHECK(RUN(F1("sin")(INFINITY), &type) == EDOM && type == _DOMAIN);
	answer = 1;                     /* handled: errno stays */
	CHECK(RUN(F1("log")(zero), &type) == 0 && type == _SING);
	answer = 0;
}

static void c99_functions(void)
{
	volatile double big = 1e100, zero = 0;
	int type;

	CHECK(RUN(F1("exp2")(big), &type) == ERANGE && type == -1);
	CHECK(RUN(F1("exp2")(-big), &type) == 0 && type == -1);
	CHECK(RUN(F1("log2")(zero), &type) == ERANGE && type == -1);
	CHECK(RUN(F1("acosh")(zero), &type) == EDOM && type == -1);
	CHECK(RUN(F1("acos")(0.5), &type) == 0 && type == -1);
}

int __cdecl __fpe_flt_rounds(void);

static void rounding(void)
{
	unsigned old = _controlfp(0, 0);

	_controlfp(_RC_CHOP, _MCW_RC);
	CHECK(__fpe_flt_rounds() == 0);
	_controlfp(_RC_UP, _MCW_RC);
	CHECK(__fpe_flt_rounds() == 2);
	_controlfp(_RC_DOWN, _MCW_RC);
	CHECK(__fpe_flt_rounds() == 3);
	_controlfp(_RC_NEAR, _MCW_RC);
	CHECK(__fpe_flt_rounds() == 1);
	_controlfp(old, _MCW_RC);
}

static void exclusive_create(void)
{
	const char *path = "ucrt_x_mode.tmp";
	FILE *f;

	remove(path);
	f = fopen(path, "wx");
	CHECK(f != NULL);
	if (f)
		fclose(f);
	CHECK(fopen(path, "wx") == NULL && errno == EEXIST);
	f = fopen(path, "w+bx");
	CHECK(f == NULL);
	remove(path);
	f = fopen(path, "w+bx");
	CHECK(f != NULL);
	if (f)
		fclose(f);
	remove(path);
}

static DWORD WINAPI try_lock(void *cs)
{
	BOOL got = TryEnterCriticalSection(cs);

	if (got)
		LeaveCriticalSection(cs);
	return got;
}

static DWORD other_thread_gets(CRITICAL_SECTION *cs)
{
	HANDLE h = CreateThread(NULL, 0, try_lock, cs, 0, NULL);
	DWORD got = 2;

	WaitForSingleObject(h, 5000);
	GetExitCodeThread(h, &got);
	CloseHandle(h);
	return got;
}

static void stream_lock(FILE *f)
{
	CRITICAL_SECTION *cs = (CRITICAL_SECTION *)((char *)f + 0x30);

	CHECK(other_thread_gets(cs) == 1);
	_lock_file(f);
	CHECK(other_thread_gets(cs) == 0);
	_unlock_file(f);
	CHECK(other_thread_gets(cs) == 1);
}

int main(void)
{
	FILE *f;

	ucrt = GetModuleHandleA("ucrtbase.dll");
	if (!ucrt) {
		printf("ucrtbase.dll is not loaded\n");
		return 1;
	}
	__setusermatherr(handler);
	legacy_functions();
	c99_functions();
	rounding();
	exclusive_create();
	stream_lock(stdout);
	stream_lock(stderr);
	f = tmpfile();
	CHECK(f != NULL);
	if (f) {
		stream_lock(f);
		fclose(f);
	}
	printf("matherr: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
