/*
 * x64 unwinding from the images' exception data, read from tracee memory.
 * Written from Microsoft's public description of x64 exception handling:
 *
 *   IMAGE_DIRECTORY_ENTRY_EXCEPTION -> RUNTIME_FUNCTION[] {BeginAddress,
 *   EndAddress, UnwindData}, sorted, image-relative.
 *   UNWIND_INFO: Version:3 Flags:5, SizeOfProlog, CountOfCodes,
 *   FrameRegister:4 FrameOffset:4 (scaled by 16), then CountOfCodes UNWIND_CODE
 *   slots (padded to an even count), then for UNW_FLAG_CHAININFO a
 *   RUNTIME_FUNCTION whose unwind data applies next.
 *   UNWIND_CODE: CodeOffset (end of the prolog instruction), UnwindOp:4,
 *   OpInfo:4; sorted by descending CodeOffset, so applying them in array
 *   order undoes the prolog backwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/memory/memory.h"
#include "trace/unwind.h"

#define CACHE_SLOTS 64
#define MAX_PDATA_ENTRIES (1u << 20)   /* 12 MB of table at most */
#define MAX_EXPORTS (1u << 16)
#define MAX_EXPORT_BLOCK (4u << 20)
#define MAX_CHAIN 32
#define EXPORT_NAME_MAX 127
#define MAX_XDATA (16u << 20)
#define UNWIND_INFO_MAX (4 + 256 * 2 + 12)
#define PAGE 4096u

#define UNW_FLAG_CHAININFO 0x4

enum {
	UWOP_PUSH_NONVOL = 0,
	UWOP_ALLOC_LARGE = 1,
	UWOP_ALLOC_SMALL = 2,
	UWOP_SET_FPREG = 3,
	UWOP_SAVE_NONVOL = 4,
	UWOP_SAVE_NONVOL_FAR = 5,
	UWOP_EPILOG = 6,             /* version 2: epilog description */
	UWOP_SPARE_CODE = 7,
	UWOP_SAVE_XMM128 = 8,
	UWOP_SAVE_XMM128_FAR = 9,
	UWOP_PUSH_MACHFRAME = 10,
};

/* Slots each operation occupies; ALLOC_LARGE depends on OpInfo. */
static const uint8_t op_slots[11] = { 1, 2, 1, 1, 2, 3, 2, 3, 2, 3, 1 };

static struct unwind_image *cache[CACHE_SLOTS];
static void name_from_exports(struct lsw_thread *t, struct unwind_image *im);
static unsigned long long cache_clock;

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const uint8_t *p) { return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16; }

static void image_free(struct unwind_image *im)
{
	if (!im)
		return;
	free(im->pdata);
	free(im->xdata);
	free(im->exports);
	free(im->names);
	free(im);
}

void unwind_cache_flush(void)
{
	unwind_begin_walk();
	for (unsigned i = 0; i < CACHE_SLOTS; i++) {
		image_free(cache[i]);
		cache[i] = NULL;
	}
}

void unwind_cache_forget_pid(pid_t pid)
{
	for (unsigned i = 0; i < CACHE_SLOTS; i++)
		if (cache[i] && cache[i]->pid == pid) {
			image_free(cache[i]);
			cache[i] = NULL;
		}
}

struct unwind_image *unwind_image_at(struct lsw_thread *t, uint64_t addr)
{
	struct lsw_process *p = t->process;
	struct image_record *rec = NULL;
	struct image_record vad_rec;
	unsigned slot = 0, n = p->nimages < MAX_IMAGES ? p->nimages : MAX_IMAGES;

