/*
 * The helpers <random> calls out of line: std::random_device's entropy
 * (_Random_device: the UCRT's rand_s, the system's generator; its failure
 * throws out_of_range as MSVC's does) and the log-gamma function the
 * binomial and Poisson distributions use (_XLgamma for float, double and
 * long double, which is double on x64: the UCRT's lgamma).
 */
#include <windows.h>
#include "msvcp140/ucrt.h"

void __cdecl msvcp_xout_of_range(const char *msg);

unsigned __cdecl msvcp_random_device(void)
{
	int (__cdecl *rand_s)(unsigned *) = msvcp_ucrt_proc("rand_s");
	unsigned value = 0;

	if (!rand_s || rand_s(&value))
		msvcp_xout_of_range("invalid random_device value");
	return value;
}

double __cdecl msvcp_xlgamma(double x)
{
	double (__cdecl *lgamma)(double) = msvcp_ucrt_proc("lgamma");

	return lgamma ? lgamma(x) : 0.0;
}

float __cdecl msvcp_xlgammaf(float x)
{
	return (float)msvcp_xlgamma(x);
}
