/*
 * lsw run's embedded host: one job, one first process, the loop until the
 * job is over.
 */
#include <stdlib.h>
#include "host/host.h"

int host_run_program(const struct lsw_host_config *hc, const struct lsw_job_spec *js,
		     struct lsw_process_spec *ps)
{
	struct lsw_host *h = malloc(sizeof(*h));
	struct lsw_job *j;
	int code = 125;

	if (!h)
		return 125;
	if (host_init(h, hc) == 0 && (j = job_create(h, js))) {
		ps->job = j;
		if (host_start_process(h, ps))
			host_run(h);
		code = j->exit_code;
	}
	host_fini(h);
	free(h);
	return code;
}
