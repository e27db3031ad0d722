/*
 * NT layouts and prototypes shared by ntdll's Rtl code and kernel32.
 *
 * mingw-w64's <winternl.h> gives the documented types (UNICODE_STRING,
 * IO_STATUS_BLOCK, OBJECT_ATTRIBUTES) but hides most PEB/TEB fields behind
 * Reserved arrays, so the x64 layouts we need are spelled out here with the
 * public offsets and checked by static asserts.  Prototypes of ntdll exports
 * that mingw does not declare are declared here too, with their documented
 * signatures.
 */
#ifndef LSW_RTL_NT_H
#define LSW_RTL_NT_H

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>

#include <stddef.h>

/* winnt.h maps these to the C library; ntdll exports them as functions. */
#undef RtlMoveMemory
#undef RtlCopyMemory
#undef RtlFillMemory
#undef RtlZeroMemory

#ifndef STATUS_VARIABLE_NOT_FOUND
#define STATUS_VARIABLE_NOT_FOUND ((NTSTATUS)0xC0000100)
#endif
#ifndef STATUS_SOME_NOT_MAPPED
#define STATUS_SOME_NOT_MAPPED ((NTSTATUS)0x00000107)
#endif

/* RTL_USER_PROCESS_PARAMETERS, x64. */
typedef struct LSW_CURDIR {
	UNICODE_STRING DosPath; /* always ends in a backslash */
	HANDLE Handle;
} LSW_CURDIR;

typedef struct LSW_PROCESS_PARAMETERS {
	ULONG MaximumLength;
	ULONG Length;
	ULONG Flags;
	ULONG DebugFlags;
	HANDLE ConsoleHandle;         /* +0x10 */
	ULONG ConsoleFlags;           /* +0x18 */
	HANDLE StandardInput;         /* +0x20 */
	HANDLE StandardOutput;        /* +0x28 */
	HANDLE StandardError;         /* +0x30 */
	LSW_CURDIR CurrentDirectory;  /* +0x38 */
	UNICODE_STRING DllPath;       /* +0x50 */
	UNICODE_STRING ImagePathName; /* +0x60 */
	UNICODE_STRING CommandLine;   /* +0x70 */
	WCHAR *Environment;           /* +0x80 */
	ULONG StartingX;              /* +0x88 */
	ULONG StartingY;
	ULONG CountX;
	ULONG CountY;
	ULONG CountCharsX;
	ULONG CountCharsY;
	ULONG FillAttribute;
	ULONG WindowFlags;            /* +0xA4 */
	ULONG ShowWindowFlags;        /* +0xA8 */
	UNICODE_STRING WindowTitle;   /* +0xB0 */
	UNICODE_STRING DesktopInfo;   /* +0xC0 */
	UNICODE_STRING ShellInfo;     /* +0xD0 */
	UNICODE_STRING RuntimeData;   /* +0xE0 */
	BYTE CurrentDirectories[0x3F0 - 0xF0];
	SIZE_T EnvironmentSize;       /* +0x3F0, bytes */
	SIZE_T EnvironmentVersion;
	PVOID PackageDependencyData;
	ULONG ProcessGroupId;         /* +0x408: a console group leader's pid */
	ULONG LoaderThreads;
	BYTE Windows10Fields[0x440 - 0x410];
} LSW_PROCESS_PARAMETERS;
#define LSW_PARAMS_NORMALIZED 1 /* string buffers are pointers, not offsets */
/* Found when the process was created: an application manifest; no Image
 * File Execution Options key for the image (RTL_USER_PROC_*). */
#define LSW_PARAMS_APP_MANIFEST_PRESENT 0x2000
#define LSW_PARAMS_IMAGE_KEY_MISSING 0x4000

_Static_assert(offsetof(LSW_PROCESS_PARAMETERS, StandardInput) == 0x20, "layout");
_Static_assert(offsetof(LSW_PROCESS_PARAMETERS, CurrentDirectory) == 0x38, "layout");
_Static_assert(offsetof(LSW_PROCESS_PARAMETERS, DllPath) == 0x50, "layout");
_Static_assert(offsetof(LSW_PROCESS_PARAMETERS, CommandLine) == 0x70, "layout");
_Static_assert(offsetof(LSW_PROCESS_PARAMETERS, Environment) == 0x80, "layout");
_Static_assert(offsetof(LSW_PROCESS_PARAMETERS, WindowFlags) == 0xA4, "layout");
_Static_assert(offsetof(LSW_PROCESS_PARAMETERS, WindowTitle) == 0xB0, "layout");
_Static_assert(offsetof(LSW_PROCESS_PARAMETERS, EnvironmentSize) == 0x3F0, "layout");
_Static_assert(sizeof(LSW_PROCESS_PARAMETERS) == 0x440, "Windows 10 size");

