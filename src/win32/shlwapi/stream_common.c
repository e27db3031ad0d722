/* The parts of an IStream that shlwapi's file and memory streams share. */
#include "shlwapi_private.h"
#include "stream_private.h"

HRESULT WINAPI stream_QueryInterface(IStream *iface, REFIID riid, void **out)
{
	if (!out)
		return E_POINTER;
	if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ISequentialStream) ||
	    IsEqualIID(riid, &IID_IStream)) {
		*out = iface;
		iface->lpVtbl->AddRef(iface);
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

/* Up to n bytes from this stream's position to dst's, in blocks, ending
 * early at the end of this stream or on the first failure. */
HRESULT WINAPI stream_CopyTo(IStream *iface, IStream *dst, ULARGE_INTEGER n, ULARGE_INTEGER *read,
			     ULARGE_INTEGER *written)
{
	BYTE block[4096];
	ULONGLONG left = n.QuadPart, in = 0, out = 0;
	HRESULT hr = S_OK;

	while (left) {
		ULONG want = left < sizeof(block) ? (ULONG)left : sizeof(block), got = 0, put = 0;

		hr = iface->lpVtbl->Read(iface, block, want, &got);
		if (FAILED(hr))
			break;
		in += got;
		if (got) {
			if (!dst) {
				hr = STG_E_INVALIDPOINTER;
				break;
			}
			hr = dst->lpVtbl->Write(dst, block, got, &put);
			out += put;
			if (FAILED(hr))
				break;
		}
		if (got < want) {
			hr = S_OK;
			break;
		}
		left -= got;
	}
	if (read)
		read->QuadPart = in;
	if (written)
		written->QuadPart = out;
	return FAILED(hr) ? hr : S_OK;
}
