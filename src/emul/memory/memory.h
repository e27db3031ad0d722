/* The address space as Windows reports it: allocations (VADs) with page
 * runs of state and protection.  The supervisor is the one source of truth;
 * the runtime only carries out the mmap/mprotect ops derived from it. */
#ifndef LSW_MEMORY_H
#define LSW_MEMORY_H

#include "emul/emul.h"

#define PAGE_SIZE_NT 0x1000ull
#define ALLOC_GRANULARITY 0x10000ull
#define USER_MIN 0x10000ull
#define USER_MAX 0x7FFFFFFEFFFFull  /* MmHighestUserAddress */

#define MEM_COMMIT 0x1000
#define MEM_RESERVE 0x2000
#define MEM_DECOMMIT 0x4000
#define MEM_RELEASE 0x8000
#define MEM_FREE 0x10000
#define MEM_PRIVATE 0x20000
#define MEM_MAPPED 0x40000
#define MEM_RESET 0x80000
#define MEM_TOP_DOWN 0x100000
#define MEM_WRITE_WATCH 0x200000
#define MEM_RESET_UNDO 0x1000000
#define MEM_IMAGE 0x1000000
#define MEM_REPLACE_PLACEHOLDER 0x4000
#define MEM_RESERVE_PLACEHOLDER 0x40000
#define MEM_COALESCE_PLACEHOLDERS 0x1 /* free types, with MEM_RELEASE */
#define MEM_PRESERVE_PLACEHOLDER 0x2

#define PAGE_NOACCESS 0x01
#define PAGE_READONLY 0x02
#define PAGE_READWRITE 0x04
#define PAGE_WRITECOPY 0x08
#define PAGE_EXECUTE 0x10
#define PAGE_EXECUTE_READ 0x20
#define PAGE_EXECUTE_READWRITE 0x40
#define PAGE_EXECUTE_WRITECOPY 0x80
#define PAGE_GUARD 0x100
#define PAGE_NOCACHE 0x200
#define PAGE_WRITECOMBINE 0x400
#define PAGE_TARGETS_FLAG 0x40000000 /* PAGE_TARGETS_INVALID, PAGE_TARGETS_NO_UPDATE */

struct page_run {
	uint64_t first, count;   /* pages, relative to the VAD base */
	uint32_t state;          /* MEM_COMMIT or MEM_RESERVE */
	uint32_t protect;        /* PAGE_* when committed */
};

struct vad {
	uint64_t base, size;
	uint32_t type;           /* MEM_PRIVATE, MEM_MAPPED, MEM_IMAGE; 0 = system */
	uint32_t alloc_protect;
	struct page_run *runs;
	size_t nruns;
	struct nt_object *section; /* a view's section (a reference), else NULL */
	uint64_t offset;         /* a view's offset in its section */
	bool charged;            /* a view of page-file-backed memory: committed
				  * pages count as private ones do */
	bool placeholder;        /* reserved with MEM_RESERVE_PLACEHOLDER */
	bool from_placeholder;   /* replaced one (MEM_REPLACE_PLACEHOLDER): may
				  * become one again (MEM_PRESERVE_PLACEHOLDER) */
	uint8_t *written;        /* MEM_WRITE_WATCH: a bit per page written since
				  * its last reset (write_watch.c); else NULL */
};

/* Returns PROT_* for a PAGE_* value, or -1 if the value is not valid. */
int nt_protect_to_prot(uint32_t protect);
struct vad *vad_find(struct vad_map *m, uint64_t addr);
/* Finds a free, aligned range of size bytes; 0 if none. */
uint64_t vad_find_free(struct vad_map *m, uint64_t size, uint64_t align, bool top_down);
/* The same below limit (an address just past the highest usable byte). */
uint64_t vad_find_free_below(struct vad_map *m, uint64_t size, uint64_t align, bool top_down,
			     uint64_t limit);
/* The same at or above low too. */
uint64_t vad_find_free_between(struct vad_map *m, uint64_t size, uint64_t align, bool top_down,
			       uint64_t low, uint64_t limit);
/* The end of the range a ZeroBits argument leaves free; 0 if it is not
 * valid (22 to 31). */
uint64_t vad_zero_bits_limit(uint64_t zero_bits);
bool vad_range_free(struct vad_map *m, uint64_t base, uint64_t size);
struct vad *vad_insert(struct vad_map *m, uint64_t base, uint64_t size, uint32_t type,
		       uint32_t alloc_protect, uint32_t state, uint32_t protect);
/* A view of section (referenced) at offset; committed pages are charged
 * when charged is set. */
struct vad *vad_insert_view(struct vad_map *m, uint64_t base, uint64_t size,
			    struct nt_object *section, uint64_t offset, bool charged,
			    uint32_t alloc_protect, uint32_t state, uint32_t protect);
void vad_remove(struct vad_map *m, struct vad *v);
/* The range stays taken (nothing new is placed there) but is no longer the
 * program's: its memory calls refuse it and it is not charged (what an
 * ended thread unmaps, until its Linux thread is gone). */
void vad_hold(struct vad_map *m, struct vad *v);
/* memory_release.c: v, released by c's caller, is held until the caller's
 * runtime has run the answer's unmap (its next call). */
