#!/usr/bin/env python3
"""One-time importer: writes the skeleton of include/lsw/ntcalls.def from the
public syscall-number table (shared/data/nt-syscalls-x64.csv).

The .def file is source, maintained by hand afterwards (argument counts,
support levels, notes), the way strace keeps syscallent.h.  Re-run only to
pick up a new Windows build column; merge the result by hand.
usage: import_nt_numbers.py CSV [COLUMN] > rows.txt
"""
import csv
import re
import sys

# Argument counts from the public prototypes; -1 where not yet described.
NARGS = {'NtClose': 1, 'NtReadFile': 9, 'NtWriteFile': 9, 'NtCreateFile': 11, 'NtOpenFile': 6, 'NtQueryInformationFile': 5, 'NtSetInformationFile': 5, 'NtQueryDirectoryFile': 11, 'NtQueryDirectoryFileEx': 10, 'NtQueryAttributesFile': 2, 'NtQueryFullAttributesFile': 2, 'NtFlushBuffersFile': 2, 'NtQueryVolumeInformationFile': 5, 'NtSetVolumeInformationFile': 5, 'NtDeleteFile': 1, 'NtLockFile': 10, 'NtUnlockFile': 5, 'NtDeviceIoControlFile': 10, 'NtFsControlFile': 10, 'NtNotifyChangeDirectoryFile': 9, 'NtQueryEaFile': 9, 'NtSetEaFile': 4, 'NtCancelIoFile': 2, 'NtCancelIoFileEx': 3, 'NtCreateNamedPipeFile': 14, 'NtAllocateVirtualMemory': 6, 'NtAllocateVirtualMemoryEx': 7, 'NtFreeVirtualMemory': 4, 'NtProtectVirtualMemory': 5, 'NtQueryVirtualMemory': 6, 'NtCreateSection': 7, 'NtOpenSection': 3, 'NtMapViewOfSection': 10, 'NtMapViewOfSectionEx': 9, 'NtUnmapViewOfSection': 2, 'NtUnmapViewOfSectionEx': 3, 'NtQuerySection': 5, 'NtExtendSection': 2, 'NtAreMappedFilesTheSame': 2, 'NtFlushInstructionCache': 3, 'NtReadVirtualMemory': 5, 'NtWriteVirtualMemory': 5, 'NtSetInformationVirtualMemory': 6, 'NtFlushProcessWriteBuffers': 0, 'NtTerminateProcess': 2, 'NtTerminateThread': 2, 'NtQueryInformationProcess': 5, 'NtSetInformationProcess': 4, 'NtQueryInformationThread': 5, 'NtSetInformationThread': 4, 'NtCreateThreadEx': 11, 'NtCreateThread': 8, 'NtCreateProcessEx': 9, 'NtCreateUserProcess': 11, 'NtOpenProcess': 4, 'NtOpenThread': 4, 'NtSuspendThread': 2, 'NtResumeThread': 2, 'NtGetContextThread': 2, 'NtSetContextThread': 2, 'NtContinue': 2, 'NtRaiseException': 3, 'NtQueueApcThread': 5, 'NtTestAlert': 0, 'NtGetCurrentProcessorNumber': 0, 'NtAlertThread': 1, 'NtAlertResumeThread': 2, 'NtCreateJobObject': 3, 'NtAssignProcessToJobObject': 2, 'NtQueryInformationJobObject': 5, 'NtCreateEvent': 5, 'NtOpenEvent': 3, 'NtSetEvent': 2, 'NtResetEvent': 2, 'NtClearEvent': 1, 'NtPulseEvent': 2, 'NtQueryEvent': 5, 'NtCreateMutant': 4, 'NtOpenMutant': 3, 'NtReleaseMutant': 2, 'NtCreateSemaphore': 5, 'NtOpenSemaphore': 3, 'NtReleaseSemaphore': 3, 'NtCreateTimer': 4, 'NtOpenTimer': 3, 'NtSetTimer': 7, 'NtCancelTimer': 2, 'NtWaitForSingleObject': 3, 'NtWaitForMultipleObjects': 5, 'NtSignalAndWaitForSingleObject': 4, 'NtDelayExecution': 2, 'NtYieldExecution': 0, 'NtCreateKeyedEvent': 4, 'NtWaitForKeyedEvent': 4, 'NtReleaseKeyedEvent': 4, 'NtWaitForAlertByThreadId': 2, 'NtAlertThreadByThreadId': 1, 'NtCreateIoCompletion': 4, 'NtSetIoCompletion': 5, 'NtRemoveIoCompletion': 5, 'NtCreateKey': 7, 'NtOpenKey': 3, 'NtOpenKeyEx': 4, 'NtDeleteKey': 1, 'NtSetValueKey': 6, 'NtQueryValueKey': 6, 'NtDeleteValueKey': 2, 'NtEnumerateKey': 6, 'NtEnumerateValueKey': 6, 'NtQueryKey': 5, 'NtFlushKey': 1, 'NtRenameKey': 2, 'NtNotifyChangeKey': 10, 'NtDuplicateObject': 7, 'NtQueryObject': 5, 'NtSetInformationObject': 4, 'NtMakeTemporaryObject': 1, 'NtCreateDirectoryObject': 3, 'NtOpenDirectoryObject': 3, 'NtCreateSymbolicLinkObject': 4, 'NtOpenSymbolicLinkObject': 3, 'NtQuerySymbolicLinkObject': 3, 'NtCompareObjects': 2, 'NtQuerySystemInformation': 4, 'NtQuerySystemTime': 1, 'NtQueryPerformanceCounter': 2, 'NtSetSystemInformation': 3, 'NtQueryTimerResolution': 3, 'NtSetTimerResolution': 3, 'NtQueryDefaultLocale': 2, 'NtQueryDefaultUILanguage': 1, 'NtQueryInstallUILanguage': 1, 'NtQuerySystemEnvironmentValue': 4, 'NtOpenProcessToken': 3, 'NtOpenProcessTokenEx': 4, 'NtOpenThreadToken': 4, 'NtOpenThreadTokenEx': 5, 'NtQueryInformationToken': 5, 'NtAdjustPrivilegesToken': 6, 'NtAccessCheck': 8, 'NtQuerySecurityObject': 5, 'NtSetSecurityObject': 3, 'NtTraceEvent': 4, 'NtDisplayString': 1, 'NtQueryLicenseValue': 5, 'NtQueryDebugFilterState': 2, 'NtAddAtom': 3, 'NtFindAtom': 3, 'NtDeleteAtom': 1, 'NtQueryInformationAtom': 5, 'NtApphelpCacheControl': 2, 'NtInitializeNlsFiles': 3, 'NtGetNlsSectionPtr': 5, 'NtRaiseHardError': 6, 'NtLoadDriver': 1, 'NtShutdownSystem': 1}

