/*
 * The global atom table, as Windows' kernel keeps it for a window station:
 * string atoms 0xC000..0xFFFF with a usage count and a pinned flag, shared
 * by every process of the host; integer atoms (1..0xBFFF) are not stored.
 * Names follow include/lsw/atom_name.h.
 */
#include <stdlib.h>
#include <string.h>
#include <lsw/atom_name.h>
#include "emul/emul.h"
#include "emul/system/atom.h"
#include "emul/upcase.h"

#define ATOM_SLOTS (0x10000 - ATOM_FIRST_STRING)

struct atom_entry {
	uint16_t refs;           /* adds minus deletes; the entry goes at 0 */
	uint8_t pinned;          /* never deleted (a usage count that overflowed) */
	uint16_t len;            /* units */
	uint16_t name[ATOM_MAX_NAME];
};

struct atom_table {
	struct atom_entry *slots[ATOM_SLOTS]; /* by atom - 0xC000 */
	unsigned end;            /* one past the highest slot ever used */
};

enum atom_info_class { ATOM_BASIC_INFORMATION, ATOM_TABLE_INFORMATION };

static struct atom_table *table_of(struct lsw_thread *t, bool create)
{
	struct lsw_host *h = t->process->host;

	if (!h->atoms && create)
		h->atoms = calloc(1, sizeof(*h->atoms));
	return h->atoms;
}

void atom_table_free(struct lsw_host *h)
{
	if (!h->atoms)
		return;
	for (unsigned i = 0; i < h->atoms->end; i++)
		free(h->atoms->slots[i]);
	free(h->atoms);
	h->atoms = NULL;
}

