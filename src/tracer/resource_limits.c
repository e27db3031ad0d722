/*
 * The kernel's wall around one run: a cgroup v2 of the run's own where the
 * cgroup tree lsw runs in is delegated to it, rlimits and CPU affinity
 * otherwise (see resource_limits.h).
 *
 * cgroup v2 lets a process make child groups only where the controllers
 * are enabled for the subtree, and enabling them needs a group without
 * processes ("no internal processes"): lsw uses its group's subtree when
 * the controllers already are, or, when it is alone in its group (a scope
 * made for it, e.g. `systemd-run --scope -p Delegate=yes lsw run ...`),
 * moves itself into a leaf first and enables them.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>
#include "tracer/resource_limits.h"

#define DEFAULT_COMMIT (4ull << 30)
#define DEFAULT_THREADS 1024u

void limits_default(struct lsw_limits *l)
{
	struct sysinfo si;

	if (!l->commit) {
		l->commit = DEFAULT_COMMIT;
		if (sysinfo(&si) == 0 && (uint64_t)si.totalram * si.mem_unit / 2 < l->commit)
			l->commit = (uint64_t)si.totalram * si.mem_unit / 2;
	}
	if (!l->threads)
		l->threads = DEFAULT_THREADS;
}

static int read_small(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return 0;
}

static int write_small(const char *dir, const char *file, const char *text)
{
	char path[PATH_MAX + 64];
	int fd, r;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	r = write(fd, text, strlen(text)) == (ssize_t)strlen(text) ? 0 : -1;
	close(fd);
	return r;
}

/* Where the cgroup v2 hierarchy is mounted (its root), from mountinfo;
 * "" if nowhere.  Found once: reading the mount table is most of a
 * run's limits setup, and lswhost sets up one per run.  Not finding it
 * is not kept (it may be mounted later). */
static const char *cgroup2_mount(void)
{
	static char mnt[PATH_MAX];
	char line[4096];
	FILE *f;

	if (*mnt || !(f = fopen("/proc/self/mountinfo", "re")))
		return mnt;
	while (fgets(line, sizeof(line), f)) {
		char root[PATH_MAX], point[PATH_MAX];
		const char *dash = strstr(line, " - cgroup2 ");

		if (dash && sscanf(line, "%*s %*s %*s %4095s %4095s", root, point) == 2 &&
		    !strcmp(root, "/")) {
			snprintf(mnt, sizeof(mnt), "%s", point);
			break;
		}
	}
	fclose(f);
	return mnt;
}

/* The directory of lsw's own cgroup v2 group, from the mount and
 * /proc/self/cgroup ("0::/path"), read each time: lsw may have moved. */