/* PEB, x64: only the fields we use, at their public offsets. */
typedef struct LSW_PEB {
	BYTE InheritedAddressSpace;
	BYTE ReadImageFileExecOptions;
	BYTE BeingDebugged;              /* +0x02 */
	BYTE BitField;
	BYTE Padding0[4];
	HANDLE Mutant;
	PVOID ImageBaseAddress;          /* +0x10 */
	PVOID Ldr;                       /* +0x18 */
	LSW_PROCESS_PARAMETERS *ProcessParameters; /* +0x20 */
	PVOID SubSystemData;
	HANDLE ProcessHeap;              /* +0x30 */
	RTL_CRITICAL_SECTION *FastPebLock; /* +0x38 */
	BYTE Pad1[0x80 - 0x40];
	PVOID TlsBitmap;                 /* +0x80 */
	ULONG TlsBitmapBits[2];          /* +0x88 */
	BYTE Pad2[0xB8 - 0x90];
	ULONG NumberOfProcessors;        /* +0xB8 */
	ULONG NtGlobalFlag;
	BYTE Pad3[0xE8 - 0xC0];
	ULONG NumberOfHeaps;             /* +0xE8 */
	ULONG MaximumNumberOfHeaps;
	PVOID *ProcessHeaps;             /* +0xF0 */
	BYTE Pad4[0x110 - 0xF8];
	RTL_CRITICAL_SECTION *LoaderLock; /* +0x110 */
	ULONG OSMajorVersion;            /* +0x118 */
	ULONG OSMinorVersion;            /* +0x11C */
	USHORT OSBuildNumber;            /* +0x120 */
	USHORT OSCSDVersion;
	ULONG OSPlatformId;              /* +0x124 */
	BYTE Pad5[0x238 - 0x128];
	PVOID TlsExpansionBitmap;        /* +0x238 */
	ULONG TlsExpansionBitmapBits[32];/* +0x240 */
} LSW_PEB;

_Static_assert(offsetof(LSW_PEB, ProcessParameters) == 0x20, "layout");
_Static_assert(offsetof(LSW_PEB, ProcessHeap) == 0x30, "layout");
_Static_assert(offsetof(LSW_PEB, FastPebLock) == 0x38, "layout");
_Static_assert(offsetof(LSW_PEB, TlsBitmap) == 0x80, "layout");
_Static_assert(offsetof(LSW_PEB, NumberOfProcessors) == 0xB8, "layout");
_Static_assert(offsetof(LSW_PEB, ProcessHeaps) == 0xF0, "layout");
_Static_assert(offsetof(LSW_PEB, LoaderLock) == 0x110, "layout");
_Static_assert(offsetof(LSW_PEB, OSMajorVersion) == 0x118, "layout");
_Static_assert(offsetof(LSW_PEB, OSBuildNumber) == 0x120, "layout");
_Static_assert(offsetof(LSW_PEB, TlsExpansionBitmapBits) == 0x240, "layout");

/* LDR_DDAG_NODE (x64, Windows 8 and later): a module's place in the
 * dependency graph.  Dependencies and IncomingDependencies are circular
 * singly linked lists given by their last element (Tail->Next is the
 * first) of LDR_DEPENDENCY records, each on the importer's and the
 * imported node's list. */
struct ldr_ddag_node {
	LIST_ENTRY Modules;                     /* +0x00: NodeModuleLink */
	PVOID ServiceTagList;
	ULONG LoadCount;                        /* +0x18: (ULONG)-1 pinned */
	ULONG LoadWhileUnloadingCount;
	ULONG LowestLink;
	SINGLE_LIST_ENTRY *Dependencies;        /* +0x28: tail */
	SINGLE_LIST_ENTRY *IncomingDependencies;/* +0x30: tail */
	LONG State;                             /* +0x38: LDR_DDAG_STATE */
	SINGLE_LIST_ENTRY CondenseLink;
	ULONG PreorderNumber;
};

struct ldr_dependency {
	SINGLE_LIST_ENTRY to_entry;             /* on from->Dependencies */
	struct ldr_ddag_node *to;
	SINGLE_LIST_ENTRY from_entry;           /* on to->IncomingDependencies */
	struct ldr_ddag_node *from;
};

_Static_assert(offsetof(struct ldr_ddag_node, Dependencies) == 0x28, "layout");
_Static_assert(offsetof(struct ldr_ddag_node, State) == 0x38, "layout");
_Static_assert(sizeof(struct ldr_ddag_node) == 0x50, "layout");

/* LDR_DATA_TABLE_ENTRY (x64, public layout): programs walk these lists
 * through PEB->Ldr to find modules without calling the loader. */
