/*
 * Thread stacks as x64 Windows lays them out and grows them.  The whole
 * reserve is one private allocation; only its top `commit` bytes are
 * committed read-write (StackBase down to the TEB's StackLimit), with a
 * guard page right below them and the rest only reserved.  A touch of the
 * guard commits it into the stack (StackLimit follows) and guards the
 * page below, committed if it was only reserved.  The stack's end is a
 * page never accessible with two guard pages above it: running into
 * those is STATUS_STACK_OVERFLOW (guard_page.c).
 *
 * The kernel's own writes below a thread's rsp (an exception's or an
 * APC's frame) meet the guard as the thread would, and grow the stack the
 * same way; the frame then goes through the runtime (LSW_OP_STORE), after
 * the ops that made its pages writable.
 */
#include <stddef.h>
#include <sys/mman.h>
#include "emul/memory/memory.h"
#include "emul/memory/stack.h"
#include "emul/process/thread_block.h"

#define TEB_STACK_BASE 0x08
#define TEB_STACK_LIMIT 0x10
#define TEB_DEALLOCATION_STACK 0x1478

_Static_assert(STACK_RESERVED_END == 3 * PAGE_SIZE_NT,
	       "a never-accessible page and two guard pages");

struct page_run *stack_run_at(struct vad *v, uint64_t addr)
{
	uint64_t page = (addr - v->base) / PAGE_SIZE_NT;

	for (size_t i = 0; i < v->nruns; i++)
		if (page >= v->runs[i].first && page < v->runs[i].first + v->runs[i].count)
			return &v->runs[i];
	return NULL;
}

void stack_set_pages(struct nt_call *c, struct vad *v, uint64_t page, uint64_t size,
		     uint32_t protect)
{
	vad_set_pages(&c->thread->process->vad, v, page, size, MEM_COMMIT, protect);
	memory_op_protect(c, page, size, protect);
}

/* Guards the stack below page: the page under it or, where that would
 * reach into the stack's end, every page above the never-accessible one.
 * A committed page keeps its protection, with PAGE_GUARD added. */
static void guard_below(struct nt_call *c, struct vad *v, uint64_t low, uint64_t page)
{
	uint64_t g = page - PAGE_SIZE_NT;

	if (g < low + STACK_RESERVED_END)
		g = low + PAGE_SIZE_NT;
	for (; g < page; g += PAGE_SIZE_NT) {
		struct page_run *r = stack_run_at(v, g);
		bool committed = r && r->state == MEM_COMMIT;

		if (!committed || !(r->protect & PAGE_GUARD))
			stack_set_pages(c, v, g, PAGE_SIZE_NT,
					(committed ? r->protect : PAGE_READWRITE) | PAGE_GUARD);
	}
}

/* The pages committing [page, end) and the guard below would newly charge. */
static uint64_t growth_charge(const struct vad *v, uint64_t low, uint64_t page, uint64_t end)
{
	uint64_t g = page - PAGE_SIZE_NT;

	if (g < low + STACK_RESERVED_END)
		g = low + PAGE_SIZE_NT;
	return vad_uncommitted_bytes(v, g, end - g);
}

/* What a thread may ask beyond is cut (its reservation still is memory
 * the supervisor's view and the host keep track of). */
#define STACK_MAX (256ull << 20)
#define MIB 0x100000ull

static uint64_t round_up(uint64_t v, uint64_t align)
{
	return (v + align - 1) & ~(align - 1);
}

void stack_sizes(uint64_t *commit, uint64_t *reserve, uint64_t min_reserve)
{
	if (*commit > STACK_MAX)
		*commit = STACK_MAX;
	if (*reserve > STACK_MAX)
		*reserve = STACK_MAX;
	if (*reserve <= *commit)
		*reserve = round_up(*commit, MIB);
	*commit = round_up(*commit ? *commit : PAGE_SIZE_NT, PAGE_SIZE_NT);
	*reserve = round_up(*reserve, ALLOC_GRANULARITY);
	if (*reserve < min_reserve)
		*reserve = min_reserve;
	if (*reserve > STACK_MAX)
		*reserve = STACK_MAX;
	if (*commit > *reserve - STACK_RESERVED_END)
		*commit = *reserve - STACK_RESERVED_END;
}

uint64_t stack_create(struct nt_call *c, uint64_t reserve, uint64_t commit, uint64_t limit)
{
	struct lsw_process *p = c->thread->process;
	struct vad_map *m = &p->vad;
	uint64_t base, top;
	struct vad *v;

	if (reserve < STACK_RESERVED_END + PAGE_SIZE_NT || commit > reserve - STACK_RESERVED_END)
		return 0;
	base = vad_find_free_below(m, reserve, ALLOC_GRANULARITY, false, limit);
	if (!base || !memory_can_charge(p, commit + 2 * PAGE_SIZE_NT) ||
	    !(v = vad_insert(m, base, reserve, MEM_PRIVATE, PAGE_READWRITE, MEM_RESERVE, 0)))
		return 0;
	memory_op_map_anon(c, base, reserve, PROT_NONE, false);
	top = base + reserve;
	stack_set_pages(c, v, top - commit, commit, PAGE_READWRITE);
	guard_below(c, v, base, top - commit);
	return base;
}

