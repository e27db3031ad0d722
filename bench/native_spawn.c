/* Native counterpart of fixtures/spawnbench.c: "native_spawn N" runs
 * itself as "native_spawn child" N times by fork+exec+wait (a dynamically
 * linked glibc program, as the child of a Windows CreateProcess is a full
 * PE with its DLLs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0, status;

	if (argc > 1 && !strcmp(argv[1], "child"))
		return 0;
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			execl("/proc/self/exe", argv[0], "child", (char *)NULL);
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0) {
			printf("child %d failed\n", i);
			return 1;
		}
	}
	printf("spawned %d\n", n);
	return 0;
}