struct ldr_entry {
	LIST_ENTRY InLoadOrderLinks;            /* +0x00 */
	LIST_ENTRY InMemoryOrderLinks;          /* +0x10 */
	LIST_ENTRY InInitializationOrderLinks;  /* +0x20 */
	PVOID DllBase;                          /* +0x30 */
	PVOID EntryPoint;                       /* +0x38 */
	ULONG SizeOfImage;                      /* +0x40 */
	UNICODE_STRING FullDllName;             /* +0x48 */
	UNICODE_STRING BaseDllName;             /* +0x58 */
	ULONG Flags;                            /* +0x68 */
	USHORT ObsoleteLoadCount;               /* +0x6C */
	USHORT TlsIndex;                        /* +0x6E */
	LIST_ENTRY HashLinks;                   /* +0x70 */
	ULONG TimeDateStamp;                    /* +0x80 */
	PVOID EntryPointActivationContext;
	PVOID Lock;
	struct ldr_ddag_node *DdagNode;         /* +0x98 */
	LIST_ENTRY NodeModuleLink;              /* +0xA0 */
	BYTE rest[0x120 - 0xB0];
};

_Static_assert(offsetof(struct ldr_entry, DllBase) == 0x30, "layout");
_Static_assert(offsetof(struct ldr_entry, FullDllName) == 0x48, "layout");
_Static_assert(offsetof(struct ldr_entry, TimeDateStamp) == 0x80, "layout");
_Static_assert(offsetof(struct ldr_entry, DdagNode) == 0x98, "layout");
_Static_assert(sizeof(struct ldr_entry) == 0x120, "layout");

/* PEB_LDR_DATA (x64) */
struct ldr_data {
	ULONG Length;
	BOOLEAN Initialized;
	PVOID SsHandle;
	LIST_ENTRY InLoadOrderModuleList;           /* +0x10 */
	LIST_ENTRY InMemoryOrderModuleList;         /* +0x20 */
	LIST_ENTRY InInitializationOrderModuleList; /* +0x30 */
	PVOID EntryInProgress;
	BOOLEAN ShutdownInProgress;
	HANDLE ShutdownThreadId;
};

_Static_assert(offsetof(struct ldr_data, InLoadOrderModuleList) == 0x10, "layout");
_Static_assert(sizeof(struct ldr_data) == 0x58, "layout");

/* TEB, x64. */
typedef struct LSW_TEB {
	NT_TIB Tib;                      /* +0x00; Tib.Self at +0x30 */
	PVOID EnvironmentPointer;        /* +0x38 */
	HANDLE UniqueProcess;            /* +0x40 ClientId */
	HANDLE UniqueThread;             /* +0x48 */
	PVOID ActiveRpcHandle;
	PVOID ThreadLocalStoragePointer; /* +0x58 */
	LSW_PEB *Peb;                    /* +0x60 */
	ULONG LastErrorValue;            /* +0x68 */
	BYTE Pad1[0x1250 - 0x6C];
	NTSTATUS LastStatusValue;        /* +0x1250 */
	BYTE Pad2[0x1478 - 0x1254];
	PVOID DeallocationStack;         /* +0x1478 */
	PVOID TlsSlots[64];              /* +0x1480 */
	LIST_ENTRY TlsLinks;             /* +0x1680 */
	BYTE Pad3[0x1748 - 0x1690];
	ULONG GuaranteedStackBytes;      /* +0x1748 */
	BYTE Pad3b[0x1780 - 0x174C];
	PVOID *TlsExpansionSlots;        /* +0x1780 */
	BYTE Pad4[0x17C8 - 0x1788];
	PVOID FlsData;                   /* +0x17C8 */
	BYTE Pad5[0x17EE - 0x17D0];
	USHORT SameTebFlags;             /* +0x17EE; bit 2: HasFiberData */
} LSW_TEB;

_Static_assert(offsetof(LSW_TEB, UniqueThread) == 0x48, "layout");
_Static_assert(offsetof(LSW_TEB, Peb) == 0x60, "layout");
_Static_assert(offsetof(LSW_TEB, LastErrorValue) == 0x68, "layout");
_Static_assert(offsetof(LSW_TEB, LastStatusValue) == 0x1250, "layout");
_Static_assert(offsetof(LSW_TEB, TlsSlots) == 0x1480, "layout");
_Static_assert(offsetof(LSW_TEB, TlsExpansionSlots) == 0x1780, "layout");
_Static_assert(offsetof(LSW_TEB, FlsData) == 0x17C8, "layout");
_Static_assert(offsetof(LSW_TEB, DeallocationStack) == 0x1478, "layout");
_Static_assert(offsetof(LSW_TEB, GuaranteedStackBytes) == 0x1748, "layout");
_Static_assert(offsetof(LSW_TEB, SameTebFlags) == 0x17EE, "layout");

#define LSW_TLS_MINIMUM_AVAILABLE 64
#define LSW_TLS_EXPANSION_SLOTS 1024

