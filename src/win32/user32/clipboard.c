/*
 * The window station's clipboard: what one process puts on it, the other
 * processes read, as on Windows, also after the first has ended.  It lives
 * in a file of the prefix (C:\Windows\Temp\lsw-clipboard.dat) that every
 * process maps through one named section (the formats and their bytes),
 * guarded by a named mutex that OpenClipboard takes without waiting: the
 * clipboard is open to one thread at a time, and a process that dies with
 * it open leaves the mutex abandoned, which the next opener takes over.
 *
 * No window exists here, so there is no owner to tell and no delayed
 * rendering.  When it closes with text on it, the other text formats
 * (CF_UNICODETEXT, CF_TEXT, CF_OEMTEXT) and CF_LOCALE are added, as
 * Windows synthesizes them; the text is converted when it is read.  Another
 * process can write the shared block at any time: every offset and size
 * read from it is checked before use.
 */
#include "user32_private.h"

#define BOARD_NAME L"Local\\LswWinSta0Clipboard"
#define LOCK_NAME L"Local\\LswWinSta0ClipboardLock"
#define BOARD_BYTES (16u << 20)
#define MAX_FORMATS 32

struct clip_entry {
	UINT format;
	DWORD offset; /* into data[] */
	DWORD size;
	DWORD synthesized; /* made from another text format when read */
};

struct clip_board {
	DWORD sequence; /* GetClipboardSequenceNumber */
	DWORD count;
	DWORD used; /* bytes of data[] in use */
	struct clip_entry entry[MAX_FORMATS];
	BYTE data[];
};

#define DATA_BYTES (BOARD_BYTES - sizeof(struct clip_board))

static INIT_ONCE attach_once = INIT_ONCE_STATIC_INIT;
static struct clip_board *board;
static HANDLE board_lock;
static DWORD open_thread; /* the thread of this process holding it open */
static BOOL changed;      /* by this opening: synthesize at the close */

/* Handles this process gave the clipboard (freed at its next
 * EmptyClipboard) and handed out by GetClipboardData (each valid until
 * the contents change, as Windows documents). */
static HGLOBAL given[MAX_FORMATS];
static struct {
	UINT format;
	DWORD sequence;
	HGLOBAL handle;
} lent[MAX_FORMATS];

/* The file that keeps the clipboard when no process maps it; without it
 * (a prefix that cannot be written) the clipboard lasts while mapped. */
static HANDLE board_file(void)
{
	WCHAR path[MAX_PATH + 32];
	UINT n = GetWindowsDirectoryW(path, MAX_PATH);

	if (!n || n >= MAX_PATH)
		return INVALID_HANDLE_VALUE;
	lstrcatW(path, L"\\Temp\\lsw-clipboard.dat");
	return CreateFileW(path, GENERIC_READ | GENERIC_WRITE,
			   FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_ALWAYS,
			   FILE_ATTRIBUTE_HIDDEN, NULL);
}

static BOOL CALLBACK attach(INIT_ONCE *once, void *param, void **ctx)
{
	HANDLE file = board_file();
	HANDLE map = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, BOARD_BYTES, BOARD_NAME);

	if (file != INVALID_HANDLE_VALUE) {
		CloseHandle(file);
		if (!map)
			map = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
						 BOARD_BYTES, BOARD_NAME);
	}
	if (!map)
		return FALSE;
	board = MapViewOfFile(map, FILE_MAP_ALL_ACCESS, 0, 0, 0);
	CloseHandle(map);
	board_lock = board ? CreateMutexW(NULL, FALSE, LOCK_NAME) : NULL;
	return board && board_lock;
}

static BOOL attached(void)
{
	if (InitOnceExecuteOnce(&attach_once, attach, NULL, NULL))
		return TRUE;
	SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	return FALSE;
}

static BOOL is_open(void)
{
	if (open_thread && open_thread == GetCurrentThreadId())
		return TRUE;
	SetLastError(ERROR_CLIPBOARD_NOT_OPEN);
	return FALSE;
}

/* The entry of format, its bytes checked to lie inside data[]; NULL if
 * the clipboard does not hold it. */
static const struct clip_entry *find(UINT format, struct clip_entry *copy)
{
	DWORD count = board->count, i;

	for (i = 0; i < count && i < MAX_FORMATS; i++) {
		*copy = board->entry[i];
		if (copy->format == format && copy->offset <= DATA_BYTES &&
		    copy->size <= DATA_BYTES - copy->offset)
			return copy;
	}
	return NULL;
}