static int own_cgroup(char *out, size_t len)
{
	char line[4096], path[PATH_MAX];
	const char *mnt = cgroup2_mount();

	if (!*mnt || read_small("/proc/self/cgroup", line, sizeof(line)) < 0)
		return -1;
	for (char *l = line; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		if (sscanf(l, "0::%4095[^\n]", path) == 1)
			return snprintf(out, len, "%s%s", mnt, strcmp(path, "/") ? path : "") <
				       (int)len ? 0 : -1;
	return -1;
}

/* Whether every word of want appears in the controller list of file. */
static bool has_controllers(const char *dir, const char *file, const char *want)
{
	char path[PATH_MAX + 64], have[512], w[64];
	int off = 0, n;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (read_small(path, have, sizeof(have)) < 0)
		return false;
	while (sscanf(want + off, "%63s%n", w, &n) == 1) {
		char *at = strstr(have, w);
		size_t wl = strlen(w);

		while (at && ((at > have && at[-1] != ' ') || (at[wl] && at[wl] != ' ' &&
							    at[wl] != '\n')))
			at = strstr(at + 1, w);
		if (!at)
			return false;
		off += n;
	}
	return true;
}

/* Makes the controllers available to children of dir, moving lsw into a
 * leaf of its own if it is the only process in dir. */
static int delegate(const char *dir, const char *want, char *why, size_t len)
{
	char plus[128] = "", w[64], leaf[PATH_MAX + 32], procs[64];
	int off = 0, n;

	if (has_controllers(dir, "cgroup.subtree_control", want))
		return 0;
	if (!has_controllers(dir, "cgroup.controllers", want)) {
		snprintf(why, len, "%s lacks the controllers (%s)", dir, want);
		return -1;
	}
	while (sscanf(want + off, "%63s%n", w, &n) == 1) {
		snprintf(plus + strlen(plus), sizeof(plus) - strlen(plus), "+%s ", w);
		off += n;
	}
	if (write_small(dir, "cgroup.subtree_control", plus) == 0)
		return 0;
	snprintf(leaf, sizeof(leaf), "%s/cgroup.procs", dir);
	if (read_small(leaf, procs, sizeof(procs)) < 0 || atoi(procs) != getpid() ||
	    strchr(procs, '\n') != procs + strlen(procs) - 1) {
		snprintf(why, len, "%s is not delegated to lsw (other processes in it)", dir);
		return -1;
	}
	snprintf(leaf, sizeof(leaf), "%s/lsw-supervisor", dir);
	if ((mkdir(leaf, 0755) < 0 && errno != EEXIST) || write_small(leaf, "cgroup.procs", "0") < 0 ||
	    write_small(dir, "cgroup.subtree_control", plus) < 0) {
		snprintf(why, len, "cannot enable %s in %s: %s", want, dir, strerror(errno));
		return -1;
	}
	return 0;
}

static int make_run_group(struct limits_wall *w, const char *dir, const struct lsw_limits *l)
{
	static unsigned runs; /* lswhost makes one per job: never two the same */
	char v[64], procs[PATH_MAX + 32];

	if (snprintf(w->cgroup, sizeof(w->cgroup), "%s/lsw-run-%d-%u", dir, (int)getpid(),
		     ++runs) >= (int)sizeof(w->cgroup)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (mkdir(w->cgroup, 0755) < 0 && errno != EEXIST)
		return -1;
	snprintf(v, sizeof(v), "%llu", (unsigned long long)(l->commit + LIMITS_MEMORY_SLACK));
	if (write_small(w->cgroup, "memory.max", v) < 0)
		return -1;
	write_small(w->cgroup, "memory.swap.max", "0"); /* absent without swap accounting */
	snprintf(v, sizeof(v), "%u", l->threads + LIMITS_THREAD_SLACK);
	if (write_small(w->cgroup, "pids.max", v) < 0)
		return -1;
	snprintf(v, sizeof(v), "%u 100000", l->cpus_milli * 100);
	if (l->cpus_milli && write_small(w->cgroup, "cpu.max", v) < 0)
		return -1;
	snprintf(procs, sizeof(procs), "%s/cgroup.procs", w->cgroup);
	w->procs_fd = open(procs, O_WRONLY | O_CLOEXEC);
	return w->procs_fd < 0 ? -1 : 0;
}

static void describe(struct limits_wall *w, const struct lsw_limits *l, const char *why)
{
	int n = snprintf(w->how, sizeof(w->how), "memory %llu MiB, %u threads, ",
			 (unsigned long long)(l->commit >> 20), l->threads);

	if (l->cpus_milli)
		n += snprintf(w->how + n, sizeof(w->how) - n, "%u.%02u CPUs", l->cpus_milli / 1000,
			      l->cpus_milli % 1000 / 10);
	else
		n += snprintf(w->how + n, sizeof(w->how) - n, "all CPUs");
	if (*w->cgroup)
		n += snprintf(w->how + n, sizeof(w->how) - n, " (cgroup v2 %s)", w->cgroup);
	else
		n += snprintf(w->how + n, sizeof(w->how) - n,
			      " (rlimits%s: no cgroup v2 for the run: %s)",
			      l->cpus_milli ? " and CPU affinity, whole CPUs" : "", why);
	if (n >= (int)sizeof(w->how)) /* a long path: end the cut text visibly */
		memcpy(w->how + sizeof(w->how) - 4, "...", 4);
}

/* A supervisor that moved itself into its leaf (delegate) makes the next
 * run's group beside it, where the controllers are: not inside the leaf
 * (lswhost makes one per job). */
static void in_delegated_group(char *dir)
{
	static const char leaf[] = "/lsw-supervisor";
	size_t n = strlen(dir), k = sizeof(leaf) - 1;

	if (n > k && !strcmp(dir + n - k, leaf))
		dir[n - k] = 0;
}

/* Where runs' groups go (dir, with the controllers delegated), or why
 * they cannot: the probe of lsw's own group and its controllers, kept
 * PROBE_KEEP_NS (lswhost sets up a job for every run; a change of the
 * tree is seen within that time), one for each set of controllers. */
#define PROBE_KEEP_NS 10000000000ull
struct cgroup_probe {
	uint64_t at_ns;          /* 0: none yet */
	bool ok;
	char dir[PATH_MAX];
	char why[PATH_MAX + 128];
};

static uint64_t monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static struct cgroup_probe *probe(const char *want, bool cpu)
{
	static struct cgroup_probe probes[2];
	struct cgroup_probe *p = &probes[cpu];
	char dir[PATH_MAX] = "", why[PATH_MAX + 128] = "no cgroup2 mount";
	uint64_t now = monotonic_ns();

	if (p->at_ns && now - p->at_ns < PROBE_KEEP_NS)
		return p;
	if (own_cgroup(dir, sizeof(dir)) == 0)
		in_delegated_group(dir);
	p->ok = *dir && delegate(dir, want, why, sizeof(why)) == 0;
	memcpy(p->dir, dir, sizeof(dir));
	memcpy(p->why, why, sizeof(why));
	p->at_ns = now;
	return p;
}

void limits_prepare(struct limits_wall *w, const struct lsw_limits *l)
{
	const char *want = l->cpus_milli ? "memory pids cpu" : "memory pids";
	struct cgroup_probe *p = probe(want, l->cpus_milli != 0);
	char why[PATH_MAX + 128];

	w->cgroup[0] = 0;
	w->procs_fd = -1;
	snprintf(why, sizeof(why), "%s", p->why);
	if (p->ok && make_run_group(w, p->dir, l) < 0) {
		snprintf(why, sizeof(why), "%s: %s", w->cgroup, strerror(errno));
		limits_release(w);
		p->at_ns = 0; /* look again for the next run */
	}
	describe(w, l, why);
}

/* Whole CPUs, the first ones lsw may use: affinity has no fractions. */
static void limit_cpus(unsigned cpus_milli)
{
	cpu_set_t have, keep;
	unsigned want = (cpus_milli + 999) / 1000, n = 0;

	if (!cpus_milli || sched_getaffinity(0, sizeof(have), &have) < 0)
		return;
	CPU_ZERO(&keep);
	for (int c = 0; c < CPU_SETSIZE && n < want; c++)
		if (CPU_ISSET(c, &have)) {
			CPU_SET(c, &keep);
			n++;
		}
	sched_setaffinity(0, sizeof(keep), &keep);
}

int limits_join(const struct limits_wall *w, const struct lsw_limits *l)
{
	if (w->procs_fd >= 0)
		return write(w->procs_fd, "0", 1) == 1 ? 0 : -1;
	limit_cpus(l->cpus_milli);
	return 0;
}

int limits_set_rlimits(const struct lsw_limits *l, bool own_userns)
{
	struct rlimit data = { l->commit + LIMITS_MEMORY_SLACK, l->commit + LIMITS_MEMORY_SLACK };
	struct rlimit nproc = { l->threads + LIMITS_THREAD_SLACK, l->threads + LIMITS_THREAD_SLACK };

	if (setrlimit(RLIMIT_DATA, &data) < 0)
		return -1;
	/* RLIMIT_NPROC counts every process of the uid in the user namespace
	 * and, against the namespace creator's limit, in each one above: set
	 * after the namespace exists, and only in one of the process's own,
	 * where it counts this run's threads alone. */
	if (own_userns && setrlimit(RLIMIT_NPROC, &nproc) < 0)
		return -1;
	return 0;
}

bool limits_memory_killed(const struct limits_wall *w)
{
	char path[PATH_MAX + 32], buf[1024];
	const char *k;

	if (!*w->cgroup)
		return false;
	snprintf(path, sizeof(path), "%s/memory.events", w->cgroup);
	if (read_small(path, buf, sizeof(buf)) < 0 || !(k = strstr(buf, "oom_kill ")))
		return false;
	return atol(k + 9) > 0;
}

void limits_release(struct limits_wall *w)
{
	if (w->procs_fd >= 0)
		close(w->procs_fd);
	w->procs_fd = -1;
	if (*w->cgroup)
		rmdir(w->cgroup);
	w->cgroup[0] = 0;
}
