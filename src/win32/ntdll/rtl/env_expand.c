/*
 * RtlExpandEnvironmentStrings_U: replaces each %NAME% by the variable's
 * value.  A reference to an undefined variable, or a lone '%', is copied
 * unchanged.  The result is written as far as it fits; *returned gets the
 * bytes the full result needs including its terminator.
 */
#include "rtl_private.h"

typedef struct expand_out {
	WCHAR *buf;
	SIZE_T max;  /* WCHARs available */
	SIZE_T len;  /* WCHARs produced (may exceed max) */
} expand_out;

static void put(expand_out *o, const WCHAR *s, SIZE_T n)
{
	SIZE_T i;

	for (i = 0; i < n; i++, o->len++)
		if (o->len < o->max)
			o->buf[o->len] = s[i];
}

/* Value of the variable s[0..n) in env, or NULL. */
static const WCHAR *lookup(const WCHAR *env, const WCHAR *s, SIZE_T n)
{
	const WCHAR *e;

	if (!env || !n)
		return NULL;
	for (e = env; *e; e += wcslen(e) + 1) {
		const WCHAR *eq = wcschr(e + 1, '=');
		if (eq && (SIZE_T)(eq - e) == n && !rtl_wcsnicmp_counted(e, n, s, n))
			return eq + 1;
	}
	return NULL;
}

static void expand(const WCHAR *env, const WCHAR *s, SIZE_T n, expand_out *o)
{
	SIZE_T i = 0;

	while (i < n) {
		SIZE_T j;
		const WCHAR *v;
		if (s[i] != '%') {
			put(o, s + i++, 1);
			continue;
		}
		for (j = i + 1; j < n && s[j] != '%'; j++)
			;
		if (j == n) { /* no closing '%': the rest is literal */
			put(o, s + i, n - i);
			return;
		}
		v = lookup(env, s + i + 1, j - i - 1);
		if (v)
			put(o, v, wcslen(v));
		else
			put(o, s + i, j - i + 1);
		i = j + 1;
	}
}

RTLAPI NTSTATUS NTAPI RtlExpandEnvironmentStrings_U(PCWSTR env, PCUNICODE_STRING src,
						      PUNICODE_STRING dst, PULONG returned)
{
	expand_out o = { dst->Buffer, dst->MaximumLength / sizeof(WCHAR), 0 };
	static const WCHAR nul;
	NTSTATUS status = STATUS_SUCCESS;

	if (!env)
		rtl_peb_lock();
	expand(env ? env : lsw_params()->Environment, src->Buffer,
	       src->Length / sizeof(WCHAR), &o);
	if (!env)
		rtl_peb_unlock();
	put(&o, &nul, 1);
	if (o.len > o.max) {
		status = STATUS_BUFFER_TOO_SMALL;
	} else {
		dst->Length = (USHORT)((o.len - 1) * sizeof(WCHAR));
	}
	if (returned)
		*returned = (ULONG)(o.len * sizeof(WCHAR));
	return status;
}