static BOOL is_text(UINT format)
{
	return format == CF_TEXT || format == CF_OEMTEXT || format == CF_UNICODETEXT;
}

/* The text format held that format can be made from (0: any text). */
static const struct clip_entry *find_text_source(UINT format, struct clip_entry *copy)
{
	static const UINT order[] = {CF_UNICODETEXT, CF_TEXT, CF_OEMTEXT};
	unsigned i;

	if (format && !is_text(format))
		return NULL;
	for (i = 0; i < ARRAYSIZE(order); i++)
		if (order[i] != format && find(order[i], copy) && !copy->synthesized)
			return copy;
	return NULL;
}

BOOL WINAPI OpenClipboard(HWND owner)
{
	DWORD wait;

	if (!attached())
		return FALSE;
	if (open_thread == GetCurrentThreadId())
		return TRUE;
	wait = WaitForSingleObject(board_lock, 0);
	if (wait != WAIT_OBJECT_0 && wait != WAIT_ABANDONED) {
		SetLastError(ERROR_ACCESS_DENIED);
		return FALSE;
	}
	open_thread = GetCurrentThreadId();
	return TRUE;
}

static BOOL add_entry(UINT format, const void *bytes, DWORD size, DWORD synthesized);

/* What Windows adds when the clipboard closes with text on it: the
 * other two text formats and CF_LOCALE, the locale of the text. */
static void synthesize_text(void)
{
	static const UINT text[] = {CF_TEXT, CF_OEMTEXT, CF_UNICODETEXT};
	struct clip_entry e;
	LCID lcid = GetUserDefaultLCID();
	unsigned i;

	if (!find_text_source(0, &e))
		return;
	if (!find(CF_LOCALE, &e))
		add_entry(CF_LOCALE, &lcid, sizeof(lcid), FALSE);
	for (i = 0; i < ARRAYSIZE(text); i++)
		if (!find(text[i], &e))
			add_entry(text[i], NULL, 0, TRUE);
}

BOOL WINAPI CloseClipboard(void)
{
	if (!is_open())
		return FALSE;
	if (changed)
		synthesize_text();
	changed = FALSE;
	open_thread = 0;
	ReleaseMutex(board_lock);
	return TRUE;
}

BOOL WINAPI EmptyClipboard(void)
{
	unsigned i;

	if (!is_open())
		return FALSE;
	board->count = 0;
	board->used = 0;
	board->sequence++;
	changed = TRUE;
	for (i = 0; i < MAX_FORMATS; i++) {
		if (given[i])
			GlobalFree(given[i]);
		given[i] = NULL;
	}
	return TRUE;
}

/* Drops format's entry (its bytes stay unused until EmptyClipboard). */
static void remove_entry(UINT format)
{
	DWORD count = min(board->count, MAX_FORMATS), i;

	for (i = 0; i < count; i++) {
		if (board->entry[i].format == format) {
			board->entry[i] = board->entry[count - 1];
			board->count = count - 1;
			return;
		}
	}
}

static void keep_given(HGLOBAL mem)
{
	unsigned i;

	for (i = 0; i < MAX_FORMATS && given[i] && given[i] != mem; i++)
		;
	if (i < MAX_FORMATS)
		given[i] = mem;
}

