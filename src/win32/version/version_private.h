/* Private declarations of version.dll. */
#ifndef LSW_VERSION_PRIVATE_H
#define LSW_VERSION_PRIVATE_H

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>

/* image.c: the file's RT_VERSION resource, mapped as an image; *data and
 * *size describe it until image_unmap(base).  FALSE with the last error
 * set when the file has none. */
BOOL image_version_resource(LPCWSTR file, void **base, const void **data, DWORD *size);
void image_unmap(void *base);

/* query.c: the layout GetFileVersionInfo leaves in the caller's buffer. */
DWORD info_size(DWORD resource_size);

#endif