CLASSES = [
    (r'Key|Registry', 'KEY'),
    (r'File|Directory(Object)?File|Volume|Io|Ea$|NamedPipe|MailslotFile', 'FILE'),
    (r'VirtualMemory|Section|ViewOfSection|Memory|WriteWatch|Cache', 'MEMORY'),
    (r'Thread|Process|Job|Apc|Context|Continue|RaiseException|Callback', 'PROCESS'),
    (r'Event|Mutant|Semaphore|Timer|Wait|KeyedEvent|Delay|Yield|Alert|IoCompletion|WorkerFactory', 'SYNC'),
    (r'Token|Privilege|Access|Security|Sid|Audit|Impersonat', 'SECURITY'),
    (r'Close|Duplicate|Object|Handle|SymbolicLink', 'OBJECT'),
    (r'Time|PerformanceCounter|Tick', 'TIME'),
    (r'SystemInformation|SystemEnvironment|Locale|Language|Version', 'SYSINFO'),
]


def klass(name):
    for pattern, cls in CLASSES:
        if re.search(pattern, name):
            return cls
    return 'OTHER'


def main():
    path = sys.argv[1]
    column = sys.argv[2] if len(sys.argv) > 2 else 'Windows 10 (22H2)'
    rows = list(csv.reader(open(path, newline='')))
    col = rows[0].index(column)
    calls = sorted((int(r[col], 16), r[0]) for r in rows[1:] if r[col])
    for number, name in calls:
        nargs = NARGS.get(name, -1)
        print(f'NTCALL(0x{number:04x}, {name + ",":<45} {nargs:>2}, {klass(name) + ",":<9} NI)')


if __name__ == '__main__':
    main()
