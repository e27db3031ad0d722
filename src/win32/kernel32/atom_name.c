/*
 * GetAtomName and GlobalGetAtomName, A and W.  Their documented (and
 * observed) cutting rules differ: the local ones always end the text with
 * a NUL and return how many characters fitted before it; GlobalGetAtomNameW
 * fills the whole buffer and adds a NUL only if there is room, and
 * GlobalGetAtomNameA fails with ERROR_MORE_DATA when the name and its NUL
 * do not fit (the buffer then holds what fitted, NUL-terminated).
 */
#include "k32_private.h"
#include <lsw/atom_name.h>

/* The whole name of an atom into w; its length in *n.  FALSE with the
 * last error set. */
static BOOL atom_text(ATOM atom, BOOL global, WCHAR w[ATOM_MAX_NAME + 1], SIZE_T *n)
{
	struct {
		LSW_ATOM_BASIC_INFORMATION info;
		WCHAR more[ATOM_MAX_NAME + 1];
	} q;
	RTL_ATOM_TABLE t;
	ULONG len = (ATOM_MAX_NAME + 1) * sizeof(WCHAR);
	NTSTATUS st;

	if (!atom)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (atom < ATOM_FIRST_STRING) {
		*n = atom_integer_name(atom, (uint16_t *)w);
		return TRUE;
	}
	if (!global) {
		st = (t = k32_local_atoms()) ? RtlQueryAtomInAtomTable(t, atom, NULL, NULL, w, &len)
					     : STATUS_INVALID_HANDLE;
		*n = len / sizeof(WCHAR);
		return st < 0 ? k32_fail(st) : TRUE;
	}
	st = NtQueryInformationAtom(atom, LSW_ATOM_BASIC_INFORMATION_CLASS, &q, sizeof(q), NULL);
	if (st < 0)
		return k32_fail(st);
	*n = q.info.NameLength / sizeof(WCHAR);
	memcpy(w, q.info.Name, *n * sizeof(WCHAR));
	return TRUE;
}

/* The name in ANSI into a (room for 2 bytes a unit and a NUL); its bytes. */
static SIZE_T text_to_a(const WCHAR *w, SIZE_T n, char *a)
{
	ULONG done = 0;

	RtlUnicodeToMultiByteN(a, (ULONG)(n * 2), &done, w, (ULONG)(n * sizeof(WCHAR)));
	a[done] = 0;
	return done;
}

static UINT local_name(const void *text, SIZE_T n, SIZE_T unit, void *buf, int size)
{
	SIZE_T fit;

	if (size <= 0)
		return k32_error(ERROR_INSUFFICIENT_BUFFER), 0;
	fit = n < (SIZE_T)size - 1 ? n : (SIZE_T)size - 1;
	memcpy(buf, text, fit * unit);
	memset((char *)buf + fit * unit, 0, unit);
	if (!fit)
		return k32_error(ERROR_INSUFFICIENT_BUFFER), 0;
	return (UINT)fit;
}

K32API UINT WINAPI GetAtomNameW(ATOM atom, LPWSTR buf, int size)
{
	WCHAR w[ATOM_MAX_NAME + 1];
	SIZE_T n;

	if (!atom_text(atom, FALSE, w, &n))
		return 0;
	return local_name(w, n, sizeof(WCHAR), buf, size);
}

K32API UINT WINAPI GetAtomNameA(ATOM atom, LPSTR buf, int size)
{
	WCHAR w[ATOM_MAX_NAME + 1];
	char a[ATOM_MAX_NAME * 2 + 1];
	SIZE_T n;

	if (!atom_text(atom, FALSE, w, &n))
		return 0;
	return local_name(a, text_to_a(w, n, a), 1, buf, size);
}

K32API UINT WINAPI GlobalGetAtomNameW(ATOM atom, LPWSTR buf, int size)
{
	WCHAR w[ATOM_MAX_NAME + 1];
	SIZE_T n;

	if (!atom_text(atom, TRUE, w, &n))
		return 0;
	if (size <= 0)
		return k32_error(ERROR_MORE_DATA), 0;
	if (n > (SIZE_T)size)
		n = (SIZE_T)size;
	memcpy(buf, w, n * sizeof(WCHAR));
	if (n < (SIZE_T)size)
		buf[n] = 0;
	return (UINT)n;
}

K32API UINT WINAPI GlobalGetAtomNameA(ATOM atom, LPSTR buf, int size)
{
	WCHAR w[ATOM_MAX_NAME + 1];
	char a[ATOM_MAX_NAME * 2 + 1];
	SIZE_T n;

	if (!atom_text(atom, TRUE, w, &n))
		return 0;
	if (size <= 0)
		return k32_error(ERROR_MORE_DATA), 0;
	n = text_to_a(w, n, a);
	if (n >= (SIZE_T)size) {
		memcpy(buf, a, (SIZE_T)size - 1);
		buf[size - 1] = 0;
		return k32_error(ERROR_MORE_DATA), 0;
	}
	memcpy(buf, a, n + 1);
	return (UINT)n;
}
