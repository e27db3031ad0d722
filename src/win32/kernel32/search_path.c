/* SearchPath and SetSearchPathMode: a file looked for the way CreateProcess
 * looks for programs (process_search.c), with the process's search mode. */
#include "k32_private.h"
#include "process_create.h"

#ifndef BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE
#define BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE 0x00000001
#define BASE_SEARCH_PATH_DISABLE_SAFE_SEARCHMODE 0x00010000
#define BASE_SEARCH_PATH_PERMANENT 0x00008000
#endif

static LONG safe_mode = -1;   /* -1: not chosen (off) */
static BOOL mode_permanent;

/* One of enable or disable; permanent only with enable, after which the
 * mode stays (ERROR_ACCESS_DENIED for a change). */
K32API BOOL WINAPI SetSearchPathMode(DWORD flags)
{
	DWORD which = flags & ~BASE_SEARCH_PATH_PERMANENT;

	if ((which != BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE &&
	     which != BASE_SEARCH_PATH_DISABLE_SAFE_SEARCHMODE) ||
	    flags == (BASE_SEARCH_PATH_DISABLE_SAFE_SEARCHMODE | BASE_SEARCH_PATH_PERMANENT))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (mode_permanent)
		return flags == (BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE | BASE_SEARCH_PATH_PERMANENT)
			? TRUE : k32_error(ERROR_ACCESS_DENIED);
	safe_mode = which == BASE_SEARCH_PATH_ENABLE_SAFE_SEARCHMODE;
	mode_permanent = (flags & BASE_SEARCH_PATH_PERMANENT) != 0;
	return TRUE;
}

/* Returns the length copied (without its NUL), or the size needed (with
 * it) when buf is too small; 0 with ERROR_FILE_NOT_FOUND when there is no
 * such file.  *part points at the file name in buf. */
K32API DWORD WINAPI SearchPathW(LPCWSTR path, LPCWSTR name, LPCWSTR ext, DWORD size, LPWSTR buf,
				LPWSTR *part)
{
	WCHAR found[K32_PATH_MAX];
	SIZE_T n;

	if (!name || !*name)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_search_file(path, name, ext, safe_mode > 0, found))
		return k32_error(ERROR_FILE_NOT_FOUND);
	n = wcslen(found);
	if (n >= size || !buf)
		return (DWORD)(n + 1);
	memcpy(buf, found, (n + 1) * sizeof(WCHAR));
	if (part) {
		WCHAR *last = buf + n;

		while (last > buf && last[-1] != '\\')
			last--;
		*part = last;
	}
	k32_error(NO_ERROR);
	return (DWORD)n;
}

K32API DWORD WINAPI SearchPathA(LPCSTR path, LPCSTR name, LPCSTR ext, DWORD size, LPSTR buf,
				LPSTR *part)
{
	UNICODE_STRING wp = { 0 }, wn = { 0 }, we = { 0 };
	WCHAR wbuf[K32_PATH_MAX], *wpart;
	DWORD r = 0;

	if (!name)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_ansi_args2(path, name, &wp, &wn) || (ext && !k32_ansi_arg(ext, &we)))
		goto out;
	r = SearchPathW(wp.Buffer, wn.Buffer, we.Buffer, K32_PATH_MAX, wbuf, &wpart);
	if (r && r < K32_PATH_MAX) {
		if (r >= size || !buf) {
			r++;
		} else {
			k32_w_to_a(wbuf, r, buf);
			if (part)
				*part = buf + (wpart - wbuf);
		}
	}
out:
	k32_free(wp.Buffer);
	k32_free(wn.Buffer);
	k32_free(we.Buffer);
	return r;
}
