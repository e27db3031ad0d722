/* The file types of <experimental/filesystem>'s helpers (fs_query.c,
 * fs_change.c). */
#ifndef LSW_MSVCP140_FS_H
#define LSW_MSVCP140_FS_H

#include <windows.h>

enum file_type {
	FT_NOT_FOUND = -1, FT_NONE, FT_REGULAR, FT_DIRECTORY, FT_SYMLINK,
	FT_BLOCK, FT_CHARACTER, FT_FIFO, FT_SOCKET, FT_UNKNOWN,
};

static inline enum file_type fs_type_of(DWORD attrs)
{
	return attrs & FILE_ATTRIBUTE_DIRECTORY ? FT_DIRECTORY : FT_REGULAR;
}

#endif