#ifdef LSW_HOST_TEST
/* Native unit tests run on Linux: the TEB is a plain variable there. */
extern LSW_TEB lsw_test_teb;
static inline LSW_TEB *lsw_teb(void) { return &lsw_test_teb; }
#else
static inline LSW_TEB *lsw_teb(void)
{
	LSW_TEB *teb;

	/* NT_TIB.Self; plain asm, as gcc's __readgsqword trips -Warray-bounds */
	__asm__("movq %%gs:0x30, %0" : "=r"(teb));
	return teb;
}
#endif
static inline LSW_PEB *lsw_peb(void) { return lsw_teb()->Peb; }
static inline LSW_PROCESS_PARAMETERS *lsw_params(void)
{
	return lsw_peb()->ProcessParameters;
}
static inline HANDLE lsw_process_heap(void) { return lsw_peb()->ProcessHeap; }

/* KUSER_SHARED_DATA, the page the supervisor keeps up to date. */
#define LSW_USER_SHARED_DATA ((const volatile BYTE *)0x7FFE0000)
typedef struct LSW_KSYSTEM_TIME {
	ULONG LowPart;
	LONG High1Time;
	LONG High2Time;
} LSW_KSYSTEM_TIME;
#define LSW_USD_TICK_MULTIPLIER 0x004
#define LSW_USD_INTERRUPT_TIME 0x008
#define LSW_USD_SYSTEM_TIME 0x014
#define LSW_USD_TICK_COUNT 0x320

/* Values missing from mingw's headers. */
#define LSW_FILE_DEVICE_CONSOLE 0x50

typedef struct LSW_RTL_RELATIVE_NAME {
	UNICODE_STRING RelativeName;
	HANDLE ContainingDirectory;
	PVOID CurDirRef;
} LSW_RTL_RELATIVE_NAME;

typedef struct LSW_TIME_FIELDS {
	SHORT Year, Month, Day, Hour, Minute, Second, Milliseconds, Weekday;
} LSW_TIME_FIELDS;

typedef enum LSW_RTL_PATH_TYPE {
	RtlPathTypeUnknown,
	RtlPathTypeUncAbsolute,
	RtlPathTypeDriveAbsolute,
	RtlPathTypeDriveRelative,
	RtlPathTypeRooted,
	RtlPathTypeRelative,
	RtlPathTypeLocalDevice,
	RtlPathTypeRootLocalDevice,
} LSW_RTL_PATH_TYPE;

/* RTL_HANDLE_TABLE (x64, public layout): entries of HandleSize bytes
 * whose first pointer links the free list; bit 0 set marks a used entry. */
typedef struct RTL_HANDLE {
	struct RTL_HANDLE *Next;
} RTL_HANDLE;

typedef struct RTL_HANDLE_TABLE {
	ULONG MaxHandleCount;
	ULONG HandleSize;
	ULONG Unused[2];
	PVOID NextFree;
	PVOID FirstHandle;
	PVOID ReservedMemory;
	PVOID MaxHandle;
} RTL_HANDLE_TABLE;
_Static_assert(sizeof(RTL_HANDLE_TABLE) == 0x30, "public x64 layout");

/* Bit maps: bit i is bit i%8 of byte i/8 in both forms (little endian). */
typedef struct RTL_BITMAP {
	ULONG SizeOfBitMap;
	PULONG Buffer;
} RTL_BITMAP, *PRTL_BITMAP;

typedef struct RTL_BITMAP_EX {
	ULONG64 SizeOfBitMap;
	PULONG64 Buffer;
} RTL_BITMAP_EX, *PRTL_BITMAP_EX;

typedef struct RTL_BITMAP_RUN {
	ULONG StartingIndex;
	ULONG NumberOfBits;
} RTL_BITMAP_RUN, *PRTL_BITMAP_RUN;

