/*
 * NtQuerySystemInformation(Ex): what the files serving its classes share
 * (sysinfo.c holds the table of classes).
 */
#ifndef LSW_SYSINFO_H
#define LSW_SYSINFO_H

#include "emul/emul.h"

#define SYSINFO_MAX_CPUS 64

/* The host's processors online (1..SYSINFO_MAX_CPUS), asked once, and
 * their mask (the active processors of group 0). */
uint32_t sysinfo_cpu_count(void);
uint64_t sysinfo_cpu_mask(void);

/* cpu_signature.c: cpuid's family, model (with the extended model) and
 * stepping; PROCESSOR_IDENTIFIER's text. */
void cpu_signature(uint16_t *family, uint16_t *model, uint16_t *stepping);
void cpu_identifier(char *out, size_t len);
/* cpu_features.c: KUSER_SHARED_DATA.ProcessorFeatures, a byte per PF_*. */
#define CPU_FEATURES 64
void cpu_features(uint8_t out[CPU_FEATURES]);
/* The host's physical pages as Windows counts them (a ULONG). */
uint32_t sysinfo_physical_pages(void);

/* Answers a class of variable length whose data (need bytes, at most
 * room in buf) a program asked with NtQuerySystemInformation(class,
 * buffer, length, *ReturnLength): INFO_LENGTH_MISMATCH when length is
 * less than need, ACCESS_VIOLATION when the buffer cannot take it;
 * ReturnLength says need either way. */
NTSTATUS sysinfo_answer(struct nt_call *c, const void *buf, uint32_t need);

/* The classes served by their own files; args as NtQuerySystemInformation's. */
NTSTATUS sysinfo_performance(struct nt_call *c);           /* sysinfo_performance.c */
NTSTATUS sysinfo_process_list(struct nt_call *c);          /* sysinfo_process.c */
NTSTATUS sysinfo_process_list_ex(struct nt_call *c);
NTSTATUS sysinfo_processor_times(struct nt_call *c);       /* sysinfo_processors.c */
NTSTATUS sysinfo_interrupts(struct nt_call *c);
NTSTATUS sysinfo_logical_processors(struct nt_call *c);
NTSTATUS sysinfo_handles(struct nt_call *c);               /* sysinfo_handles.c */
NTSTATUS sysinfo_handles_ex(struct nt_call *c);
NTSTATUS sysinfo_firmware_table(struct nt_call *c);        /* sysinfo_firmware.c */
NTSTATUS sysinfo_modules(struct nt_call *c);               /* sysinfo_modules.c */
/* Fixed classes filled elsewhere: out is zeroed, of the class's size. */
void sysinfo_time_zone(void *out);                         /* sysinfo_time_zone.c */
void sysinfo_dynamic_time_zone(void *out);
/* NtQuerySystemInformationEx(SystemLogicalProcessorInformationEx): its
 * args (class, input, input length, buffer, length, *ReturnLength). */
NTSTATUS sysinfo_logical_processors_ex(struct nt_call *c);

#endif
