/*
 * Static TLS of DLLs loaded after the process started (LoadLibrary), as
 * Windows (Vista on) gives it: the DLL gets a free TLS index and every
 * thread alive gets its copy of the DLL's template at once, in the array
 * TEB->ThreadLocalStoragePointer names, so that code reading
 * gs:[0x58][index] finds it on any thread; threads started later get it
 * from ldr_thread_attach.  Unloading frees the copies and the index.
 * Each thread's array is listed here (under the loader lock) for that.
 */
#include "loader.h"

struct tls_thread {
	LIST_ENTRY link;
	void **slots;       /* LDR_MAX_TLS entries */
	BOOL heap_node;     /* allocated here (the first thread's is static) */
};

static LIST_ENTRY threads = { &threads, &threads };
static BOOL ldr_tls_used[LDR_MAX_TLS];

static HANDLE heap(void)
{
	return ((LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock)->ProcessHeap;
}

void ldr_tls_register(void **slots)
{
	static struct tls_thread first;
	struct tls_thread *t = first.slots ? RtlAllocateHeap(heap(), 0, sizeof(*t)) : &first;

	if (!t)
		return; /* that thread just gets no dynamic TLS */
	t->slots = slots;
	t->heap_node = t != &first;
	t->link.Flink = &threads;
	t->link.Blink = threads.Blink;
	threads.Blink->Flink = &t->link;
	threads.Blink = &t->link;
}

void ldr_tls_unregister(void **slots)
{
	for (LIST_ENTRY *l = threads.Flink; l != &threads; l = l->Flink) {
		struct tls_thread *t = CONTAINING_RECORD(l, struct tls_thread, link);

		if (t->slots != slots)
			continue;
		l->Blink->Flink = l->Flink;
		l->Flink->Blink = l->Blink;
		if (t->heap_node)
			RtlFreeHeap(heap(), 0, t);
		else
			t->slots = NULL;
		return;
	}
}

IMAGE_TLS_DIRECTORY64 *ldr_tls_dir(struct ldr_module *m)
{
	IMAGE_DATA_DIRECTORY *d = ldr_dir(m->base, IMAGE_DIRECTORY_ENTRY_TLS);

	return d && d->VirtualAddress ? (IMAGE_TLS_DIRECTORY64 *)(m->base + d->VirtualAddress)
				      : NULL;
}

void *ldr_tls_block(IMAGE_TLS_DIRECTORY64 *tls)
{
	SIZE_T data = (SIZE_T)(tls->EndAddressOfRawData - tls->StartAddressOfRawData);
	BYTE *block = RtlAllocateHeap(heap(), HEAP_ZERO_MEMORY, data + tls->SizeOfZeroFill + 16);

	if (block)
		memcpy(block, (void *)tls->StartAddressOfRawData, data);
	return block;
}

NTSTATUS ldr_tls_attach_dynamic(struct ldr_module *m)
{
	IMAGE_TLS_DIRECTORY64 *tls = ldr_tls_dir(m);
	ULONG index = 0;

	if (!tls || m->tls_index != (ULONG)-1)
		return STATUS_SUCCESS;
	while (index < LDR_MAX_TLS && ldr_tls_used[index])
		index++;
	if (index == LDR_MAX_TLS)
		return STATUS_SUCCESS; /* loaded all the same, as before Vista: no TLS */
	for (LIST_ENTRY *l = threads.Flink; l != &threads; l = l->Flink) {
		struct tls_thread *t = CONTAINING_RECORD(l, struct tls_thread, link);

		if (!(t->slots[index] = ldr_tls_block(tls))) {
			m->tls_index = index;
			ldr_tls_release(m); /* the copies made so far */
			return STATUS_NO_MEMORY;
		}
	}
	ldr_tls_used[index] = TRUE;
	m->tls_index = index;
	if (tls->AddressOfIndex)
		*(ULONG *)tls->AddressOfIndex = index;
	return STATUS_SUCCESS;
}

void ldr_tls_release(struct ldr_module *m)
{
	ULONG index = m->tls_index;

	if (index >= LDR_MAX_TLS)
		return;
	for (LIST_ENTRY *l = threads.Flink; l != &threads; l = l->Flink) {
		struct tls_thread *t = CONTAINING_RECORD(l, struct tls_thread, link);

		RtlFreeHeap(heap(), 0, t->slots[index]);
		t->slots[index] = NULL;
	}
	ldr_tls_used[index] = FALSE;
	m->tls_index = (ULONG)-1;
}