/* NT system calls not declared by <winternl.h>. */
NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE, PVOID *, ULONG_PTR, PSIZE_T, ULONG, ULONG);
NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE, PVOID *, PSIZE_T, ULONG);
NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE, PVOID *, PSIZE_T, ULONG, PULONG);
NTSTATUS NTAPI NtQueryVirtualMemory(HANDLE, PVOID, int, PVOID, SIZE_T, PSIZE_T);
NTSTATUS NTAPI NtReadVirtualMemory(HANDLE, PVOID, PVOID, SIZE_T, PSIZE_T);
NTSTATUS NTAPI NtWriteVirtualMemory(HANDLE, PVOID, const void *, SIZE_T, PSIZE_T);
NTSTATUS NTAPI NtFlushInstructionCache(HANDLE, PVOID, SIZE_T);
NTSTATUS NTAPI NtReadFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, PVOID, ULONG, PLARGE_INTEGER, PULONG);
NTSTATUS NTAPI NtWriteFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, const void *, ULONG, PLARGE_INTEGER, PULONG);
NTSTATUS NTAPI NtQueryAttributesFile(POBJECT_ATTRIBUTES, PVOID);
NTSTATUS NTAPI NtQueryFullAttributesFile(POBJECT_ATTRIBUTES, PVOID);
NTSTATUS NTAPI NtDeleteFile(POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtFlushBuffersFile(HANDLE, PIO_STATUS_BLOCK);
NTSTATUS NTAPI NtQueryPerformanceCounter(PLARGE_INTEGER, PLARGE_INTEGER);
NTSTATUS NTAPI NtDelayExecution(BOOLEAN, PLARGE_INTEGER);
NTSTATUS NTAPI NtYieldExecution(void);
NTSTATUS NTAPI NtTerminateProcess(HANDLE, NTSTATUS);
NTSTATUS NTAPI NtDuplicateObject(HANDLE, HANDLE, HANDLE, PHANDLE, ACCESS_MASK, ULONG, ULONG);
NTSTATUS NTAPI NtWaitForKeyedEvent(HANDLE, PVOID, BOOLEAN, PLARGE_INTEGER);
NTSTATUS NTAPI NtReleaseKeyedEvent(HANDLE, PVOID, BOOLEAN, PLARGE_INTEGER);
NTSTATUS NTAPI NtCreateEvent(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, int, BOOLEAN);
NTSTATUS NTAPI NtSetEvent(HANDLE, PLONG);
NTSTATUS NTAPI NtOpenEvent(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtResetEvent(HANDLE, PLONG);
NTSTATUS NTAPI NtQueryEvent(HANDLE, int, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtClearEvent(HANDLE);
NTSTATUS NTAPI NtSetInformationObject(HANDLE, OBJECT_INFORMATION_CLASS, PVOID, ULONG);
NTSTATUS NTAPI NtGetContextThread(HANDLE, PCONTEXT);
NTSTATUS NTAPI NtSetContextThread(HANDLE, PCONTEXT);
NTSTATUS NTAPI NtPulseEvent(HANDLE, PLONG);
NTSTATUS NTAPI NtCreateMutant(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, BOOLEAN);
NTSTATUS NTAPI NtOpenMutant(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtReleaseMutant(HANDLE, PLONG);
NTSTATUS NTAPI NtCreateSemaphore(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, LONG, LONG);
NTSTATUS NTAPI NtOpenSemaphore(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtReleaseSemaphore(HANDLE, LONG, PLONG);
NTSTATUS NTAPI NtCreateTimer(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, int);
NTSTATUS NTAPI NtOpenTimer(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
NTSTATUS NTAPI NtSetTimer(HANDLE, PLARGE_INTEGER, PVOID, PVOID, BOOLEAN, LONG, PBOOLEAN);
NTSTATUS NTAPI NtCancelTimer(HANDLE, PBOOLEAN);
NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG, const HANDLE *, int, BOOLEAN, PLARGE_INTEGER);
NTSTATUS NTAPI NtSignalAndWaitForSingleObject(HANDLE, HANDLE, BOOLEAN, PLARGE_INTEGER);
NTSTATUS NTAPI NtCreateIoCompletion(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, ULONG);
NTSTATUS NTAPI NtRemoveIoCompletion(HANDLE, PVOID *, PVOID *, PIO_STATUS_BLOCK, PLARGE_INTEGER);
NTSTATUS NTAPI NtRemoveIoCompletionEx(HANDLE, PVOID /* FILE_IO_COMPLETION_INFORMATION * */,
				      ULONG, PULONG, PLARGE_INTEGER, BOOLEAN);
NTSTATUS NTAPI NtSetIoCompletion(HANDLE, PVOID, PVOID, NTSTATUS, ULONG_PTR);
NTSTATUS NTAPI NtCancelIoFile(HANDLE, PIO_STATUS_BLOCK);
NTSTATUS NTAPI NtCancelIoFileEx(HANDLE, PIO_STATUS_BLOCK, PIO_STATUS_BLOCK);
NTSTATUS NTAPI NtCancelSynchronousIoFile(HANDLE, PIO_STATUS_BLOCK, PIO_STATUS_BLOCK);
NTSTATUS NTAPI NtNotifyChangeDirectoryFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK,
					   PVOID, ULONG, ULONG, BOOLEAN);
NTSTATUS NTAPI NtNotifyChangeDirectoryFileEx(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID,
					     PIO_STATUS_BLOCK, PVOID, ULONG, ULONG, BOOLEAN,
					     ULONG);

/* ntdll exports outside the Rtl set of this directory (loader, startup). */
NTSTATUS NTAPI LdrLoadDll(PWSTR, PULONG, PUNICODE_STRING, PVOID *);
NTSTATUS NTAPI LdrUnloadDll(PVOID);
NTSTATUS NTAPI LdrGetDllHandle(PWSTR, PULONG, PUNICODE_STRING, PVOID *);
NTSTATUS NTAPI LdrGetProcedureAddress(PVOID, PANSI_STRING, ULONG, PVOID *);
void NTAPI RtlExitUserProcess(NTSTATUS) __attribute__((noreturn));
void NTAPI RtlRaiseException(PEXCEPTION_RECORD);

/* Rtl exports of this directory not declared by mingw. */
ULONG NTAPI RtlGetLastWin32Error(void);
ULONG NTAPI RtlUniform(PULONG);
void NTAPI RtlSetLastWin32Error(ULONG);
NTSTATUS NTAPI RtlGetLastNtStatus(void);
PVOID NTAPI RtlGetCurrentPeb(void);
void NTAPI RtlAcquirePebLock(void);
void NTAPI RtlReleasePebLock(void);
PVOID NTAPI RtlReAllocateHeap(PVOID, ULONG, PVOID, SIZE_T);
SIZE_T NTAPI RtlSizeHeap(PVOID, ULONG, const void *);
BOOLEAN NTAPI RtlValidateHeap(PVOID, ULONG, const void *);
ULONG NTAPI RtlGetProcessHeaps(ULONG, PVOID *);
SIZE_T NTAPI RtlCompactHeap(PVOID, ULONG);
BOOLEAN NTAPI RtlLockHeap(PVOID);
BOOLEAN NTAPI RtlUnlockHeap(PVOID);

/* RTL_HEAP_WALK_ENTRY, x64: what RtlWalkHeap fills (HeapWalk's source). */
typedef struct LSW_HEAP_WALK_ENTRY {
	PVOID DataAddress;
	SIZE_T DataSize;
	UCHAR OverheadBytes;
	UCHAR SegmentIndex;
	USHORT Flags;
	union {
		struct {
			SIZE_T Settable;
			USHORT TagIndex;
			USHORT AllocatorBackTraceIndex;
			ULONG Reserved[2];
		} Block;
		struct {
			ULONG CommittedSize;
			ULONG UnCommittedSize;
			PVOID FirstEntry;
			PVOID LastEntry;
		} Segment;
	};
} LSW_HEAP_WALK_ENTRY;
_Static_assert(sizeof(LSW_HEAP_WALK_ENTRY) == 0x30, "layout");
#define LSW_HEAP_WALK_BUSY 0x0001
#define LSW_HEAP_WALK_SEGMENT 0x0002
#define LSW_HEAP_WALK_UNCOMMITTED 0x1000
#define LSW_HEAP_WALK_LARGE_INDEX 64 /* SegmentIndex of blocks with their own region */
NTSTATUS NTAPI RtlWalkHeap(PVOID, LSW_HEAP_WALK_ENTRY *);
NTSTATUS NTAPI RtlMultiByteToUnicodeN(PWCH, ULONG, PULONG, const CHAR *, ULONG);
NTSTATUS NTAPI RtlUnicodeToMultiByteN(PCHAR, ULONG, PULONG, const WCHAR *, ULONG);
NTSTATUS NTAPI RtlUpcaseUnicodeToMultiByteN(PCHAR, ULONG, PULONG, const WCHAR *, ULONG);
NTSTATUS NTAPI RtlOemToUnicodeN(PWCH, ULONG, PULONG, const CHAR *, ULONG);
NTSTATUS NTAPI RtlUnicodeToOemN(PCHAR, ULONG, PULONG, const WCHAR *, ULONG);
NTSTATUS NTAPI RtlMultiByteToUnicodeSize(PULONG, const CHAR *, ULONG);
NTSTATUS NTAPI RtlUTF8ToUnicodeN(PWSTR, ULONG, PULONG, const CHAR *, ULONG);
NTSTATUS NTAPI RtlUnicodeToUTF8N(PCHAR, ULONG, PULONG, const WCHAR *, ULONG);
LONG NTAPI RtlCompareUnicodeString(PCUNICODE_STRING, PCUNICODE_STRING, BOOLEAN);
BOOLEAN NTAPI RtlEqualUnicodeString(PCUNICODE_STRING, PCUNICODE_STRING, BOOLEAN);
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);
WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR);
NTSTATUS NTAPI RtlUpcaseUnicodeString(PUNICODE_STRING, PCUNICODE_STRING, BOOLEAN);
void NTAPI RtlCopyUnicodeString(PUNICODE_STRING, PCUNICODE_STRING);
NTSTATUS NTAPI RtlAppendUnicodeToString(PUNICODE_STRING, PCWSTR);
NTSTATUS NTAPI RtlAppendUnicodeStringToString(PUNICODE_STRING, PCUNICODE_STRING);
NTSTATUS NTAPI RtlIntegerToChar(ULONG, ULONG, LONG, PCHAR);
NTSTATUS NTAPI RtlIntegerToUnicodeString(ULONG, ULONG, PUNICODE_STRING);
NTSTATUS NTAPI RtlLargeIntegerToChar(const ULONGLONG *, ULONG, LONG, PCHAR);
NTSTATUS NTAPI RtlInt64ToUnicodeString(ULONGLONG, ULONG, PUNICODE_STRING);
NTSTATUS NTAPI RtlUnicodeStringToInteger(PCUNICODE_STRING, ULONG, PULONG);
void NTAPI RtlCopyString(PSTRING, const STRING *);
NTSTATUS NTAPI RtlAppendStringToString(PSTRING, const STRING *);
NTSTATUS NTAPI RtlAppendAsciizToString(PSTRING, PCSZ);
LONG NTAPI RtlCompareUnicodeStrings(const WCHAR *, SIZE_T, const WCHAR *, SIZE_T, BOOLEAN);
NTSTATUS NTAPI RtlFindCharInUnicodeString(ULONG, PCUNICODE_STRING, PCUNICODE_STRING, USHORT *);
NTSTATUS NTAPI RtlStringFromGUIDEx(const GUID *, PUNICODE_STRING, BOOLEAN);
NTSTATUS NTAPI RtlStringFromGUID(const GUID *, PUNICODE_STRING);
NTSTATUS NTAPI RtlGUIDFromString(PCUNICODE_STRING, GUID *);
NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *, ULONG, ULONG);
NTSTATUS NTAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *, ULONG);
NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *);
NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *);
NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *);
BOOLEAN NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *);
NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *);
ULONG NTAPI RtlSetCriticalSectionSpinCount(RTL_CRITICAL_SECTION *, ULONG);
void NTAPI RtlInitializeSRWLock(PRTL_SRWLOCK);
void NTAPI RtlAcquireSRWLockExclusive(PRTL_SRWLOCK);
void NTAPI RtlAcquireSRWLockShared(PRTL_SRWLOCK);
void NTAPI RtlReleaseSRWLockExclusive(PRTL_SRWLOCK);
void NTAPI RtlReleaseSRWLockShared(PRTL_SRWLOCK);
BOOLEAN NTAPI RtlTryAcquireSRWLockExclusive(PRTL_SRWLOCK);
BOOLEAN NTAPI RtlTryAcquireSRWLockShared(PRTL_SRWLOCK);
NTSTATUS NTAPI RtlRunOnceExecuteOnce(PRTL_RUN_ONCE, PRTL_RUN_ONCE_INIT_FN, PVOID, PVOID *);
NTSTATUS NTAPI RtlRunOnceBeginInitialize(PRTL_RUN_ONCE, ULONG, PVOID *);
NTSTATUS NTAPI RtlRunOnceComplete(PRTL_RUN_ONCE, ULONG, PVOID);
void NTAPI RtlInitializeConditionVariable(PRTL_CONDITION_VARIABLE);
NTSTATUS NTAPI RtlSleepConditionVariableCS(PRTL_CONDITION_VARIABLE, RTL_CRITICAL_SECTION *,
					   const LARGE_INTEGER *);
