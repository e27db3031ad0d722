/*
 * SystemModuleInformation: RTL_PROCESS_MODULES, the kernel's loaded images.
 * Windows 10 gives an unprivileged (medium integrity) program the list;
 * the sandbox has no kernel image, so the list is the one a program always
 * finds first: ntoskrnl.exe, at a kernel address of the usual form.
 */
#include <string.h>
#include "emul/system/sysinfo.h"

#define MODULE_SIZE 296     /* RTL_PROCESS_MODULE_INFORMATION, x64 */
#define MODULES_HEADER 8    /* NumberOfModules, padded to the first entry */
#define KERNEL_BASE 0xFFFFF80562800000ull
#define KERNEL_SIZE 0x01046000u
#define KERNEL_FLAGS 0x08804000u
#define KERNEL_PATH "\\SystemRoot\\system32\\ntoskrnl.exe"
#define KERNEL_DIR_LEN 21   /* strlen("\SystemRoot\system32\") */

static void put(uint8_t *b, size_t off, uint64_t v, size_t n)
{
	memcpy(b + off, &v, n);
}

NTSTATUS sysinfo_modules(struct nt_call *c)
{
	uint8_t b[MODULES_HEADER + MODULE_SIZE] = { 0 };
	uint8_t *m = b + MODULES_HEADER;

	put(b, 0, 1, 4);                   /* NumberOfModules */
	/* Section and MappedBase stay 0, as Windows reports them */
	put(m, 16, KERNEL_BASE, 8);        /* ImageBase */
	put(m, 24, KERNEL_SIZE, 4);        /* ImageSize */
	put(m, 28, KERNEL_FLAGS, 4);       /* Flags */
	put(m, 32, 0, 2);                  /* LoadOrderIndex */
	put(m, 34, 0, 2);                  /* InitOrderIndex */
	put(m, 36, 1, 2);                  /* LoadCount */
	put(m, 38, KERNEL_DIR_LEN, 2);     /* OffsetToFileName */
	memcpy(m + 40, KERNEL_PATH, sizeof(KERNEL_PATH)); /* FullPathName[256] */
	return sysinfo_answer(c, b, sizeof(b));
}
