/*
 * IStream over an HGLOBAL (CreateStreamOnHGlobal, GetHGlobalFromStream).
 *
 * The memory block and its size are shared by a stream and its clones
 * (struct hglobal_block, reference-counted); each stream has its own seek
 * position.  As on Windows, positions and sizes are 32-bit: the high part
 * of a size or a move is ignored, a seek before 0 or past 4 GiB fails with
 * STG_E_SEEKERROR (Windows 8 and later), and a block that fails to lock
 * (e.g. freed by its owner) reads as empty and makes writes fail with
 * E_OUTOFMEMORY.  The stream's size is kept apart from GlobalSize, which
 * may round up.
 */
#include "combase_private.h"

struct hglobal_block {
	LONG refs;
	HGLOBAL mem;
	ULONG size;
	BOOL free_on_release; /* CreateStreamOnHGlobal's fDeleteOnRelease */
};

struct hglobal_stream {
	IStream iface;
	LONG refs;
	struct hglobal_block *block;
	ULONG pos;
};

static const IStreamVtbl hglobal_stream_vtbl;

static struct hglobal_stream *impl(IStream *iface)
{
	return CONTAINING_RECORD(iface, struct hglobal_stream, iface);
}

static void block_release(struct hglobal_block *block)
{
	if (InterlockedDecrement(&block->refs))
		return;
	if (block->free_on_release)
		GlobalFree(block->mem);
	HeapFree(GetProcessHeap(), 0, block);
}

static HRESULT stream_new(struct hglobal_block *block, ULONG pos, IStream **out)
{
	struct hglobal_stream *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));

	if (!s)
		return E_OUTOFMEMORY;
	s->iface.lpVtbl = (IStreamVtbl *)&hglobal_stream_vtbl;
	s->refs = 1;
	s->block = block;
	s->pos = pos;
	InterlockedIncrement(&block->refs);
	*out = &s->iface;
	return S_OK;
}

