/* Private declarations of bcryptprimitives: the process's random number
 * generator (prng.c) and its seed from the kernel (kernel_seed.c). */
#ifndef LSW_PRNG_PRIVATE_H
#define LSW_PRNG_PRIVATE_H

#include "ntdll/rtl/rtl_nt.h"

#define BCP_API __declspec(dllexport)

/* ntddksec.h: CTL_CODE(FILE_DEVICE_KSEC, 1, METHOD_BUFFERED, FILE_ANY_ACCESS) */
#define IOCTL_KSEC_RNG 0x390004

/* Fills buf with len bytes from the kernel's generator (\Device\CNG). */
NTSTATUS kernel_seed(void *buf, ULONG len);

void NTAPI RtlRaiseStatus(NTSTATUS status);

#endif
