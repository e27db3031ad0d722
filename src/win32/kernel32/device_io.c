/*
 * DeviceIoControl: a control code to the driver behind a handle.  Codes of
 * the file-system device type (FSCTL_*) go to NtFsControlFile, every other
 * to NtDeviceIoControlFile, as kernel32 sends them on Windows; the I/O is
 * synchronous or overlapped the way ReadFile's is.
 */
#include "k32_private.h"

#define FILE_DEVICE_FILE_SYSTEM_TYPE 0x9u

K32API BOOL WINAPI DeviceIoControl(HANDLE h, DWORD code, LPVOID in, DWORD in_len, LPVOID out,
				   DWORD out_len, LPDWORD returned, LPOVERLAPPED ov)
{
	IO_STATUS_BLOCK io = { 0 }, *iop = ov ? (IO_STATUS_BLOCK *)&ov->Internal : &io;
	HANDLE event = k32_overlapped_event(ov);
	PVOID context = k32_overlapped_context(ov);
	NTSTATUS status;

	if (ov)
		ov->Internal = (ULONG_PTR)STATUS_PENDING;
	if (code >> 16 == FILE_DEVICE_FILE_SYSTEM_TYPE)
		status = NtFsControlFile(h, event, NULL, context, iop, code, in, in_len, out, out_len);
	else
		status = NtDeviceIoControlFile(h, event, NULL, context, iop, code, in, in_len, out,
					       out_len);
	if (ov) {
		if (status == STATUS_PENDING)
			return k32_error(ERROR_IO_PENDING);
	} else if (status == STATUS_PENDING) {
		NtWaitForSingleObject(h, FALSE, NULL);
		status = io.Status;
	}
	/* what was written counts, also when the buffer was too small for
	 * the whole answer (STATUS_BUFFER_OVERFLOW: ERROR_MORE_DATA) */
	if (returned && (status >= 0 || status == STATUS_BUFFER_OVERFLOW))
		*returned = (DWORD)iop->Information;
	if (status < 0 || status == STATUS_BUFFER_OVERFLOW)
		return k32_fail(status);
	return TRUE;
}
