/* Heap copies of NT key and value information.  The key calls answer a
 * short buffer with STATUS_BUFFER_OVERFLOW (fixed part filled) or
 * STATUS_BUFFER_TOO_SMALL (nothing filled), both with the size needed in
 * ResultLength: retry with that much. */
#include "adv_private.h"

#define FIRST_TRY 512

/* One of the four information calls, with its arguments. */
struct info_call {
	HANDLE key;
	UNICODE_STRING *value_name; /* NULL: a key call */
	LONG index;                       /* < 0: query, else enumerate */
	int cls;
};

static NTSTATUS call_once(const struct info_call *c, void *buf, ULONG size, ULONG *needed)
{
	if (!c->value_name)
		return c->index < 0 ? NtQueryKey(c->key, c->cls, buf, size, needed)
				    : NtEnumerateKey(c->key, (ULONG)c->index, c->cls, buf, size, needed);
	return c->index < 0 ? NtQueryValueKey(c->key, c->value_name, c->cls, buf, size, needed)
			    : NtEnumerateValueKey(c->key, (ULONG)c->index, c->cls, buf, size, needed);
}

static NTSTATUS call_growing(const struct info_call *c, void **out)
{
	ULONG size = FIRST_TRY, needed = 0;
	NTSTATUS status;
	void *buf;

	for (;;) {
		buf = adv_alloc(size);
		if (!buf)
			return STATUS_NO_MEMORY;
		status = call_once(c, buf, size, &needed);
		if ((status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL) ||
		    needed <= size)
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

NTSTATUS adv_key_info(HANDLE key, LONG index, int cls, void **out)
{
	struct info_call c = { key, NULL, index, cls };
	return call_growing(&c, out);
}

NTSTATUS adv_value_info(HANDLE key, const WCHAR *name, LONG index, int cls, void **out)
{
	UNICODE_STRING us;
	RtlInitUnicodeString(&us, name ? name : L"");
	struct info_call c = { key, &us, index, cls };
	return call_growing(&c, out);
}