	for (unsigned i = 0; i < n; i++) {
		struct image_record *r = &p->images[i];

		if (addr >= r->base && addr - r->base < r->size) {
			rec = r;
			break;
		}
	}
	if (!rec) {
		/* DLLs mapped by NtMapViewOfSection may be in no image record:
		 * the address space's image views name them from their export
		 * directory. */
		struct vad *v = vad_find(&p->vad, addr);

		if (!v || v->type != MEM_IMAGE)
			return NULL;
		memset(&vad_rec, 0, sizeof(vad_rec));
		vad_rec.base = v->base;
		vad_rec.size = v->size;
		rec = &vad_rec;
	}
	for (unsigned i = 0; i < CACHE_SLOTS; i++) {
		struct unwind_image *im = cache[i];

		if (im && im->pid == p->pid && im->base == rec->base && im->size == rec->size &&
		    im->from_vad == !rec->name[0] &&
		    (im->from_vad || !strncmp(im->name, rec->name, sizeof(im->name)))) {
			im->used = ++cache_clock;
			return im;
		}
		/* the victim: an empty slot, else the least recently used */
		if (cache[slot] && (!im || im->used < cache[slot]->used))
			slot = i;
	}
	struct unwind_image *im = calloc(1, sizeof(*im));

	if (!im)
		return NULL;
	image_free(cache[slot]);
	cache[slot] = im;
	im->pid = p->pid;
	im->base = rec->base;
	im->size = rec->size;
	memcpy(im->name, rec->name, sizeof(im->name));
	im->name[sizeof(im->name) - 1] = 0;
	im->used = ++cache_clock;
	im->from_vad = !rec->name[0];
	if (im->from_vad)
		name_from_exports(t, im);
	return im;
}

/* A data directory, if it lies inside the image. */
static void directory(const uint8_t *opt, uint16_t opt_size, unsigned idx, uint64_t image_size,
		      uint32_t *rva, uint32_t *size)
{
	uint32_t nrva = rd32(opt + 108), r, s;

	*rva = *size = 0;
	if (idx >= nrva || opt_size < 112 + 8 * (idx + 1))
		return;
	r = rd32(opt + 112 + 8 * idx);
	s = rd32(opt + 116 + 8 * idx);
	if (!r || !s || r >= image_size || s > image_size - r)
		return;
	*rva = r;
	*size = s;
}

/* DOS header -> e_lfanew -> IMAGE_NT_HEADERS64 -> the export and exception
 * directories.  Read once; false when this is no PE32+ image. */
static bool load_headers(struct lsw_thread *t, struct unwind_image *im)
{
	uint8_t dos[64], nt[4 + 20 + 240];
	uint32_t lfanew;
	uint16_t opt_size;
	const uint8_t *opt = nt + 24;

	if (im->headers_read)
		return im->headers_ok;
	im->headers_read = true;
	if (im->size < sizeof(dos) || tracee_read(t, im->base, dos, sizeof(dos)) < 0 ||
	    dos[0] != 'M' || dos[1] != 'Z')
		return false;
	lfanew = rd32(dos + 0x3c);
	if (lfanew > im->size || im->size - lfanew < sizeof(nt) ||
	    tracee_read(t, im->base + lfanew, nt, sizeof(nt)) < 0)
		return false;
	if (memcmp(nt, "PE\0\0", 4) || rd16(opt) != 0x20b)
		return false;
	opt_size = rd16(nt + 4 + 16);
	if (opt_size > 240)
		opt_size = 240;
	directory(opt, opt_size, 0, im->size, &im->export_rva, &im->export_size);
	directory(opt, opt_size, 3, im->size, &im->pdata_rva, &im->pdata_size);
	im->headers_ok = true;
	return true;
}

/* All the unwind info the table points to, in one read: the range from
 * the lowest to the highest UnwindData (usually .xdata, a few KB).  When it
 * is too large or unreadable, read_info reads each one from the tracee. */
