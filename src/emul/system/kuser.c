/*
 * KUSER_SHARED_DATA at 0x7FFE0000: tick count, interrupt and system time,
 * version, the performance counter's scale (qpc.c), all read by user mode
 * without a system call.  One memfd page, mapped read-only in every
 * process and refreshed each 15.625 ms tick while the host has a process.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "emul/emul.h"
#include "emul/system/kuser.h"
#include "emul/system/sysinfo.h"

#define TICK_NS 15625000ull
#define EPOCH_1601_TO_1970 116444736000000000ull

uint64_t nt_interrupt_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 10000000ull + (uint64_t)ts.tv_nsec / 100;
}

uint64_t nt_system_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return EPOCH_1601_TO_1970 + (uint64_t)ts.tv_sec * 10000000ull + (uint64_t)ts.tv_nsec / 100;
}

/* KSYSTEM_TIME {LowPart, High1Time, High2Time}: readers retry until High1
 * equals High2, so High2 is written first and High1 last. */
static void put_ksystem_time(volatile uint8_t *page, size_t off, uint64_t v)
{
	volatile uint32_t *p = (volatile uint32_t *)(page + off);

	p[2] = (uint32_t)(v >> 32);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	p[0] = (uint32_t)v;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	p[1] = (uint32_t)(v >> 32);
}

static void write_times(struct kuser_page *k, uint64_t it)
{
	k->system_time = nt_system_time();
	put_ksystem_time(k->page, 0x08, it);                    /* InterruptTime */
	put_ksystem_time(k->page, 0x14, k->system_time);        /* SystemTime */
	put_ksystem_time(k->page, 0x320, it / (TICK_NS / 100)); /* TickCount */
	k->last_update = it;
}

uint64_t kuser_system_time(struct kuser_page *k)
{
	kuser_refresh(k);
	return k->page ? k->system_time : nt_system_time();
}

void kuser_refresh(struct kuser_page *k)
{
	uint64_t it = nt_interrupt_time();

	if (k->page && it - k->last_update >= TICK_NS / 100)
		write_times(k, it);
	if (k->page)
		qpc_refresh(&k->qpc, k->page, it * 100);
}

static void update(void *arg, uint32_t ev)
{
	struct kuser_page *k = arg;
	uint64_t it = nt_interrupt_time();

	write_times(k, it);
	qpc_refresh(&k->qpc, k->page, it * 100);
	k->tick_timer = k->processes ? loop_add_timer(k->loop, loop_now_ns() + TICK_NS, update, k) : 0;
}

void kuser_process_started(struct kuser_page *k)
{
	/* the first one after a pause: the page is brought up to date before
	 * the process can map it, and ticks again */
	if (!k->processes++ && !k->tick_timer && k->page)
		update(k, 0);
}

void kuser_process_ended(struct kuser_page *k)
{
	if (k->processes)
		k->processes--; /* the last one's timer lets the tick stop */
}

static void put32(volatile uint8_t *page, size_t off, uint32_t v)
{
	memcpy((void *)(page + off), &v, 4);
}

static void put16(volatile uint8_t *page, size_t off, uint16_t v)
{
	memcpy((void *)(page + off), &v, 2);
}

static void fill_static(volatile uint8_t *page)
{
	static const char root[] = "C:\\Windows";

	put32(page, 0x04, 0x0FA00000);      /* TickCountMultiplier: 15.625 ms << 24 */
	put16(page, 0x2C, 0x8664);          /* ImageNumberLow */
	put16(page, 0x2E, 0x8664);          /* ImageNumberHigh */
	for (size_t i = 0; i < sizeof(root); i++)
		put16(page, 0x30 + 2 * i, (uint16_t)root[i]); /* NtSystemRoot */
	put32(page, 0x260, 19045);          /* NtBuildNumber */
	put32(page, 0x264, 1);              /* NtProductType: NtProductWinNt */
	page[0x268] = 1;                    /* ProductTypeIsValid */
	put32(page, 0x26C, 10);             /* NtMajorVersion */
	put32(page, 0x270, 0);              /* NtMinorVersion */
	cpu_features((uint8_t *)page + 0x274); /* ProcessorFeatures[64] */
	put32(page, 0x2D4, 0);              /* KdDebuggerEnabled, ... */
	put32(page, 0x2E8, sysinfo_physical_pages()); /* NumberOfPhysicalPages */
	put32(page, 0x300, (uint32_t)QPC_FREQUENCY); /* QpcFrequency (64 bits) */
	put32(page, 0x304, (uint32_t)(QPC_FREQUENCY >> 32));
	put32(page, 0x308, 0);              /* SystemCall: use the syscall instruction */
	put32(page, 0x3C0, (uint32_t)sysconf(_SC_NPROCESSORS_ONLN)); /* ActiveProcessorCount */
}

int kuser_init(struct kuser_page *k, struct loop *loop)
{
	k->loop = loop;
	k->fd = memfd_create("KUSER_SHARED_DATA", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (k->fd < 0 || ftruncate(k->fd, 4096) < 0)
		return -1;
	k->page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, k->fd, 0);
	if (k->page == MAP_FAILED) {
		k->page = NULL;
		return -1;
	}
	/* From here on only our own mapping may write: a process cannot
	 * mprotect its read-only view writable and scribble on the page. */
	if (fcntl(k->fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_FUTURE_WRITE) < 0)
		return -1;
	fill_static(k->page);
	qpc_init(&k->qpc);
	update(k, 0);
	return 0;
}

void kuser_fini(struct kuser_page *k)
{
	if (k->tick_timer)
		loop_cancel_timer(k->loop, k->tick_timer);
	k->tick_timer = 0;
	if (k->page)
		munmap((void *)k->page, 4096);
	if (k->fd >= 0)
		close(k->fd);
	k->page = NULL;
	k->fd = -1;
}
