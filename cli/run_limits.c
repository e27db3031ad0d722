/* lsw run/trace --memory, --pids, --cpus, --supervisor-memory: what one
 * run may use. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define MIN_MEMORY (16ull << 20)
#define MAX_MEMORY (1ull << 40)
#define MAX_THREADS 100000u
#define MAX_CPUS_MILLI 1024000u
#define MIN_SUPERVISOR_MEMORY (1ull << 20)
#define MAX_SUPERVISOR_MEMORY (16ull << 30)

/* SIZE: bytes, or with K, M, G or T (powers of 1024; "MiB", "MB" too),
 * from min to max. */
static int parse_size(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	static const char units[] = "KMGT";
	const char *u = *end ? strchr(units, toupper((unsigned char)*end)) : NULL;

	if (!isdigit((unsigned char)*s) || (*end && !u))
		return -1;
	if (u) {
		v <<= 10 * (u - units + 1);
		end++;
		if (!strcasecmp(end, "ib") || !strcasecmp(end, "b"))
			end += strlen(end);
	}
	if (*end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* N or N.NNN CPUs, kept in thousandths. */
static int parse_cpus(const char *s, unsigned *out)
{
	unsigned long whole = 0, frac = 0, scale = 1000;
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	whole = strtoul(s, &end, 10);
	if (*end == '.') {
		for (end++; isdigit((unsigned char)*end) && scale > 1; end++) {
			scale /= 10;
			frac += (unsigned long)(*end - '0') * scale;
		}
	}
	if (*end || whole > MAX_CPUS_MILLI / 1000 || whole * 1000 + frac < 10 ||
	    whole * 1000 + frac > MAX_CPUS_MILLI)
		return -1;
	*out = (unsigned)(whole * 1000 + frac);
	return 0;
}

int run_limit_option(struct run_state *rs, int opt, const char *arg)
{
	struct lsw_limits *l = &rs->job.limits;
	char *end;
	unsigned long n;

	switch (opt) {
	case RUN_OPT_MEMORY:
		if (parse_size(arg, MIN_MEMORY, MAX_MEMORY, &l->commit) == 0)
			return l->report = true;
		fprintf(stderr, "lsw %s: --memory wants a size from 16M to 1T (e.g. 512M, 2G), "
			"got '%s'\n", rs->command, arg);
		return -1;
	case RUN_OPT_PIDS:
		n = strtoul(arg, &end, 10);
		if (isdigit((unsigned char)*arg) && !*end && n >= 1 && n <= MAX_THREADS) {
			l->threads = (unsigned)n;
			return l->report = true;
		}
		fprintf(stderr, "lsw %s: --pids wants a number of threads from 1 to %u, got '%s'\n",
			rs->command, MAX_THREADS, arg);
		return -1;
	case RUN_OPT_CPUS:
		if (parse_cpus(arg, &l->cpus_milli) == 0)
			return l->report = true;
		fprintf(stderr, "lsw %s: --cpus wants a number of CPUs from 0.01 to 1024 "
			"(e.g. 1 or 1.5), got '%s'\n", rs->command, arg);
		return -1;
	case RUN_OPT_SUPERVISOR_MEMORY:
		if (parse_size(arg, MIN_SUPERVISOR_MEMORY, MAX_SUPERVISOR_MEMORY,
			       &l->supervisor_memory) == 0)
			return 1;
		fprintf(stderr, "lsw %s: --supervisor-memory wants a size from 1M to 16G "
			"(e.g. 64M), got '%s'\n", rs->command, arg);
		return -1;
	}
	return 0;
}