static void load_xdata(struct lsw_thread *t, struct unwind_image *im)
{
	uint32_t lo = UINT32_MAX, hi = 0;
	uint64_t end;

	for (uint32_t i = 0; i < im->npdata; i++) {
		uint32_t info = im->pdata[i].info;

		if (info >= im->size)
			continue;
		if (info < lo)
			lo = info;
		if (info > hi)
			hi = info;
	}
	if (lo > hi)
		return;
	end = (uint64_t)hi + UNWIND_INFO_MAX;
	if (end > im->size)
		end = im->size;
	if (end - lo > MAX_XDATA)
		return;
	im->xdata = malloc(end - lo);
	if (!im->xdata)
		return;
	if (tracee_read(t, im->base + lo, im->xdata, end - lo) < 0) {
		free(im->xdata);
		im->xdata = NULL;
		return;
	}
	im->xdata_rva = lo;
	im->xdata_len = (uint32_t)(end - lo);
}

/* len bytes at rva of the image, from the cached unwind data if there. */
static int image_read(struct lsw_thread *t, struct unwind_image *im, uint32_t rva,
		      void *buf, size_t len)
{
	if (im->xdata && rva >= im->xdata_rva && len <= im->xdata_len &&
	    rva - im->xdata_rva <= im->xdata_len - len) {
		memcpy(buf, im->xdata + (rva - im->xdata_rva), len);
		return 0;
	}
	return tracee_read(t, im->base + rva, buf, len);
}

static void load_pdata(struct lsw_thread *t, struct unwind_image *im)
{
	uint32_t n;
	uint8_t *raw;

	if (im->pdata_read)
		return;
	im->pdata_read = true;
	if (!load_headers(t, im) || !im->pdata_size)
		return;
	n = im->pdata_size / 12;
	if (n > MAX_PDATA_ENTRIES)
		n = MAX_PDATA_ENTRIES;
	if (!n)
		return;
	raw = malloc((size_t)n * 12);
	if (!raw)
		return;
	if (tracee_read(t, im->base + im->pdata_rva, raw, (size_t)n * 12) < 0) {
		free(raw);
		return;
	}
	/* the on-disk layout is three little-endian ULONGs: same as ours */
	im->pdata = (struct unwind_rtf *)raw;
	for (uint32_t i = 0; i < n; i++) {
		const uint8_t *e = raw + (size_t)i * 12;
		struct unwind_rtf f = { rd32(e), rd32(e + 4), rd32(e + 8) };

		im->pdata[i] = f;
	}
	im->npdata = n;
	load_xdata(t, im);
}

/* One UNWIND_INFO as read. */
struct uw_info {
	uint8_t version, flags, prolog, count, freg;
	uint32_t foff;
	uint16_t codes[256];
	struct unwind_rtf chain;
};

static int read_info(struct lsw_thread *t, struct unwind_image *im, uint32_t rva,
		     struct uw_info *u)
{
	uint8_t h[4], body[256 * 2 + 12];
	size_t slots, need;

	if (rva >= im->size || im->size - rva < sizeof(h) ||
	    image_read(t, im, rva, h, sizeof(h)) < 0)
		return -1;
	u->version = h[0] & 7;
	u->flags = h[0] >> 3;
	u->prolog = h[1];
	u->count = h[2];
	u->freg = h[3] & 15;
	u->foff = (uint32_t)(h[3] >> 4) * 16;
	if (u->version != 1 && u->version != 2)
		return -1;
	slots = ((size_t)u->count + 1) & ~(size_t)1;
	need = slots * 2 + ((u->flags & UNW_FLAG_CHAININFO) ? 12 : 0);
	if (need > im->size - rva - sizeof(h) ||
	    image_read(t, im, rva + (uint32_t)sizeof(h), body, need) < 0)
		return -1;
	for (size_t i = 0; i < u->count; i++)
		u->codes[i] = rd16(body + 2 * i);
	if (u->flags & UNW_FLAG_CHAININFO) {
		const uint8_t *c = body + slots * 2;

		u->chain.begin = rd32(c);
		u->chain.end = rd32(c + 4);
		u->chain.info = rd32(c + 8);
	}
	return 0;
}

