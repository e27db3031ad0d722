/*
 * A thread's runtime block, shared (thread_block.h).  Sharing is set up
 * once per block: memfd_create, a mapping here, and two ops in the answer
 * that made the block (the hello, NtCreateThreadEx): map the memfd
 * MAP_SHARED | MAP_FIXED over the block's data, close it.  Blocks outlive
 * their threads (the spares), and so does their mapping.
 */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "emul/emul.h"
#include "emul/process/thread_block.h"
#include "tracer/notify.h"

void *thread_block_share(struct nt_call *c, uint64_t block)
{
	int fd = memfd_create("lsw-block", MFD_CLOEXEC), rfd;
	struct lsw_op *op;
	void *map;

	if (fd < 0)
		return NULL;
	if (ftruncate(fd, LSW_SHARED_SIZE) < 0 ||
	    (map = mmap(NULL, LSW_SHARED_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) ==
		    MAP_FAILED) {
		close(fd);
		return NULL;
	}
	*(uint64_t *)map = LSW_BLOCK_MAGIC; /* as the runtime wrote it in its own */
	/* where the fast channel's entry moves its stack (fastcall.S): set
	 * before any call can enter it, since the program may write polling
	 * into any block, not only when the block is first polled */
	((struct lsw_fast *)((char *)map + LSW_FAST_OFFSET))->self = block;
	rfd = notify_addfd(c->thread->process->notify_fd, c->notif_id, fd);
	close(fd);
	if (rfd < 0 || c->nops + 2 > LSW_MAX_OPS) {
		munmap(map, LSW_SHARED_SIZE);
		return NULL; /* an fd added and not closed stays unused */
	}
	op = nt_add_op(c, LSW_OP_MMAP);
	op->arg[0] = block;
	op->arg[1] = LSW_SHARED_SIZE;
	op->arg[2] = PROT_READ | PROT_WRITE;
	op->arg[3] = MAP_SHARED | MAP_FIXED;
	op->arg[4] = (uint64_t)rfd;
	op = nt_add_op(c, LSW_OP_CLOSE);
	op->arg[0] = (uint64_t)rfd;
	return map;
}

void thread_block_unmap(void *map)
{
	if (map)
		munmap(map, LSW_SHARED_SIZE);
}

static unsigned char *shared(const struct lsw_thread *t, size_t off, size_t len)
{
	if (!t->block_map || !t->block_map_live || off > LSW_SHARED_SIZE ||
	    len > LSW_SHARED_SIZE - off)
		return NULL;
	return (unsigned char *)t->block_map + off;
}

int thread_block_read(struct lsw_thread *t, size_t off, void *buf, size_t len)
{
	unsigned char *p = shared(t, off, len);

	if (p) {
		memcpy(buf, p, len);
		return 0;
	}
	return t->block ? tracee_read(t, t->block + off, buf, len) : -1;
}

/* Before the runtime has mapped the memfd (during the hello) writes go to
 * both: what the runtime reads after the map op comes from the memfd. */
int thread_block_write(struct lsw_thread *t, size_t off, const void *buf, size_t len)
{
	unsigned char *p = shared(t, off, len);

	if (p) {
		memcpy(p, buf, len);
		return 0;
	}
	if (t->block_map && off <= LSW_SHARED_SIZE && len <= LSW_SHARED_SIZE - off)
		memcpy((unsigned char *)t->block_map + off, buf, len);
	return t->block ? tracee_write(t, t->block + off, buf, len) : -1;
}

bool thread_block_stack_args(struct lsw_thread *t, uint64_t *args, unsigned n)
{
	unsigned char *p = shared(t, offsetof(struct lsw_thread_block, nstack), 4);
	uint32_t have;

	if (!p || n > LSW_MAX_STACK_ARGS)
		return false;
	memcpy(&have, p, sizeof(have)); /* once: the program may change it */
	if (have < n)
		return false;
	memcpy(args, (unsigned char *)t->block_map + offsetof(struct lsw_thread_block, stack_args),
	       n * sizeof(*args));
	return true;
}

/* The same for the op list: the runtime reads the ops up to the map op
 * from its private block, the ones after it from the memfd. */
int thread_block_put_ops(struct lsw_thread *t, const void *ops, uint32_t n, size_t size)
{
	size_t ops_at = offsetof(struct lsw_thread_block, ops);
	size_t n_at = offsetof(struct lsw_thread_block, nops);

	if (t->block_map) {
		memcpy((unsigned char *)t->block_map + ops_at, ops, size);
		memcpy((unsigned char *)t->block_map + n_at, &n, sizeof(n));
		if (t->block_map_live)
			return 0;
	}
	return tracee_write2(t, t->block + ops_at, ops, size, t->block + n_at, &n, sizeof(n));
}
