/* The seed: as on Windows, user-mode generators ask the kernel's CNG
 * device for random bytes with IOCTL_KSEC_RNG; the supervisor answers it
 * (src/emul/device_ioctl.c).  The device is opened for each request: a
 * reseed is rare, and a handle kept open could be closed under us by a
 * program that closes handles it does not know. */
#include "prng_private.h"

NTSTATUS kernel_seed(void *buf, ULONG len)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK iosb;
	HANDLE device;
	NTSTATUS st;

	RtlInitUnicodeString(&name, L"\\Device\\CNG");
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	st = NtOpenFile(&device, FILE_READ_DATA | SYNCHRONIZE, &oa, &iosb,
			FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			FILE_SYNCHRONOUS_IO_NONALERT);
	if (st < 0)
		return st;
	st = NtDeviceIoControlFile(device, NULL, NULL, NULL, &iosb, IOCTL_KSEC_RNG, NULL, 0, buf, len);
	if (st >= 0 && iosb.Information != len)
		st = STATUS_UNSUCCESSFUL;
	NtClose(device);
	return st;
}
