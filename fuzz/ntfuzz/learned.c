/*
 * What the supervisor taught about information classes: which ones it
 * knows (a call with them failed otherwise than STATUS_INVALID_INFO_CLASS),
 * and the buffer length each needs (a query that failed with
 * STATUS_INFO_LENGTH_MISMATCH, _BUFFER_TOO_SMALL or _BUFFER_OVERFLOW said it
 * in its ReturnLength).  Keyed by the class's value table and value, so a
 * set call of the class (NtSetInformationThread after
 * NtQueryInformationThread) learns from the query: more calls get past the
 * checks into the handlers.
 */
#include "ntfuzz.h"

#define LEARNED 256

static struct learned {
	const uint32_t *table;   /* the class's xlat values: the same for query and set */
	uint32_t cls, len;      /* len 0: not known yet */
} learned[LEARNED];
static unsigned nlearned;

/* The call's information class argument (its first enum), or -1. */
static int class_arg(const struct fuzz_call *fc)
{
	const struct arg_desc *d = fc->row >= 0 ? call_args(fc->row) : 0;

	for (int i = 0; d && i < fc->nargs; i++)
		if (d[i].kind == K_ENUM)
			return i;
	return -1;
}

static struct learned *find(const uint32_t *table, uint32_t cls)
{
	for (unsigned i = 0; i < nlearned; i++)
		if (learned[i].table == table && learned[i].cls == cls)
			return &learned[i];
	return 0;
}

uint32_t learned_length(const struct fuzz_call *fc)
{
	int c = class_arg(fc);
	const struct learned *l;

	if (c < 0)
		return 0;
	l = find(call_args(fc->row)[c].vals->v, (uint32_t)fc->a[c]);
	return l ? l->len : 0;
}

int known_class(const uint32_t *table, uint64_t *cls)
{
	unsigned start = below(nlearned ? nlearned : 1);

	for (unsigned k = 0; k < nlearned; k++) {
		const struct learned *l = &learned[(start + k) % nlearned];

		if (l->table == table) {
			*cls = l->cls;
			return 1;
		}
	}
	return 0;
}

/* The length a failed query asked for, or 0. */
static uint32_t asked_length(const struct fuzz_call *fc, uint32_t status)
{
	const struct arg_desc *d = call_args(fc->row);
	uint32_t len;

	if (status != 0xC0000004u && status != 0xC0000023u && status != 0x80000005u)
		return 0;
	for (int i = 0; i < fc->nargs; i++) {
		int r = d[i].ret_arg - 1;

		if (d[i].kind != K_BUF_OUT || r < 0 || !fc->slot[r] || fc->a[r] != fc->slot[r])
			continue;
		len = *(uint32_t *)fc->slot[r];
		return len <= 65536 ? len : 0;
	}
	return 0;
}

void learn(const struct fuzz_call *fc, uint32_t status)
{
	int c = class_arg(fc);
	const struct arg_desc *d;
	struct learned *l;
	uint32_t len;

	if (c < 0 || status == 0xC0000003u || status == 0xC0000002u)
		return;   /* INVALID_INFO_CLASS, NOT_IMPLEMENTED */
	d = call_args(fc->row);
	len = asked_length(fc, status);
	l = find(d[c].vals->v, (uint32_t)fc->a[c]);
	if (!l && nlearned < LEARNED) {
		l = &learned[nlearned++];
		l->table = d[c].vals->v;
		l->cls = (uint32_t)fc->a[c];
	}
	if (l && len)
		l->len = len;
}
