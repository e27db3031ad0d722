/*
 * libFuzzer harness for the journal file decoder (src/emul/registry/reg_journal_file.c):
 * after a valid header, the input (less its first byte) is taken as raw
 * frames when that byte is odd, else wrapped in one frame with the right
 * length and checksum, so that the records inside are reached; what
 * decodes is replayed onto an empty hive as a load does.  The decoder
 * must never read past the input and must end at a frame boundary.
 * Built and run by test/fuzz_reg.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emul/registry/reg_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reg_journal j = { .tail = &j.head };
	struct reg_hive *h = reg_hive_new_volatile("HKEY_CURRENT_USER");
	uint8_t *b = malloc(REG_JOURNAL_HEADER + 8 + size);
	uint64_t base_size = 0, base_hash = 1;
	uint32_t crc, zero = 0, len;
	bool raw = size && (data[0] & 1);
	size_t end, total;

	if (!h || !b)
		abort();
	if (size) {
		data++;
		size--;
	}
	memcpy(b, "LSWREGJ1", 8);
	memcpy(b + 8, &base_size, 8);
	memcpy(b + 16, &base_hash, 8);
	crc = reg_crc32(b, 24);
	memcpy(b + 24, &crc, 4);
	memcpy(b + 28, &zero, 4);
	total = REG_JOURNAL_HEADER;
	if (!raw) { /* one frame around the input */
		len = (uint32_t)size;
		crc = reg_crc32(data, size);
		memcpy(b + total, &len, 4);
		memcpy(b + total + 4, &crc, 4);
		total += 8;
	}
	memcpy(b + total, data, size);
	total += size;
	end = reg_journal_decode(b, total, base_size, base_hash, &j);
	if (end < REG_JOURNAL_HEADER || end > total || (!raw && end != total && j.head))
		abort();
	h->unbounded = true;
	if (reg_journal_replay(&j, h) < 0)
		abort();
	reg_journal_clear(&j);
	reg_hive_free(h);
	free(b);
	return 0;
}
