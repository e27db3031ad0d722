/*
 * The classic event log's writing half: RegisterEventSourceA/W hand out
 * a handle naming the source, ReportEventA/W append the event as a line
 * of UTF-8 text (its strings as given, line breaks and all) to the
 * prefix's log (EVENT_LOG_PATH), which the user reads with any editor;
 * DeregisterEventSource closes the handle.
 * There is no event log service, no message files and no remote server:
 * what a program reports (CoreCLR's fail-fast text, for one) is kept, not
 * formatted.  Handles are slots of a small table, so a stale or made-up
 * handle is refused (ERROR_INVALID_HANDLE), never dereferenced.
 */
#include "adv_private.h"

#define EVENT_LOG_DIR L"C:\\Windows\\System32\\winevt\\Logs"
#define EVENT_LOG_PATH EVENT_LOG_DIR L"\\lsw-events.log"
#define MAX_SOURCES 64
#define MAX_SOURCE_NAME 256
#define HANDLE_TAG 0x5e000000u

static WCHAR *sources[MAX_SOURCES];
static RTL_SRWLOCK sources_lock = RTL_SRWLOCK_INIT;

static HANDLE slot_handle(int slot)
{
	return (HANDLE)(ULONG_PTR)(HANDLE_TAG | (unsigned)(slot + 1) << 2);
}

/* The slot of a live handle, or -1. */
static int handle_slot(HANDLE h)
{
	ULONG_PTR v = (ULONG_PTR)h;
	ULONG_PTR slot = ((v & ~(ULONG_PTR)HANDLE_TAG) >> 2) - 1;

	if ((v & 0xff000003u) != HANDLE_TAG || (v >> 32) || slot >= MAX_SOURCES)
		return -1;
	return sources[slot] ? (int)slot : -1;
}

ADVAPI HANDLE WINAPI RegisterEventSourceW(LPCWSTR server, LPCWSTR source)
{
	size_t n;
	WCHAR *copy;

	if (server && server[0]) {
		/* No remote event log service to reach. */
		SetLastError(RPC_S_SERVER_UNAVAILABLE);
		return NULL;
	}
	if (!source || !(n = wcslen(source)) || n >= MAX_SOURCE_NAME) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	if (!(copy = adv_alloc((n + 1) * sizeof(WCHAR)))) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	memcpy(copy, source, (n + 1) * sizeof(WCHAR));
	RtlAcquireSRWLockExclusive(&sources_lock);
	for (int i = 0; i < MAX_SOURCES; i++)
		if (!sources[i]) {
			sources[i] = copy;
			RtlReleaseSRWLockExclusive(&sources_lock);
			return slot_handle(i);
		}
	RtlReleaseSRWLockExclusive(&sources_lock);
	adv_free(copy);
	SetLastError(ERROR_NO_SYSTEM_RESOURCES);
	return NULL;
}

static WCHAR *a_to_w(const char *s)
{
	int n = s ? MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0) : 0;
	WCHAR *w = n ? adv_alloc(n * sizeof(WCHAR)) : NULL;

	if (w)
		MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
	return w;
}

ADVAPI HANDLE WINAPI RegisterEventSourceA(LPCSTR server, LPCSTR source)
{
	WCHAR *wserver = a_to_w(server), *wsource = a_to_w(source);
	HANDLE h = NULL;

	if ((server && !wserver) || (source && !wsource))
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	else
		h = RegisterEventSourceW(wserver, wsource);
	adv_free(wserver);
	adv_free(wsource);
	return h;
}

ADVAPI BOOL WINAPI DeregisterEventSource(HANDLE h)
{
	WCHAR *name = NULL;
	int slot;

	RtlAcquireSRWLockExclusive(&sources_lock);
	if ((slot = handle_slot(h)) >= 0) {
		name = sources[slot];
		sources[slot] = NULL;
	}
	RtlReleaseSRWLockExclusive(&sources_lock);
	if (!name) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	adv_free(name);
	return TRUE;
}

/* Windows since Vista stores a type it does not know as EVENTLOG_SUCCESS
 * (Wine's eventlog test, ReportEventA with type 0x20). */
static const char *type_name(WORD type)
{
	switch (type) {
	case EVENTLOG_SUCCESS: return "success";
	case EVENTLOG_ERROR_TYPE: return "error";
	case EVENTLOG_WARNING_TYPE: return "warning";
	case EVENTLOG_INFORMATION_TYPE: return "information";
	case EVENTLOG_AUDIT_SUCCESS: return "audit-success";
	case EVENTLOG_AUDIT_FAILURE: return "audit-failure";
	}
	return "success";
}

/* An event's line, built whole so that it is appended in one write (runs
 * sharing the prefix do not interleave their lines). */
struct line {
	char *text;
	size_t len;
};