void memory_release_range(struct nt_call *c, struct vad *v);
/* t calls again (or is gone): the ranges it released are free now. */
void memory_released_done(struct lsw_thread *t);
/* Sets [addr, addr+size) of v to state/protect, keeping m's commit charge. */
int vad_set_pages(struct vad_map *m, struct vad *v, uint64_t addr, uint64_t size,
		  uint32_t state, uint32_t protect);
/* Bytes of [addr, addr+size) in v that committing would newly charge. */
uint64_t vad_uncommitted_bytes(const struct vad *v, uint64_t addr, uint64_t size);
/* Seeds the map with what the runtime already occupies (/proc/PID/maps). */
int vad_seed_from_proc(struct vad_map *m, pid_t pid);
/* The same in two steps: the ranges read while a pre-started runtime
 * waits in its hello (runtime_pool.c), so that a start need not read
 * them; applied at the hello.  Read: 0, or -1 (gone, or more ranges than
 * a runtime has). */
#define VAD_SEED_MAX 256
struct vad_seed {
	unsigned n;
	struct { uint64_t lo, hi; } r[VAD_SEED_MAX];
};
int vad_seed_read(pid_t pid, struct vad_seed *s);
void vad_seed_apply(struct vad_map *m, const struct vad_seed *s);
void vad_free_all(struct vad_map *m);

/* Whether committing bytes more stays within the run's commit limit
 * (--memory): past it Windows answers STATUS_COMMITMENT_LIMIT. */
bool memory_can_charge(const struct lsw_process *p, uint64_t bytes);

/* NtQueryVirtualMemory(MemoryMappedFilenameInformation) of addr in p into
 * the caller's buffer out of len bytes (memory_name.c). */
#define MEMORY_MAPPED_FILENAME_INFORMATION 2
NTSTATUS memory_query_mapped_name(struct nt_call *c, struct lsw_process *p, uint64_t addr,
				  uint64_t out, uint64_t len, uint64_t ret_len);

/* NtQueryVirtualMemory(MemoryWorkingSetExInformation) c asks of p
 * (memory_working_set.c). */
#define MEMORY_WORKING_SET_EX_INFORMATION 4
NTSTATUS memory_query_working_set_ex(struct nt_call *c, struct lsw_process *p);

/* ProbeForWrite: [addr, addr+len) is all committed, writable memory of
 * the program's (user_probe.c). */
bool memory_probe_write(struct lsw_process *p, uint64_t addr, uint64_t len);

/* Replaces [addr, addr+size) of view v by private copy-on-write pages of
 * the same bytes, with protect (section_view.c); -1 on failure. */
int section_view_privatize(struct nt_call *c, struct vad *v, uint64_t addr, uint64_t size,
			   uint32_t protect);

/* From page up to end (copy-on-write pages of p): how many bytes share
 * the first page's state, written (*written) or not (cow_state.c). */
uint64_t cow_written_run(const struct lsw_process *p, uint64_t page, uint64_t end,
			 bool *written);
/* The protection a written copy-on-write page has: PAGE_READWRITE or
 * PAGE_EXECUTE_READWRITE for the copy-on-write ones, else protect. */
uint32_t cow_written_protect(uint32_t protect);

/* What an allocation asks (NtAllocateVirtualMemory[Ex]), copied from the
 * caller: base and size become what was allocated. */
struct alloc_req {
	uint64_t base, size;
	uint32_t type, protect;
	uint64_t low, limit, align;  /* where a new range may lie: [low, limit) */
};
/* Reserves, commits or replaces a placeholder in tc's process (memory.c). */
NTSTATUS memory_allocate(struct nt_call *tc, struct alloc_req *r);

/* Adds the op that maps fresh anonymous pages at [addr, addr+size), over
 * what is there with replace. */
void memory_op_map_anon(struct nt_call *c, uint64_t addr, uint64_t size, int prot, bool replace);
/* NtFreeVirtualMemory's MEM_RELEASE with MEM_PRESERVE_PLACEHOLDER (split a
 * placeholder, or turn a replaced one back) or MEM_COALESCE_PLACEHOLDERS
 * (merge adjacent ones), in tc's process (memory_placeholder.c). */
NTSTATUS placeholder_free(struct nt_call *tc, uint64_t *base, uint64_t *size, uint32_t type);
/* A placeholder at [base, base+size) in the map (size 0: nothing). */
bool placeholder_insert(struct vad_map *m, uint64_t base, uint64_t size);
/* The extended parameters (count at addr, in c's memory) of an ...Ex call
 * into r's bounds; *has_address: address requirements came (memory_ex.c). */
NTSTATUS memory_ext_params(struct nt_call *c, uint64_t addr, uint64_t count,
			   struct alloc_req *r, bool *has_address);

/* Adds the op that makes [addr, addr+size) match the VAD's pages. */
void memory_op_protect(struct nt_call *c, uint64_t addr, uint64_t size, uint32_t protect);
/* The same with Linux's protection prot as it is (write_watch.c). */
void memory_op_mprotect(struct nt_call *c, uint64_t addr, uint64_t size, int prot);

#endif
