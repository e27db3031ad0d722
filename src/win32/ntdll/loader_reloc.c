/*
 * LdrProcessRelocationBlock: applies one block of an image's base
 * relocations (the entries that follow an IMAGE_BASE_RELOCATION header)
 * to the page at page, for an image moved by delta.  Programs that map an
 * image themselves call it; images the loader maps are relocated by the
 * supervisor.
 */
#include "loader.h"

#define REL_ABSOLUTE 0
#define REL_HIGH 1
#define REL_LOW 2
#define REL_HIGHLOW 3
#define REL_HIGHADJ 4
#define REL_DIR64 10

/* Returns the entry after the block, or NULL at an unknown type (the
 * entries before it are applied). */
RTLAPI IMAGE_BASE_RELOCATION *NTAPI LdrProcessRelocationBlock(ULONG_PTR page, ULONG count,
							      USHORT *entry, LONG_PTR delta)
{
	for (ULONG i = 0; i < count; i++) {
		char *at = (char *)page + (entry[i] & 0xfff);

		switch (entry[i] >> 12) {
		case REL_ABSOLUTE:
			break;
		case REL_HIGH:
			*(USHORT *)at += (USHORT)((ULONG)delta >> 16);
			break;
		case REL_LOW:
			*(USHORT *)at += (USHORT)delta;
			break;
		case REL_HIGHLOW:
			*(ULONG *)at += (ULONG)delta;
			break;
		case REL_HIGHADJ: { /* the next entry holds the low half */
			LONG value;

			if (++i >= count)
				return NULL;
			value = (*(USHORT *)at << 16) + (SHORT)entry[i] + (LONG)delta + 0x8000;
			*(USHORT *)at = (USHORT)(value >> 16);
			break;
		}
		case REL_DIR64:
			*(ULONGLONG *)at += (ULONGLONG)delta;
			break;
		default:
			return NULL;
		}
	}
	return (IMAGE_BASE_RELOCATION *)(entry + count);
}
