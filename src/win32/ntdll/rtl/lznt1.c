/* RtlCompressBuffer, RtlDecompressBuffer(Ex), RtlDecompressFragment and
 * RtlGetCompressionWorkSpaceSize for COMPRESSION_FORMAT_LZNT1, the format
 * NTFS compresses files with ([MS-XCA] 2.5).
 *
 * A stream is a run of chunks, each holding up to 4096 bytes of data:
 * a 16-bit header (bit 15: compressed; bits 0-11: data size - 1; the
 * 3-bit signature in between is not checked when reading), then either
 * the bytes as they are or groups of a flag byte and eight items, each a
 * literal byte or a 16-bit back reference whose offset/length split moves
 * with the position in the chunk.  A zero header ends the stream. */
#include "rtl_private.h"

#define FORMAT_NONE 0
#define FORMAT_DEFAULT 1
#define FORMAT_LZNT1 2
#define LZNT1_CHUNK 4096
#define LZNT1_COMPRESSED 0x8000
#define LZNT1_SIGNATURE 0x3000
#define LZNT1_MIN_MATCH 3
#define LZNT1_HASH_SIZE 4096
#define LZNT1_CHAIN_STANDARD 32
#define LZNT1_CHAIN_MAXIMUM 512
#define ENGINE_MAXIMUM 0x0100

/* The caller allocates what RtlGetCompressionWorkSpaceSize says. */
struct lznt1_workspace {
	USHORT head[LZNT1_HASH_SIZE]; /* last position + 1 of each 3-byte hash */
	USHORT prev[LZNT1_CHUNK];     /* earlier position + 1 with the same hash */
	BYTE out[2 + LZNT1_CHUNK + LZNT1_CHUNK / 8 + 2];
};

static NTSTATUS check_format(USHORT format)
{
	switch (format & 0xff) {
	case FORMAT_LZNT1:
		return STATUS_SUCCESS;
	case FORMAT_NONE:
	case FORMAT_DEFAULT:
		return STATUS_INVALID_PARAMETER;
	default:
		return STATUS_UNSUPPORTED_COMPRESSION;
	}
}

RTLAPI NTSTATUS NTAPI RtlGetCompressionWorkSpaceSize(USHORT format, ULONG *compress_size,
						     ULONG *fragment_size)
{
	NTSTATUS status = check_format(format);

	if (status)
		return status;
	*compress_size = sizeof(struct lznt1_workspace);
	*fragment_size = LZNT1_CHUNK;
	return STATUS_SUCCESS;
}

/* At `pos` in a chunk, a back reference keeps `*shift` bits for the
 * length: 12 at the start, one fewer each time the reachable distance
 * doubles past 16. */
static void token_split(ULONG pos, unsigned *shift, ULONG *length_mask)
{
	ULONG i;

	*shift = 12;
	*length_mask = 0xfff;
	for (i = pos - 1; i >= 0x10; i >>= 1) {
		(*shift)--;
		*length_mask >>= 1;
	}
}

static unsigned hash3(const BYTE *p)
{
	return ((p[0] << 8) ^ (p[1] << 4) ^ p[2]) & (LZNT1_HASH_SIZE - 1);
}

static void remember(struct lznt1_workspace *ws, const BYTE *chunk, ULONG pos, ULONG n)
{
	unsigned h;

	if (pos + LZNT1_MIN_MATCH > n)
		return;
	h = hash3(chunk + pos);
	ws->prev[pos] = ws->head[h];
	ws->head[h] = (USHORT)(pos + 1);
}

/* The longest earlier match for chunk[pos...]: its length, *offset. */
static ULONG longest_match(struct lznt1_workspace *ws, const BYTE *chunk, ULONG pos, ULONG n,
			   unsigned chain, ULONG *offset)
{
	unsigned shift;
	ULONG mask, best = 0, max_len, max_off, cand;

	if (!pos || pos + LZNT1_MIN_MATCH > n)
		return 0;
	token_split(pos, &shift, &mask);
	max_len = mask + LZNT1_MIN_MATCH < n - pos ? mask + LZNT1_MIN_MATCH : n - pos;
	max_off = 1u << (16 - shift);
	for (cand = ws->head[hash3(chunk + pos)]; cand && chain--; cand = ws->prev[cand - 1]) {
		ULONG at = cand - 1, len = 0;

		if (pos - at > max_off)
			break;
		while (len < max_len && chunk[at + len] == chunk[pos + len])
			len++;
		if (len > best) {
			best = len;
			*offset = pos - at;
			if (len == max_len)
				break;
		}
	}
	return best >= LZNT1_MIN_MATCH ? best : 0;
}

