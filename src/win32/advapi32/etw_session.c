/*
 * Event trace sessions: StartTrace, ControlTrace (and StopTrace,
 * QueryTrace, FlushTrace, UpdateTrace).  A session is kept by advapi32 for this process: on
 * Windows the kernel keeps them for the whole system, so another process
 * does not see the sessions started here.  A session records nothing: no
 * provider is ever enabled (etw.c) and its log file is not written.
 *
 * StartTrace checks the properties as documented: ERROR_BAD_LENGTH when
 * Wnode.BufferSize is too small for the structure or for a copy of the
 * session name at LoggerNameOffset; ERROR_INVALID_PARAMETER for a NULL
 * handle or properties, a name offset inside the structure or past the
 * buffer, a LogFileMode combining modes that exclude each other, or
 * SystemTraceControlGuid for another name than "NT Kernel Logger";
 * ERROR_BAD_PATHNAME when the events have nowhere to go (no log file, not
 * real-time); ERROR_ALREADY_EXISTS when a session of that name runs.
 */
#define _WMI_SOURCE_ /* we define the trace control API, not import it */
#include "adv_private.h"
#include <evntrace.h>

#define MAX_SESSIONS 64 /* Windows' limit of loggers */
#define BUFFERING_MODE 0x400 /* EVENT_TRACE_BUFFERING_MODE: kept in memory */
#define NO_SESSION ERROR_WMI_INSTANCE_NOT_FOUND

static const GUID system_trace_guid = { 0x9e814aad, 0x3204, 0x11d2,
					{ 0x9a, 0x82, 0x00, 0x60, 0x08, 0xa8, 0x69, 0x39 } };

static WCHAR *sessions[MAX_SESSIONS]; /* names; NULL: free */
static RTL_SRWLOCK lock = RTL_SRWLOCK_INIT;

static BOOL offset_ok(const EVENT_TRACE_PROPERTIES *p, ULONG offset)
{
	return !offset || (offset >= sizeof(*p) && offset < p->Wnode.BufferSize);
}

static BOOL modes_ok(ULONG mode)
{
	if ((mode & EVENT_TRACE_FILE_MODE_CIRCULAR) &&
	    (mode & (EVENT_TRACE_FILE_MODE_SEQUENTIAL | EVENT_TRACE_FILE_MODE_NEWFILE)))
		return FALSE;
	return TRUE;
}

/* The properties' checks; name_bytes: the name's size as it is stored
 * there (with its NUL), file_len: the log file name's length. */
static ULONG check(const EVENT_TRACE_PROPERTIES *p, const WCHAR *name, SIZE_T name_bytes,
		   SIZE_T file_len)
{
	ULONG end;

	if (p->Wnode.BufferSize < sizeof(*p))
		return ERROR_BAD_LENGTH;
	if (!offset_ok(p, p->LoggerNameOffset) || !offset_ok(p, p->LogFileNameOffset))
		return ERROR_INVALID_PARAMETER;
	end = p->LogFileNameOffset > p->LoggerNameOffset ? p->LogFileNameOffset
							  : p->Wnode.BufferSize;
	if (p->LoggerNameOffset && end - p->LoggerNameOffset < name_bytes)
		return ERROR_BAD_LENGTH;
	if (!modes_ok(p->LogFileMode))
		return ERROR_INVALID_PARAMETER;
	if (IsEqualGUID(&p->Wnode.Guid, &system_trace_guid) && _wcsicmp(name, KERNEL_LOGGER_NAMEW))
		return ERROR_INVALID_PARAMETER;
	if (!file_len && !(p->LogFileMode & (EVENT_TRACE_REAL_TIME_MODE | BUFFERING_MODE)))
		return ERROR_BAD_PATHNAME;
	return ERROR_SUCCESS;
}

static int find(const WCHAR *name)
{
	for (int i = 0; i < MAX_SESSIONS; i++)
		if (sessions[i] && !_wcsicmp(sessions[i], name))
			return i;
	return -1;
}

/* Records the session; *handle its TRACEHANDLE. */
static ULONG add(const WCHAR *name, TRACEHANDLE *handle)
{
	SIZE_T n = (wcslen(name) + 1) * sizeof(WCHAR);
	ULONG err = ERROR_NO_SYSTEM_RESOURCES;
	WCHAR *copy = adv_alloc(n);

	if (!copy)
		return ERROR_NOT_ENOUGH_MEMORY;
	memcpy(copy, name, n);
	RtlAcquireSRWLockExclusive(&lock);
	if (find(name) >= 0) {
		err = ERROR_ALREADY_EXISTS;
	} else {
		for (int i = 0; i < MAX_SESSIONS && err; i++)
			if (!sessions[i]) {
				sessions[i] = copy;
				*handle = (TRACEHANDLE)i + 1;
				err = ERROR_SUCCESS;
			}
	}
	RtlReleaseSRWLockExclusive(&lock);
	if (err)
		adv_free(copy);
	return err;
}

/* Both forms: the name as UTF-16 for the table, its stored form (ansi or
 * not) for the copy StartTrace leaves in the properties. */
