#ifndef LSW_KUSER_H
#define LSW_KUSER_H

#include <stdint.h>

#define KUSER_SHARED_DATA_VA 0x7FFE0000ull

/* Creates the shared page (a memfd the supervisor keeps updated). */
int kuser_init(void);
int kuser_fd(void);
/* 100 ns units: since boot (interrupt time) and since 1601 (system time). */
uint64_t nt_interrupt_time(void);
uint64_t nt_system_time(void);

#endif