/* One chunk into ws->out; returns its size with the header. */
static ULONG compress_chunk(struct lznt1_workspace *ws, const BYTE *chunk, ULONG n, unsigned chain)
{
	BYTE *out = ws->out, *flags = out + 2;
	ULONG o = 3, pos = 0, item = 0;
	USHORT header;

	memset(ws->head, 0, sizeof(ws->head));
	*flags = 0;
	while (pos < n) {
		ULONG offset = 0, len = longest_match(ws, chunk, pos, n, chain, &offset), k;

		if (item == 8) {
			flags = out + o++;
			*flags = 0;
			item = 0;
		}
		if (len) {
			unsigned shift;
			ULONG mask;
			USHORT token;

			token_split(pos, &shift, &mask);
			token = (USHORT)(((offset - 1) << shift) | (len - LZNT1_MIN_MATCH));
			out[o++] = (BYTE)token;
			out[o++] = (BYTE)(token >> 8);
			*flags |= (BYTE)(1 << item);
		} else {
			out[o++] = chunk[pos];
			len = 1;
		}
		for (k = 0; k < len; k++)
			remember(ws, chunk, pos + k, n);
		pos += len;
		item++;
		if (o - 2 >= n)
			break; /* no gain: stored as it is below */
	}
	if (o - 2 >= n) {
		memcpy(out + 2, chunk, n);
		header = (USHORT)(LZNT1_SIGNATURE | (n - 1));
		o = n + 2;
	} else {
		header = (USHORT)(LZNT1_COMPRESSED | LZNT1_SIGNATURE | (o - 2 - 1));
	}
	out[0] = (BYTE)header;
	out[1] = (BYTE)(header >> 8);
	return o;
}

RTLAPI NTSTATUS NTAPI RtlCompressBuffer(USHORT format, const BYTE *src, ULONG src_size, BYTE *dst,
					ULONG dst_size, ULONG chunk_size, ULONG *final_size,
					void *workspace)
{
	struct lznt1_workspace *ws = workspace;
	unsigned chain = (format & ENGINE_MAXIMUM) ? LZNT1_CHAIN_MAXIMUM : LZNT1_CHAIN_STANDARD;
	NTSTATUS status = check_format(format);
	ULONG done = 0, used = 0;

	(void)chunk_size; /* LZNT1 chunks are always 4096 bytes */
	if (status)
		return status;
	while (done < src_size) {
		ULONG n = src_size - done < LZNT1_CHUNK ? src_size - done : LZNT1_CHUNK;
		ULONG size = compress_chunk(ws, src + done, n, chain);

		if (size > dst_size - used)
			return STATUS_BUFFER_TOO_SMALL;
		memcpy(dst + used, ws->out, size);
		used += size;
		done += n;
	}
	*final_size = used;
	return STATUS_SUCCESS;
}

/* The items of one compressed chunk into out[0..limit): the number of
 * bytes produced, or -1 if the data is bad.  Running out of room ends a
 * literal run quietly; a reference that does not fit is bad data. */
static LONG expand_chunk(const BYTE *in, ULONG n, BYTE *out, ULONG limit)
{
	ULONG i = 0, pos = 0;

	while (i < n) {
		BYTE flags = in[i++];
		int item;

		for (item = 0; item < 8 && i < n; item++) {
			if (!(flags & (1 << item))) {
				if (pos == limit)
					return (LONG)pos;
				out[pos++] = in[i++];
				continue;
			}
			if (i + 2 > n || !pos)
				return -1;
			{
				USHORT token = (USHORT)(in[i] | in[i + 1] << 8);
				unsigned shift;
				ULONG mask, len, offset;

				token_split(pos, &shift, &mask);
				len = (token & mask) + LZNT1_MIN_MATCH;
				offset = (ULONG)(token >> shift) + 1;
				if (offset > pos || len > limit - pos)
					return -1;
				for (; len; len--, pos++)
					out[pos] = out[pos - offset];
				i += 2;
			}
		}
	}
	return (LONG)pos;
}

struct lznt1_reader {
	const BYTE *in;
	ULONG in_size, at;
};

/* The next chunk: 1 with its data, size and kind set, 0 at the end of the
 * stream, -1 for a truncated one. */
