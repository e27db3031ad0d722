/* A runtime process's CPU time and resident size from /proc (process_usage.h). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "emul/process/process_usage.h"

bool process_usage_read(pid_t pid, struct process_usage *u)
{
	char path[48], buf[1024], *s;
	unsigned long long ut, st, rss;
	long hz = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE);
	bool ok = false;
	FILE *f;

	memset(u, 0, sizeof(*u));
	if (pid <= 0 || hz <= 0 || page <= 0)
		return false;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (!(f = fopen(path, "re")))
		return false;
	/* the name in parentheses may hold spaces and ')': fields follow the
	 * last ')'; utime and stime (14, 15) count every thread, rss (24) is
	 * in pages */
	if (fgets(buf, sizeof(buf), f) && (s = strrchr(buf, ')')) &&
	    sscanf(s + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu "
			  "%*d %*d %*d %*d %*d %*d %*u %*u %llu", &ut, &st, &rss) == 3) {
		u->user_100ns = ut * (10000000ull / (unsigned long long)hz);
		u->kernel_100ns = st * (10000000ull / (unsigned long long)hz);
		u->resident = rss * (unsigned long long)page;
		ok = true;
	}
	fclose(f);
	return ok;
}
