/*
 * The way to the supervisor's sockets: NtDeviceIoControlFile on the
 * SOCKET's handle with the requests of <lsw/socket_ioctl.h>, and the
 * Winsock error of each NTSTATUS, in one place.  A blocking socket's call
 * that would block waits with IOCTL_LSW_SOCKET_POLL and tries again, as
 * Windows' blocking calls wait inside afd.sys.
 */
#include "ws_private.h"
#include <winternl.h>
#include <lsw/ntstatus.h>
#include <lsw/socket_ioctl.h>

LONG ws_ioctl(SOCKET s, ULONG code, const void *in, ULONG in_len, void *out, ULONG out_len,
	      ULONG_PTR *done)
{
	IO_STATUS_BLOCK io;
	NTSTATUS st;

	io.Information = 0;
	st = NtDeviceIoControlFile((HANDLE)s, NULL, NULL, NULL, &io, code, (void *)in, in_len, out,
				   out_len);
	if (done)
		*done = io.Information;
	return st;
}

int ws_wait(SOCKET s, short events)
{
	struct {
		struct lsw_sock_poll head;
		struct lsw_sock_poll_entry e;
	} p = { { -1, 1, LSW_POLL_IF_BLOCKING }, { (uint64_t)s, events, 0, 0 } };

	return ws_error_of(ws_ioctl(s, IOCTL_LSW_SOCKET_POLL, &p, sizeof(p), &p, sizeof(p), NULL));
}

LONG ws_ioctl_wait(SOCKET s, short events, ULONG code, const void *in, ULONG in_len, void *out,
		   ULONG out_len, ULONG_PTR *done)
{
	for (;;) {
		LONG st = ws_ioctl(s, code, in, in_len, out, out_len, done);
		int err;

		if (st != (LONG)LSW_STATUS_CANT_WAIT)
			return st;
		if ((err = ws_wait(s, events)) == WSAEWOULDBLOCK)
			return st;
		if (err == WSAETIMEDOUT)
			return (LONG)LSW_STATUS_IO_TIMEOUT;
		if (err)
			return (LONG)LSW_STATUS_INVALID_HANDLE;
	}
}

/* The statuses the supervisor answers (src/emul/net/socket_addr.c) and
 * the errors Windows gives for the same conditions. */
