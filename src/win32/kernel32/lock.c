/* Byte-range locks: LockFile(Ex), UnlockFile(Ex) over NtLockFile and
 * NtUnlockFile (mandatory locks, as on Windows). */
#include "k32_private.h"

NTSTATUS NTAPI NtLockFile(HANDLE, HANDLE, PVOID, PVOID, PIO_STATUS_BLOCK, PLARGE_INTEGER,
			  PLARGE_INTEGER, ULONG, BOOLEAN, BOOLEAN);
NTSTATUS NTAPI NtUnlockFile(HANDLE, PIO_STATUS_BLOCK, PLARGE_INTEGER, PLARGE_INTEGER, ULONG);

static BOOL lock(HANDLE h, DWORD off_lo, DWORD off_hi, DWORD len_lo, DWORD len_hi,
		 BOOLEAN fail_now, BOOLEAN exclusive)
{
	IO_STATUS_BLOCK iosb;
	LARGE_INTEGER off, len;
	NTSTATUS st;

	off.QuadPart = ((LONGLONG)off_hi << 32) | off_lo;
	len.QuadPart = ((LONGLONG)len_hi << 32) | len_lo;
	st = NtLockFile(h, NULL, NULL, NULL, &iosb, &off, &len, 0, fail_now, exclusive);
	return st < 0 ? k32_fail(st) : TRUE;
}

/* LockFile never waits and always locks exclusively. */
K32API BOOL WINAPI LockFile(HANDLE h, DWORD off_lo, DWORD off_hi, DWORD len_lo, DWORD len_hi)
{
	return lock(h, off_lo, off_hi, len_lo, len_hi, TRUE, TRUE);
}

K32API BOOL WINAPI LockFileEx(HANDLE h, DWORD flags, DWORD reserved, DWORD len_lo,
			      DWORD len_hi, LPOVERLAPPED ov)
{
	if (reserved || !ov)
		return k32_error(ERROR_INVALID_PARAMETER);
	return lock(h, ov->Offset, ov->OffsetHigh, len_lo, len_hi,
		    (flags & LOCKFILE_FAIL_IMMEDIATELY) != 0, (flags & LOCKFILE_EXCLUSIVE_LOCK) != 0);
}

static BOOL unlock(HANDLE h, DWORD off_lo, DWORD off_hi, DWORD len_lo, DWORD len_hi)
{
	IO_STATUS_BLOCK iosb;
	LARGE_INTEGER off, len;
	NTSTATUS st;

	off.QuadPart = ((LONGLONG)off_hi << 32) | off_lo;
	len.QuadPart = ((LONGLONG)len_hi << 32) | len_lo;
	st = NtUnlockFile(h, &iosb, &off, &len, 0);
	return st < 0 ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI UnlockFile(HANDLE h, DWORD off_lo, DWORD off_hi, DWORD len_lo, DWORD len_hi)
{
	return unlock(h, off_lo, off_hi, len_lo, len_hi);
}

K32API BOOL WINAPI UnlockFileEx(HANDLE h, DWORD reserved, DWORD len_lo, DWORD len_hi,
				LPOVERLAPPED ov)
{
	if (reserved || !ov)
		return k32_error(ERROR_INVALID_PARAMETER);
	return unlock(h, ov->Offset, ov->OffsetHigh, len_lo, len_hi);
}
