/* GetProcessVersion: the Windows version a process's image says it needs
 * (its PE header's subsystem version, major in the high word), read from
 * the image of the process the id names (0: this one). */
#include "k32_private.h"

#define PEB_IMAGE_BASE 0x10
#define PROCESS_BASIC_INFORMATION_CLASS 0

PIMAGE_NT_HEADERS NTAPI RtlImageNtHeader(PVOID);

static DWORD image_version(const IMAGE_NT_HEADERS64 *nt)
{
	return (DWORD)nt->OptionalHeader.MajorSubsystemVersion << 16 |
	       nt->OptionalHeader.MinorSubsystemVersion;
}

/* Another process's: its PEB's ImageBaseAddress, then the headers there. */
static DWORD remote_version(DWORD pid)
{
	HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ, FALSE, pid);
	PROCESS_BASIC_INFORMATION info;
	IMAGE_DOS_HEADER dos;
	IMAGE_NT_HEADERS64 nt;
	BYTE *base = NULL;
	DWORD version = 0;
	NTSTATUS st;

	if (!h)
		return 0;
	st = NtQueryInformationProcess(h, PROCESS_BASIC_INFORMATION_CLASS, &info, sizeof(info),
				       NULL);
	if (st < 0)
		k32_fail(st);
	else if (ReadProcessMemory(h, (BYTE *)info.PebBaseAddress + PEB_IMAGE_BASE, &base,
				   sizeof(base), NULL) &&
		 ReadProcessMemory(h, base, &dos, sizeof(dos), NULL) &&
		 ReadProcessMemory(h, base + dos.e_lfanew, &nt, sizeof(nt), NULL))
		version = dos.e_magic == IMAGE_DOS_SIGNATURE && nt.Signature == IMAGE_NT_SIGNATURE
				  ? image_version(&nt)
				  : (k32_error(ERROR_BAD_EXE_FORMAT), 0);
	CloseHandle(h);
	return version;
}

K32API DWORD WINAPI GetProcessVersion(DWORD pid)
{
	if (!pid || pid == GetCurrentProcessId())
		return image_version(RtlImageNtHeader(GetModuleHandleW(NULL)));
	return remote_version(pid);
}
