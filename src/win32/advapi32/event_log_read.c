/*
 * The classic event log's reading half: OpenEventLog and
 * OpenBackupEventLog, ReadEventLog (whole EVENTLOGRECORDs, sequentially
 * or from a record number, forwards or backwards),
 * GetNumberOfEventLogRecords, GetOldestEventLogRecord,
 * GetEventLogInformation, BackupEventLog, ClearEventLog, CloseEventLog.
 * Each call reads the log's file anew (event_log_file.c).
 */
#include "event_log_private.h"

/* An event source's handle reads its log as well as an open log's does
 * (Wine's eventlog test counts records through both). */
#define LOG_KINDS (EVL_MASK(EVL_SOURCE) | EVL_MASK(EVL_LOG) | EVL_MASK(EVL_BACKUP))
/* A sequential read that went past the oldest record backwards. */
#define NEXT_NONE 0xffffffffu

ADVAPI HANDLE WINAPI OpenEventLogW(LPCWSTR server, LPCWSTR source)
{
	struct evl_object o = { EVL_LOG };
	WCHAR log[EVENT_NAME_MAX];

	if (!source) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	if (!adv_is_this_machine(server)) {
		SetLastError(RPC_S_SERVER_UNAVAILABLE);
		return NULL;
	}
	/* a source opens its log; an unknown name opens Application.  What
	 * is reported through the handle goes under the name given. */
	evl_log_path(source, o.path, log);
	wcsncpy(o.name, source, EVENT_NAME_MAX - 1);
	return evl_handle_new(&o);
}

ADVAPI HANDLE WINAPI OpenBackupEventLogW(LPCWSTR server, LPCWSTR file)
{
	struct evl_object o = { EVL_BACKUP };
	struct evl_file f;
	DWORD err;

	if (!file) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	if (!adv_is_this_machine(server)) {
		SetLastError(RPC_S_SERVER_UNAVAILABLE);
		return NULL;
	}
	if (!GetFullPathNameW(file, MAX_PATH, o.path, NULL))
		return NULL;
	if ((err = evl_load(o.path, TRUE, &f))) {
		SetLastError(err);
		return NULL;
	}
	evl_unload(&f);
	wcsncpy(o.name, file, EVENT_NAME_MAX - 1);
	return evl_handle_new(&o);
}

ADVAPI HANDLE WINAPI OpenEventLogA(LPCSTR server, LPCSTR source)
{
	return evl_open_a(server, source, OpenEventLogW);
}

ADVAPI HANDLE WINAPI OpenBackupEventLogA(LPCSTR server, LPCSTR file)
{
	return evl_open_a(server, file, OpenBackupEventLogW);
}

ADVAPI BOOL WINAPI CloseEventLog(HANDLE h)
{
	return evl_close(h, LOG_KINDS);
}

/* The log file behind an open log or backup. */
static BOOL load(HANDLE h, struct evl_object *o, struct evl_file *f)
{
	DWORD err;

	if (!evl_get(h, LOG_KINDS, o))
		return FALSE;
	if ((err = evl_load(o->path, o->kind == EVL_BACKUP, f))) {
		SetLastError(err);
		return FALSE;
	}
	return TRUE;
}

/* The number of records (oldest FALSE) or the oldest one's number. */
static BOOL log_figure(HANDLE h, DWORD *out, BOOL oldest)
{
	struct evl_object o;
	struct evl_file f;

	if (!out) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!load(h, &o, &f))
		return FALSE;
	*out = oldest ? f.oldest : f.oldest ? f.current - f.oldest : 0;
	evl_unload(&f);
	return TRUE;
}

ADVAPI BOOL WINAPI GetNumberOfEventLogRecords(HANDLE h, PDWORD count)
{
	return log_figure(h, count, FALSE);
}

ADVAPI BOOL WINAPI GetOldestEventLogRecord(HANDLE h, PDWORD oldest)
{
	return log_figure(h, oldest, TRUE);
}

ADVAPI BOOL WINAPI GetEventLogInformation(HANDLE h, DWORD level, LPVOID buffer, DWORD size,
					  LPDWORD needed)
{
	struct evl_object o;

	if (level != EVENTLOG_FULL_INFO) {
		SetLastError(ERROR_INVALID_LEVEL);
		return FALSE;
	}
	if (!evl_get(h, LOG_KINDS, &o))
		return FALSE;
	if (!buffer || !needed) {
		SetLastError(RPC_X_NULL_REF_POINTER);
		return FALSE;
	}
	*needed = sizeof(EVENTLOG_FULL_INFORMATION);
	if (size < sizeof(EVENTLOG_FULL_INFORMATION)) {
		SetLastError(ERROR_INSUFFICIENT_BUFFER);
		return FALSE;
	}
	/* this log never wraps: it is full only at its maximum size */
	((EVENTLOG_FULL_INFORMATION *)buffer)->dwFull = FALSE;
	return TRUE;
}

