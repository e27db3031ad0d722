/*
 * WSAAccept's condition function.  It is asked about a connection before
 * the program has it: CF_ACCEPT gives it, CF_REJECT refuses it
 * (WSAECONNREFUSED), CF_DEFER leaves it waiting (WSATRY_AGAIN), for the
 * next accept or WSAAccept on the socket.  Linux cannot show the peer's
 * address before the connection is accepted, so ws2_32 accepts it and
 * keeps a deferred one here, per listening socket, until it is asked for
 * again (the peer sees its connection made; on Windows it is not yet).
 */
#include "ws_private.h"

#define DEFERRED_MAX 64

static struct {
	SOCKET listener, accepted;
} deferred[DEFERRED_MAX];
static SRWLOCK lock = SRWLOCK_INIT;

SOCKET ws_take_deferred(SOCKET listener)
{
	SOCKET got = INVALID_SOCKET;

	AcquireSRWLockExclusive(&lock);
	for (int i = 0; i < DEFERRED_MAX && got == INVALID_SOCKET; i++)
		if (deferred[i].accepted && deferred[i].listener == listener) {
			got = deferred[i].accepted;
			deferred[i].accepted = 0;
		}
	ReleaseSRWLockExclusive(&lock);
	return got;
}

/* FALSE when there is no room: the connection is refused instead. */
static BOOL defer(SOCKET listener, SOCKET accepted)
{
	BOOL kept = FALSE;

	AcquireSRWLockExclusive(&lock);
	for (int i = 0; i < DEFERRED_MAX && !kept; i++)
		if (!deferred[i].accepted) {
			deferred[i].listener = listener;
			deferred[i].accepted = accepted;
			kept = TRUE;
		}
	ReleaseSRWLockExclusive(&lock);
	return kept;
}

WS_API SOCKET WSAAPI WSAAccept(SOCKET s, struct sockaddr *addr, LPINT len, LPCONDITIONPROC cond,
			       DWORD_PTR data)
{
	struct sockaddr_storage peer;
	int peer_len = sizeof(peer), verdict, err;
	WSABUF caller = { 0, (char *)&peer };
	SOCKET a;

	if (!cond)
		return accept(s, addr, len);
	if (addr && (!len || *len < (int)sizeof(struct sockaddr_in)))
		return ws_fail(WSAEFAULT), INVALID_SOCKET;
	if ((a = accept(s, (struct sockaddr *)&peer, &peer_len)) == INVALID_SOCKET)
		return INVALID_SOCKET;
	caller.len = (ULONG)peer_len;
	verdict = cond(&caller, NULL, NULL, NULL, NULL, NULL, NULL, data);
	if (verdict == CF_ACCEPT) {
		if (addr && (err = ws_give_addr(&peer, peer_len, addr, len))) {
			closesocket(a);
			return ws_fail(err), INVALID_SOCKET;
		}
		return a;
	}
	if (verdict == CF_DEFER && defer(s, a))
		return ws_fail(WSATRY_AGAIN), INVALID_SOCKET;
	closesocket(a);
	return ws_fail(WSAECONNREFUSED), INVALID_SOCKET;
}
