/* RtlNtStatusToDosError and the thread's last-error slots in the TEB. */
#include "rtl_private.h"

#ifndef STATUS_HANDLE_NOT_CLOSABLE
#define STATUS_HANDLE_NOT_CLOSABLE ((NTSTATUS)0xC0000235)
#endif

/* Win32 codes mingw's winerror.h lacks (public values). */
#ifndef ERROR_IMAGE_NOT_AT_BASE
#define ERROR_IMAGE_NOT_AT_BASE 700
#endif
#ifndef ERROR_CONTROL_C_EXIT
#define ERROR_CONTROL_C_EXIT 572
#endif
#ifndef ERROR_IMAGE_MACHINE_TYPE_MISMATCH
#define ERROR_IMAGE_MACHINE_TYPE_MISMATCH 706
#endif
#ifndef ERROR_STOPPED_ON_SYMLINK
#define ERROR_STOPPED_ON_SYMLINK 681
#endif
#ifndef ERROR_NOT_CAPABLE
#define ERROR_NOT_CAPABLE 775
#endif
#ifndef ERROR_INVALID_LOCK_RANGE
#define ERROR_INVALID_LOCK_RANGE 307
#endif

static const struct {
	NTSTATUS status;
	ULONG error;
} status_map[] = {
#define MAP(status, error) { (NTSTATUS)(status), (error) },
#include "status_to_dos.def"
#undef MAP
};

static ULONG status_to_dos(NTSTATUS status)
{
	ULONG s = (ULONG)status;
	size_t i;

	/* NTSTATUS_FROM_WIN32: facility 7 carries the Win32 code itself. */
	if ((s & 0xFFFF0000UL) == 0xC0070000UL || (s & 0xFFFF0000UL) == 0x80070000UL)
		return s & 0xFFFF;
	for (i = 0; i < sizeof(status_map) / sizeof(status_map[0]); i++)
		if (status_map[i].status == status)
			return status_map[i].error;
	return ERROR_MR_MID_NOT_FOUND;
}

/* Like Windows, also records the status in TEB->LastStatusValue. */
RTLAPI ULONG NTAPI RtlNtStatusToDosError(NTSTATUS status)
{
	lsw_teb()->LastStatusValue = status;
	return status_to_dos(status);
}

RTLAPI ULONG NTAPI RtlNtStatusToDosErrorNoTeb(NTSTATUS status)
{
	return status_to_dos(status);
}

RTLAPI ULONG NTAPI RtlGetLastWin32Error(void)
{
	return lsw_teb()->LastErrorValue;
}

RTLAPI void NTAPI RtlSetLastWin32Error(ULONG error)
{
	lsw_teb()->LastErrorValue = error;
}

RTLAPI void NTAPI RtlRestoreLastWin32Error(ULONG error)
{
	lsw_teb()->LastErrorValue = error;
}

/* Both slots from one status, as after a failed NT call. */
RTLAPI void NTAPI RtlSetLastWin32ErrorAndNtStatusFromNtStatus(NTSTATUS status)
{
	lsw_teb()->LastErrorValue = RtlNtStatusToDosError(status);
}

RTLAPI NTSTATUS NTAPI RtlGetLastNtStatus(void)
{
	return lsw_teb()->LastStatusValue;
}

RTLAPI PVOID NTAPI RtlGetCurrentPeb(void)
{
	return lsw_peb();
}