/* The clipboard owns mem from here on: the caller must not free it. */
HANDLE WINAPI SetClipboardData(UINT format, HANDLE mem)
{
	SIZE_T size;
	void *bytes;

	if (!is_open())
		return NULL;
	if (!format || !mem) { /* no window to render it later */
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	size = GlobalSize(mem);
	bytes = size ? GlobalLock(mem) : NULL;
	if (!bytes) {
		SetLastError(ERROR_INVALID_HANDLE);
		return NULL;
	}
	remove_entry(format);
	if (size > DATA_BYTES || !add_entry(format, bytes, (DWORD)size, FALSE)) {
		GlobalUnlock(mem);
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	GlobalUnlock(mem);
	keep_given(mem);
	return mem;
}

static BOOL add_entry(UINT format, const void *bytes, DWORD size, DWORD synthesized)
{
	DWORD used = board->used, count = board->count;

	if (used > DATA_BYTES || size > DATA_BYTES - used || count >= MAX_FORMATS)
		return FALSE;
	if (size)
		memcpy(board->data + used, bytes, size);
	board->entry[count] = (struct clip_entry){format, used, size, synthesized};
	board->count = count + 1;
	board->used = used + size;
	board->sequence++;
	changed = TRUE;
	return TRUE;
}

/* src (a text format, NUL-terminated or not) converted to format. */
static HGLOBAL convert_text(UINT format, UINT from, const BYTE *src, DWORD size)
{
	UINT cp = (format == CF_OEMTEXT || from == CF_OEMTEXT) ? CP_OEMCP : CP_ACP;
	HGLOBAL mem = NULL;
	WCHAR *wide;
	int chars;

	if (from == CF_UNICODETEXT) {
		wide = (WCHAR *)src;
		chars = size / sizeof(WCHAR);
	} else {
		chars = MultiByteToWideChar(cp, 0, (const char *)src, size, NULL, 0);
		wide = HeapAlloc(GetProcessHeap(), 0, (chars + 1) * sizeof(WCHAR));
		if (!wide)
			return NULL;
		MultiByteToWideChar(cp, 0, (const char *)src, size, wide, chars);
	}
	if (format == CF_UNICODETEXT) {
		if ((mem = GlobalAlloc(GMEM_MOVEABLE, (chars + 1) * sizeof(WCHAR)))) {
			WCHAR *out = GlobalLock(mem);
			memcpy(out, wide, chars * sizeof(WCHAR));
			out[chars] = 0;
			GlobalUnlock(mem);
		}
	} else {
		int bytes = WideCharToMultiByte(cp, 0, wide, chars, NULL, 0, NULL, NULL);
		if ((mem = GlobalAlloc(GMEM_MOVEABLE, bytes + 1))) {
			char *out = GlobalLock(mem);
			WideCharToMultiByte(cp, 0, wide, chars, out, bytes, NULL, NULL);
			out[bytes] = 0;
			GlobalUnlock(mem);
		}
	}
	if (wide != (WCHAR *)src)
		HeapFree(GetProcessHeap(), 0, wide);
	return mem;
}

static HGLOBAL copy_out(UINT format)
{
	struct clip_entry e;
	HGLOBAL mem;

	if (find(format, &e) && !e.synthesized) {
		mem = GlobalAlloc(GMEM_MOVEABLE, e.size ? e.size : 1);
		if (mem) {
			memcpy(GlobalLock(mem), board->data + e.offset, e.size);
			GlobalUnlock(mem);
		}
		return mem;
	}
	if (find_text_source(format, &e))
		return convert_text(format, e.format, board->data + e.offset, e.size);
	return NULL;
}

/* The same handle for the same contents; older ones are freed. */
static HGLOBAL lend(UINT format)
{
	DWORD sequence = board->sequence;
	unsigned i, slot = 0;

	for (i = 0; i < MAX_FORMATS; i++) {
		if (lent[i].handle && lent[i].sequence != sequence) {
			GlobalFree(lent[i].handle);
			lent[i].handle = NULL;
		}
		if (lent[i].handle && lent[i].format == format)
			return lent[i].handle;
		if (!lent[i].handle)
			slot = i;
	}
	lent[slot].handle = copy_out(format);
	lent[slot].format = format;
	lent[slot].sequence = sequence;
	return lent[slot].handle;
}

HANDLE WINAPI GetClipboardData(UINT format)
{
	if (!is_open())
		return NULL;
	return lend(format);
}

BOOL WINAPI IsClipboardFormatAvailable(UINT format)
{
	struct clip_entry e;

	if (!attached())
		return FALSE;
	return find(format, &e) != NULL;
}

int WINAPI CountClipboardFormats(void)
{
	if (!attached())
		return 0;
	return min(board->count, MAX_FORMATS);
}

/* The formats held, in the order they were set, the synthesized ones
 * after them; 0 after the last. */
UINT WINAPI EnumClipboardFormats(UINT format)
{
	DWORD count, i;

	if (!is_open())
		return 0;
	count = min(board->count, MAX_FORMATS);
	i = 0;
	if (format) {
		for (; i < count && board->entry[i].format != format; i++)
			;
		i++;
	}
	SetLastError(ERROR_SUCCESS);
	return i < count ? board->entry[i].format : 0;
}

DWORD WINAPI GetClipboardSequenceNumber(void)
{
	return attached() ? board->sequence : 0;
}