static ULONG start(TRACEHANDLE *handle, const WCHAR *wname, const void *stored, BOOL ansi,
		   EVENT_TRACE_PROPERTIES *p)
{
	SIZE_T unit = ansi ? 1 : sizeof(WCHAR), bytes = (wcslen(wname) + 1) * unit, file_len = 0;
	ULONG err;

	if (!handle || !p)
		return ERROR_INVALID_PARAMETER;
	if (p->Wnode.BufferSize >= sizeof(*p) && offset_ok(p, p->LogFileNameOffset) &&
	    p->LogFileNameOffset)
		file_len = ansi ? strnlen((char *)p + p->LogFileNameOffset,
					  p->Wnode.BufferSize - p->LogFileNameOffset)
				: wcsnlen((WCHAR *)((char *)p + p->LogFileNameOffset),
					  (p->Wnode.BufferSize - p->LogFileNameOffset) / 2);
	err = check(p, wname, bytes, file_len);
	if (!err)
		err = add(wname, handle);
	if (err)
		return err;
	if (p->LoggerNameOffset) /* "StartTrace copies the session name for you" */
		memcpy((char *)p + p->LoggerNameOffset, stored, bytes);
	p->Wnode.HistoricalContext = *handle;
	return ERROR_SUCCESS;
}

ADVAPI ULONG WINAPI StartTraceW(PTRACEHANDLE handle, LPCWSTR name, PEVENT_TRACE_PROPERTIES p)
{
	if (!name)
		return ERROR_INVALID_PARAMETER;
	return start(handle, name, name, FALSE, p);
}

ADVAPI ULONG WINAPI StartTraceA(PTRACEHANDLE handle, LPCSTR name, PEVENT_TRACE_PROPERTIES p)
{
	WCHAR *w;
	ULONG err;

	if (!name)
		return ERROR_INVALID_PARAMETER;
	err = adv_a_to_w(name, &w);
	if (err)
		return err;
	err = start(handle, w, name, TRUE, p);
	adv_free(w);
	return err;
}

/* The slot of a session by handle, or by name when the handle is 0. */
static int session_of(TRACEHANDLE handle, const WCHAR *name)
{
	if (handle)
		return handle <= MAX_SESSIONS && sessions[handle - 1] ? (int)handle - 1 : -1;
	return name ? find(name) : -1;
}

static ULONG control(TRACEHANDLE handle, const WCHAR *name, PEVENT_TRACE_PROPERTIES p,
		     ULONG code)
{
	WCHAR *gone = NULL;
	ULONG err = ERROR_SUCCESS;
	int i;

	if (!p || code > EVENT_TRACE_CONTROL_INCREMENT_FILE)
		return ERROR_INVALID_PARAMETER;
	if (p->Wnode.BufferSize < sizeof(*p))
		return ERROR_BAD_LENGTH;
	RtlAcquireSRWLockExclusive(&lock);
	i = session_of(handle, name);
	if (i < 0) {
		err = NO_SESSION;
	} else if (code == EVENT_TRACE_CONTROL_STOP) {
		gone = sessions[i];
		sessions[i] = NULL;
	}
	if (!err)
		p->Wnode.HistoricalContext = (TRACEHANDLE)i + 1;
	RtlReleaseSRWLockExclusive(&lock);
	adv_free(gone);
	return err;
}

ADVAPI ULONG WINAPI ControlTraceW(TRACEHANDLE handle, LPCWSTR name, PEVENT_TRACE_PROPERTIES p,
				  ULONG code)
{
	return control(handle, name, p, code);
}

ADVAPI ULONG WINAPI ControlTraceA(TRACEHANDLE handle, LPCSTR name, PEVENT_TRACE_PROPERTIES p,
				  ULONG code)
{
	WCHAR *w = NULL;
	ULONG err = adv_a_to_w(name, &w);

	if (!err)
		err = control(handle, w, p, code);
	adv_free(w);
	return err;
}

/* StopTrace, QueryTrace, FlushTrace, UpdateTrace: ControlTrace with
 * their code. */
#define CONTROL_FORMS(fn, code)                                                              \
	ADVAPI ULONG WINAPI fn##W(TRACEHANDLE h, LPCWSTR name, PEVENT_TRACE_PROPERTIES p) \
	{                                                                                  \
		return ControlTraceW(h, name, p, code);                                    \
	}                                                                                  \
	ADVAPI ULONG WINAPI fn##A(TRACEHANDLE h, LPCSTR name, PEVENT_TRACE_PROPERTIES p)  \
	{                                                                                  \
		return ControlTraceA(h, name, p, code);                                    \
	}

CONTROL_FORMS(StopTrace, EVENT_TRACE_CONTROL_STOP)
CONTROL_FORMS(QueryTrace, EVENT_TRACE_CONTROL_QUERY)
CONTROL_FORMS(FlushTrace, EVENT_TRACE_CONTROL_FLUSH)
CONTROL_FORMS(UpdateTrace, EVENT_TRACE_CONTROL_UPDATE)