/* A copy of the log's file at `file`, which must not exist yet. */
static DWORD backup_to(const struct evl_object *o, const WCHAR *file)
{
	if (GetFileAttributesW(file) != INVALID_FILE_ATTRIBUTES)
		return ERROR_ALREADY_EXISTS;
	if (o->kind == EVL_LOG && GetFileAttributesW(o->path) == INVALID_FILE_ATTRIBUTES)
		return evl_write_empty(file, 1); /* nothing logged yet */
	return CopyFileW(o->path, file, TRUE) ? ERROR_SUCCESS : GetLastError();
}

ADVAPI BOOL WINAPI BackupEventLogW(HANDLE h, LPCWSTR file)
{
	struct evl_object o;
	DWORD err;

	if (!file) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!evl_get(h, LOG_KINDS, &o))
		return FALSE;
	if ((err = backup_to(&o, file)))
		SetLastError(err);
	return !err;
}

ADVAPI BOOL WINAPI ClearEventLogW(HANDLE h, LPCWSTR backup)
{
	struct evl_object o;
	DWORD err = ERROR_SUCCESS;

	struct evl_file f;

	if (!evl_get(h, EVL_MASK(EVL_SOURCE) | EVL_MASK(EVL_LOG), &o))
		return FALSE;
	if (backup)
		err = backup_to(&o, backup);
	/* the numbering goes on after a clear, as since Vista */
	if (!err && GetFileAttributesW(o.path) != INVALID_FILE_ATTRIBUTES &&
	    !(err = evl_load(o.path, TRUE, &f))) {
		err = evl_write_empty(o.path, f.current);
		evl_unload(&f);
	}
	if (err)
		SetLastError(err);
	return !err;
}

static BOOL file_call_a(HANDLE h, LPCSTR file, BOOL (WINAPI *call_w)(HANDLE, LPCWSTR))
{
	WCHAR *w;
	BOOL ok;

	if (adv_a_to_w(file, &w)) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	ok = call_w(h, w);
	adv_free(w);
	return ok;
}

ADVAPI BOOL WINAPI BackupEventLogA(HANDLE h, LPCSTR file)
{
	return file_call_a(h, file, BackupEventLogW);
}

ADVAPI BOOL WINAPI ClearEventLogA(HANDLE h, LPCSTR backup)
{
	return file_call_a(h, backup, ClearEventLogW);
}

/* The records of f by number: the offset of each, in order. */
static DWORD *index_records(const struct evl_file *f, DWORD *n)
{
	DWORD count = f->oldest ? f->current - f->oldest : 0, i = 0, *at;

	*n = 0;
	if (!(at = adv_alloc((count + 1) * sizeof(DWORD))))
		return NULL;
	for (DWORD off = f->first; off < f->end && i < count; i++) {
		at[i] = off;
		off += ((const EVENTLOGRECORD *)(f->data + off))->Length;
	}
	*n = i;
	return at;
}

/* The size of record r once its strings are one byte a character: the
 * names and strings shrink to half, the rest moves with them. */
static DWORD a_size(const EVENTLOGRECORD *r)
{
	DWORD names = r->UserSidOffset - sizeof(*r), strings = r->DataOffset - r->StringOffset;
	DWORD sz = sizeof(*r) + names / 2;

	sz = ((sz + 3) & ~3u) + r->UserSidLength + strings / 2 + r->DataLength;
	return ((sz + 3) & ~3u) + sizeof(DWORD);
}