NTSTATUS NTAPI RtlSleepConditionVariableSRW(PRTL_CONDITION_VARIABLE, PRTL_SRWLOCK,
					    const LARGE_INTEGER *, ULONG);
void NTAPI RtlWakeConditionVariable(PRTL_CONDITION_VARIABLE);
void NTAPI RtlWakeAllConditionVariable(PRTL_CONDITION_VARIABLE);
NTSTATUS NTAPI RtlWaitOnAddress(const volatile void *, const void *, SIZE_T,
				const LARGE_INTEGER *);
void NTAPI RtlWakeAddressSingle(const void *);
void NTAPI RtlWakeAddressAll(const void *);
NTSTATUS NTAPI RtlQueryEnvironmentVariable_U(PWSTR, PCUNICODE_STRING, PUNICODE_STRING);
NTSTATUS NTAPI RtlSetEnvironmentVariable(PWSTR *, PCUNICODE_STRING, PCUNICODE_STRING);
NTSTATUS NTAPI RtlExpandEnvironmentStrings_U(PCWSTR, PCUNICODE_STRING, PUNICODE_STRING, PULONG);
ULONG NTAPI RtlGetFullPathName_U(PCWSTR, ULONG, PWSTR, PWSTR *);
ULONG NTAPI RtlGetCurrentDirectory_U(ULONG, PWSTR);
NTSTATUS NTAPI RtlSetCurrentDirectory_U(PCUNICODE_STRING);
LSW_RTL_PATH_TYPE NTAPI RtlDetermineDosPathNameType_U(PCWSTR);
ULONG NTAPI RtlIsDosDeviceName_U(PCWSTR);
NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(PCWSTR, PUNICODE_STRING, PWSTR *, PVOID);
void NTAPI RtlTimeToTimeFields(const LARGE_INTEGER *, LSW_TIME_FIELDS *);
BOOLEAN NTAPI RtlTimeFieldsToTime(const LSW_TIME_FIELDS *, PLARGE_INTEGER);
void NTAPI RtlSecondsSince1970ToTime(ULONG, PLARGE_INTEGER);
PVOID NTAPI RtlEncodePointer(PVOID);
PVOID NTAPI RtlDecodePointer(PVOID);
ULONG NTAPI RtlGetThreadErrorMode(void);
NTSTATUS NTAPI RtlSetThreadErrorMode(ULONG, ULONG *);