static bool same_name(const struct atom_entry *e, const uint16_t *name, size_t n)
{
	if (e->len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (nt_upcase(e->name[i]) != nt_upcase(name[i]))
			return false;
	return true;
}

/* The slot of a string atom's name, or -1. */
static int find_slot(const struct atom_table *tab, const uint16_t *name, size_t n)
{
	for (unsigned i = 0; tab && i < tab->end; i++)
		if (tab->slots[i] && same_name(tab->slots[i], name, n))
			return (int)i;
	return -1;
}

static struct atom_entry *entry_of(struct lsw_thread *t, uint32_t atom)
{
	struct atom_table *tab = table_of(t, false);

	if (!tab || atom < ATOM_FIRST_STRING || atom > 0xFFFF)
		return NULL;
	return tab->slots[atom - ATOM_FIRST_STRING];
}

/* The name argument of NtAddAtom/NtFindAtom (pointer, length in bytes),
 * checked and classified; an integer atom's value in *atom. */
static NTSTATUS read_name(struct nt_call *c, uint16_t name[ATOM_MAX_NAME], size_t *n,
			  uint16_t *atom, bool *integer)
{
	uint64_t bytes = (uint32_t)c->args[1];

	*n = bytes / 2;
	if (*n > ATOM_MAX_NAME)
		return LSW_STATUS_INVALID_PARAMETER;
	if (*n && (!c->args[0] || tracee_read(c->thread, c->args[0], name, *n * 2) < 0))
		return LSW_STATUS_ACCESS_VIOLATION;
	switch (atom_name_classify(name, *n, atom)) {
	case ATOM_NAME_STRING:
		*integer = false;
		return LSW_STATUS_SUCCESS;
	case ATOM_NAME_INTEGER:
		*integer = true;
		return LSW_STATUS_SUCCESS;
	case ATOM_NAME_EMPTY:
		return LSW_STATUS_OBJECT_NAME_INVALID;
	default:
		return LSW_STATUS_INVALID_PARAMETER;
	}
}

static NTSTATUS answer_atom(struct nt_call *c, uint16_t atom)
{
	if (c->args[2] && tracee_write(c->thread, c->args[2], &atom, 2) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS add_string(struct nt_call *c, const uint16_t *name, size_t n)
{
	struct atom_table *tab = table_of(c->thread, true);
	struct atom_entry *e;
	int slot;
	unsigned i;

	if (!tab)
		return LSW_STATUS_NO_MEMORY;
	if ((slot = find_slot(tab, name, n)) >= 0) {
		e = tab->slots[slot];
		if (!e->pinned && ++e->refs == 0xFFFF)
			e->pinned = 1;
		return answer_atom(c, (uint16_t)(ATOM_FIRST_STRING + slot));
	}
	for (i = 0; i < ATOM_SLOTS && tab->slots[i]; i++)
		;
	if (i == ATOM_SLOTS || !(e = calloc(1, sizeof(*e))))
		return LSW_STATUS_NO_MEMORY;
	e->refs = 1;
	e->len = (uint16_t)n;
	memcpy(e->name, name, n * 2);
	tab->slots[i] = e;
	if (i >= tab->end)
		tab->end = i + 1;
	return answer_atom(c, (uint16_t)(ATOM_FIRST_STRING + i));
}

/* NtAddAtom(AtomName, Length, Atom) */
NTSTATUS nt_NtAddAtom(struct nt_call *c)
{
	uint16_t name[ATOM_MAX_NAME], atom = 0;
	bool integer;
	size_t n;
	NTSTATUS st = read_name(c, name, &n, &atom, &integer);

	if (st != LSW_STATUS_SUCCESS)
		return st;
	return integer ? answer_atom(c, atom) : add_string(c, name, n);
}

/* NtAddAtomEx(AtomName, Length, Atom, Flags): the flags ask nothing of a
 * table without window stations. */
NTSTATUS nt_NtAddAtomEx(struct nt_call *c)
{
	return nt_NtAddAtom(c);
}

/* NtFindAtom(AtomName, Length, Atom) */
NTSTATUS nt_NtFindAtom(struct nt_call *c)
{
	uint16_t name[ATOM_MAX_NAME], atom = 0;
	bool integer;
	size_t n;
	NTSTATUS st = read_name(c, name, &n, &atom, &integer);
	int slot;

	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (integer)
		return answer_atom(c, atom);
	if ((slot = find_slot(table_of(c->thread, false), name, n)) < 0)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	return answer_atom(c, (uint16_t)(ATOM_FIRST_STRING + slot));
}

/* NtDeleteAtom(Atom): one usage less; a pinned atom stays. */
NTSTATUS nt_NtDeleteAtom(struct nt_call *c)
{
	uint32_t atom = (uint16_t)c->args[0];
	struct atom_entry *e;

	if (atom && atom < ATOM_FIRST_STRING)
		return LSW_STATUS_SUCCESS;
	if (!(e = entry_of(c->thread, atom)))
		return LSW_STATUS_INVALID_HANDLE;
	if (e->pinned)
		return LSW_STATUS_WAS_LOCKED;
	if (--e->refs == 0) {
		table_of(c->thread, false)->slots[atom - ATOM_FIRST_STRING] = NULL;
		free(e);
	}
	return LSW_STATUS_SUCCESS;
}

/* AtomBasicInformation: UsageCount, Flags, NameLength (bytes) and the
 * name, cut to the room left after a NUL; no room for one unit of it is
 * STATUS_BUFFER_TOO_SMALL with the whole NameLength. */
static NTSTATUS query_basic(struct nt_call *c, uint32_t atom, uint32_t room, uint32_t *written)
{
	uint16_t out[3 + ATOM_MAX_NAME + 1], iname[6];
	const struct atom_entry *e = NULL;
	const uint16_t *name = iname;
	size_t n, fit, shown;
	bool small;

	if (atom && atom < ATOM_FIRST_STRING)
		n = atom_integer_name((uint16_t)atom, iname);
	else if ((e = entry_of(c->thread, atom)))
		name = e->name, n = e->len;
	else
		return LSW_STATUS_INVALID_HANDLE;
	if (room < 6)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	out[0] = e ? e->refs : 1;
	out[1] = e && !e->pinned ? 0 : ATOM_FLAG_PINNED;
	fit = (room - 6) / 2 ? (room - 6) / 2 - 1 : 0;
	if (fit > n)
		fit = n;
	small = n && !fit;
	shown = small ? n : fit;
	out[2] = (uint16_t)(shown * 2);
	memcpy(out + 3, name, fit * 2);
	out[3 + fit] = 0;
	*written = (uint32_t)(6 + shown * 2 + 2);
	if (small)
		return tracee_write(c->thread, c->args[2], out, 6) < 0 ? LSW_STATUS_ACCESS_VIOLATION
									: LSW_STATUS_BUFFER_TOO_SMALL;
	return tracee_write(c->thread, c->args[2], out, *written) < 0 ? LSW_STATUS_ACCESS_VIOLATION
									 : LSW_STATUS_SUCCESS;
}

/* AtomTableInformation: NumberOfAtoms, then that many atoms. */
static NTSTATUS query_table(struct nt_call *c, uint32_t room, uint32_t *written)
{
	const struct atom_table *tab = table_of(c->thread, false);
	uint16_t atoms[ATOM_SLOTS];
	uint32_t n = 0;

	if (room < 4)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	for (unsigned i = 0; tab && i < tab->end; i++)
		if (tab->slots[i])
			atoms[n++] = (uint16_t)(ATOM_FIRST_STRING + i);
	*written = 4 + n * 2;
	if (tracee_write(c->thread, c->args[2], &n, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (room < *written)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	return tracee_write(c->thread, c->args[2] + 4, atoms, n * 2) < 0
		       ? LSW_STATUS_ACCESS_VIOLATION : LSW_STATUS_SUCCESS;
}

/* NtQueryInformationAtom(Atom, AtomInformationClass, AtomInformation,
 * AtomInformationLength, ReturnLength) */
NTSTATUS nt_NtQueryInformationAtom(struct nt_call *c)
{
	uint32_t room = (uint32_t)c->args[3], written = 0;
	NTSTATUS st;

	if (!c->args[2])
		return LSW_STATUS_ACCESS_VIOLATION;
	switch ((uint32_t)c->args[1]) {
	case ATOM_BASIC_INFORMATION:
		st = query_basic(c, (uint16_t)c->args[0], room, &written);
		break;
	case ATOM_TABLE_INFORMATION:
		st = query_table(c, room, &written);
		break;
	default:
		return LSW_STATUS_INVALID_INFO_CLASS;
	}
	if (c->args[4] && written && tracee_write(c->thread, c->args[4], &written, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}
