/* Native counterpart of fixtures/hello.c for the start-to-exit benchmark:
 * a dynamically linked glibc program printing one line. */
#include <stdio.h>

int main(void)
{
	printf("Hello from Linux, running natively!\n");
	return 0;
}