static HRESULT WINAPI hs_QueryInterface(IStream *iface, REFIID riid, void **out)
{
	if (!out)
		return E_POINTER;
	if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ISequentialStream) ||
	    IsEqualIID(riid, &IID_IStream)) {
		*out = iface;
		IStream_AddRef(iface);
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

static ULONG WINAPI hs_AddRef(IStream *iface)
{
	return InterlockedIncrement(&impl(iface)->refs);
}

static ULONG WINAPI hs_Release(IStream *iface)
{
	struct hglobal_stream *s = impl(iface);
	ULONG refs = InterlockedDecrement(&s->refs);

	if (!refs) {
		block_release(s->block);
		HeapFree(GetProcessHeap(), 0, s);
	}
	return refs;
}

static HRESULT WINAPI hs_Read(IStream *iface, void *buf, ULONG len, ULONG *done)
{
	struct hglobal_stream *s = impl(iface);
	ULONG avail = s->pos < s->block->size ? s->block->size - s->pos : 0;
	BYTE *mem;

	if (done)
		*done = 0;
	if (len > avail)
		len = avail;
	if (!len)
		return S_OK;
	if (!(mem = GlobalLock(s->block->mem)))
		return S_OK; /* a freed block reads as empty (Windows) */
	memcpy(buf, mem + s->pos, len);
	GlobalUnlock(s->block->mem);
	s->pos += len;
	if (done)
		*done = len;
	return S_OK;
}

/* Resizes the shared block: a fixed block may move, so the handle is
 * updated for every clone. */
static HRESULT block_resize(struct hglobal_block *block, ULONG size)
{
	HGLOBAL moved;

	if (size == block->size)
		return S_OK;
	/* 0 would discard a movable block: keep one byte behind an empty stream */
	moved = GlobalReAlloc(block->mem, size ? size : 1, GMEM_MOVEABLE);
	if (!moved)
		return E_OUTOFMEMORY;
	block->mem = moved;
	block->size = size;
	return S_OK;
}

static HRESULT WINAPI hs_Write(IStream *iface, const void *buf, ULONG len, ULONG *done)
{
	struct hglobal_stream *s = impl(iface);
	HRESULT hr;
	BYTE *mem;

	if (done)
		*done = 0;
	if (!len)
		return S_OK;
	if (!buf)
		return STG_E_INVALIDPOINTER;
	if (len > ~0u - s->pos)
		return STG_E_MEDIUMFULL;
	if (s->pos + len > s->block->size && FAILED(hr = block_resize(s->block, s->pos + len)))
		return hr;
	if (!(mem = GlobalLock(s->block->mem)))
		return E_OUTOFMEMORY;
	memcpy(mem + s->pos, buf, len);
	GlobalUnlock(s->block->mem);
	s->pos += len;
	if (done)
		*done = len;
	return S_OK;
}

/* The move's low 32 bits are a signed offset; the result must fit in
 * 0..0xFFFFFFFF. */
static HRESULT WINAPI hs_Seek(IStream *iface, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *newpos)
{
	struct hglobal_stream *s = impl(iface);
	LONGLONG base, target;

	switch (origin) {
	case STREAM_SEEK_SET: base = 0; break;
	case STREAM_SEEK_CUR: base = s->pos; break;
	case STREAM_SEEK_END: base = s->block->size; break;
	default: goto out_error;
	}
	target = base + (LONG)move.u.LowPart;
	if (target < 0 || target > 0xFFFFFFFFll)
		goto out_error;
	s->pos = (ULONG)target;
	if (newpos)
		newpos->QuadPart = s->pos;
	return S_OK;
out_error:
	if (newpos)
		newpos->QuadPart = s->pos;
	return STG_E_SEEKERROR;
}

static HRESULT WINAPI hs_SetSize(IStream *iface, ULARGE_INTEGER size)
{
	return block_resize(impl(iface)->block, size.u.LowPart);
}

static HRESULT WINAPI hs_CopyTo(IStream *iface, IStream *dest, ULARGE_INTEGER len, ULARGE_INTEGER *read_total,
				ULARGE_INTEGER *written_total)
{
	ULONGLONG left = len.QuadPart, nread = 0, nwritten = 0;
	HRESULT hr = S_OK;
	BYTE chunk[4096];

	if (!dest)
		return STG_E_INVALIDPOINTER;
	while (left) {
		ULONG got, put = 0;

		hs_Read(iface, chunk, left < sizeof(chunk) ? (ULONG)left : sizeof(chunk), &got);
		if (!got)
			break;
		nread += got;
		left -= got;
		hr = IStream_Write(dest, chunk, got, &put);
		nwritten += put;
		if (FAILED(hr) || put != got)
			break;
	}
	if (read_total)
		read_total->QuadPart = nread;
	if (written_total)
		written_total->QuadPart = nwritten;
	return FAILED(hr) ? hr : S_OK;
}

static HRESULT WINAPI hs_Commit(IStream *iface, DWORD flags)
{
	return S_OK; /* memory: nothing to commit */
}

static HRESULT WINAPI hs_Revert(IStream *iface)
{
	return S_OK; /* writes are direct: nothing to revert */
}

static HRESULT WINAPI hs_LockRegion(IStream *iface, ULARGE_INTEGER off, ULARGE_INTEGER len, DWORD type)
{
	return STG_E_INVALIDFUNCTION;
}

static HRESULT WINAPI hs_UnlockRegion(IStream *iface, ULARGE_INTEGER off, ULARGE_INTEGER len, DWORD type)
{
	return STG_E_INVALIDFUNCTION;
}

static HRESULT WINAPI hs_Stat(IStream *iface, STATSTG *stat, DWORD flags)
{
	if (!stat)
		return STG_E_INVALIDPOINTER;
	memset(stat, 0, sizeof(*stat));
	stat->type = STGTY_STREAM;
	stat->cbSize.QuadPart = impl(iface)->block->size;
	stat->grfMode = STGM_READWRITE;
	return S_OK;
}

static HRESULT WINAPI hs_Clone(IStream *iface, IStream **out)
{
	struct hglobal_stream *s = impl(iface);

	if (!out)
		return STG_E_INVALIDPOINTER;
	return stream_new(s->block, s->pos, out);
}

static const IStreamVtbl hglobal_stream_vtbl = {
	hs_QueryInterface, hs_AddRef, hs_Release, hs_Read, hs_Write, hs_Seek, hs_SetSize,
	hs_CopyTo, hs_Commit, hs_Revert, hs_LockRegion, hs_UnlockRegion, hs_Stat, hs_Clone,
};

/* mem NULL: a new movable block of 0 bytes (the caller frees it after the
 * stream if free_on_release is FALSE, through GetHGlobalFromStream). */
HRESULT WINAPI CreateStreamOnHGlobal(HGLOBAL mem, BOOL free_on_release, IStream **out)
{
	struct hglobal_block *block;
	HRESULT hr;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!(block = HeapAlloc(GetProcessHeap(), 0, sizeof(*block))))
		return E_OUTOFMEMORY;
	block->refs = 1;
	block->mem = mem;
	block->size = mem ? (ULONG)GlobalSize(mem) : 0;
	if (!mem && !(block->mem = GlobalAlloc(GMEM_MOVEABLE | GMEM_NODISCARD, 1))) {
		HeapFree(GetProcessHeap(), 0, block);
		return E_OUTOFMEMORY;
	}
	hr = stream_new(block, 0, out);
	/* a block nobody got is ours to free if we allocated it */
	block->free_on_release = free_on_release || (FAILED(hr) && !mem);
	block_release(block); /* the stream holds it now */
	return hr;
}

HRESULT WINAPI GetHGlobalFromStream(IStream *stream, HGLOBAL *mem)
{
	if (!stream || !mem)
		return E_INVALIDARG;
	if (stream->lpVtbl != &hglobal_stream_vtbl) {
		*mem = NULL;
		return E_INVALIDARG;
	}
	*mem = impl(stream)->block->mem;
	return S_OK;
}
