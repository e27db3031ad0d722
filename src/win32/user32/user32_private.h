/* Private declarations of user32. */
#ifndef LSW_USER32_PRIVATE_H
#define LSW_USER32_PRIVATE_H

#define _USER32_ /* we define, not import, the user API */
#include <windows.h>
#include <winternl.h>

/* ntdll's case mapping (exported, declared here as mingw-w64 does not). */
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR c);
WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR c);

/* queue.c: the calling thread leaves (DLL_THREAD_DETACH). */
void queue_thread_detach(void);

/* Writes a UTF-16 string to standard error (console or file). */
void user_write_stderr(const WCHAR *s, int len);

#endif
