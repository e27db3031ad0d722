/*
 * What our kernel32 asks of ntdll's LdrLoadDll beyond the documented
 * DllCharacteristics bit IMAGE_FILE_EXECUTABLE_IMAGE (map and list the
 * DLL, resolve nothing, never call DllMain):
 * LSW_LDR_MAP_AS_DATA maps the file as LoadLibraryEx's AS_DATAFILE and
 * AS_IMAGE_RESOURCE do: no module entry, no imports; the handle is the
 * view's base, to which kernel32 adds the documented low bits.  The
 * LOAD_LIBRARY_SEARCH_* flags travel in LdrLoadDll's first argument,
 * marked by its low bit, as Windows' kernelbase passes them.
 */
#ifndef LSW_LDR_FLAGS_H
#define LSW_LDR_FLAGS_H

#define LSW_LDR_MAP_AS_DATA 0x80000000u

#endif