/* CPTABLEINFO, as the DDK's ntnls.h lays it out: a code page file
 * (c_NNN.nls) read by RtlInitCodePageTable. */
#define LSW_MAXIMUM_LEADBYTES 12
typedef struct LSW_CPTABLEINFO {
	USHORT CodePage;
	USHORT MaximumCharacterSize;
	USHORT DefaultChar;
	USHORT UniDefaultChar;
	USHORT TransDefaultChar;
	USHORT TransUniDefaultChar;
	USHORT DBCSCodePage;
	UCHAR LeadByte[LSW_MAXIMUM_LEADBYTES];
	USHORT *MultiByteTable;
	void *WideCharTable;
	USHORT *DBCSRanges;
	USHORT *DBCSOffsets;
} LSW_CPTABLEINFO;
_Static_assert(offsetof(LSW_CPTABLEINFO, MultiByteTable) == 32, "CPTABLEINFO layout");
_Static_assert(sizeof(LSW_CPTABLEINFO) == 64, "CPTABLEINFO size");
#define LSW_NLS_SECTION_CODEPAGE 11 /* NtGetNlsSectionPtr: c_NNN.nls */
NTSTATUS NTAPI NtGetNlsSectionPtr(ULONG type, ULONG id, void *reserved, void **ptr, SIZE_T *size);
void NTAPI RtlInitCodePageTable(USHORT *file, LSW_CPTABLEINFO *info);

