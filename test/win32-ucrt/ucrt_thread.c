/* ucrtbase's threads: _beginthreadex and _beginthread keep the module of
 * their routine loaded while the thread runs (a DLL its loader frees
 * goes when the thread ends), and a NULL routine is an invalid parameter
 * (the handler runs, errno EINVAL, 0 or -1 back).  The routine is winmm's
 * timeGetTime (no arguments, returns at once), from a DLL nothing else
 * here loads.  That the DLL goes when the thread ends is not checked:
 * lsw's loader keeps a freed DLL mapped (under Wine the DLL goes). */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <process.h>
#include <windows.h>

static int checks, failed;

#define CHECK(c) do { checks++; printf("%s: %s\n", (c) ? "ok" : "FAILED", #c); \
	if (!(c)) failed++; } while (0)

static BOOL loaded(void)
{
	return GetModuleHandleA("winmm.dll") != NULL;
}

static void pinned_while_running(void)
{
	HMODULE dll = LoadLibraryA("winmm.dll");
	void *routine = dll ? (void *)GetProcAddress(dll, "timeGetTime") : NULL;
	uintptr_t h;

	CHECK(routine != NULL);
	if (!routine)
		return;
	h = _beginthreadex(NULL, 0, (unsigned (__stdcall *)(void *))routine, NULL,
			   CREATE_SUSPENDED, NULL);
	CHECK(h != 0);
	FreeLibrary(dll);
	CHECK(loaded());        /* the thread's reference */
	ResumeThread((HANDLE)h);
	CHECK(WaitForSingleObject((HANDLE)h, 5000) == WAIT_OBJECT_0);
	CloseHandle((HANDLE)h);
}

static int handler_calls;

static void handler(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
		    uintptr_t r)
{
	handler_calls++;
}

static void null_routine(void)
{
	_invalid_parameter_handler old = _set_invalid_parameter_handler(handler);

	errno = 0;
	CHECK(_beginthreadex(NULL, 0, NULL, NULL, 0, NULL) == 0 && errno == EINVAL);
	CHECK(handler_calls > 0);
	errno = 0;
	handler_calls = 0;
	CHECK(_beginthread(NULL, 0, NULL) == (uintptr_t)-1 && errno == EINVAL);
	CHECK(handler_calls > 0);
	_set_invalid_parameter_handler(old);
}

int main(void)
{
	CHECK(!loaded());
	pinned_while_running();
	null_routine();
	printf("%d checks, %d failed\n", checks, failed);
	return failed != 0;
}
