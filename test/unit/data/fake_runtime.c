/* A stand-in for lsw-runtime in the host's start tests: it never hands
 * over a seccomp listener.  Built twice: HANG waits to be killed, otherwise
 * it exits at once with status 3 (a runtime that fails its setup). */
#include <unistd.h>

int main(void)
{
#ifdef HANG
	for (;;)
		pause();
#endif
	_exit(3);
}
