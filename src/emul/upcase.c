/* NT's case folding for names: see upcase.h. */
#include "emul/upcase.h"

uint16_t nt_upcase(uint16_t c)
{
	if (c >= 'a' && c <= 'z')
		return c - 32;
	if (c < 0x80)
		return c;
	if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2))
		return c - 32; /* Latin-1, Greek */
	if (c >= 0x430 && c <= 0x44F)
		return c - 32; /* Cyrillic a..ya */
	if (c >= 0x450 && c <= 0x45F)
		return c - 80; /* Cyrillic ie-grave..dzhe */
	if (c == 0xFF)
		return 0x178; /* y-diaeresis: its capital is outside Latin-1 */
	return c;
}
