#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include "tracer/notify.h"

#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (1UL << 0)
#endif

int notify_set_sync_wakeup(int fd)
{
	return notify_sync_wakeup(fd, true);
}

int notify_sync_wakeup(int fd, bool on)
{
	return ioctl(fd, SECCOMP_IOCTL_NOTIF_SET_FLAGS,
		     on ? SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP : 0);
}

int notify_recv(int fd, struct seccomp_notif *n)
{
	memset(n, 0, sizeof(*n));
	while (ioctl(fd, SECCOMP_IOCTL_NOTIF_RECV, n) < 0) {
		if (errno != EINTR)
			return -1;
		memset(n, 0, sizeof(*n));
	}
	return 0;
}

static int send_response(int fd, struct seccomp_notif_resp *r)
{
	while (ioctl(fd, SECCOMP_IOCTL_NOTIF_SEND, r) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return 0;
}

int notify_send(int fd, uint64_t id, int64_t val, int error)
{
	struct seccomp_notif_resp r = { .id = id, .val = val, .error = error };

	return send_response(fd, &r);
}

#ifndef SECCOMP_USER_NOTIF_FLAG_CONTINUE
#define SECCOMP_USER_NOTIF_FLAG_CONTINUE (1UL << 0)
#endif

int notify_continue(int fd, uint64_t id)
{
	struct seccomp_notif_resp r = { .id = id, .flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE };

	return send_response(fd, &r);
}

int notify_addfd(int fd, uint64_t id, int srcfd)
{
	struct seccomp_notif_addfd a = {
		.id = id, .srcfd = (uint32_t)srcfd, .newfd_flags = O_CLOEXEC,
	};

	return ioctl(fd, SECCOMP_IOCTL_NOTIF_ADDFD, &a);
}