/* UTF-8 bytes of w without its NUL. */
static size_t utf8_len(const WCHAR *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);

	return n > 1 ? (size_t)n - 1 : 0;
}

/* The buffer was sized for everything put (append_event). */
static void put_w(struct line *l, const WCHAR *w)
{
	size_t n = utf8_len(w);

	if (n)
		WideCharToMultiByte(CP_UTF8, 0, w, -1, l->text + l->len, (int)n, NULL, NULL);
	l->len += n;
}

static void put_a(struct line *l, const char *s)
{
	size_t n = strlen(s);

	memcpy(l->text + l->len, s, n);
	l->len += n;
}

/* Puts prefix, then value in decimal with at least `width` digits. */
static void put_uint(struct line *l, const char *prefix, unsigned long value, int width)
{
	char digits[24], *p = digits + sizeof(digits);

	*--p = 0;
	do {
		*--p = (char)('0' + value % 10);
		value /= 10;
	} while (value || digits + sizeof(digits) - 1 - p < width);
	put_a(l, prefix);
	put_a(l, p);
}

static HANDLE open_log(void)
{
	CreateDirectoryW(L"C:\\Windows\\System32\\winevt", NULL);
	CreateDirectoryW(EVENT_LOG_DIR, NULL);
	return CreateFileW(EVENT_LOG_PATH, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE,
			   NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
}

/* The fixed part of a line: time, type, the numbers (source apart). */
#define LINE_FIXED 160

/* One line: time, type, source, id, category, then the strings, each
 * after " | "; the raw data is counted, not written. */
static BOOL append_event(const WCHAR *source, WORD type, WORD category, DWORD id, WORD nstrings,
			 const WCHAR **strings, DWORD data_size)
{
	size_t size = LINE_FIXED + utf8_len(source);
	struct line l = { NULL, 0 };
	SYSTEMTIME t;
	HANDLE file;
	DWORD done;
	BOOL ok;

	for (WORD i = 0; i < nstrings; i++)
		size += 3 + (strings[i] ? utf8_len(strings[i]) : 0);
	if (size > MAXDWORD || !(l.text = adv_alloc(size))) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	GetSystemTime(&t);
	put_uint(&l, "", t.wYear, 4);
	put_uint(&l, "-", t.wMonth, 2);
	put_uint(&l, "-", t.wDay, 2);
	put_uint(&l, " ", t.wHour, 2);
	put_uint(&l, ":", t.wMinute, 2);
	put_uint(&l, ":", t.wSecond, 2);
	put_a(&l, " ");
	put_a(&l, type_name(type));
	put_a(&l, " ");
	put_w(&l, source);
	put_uint(&l, " id=", id & 0xffff, 1);
	put_uint(&l, " category=", category, 1);
	put_uint(&l, " data=", data_size, 1);
	for (WORD i = 0; i < nstrings; i++) {
		put_a(&l, " | ");
		if (strings[i])
			put_w(&l, strings[i]);
	}
	put_a(&l, "\r\n");
	if ((file = open_log()) == INVALID_HANDLE_VALUE) {
		adv_free(l.text);
		return FALSE;
	}
	ok = WriteFile(file, l.text, (DWORD)l.len, &done, NULL);
	CloseHandle(file);
	adv_free(l.text);
	return ok;
}

ADVAPI BOOL WINAPI ReportEventW(HANDLE h, WORD type, WORD category, DWORD id, PSID sid,
				WORD nstrings, DWORD data_size, LPCWSTR *strings, LPVOID data)
{
	WCHAR source[MAX_SOURCE_NAME];
	int slot;

	RtlAcquireSRWLockShared(&sources_lock);
	if ((slot = handle_slot(h)) >= 0)
		wcscpy(source, sources[slot]);
	RtlReleaseSRWLockShared(&sources_lock);
	if (slot < 0) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	if ((nstrings && !strings) || (data_size && !data)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	return append_event(source, type, category, id, nstrings, strings, data_size);
}

ADVAPI BOOL WINAPI ReportEventA(HANDLE h, WORD type, WORD category, DWORD id, PSID sid,
				WORD nstrings, DWORD data_size, LPCSTR *strings, LPVOID data)
{
	const WCHAR **w;
	BOOL ok = FALSE;
	WORD done = 0;

	if (!nstrings || !strings)
		return ReportEventW(h, type, category, id, sid, nstrings, data_size, NULL, data);
	if (!(w = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, nstrings * sizeof(*w)))) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	for (; done < nstrings; done++)
		if (strings[done] && !(w[done] = a_to_w(strings[done])))
			break;
	if (done == nstrings)
		ok = ReportEventW(h, type, category, id, sid, nstrings, data_size, w, data);
	else
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	while (done--)
		adv_free((void *)w[done]);
	adv_free(w);
	return ok;
}
