/* The classic event log's private declarations: handles
 * (event_log_handle.c) and the log files (event_log_file.c). */
#ifndef LSW_EVENT_LOG_PRIVATE_H
#define LSW_EVENT_LOG_PRIVATE_H

#include "adv_private.h"

/* One file per log, <log>.evt in the documented event log file format
 * (an ELF_LOGFILE_HEADER, EVENTLOGRECORDs, an ELF_EOF_RECORD), where
 * Windows kept .evt files before Vista's .evtx; a backup is such a file
 * too, which any tool of that format reads. */
#define EVENT_LOG_DIR L"C:\\Windows\\System32\\config"
/* HKLM\...\Services\EventLog: a subkey per log, a subkey per source. */
#define EVENT_LOG_KEY L"SYSTEM\\CurrentControlSet\\Services\\EventLog"
#define EVENT_NAME_MAX 256

enum evl_kind { EVL_SOURCE = 1, EVL_LOG, EVL_BACKUP };

/* What a handle stands for.  A source writes to `path` under `name`; a
 * log or backup is read from `path`, `next` the record that a
 * sequential read gives next (0: not started). */
struct evl_object {
	enum evl_kind kind;
	WCHAR name[EVENT_NAME_MAX];
	WCHAR path[MAX_PATH];
	DWORD next;
};

/* event_log_handle.c: handles are slots of a table, tagged so that a
 * stale or made-up handle is refused (ERROR_INVALID_HANDLE). */
HANDLE evl_handle_new(const struct evl_object *o);
/* A copy of the object behind h, when of one of `kinds` (a mask of
 * EVL_MASK(kind)); else ERROR_INVALID_HANDLE. */
BOOL evl_get(HANDLE h, unsigned kinds, struct evl_object *out);
void evl_set_next(HANDLE h, DWORD next);
BOOL evl_close(HANDLE h, unsigned kinds);
#define EVL_MASK(k) (1u << (k))

/* event_log.c: the A form of an open call taking a server and a name. */
HANDLE evl_open_a(LPCSTR server, LPCSTR name, HANDLE (WINAPI *open_w)(LPCWSTR, LPCWSTR));

/* event_log_file.c */
void evl_log_path(const WCHAR *source, WCHAR path[MAX_PATH], WCHAR log[EVENT_NAME_MAX]);
/* Appends one record (built by the caller without its RecordNumber and
 * times, which this fills). */
DWORD evl_append(const WCHAR *path, EVENTLOGRECORD *record);
/* The whole file (a missing live log reads as an empty one); the
 * records start at *first and end at *end, numbered *oldest on and the
 * next is *current.  ERROR_EVENTLOG_FILE_CORRUPT for a file not in the
 * format. */
struct evl_file {
	BYTE *data;
	DWORD size, first, end, oldest, current;
};
DWORD evl_load(const WCHAR *path, BOOL must_exist, struct evl_file *f);
void evl_unload(struct evl_file *f);
DWORD evl_write_empty(const WCHAR *path, DWORD current);

#endif
