/*
 * The protocol catalogue: the sandbox's one provider, TCP/IP's (MSAFD
 * Tcpip, as Windows names it), with stream and datagram protocols over
 * IPv4 and IPv6.  Raw sockets are not offered (they need an
 * administrator on Windows too).  WSAEnumProtocols and SO_PROTOCOL_INFO
 * describe the same entries.
 */
#include "ws_private.h"

/* {E70F1AA0-AB8B-11CF-8CA3-00805F48A192}: the MSAFD Tcpip provider. */
static const GUID tcpip_provider = { 0xe70f1aa0, 0xab8b, 0x11cf,
				     { 0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } };

static const struct {
	int af, type, protocol;
	DWORD catalog_id;
	const WCHAR *name;
} entries[] = {
	{ AF_INET, SOCK_STREAM, IPPROTO_TCP, 1001, L"MSAFD Tcpip [TCP/IP]" },
	{ AF_INET, SOCK_DGRAM, IPPROTO_UDP, 1002, L"MSAFD Tcpip [UDP/IP]" },
	{ AF_INET6, SOCK_STREAM, IPPROTO_TCP, 1004, L"MSAFD Tcpip [TCP/IPv6]" },
	{ AF_INET6, SOCK_DGRAM, IPPROTO_UDP, 1005, L"MSAFD Tcpip [UDP/IPv6]" },
};
#define NENTRIES (sizeof(entries) / sizeof(entries[0]))

static void fill(size_t i, WSAPROTOCOL_INFOW *w)
{
	BOOL stream = entries[i].type == SOCK_STREAM;

	memset(w, 0, sizeof(*w));
	w->dwServiceFlags1 = stream ? XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER |
					      XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES
				    : XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED |
					      XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT |
					      XP1_IFS_HANDLES;
	w->dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO;
	w->ProviderId = tcpip_provider;
	w->dwCatalogEntryId = entries[i].catalog_id;
	w->ProtocolChain.ChainLen = BASE_PROTOCOL;
	w->iVersion = 2;
	w->iAddressFamily = entries[i].af;
	w->iMaxSockAddr = w->iMinSockAddr =
		entries[i].af == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
	w->iSocketType = entries[i].type;
	w->iProtocol = entries[i].protocol;
	w->iNetworkByteOrder = BIGENDIAN;
	w->iSecurityScheme = SECURITY_PROTOCOL_NONE;
	w->dwMessageSize = stream ? 0 : 0xffbb; /* 65467, what Windows reports for UDP */
	lstrcpynW(w->szProtocol, entries[i].name, WSAPROTOCOL_LEN + 1);
}

void ws_protocol_info(int af, int type, int protocol, WSAPROTOCOL_INFOW *out)
{
	size_t i = 0;

	while (i + 1 < NENTRIES && !(entries[i].af == af && entries[i].type == type))
		i++;
	fill(i, out);
	out->iProtocol = protocol;
}

void ws_protocol_info_narrow(const WSAPROTOCOL_INFOW *w, WSAPROTOCOL_INFOA *a)
{
	memcpy(a, w, offsetof(WSAPROTOCOL_INFOA, szProtocol));
	WideCharToMultiByte(CP_ACP, 0, w->szProtocol, -1, a->szProtocol, sizeof(a->szProtocol),
			    NULL, NULL);
}

/* The entries whose protocol is in the zero-ended list (all: NULL). */
static BOOL wanted(const INT *protocols, size_t i)
{
	if (!protocols)
		return TRUE;
	for (; *protocols; protocols++)
		if (*protocols == entries[i].protocol)
			return TRUE;
	return FALSE;
}

/* The entries into buf (size bytes each): their count; SOCKET_ERROR with
 * WSAENOBUFS and *len the room needed when buf is too small. */
static int enumerate(const INT *protocols, void *buf, LPDWORD len, BOOL wide)
{
	size_t each = wide ? sizeof(WSAPROTOCOL_INFOW) : sizeof(WSAPROTOCOL_INFOA), n = 0;
	int err = ws_not_started();
	WSAPROTOCOL_INFOW w;

	if (err)
		return ws_fail(err);
	if (!len)
		return ws_fail(WSAEFAULT);
	for (size_t i = 0; i < NENTRIES; i++)
		n += wanted(protocols, i);
	if (!buf || *len < n * each) {
		*len = (DWORD)(n * each);
		return ws_fail(WSAENOBUFS);
	}
	n = 0;
	for (size_t i = 0; i < NENTRIES; i++) {
		if (!wanted(protocols, i))
			continue;
		fill(i, &w);
		if (wide)
			((WSAPROTOCOL_INFOW *)buf)[n++] = w;
		else
			ws_protocol_info_narrow(&w, (WSAPROTOCOL_INFOA *)buf + n++);
	}
	return (int)n;
}

WS_API int WSAAPI WSAEnumProtocolsA(LPINT protocols, LPWSAPROTOCOL_INFOA buf, LPDWORD len)
{
	return enumerate(protocols, buf, len, FALSE);
}

WS_API int WSAAPI WSAEnumProtocolsW(LPINT protocols, LPWSAPROTOCOL_INFOW buf, LPDWORD len)
{
	return enumerate(protocols, buf, len, TRUE);
}
