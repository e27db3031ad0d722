/*
 * The error helpers of std::system_category and std::generic_category:
 * a Windows error code's POSIX errno (0 when it has none), a Windows
 * error's system message, an errno's generic message.
 */
#include <errno.h>
#include <winsock2.h>
#include <windows.h>

static const struct { int win, posix; } win_to_posix[] = {
	{ ERROR_INVALID_FUNCTION, ENOSYS }, { ERROR_FILE_NOT_FOUND, ENOENT },
	{ ERROR_PATH_NOT_FOUND, ENOENT }, { ERROR_TOO_MANY_OPEN_FILES, EMFILE },
	{ ERROR_ACCESS_DENIED, EACCES }, { ERROR_INVALID_HANDLE, EINVAL },
	{ ERROR_NOT_ENOUGH_MEMORY, ENOMEM }, { ERROR_INVALID_ACCESS, EACCES },
	{ ERROR_OUTOFMEMORY, ENOMEM }, { ERROR_INVALID_DRIVE, ENODEV },
	{ ERROR_CURRENT_DIRECTORY, EACCES }, { ERROR_NOT_SAME_DEVICE, EXDEV },
	{ ERROR_WRITE_PROTECT, EACCES }, { ERROR_BAD_UNIT, ENODEV },
	{ ERROR_NOT_READY, EAGAIN }, { ERROR_SEEK, EIO }, { ERROR_WRITE_FAULT, EIO },
	{ ERROR_READ_FAULT, EIO }, { ERROR_SHARING_VIOLATION, EACCES },
	{ ERROR_LOCK_VIOLATION, ENOLCK }, { ERROR_HANDLE_DISK_FULL, ENOSPC },
	{ ERROR_NOT_SUPPORTED, ENOTSUP }, { ERROR_DEV_NOT_EXIST, ENODEV },
	{ ERROR_FILE_EXISTS, EEXIST }, { ERROR_CANNOT_MAKE, EACCES },
	{ ERROR_INVALID_PARAMETER, EINVAL }, { ERROR_OPEN_FAILED, EIO },
	{ ERROR_BUFFER_OVERFLOW, ENAMETOOLONG }, { ERROR_DISK_FULL, ENOSPC },
	{ ERROR_INVALID_NAME, ENOENT }, { ERROR_NEGATIVE_SEEK, EINVAL },
	{ ERROR_BUSY_DRIVE, EBUSY }, { ERROR_DIR_NOT_EMPTY, ENOTEMPTY },
	{ ERROR_BUSY, EBUSY }, { ERROR_ALREADY_EXISTS, EEXIST },
	{ ERROR_LOCKED, ENOLCK }, { ERROR_DIRECTORY, EINVAL },
	{ ERROR_OPERATION_ABORTED, ECANCELED }, { ERROR_NOACCESS, EACCES },
	{ ERROR_CANTOPEN, EIO }, { ERROR_CANTREAD, EIO }, { ERROR_CANTWRITE, EIO },
	{ ERROR_RETRY, EAGAIN }, { ERROR_OPEN_FILES, EBUSY },
	{ ERROR_DEVICE_IN_USE, EBUSY }, { ERROR_REPARSE_TAG_INVALID, EINVAL },
	{ WSAEINTR, EINTR }, { WSAEBADF, EBADF }, { WSAEACCES, EACCES },
	{ WSAEFAULT, EFAULT }, { WSAEINVAL, EINVAL }, { WSAEMFILE, EMFILE },
	{ WSAEWOULDBLOCK, EWOULDBLOCK }, { WSAEINPROGRESS, EINPROGRESS },
	{ WSAEALREADY, EALREADY }, { WSAENOTSOCK, ENOTSOCK },
	{ WSAEDESTADDRREQ, EDESTADDRREQ }, { WSAEMSGSIZE, EMSGSIZE },
	{ WSAEPROTOTYPE, EPROTOTYPE }, { WSAENOPROTOOPT, ENOPROTOOPT },
	{ WSAEPROTONOSUPPORT, EPROTONOSUPPORT }, { WSAEOPNOTSUPP, EOPNOTSUPP },
	{ WSAEAFNOSUPPORT, EAFNOSUPPORT }, { WSAEADDRINUSE, EADDRINUSE },
	{ WSAEADDRNOTAVAIL, EADDRNOTAVAIL }, { WSAENETDOWN, ENETDOWN },
	{ WSAENETUNREACH, ENETUNREACH }, { WSAENETRESET, ENETRESET },
	{ WSAECONNABORTED, ECONNABORTED }, { WSAECONNRESET, ECONNRESET },
	{ WSAENOBUFS, ENOBUFS }, { WSAEISCONN, EISCONN }, { WSAENOTCONN, ENOTCONN },
	{ WSAETIMEDOUT, ETIMEDOUT }, { WSAECONNREFUSED, ECONNREFUSED },
	{ WSAENAMETOOLONG, ENAMETOOLONG }, { WSAEHOSTUNREACH, EHOSTUNREACH },
};

int __cdecl msvcp_winerror_map(int err)
{
	for (size_t i = 0; i < sizeof(win_to_posix) / sizeof(win_to_posix[0]); i++)
		if (win_to_posix[i].win == err)
			return win_to_posix[i].posix;
	return 0;
}

/* The system's message without its line end; 0 when it does not fit. */
ULONG __cdecl msvcp_winerror_message(ULONG err, char *buf, ULONG size)
{
	ULONG n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
				 NULL, err, 0, buf, size, NULL);

	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = 0;
	return n;
}

static const struct { int err; const char *text; } generic_text[] = {
	{ EPERM, "operation not permitted" }, { ENOENT, "no such file or directory" },
	{ EINTR, "interrupted" }, { EIO, "io error" }, { EBADF, "bad file descriptor" },
	{ EAGAIN, "resource unavailable try again" }, { ENOMEM, "not enough memory" },
	{ EACCES, "permission denied" }, { EFAULT, "bad address" },
	{ EBUSY, "device or resource busy" }, { EEXIST, "file exists" },
	{ EXDEV, "cross device link" }, { ENODEV, "no such device" },
	{ ENOTDIR, "not a directory" }, { EISDIR, "is a directory" },
	{ EINVAL, "invalid argument" }, { EMFILE, "too many files open" },
	{ ENOSPC, "no space on device" }, { ENAMETOOLONG, "filename too long" },
	{ ENOSYS, "function not supported" }, { ENOTEMPTY, "directory not empty" },
	{ ETIMEDOUT, "timed out" }, { ECONNREFUSED, "connection refused" },
	{ ECONNRESET, "connection reset" }, { ECANCELED, "operation canceled" },
};

const char *__cdecl msvcp_syserror_map(int err)
{
	for (size_t i = 0; i < sizeof(generic_text) / sizeof(generic_text[0]); i++)
		if (generic_text[i].err == err)
			return generic_text[i].text;
	return "unknown error";
}