const struct unwind_rtf *unwind_lookup(struct lsw_thread *t, struct unwind_image *im,
				       uint32_t rva, uint32_t *primary)
{
	const struct unwind_rtf *f = NULL;
	uint32_t lo = 0, hi;

	load_pdata(t, im);
	hi = im->npdata;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const struct unwind_rtf *e = &im->pdata[mid];

		if (rva < e->begin) {
			hi = mid;
		} else if (rva >= e->end) {
			lo = mid + 1;
		} else {
			f = e;
			break;
		}
	}
	if (f && primary) {
		struct uw_info u;
		uint32_t info = f->info;

		*primary = f->begin;
		for (unsigned depth = 0; depth < MAX_CHAIN; depth++) {
			if (read_info(t, im, info, &u) < 0 || !(u.flags & UNW_FLAG_CHAININFO))
				break;
			*primary = u.chain.begin;
			info = u.chain.info;
		}
	}
	return f;
}

/* Stack reads: the page holding the address is read at once and kept for
 * the walk (unwind_begin_walk forgets it). */
static struct {
	pid_t tid;
	uint64_t addr;
	uint32_t len;
	uint8_t buf[PAGE];
} window;

void unwind_begin_walk(void)
{
	window.len = 0;
}

static int read_u64(struct lsw_thread *t, uint64_t addr, uint64_t *v)
{
	uint64_t page;

	if (!(window.len && window.tid == t->tid && addr >= window.addr &&
	      addr - window.addr <= window.len - sizeof(*v))) {
		page = addr & ~(uint64_t)(PAGE - 1);
		if (addr - page > PAGE - sizeof(*v))
			return tracee_read(t, addr, v, sizeof(*v));
		if (tracee_read(t, page, window.buf, PAGE) < 0) {
			window.len = 0;
			return -1;
		}
		window.tid = t->tid;
		window.addr = page;
		window.len = PAGE;
	}
	memcpy(v, window.buf + (addr - window.addr), sizeof(*v));
	return 0;
}

/* The frame base save offsets are relative to: the fixed allocation's
 * lowest address, i.e. frame register - FrameOffset once the frame register
 * is established, else rsp. */
static int frame_base(const struct unwind_regs *n, const struct uw_info *u, bool fp_set,
		      uint64_t *base)
{
	if (u->freg && fp_set) {
		if (!(n->known & (1u << u->freg)))
			return -1;
		*base = n->r[u->freg] - u->foff;
	} else {
		*base = n->r[UW_RSP];
	}
	return 0;
}

/* Undoes the prolog described by the unwind info at rva (and its chain):
 * the registers in *n become those at the function's entry.  off is the
 * pc's offset in the function the first info describes. */
