/* The objects a DLL handed out as handles (providers, hashes, keys), so
 * that a handle the program made up (0xdeadbeef, a freed one) is refused
 * by lookup instead of being read through.  Compiled into bcrypt.dll and
 * advapi32.dll, each with its own set. */
#ifndef LSW_LIVE_SET_H
#define LSW_LIVE_SET_H

#include <windows.h>

/* Adds p; FALSE when out of memory. */
BOOL live_add(const void *p);
/* Removes p; FALSE when it was not there. */
BOOL live_remove(const void *p);
/* Whether p is in the set. */
BOOL live_has(const void *p);

#endif
