/*
 * Rtl atom tables: a process's own tables of string atoms (kernel32's local
 * atoms live in one).  The same rules as the kernel's global table
 * (include/lsw/atom_name.h): integer atoms are not stored, string atoms
 * 0xC000.. carry a usage count and a pinned flag (a pinned atom is never
 * deleted).  One critical section per table: any thread may use it.
 */
#include "rtl_private.h"
#include <lsw/atom_name.h>

#define ATOM_TABLE_SIGNATURE 0x6d6f7441 /* "Atom" */
#define ATOM_SLOTS (0x10000 - ATOM_FIRST_STRING)

struct atom_entry {
	USHORT refs;
	BOOLEAN pinned;
	USHORT len;
	WCHAR name[ATOM_MAX_NAME];
};

struct atom_table {
	ULONG signature;
	RTL_CRITICAL_SECTION lock;
	struct atom_entry **slots;  /* by atom - 0xC000, cap of them */
	ULONG cap, end;            /* end: one past the highest slot used */
};

static BOOL table_valid(RTL_ATOM_TABLE t)
{
	return t && t->signature == ATOM_TABLE_SIGNATURE;
}

/* A name argument: an integer atom in the pointer's low word, or a
 * NUL-terminated string classified by atom_name.h. */
static NTSTATUS parse_name(const WCHAR *name, SIZE_T *len, RTL_ATOM *atom, BOOL *integer)
{
	SIZE_T n = 0;

	*integer = (ULONG_PTR)name <= 0xFFFF;
	if (*integer) {
		*atom = (RTL_ATOM)(ULONG_PTR)name;
		return *atom && *atom < ATOM_FIRST_STRING ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
	}
	while (n <= ATOM_MAX_NAME && name[n])
		n++;
	*len = n;
	switch (atom_name_classify((const uint16_t *)name, n, atom)) {
	case ATOM_NAME_STRING:
		return STATUS_SUCCESS;
	case ATOM_NAME_INTEGER:
		*integer = TRUE;
		return STATUS_SUCCESS;
	case ATOM_NAME_EMPTY:
		return STATUS_OBJECT_NAME_INVALID;
	default:
		return STATUS_INVALID_PARAMETER;
	}
}

static LONG find_slot(RTL_ATOM_TABLE t, const WCHAR *name, SIZE_T n)
{
	for (ULONG i = 0; i < t->end; i++)
		if (t->slots[i] && !rtl_wcsnicmp_counted(t->slots[i]->name, t->slots[i]->len, name, n))
			return (LONG)i;
	return -1;
}

static struct atom_entry *entry_of(RTL_ATOM_TABLE t, RTL_ATOM atom)
{
	if (atom < ATOM_FIRST_STRING || atom - ATOM_FIRST_STRING >= t->end)
		return NULL;
	return t->slots[atom - ATOM_FIRST_STRING];
}

/* A free slot, the array grown if need be; -1 when the table is full. */
static LONG free_slot(RTL_ATOM_TABLE t)
{
	struct atom_entry **grown;
	ULONG i, cap;

	for (i = 0; i < t->cap; i++)
		if (!t->slots[i])
			return (LONG)i;
	if (t->cap == ATOM_SLOTS)
		return -1;
	cap = t->cap ? t->cap * 2 : 64;
	if (cap > ATOM_SLOTS)
		cap = ATOM_SLOTS;
	grown = t->slots ? RtlReAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, t->slots,
					     cap * sizeof(*grown))
			 : RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, cap * sizeof(*grown));
	if (!grown)
		return -1;
	t->slots = grown;
	t->cap = cap;
	return (LONG)i;
}

static NTSTATUS add_string(RTL_ATOM_TABLE t, const WCHAR *name, SIZE_T n, RTL_ATOM *atom)
{
	LONG slot = find_slot(t, name, n);
	struct atom_entry *e;

	if (slot >= 0) {
		e = t->slots[slot];
		if (!e->pinned && ++e->refs == 0xFFFF)
			e->pinned = TRUE;
	} else {
		if ((slot = free_slot(t)) < 0 ||
		    !(e = RtlAllocateHeap(lsw_process_heap(), 0, sizeof(*e))))
			return STATUS_NO_MEMORY;
		e->refs = 1;
		e->pinned = FALSE;
		e->len = (USHORT)n;
		memcpy(e->name, name, n * sizeof(WCHAR));
		t->slots[slot] = e;
		if ((ULONG)slot >= t->end)
			t->end = (ULONG)slot + 1;
	}
	if (atom)
		*atom = (RTL_ATOM)(ATOM_FIRST_STRING + slot);
	return STATUS_SUCCESS;
}

static void drop_slot(RTL_ATOM_TABLE t, ULONG i)
{
	RtlFreeHeap(lsw_process_heap(), 0, t->slots[i]);
	t->slots[i] = NULL;
}

