/*
 * A RUN message: the job (sandbox view, limits, timeout) and its first
 * process (image, arguments, environment, current directory), as `lsw run`
 * sends them and lswhost checks them.
 */
#ifndef LSW_HOST_RUN_REQUEST_H
#define LSW_HOST_RUN_REQUEST_H

#include "emul/emul.h"
#include "host/protocol.h"

/* What the daemon holds of one request; every string its own. */
struct run_request {
	struct lsw_job_spec job;
	struct lsw_process_spec proc;
	char *program, *image, *current_dir, *pwd;
	char **argv, **env;
	bool debug;
};

/* The payload of RUN for job js and process ps started from the logical
 * current directory pwd (may be NULL). */
void run_request_encode(struct proto_writer *w, const struct lsw_job_spec *js,
			const struct lsw_process_spec *ps, const char *pwd, bool debug);
/* Reads and checks a RUN payload into rq (its specs point into it; with
 * job.has_console, the terminal's fd is the message's fifth).
 * 0, or -1 with a message in err. */
int run_request_decode(struct run_request *rq, const uint8_t *payload, size_t size,
		       char *err, size_t errlen);
void run_request_free(struct run_request *rq);

#endif
