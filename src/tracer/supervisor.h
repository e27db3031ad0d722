#ifndef LSW_SUPERVISOR_H
#define LSW_SUPERVISOR_H

#include "emul/emul.h"

/* Runs one Windows program to completion.  Returns lsw's exit status: the
 * Windows exit code modulo 256, or 124 on --timeout, 125 on setup errors. */
int supervisor_run(const struct lsw_config *cfg, char **env, unsigned timeout_sec);

#endif
