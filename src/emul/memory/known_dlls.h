/* \KnownDlls: the host's image sections of the KnownDLLs lsw ships. */
#ifndef LSW_KNOWN_DLLS_H
#define LSW_KNOWN_DLLS_H

#include "emul/object/object_ns.h"

/* The keeper of the \KnownDlls directory (object_namespace.c). */
extern const struct object_dir_keeper known_dlls_keeper;

#endif