/* Messages (rtl/format_message.c) */
BOOLEAN NTAPI RtlIsTextUnicode(const void *buf, INT len, INT *flags);
NTSTATUS NTAPI RtlFormatMessageEx(const WCHAR *src, ULONG width, BOOLEAN ignore_inserts,
				  BOOLEAN ansi, BOOLEAN is_array, va_list *args, WCHAR *buffer,
				  ULONG size, ULONG *retsize, ULONG flags);

/* Atoms: the kernel's global table (Nt*) and Rtl tables (rtl/atom.c). */
typedef USHORT RTL_ATOM;
typedef struct atom_table *RTL_ATOM_TABLE;
typedef struct LSW_ATOM_BASIC_INFORMATION {
	USHORT UsageCount;
	USHORT Flags;
	USHORT NameLength;      /* bytes */
	WCHAR Name[1];
} LSW_ATOM_BASIC_INFORMATION;
#define LSW_ATOM_BASIC_INFORMATION_CLASS 0
NTSTATUS NTAPI NtAddAtom(const WCHAR *name, ULONG length, RTL_ATOM *atom);
NTSTATUS NTAPI NtFindAtom(const WCHAR *name, ULONG length, RTL_ATOM *atom);
NTSTATUS NTAPI NtDeleteAtom(RTL_ATOM atom);
NTSTATUS NTAPI NtQueryInformationAtom(RTL_ATOM atom, ULONG info_class, void *info, ULONG length,
				      ULONG *ret_length);
NTSTATUS NTAPI RtlCreateAtomTable(ULONG size, RTL_ATOM_TABLE *table);
NTSTATUS NTAPI RtlDestroyAtomTable(RTL_ATOM_TABLE table);
NTSTATUS NTAPI RtlEmptyAtomTable(RTL_ATOM_TABLE table, BOOLEAN include_pinned);
NTSTATUS NTAPI RtlAddAtomToAtomTable(RTL_ATOM_TABLE table, const WCHAR *name, RTL_ATOM *atom);
NTSTATUS NTAPI RtlLookupAtomInAtomTable(RTL_ATOM_TABLE table, const WCHAR *name, RTL_ATOM *atom);
NTSTATUS NTAPI RtlDeleteAtomFromAtomTable(RTL_ATOM_TABLE table, RTL_ATOM atom);
NTSTATUS NTAPI RtlPinAtomInAtomTable(RTL_ATOM_TABLE table, RTL_ATOM atom);
NTSTATUS NTAPI RtlQueryAtomInAtomTable(RTL_ATOM_TABLE table, RTL_ATOM atom, ULONG *refs,
				       ULONG *pinned, WCHAR *name, ULONG *len);

#endif
