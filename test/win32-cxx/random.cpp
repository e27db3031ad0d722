/*
 * msvcp140's helpers for <random>, as the header calls them:
 * std::random_device's operator() is _Random_device (the system's
 * generator: 16 draws are not all equal, and over 64 draws every bit is
 * seen both set and clear), and the binomial and Poisson distributions'
 * log-gamma is _XLgamma for float, double and long double (checked
 * against log((n-1)!) and log(sqrt(pi)) to 1e-6).  Expected output: the
 * real msvcp140 14.30 under Wine 8 with WINEDLLOVERRIDES=msvcp140=n; Wine
 * 8's own msvcp140 agrees.
 */
#include "cxx_rt.h"

namespace std {
__declspec(dllimport) unsigned int __cdecl _Random_device();
__declspec(dllimport) float __cdecl _XLgamma(float);
__declspec(dllimport) double __cdecl _XLgamma(double);
__declspec(dllimport) long double __cdecl _XLgamma(long double);
}

#define CHECK(c) printf("%s: %s\n", (c) ? "ok" : "FAILED", #c)

static double distance(double a, double b)
{
	return a > b ? a - b : b - a;
}

int main()
{
	unsigned first = std::_Random_device(), set = 0, clear = 0;
	int differ = 0;

	for (int i = 0; i < 15; i++)
		differ += std::_Random_device() != first;
	CHECK(differ > 0);
	for (int i = 0; i < 64; i++) {
		unsigned v = std::_Random_device();

		set |= v;
		clear |= ~v;
	}
	CHECK(set == 0xffffffffu && clear == 0xffffffffu);

	CHECK(distance(std::_XLgamma(5.0), 3.1780538303479458) < 1e-6);
	CHECK(distance(std::_XLgamma(1.0), 0.0) < 1e-6 && distance(std::_XLgamma(2.0), 0.0) < 1e-6);
	CHECK(distance(std::_XLgamma(0.5), 0.57236494292470008) < 1e-6);
	CHECK(distance(std::_XLgamma(10.0f), 12.801827480081469) < 1e-4);
	CHECK(distance((double)std::_XLgamma(20.0L), 39.339884187199495) < 1e-6);
	printf("lgamma(100) = %.6f\n", std::_XLgamma(100.0));
	return 0;
}
