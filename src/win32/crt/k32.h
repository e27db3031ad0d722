/* The kernel32/ntdll functions msvcrt calls, declared here instead of
 * including <windows.h>, which would drag in mingw's CRT headers and their
 * dllimport declarations of the very functions this DLL exports.
 * Every function listed here must also be listed in IMPORTS.md. */
#ifndef LSW_MSVCRT_K32_H
#define LSW_MSVCRT_K32_H

#include <stdint.h>
#include "crt_types.h"

typedef void *HANDLE;
typedef int BOOL;
typedef unsigned long DWORD;
typedef unsigned int UINT;
typedef long LONG;
typedef unsigned short WCHAR;

#define K32 __declspec(dllimport) __attribute__((__stdcall__))
#define INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)

#define STD_INPUT_HANDLE ((DWORD)-10)
#define STD_OUTPUT_HANDLE ((DWORD)-11)
#define STD_ERROR_HANDLE ((DWORD)-12)

#define FILE_TYPE_UNKNOWN 0
#define FILE_TYPE_DISK 1
#define FILE_TYPE_CHAR 2
#define FILE_TYPE_PIPE 3

#define GENERIC_READ 0x80000000UL
#define GENERIC_WRITE 0x40000000UL
#define FILE_SHARE_READ 1
#define FILE_SHARE_WRITE 2
#define FILE_SHARE_DELETE 4
#define CREATE_NEW 1
#define CREATE_ALWAYS 2
#define OPEN_EXISTING 3
#define OPEN_ALWAYS 4
#define TRUNCATE_EXISTING 5
#define FILE_ATTRIBUTE_READONLY 1
#define FILE_ATTRIBUTE_NORMAL 0x80
#define FILE_ATTRIBUTE_TEMPORARY 0x100
#define FILE_BEGIN 0
#define FILE_CURRENT 1
#define FILE_END 2
#define DUPLICATE_SAME_ACCESS 2
#define MOVEFILE_COPY_ALLOWED 2

#define DLL_PROCESS_DETACH 0
#define DLL_PROCESS_ATTACH 1
#define DLL_THREAD_ATTACH 2
#define DLL_THREAD_DETACH 3

#define TLS_OUT_OF_INDEXES 0xFFFFFFFFUL
#define HEAP_ZERO_MEMORY 8

typedef struct {
    void *DebugInfo;
    LONG LockCount;
    LONG RecursionCount;
    HANDLE OwningThread;
    HANDLE LockSemaphore;
    uintptr_t SpinCount;
} CRITICAL_SECTION;

typedef struct {
    DWORD dwLowDateTime;
    DWORD dwHighDateTime;
} FILETIME;

#define MAX_PATH 260

/* WIN32_FIND_DATAW, as in the public <minwinbase.h> */
typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD nFileSizeHigh, nFileSizeLow;
    DWORD dwReserved0, dwReserved1;
    WCHAR cFileName[MAX_PATH];
    WCHAR cAlternateFileName[14];
} WIN32_FIND_DATAW;

K32 HANDLE GetStdHandle(DWORD);
K32 BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
K32 BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
K32 HANDLE CreateFileA(const char *, DWORD, DWORD, void *, DWORD, DWORD, HANDLE);
K32 HANDLE CreateFileW(const WCHAR *, DWORD, DWORD, void *, DWORD, DWORD, HANDLE);
K32 BOOL CloseHandle(HANDLE);
K32 HANDLE FindFirstFileW(const WCHAR *, WIN32_FIND_DATAW *);
K32 BOOL FindNextFileW(HANDLE, WIN32_FIND_DATAW *);
K32 BOOL FindClose(HANDLE);
K32 BOOL SetFilePointerEx(HANDLE, int64_t, int64_t *, DWORD);
K32 DWORD GetFileType(HANDLE);
K32 BOOL DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
K32 BOOL DeleteFileA(const char *);
K32 BOOL DeleteFileW(const WCHAR *);
K32 BOOL MoveFileExA(const char *, const char *, DWORD);
K32 BOOL MoveFileExW(const WCHAR *, const WCHAR *, DWORD);
K32 HANDLE GetProcessHeap(void);
K32 void *HeapAlloc(HANDLE, DWORD, size_t);
K32 void *HeapReAlloc(HANDLE, DWORD, void *, size_t);
K32 BOOL HeapFree(HANDLE, DWORD, void *);
K32 size_t HeapSize(HANDLE, DWORD, const void *);
K32 char *GetCommandLineA(void);
K32 WCHAR *GetCommandLineW(void);
K32 char *GetEnvironmentStringsA(void);
K32 WCHAR *GetEnvironmentStringsW(void);
K32 BOOL FreeEnvironmentStringsA(char *);
K32 BOOL FreeEnvironmentStringsW(WCHAR *);
K32 BOOL SetEnvironmentVariableA(const char *, const char *);
K32 BOOL SetEnvironmentVariableW(const WCHAR *, const WCHAR *);
K32 DWORD GetLastError(void);
K32 DWORD GetVersion(void);
K32 void SetLastError(DWORD);
K32 __attribute__((noreturn)) void ExitProcess(UINT);
K32 BOOL TerminateProcess(HANDLE, UINT);

