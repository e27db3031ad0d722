/*
 * CommandLineToArgvW, with the documented rules:
 *   - the program name (argv[0]) is special: in quotes, everything up to
 *     the next quote; otherwise everything up to the first character at or
 *     below U+0020 (so a line starting with white space has an empty
 *     argv[0]); backslashes are not special in it;
 *   - later arguments are separated by spaces and tabs outside quotes;
 *   - 2n backslashes before a quote give n backslashes and the quote opens
 *     or closes quoting; 2n+1 give n backslashes and a literal quote;
 *     backslashes not before a quote are literal;
 *   - inside quotes, "" gives a literal quote and ends the quoting;
 *   - an empty line gives the program's path alone.
 * The result is one LocalAlloc block (pointers, then the strings) that
 * the caller frees with LocalFree.
 */
#include "shell32_private.h"

/* Where the characters go: counted only while out is NULL. */
struct sink {
	WCHAR *out;
	SIZE_T n;
};

static void put(struct sink *s, WCHAR c)
{
	if (s->out)
		s->out[s->n] = c;
	s->n++;
}

static const WCHAR *program_name(const WCHAR *p, struct sink *s)
{
	if (*p == '"') {
		for (p++; *p && *p != '"'; p++)
			put(s, *p);
		return *p ? p + 1 : p;
	}
	for (; *p > ' '; p++)
		put(s, *p);
	return p;
}

/* A run of backslashes at p: what it gives, and the quote after it when
 * an odd count escapes it.  Returns the last character consumed. */
static const WCHAR *backslashes(const WCHAR *p, struct sink *s, BOOL *quote_follows)
{
	const WCHAR *q = p;
	SIZE_T k;

	while (*q == '\\')
		q++;
	k = q - p;
	*quote_follows = *q == '"' && !(k % 2);
	if (*q != '"') {
		while (k--)
			put(s, '\\');
		return q - 1;
	}
	for (SIZE_T i = 0; i < k / 2; i++)
		put(s, '\\');
	if (k % 2) {
		put(s, '"');
		return q;
	}
	return q - 1;
}

/* One argument after argv[0]; returns where it ends. */
static const WCHAR *argument(const WCHAR *p, struct sink *s)
{
	BOOL quoted = FALSE, quote_next;

	for (; *p && (quoted || (*p != ' ' && *p != '\t')); p++) {
		if (*p == '\\') {
			p = backslashes(p, s, &quote_next);
			if (!quote_next)
				continue;
			p++;
		}
		if (*p != '"') {
			put(s, *p);
		} else if (quoted && p[1] == '"') {
			put(s, '"');
			p++;
			quoted = FALSE;
		} else {
			quoted = !quoted;
		}
	}
	return p;
}

/* Splits line into argv (NULL: count only); returns the number of
 * arguments, s->n the characters with their NULs. */
static int split(const WCHAR *line, WCHAR **argv, struct sink *s)
{
	const WCHAR *p;
	int argc = 1;

	if (argv)
		argv[0] = s->out;
	p = program_name(line, s);
	put(s, 0);
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			return argc;
		if (argv)
			argv[argc] = s->out + s->n;
		p = argument(p, s);
		put(s, 0);
		argc++;
	}
}

LPWSTR *WINAPI CommandLineToArgvW(LPCWSTR line, int *count)
{
	WCHAR self[MAX_PATH * 4];
	SIZE_T chars;
	WCHAR **argv;
	int argc;

	if (!count) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	if (!line || !*line) {
		DWORD n = GetModuleFileNameW(NULL, self, MAX_PATH * 4);

		if (!n || n >= MAX_PATH * 4)
			return NULL;
		line = self;
		argc = 1;
		chars = n + 1;
	} else {
		struct sink count_only = { NULL, 0 };

		argc = split(line, NULL, &count_only);
		chars = count_only.n;
	}
	argv = LocalAlloc(LMEM_FIXED, (argc + 1) * sizeof(WCHAR *) + chars * sizeof(WCHAR));
	if (!argv) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	if (line == self) {
		argv[0] = (WCHAR *)(argv + 2);
		memcpy(argv[0], self, chars * sizeof(WCHAR));
	} else {
		struct sink fill = { (WCHAR *)(argv + argc + 1), 0 };

		split(line, argv, &fill);
	}
	argv[argc] = NULL;
	*count = argc;
	return argv;
}