bool stack_of_thread(struct lsw_thread *t, struct vad *v, uint64_t addr, struct user_stack *s)
{
	if (!t->teb || tracee_read(t, t->teb + TEB_STACK_BASE, &s->high, 8) < 0 ||
	    tracee_read(t, t->teb + TEB_STACK_LIMIT, &s->limit, 8) < 0 ||
	    tracee_read(t, t->teb + TEB_DEALLOCATION_STACK, &s->low, 8) < 0)
		return false;
	/* the process owns its TEB: its values are only trusted this far */
	return v && s->low >= v->base && s->high <= v->base + v->size && s->low < s->high &&
	       addr >= s->low && addr < s->high;
}

static void set_limit(struct lsw_thread *t, uint64_t limit)
{
	tracee_write(t, t->teb + TEB_STACK_LIMIT, &limit, 8);
}

bool stack_grow(struct lsw_thread *t, struct vad *v, const struct user_stack *s, uint64_t page,
		uint32_t protect)
{
	if (page < s->low + STACK_RESERVED_END ||
	    !memory_can_charge(t->process, growth_charge(v, s->low, page, page + PAGE_SIZE_NT)))
		return false;
	stack_set_pages(&t->call, v, page, PAGE_SIZE_NT, protect);
	set_limit(t, page);
	guard_below(&t->call, v, s->low, page);
	return true;
}

/* Pages [page, end) are committed and writable, none a guard. */
static bool all_writable(struct vad *v, uint64_t page, uint64_t end)
{
	for (; page < end; page += PAGE_SIZE_NT) {
		struct page_run *r = stack_run_at(v, page);
		uint32_t p = r ? r->protect : 0;

		if (!r || r->state != MEM_COMMIT ||
		    (p != PAGE_READWRITE && p != PAGE_EXECUTE_READWRITE))
			return false;
	}
	return true;
}

/* The stack grows down to the page of addr, as the thread's own touch of
 * each page on the way would make it: only over pages still reserved or
 * guarded (one the program committed itself stays as it is). */
static void grow_to(struct lsw_thread *t, struct vad *v, uint64_t addr)
{
	uint64_t page = addr & ~(PAGE_SIZE_NT - 1), end;
	struct user_stack s;

	if (!stack_of_thread(t, v, addr, &s) || page >= s.limit || page < s.low + STACK_RESERVED_END)
		return;
	end = (s.limit + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	if (end > s.high || !memory_can_charge(t->process, growth_charge(v, s.low, page, end)))
		return;
	for (uint64_t g = page; g < end; g += PAGE_SIZE_NT) {
		struct page_run *r = stack_run_at(v, g);

		if (r && r->state == MEM_COMMIT && !(r->protect & PAGE_GUARD))
			return;
	}
	stack_set_pages(&t->call, v, page, end - page, PAGE_READWRITE);
	set_limit(t, page);
	guard_below(&t->call, v, s.low, page);
}

int stack_write_frame(struct lsw_thread *t, uint64_t sp, const void *frame, size_t len)
{
	struct vad *v;
	uint64_t end = (sp + len + PAGE_SIZE_NT - 1) & ~(PAGE_SIZE_NT - 1);
	struct lsw_op *op;

	if (tracee_write(t, sp, frame, len) == 0)
		return 0;
	if (len > LSW_STAGE_SIZE || (len & 7) || (sp & 7) || sp + len < sp ||
	    !(v = vad_find(&t->process->vad, sp)) || end > v->base + v->size)
		return -1;
	grow_to(t, v, sp);
	if (!all_writable(v, sp & ~(PAGE_SIZE_NT - 1), end) ||
	    thread_block_write(t, offsetof(struct lsw_thread_block, stage), frame, len) < 0 ||
	    !(op = nt_add_op(&t->call, LSW_OP_STORE)))
		return -1;
	op->arg[0] = sp;
	op->arg[1] = len;
	return 0;
}

void stack_guard_set(struct lsw_thread *t, uint64_t addr, uint64_t size)
{
	struct vad *v = vad_find(&t->process->vad, addr);
	uint64_t end = addr + size;
	struct user_stack s;

	/* a guard set inside the committed stack ends it there */
	if (stack_of_thread(t, v, addr, &s) && end > s.limit && end <= s.high)
		set_limit(t, end);
}