typedef struct {
    DWORD nLength;
    void *lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES;

/* spawn.c */
#define INFINITE 0xFFFFFFFFUL
#define ERROR_INVALID_HANDLE 6
typedef struct {
    DWORD cb;
    char *lpReserved, *lpDesktop, *lpTitle;
    DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute, dwFlags;
    unsigned short wShowWindow, cbReserved2;
    unsigned char *lpReserved2;
    HANDLE hStdInput, hStdOutput, hStdError;
} STARTUPINFOA;
typedef struct {
    HANDLE hProcess, hThread;
    DWORD dwProcessId, dwThreadId;
} PROCESS_INFORMATION;
K32 BOOL CreateProcessA(const char *, char *, void *, void *, BOOL, DWORD, void *, const char *,
                        STARTUPINFOA *, PROCESS_INFORMATION *);
K32 DWORD WaitForSingleObject(HANDLE, DWORD);
K32 BOOL GetExitCodeProcess(HANDLE, DWORD *);
K32 void GetSystemTimeAsFileTime(FILETIME *);
K32 BOOL QueryPerformanceCounter(int64_t *);
K32 BOOL QueryPerformanceFrequency(int64_t *);
K32 int MultiByteToWideChar(UINT, DWORD, const char *, int, WCHAR *, int);
K32 int WideCharToMultiByte(UINT, DWORD, const WCHAR *, int, char *, int,
                            const char *, BOOL *);
K32 void InitializeCriticalSection(CRITICAL_SECTION *);
K32 void EnterCriticalSection(CRITICAL_SECTION *);
K32 void LeaveCriticalSection(CRITICAL_SECTION *);
K32 void DeleteCriticalSection(CRITICAL_SECTION *);
K32 DWORD TlsAlloc(void);
K32 void *TlsGetValue(DWORD);
K32 BOOL TlsSetValue(DWORD, void *);
K32 BOOL TlsFree(DWORD);
K32 HANDLE CreateThread(void *, size_t, DWORD(__attribute__((__stdcall__)) *)(void *), void *, DWORD, DWORD *);
K32 __attribute__((noreturn)) void ExitThread(DWORD);
K32 __attribute__((noreturn)) void FreeLibraryAndExitThread(HANDLE, DWORD);
K32 BOOL GetModuleHandleExW(DWORD, const WCHAR *, HANDLE *);
K32 BOOL FreeLibrary(HANDLE);
K32 DWORD ResumeThread(HANDLE);
K32 void Sleep(DWORD);
K32 void RaiseException(DWORD, DWORD, DWORD, const uintptr_t *);

/* files and directories by name (stat.c, dir.c) */
typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD nFileSizeHigh, nFileSizeLow;
} WIN32_FILE_ATTRIBUTE_DATA;

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD dwVolumeSerialNumber;
    DWORD nFileSizeHigh, nFileSizeLow;
    DWORD nNumberOfLinks;
    DWORD nFileIndexHigh, nFileIndexLow;
} BY_HANDLE_FILE_INFORMATION;

#define FILE_ATTRIBUTE_DIRECTORY 0x10
#define INVALID_FILE_ATTRIBUTES ((DWORD)-1)

