/*
 * CreateSymbolicLink: lsw's volumes show no reparse points (a host's
 * symbolic links are followed, never shown: src/emul/io/file_fsctl.c), so
 * a program here is what a standard user on Windows 10 without developer
 * mode is: one that may not create symbolic links.  The documented
 * failure, ERROR_PRIVILEGE_NOT_HELD, is what programs and test suites
 * check for to skip their link work.
 */
#include "k32_private.h"

#define LINK_FLAGS (SYMBOLIC_LINK_FLAG_DIRECTORY | 0x2 /* ALLOW_UNPRIVILEGED_CREATE */)

K32API BOOLEAN WINAPI CreateSymbolicLinkW(LPCWSTR link, LPCWSTR target, DWORD flags)
{
	if (!link || !target || !*link || flags & ~LINK_FLAGS) {
		k32_error(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	k32_error(ERROR_PRIVILEGE_NOT_HELD);
	return FALSE;
}

K32API BOOLEAN WINAPI CreateSymbolicLinkA(LPCSTR link, LPCSTR target, DWORD flags)
{
	UNICODE_STRING l, t;
	BOOLEAN ok;

	if (!k32_ansi_args2(link, target, &l, &t))
		return FALSE;
	ok = CreateSymbolicLinkW(l.Buffer, t.Buffer, flags);
	k32_free(l.Buffer);
	k32_free(t.Buffer);
	return ok;
}