RTLAPI NTSTATUS NTAPI RtlCreateAtomTable(ULONG size, RTL_ATOM_TABLE *table)
{
	RTL_ATOM_TABLE t;

	(void)size; /* a hint for the hash; the slots grow as atoms come */
	if (!table)
		return STATUS_INVALID_PARAMETER;
	if (*table)
		return STATUS_SUCCESS; /* documented: an existing table is kept */
	if (!(t = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, sizeof(*t))))
		return STATUS_NO_MEMORY;
	t->signature = ATOM_TABLE_SIGNATURE;
	RtlInitializeCriticalSection(&t->lock);
	*table = t;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlEmptyAtomTable(RTL_ATOM_TABLE t, BOOLEAN include_pinned)
{
	if (!table_valid(t))
		return STATUS_INVALID_PARAMETER;
	RtlEnterCriticalSection(&t->lock);
	for (ULONG i = 0; i < t->end; i++)
		if (t->slots[i] && (include_pinned || !t->slots[i]->pinned))
			drop_slot(t, i);
	RtlLeaveCriticalSection(&t->lock);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlDestroyAtomTable(RTL_ATOM_TABLE t)
{
	if (!table_valid(t))
		return STATUS_INVALID_PARAMETER;
	RtlEmptyAtomTable(t, TRUE);
	RtlDeleteCriticalSection(&t->lock);
	t->signature = 0;
	if (t->slots)
		RtlFreeHeap(lsw_process_heap(), 0, t->slots);
	RtlFreeHeap(lsw_process_heap(), 0, t);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlAddAtomToAtomTable(RTL_ATOM_TABLE t, const WCHAR *name, RTL_ATOM *atom)
{
	RTL_ATOM value = 0;
	SIZE_T n = 0;
	BOOL integer;
	NTSTATUS st;

	if (!table_valid(t))
		return STATUS_INVALID_PARAMETER;
	if ((st = parse_name(name, &n, &value, &integer)) < 0)
		return st;
	if (integer) {
		if (atom)
			*atom = value;
		return STATUS_SUCCESS;
	}
	RtlEnterCriticalSection(&t->lock);
	st = add_string(t, name, n, atom);
	RtlLeaveCriticalSection(&t->lock);
	return st;
}

RTLAPI NTSTATUS NTAPI RtlLookupAtomInAtomTable(RTL_ATOM_TABLE t, const WCHAR *name,
						RTL_ATOM *atom)
{
	RTL_ATOM value = 0;
	SIZE_T n = 0;
	BOOL integer;
	NTSTATUS st;
	LONG slot;

	if (!table_valid(t))
		return STATUS_INVALID_PARAMETER;
	if ((st = parse_name(name, &n, &value, &integer)) < 0)
		return st;
	if (!integer) {
		RtlEnterCriticalSection(&t->lock);
		slot = find_slot(t, name, n);
		RtlLeaveCriticalSection(&t->lock);
		if (slot < 0)
			return STATUS_OBJECT_NAME_NOT_FOUND;
		value = (RTL_ATOM)(ATOM_FIRST_STRING + slot);
	}
	if (atom)
		*atom = value;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlDeleteAtomFromAtomTable(RTL_ATOM_TABLE t, RTL_ATOM atom)
{
	struct atom_entry *e;
	NTSTATUS st = STATUS_SUCCESS;

	if (!table_valid(t))
		return STATUS_INVALID_PARAMETER;
	if (atom && atom < ATOM_FIRST_STRING)
		return STATUS_SUCCESS;
	RtlEnterCriticalSection(&t->lock);
	if (!(e = entry_of(t, atom)))
		st = STATUS_INVALID_HANDLE;
	else if (e->pinned)
		st = STATUS_WAS_LOCKED;
	else if (!--e->refs)
		drop_slot(t, atom - ATOM_FIRST_STRING);
	RtlLeaveCriticalSection(&t->lock);
	return st;
}

RTLAPI NTSTATUS NTAPI RtlPinAtomInAtomTable(RTL_ATOM_TABLE t, RTL_ATOM atom)
{
	struct atom_entry *e;
	NTSTATUS st = STATUS_SUCCESS;

	if (!table_valid(t))
		return STATUS_INVALID_PARAMETER;
	if (atom && atom < ATOM_FIRST_STRING)
		return STATUS_SUCCESS;
	RtlEnterCriticalSection(&t->lock);
	if ((e = entry_of(t, atom)))
		e->pinned = TRUE;
	else
		st = STATUS_INVALID_HANDLE;
	RtlLeaveCriticalSection(&t->lock);
	return st;
}

/* The name into name (*len bytes of room in, bytes copied out), cut to
 * leave room for a NUL; no room at all is STATUS_BUFFER_TOO_SMALL with
 * the whole length in *len. */
static NTSTATUS copy_name(const WCHAR *src, SIZE_T n, WCHAR *name, ULONG *len)
{
	SIZE_T room, fit;

	if (!len)
		return STATUS_SUCCESS;
	room = *len / sizeof(WCHAR);
	if (!name || !room) {
		*len = (ULONG)(n * sizeof(WCHAR));
		return name ? STATUS_BUFFER_TOO_SMALL : STATUS_SUCCESS;
	}
	fit = n < room - 1 ? n : room - 1;
	memcpy(name, src, fit * sizeof(WCHAR));
	name[fit] = 0;
	*len = (ULONG)(fit * sizeof(WCHAR));
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlQueryAtomInAtomTable(RTL_ATOM_TABLE t, RTL_ATOM atom, ULONG *refs,
					       ULONG *pinned, WCHAR *name, ULONG *len)
{
	WCHAR text[ATOM_MAX_NAME];
	struct atom_entry *e;
	ULONG r = 1, p = 1;
	SIZE_T n;

	if (!table_valid(t))
		return STATUS_INVALID_PARAMETER;
	if (atom && atom < ATOM_FIRST_STRING) {
		n = atom_integer_name(atom, (uint16_t *)text);
	} else {
		RtlEnterCriticalSection(&t->lock);
		if ((e = entry_of(t, atom))) {
			r = e->refs;
			p = e->pinned;
			n = e->len;
			memcpy(text, e->name, n * sizeof(WCHAR));
		}
		RtlLeaveCriticalSection(&t->lock);
		if (!e)
			return STATUS_INVALID_HANDLE;
	}
	if (refs)
		*refs = r;
	if (pinned)
		*pinned = p;
	return copy_name(text, n, name, len);
}
