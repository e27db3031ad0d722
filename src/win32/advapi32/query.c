/* Heap copies of NT key and value information.  The key calls answer a
 * short buffer with STATUS_BUFFER_OVERFLOW (fixed part filled) or
 * STATUS_BUFFER_TOO_SMALL (nothing filled), both with the size needed in
 * ResultLength: retry with that much. */
#include "adv_private.h"

#define FIRST_TRY 512

static BOOL too_small(NTSTATUS status)
{
	return status == STATUS_BUFFER_OVERFLOW || status == STATUS_BUFFER_TOO_SMALL;
}

NTSTATUS adv_key_info(HANDLE key, LONG index, int cls, void **out)
{
	ULONG size = FIRST_TRY, needed = 0;
	NTSTATUS status;
	void *buf;

	for (;;) {
		buf = adv_alloc(size);
		if (!buf)
			return STATUS_NO_MEMORY;
		if (index < 0)
			status = NtQueryKey(key, cls, buf, size, &needed);
		else
			status = NtEnumerateKey(key, (ULONG)index, cls, buf, size, &needed);
		if (!too_small(status) || needed <= size)
			break;
		adv_free(buf);
		size = needed;
	}
	if (!NT_SUCCESS(status)) {
		adv_free(buf);
		return status;
	}
	*out = buf;
	return status;
}

NTSTATUS adv_value_info(HANDLE key, const WCHAR *name, LONG index, int cls, void **out)
{
	ULONG size = FIRST_TRY, needed = 0;
	UNICODE_STRING us;
	NTSTATUS status;
	void *buf;

	RtlInitUnicodeString(&us, name ? name : L"");
	for (;;) {
		buf = adv_alloc(size);
		if (!buf)
			return STATUS_NO_MEMORY;
		if (index < 0)
			status = NtQueryValueKey(key, &us, cls, buf, size, &needed);
		else
			status = NtEnumerateValueKey(key, (ULONG)index, cls, buf, size, &needed);
		if (!too_small(status) || needed <= size)
			break;
		adv_free(buf);
		size = needed;
	}
	if (!NT_SUCCESS(status)) {
		adv_free(buf);
		return status;
	}
	*out = buf;
	return status;
}
