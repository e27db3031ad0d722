/* ProcessPrng, the one export of bcryptprimitives.dll that Go and Rust
 * programs import, for Wine 8.0 which lacks the DLL (yardstick runs only).
 * Fills the buffer with random bytes (documented to always return TRUE). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;

		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
