/* Volume GUID names of lsw's drives (volume_names.c). */
#ifndef LSW_K32_VOLUME_NAMES_H
#define LSW_K32_VOLUME_NAMES_H

#include "k32_private.h"

/* "\\?\Volume{GUID}\" without its NUL */
#define VOLUME_NAME_CHARS 49

/* The name of drive d (0 = A:). */
void volume_name_of_drive(int d, WCHAR out[VOLUME_NAME_CHARS + 1]);
/* The existing drive whose volume name s starts with, or -1. */
int volume_name_drive(const WCHAR *s);

#endif
