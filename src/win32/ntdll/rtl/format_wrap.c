/*
 * RtlFormatMessage's line width (the low byte of its flags, 1..254): the
 * formatted text cut into lines shorter than the width, as Windows does
 * it.  A word (a run of anything but spaces and line breaks) that would
 * reach the width goes to the next line; a word as long as the width is
 * cut; a line that fills up with spaces breaks there.  The spaces before
 * a break are dropped, a break is CR LF, and CR LF, CR or LF already in
 * the text (from %n and %r) start a new line.
 */
#include "rtl_private.h"

struct wrap {
	WCHAR *out;
	SIZE_T len, line;        /* line: where the current line starts */
	SIZE_T width;
};

static void put(struct wrap *w, const WCHAR *s, SIZE_T n)
{
	memcpy(w->out + w->len, s, n * sizeof(WCHAR));
	w->len += n;
}

static void break_line(struct wrap *w)
{
	while (w->len > w->line && w->out[w->len - 1] == ' ')
		w->len--;
	put(w, L"\r\n", 2);
	w->line = w->len;
}

static SIZE_T word_length(const WCHAR *s, SIZE_T n)
{
	SIZE_T i = 0;

	while (i < n && s[i] != ' ' && s[i] != '\r' && s[i] != '\n')
		i++;
	return i;
}

/* A word at s (n units), cut into pieces of the width if need be. */
static void put_word(struct wrap *w, const WCHAR *s, SIZE_T n)
{
	if (w->len > w->line && w->len - w->line + n >= w->width)
		break_line(w);
	while (n) {
		SIZE_T take = w->width - (w->len - w->line);

		if (take > n)
			take = n;
		put(w, s, take);
		s += take;
		n -= take;
		if (w->len - w->line >= w->width)
			break_line(w);
	}
}

/* The text s (n units) wrapped to width into a new heap string (*len
 * units, NUL-terminated); NULL when out of memory. */
WCHAR *rtl_wrap_lines(const WCHAR *s, SIZE_T n, DWORD width, SIZE_T *len)
{
	struct wrap w = { .width = width };
	SIZE_T i = 0, k;

	/* each break adds 2 units and follows at least one unit of text:
	 * 4 units a unit of text is more than enough */
	if (!(w.out = RtlAllocateHeap(lsw_process_heap(), 0, (4 * n + 4) * sizeof(WCHAR))))
		return NULL;
	while (i < n) {
		if (s[i] == '\r' || s[i] == '\n') {
			k = s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
			put(&w, s + i, k);
			i += k;
			w.line = w.len;
		} else if (s[i] == ' ') {
			put(&w, s + i++, 1);
			if (w.len - w.line >= w.width)
				break_line(&w);
		} else {
			k = word_length(s + i, n - i);
			put_word(&w, s + i, k);
			i += k;
		}
	}
	w.out[w.len] = 0;
	*len = w.len;
	return w.out;
}
