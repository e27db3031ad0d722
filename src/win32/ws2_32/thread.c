/* Per-thread results (inet_ntoa's string, gethostbyname's hostent...):
 * one block per thread in a TLS slot, made on first use and freed when
 * the thread ends (DLL_THREAD_DETACH) or the DLL unloads. */
#include "ws_private.h"

static DWORD slot = TLS_OUT_OF_INDEXES;

void *ws_alloc(size_t n)
{
	return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n ? n : 1);
}

void ws_free(void *p)
{
	if (p)
		HeapFree(GetProcessHeap(), 0, p);
}

struct ws_thread *ws_thread_data(void)
{
	struct ws_thread *t;

	if (slot == TLS_OUT_OF_INDEXES)
		return NULL;
	if ((t = TlsGetValue(slot)))
		return t;
	if ((t = ws_alloc(sizeof(*t))))
		TlsSetValue(slot, t);
	return t;
}

void ws_thread_attach(void)
{
	if (slot == TLS_OUT_OF_INDEXES)
		slot = TlsAlloc();
}

void ws_thread_detach(void)
{
	if (slot == TLS_OUT_OF_INDEXES)
		return;
	ws_free(TlsGetValue(slot));
	TlsSetValue(slot, NULL);
}
