/*
 * CRC-32 of ISO 3309 / ITU-T V.42 (the zip and Ethernet CRC, reflected
 * polynomial 0xEDB88320): RtlComputeCrc32(initial, data, length) and the
 * documented RtlCrc32(data, length, initial).  The initial value is a
 * previous result, so a buffer can be summed in pieces.
 */
#include "rtl_private.h"

static ULONG crc_table[256];
static volatile LONG crc_table_ready;

static void crc_table_init(void)
{
	for (ULONG i = 0; i < 256; i++) {
		ULONG c = i;

		for (int k = 0; k < 8; k++)
			c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
	InterlockedExchange((LONG *)&crc_table_ready, 1);
}

static ULONG crc32_update(ULONG crc, const BYTE *p, SIZE_T n)
{
	if (!crc_table_ready)
		crc_table_init(); /* idempotent: racing threads write the same table */
	crc = ~crc;
	while (n--)
		crc = crc_table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
	return ~crc;
}

RTLAPI ULONG NTAPI RtlComputeCrc32(ULONG initial, const BYTE *data, INT length)
{
	return length > 0 ? crc32_update(initial, data, (SIZE_T)length) : initial;
}

RTLAPI ULONG NTAPI RtlCrc32(const void *data, SIZE_T size, ULONG initial)
{
	return crc32_update(initial, data, size);
}
