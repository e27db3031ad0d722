/* The host socket's directory and names (see host_socket.h). */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "host/host_socket.h"

/* The directory must be ours alone: a socket another user can replace
 * would hand our programs' stdio to them. */
static int private_dir(const char *dir, char *err, size_t errlen)
{
	struct stat st;

	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		snprintf(err, errlen, "cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	if (lstat(dir, &st) < 0) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 077)) {
		snprintf(err, errlen, "%s is not a private directory of this user "
			 "(owner %u, mode %03o): refusing to use it", dir, (unsigned)st.st_uid,
			 (unsigned)(st.st_mode & 0777));
		return -1;
	}
	return 0;
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 0x100000001b3ull;
	return h;
}

int host_paths_for(const char *prefix, struct host_paths *out, char *err, size_t errlen)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	char real[PATH_MAX];
	struct stat st;
	uint64_t h;
	int n;

	if (!realpath(prefix, real)) {
		snprintf(err, errlen, "prefix %s: %s", prefix, strerror(errno));
		return -1;
	}
	h = fnv1a(real);
	if (xdg && xdg[0] == '/' && stat(xdg, &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_uid == getuid() && strlen(xdg) + 4 < sizeof(out->dir))
		n = snprintf(out->dir, sizeof(out->dir), "%s/lsw", xdg);
	else
		n = snprintf(out->dir, sizeof(out->dir), "/tmp/lsw-%u", (unsigned)getuid());
	if (n < 0 || (size_t)n >= sizeof(out->dir)) {
		snprintf(err, errlen, "runtime directory name too long");
		return -1;
	}
	if (private_dir(out->dir, err, errlen) < 0)
		return -1;
	snprintf(out->socket, sizeof(out->socket), "%s/host-%016llx.sock", out->dir,
		 (unsigned long long)h);
	snprintf(out->lock, sizeof(out->lock), "%s/host-%016llx.lock", out->dir,
		 (unsigned long long)h);
	return 0;
}

int host_socket_addr(const char *path, struct sockaddr_un *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sa->sun_path))
		return -1;
	strcpy(sa->sun_path, path);
	return 0;
}