K32 BOOL GetFileAttributesExA(const char *, int, WIN32_FILE_ATTRIBUTE_DATA *);
K32 BOOL GetFileAttributesExW(const WCHAR *, int, WIN32_FILE_ATTRIBUTE_DATA *);
K32 BOOL GetFileInformationByHandle(HANDLE, BY_HANDLE_FILE_INFORMATION *);
K32 DWORD GetFileAttributesA(const char *);
K32 DWORD GetFileAttributesW(const WCHAR *);
K32 BOOL SetFileAttributesA(const char *, DWORD);
K32 BOOL SetFileAttributesW(const WCHAR *, DWORD);
K32 BOOL CreateDirectoryA(const char *, void *);
K32 BOOL CreateDirectoryW(const WCHAR *, void *);
K32 BOOL RemoveDirectoryA(const char *);
K32 BOOL RemoveDirectoryW(const WCHAR *);
K32 DWORD GetCurrentDirectoryA(DWORD, char *);
K32 DWORD GetCurrentDirectoryW(DWORD, WCHAR *);
K32 BOOL SetCurrentDirectoryA(const char *);
K32 BOOL SetCurrentDirectoryW(const WCHAR *);
K32 DWORD GetFullPathNameA(const char *, DWORD, char *, char **);
K32 DWORD GetFullPathNameW(const WCHAR *, DWORD, WCHAR *, WCHAR **);
K32 DWORD GetLogicalDrives(void);
K32 BOOL SetFileTime(HANDLE, const FILETIME *, const FILETIME *, const FILETIME *);

/* code pages and character types (mbcp.c) */
#define MB_ERR_INVALID_CHARS 0x08
#define CT_CTYPE1 1
#define C1_UPPER 0x01
#define C1_LOWER 0x02
#define LOCALE_INVARIANT 0x7F
#define LCMAP_LOWERCASE 0x100
#define LCMAP_UPPERCASE 0x200
#define LCMAP_SORTKEY 0x400
K32 UINT GetACP(void);
K32 UINT GetOEMCP(void);
K32 BOOL IsValidCodePage(UINT);
K32 BOOL GetStringTypeW(DWORD, const WCHAR *, int, unsigned short *);
K32 int LCMapStringW(DWORD, DWORD, const WCHAR *, int, WCHAR *, int);

/* named locales (locale_resolve.c, locale_data.c) */
#define LOCALE_SABBREVLANGNAME 0x03
#define LOCALE_SABBREVCTRYNAME 0x07
#define LOCALE_IDEFAULTCODEPAGE 0x0B
#define LOCALE_SNAME 0x5C
#define LOCALE_SISO3166CTRYNAME 0x5A
#define LOCALE_SENGLISHLANGUAGENAME 0x1001
#define LOCALE_SENGLISHCOUNTRYNAME 0x1002
#define LOCALE_IDEFAULTANSICODEPAGE 0x1004
#define LOCALE_RETURN_NUMBER 0x20000000
#define LOCALE_WINDOWS 0x01
#define LOCALE_NAME_MAX_LENGTH 85
typedef struct { UINT MaxCharSize; unsigned char DefaultChar[2], LeadByte[12]; } CPINFO;
typedef BOOL (__attribute__((__stdcall__)) *LOCALE_ENUMPROCEX)(WCHAR *, DWORD, intptr_t);
K32 int GetLocaleInfoEx(const WCHAR *, DWORD, WCHAR *, int);
K32 BOOL EnumSystemLocalesEx(LOCALE_ENUMPROCEX, DWORD, intptr_t, void *);
K32 int GetUserDefaultLocaleName(WCHAR *, int);
K32 DWORD LocaleNameToLCID(const WCHAR *, DWORD);
K32 int ResolveLocaleName(const WCHAR *, WCHAR *, int);
#define NORM_IGNORECASE 0x01
K32 int CompareStringEx(const WCHAR *, DWORD, const WCHAR *, int, const WCHAR *, int, void *,
                        void *, intptr_t);
K32 int LCMapStringEx(const WCHAR *, DWORD, const WCHAR *, int, WCHAR *, int, void *, void *,
                      intptr_t);
K32 BOOL GetCPInfo(UINT, CPINFO *);

/* ntdll */
K32 void RtlUnwindEx(void *target_frame, void *target_ip, void *rec,
                     void *retval, void *ctx, void *history);

#endif
