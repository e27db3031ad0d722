/* abs/div, bit rotations and byte swaps. */
#include "crt.h"

CRTAPI int abs(int v) { return v < 0 ? -v : v; }
CRTAPI long labs(long v) { return v < 0 ? -v : v; }
CRTAPI long long llabs(long long v) { return v < 0 ? -v : v; }
CRTAPI long long _abs64(long long v) { return v < 0 ? -v : v; }

typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;

CRTAPI div_t div(int a, int b) { return (div_t){ a / b, a % b }; }
CRTAPI ldiv_t ldiv(long a, long b) { return (ldiv_t){ a / b, a % b }; }
CRTAPI lldiv_t lldiv(long long a, long long b) { return (lldiv_t){ a / b, a % b }; }

CRTAPI unsigned _rotl(unsigned v, int s)
{
    s &= 31;
    return s ? v << s | v >> (32 - s) : v;
}

CRTAPI unsigned _rotr(unsigned v, int s)
{
    s &= 31;
    return s ? v >> s | v << (32 - s) : v;
}

CRTAPI unsigned long _lrotl(unsigned long v, int s) { return _rotl(v, s); }
CRTAPI unsigned long _lrotr(unsigned long v, int s) { return _rotr(v, s); }

CRTAPI unsigned long long _rotl64(unsigned long long v, int s)
{
    s &= 63;
    return s ? v << s | v >> (64 - s) : v;
}

CRTAPI unsigned long long _rotr64(unsigned long long v, int s)
{
    s &= 63;
    return s ? v >> s | v << (64 - s) : v;
}

CRTAPI unsigned short _byteswap_ushort(unsigned short v)
{
    return (unsigned short)(v << 8 | v >> 8);
}

CRTAPI unsigned long _byteswap_ulong(unsigned long v)
{
    return __builtin_bswap32((uint32_t)v);
}

CRTAPI unsigned long long _byteswap_uint64(unsigned long long v)
{
    return __builtin_bswap64(v);
}
