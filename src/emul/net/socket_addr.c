/*
 * Socket addresses and errors between Windows and Linux.  SOCKADDR_IN has
 * the same 16 bytes on both; SOCKADDR_IN6 the same 28 bytes, but
 * AF_INET6 is 23 on Windows and 10 on Linux.  Other families are not
 * served (ws2_32 refuses them first with WSAEAFNOSUPPORT).
 */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include "emul/net/socket.h"

NTSTATUS sock_addr_in(int family, const uint8_t *win, uint32_t len, struct sockaddr_storage *out,
		      socklen_t *out_len)
{
	uint16_t wfam;

	if (!win || len < 2)
		return LSW_STATUS_INVALID_PARAMETER;
	memcpy(&wfam, win, 2);
	if (wfam != family)
		return LSW_STATUS_INVALID_ADDRESS;
	memset(out, 0, sizeof(*out));
	if (family == LSW_AF_INET) {
		if (len < sizeof(struct sockaddr_in))
			return LSW_STATUS_INVALID_PARAMETER;
		memcpy(out, win, sizeof(struct sockaddr_in));
		out->ss_family = AF_INET;
		*out_len = sizeof(struct sockaddr_in);
		return LSW_STATUS_SUCCESS;
	}
	if (family == LSW_AF_INET6) {
		if (len < sizeof(struct sockaddr_in6))
			return LSW_STATUS_INVALID_PARAMETER;
		memcpy(out, win, sizeof(struct sockaddr_in6));
		out->ss_family = AF_INET6;
		*out_len = sizeof(struct sockaddr_in6);
		return LSW_STATUS_SUCCESS;
	}
	return LSW_STATUS_INVALID_ADDRESS;
}

uint32_t sock_addr_out(const struct sockaddr_storage *a, socklen_t len,
		       uint8_t out[LSW_SOCKADDR_MAX])
{
	uint16_t wfam;

	memset(out, 0, LSW_SOCKADDR_MAX);
	if (a->ss_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		memcpy(out, a, sizeof(struct sockaddr_in));
		wfam = LSW_AF_INET;
		memcpy(out, &wfam, 2);
		return sizeof(struct sockaddr_in);
	}
	if (a->ss_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		memcpy(out, a, sizeof(struct sockaddr_in6));
		wfam = LSW_AF_INET6;
		memcpy(out, &wfam, 2);
		return sizeof(struct sockaddr_in6);
	}
	return 0;
}

/* The statuses afd.sys answers for these conditions; ws2_32 turns each
 * into its WSAE* error (ws2_32/sock_status.c). */
NTSTATUS sock_errno_status(int e)
{
	switch (e) {
	case EAGAIN: return LSW_STATUS_CANT_WAIT;
	case EINPROGRESS: return LSW_STATUS_CANT_WAIT;
	case EALREADY: return LSW_STATUS_DEVICE_BUSY;
	case ECONNREFUSED: return LSW_STATUS_CONNECTION_REFUSED;
	case EADDRINUSE: return LSW_STATUS_ADDRESS_ALREADY_EXISTS;
	case EADDRNOTAVAIL: return LSW_STATUS_INVALID_ADDRESS_COMPONENT;
	case ENETUNREACH:
	case ENETDOWN: return LSW_STATUS_NETWORK_UNREACHABLE;
	case EHOSTUNREACH: return LSW_STATUS_HOST_UNREACHABLE;
	case ECONNRESET:
	case EPIPE: return LSW_STATUS_CONNECTION_RESET;
	case ECONNABORTED: return LSW_STATUS_CONNECTION_ABORTED;
	case ENOTCONN:
	case EDESTADDRREQ: return LSW_STATUS_INVALID_CONNECTION;
	case EISCONN: return LSW_STATUS_CONNECTION_ACTIVE;
	case ETIMEDOUT: return LSW_STATUS_IO_TIMEOUT;
	case EMSGSIZE: return LSW_STATUS_INVALID_BUFFER_SIZE;
	case EOPNOTSUPP: return LSW_STATUS_NOT_SUPPORTED;
	case EPROTONOSUPPORT:
	case EAFNOSUPPORT:
	case ESOCKTNOSUPPORT: return LSW_STATUS_NOT_SUPPORTED;
	case EACCES:
	case EPERM: return LSW_STATUS_ACCESS_DENIED;
	case EFAULT: return LSW_STATUS_ACCESS_VIOLATION;
	case EMFILE:
	case ENFILE: return LSW_STATUS_TOO_MANY_OPENED_FILES;
	case ENOBUFS:
	case ENOMEM: return LSW_STATUS_INSUFFICIENT_RESOURCES;
	default: return LSW_STATUS_INVALID_PARAMETER;
	}
}
