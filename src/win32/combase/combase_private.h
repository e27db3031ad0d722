/* Private declarations of combase. */
#ifndef LSW_COMBASE_PRIVATE_H
#define LSW_COMBASE_PRIVATE_H

#define _OLE32_ /* we define, not import, the COM base API */
#define COBJMACROS
#include <windows.h>
#include <winternl.h>
#include <objbase.h>
#include <propidl.h>

/* apartment.c: the calling thread's apartment, or NULL when it has not
 * called CoInitializeEx (and may still be in the implicit MTA). */
struct com_thread {
	DWORD inits;     /* successful CoInitializeEx calls not yet undone */
	DWORD model;     /* COINIT_APARTMENTTHREADED or COINIT_MULTITHREADED */
	IUnknown context; /* a single-threaded apartment's object context */
};
struct com_thread *com_current(void);
/* Whether the calling thread may use COM: it initialised it, or some
 * thread keeps the process's multithreaded apartment alive. */
BOOL com_usable(void);
void com_thread_detach(void);

/* guid.c: parses exactly "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}". */
BOOL com_parse_guid(const WCHAR *s, GUID *out);

#endif
