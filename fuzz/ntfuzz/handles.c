/*
 * The handles ntfuzz holds: every handle a call gave it, with the call that
 * made it and the kind of object its argument names ("KeyHandle": Key),
 * forgotten when a call closes it.  An argument that names a kind mostly
 * gets a handle of that kind.  Calls that could end or stop this process
 * or its main thread get only handles known not to be either.
 */
#include "ntfuzz.h"

#define MAX_HANDLES 256

static struct held {
	uint64_t h;
	int row;
	const char *kind;   /* the name of the argument it came back in */
} held[MAX_HANDLES];
static unsigned nheld;

uint64_t out_handle;
unsigned threads_made;

static int same_handle(uint64_t a, uint64_t b)
{
	return ((a ^ b) & 0xFFFFFFFCu) == 0;
}

void handle_add(uint64_t h, int row, const char *kind)
{
	if (!h || h > 0xFFFFFFFFu || same_handle(h, out_handle))
		return;
	handle_forget(h);          /* a value closed and given out again */
	if (nheld == MAX_HANDLES)
		held[below(MAX_HANDLES)] = held[--nheld];
	held[nheld].h = h;
	held[nheld].row = row;
	held[nheld].kind = kind;
	nheld++;
	share_handle(h);
}

void handle_forget(uint64_t h)
{
	for (unsigned i = 0; i < nheld;) {
		if (same_handle(held[i].h, h))
			held[i] = held[--nheld];
		else
			i++;
	}
}

uint64_t any_handle(void)
{
	switch (below(20)) {
	case 0: case 1: return (uint64_t)-1;                  /* this process */
	case 2: case 3: return (uint64_t)-2;                  /* this thread */
	case 4: return (uint64_t)-3 - below(4);               /* token pseudo-handles */
	case 5: case 6: return 0;
	case 7: case 8: return 4 * (1 + below(48)) + (chance(10) ? below(4) : 0);
	case 9: return chance(50) ? rng() : (uint32_t)rng();
	default:
		if (!nheld)
			return 4 * (1 + below(48));
		return held[below(nheld)].h + (chance(3) ? 1 + below(3) : 0);
	}
}

/* "KeyHandle" and "Key" name one kind; "Handle" names none. */
static unsigned kind_len(const char *name)
{
	unsigned n = 0;

	while (name[n])
		n++;
	if (n >= 6 && same_name(name + n - 6, "Handle"))
		n -= 6;
	return n;
}

static int same_kind(const char *a, const char *b)
{
	unsigned n = kind_len(a);

	if (!n || n != kind_len(b))
		return 0;
	for (unsigned i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static int ends_with(const char *s, const char *tail)
{
	unsigned n = kind_len(s), t = 0;

	while (tail[t])
		t++;
	if (n < t)
		return 0;
	for (unsigned i = 0; i < t; i++)
		if (s[n - t + i] != tail[i])
			return 0;
	return 1;
}

uint64_t handle_for(const char *name)
{
	if (ends_with(name, "Process") && chance(70))
		return (uint64_t)-1;
	if (ends_with(name, "Thread") && chance(30))
		return (uint64_t)-2;
	if (nheld && kind_len(name) && chance(75)) {
		unsigned start = below(nheld);

		for (unsigned k = 0; k < nheld; k++) {
			const struct held *e = &held[(start + k) % nheld];

			if (e->kind && same_kind(e->kind, name))
				return e->h;
		}
	}
	return any_handle();
}

/* Made by a call that can give a handle to this process or its threads. */
static int may_be_self(int row)
{
	static int dup = -2, open_thread, open_process, next_thread, next_process;

	if (dup == -2) {
		dup = call_row("NtDuplicateObject");
		open_thread = call_row("NtOpenThread");
		open_process = call_row("NtOpenProcess");
		next_thread = call_row("NtGetNextThread");
		next_process = call_row("NtGetNextProcess");
	}
	return row == dup || row == open_thread || row == open_process || row == next_thread ||
	       row == next_process;
}

uint64_t harmless_handle(void)
{
	if (nheld && chance(70)) {
		unsigned start = below(nheld);

		for (unsigned k = 0; k < nheld; k++) {
			const struct held *e = &held[(start + k) % nheld];

			if (!may_be_self(e->row))
				return e->h;
		}
	}
	return 0x100000u + 4 * below(0x100000) + (chance(20) ? below(4) : 0);
}
