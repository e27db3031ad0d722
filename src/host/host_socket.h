/*
 * Where a prefix's lswhost listens: a Unix socket in the user's private
 * runtime directory ($XDG_RUNTIME_DIR/lsw, else /tmp/lsw-UID, mode 0700,
 * owned by the user), named for the prefix's real path, with a lock file
 * beside it that the daemon holds for its whole life.
 */
#ifndef LSW_HOST_SOCKET_H
#define LSW_HOST_SOCKET_H

#include <stddef.h>
#include <sys/un.h>

/* dir leaves room in a socket address for the names in it */
struct host_paths {
	char dir[sizeof(((struct sockaddr_un *)0)->sun_path) - 28];
	char socket[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char lock[sizeof(((struct sockaddr_un *)0)->sun_path)];
};

/* The paths for prefix (a directory that exists); the runtime directory
 * is made if missing and refused if another user could reach it.  0, or
 * -1 with a message in err. */
int host_paths_for(const char *prefix, struct host_paths *out, char *err, size_t errlen);

/* The address of path; -1 if it does not fit. */
int host_socket_addr(const char *path, struct sockaddr_un *sa);

#endif
