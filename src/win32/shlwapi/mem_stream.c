/* SHCreateMemStream: an IStream over a private, growing copy of some
 * bytes.  Positions may go past the end (a write there fills the gap
 * with zeros), never before the start; Clone gives a stream with its own
 * copy and the same position (Windows 8 and later). */
#include "shlwapi_private.h"
#include "stream_private.h"

struct mem_stream {
	IStream iface;
	LONG refs;
	BYTE *data;
	ULONG size, capacity, pos;
};

static const IStreamVtbl mem_stream_vtbl;

static struct mem_stream *impl(IStream *iface)
{
	return CONTAINING_RECORD(iface, struct mem_stream, iface);
}

static struct mem_stream *mem_stream_new(const BYTE *init, ULONG size)
{
	struct mem_stream *s = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*s));

	if (!s)
		return NULL;
	s->iface.lpVtbl = (IStreamVtbl *)&mem_stream_vtbl;
	s->refs = 1;
	if (size) {
		if (!(s->data = HeapAlloc(GetProcessHeap(), 0, size))) {
			HeapFree(GetProcessHeap(), 0, s);
			return NULL;
		}
		memcpy(s->data, init, size);
		s->size = s->capacity = size;
	}
	return s;
}

/* Room for size bytes, the new ones zeroed. */
static BOOL mem_resize(struct mem_stream *s, ULONG size)
{
	if (size > s->capacity) {
		ULONG cap = s->capacity > size / 2 ? s->capacity * 2 : size;
		BYTE *p = s->data ? HeapReAlloc(GetProcessHeap(), 0, s->data, cap)
				  : HeapAlloc(GetProcessHeap(), 0, cap);

		if (cap < size || !p)
			return FALSE;
		s->data = p;
		s->capacity = cap;
	}
	if (size > s->size)
		memset(s->data + s->size, 0, size - s->size);
	s->size = size;
	return TRUE;
}

static ULONG WINAPI ms_AddRef(IStream *iface)
{
	return InterlockedIncrement(&impl(iface)->refs);
}

static ULONG WINAPI ms_Release(IStream *iface)
{
	struct mem_stream *s = impl(iface);
	ULONG refs = InterlockedDecrement(&s->refs);

	if (!refs) {
		HeapFree(GetProcessHeap(), 0, s->data);
		HeapFree(GetProcessHeap(), 0, s);
	}
	return refs;
}

static HRESULT WINAPI ms_Read(IStream *iface, void *buf, ULONG n, ULONG *done)
{
	struct mem_stream *s = impl(iface);
	ULONG left = s->pos < s->size ? s->size - s->pos : 0, got = n < left ? n : left;

	if (got)
		memcpy(buf, s->data + s->pos, got);
	s->pos += got;
	if (done)
		*done = got;
	return got == n ? S_OK : S_FALSE;
}

static HRESULT WINAPI ms_Write(IStream *iface, const void *buf, ULONG n, ULONG *done)
{
	struct mem_stream *s = impl(iface);

	if (n) {
		if (s->pos > ~(ULONG)0 - n)
			return STG_E_MEDIUMFULL;
		if (s->pos + n > s->size && !mem_resize(s, s->pos + n))
			return STG_E_MEDIUMFULL;
		memcpy(s->data + s->pos, buf, n);
		s->pos += n;
	}
	if (done)
		*done = n;
	return S_OK;
}

static HRESULT WINAPI ms_Seek(IStream *iface, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *pos)
{
	struct mem_stream *s = impl(iface);
	LONGLONG base, to;

	switch (origin) {
	case STREAM_SEEK_SET: base = 0; break;
	case STREAM_SEEK_CUR: base = s->pos; break;
	case STREAM_SEEK_END: base = s->size; break;
	default: return STG_E_INVALIDFUNCTION;
	}
	to = base + move.QuadPart;
	if (to < 0 || to > (LONGLONG)~(ULONG)0)
		return STG_E_INVALIDFUNCTION;
	s->pos = (ULONG)to;
	if (pos)
		pos->QuadPart = s->pos;
	return S_OK;
}

static HRESULT WINAPI ms_SetSize(IStream *iface, ULARGE_INTEGER size)
{
	if (size.HighPart || !mem_resize(impl(iface), size.LowPart))
		return STG_E_MEDIUMFULL;
	return S_OK;
}

static HRESULT WINAPI ms_Commit(IStream *iface, DWORD flags)
{
	return S_OK;
}

static HRESULT WINAPI ms_Revert(IStream *iface)
{
	return E_NOTIMPL;
}

static HRESULT WINAPI ms_LockRegion(IStream *iface, ULARGE_INTEGER at, ULARGE_INTEGER n, DWORD type)
{
	return STG_E_INVALIDFUNCTION; /* one process's memory: nothing to lock against */
}

static HRESULT WINAPI ms_Stat(IStream *iface, STATSTG *st, DWORD flags)
{
	if (!st)
		return STG_E_INVALIDPOINTER;
	memset(st, 0, sizeof(*st));
	st->type = STGTY_STREAM;
	st->cbSize.QuadPart = impl(iface)->size;
	st->grfMode = STGM_READWRITE;
	return S_OK;
}

static HRESULT WINAPI ms_Clone(IStream *iface, IStream **out)
{
	struct mem_stream *s = impl(iface), *copy;

	if (!out)
		return E_POINTER;
	*out = NULL;
	if (!(copy = mem_stream_new(s->data, s->size)))
		return E_OUTOFMEMORY;
	copy->pos = s->pos;
	*out = &copy->iface;
	return S_OK;
}

static const IStreamVtbl mem_stream_vtbl = {
	stream_QueryInterface, ms_AddRef, ms_Release, ms_Read, ms_Write, ms_Seek, ms_SetSize,
	stream_CopyTo, ms_Commit, ms_Revert, ms_LockRegion, ms_LockRegion, ms_Stat, ms_Clone,
};

IStream *WINAPI SHCreateMemStream(const BYTE *init, UINT size)
{
	struct mem_stream *s = mem_stream_new(init, init ? size : 0);

	return s ? &s->iface : NULL;
}
