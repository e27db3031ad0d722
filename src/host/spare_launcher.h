/*
 * The pool's launches off lswhost's loop (spare_launcher.c): a launch
 * blocks its caller until the runtime is exec'd (vfork, namespaces,
 * identity: milliseconds), so the pool's refills run on a thread of their
 * own and the loop only hears of each when it is done.
 */
#ifndef LSW_SPARE_LAUNCHER_H
#define LSW_SPARE_LAUNCHER_H

#include <sys/types.h>
#include "tracer/launch.h"

struct spare_launcher;

/* A launcher thread for runtimes of spec (which must outlive it); NULL
 * when no thread could be made (the caller launches on its own). */
struct spare_launcher *launcher_new(const struct launch_spec *spec);
/* Readable when a launch asked for has ended (launcher_take). */
int launcher_done_fd(const struct spare_launcher *l);
/* Asks for one launch: 0, or -1 (none will come). */
int launcher_request(struct spare_launcher *l);
/* The next ended launch: 1 with its pid and setup socket (pid 0: it
 * failed, said why); 0 when none has ended yet.  Never waits. */
int launcher_take(struct spare_launcher *l, pid_t *pid, int *setup_fd);
/* Stops the thread; a runtime it launched that nobody took is killed and
 * reaped. */
void launcher_free(struct spare_launcher *l);

#endif
