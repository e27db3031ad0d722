/* The IStream_* helpers: one stream call each, where a short read or
 * copy is a failure (E_FAIL), not the S_FALSE of the stream itself. */
#include "shlwapi_private.h"
#include "stream_private.h"

HRESULT WINAPI IStream_Read(IStream *stream, void *buf, ULONG n)
{
	ULONG got = 0;
	HRESULT hr = stream->lpVtbl->Read(stream, buf, n, &got);

	return SUCCEEDED(hr) && got != n ? E_FAIL : hr;
}

HRESULT WINAPI IStream_Write(IStream *stream, const void *buf, ULONG n)
{
	ULONG put = 0;
	HRESULT hr = stream->lpVtbl->Write(stream, buf, n, &put);

	return SUCCEEDED(hr) && put != n ? E_FAIL : hr;
}

HRESULT WINAPI IStream_Reset(IStream *stream)
{
	static const LARGE_INTEGER start;

	return stream->lpVtbl->Seek(stream, start, STREAM_SEEK_SET, NULL);
}

HRESULT WINAPI IStream_Size(IStream *stream, ULARGE_INTEGER *size)
{
	STATSTG st;
	HRESULT hr = stream->lpVtbl->Stat(stream, &st, STATFLAG_NONAME);

	if (SUCCEEDED(hr))
		*size = st.cbSize;
	return hr;
}

HRESULT WINAPI IStream_Copy(IStream *src, IStream *dst, DWORD n)
{
	ULARGE_INTEGER want = { .QuadPart = n }, got, put;
	HRESULT hr = src->lpVtbl->CopyTo(src, dst, want, &got, &put);

	return SUCCEEDED(hr) && (got.QuadPart != n || put.QuadPart != n) ? E_FAIL : hr;
}
