/*
 * Atoms.  Global atoms live in the kernel's table (NtAddAtom and its
 * siblings: every process of the prefix shares it), local atoms in an Rtl
 * atom table of this process, made on first use or by InitAtomTable.
 * MAKEINTATOM values (a pointer below 0x10000) are integer atoms and
 * never reach a table: 0 is no atom (no error), 0xC000 and up invalid.
 */
#include "k32_private.h"
#include <lsw/atom_name.h>

static RTL_ATOM_TABLE local_table;

/* The local table, made on first use (size: a hint, InitAtomTable's). */
static RTL_ATOM_TABLE local_atoms(DWORD size)
{
	RTL_ATOM_TABLE t = NULL;

	if (local_table)
		return local_table;
	if (RtlCreateAtomTable(size, &t) < 0)
		return NULL;
	if (InterlockedCompareExchangePointer((void **)&local_table, t, NULL))
		RtlDestroyAtomTable(t); /* another thread made it first */
	return local_table;
}

RTL_ATOM_TABLE k32_local_atoms(void)
{
	return local_atoms(0);
}

K32API BOOL WINAPI InitAtomTable(DWORD size)
{
	return local_atoms(size) ? TRUE : k32_error(ERROR_NOT_ENOUGH_MEMORY);
}

static ATOM integer_atom(const void *name)
{
	ULONG_PTR v = (ULONG_PTR)name;

	if (v >= ATOM_FIRST_STRING)
		return k32_error(ERROR_INVALID_PARAMETER), 0;
	return (ATOM)v;
}

static SIZE_T name_units(const WCHAR *name)
{
	SIZE_T n = 0;

	while (n <= ATOM_MAX_NAME && name[n])
		n++;
	return n; /* ATOM_MAX_NAME + 1: too long, the table says so */
}

/* find: look the name up instead of adding it. */
static ATOM atom_w(const WCHAR *name, BOOL global, BOOL find)
{
	RTL_ATOM atom = 0;
	RTL_ATOM_TABLE t;
	NTSTATUS st;

	if ((ULONG_PTR)name <= 0xFFFF)
		return integer_atom(name);
	if (global) {
		SIZE_T n = name_units(name);

		st = find ? NtFindAtom(name, (ULONG)(n * sizeof(WCHAR)), &atom)
			  : NtAddAtom(name, (ULONG)(n * sizeof(WCHAR)), &atom);
	} else if (!(t = local_atoms(0))) {
		st = STATUS_NO_MEMORY;
	} else {
		st = find ? RtlLookupAtomInAtomTable(t, name, &atom)
			  : RtlAddAtomToAtomTable(t, name, &atom);
	}
	if (st < 0)
		return k32_fail(st), 0;
	return atom;
}

/* An A name as UTF-16 in w (ATOM_MAX_NAME + 2 units); FALSE with
 * ERROR_INVALID_PARAMETER when too long. */
static BOOL name_a_to_w(const char *a, WCHAR *w)
{
	SIZE_T n = 0;
	ULONG done = 0;

	while (n <= ATOM_MAX_NAME && a[n])
		n++;
	if (n > ATOM_MAX_NAME)
		return k32_error(ERROR_INVALID_PARAMETER);
	RtlMultiByteToUnicodeN(w, (ULONG)(n * sizeof(WCHAR)), &done, a, (ULONG)n);
	w[done / sizeof(WCHAR)] = 0;
	return TRUE;
}

static ATOM atom_a(const char *name, BOOL global, BOOL find)
{
	WCHAR w[ATOM_MAX_NAME + 2];

	if ((ULONG_PTR)name <= 0xFFFF)
		return integer_atom(name);
	if (!name_a_to_w(name, w))
		return 0;
	return atom_w(w, global, find);
}

K32API ATOM WINAPI GlobalAddAtomW(LPCWSTR name) { return atom_w(name, TRUE, FALSE); }
K32API ATOM WINAPI GlobalAddAtomA(LPCSTR name) { return atom_a(name, TRUE, FALSE); }
K32API ATOM WINAPI GlobalAddAtomExW(LPCWSTR name, DWORD flags) { return atom_w(name, TRUE, FALSE); }
K32API ATOM WINAPI GlobalAddAtomExA(LPCSTR name, DWORD flags) { return atom_a(name, TRUE, FALSE); }
K32API ATOM WINAPI GlobalFindAtomW(LPCWSTR name) { return atom_w(name, TRUE, TRUE); }
K32API ATOM WINAPI GlobalFindAtomA(LPCSTR name) { return atom_a(name, TRUE, TRUE); }
K32API ATOM WINAPI AddAtomW(LPCWSTR name) { return atom_w(name, FALSE, FALSE); }
K32API ATOM WINAPI AddAtomA(LPCSTR name) { return atom_a(name, FALSE, FALSE); }
K32API ATOM WINAPI FindAtomW(LPCWSTR name) { return atom_w(name, FALSE, TRUE); }
K32API ATOM WINAPI FindAtomA(LPCSTR name) { return atom_a(name, FALSE, TRUE); }

/* 0 on success, the atom itself on failure (documented). */
static ATOM delete_atom(ATOM atom, BOOL global)
{
	RTL_ATOM_TABLE t;
	NTSTATUS st;

	if (atom && atom < ATOM_FIRST_STRING)
		return 0;
	if (global)
		st = NtDeleteAtom(atom);
	else
		st = (t = local_atoms(0)) ? RtlDeleteAtomFromAtomTable(t, atom) : STATUS_INVALID_HANDLE;
	if (st < 0)
		return k32_fail(st), atom;
	return 0;
}

K32API ATOM WINAPI GlobalDeleteAtom(ATOM atom) { return delete_atom(atom, TRUE); }
K32API ATOM WINAPI DeleteAtom(ATOM atom) { return delete_atom(atom, FALSE); }
