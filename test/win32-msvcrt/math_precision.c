/* msvcrt's math gives the same results whatever the thread's x87
 * precision (Windows starts threads at 53 bits, control word 0x27F; our
 * functions compute in the x87's 64-bit format), and leaves the caller's
 * control word as it was.  The functions are msvcrt.dll's own (mingw-w64
 * links some of its own otherwise). */
#include <stdio.h>
#include <string.h>
#include <windows.h>

typedef double (__cdecl *fn1)(double);
typedef double (__cdecl *fn2)(double, double);

static const double args[] = { 307, 0.5, 1e22, 3.75, -2.5, 1e-300 };
static double results[2][6][5];

static unsigned short get_cw(void)
{
    unsigned short cw;

    __asm__ volatile("fnstcw %0" : "=m"(cw));
    return cw;
}

static void compute(int row, unsigned short cw)
{
    HMODULE m = GetModuleHandleA("msvcrt.dll");
    fn2 pw = (fn2)GetProcAddress(m, "pow");
    fn1 ex = (fn1)GetProcAddress(m, "exp"), lg = (fn1)GetProcAddress(m, "log");
    fn1 sn = (fn1)GetProcAddress(m, "sin"), at = (fn1)GetProcAddress(m, "atan");

    __asm__ volatile("fldcw %0" : : "m"(cw));
    for (int i = 0; i < 6; i++) {
        results[row][i][0] = pw(10.0, args[i]);
        results[row][i][1] = ex(args[i] / 100);
        results[row][i][2] = lg(args[i] < 0 ? -args[i] : args[i]);
        results[row][i][3] = sn(args[i]);
        results[row][i][4] = at(args[i]);
    }
    printf("control word kept: %s\n", get_cw() == cw ? "yes" : "no");
}

static DWORD WINAPI at_53_bits(void *arg)
{
    (void)arg;
    compute(1, 0x27f);
    return 0;
}

int main(void)
{
    HANDLE t;

    compute(0, 0x37f);
    t = CreateThread(NULL, 0, at_53_bits, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    printf("same results at 64 and 53 bits: %s\n",
           memcmp(results[0], results[1], sizeof(results[0])) ? "no" : "yes");
    return 0;
}
