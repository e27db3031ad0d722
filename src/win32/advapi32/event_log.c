/*
 * The classic event log's writing half: RegisterEventSourceA/W hand out
 * a handle naming the source, ReportEventA/W append the event as an
 * EVENTLOGRECORD to its log's file (event_log_file.c), which
 * ReadEventLog reads back (event_log_read.c); DeregisterEventSource
 * closes the handle.  There is no event log service, no message files
 * and no remote server: what a program reports (CoreCLR's fail-fast
 * text, for one) is kept, not formatted.
 */
#include "event_log_private.h"

ADVAPI HANDLE WINAPI RegisterEventSourceW(LPCWSTR server, LPCWSTR source)
{
	struct evl_object o = { EVL_SOURCE };
	WCHAR log[EVENT_NAME_MAX];
	size_t n;

	if (!adv_is_this_machine(server)) {
		/* No remote event log service to reach. */
		SetLastError(RPC_S_SERVER_UNAVAILABLE);
		return NULL;
	}
	if (!source || !(n = wcslen(source)) || n >= EVENT_NAME_MAX) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	wcscpy(o.name, source);
	evl_log_path(source, o.path, log);
	return evl_handle_new(&o);
}

static WCHAR *a_to_w(const char *s)
{
	int n = s ? MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0) : 0;
	WCHAR *w = n ? adv_alloc(n * sizeof(WCHAR)) : NULL;

	if (w)
		MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
	return w;
}

HANDLE evl_open_a(LPCSTR server, LPCSTR name, HANDLE (WINAPI *open_w)(LPCWSTR, LPCWSTR))
{
	WCHAR *wserver = NULL, *wname = NULL;
	HANDLE h = NULL;

	if (adv_a_to_w(server, &wserver) || adv_a_to_w(name, &wname))
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	else
		h = open_w(wserver, wname);
	adv_free(wserver);
	adv_free(wname);
	return h;
}

ADVAPI HANDLE WINAPI RegisterEventSourceA(LPCSTR server, LPCSTR source)
{
	return evl_open_a(server, source, RegisterEventSourceW);
}

ADVAPI BOOL WINAPI DeregisterEventSource(HANDLE h)
{
	return evl_close(h, EVL_MASK(EVL_SOURCE) | EVL_MASK(EVL_LOG));
}

/* Windows since Vista stores a type it does not know as EVENTLOG_SUCCESS
 * (Wine's eventlog test, ReportEventA with type 0x20). */
static WORD known_type(WORD type)
{
	switch (type) {
	case EVENTLOG_ERROR_TYPE:
	case EVENTLOG_WARNING_TYPE:
	case EVENTLOG_INFORMATION_TYPE:
	case EVENTLOG_AUDIT_SUCCESS:
	case EVENTLOG_AUDIT_FAILURE:
		return type;
	}
	return EVENTLOG_SUCCESS;
}

/* Copies s with its NUL; the bytes written. */
static DWORD put_string(BYTE *dst, const WCHAR *s)
{
	DWORD n = (DWORD)(wcslen(s) + 1) * sizeof(WCHAR);

	memcpy(dst, s, n);
	return n;
}

static DWORD align4(DWORD n)
{
	return (n + 3) & ~3u;
}

/* The event's record, laid out as EVENTLOGRECORD documents: source and
 * computer names, the SID (DWORD-aligned), the strings, the data, padding
 * and the length again.  Number and times are the log's to fill. */
static EVENTLOGRECORD *build_record(const WCHAR *source, WORD type, WORD category, DWORD id,
				    PSID sid, WORD nstrings, const WCHAR **strings,
				    DWORD data_size, const void *data)
{
	WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD clen = ARRAYSIZE(computer), sid_len = sid ? GetLengthSid(sid) : 0;
	ULONGLONG size, at;
	EVENTLOGRECORD *r;
	BYTE *b;

	if (!GetComputerNameW(computer, &clen))
		computer[0] = 0;
	size = sizeof(*r) + (wcslen(source) + 1 + wcslen(computer) + 1) * sizeof(WCHAR);
	size = align4((DWORD)size) + sid_len;
	for (WORD i = 0; i < nstrings; i++)
		size += (wcslen(strings[i] ? strings[i] : L"") + 1) * sizeof(WCHAR);
	size += data_size;
	size = align4((DWORD)size) + sizeof(DWORD);
	if (size > 0x7fff0000u || !(r = adv_alloc((SIZE_T)size)))
		return NULL;
	memset(r, 0, (SIZE_T)size);
	b = (BYTE *)r;
	r->Length = (DWORD)size;
	r->Reserved = 0x654c664c; /* "LfLe" */
	r->EventID = id;
	r->EventType = known_type(type);
	r->NumStrings = nstrings;
	r->EventCategory = category;
	at = sizeof(*r);
	at += put_string(b + at, source);
	at += put_string(b + at, computer);
	at = align4((DWORD)at);
	r->UserSidLength = sid_len;
	r->UserSidOffset = (DWORD)at;
	if (sid_len)
		CopySid(sid_len, b + at, sid);
	at += sid_len;
	r->StringOffset = (DWORD)at;
	for (WORD i = 0; i < nstrings; i++)
		at += put_string(b + at, strings[i] ? strings[i] : L"");
	r->DataLength = data_size;
	r->DataOffset = (DWORD)at;
	if (data_size)
		memcpy(b + at, data, data_size);
	*(DWORD *)(b + size - sizeof(DWORD)) = (DWORD)size;
	return r;
}

ADVAPI BOOL WINAPI ReportEventW(HANDLE h, WORD type, WORD category, DWORD id, PSID sid,
				WORD nstrings, DWORD data_size, LPCWSTR *strings, LPVOID data)
{
	struct evl_object o;
	EVENTLOGRECORD *r;
	DWORD err;

	/* an open log writes too, under the log's name */
	if (!evl_get(h, EVL_MASK(EVL_SOURCE) | EVL_MASK(EVL_LOG), &o))
		return FALSE;
	if ((nstrings && !strings) || (data_size && !data) || (sid && !IsValidSid(sid))) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!(r = build_record(o.name, type, category, id, sid, nstrings, strings, data_size, data))) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	err = evl_append(o.path, r);
	adv_free(r);
	if (err)
		SetLastError(err);
	return !err;
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
