/* What shlwapi's two IStream implementations (file_stream.c,
 * mem_stream.c) share: the interfaces they answer, CopyTo written over
 * Read and Write. */
#ifndef LSW_SHLWAPI_STREAM_PRIVATE_H
#define LSW_SHLWAPI_STREAM_PRIVATE_H

#include <objidl.h>

#define STREAM_ACCESS_MASK 0x3
#define STREAM_SHARE_MASK 0x70

HRESULT WINAPI stream_QueryInterface(IStream *iface, REFIID riid, void **out);
HRESULT WINAPI stream_CopyTo(IStream *iface, IStream *dst, ULARGE_INTEGER n, ULARGE_INTEGER *read,
			     ULARGE_INTEGER *written);

#endif