static int apply_info(struct lsw_thread *t, struct unwind_image *im, uint32_t rva,
		      uint64_t off, struct unwind_regs *n, bool *machframe)
{
	struct uw_info u;
	bool primary = true;

	for (unsigned depth = 0; depth < MAX_CHAIN; depth++) {
		bool in_prolog, fp_set;
		uint64_t base = 0;
		bool have_base = false;

		if (read_info(t, im, rva, &u) < 0)
			return -1;
		in_prolog = primary && off < u.prolog;
		/* Is the frame register established at this pc?  Outside the
		 * prolog (or in a chained part) it always is. */
		fp_set = u.freg != 0;
		if (fp_set && in_prolog) {
			fp_set = false;
			for (unsigned i = 0; i < u.count; i++) {
				unsigned op = (u.codes[i] >> 8) & 15;

				if (op == UWOP_SET_FPREG && off >= (u.codes[i] & 0xff))
					fp_set = true;
				if (op <= UWOP_PUSH_MACHFRAME)
					i += (op == UWOP_ALLOC_LARGE && (u.codes[i] >> 12) == 1) ? 2
					     : op_slots[op] - 1u;
			}
		}
		for (unsigned i = 0; i < u.count;) {
			uint16_t c = u.codes[i];
			unsigned coff = c & 0xff, op = (c >> 8) & 15, info = c >> 12;
			unsigned slots;
			uint64_t v, size, at;
			bool done;

			if (op > UWOP_PUSH_MACHFRAME)
				return -1;
			slots = op_slots[op];
			if (op == UWOP_ALLOC_LARGE)
				slots = info == 0 ? 2 : 3;
			if (i + slots > u.count)
				return -1;
			/* Version 2 epilog descriptors are no prolog operations. */
			done = op != UWOP_EPILOG && !(in_prolog && off < coff);
			if (done) {
				switch (op) {
				case UWOP_PUSH_NONVOL:
					if (info == UW_RSP || read_u64(t, n->r[UW_RSP], &v) < 0)
						return -1;
					n->r[info] = v;
					n->known |= 1u << info;
					n->r[UW_RSP] += 8;
					break;
				case UWOP_ALLOC_LARGE:
					if (info > 1)
						return -1;
					size = info == 0 ? (uint64_t)u.codes[i + 1] * 8
							 : (uint64_t)u.codes[i + 1] |
							   (uint64_t)u.codes[i + 2] << 16;
					n->r[UW_RSP] += size;
					break;
				case UWOP_ALLOC_SMALL:
					n->r[UW_RSP] += (uint64_t)info * 8 + 8;
					break;
				case UWOP_SET_FPREG:
					if (!u.freg || !(n->known & (1u << u.freg)))
						return -1;
					n->r[UW_RSP] = n->r[u.freg] - u.foff;
					break;
				case UWOP_SAVE_NONVOL:
				case UWOP_SAVE_NONVOL_FAR:
					if (info == UW_RSP)
						return -1;
					if (!have_base) {
						if (frame_base(n, &u, fp_set, &base) < 0)
							return -1;
						have_base = true;
					}
					at = op == UWOP_SAVE_NONVOL
						? (uint64_t)u.codes[i + 1] * 8
						: (uint64_t)u.codes[i + 1] | (uint64_t)u.codes[i + 2] << 16;
					if (read_u64(t, base + at, &v) < 0)
						return -1;
					n->r[info] = v;
					n->known |= 1u << info;
					break;
				case UWOP_PUSH_MACHFRAME: {
					/* RIP, CS, EFLAGS, old RSP, SS; an error code
					 * below them with OpInfo 1 */
					uint64_t frame = n->r[UW_RSP] + (info ? 8 : 0);

					if (info > 1 || read_u64(t, frame, &n->rip) < 0 ||
					    read_u64(t, frame + 24, &n->r[UW_RSP]) < 0)
						return -1;
					*machframe = true;
					break;
				}
				default:
					/* XMM saves: we track no XMM registers */
					break;
				}
			}
			i += slots;
		}
		if (!(u.flags & UNW_FLAG_CHAININFO))
			return 0;
		rva = u.chain.info;
		primary = false;
	}
	return -1;   /* chain too long: a loop */
}

/* Is pc (in function f of im, the innermost frame) in an epilog?  The
 * documented epilog forms: an optional "add rsp, imm" or "lea rsp,
 * [reg+disp]", pops of 8-byte registers, then "ret" or a jump out of the
 * function.  If so its remaining effect is simulated into *n: 1.  0 when pc
 * is in no epilog, -1 when the epilog cannot be followed. */
