/*
 * FORMAT_MESSAGE_FROM_HMODULE: a message of a module's message table, the
 * RT_MESSAGETABLE resource 1 (winnt.h's MESSAGE_RESOURCE_DATA: blocks of
 * consecutive ids, each pointing at its entries; an entry is its length,
 * its flags (MESSAGE_RESOURCE_UNICODE) and the NUL-terminated text).
 * Every offset and length is checked against the resource's size.
 */
#include "k32_private.h"

static const MESSAGE_RESOURCE_DATA *message_table(HMODULE mod, DWORD lang, DWORD *size)
{
	HRSRC r = FindResourceExW(mod, (LPCWSTR)RT_MESSAGETABLE, MAKEINTRESOURCEW(1), (WORD)lang);
	HGLOBAL g;

	if (!r && lang)
		r = FindResourceExW(mod, (LPCWSTR)RT_MESSAGETABLE, MAKEINTRESOURCEW(1), 0);
	if (!r || !(g = LoadResource(mod, r)))
		return NULL;
	*size = SizeofResource(mod, r);
	return *size >= sizeof(DWORD) ? LockResource(g) : NULL;
}

/* The entry of id, or NULL; the block list and the entry chain checked. */
static const MESSAGE_RESOURCE_ENTRY *find_entry(const MESSAGE_RESOURCE_DATA *d, DWORD size,
						 DWORD id)
{
	const BYTE *base = (const BYTE *)d;
	DWORD nblocks = d->NumberOfBlocks, at;

	if (nblocks > (size - sizeof(DWORD)) / sizeof(MESSAGE_RESOURCE_BLOCK))
		return NULL;
	for (DWORD b = 0; b < nblocks; b++) {
		const MESSAGE_RESOURCE_BLOCK *blk = &d->Blocks[b];

		if (id < blk->LowId || id > blk->HighId)
			continue;
		at = blk->OffsetToEntries;
		for (DWORD k = blk->LowId;; k++) {
			const MESSAGE_RESOURCE_ENTRY *e = (const void *)(base + at);

			if (at > size - 4 || e->Length < 4 || e->Length > size - at)
				return NULL;
			if (k == id)
				return e;
			at += e->Length;
		}
	}
	return NULL;
}

/* The message as a heap UTF-16 string, or NULL with the last error set. */
WCHAR *k32_module_message(HMODULE mod, DWORD id, DWORD lang)
{
	const MESSAGE_RESOURCE_DATA *d;
	const MESSAGE_RESOURCE_ENTRY *e;
	SIZE_T n, bytes;
	DWORD size = 0;
	WCHAR *w;

	if (!(d = message_table(mod ? mod : GetModuleHandleW(NULL), lang, &size)))
		return k32_error(ERROR_RESOURCE_TYPE_NOT_FOUND), NULL;
	if (!(e = find_entry(d, size, id)))
		return k32_error(ERROR_MR_MID_NOT_FOUND), NULL;
	bytes = e->Length - 4;
	n = e->Flags & MESSAGE_RESOURCE_UNICODE ? bytes / sizeof(WCHAR) : bytes;
	if (!(w = RtlAllocateHeap(k32_heap(), 0, (n + 1) * sizeof(WCHAR))))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY), NULL;
	if (e->Flags & MESSAGE_RESOURCE_UNICODE)
		memcpy(w, e->Text, n * sizeof(WCHAR));
	else
		RtlMultiByteToUnicodeN(w, (ULONG)(n * sizeof(WCHAR)), NULL, (const char *)e->Text,
				       (ULONG)n);
	w[n] = 0;
	return w; /* the text's own NUL (and padding) ends it where it ends */
}
