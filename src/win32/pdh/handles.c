/* Query and counter handles: slots of one table, each value tagged with
 * its slot and kind, so that a stale, made-up or wrong-kind handle is
 * refused with PDH_INVALID_HANDLE and never dereferenced. */
#include "pdh_private.h"

#define MAX_HANDLES 512
#define HANDLE_TAG 0x9d000000u

struct slot {
	enum pdh_kind kind;
	void *object;
};

static struct slot table[MAX_HANDLES];
static SRWLOCK table_lock = SRWLOCK_INIT;

void pdh_lock(void)
{
	AcquireSRWLockExclusive(&table_lock);
}

void pdh_unlock(void)
{
	ReleaseSRWLockExclusive(&table_lock);
}

static int slot_of(HANDLE h)
{
	ULONG_PTR v = (ULONG_PTR)h, slot = ((v & 0xffffffu) >> 2) - 1;

	if ((v & 0xff000003u) != HANDLE_TAG || (v >> 32) || slot >= MAX_HANDLES)
		return -1;
	return (int)slot;
}

HANDLE pdh_handle_new(enum pdh_kind kind, void *object)
{
	HANDLE h = NULL;

	pdh_lock();
	for (unsigned i = 0; i < MAX_HANDLES; i++)
		if (!table[i].kind) {
			table[i] = (struct slot){ kind, object };
			h = (HANDLE)(ULONG_PTR)(HANDLE_TAG | (i + 1) << 2);
			break;
		}
	pdh_unlock();
	return h;
}

void *pdh_object(HANDLE h, enum pdh_kind kind)
{
	int slot = slot_of(h);

	return slot >= 0 && table[slot].kind == kind ? table[slot].object : NULL;
}

void pdh_handle_free(HANDLE h)
{
	int slot = slot_of(h);

	if (slot >= 0)
		table[slot] = (struct slot){ 0, NULL };
}

struct pdh_counter *pdh_next_counter(PDH_HQUERY q, DWORD *cursor)
{
	while (*cursor < MAX_HANDLES) {
		struct slot *s = &table[(*cursor)++];

		if (s->kind == PDH_KIND_COUNTER && ((struct pdh_counter *)s->object)->query == q)
			return s->object;
	}
	return NULL;
}

WCHAR *pdh_a_to_w(const char *s)
{
	int n = s ? MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0) : 0;
	WCHAR *w = n ? HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR)) : NULL;

	if (w)
		MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
	return w;
}

DWORD pdh_decimal(DWORD v, WCHAR *out)
{
	WCHAR digits[12];
	DWORD n = 0, len;

	do
		digits[n++] = (WCHAR)(L'0' + v % 10);
	while (v /= 10);
	for (len = 0; n;)
		out[len++] = digits[--n];
	out[len] = 0;
	return len;
}
