/*
 * The performance counter read in user mode, as Windows 10 reads it on a
 * processor with an invariant TSC under a hypervisor: KUSER_SHARED_DATA's
 * QpcBypassEnabled says how, and a reference page in the Hyper-V layout
 * (TLFS: TscSequence, reserved, TscScale, TscOffset) gives the counter in
 * QpcFrequency (10 MHz) units:
 *
 *     counter = high 64 bits of (TSC * TscScale) + TscOffset + QpcBias
 *
 * The reference lies in KUSER_SHARED_DATA's own page, past its documented
 * fields (written only by the supervisor; programs map it read-only), and
 * NtQuerySystemInformation(SystemHypervisorSharedPageInformation) gives
 * its address, as Windows does.  A TscSequence of 0 means "not valid now":
 * the reader makes the system call instead; a reader that sees the
 * sequence change while it read reads again.  Shared by the supervisor
 * (src/emul/system/qpc.c) and ntdll (RtlQueryPerformanceCounter).
 */
#ifndef LSW_QPC_REFERENCE_H
#define LSW_QPC_REFERENCE_H

/* KUSER_SHARED_DATA fields (offsets from 0x7FFE0000) */
#define LSW_USD_QPC_BIAS 0x3B8   /* ULONGLONG QpcBias */
#define LSW_USD_QPC_BYPASS 0x3C6 /* UCHAR QpcBypassEnabled */
#define LSW_USD_QPC_SHIFT 0x3C7  /* UCHAR QpcShift */

/* QpcBypassEnabled's bits (SHARED_GLOBAL_FLAGS_QPC_BYPASS_*) */
#define LSW_QPC_BYPASS_ENABLED 0x01
#define LSW_QPC_BYPASS_USE_HV_PAGE 0x02
#define LSW_QPC_BYPASS_USE_LFENCE 0x20
#define LSW_QPC_BYPASS_USE_RDTSCP 0x80

/* SystemHypervisorSharedPageInformation: the reference's address */
#define LSW_SYSTEM_HYPERVISOR_SHARED_PAGE_CLASS 0xC5
#define LSW_QPC_REFERENCE_OFFSET 0xF00 /* in KUSER_SHARED_DATA's page */
#define LSW_QPC_REFERENCE_VA (0x7FFE0000ull + LSW_QPC_REFERENCE_OFFSET)
/* its fields */
#define LSW_QPC_REF_SEQUENCE 0x00 /* ULONG TscSequence */
#define LSW_QPC_REF_SCALE 0x08    /* ULONGLONG TscScale */
#define LSW_QPC_REF_OFFSET 0x10   /* LONGLONG TscOffset */

#endif
