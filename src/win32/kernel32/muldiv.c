/* MulDiv: a * b / c in 64 bits, rounded to the nearest integer. */
#include "k32_private.h"

/* Documented: a half is rounded away from zero (up when the result is
 * positive, down when negative); -1 on overflow or a zero denominator. */
K32API int WINAPI MulDiv(int a, int b, int c)
{
	LONGLONG p = (LONGLONG)a * b;
	ULONGLONG mag_p = p < 0 ? 0 - (ULONGLONG)p : (ULONGLONG)p;
	ULONGLONG mag_c = c < 0 ? 0 - (ULONGLONG)(LONGLONG)c : (ULONGLONG)c;
	ULONGLONG q;
	BOOL negative = (p < 0) != (c < 0) && p != 0;

	if (!c)
		return -1;
	q = (mag_p + mag_c / 2) / mag_c;
	if (negative ? q > 0x80000000ull : q > 0x7FFFFFFFull)
		return -1;
	return negative ? (int)(0 - q) : (int)q;
}
