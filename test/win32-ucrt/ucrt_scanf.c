/* ucrtbase's sscanf where it differs from msvcrt's: "0." is a number; an
 * input that ends inside a number's exponent or inside "infinity" is an
 * input failure (EOF), not a short match; %p takes a 0x prefix; there is
 * no %P.  (Wine 8 fails the %p and %P checks; its own tests mark them
 * as Windows behaviour it lacks.) */
#include <stdio.h>

static int checks, failed;

#define CHECK(c) do { checks++; printf("%s: %s\n", (c) ? "ok" : "FAILED", #c); \
	if (!(c)) failed++; } while (0)

int main(void)
{
	double d = -1;
	void *p = NULL;
	int n = -1;

	CHECK(sscanf("0.", "%lf%n", &d, &n) == 1 && d == 0 && n == 2);
	CHECK(sscanf("0.5x", "%lf%n", &d, &n) == 1 && d == 0.5 && n == 3);
	CHECK(sscanf("1e", "%lf", &d) == EOF);
	CHECK(sscanf("1e+", "%lf", &d) == EOF);
	CHECK(sscanf("1e5", "%lf", &d) == 1 && d == 1e5);
	CHECK(sscanf("infi", "%lf", &d) == EOF);
	CHECK(sscanf("infa", "%lf%n", &d, &n) == 1 && d > 1e308 && n == 3);
	CHECK(sscanf("0x46F173", "%p", &p) == 1 && p == (void *)0x46f173);
	CHECK(sscanf("46F172", "%p", &p) == 1 && p == (void *)0x46f172);
	CHECK(sscanf("1234", "%P", &p) == 0);
	printf("scanf: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