/* Writes record r at dst, ANSI when `ansi`; the bytes written. */
static DWORD put_record(BYTE *dst, const EVENTLOGRECORD *r, BOOL ansi)
{
	const BYTE *src = (const BYTE *)r;
	EVENTLOGRECORD *out = (EVENTLOGRECORD *)dst;
	DWORD names, strings, at, len;

	if (!ansi) {
		memcpy(dst, r, r->Length);
		return r->Length;
	}
	len = a_size(r);
	memset(dst, 0, len);
	*out = *r;
	out->Length = len;
	names = (r->UserSidOffset - sizeof(*r)) / sizeof(WCHAR);
	adv_w_to_a((const WCHAR *)(src + sizeof(*r)), names, (char *)dst + sizeof(*r));
	at = (sizeof(*r) + names + 3) & ~3u;
	out->UserSidOffset = at;
	memcpy(dst + at, src + r->UserSidOffset, r->UserSidLength);
	at += r->UserSidLength;
	out->StringOffset = at;
	strings = (r->DataOffset - r->StringOffset) / sizeof(WCHAR);
	adv_w_to_a((const WCHAR *)(src + r->StringOffset), strings, (char *)dst + at);
	at += strings;
	out->DataOffset = at;
	memcpy(dst + at, src + r->DataOffset, r->DataLength);
	*(DWORD *)(dst + len - sizeof(DWORD)) = len;
	return len;
}

static BOOL flags_valid(DWORD flags)
{
	DWORD how = flags & (EVENTLOG_SEQUENTIAL_READ | EVENTLOG_SEEK_READ);
	DWORD way = flags & (EVENTLOG_FORWARDS_READ | EVENTLOG_BACKWARDS_READ);

	return (how == EVENTLOG_SEQUENTIAL_READ || how == EVENTLOG_SEEK_READ) &&
	       (way == EVENTLOG_FORWARDS_READ || way == EVENTLOG_BACKWARDS_READ) &&
	       !(flags & ~(how | way));
}

/* Copies whole records from number `from` on in the direction asked;
 * the number of the record to read next comes back in *next. */
static DWORD copy_records(const struct evl_file *f, DWORD from, BOOL back, BYTE *buffer,
			  DWORD size, DWORD *read, DWORD *needed, DWORD *next, BOOL ansi)
{
	DWORD n, *at = index_records(f, &n), done = 0, i;
	BOOL any = FALSE;

	if (!at)
		return ERROR_NOT_ENOUGH_MEMORY;
	*read = *needed = 0;
	for (i = from - f->oldest; from != NEXT_NONE && f->oldest && from >= f->oldest && i < n;) {
		const EVENTLOGRECORD *r = (const EVENTLOGRECORD *)(f->data + at[i]);
		DWORD len = ansi ? a_size(r) : r->Length;

		if (done + len > size) {
			if (!any)
				*needed = len;
			break;
		}
		done += put_record(buffer + done, r, ansi);
		any = TRUE;
		if (back && !i) {
			i = NEXT_NONE;
			break;
		}
		i = back ? i - 1 : i + 1;
	}
	adv_free(at);
	*next = i == NEXT_NONE || !f->oldest ? NEXT_NONE : f->oldest + i;
	*read = done;
	if (any)
		return ERROR_SUCCESS;
	return *needed ? ERROR_INSUFFICIENT_BUFFER : ERROR_HANDLE_EOF;
}

static BOOL read_log(HANDLE h, DWORD flags, DWORD offset, void *buffer, DWORD size, DWORD *read,
		     DWORD *needed, BOOL ansi)
{
	BOOL back = (flags & EVENTLOG_BACKWARDS_READ) != 0;
	struct evl_object o;
	struct evl_file f;
	DWORD from, next, err;

	if (!flags_valid(flags) || !buffer || !read || !needed) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!load(h, &o, &f))
		return FALSE;
	if (flags & EVENTLOG_SEEK_READ)
		from = offset;
	else if (o.next)
		from = o.next;
	else
		from = back ? f.current - 1 : f.oldest;
	if ((flags & EVENTLOG_SEEK_READ) && (!f.oldest || offset < f.oldest || offset >= f.current))
		err = ERROR_INVALID_PARAMETER;
	else
		err = copy_records(&f, from, back, buffer, size, read, needed, &next, ansi);
	if (!err)
		evl_set_next(h, next);
	evl_unload(&f);
	if (err)
		SetLastError(err);
	return !err;
}

ADVAPI BOOL WINAPI ReadEventLogW(HANDLE h, DWORD flags, DWORD offset, LPVOID buffer, DWORD size,
				 DWORD *read, DWORD *needed)
{
	return read_log(h, flags, offset, buffer, size, read, needed, FALSE);
}

ADVAPI BOOL WINAPI ReadEventLogA(HANDLE h, DWORD flags, DWORD offset, LPVOID buffer, DWORD size,
				 DWORD *read, DWORD *needed)
{
	return read_log(h, flags, offset, buffer, size, read, needed, TRUE);
}