static const struct {
	ULONG status;
	int error;
} errors[] = {
	{ LSW_STATUS_CANT_WAIT, WSAEWOULDBLOCK },
	{ LSW_STATUS_DEVICE_BUSY, WSAEALREADY },
	{ LSW_STATUS_CONNECTION_REFUSED, WSAECONNREFUSED },
	{ LSW_STATUS_ADDRESS_ALREADY_EXISTS, WSAEADDRINUSE },
	{ LSW_STATUS_INVALID_ADDRESS_COMPONENT, WSAEADDRNOTAVAIL },
	{ LSW_STATUS_NETWORK_UNREACHABLE, WSAENETUNREACH },
	{ LSW_STATUS_HOST_UNREACHABLE, WSAEHOSTUNREACH },
	{ LSW_STATUS_CONNECTION_RESET, WSAECONNRESET },
	{ LSW_STATUS_CONNECTION_ABORTED, WSAECONNABORTED },
	{ LSW_STATUS_INVALID_CONNECTION, WSAENOTCONN },
	{ LSW_STATUS_CONNECTION_ACTIVE, WSAEISCONN },
	{ LSW_STATUS_IO_TIMEOUT, WSAETIMEDOUT },
	{ LSW_STATUS_INVALID_BUFFER_SIZE, WSAEMSGSIZE },
	{ LSW_STATUS_BUFFER_OVERFLOW, WSAEMSGSIZE },
	{ LSW_STATUS_NOT_SUPPORTED, WSAEOPNOTSUPP },
	{ LSW_STATUS_NOT_FOUND, WSAENOPROTOOPT },
	{ LSW_STATUS_INVALID_PARAMETER, WSAEINVAL },
	{ LSW_STATUS_INVALID_ADDRESS, WSAEAFNOSUPPORT },
	{ LSW_STATUS_ACCESS_DENIED, WSAEACCES },
	{ LSW_STATUS_ACCESS_VIOLATION, WSAEFAULT },
	{ LSW_STATUS_BUFFER_TOO_SMALL, WSAEFAULT },
	{ LSW_STATUS_INVALID_HANDLE, WSAENOTSOCK },
	{ LSW_STATUS_OBJECT_TYPE_MISMATCH, WSAENOTSOCK },
	{ LSW_STATUS_INVALID_DEVICE_REQUEST, WSAENOTSOCK },
	{ LSW_STATUS_TOO_MANY_OPENED_FILES, WSAEMFILE },
	{ LSW_STATUS_INSUFFICIENT_RESOURCES, WSAENOBUFS },
	{ LSW_STATUS_NO_MEMORY, WSAENOBUFS },
	{ LSW_STATUS_PIPE_DISCONNECTED, WSAESHUTDOWN },
	{ LSW_STATUS_CANCELLED, WSAEINTR },
	/* the other conditions afd.sys reports, as Windows' ws2_32 maps them
	 * (Wine's ws2_32 tests list them: test_WSAGetOverlappedResult) */
	{ LSW_STATUS_NOT_IMPLEMENTED, WSAEOPNOTSUPP },
	{ LSW_STATUS_PAGEFILE_QUOTA, WSAENOBUFS },
	{ LSW_STATUS_NO_SUCH_DEVICE, WSAENETDOWN },
	{ LSW_STATUS_NO_SUCH_FILE, WSAENETDOWN },
	{ LSW_STATUS_CONFLICTING_ADDRESSES, WSAENOBUFS },
	{ LSW_STATUS_OBJECT_NAME_NOT_FOUND, WSAENETDOWN },
	{ LSW_STATUS_OBJECT_PATH_NOT_FOUND, WSAENETDOWN },
	{ LSW_STATUS_SHARING_VIOLATION, WSAEADDRINUSE },
	{ LSW_STATUS_QUOTA_EXCEEDED, WSAENOBUFS },
	{ LSW_STATUS_TOO_MANY_PAGING_FILES, WSAENOBUFS },
	{ LSW_STATUS_WORKING_SET_QUOTA, WSAENOBUFS },
	{ LSW_STATUS_DEVICE_NOT_READY, WSAEWOULDBLOCK },
	{ LSW_STATUS_REMOTE_NOT_LISTENING, WSAECONNREFUSED },
	{ LSW_STATUS_BAD_NETWORK_PATH, WSAENETUNREACH },
	{ LSW_STATUS_NETWORK_BUSY, WSAENETDOWN },
	{ LSW_STATUS_INVALID_NETWORK_RESPONSE, WSAENETDOWN },
	{ LSW_STATUS_UNEXPECTED_NETWORK_ERROR, WSAENETDOWN },
	{ LSW_STATUS_REQUEST_NOT_ACCEPTED, WSAEWOULDBLOCK },
	{ LSW_STATUS_COMMITMENT_LIMIT, WSAENOBUFS },
	{ LSW_STATUS_LOCAL_DISCONNECT, WSAECONNABORTED },
	{ LSW_STATUS_REMOTE_DISCONNECT, WSAECONNRESET },
	{ LSW_STATUS_REMOTE_RESOURCES, WSAENOBUFS },
	{ LSW_STATUS_LINK_FAILED, WSAECONNRESET },
	{ LSW_STATUS_LINK_TIMEOUT, WSAETIMEDOUT },
	{ LSW_STATUS_TOO_MANY_ADDRESSES, WSAENOBUFS },
	{ LSW_STATUS_CONNECTION_DISCONNECTED, WSAECONNRESET },
	{ LSW_STATUS_TRANSACTION_ABORTED, WSAECONNABORTED },
	{ LSW_STATUS_GRACEFUL_DISCONNECT, WSAEDISCON },
	{ LSW_STATUS_PROTOCOL_UNREACHABLE, WSAENETUNREACH },
	{ LSW_STATUS_PORT_UNREACHABLE, WSAECONNRESET },
	{ LSW_STATUS_REQUEST_ABORTED, WSAEINTR },
	{ LSW_STATUS_DATATYPE_MISALIGNMENT_ERROR, WSAEFAULT },
	{ LSW_STATUS_HOST_DOWN, WSAEHOSTDOWN },
};

int ws_error_of(LONG status)
{
	if (status == 0)
		return 0;
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (errors[i].status == (ULONG)status)
			return errors[i].error;
	return WSAEINVAL;
}

int ws_fail_status(LONG status)
{
	return ws_fail(ws_error_of(status));
}

int ws_socket_info(SOCKET s, struct lsw_sock_info *out)
{
	return ws_error_of(ws_ioctl(s, IOCTL_LSW_SOCKET_INFO, NULL, 0, out, sizeof(*out), NULL));
}

int ws_check_addr(const struct sockaddr *a, int len)
{
	if (!a || len < (int)sizeof(struct sockaddr))
		return WSAEFAULT;
	if (a->sa_family == AF_INET)
		return 0;
	if (a->sa_family == AF_INET6)
		return len < (int)sizeof(struct sockaddr_in6) ? WSAEFAULT : 0;
	return WSAEAFNOSUPPORT;
}

int ws_give_addr(const void *addr, int n, struct sockaddr *a, int *len)
{
	if (!a || !len || *len < n)
		return WSAEFAULT;
	memcpy(a, addr, (size_t)n);
	*len = n;
	return 0;
}