static int in_epilog(struct lsw_thread *t, struct unwind_image *im, const struct unwind_rtf *f,
		     uint64_t pc, struct unwind_regs *n)
{
	uint8_t c[64];
	size_t len = sizeof(c), i = 0;
	uint64_t rsp = n->r[UW_RSP], target = 0, v;
	uint8_t pops[16];
	unsigned npops = 0;
	bool out = false;

	if (pc - im->base >= im->size)
		return 0;
	if (im->size - (pc - im->base) < len)
		len = im->size - (pc - im->base);
	while (len && tracee_read(t, pc, c, len) < 0)
		len = len > 16 ? 16 : 0;
	memset(c + len, 0x90, sizeof(c) - len);  /* nops: match nothing */
	if (c[0] == 0x48 && c[1] == 0x83 && c[2] == 0xc4) {
		rsp += (uint64_t)(int64_t)(int8_t)c[3];
		i = 4;
	} else if (c[0] == 0x48 && c[1] == 0x81 && c[2] == 0xc4) {
		rsp += (uint64_t)(int64_t)(int32_t)rd32(c + 3);
		i = 7;
	} else if ((c[0] & 0xfe) == 0x48 && c[1] == 0x8d && ((c[2] >> 3) & 7) == UW_RSP &&
		   (c[2] >> 6) != 0 && (c[2] >> 6) != 3 && (c[2] & 7) != 4) {
		unsigned reg = (c[2] & 7) | (c[0] & 1) << 3;
		int64_t disp;

		if ((c[2] >> 6) == 1) {
			disp = (int8_t)c[3];
			i = 4;
		} else {
			disp = (int32_t)rd32(c + 3);
			i = 7;
		}
		if (!(n->known & (1u << reg)))
			return -1;
		rsp = n->r[reg] + (uint64_t)disp;
	}
	for (;;) {
		if (c[i] >= 0x58 && c[i] <= 0x5f) {
			if (npops < sizeof(pops))
				pops[npops++] = (uint8_t)(c[i] - 0x58);
			i++;
		} else if (c[i] == 0x41 && c[i + 1] >= 0x58 && c[i + 1] <= 0x5f) {
			if (npops < sizeof(pops))
				pops[npops++] = (uint8_t)(8 + c[i + 1] - 0x58);
			i += 2;
		} else {
			break;
		}
		if (i > sizeof(c) - 8)
			return 0;
	}
	if (c[i] == 0xc3 || (c[i] == 0xf3 && c[i + 1] == 0xc3)) {
		out = true;
	} else if (c[i] == 0xe9) {
		target = pc + i + 5 + (uint64_t)(int64_t)(int32_t)rd32(c + i + 1);
	} else if (c[i] == 0xeb) {
		target = pc + i + 2 + (uint64_t)(int64_t)(int8_t)c[i + 1];
	} else if ((c[i] == 0xff && c[i + 1] == 0x25) ||
		   (c[i] == 0x48 && c[i + 1] == 0xff && c[i + 2] == 0x25)) {
		out = true;   /* jmp [rip+disp]: a tail call through a pointer */
	} else {
		return 0;
	}
	if (!out && target - im->base >= f->begin && target - im->base < f->end)
		return 0;     /* a jump inside the function */
	for (unsigned k = 0; k < npops; k++) {
		if (pops[k] == UW_RSP || read_u64(t, rsp, &v) < 0)
			return -1;
		n->r[pops[k]] = v;
		n->known |= 1u << pops[k];
		rsp += 8;
	}
	if (read_u64(t, rsp, &n->rip) < 0)
		return -1;
	n->r[UW_RSP] = rsp + 8;
	return 1;
}

int unwind_step(struct lsw_thread *t, struct unwind_regs *r, bool caller_frame)
{
	uint64_t pc = r->rip, look = caller_frame ? pc - 1 : pc;
	struct unwind_image *im = unwind_image_at(t, look);
	struct unwind_regs n = *r;
	const struct unwind_rtf *f;
	bool machframe = false;

	if (!im)
		return -1;
	f = unwind_lookup(t, im, (uint32_t)(look - im->base), NULL);
	if (f && !caller_frame) {
		/* A syscall or fault in an epilog: the rest of the epilog
		 * says what is left to undo, not the prolog's codes. */
		int e = in_epilog(t, im, f, pc, &n);

		if (e < 0)
			return -1;
		if (e > 0)
			goto done;
	}
	if (f) {
		uint64_t off = pc - (im->base + f->begin);

		if (apply_info(t, im, f->info, off, &n, &machframe) < 0)
			return -1;
	}
	/* A leaf function (no table entry) has the return address at [rsp]. */
	if (!machframe) {
		if (read_u64(t, n.r[UW_RSP], &n.rip) < 0)
			return -1;
		n.r[UW_RSP] += 8;
	}
done:
	if (n.r[UW_RSP] <= r->r[UW_RSP])
		return -1;
	*r = n;
	return 0;
}