static int next_chunk(struct lznt1_reader *r, const BYTE **data, ULONG *size, BOOL *compressed)
{
	USHORT header;

	if (r->in_size - r->at < 2)
		return r->at ? 0 : -1; /* a stray byte after a chunk is ignored */
	header = (USHORT)(r->in[r->at] | r->in[r->at + 1] << 8);
	if (!header)
		return 0;
	*size = (header & 0xfff) + 1u;
	*compressed = !!(header & LZNT1_COMPRESSED);
	if (r->in_size - r->at - 2 < *size)
		return -1;
	*data = r->in + r->at + 2;
	r->at += 2 + *size;
	return 1;
}

/* A chunk's bytes into out[0..limit). */
static LONG chunk_bytes(const BYTE *data, ULONG size, BOOL compressed, BYTE *out, ULONG limit)
{
	if (compressed)
		return expand_chunk(data, size, out, limit);
	if (size > limit)
		size = limit;
	memcpy(out, data, size);
	return (LONG)size;
}

static NTSTATUS decompress(BYTE *dst, ULONG dst_size, const BYTE *src, ULONG src_size,
			   ULONG *final_size)
{
	struct lznt1_reader r = { src, src_size, 0 };
	ULONG used = 0, size;
	const BYTE *data;
	BOOL compressed;
	int more;

	while ((more = next_chunk(&r, &data, &size, &compressed)) > 0) {
		LONG got;

		if (used && used % LZNT1_CHUNK) {
			/* a short chunk that another follows stands for 4096
			 * bytes, the rest zeros */
			ULONG pad = LZNT1_CHUNK - used % LZNT1_CHUNK;

			if (pad > dst_size - used)
				pad = dst_size - used;
			memset(dst + used, 0, pad);
			used += pad;
		}
		got = chunk_bytes(data, size, compressed, dst + used,
				  dst_size - used < LZNT1_CHUNK ? dst_size - used : LZNT1_CHUNK);
		if (got < 0)
			return STATUS_BAD_COMPRESSION_BUFFER;
		used += (ULONG)got;
		if (used == dst_size)
			break;
	}
	if (more < 0)
		return STATUS_BAD_COMPRESSION_BUFFER;
	*final_size = used;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlDecompressBuffer(USHORT format, BYTE *dst, ULONG dst_size,
					  const BYTE *src, ULONG src_size, ULONG *final_size)
{
	NTSTATUS status = check_format(format);

	return status ? status : decompress(dst, dst_size, src, src_size, final_size);
}

RTLAPI NTSTATUS NTAPI RtlDecompressBufferEx(USHORT format, BYTE *dst, ULONG dst_size,
					    const BYTE *src, ULONG src_size, ULONG *final_size,
					    void *workspace)
{
	(void)workspace; /* LZNT1 needs none */
	return RtlDecompressBuffer(format, dst, dst_size, src, src_size, final_size);
}

/* The bytes [offset, offset + dst_size) of the uncompressed data: whole
 * chunks before it are skipped, the others expanded in the workspace. */
RTLAPI NTSTATUS NTAPI RtlDecompressFragment(USHORT format, BYTE *dst, ULONG dst_size,
					    const BYTE *src, ULONG src_size, ULONG offset,
					    ULONG *final_size, void *workspace)
{
	struct lznt1_reader r = { src, src_size, 0 };
	NTSTATUS status = check_format(format);
	ULONG used = 0, size;
	const BYTE *data;
	BOOL compressed;
	int more;

	if (status)
		return status;
	while (used < dst_size && (more = next_chunk(&r, &data, &size, &compressed)) > 0) {
		LONG got;
		ULONG take;

		if (offset >= LZNT1_CHUNK) {
			offset -= LZNT1_CHUNK;
			continue;
		}
		if (!compressed && size != LZNT1_CHUNK)
			return STATUS_BAD_COMPRESSION_BUFFER; /* as Windows: only whole stored chunks */
		got = chunk_bytes(data, size, compressed, workspace, LZNT1_CHUNK);
		if (got < 0)
			return STATUS_BAD_COMPRESSION_BUFFER;
		if ((ULONG)got < offset) {
			/* a start inside a short chunk's implied zeros (a start
			 * right at its end gives nothing, as on Windows) */
			memset((BYTE *)workspace + got, 0, LZNT1_CHUNK - (ULONG)got);
			got = LZNT1_CHUNK;
		}
		take = (ULONG)got - offset;
		if (take > dst_size - used)
			take = dst_size - used;
		memcpy(dst + used, (BYTE *)workspace + offset, take);
		used += take;
		offset = 0;
	}
	if (used < dst_size && more < 0)
		return STATUS_BAD_COMPRESSION_BUFFER;
	*final_size = used;
	return STATUS_SUCCESS;
}
