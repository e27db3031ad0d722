#ifndef LSW_KUSER_H
#define LSW_KUSER_H

#include <stdint.h>

#define KUSER_SHARED_DATA_VA 0x7FFE0000ull
/* The performance counter's frequency: 100 ns units, as Windows 10
 * reports (NtQueryPerformanceCounter, KUSER_SHARED_DATA.QpcFrequency). */
#define QPC_FREQUENCY 10000000ull

struct kuser_page;
struct loop;
/* Creates the shared page (a memfd kept updated by a timer of loop).
 * 0, or -1 with errno. */
int kuser_init(struct kuser_page *k, struct loop *loop);
void kuser_fini(struct kuser_page *k);
/* A process record is made, or freed: the page is refreshed each tick
 * while any exists, and not at all while none does (an idle lswhost
 * sleeps instead of waking 64 times a second for nobody). */
void kuser_process_started(struct kuser_page *k);
void kuser_process_ended(struct kuser_page *k);
/* Brings the page's times up to date if a tick has passed since the last
 * refresh.  Called before a thread resumes: a supervisor that got no CPU
 * for a while (the timer that refreshes the page ran late) must not hand
 * a thread a wait that timed out together with a clock that says it did
 * not (GetTickCount after a 100 ms wait said 47 ms under load). */
void kuser_refresh(struct kuser_page *k);
/* The system time as the page has it, at the tick's granularity, as
 * Windows' NtQuerySystemTime answers (so that it and the page's value,
 * which GetSystemTimeAsFileTime reads, are one clock). */
uint64_t kuser_system_time(struct kuser_page *k);
/* 100 ns units: since boot (interrupt time) and since 1601 (system time). */
uint64_t nt_interrupt_time(void);
uint64_t nt_system_time(void);

#endif
