/* Fixture for test_pe: a small real mingw-w64 executable with imports,
 * one export, base relocations and TLS callbacks (from the CRT). */
#include <stdio.h>

__declspec(dllexport) int tiny_export(int x)
{
	return x + 1;
}

int main(void)
{
	printf("tiny %d\n", tiny_export(41));
	return 0;
}