static const char *sort_names;

/* By address; among aliases of one address the name symbolization shows
 * (the last) is not a Zw alias nor an ordinal, then the alphabetically
 * first. */
static int alias_rank(const char *s)
{
	return s[0] == '#' ? 0 : (s[0] == 'Z' && s[1] == 'w') ? 1 : 2;
}

static int export_cmp(const void *a, const void *b)
{
	const struct unwind_export *x = a, *y = b;
	const char *nx = sort_names + x->name, *ny = sort_names + y->name;
	int rx, ry;

	if (x->rva != y->rva)
		return x->rva < y->rva ? -1 : 1;
	rx = alias_rank(nx);
	ry = alias_rank(ny);
	if (rx != ry)
		return rx - ry;
	return -strcmp(nx, ny);
}

/* Appends a printable copy of s (at most len bytes, up to a NUL) to the
 * names pool; the offset of the copy, or -1. */
static long pool_add(struct unwind_image *im, size_t *used, size_t *cap, const char *s, size_t len)
{
	size_t n = 0, start = *used;

	while (n < len && n < EXPORT_NAME_MAX && s[n])
		n++;
	if (!n)
		return -1;
	if (*cap - *used < n + 1) {
		size_t ncap = (*cap ? *cap * 2 : 4096) + n + 1;
		char *p = realloc(im->names, ncap);

		if (!p)
			return -1;
		im->names = p;
		*cap = ncap;
	}
	/* a hostile name must not break trace lines */
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		im->names[start + i] = ch > 0x20 && ch < 0x7f ? (char)ch : '?';
	}
	im->names[start + n] = 0;
	*used += n + 1;
	return (long)start;
}

static void *read_array(struct lsw_thread *t, struct unwind_image *im, uint32_t rva,
			size_t count, size_t elem)
{
	void *buf;

	if (!count || rva >= im->size || count * elem > im->size - rva)
		return NULL;
	buf = malloc(count * elem);
	if (buf && tracee_read(t, im->base + rva, buf, count * elem) < 0) {
		free(buf);
		buf = NULL;
	}
	return buf;
}

/* IMAGE_EXPORT_DIRECTORY: Name@12 Base@16 NumberOfFunctions@20
 * NumberOfNames@24 AddressOfFunctions@28 AddressOfNames@32
 * AddressOfNameOrdinals@36.  A function RVA inside the export directory is
 * a forwarder string, not code: skipped. */
