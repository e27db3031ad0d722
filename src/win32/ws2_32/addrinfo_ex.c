/*
 * GetAddrInfoExW and its companions: GetAddrInfoW's answers (addrinfo.c)
 * as ADDRINFOEXW entries (no blob, no provider).  Resolution needs no
 * network here (numeric addresses, the local names), so an overlapped
 * call completes before it returns: the result and its status are in
 * place, the event is set and the completion routine runs on a
 * thread-pool thread (no alertable wait is asked of the caller), and the
 * call returns WSA_IO_PENDING as documented; nothing is left to cancel.  Invalid arguments fail at once, without the overlapped.
 */
#include "ws_private.h"

/* mingw-w64's ADDRINFOEXW links through a misspelled struct tag
 * (addrinfoexW): the next entry, typed as it is. */
static ADDRINFOEXW **next_of(ADDRINFOEXW *e)
{
	return (ADDRINFOEXW **)&e->ai_next;
}

/* One entry with its address and canonical name in the same block. */
static ADDRINFOEXW *entry_ex(const ADDRINFOW *w)
{
	SIZE_T name = w->ai_canonname ? (wcslen(w->ai_canonname) + 1) * sizeof(WCHAR) : 0;
	ADDRINFOEXW *e = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*e) + w->ai_addrlen + name);

	if (!e)
		return NULL;
	e->ai_flags = w->ai_flags;
	e->ai_family = w->ai_family;
	e->ai_socktype = w->ai_socktype;
	e->ai_protocol = w->ai_protocol;
	e->ai_addrlen = w->ai_addrlen;
	e->ai_addr = (struct sockaddr *)(e + 1);
	memcpy(e->ai_addr, w->ai_addr, w->ai_addrlen);
	if (name) {
		WCHAR *copy = (WCHAR *)((BYTE *)(e + 1) + w->ai_addrlen);

		memcpy(copy, w->ai_canonname, name);
		e->ai_canonname = copy;
	}
	return e;
}

static void free_chain_ex(ADDRINFOEXW *ai)
{
	while (ai) {
		ADDRINFOEXW *next = *next_of(ai);

		HeapFree(GetProcessHeap(), 0, ai);
		ai = next;
	}
}

static int lookup_ex(PCWSTR name, PCWSTR service, const ADDRINFOEXW *hints, ADDRINFOEXW **out)
{
	ADDRINFOW h = { 0 }, *found, *w;
	ADDRINFOEXW **tail = out;
	int err;

	if (hints) {
		h.ai_flags = hints->ai_flags;
		h.ai_family = hints->ai_family;
		h.ai_socktype = hints->ai_socktype;
		h.ai_protocol = hints->ai_protocol;
	}
	if ((err = GetAddrInfoW(name, service, hints ? &h : NULL, &found)))
		return err;
	for (w = found; w; w = w->ai_next) {
		if (!(*tail = entry_ex(w))) {
			free_chain_ex(*out);
			*out = NULL;
			err = WSA_NOT_ENOUGH_MEMORY;
			break;
		}
		tail = next_of(*tail);
	}
	FreeAddrInfoW(found);
	return err;
}

/* LPLOOKUPSERVICE_COMPLETION_ROUTINE as the SDK declares it (mingw-w64
 * has a PVOID). */
typedef void(CALLBACK *completion_fn)(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov);

struct completion {
	completion_fn routine;
	OVERLAPPED *ov;
};

static DWORD CALLBACK run_completion(void *param)
{
	struct completion *c = param;

	c->routine((DWORD)c->ov->Internal, 0, c->ov);
	HeapFree(GetProcessHeap(), 0, c);
	return 0;
}

/* Reports an overlapped lookup as complete: status, result, event,
 * completion routine. */
static void complete(OVERLAPPED *ov, int err, ADDRINFOEXW **result, LPLOOKUPSERVICE_COMPLETION_ROUTINE routine)
{
	struct completion *c;

	ov->Internal = err;
	ov->InternalHigh = 0;
	ov->Pointer = result;
	if (ov->hEvent)
		SetEvent(ov->hEvent);
	if (routine && (c = HeapAlloc(GetProcessHeap(), 0, sizeof(*c)))) {
		c->routine = (completion_fn)routine;
		c->ov = ov;
		if (!QueueUserWorkItem(run_completion, c, WT_EXECUTEDEFAULT))
			HeapFree(GetProcessHeap(), 0, c);
	}
}

WS_API INT WSAAPI GetAddrInfoExW(PCWSTR name, PCWSTR service, DWORD ns, LPGUID provider, const ADDRINFOEXW *hints,
				 PADDRINFOEXW *result, struct timeval *timeout, LPOVERLAPPED ov,
				 LPLOOKUPSERVICE_COMPLETION_ROUTINE routine, LPHANDLE cancel)
{
	int err;

	if (!result || (routine && !ov) || (ns != NS_DNS && ns != NS_ALL) || provider) {
		WSASetLastError(WSAEINVAL);
		return WSAEINVAL;
	}
	*result = NULL;
	if (!name && !service) {
		WSASetLastError(WSAHOST_NOT_FOUND);
		return WSAHOST_NOT_FOUND;
	}
	err = lookup_ex(name, service, hints, result);
	if (!ov) {
		WSASetLastError(err);
		return err;
	}
	if (cancel)
		*cancel = NULL;
	complete(ov, err, result, routine);
	WSASetLastError(WSA_IO_PENDING);
	return WSA_IO_PENDING;
}

WS_API INT WSAAPI GetAddrInfoExOverlappedResult(LPOVERLAPPED ov)
{
	return ov ? (INT)ov->Internal : WSAEINVAL;
}

/* Lookups complete before GetAddrInfoExW returns: none is ever pending. */
WS_API INT WSAAPI GetAddrInfoExCancel(LPHANDLE handle)
{
	return WSA_INVALID_HANDLE;
}

WS_API void WSAAPI FreeAddrInfoExW(PADDRINFOEXW ai)
{
	free_chain_ex(ai);
}
