/* \KnownDlls: the host's image sections of the KnownDLLs lsw ships. */
#ifndef LSW_KNOWN_DLLS_H
#define LSW_KNOWN_DLLS_H

#include "emul/object/object_ns.h"

struct section_object;

/* The keeper of the \KnownDlls directory (object_namespace.c). */
extern const struct object_dir_keeper known_dlls_keeper;
/* The host's section of the KnownDLL name (lower case), brought up to
 * date as a lookup would; NULL when it has none.  The host keeps it: take
 * a reference to hold it. */
struct section_object *known_dll_section(struct lsw_host *h, const char *name);

#endif