void unwind_load_exports(struct lsw_thread *t, struct unwind_image *im)
{
	uint8_t dir[40];
	uint32_t nfuncs, nnames, ord_base, *funcs = NULL, *names = NULL;
	uint16_t *ords = NULL;
	uint8_t *block = NULL, *named = NULL;
	size_t block_len, used = 0, cap = 0;
	uint32_t n = 0;

	if (im->exports_read)
		return;
	im->exports_read = true;
	if (!load_headers(t, im) || im->export_size < sizeof(dir) ||
	    tracee_read(t, im->base + im->export_rva, dir, sizeof(dir)) < 0)
		return;
	ord_base = rd32(dir + 16);
	nfuncs = rd32(dir + 20);
	nnames = rd32(dir + 24);
	if (nfuncs > MAX_EXPORTS)
		nfuncs = MAX_EXPORTS;
	if (nnames > MAX_EXPORTS)
		nnames = MAX_EXPORTS;
	funcs = read_array(t, im, rd32(dir + 28), nfuncs, 4);
	if (!funcs)
		return;
	names = read_array(t, im, rd32(dir + 32), nnames, 4);
	ords = read_array(t, im, rd32(dir + 36), nnames, 2);
	if (!names || !ords)
		nnames = 0;
	/* the names usually sit in the export directory: one read for all */
	block_len = im->export_size < MAX_EXPORT_BLOCK ? im->export_size : MAX_EXPORT_BLOCK;
	block = read_array(t, im, im->export_rva, block_len, 1);
	named = calloc(nfuncs, 1);
	im->exports = calloc((size_t)nfuncs + nnames, sizeof(*im->exports));
	if (!named || !im->exports)
		goto out;
	for (uint32_t i = 0; i < nnames; i++) {
		uint16_t o = ords[i];
		uint32_t rva, nrva = names[i];
		char tmp[EXPORT_NAME_MAX + 1];
		const char *s = NULL;
		size_t len = 0;
		long at;

		if (o >= nfuncs)
			continue;
		rva = funcs[o];
		if (!rva || rva >= im->size ||
		    (rva >= im->export_rva && rva - im->export_rva < im->export_size))
			continue;
		if (block && nrva >= im->export_rva && nrva - im->export_rva < block_len) {
			s = (const char *)block + (nrva - im->export_rva);
			len = block_len - (nrva - im->export_rva);
		} else if (nrva < im->size) {
			len = im->size - nrva < sizeof(tmp) - 1 ? im->size - nrva : sizeof(tmp) - 1;
			/* a name near the end of a readable range: try shorter */
			while (len && tracee_read(t, im->base + nrva, tmp, len) < 0)
				len = len > 16 ? 16 : 0;
			s = tmp;
		}
		if (!s || !len || (at = pool_add(im, &used, &cap, s, len)) < 0)
			continue;
		im->exports[n].rva = rva;
		im->exports[n].name = (uint32_t)at;
		n++;
		named[o] = 1;
	}
	/* exports by ordinal only: "#ordinal" */
	for (uint32_t i = 0; i < nfuncs; i++) {
		uint32_t rva = funcs[i];
		char tmp[16];
		long at;

		if (named[i] || !rva || rva >= im->size ||
		    (rva >= im->export_rva && rva - im->export_rva < im->export_size))
			continue;
		snprintf(tmp, sizeof(tmp), "#%u", ord_base + i);
		if ((at = pool_add(im, &used, &cap, tmp, sizeof(tmp))) < 0)
			continue;
		im->exports[n].rva = rva;
		im->exports[n].name = (uint32_t)at;
		n++;
	}
	sort_names = im->names;
	qsort(im->exports, n, sizeof(*im->exports), export_cmp);
	im->nexports = n;
out:
	if (!n) {
		free(im->exports);
		im->exports = NULL;
	}
	free(funcs);
	free(names);
	free(ords);
	free(block);
	free(named);
}

/* An image known only from its view: the name its export directory gives
 * (IMAGE_EXPORT_DIRECTORY.Name), lower case as lsw names its own DLLs,
 * else its base address. */
static void name_from_exports(struct lsw_thread *t, struct unwind_image *im)
{
	uint8_t dir[40];
	char name[sizeof(im->name)];
	uint32_t nrva;
	size_t n = 0, len;

	snprintf(im->name, sizeof(im->name), "0x%llx", (unsigned long long)im->base);
	if (!load_headers(t, im) || im->export_size < sizeof(dir) ||
	    tracee_read(t, im->base + im->export_rva, dir, sizeof(dir)) < 0)
		return;
	nrva = rd32(dir + 12);
	if (nrva >= im->size)
		return;
	len = im->size - nrva < sizeof(name) - 1 ? im->size - nrva : sizeof(name) - 1;
	while (len && tracee_read(t, im->base + nrva, name, len) < 0)
		len = len > 16 ? 16 : 0;
	while (n < len && name[n]) {
		unsigned char ch = (unsigned char)name[n];

		if (ch <= 0x20 || ch >= 0x7f || ch == '!')
			ch = '?';
		else if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		name[n++] = (char)ch;
	}
	if (n) {
		memcpy(im->name, name, n);
		im->name[n] = 0;
	}
}
