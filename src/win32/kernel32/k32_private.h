/* Private declarations of kernel32. */
#ifndef LSW_K32_PRIVATE_H
#define LSW_K32_PRIVATE_H

#define _KERNEL32_ /* we define, not import, the kernel32 API */
#include "ntdll/rtl/rtl_nt.h"

#define K32API __declspec(dllexport)

/* Set the thread's last error from a failed NTSTATUS; returns FALSE so a
 * BOOL API can "return k32_fail(status);". */
static inline BOOL k32_fail(NTSTATUS status)
{
	RtlSetLastWin32Error(RtlNtStatusToDosError(status));
	return FALSE;
}

static inline BOOL k32_error(DWORD error)
{
	RtlSetLastWin32Error(error);
	return FALSE;
}

/* An overlapped I/O's event (hEvent without its low bit) and completion
 * context: the OVERLAPPED, unless hEvent's low bit asks for no completion
 * packet (documented for GetQueuedCompletionStatus). */
static inline HANDLE k32_overlapped_event(const OVERLAPPED *ov)
{
	return ov ? (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1) : NULL;
}

static inline PVOID k32_overlapped_context(OVERLAPPED *ov)
{
	return ov && !((ULONG_PTR)ov->hEvent & 1) ? ov : NULL;
}

/* EVENT_BASIC_INFORMATION (NtQueryEvent's class 0) */
typedef struct k32_event_info {
	int type;
	LONG state;
} k32_event_info;

/* A millisecond timeout for NT: NULL for INFINITE, else relative. */
static inline PLARGE_INTEGER k32_timeout(DWORD ms, LARGE_INTEGER *t)
{
	if (ms == INFINITE)
		return NULL;
	t->QuadPart = -(LONGLONG)ms * 10000;
	return t;
}

/* The four times of ProcessTimes / ThreadTimes (creation, exit, kernel,
 * user) into the FILETIMEs of Get{Process,Thread}Times. */
static inline void k32_times_out(const LARGE_INTEGER t[4], LPFILETIME created, LPFILETIME exited,
				 LPFILETIME kernel, LPFILETIME user)
{
	memcpy(created, &t[0], 8);
	memcpy(exited, &t[1], 8);
	memcpy(kernel, &t[2], 8);
	memcpy(user, &t[3], 8);
}

/* datafile_lock.c: an AS_DATAFILE_EXCLUSIVE view's file, held open
 * without write sharing until FreeLibrary. */
void k32_datafile_lock(void *view);
void k32_datafile_unlock(void *view);

static inline HANDLE k32_heap(void)
{
	return lsw_process_heap();
}

/* strings.c: ANSI <-> UTF-16 for the A entry points.  The ANSI code page
 * (1252) is single-byte, so an A string has exactly as many chars as its
 * UTF-16 form has code units; the A functions rely on that. */
WCHAR *k32_a_to_w(const char *s);            /* heap copy, NULL on no memory */
void k32_free(void *p);
/* Convert n units of w to ANSI in a (which holds n bytes + NUL room). */
void k32_w_to_a(const WCHAR *w, SIZE_T n, char *a);
/* Build a NUL-terminated UNICODE_STRING view of an ANSI string; FALSE and
 * ERROR_NOT_ENOUGH_MEMORY on failure.  Free with k32_free(s->Buffer). */
BOOL k32_ansi_arg(const char *a, UNICODE_STRING *s);
/* Two names converted (NULL stays NULL); FALSE with the error set. */
BOOL k32_ansi_args2(const char *a, const char *b, UNICODE_STRING *wa, UNICODE_STRING *wb);

/* Convert a W API result for its A twin.  `ret` is what the W call returned
 * (a length without NUL on success, a size with NUL when too small, 0 on
 * error); copies into abuf when it fitted. */
DWORD k32_copy_w_result_to_a(DWORD ret, const WCHAR *wbuf, char *abuf, DWORD asize);

/* guard.S: fn(a, b), or on_fault if it raises an access violation (what
 * Windows' lstr* functions do with __try/__except). */
LONG_PTR k32_guarded(LONG_PTR (*fn)(void *, void *), void *a, void *b, LONG_PTR on_fault);

/* atom.c: the process's local atom table (made on first use), or NULL. */
RTL_ATOM_TABLE k32_local_atoms(void);

/* message_module.c: a message of a module's message table (FormatMessage). */
WCHAR *k32_module_message(HMODULE mod, DWORD id, DWORD lang);

/* handle.c */
NTSTATUS k32_device_type(HANDLE h, DEVICE_TYPE *type);

/* console.c */
BOOL k32_is_console(HANDLE h);

/* file.c */
NTSTATUS k32_nt_path(const WCHAR *dos, UNICODE_STRING *nt);
/* file_delayed_move.c: MoveFileEx(MOVEFILE_DELAY_UNTIL_REBOOT); to NULL
 * deletes. */
BOOL k32_move_at_reboot(LPCWSTR from, LPCWSTR to, DWORD flags);
/* CreateFile's FILE_FLAG_* as NtCreateFile options (DELETE added to
 * *access for FILE_FLAG_DELETE_ON_CLOSE). */
ULONG k32_open_options(DWORD flags, ACCESS_MASK *access);
/* NtCreateFile(FILE_OPEN) of oa with access (SYNCHRONIZE and
 * FILE_READ_ATTRIBUTES added): the handle, or INVALID_HANDLE_VALUE with
 * the error set (ReOpenFile, OpenFileById). */
HANDLE k32_open_handle(OBJECT_ATTRIBUTES *oa, ACCESS_MASK access, DWORD share, ULONG options);
/* Opens a DOS name sharing everything, for synchronous I/O. */
NTSTATUS k32_open_path(const WCHAR *name, ACCESS_MASK access, ULONG options, HANDLE *h);
/* Marks the file open as h (with DELETE access) for deletion, as
 * DeleteFile does. */
NTSTATUS k32_delete_open_file(HANDLE h);
/* Renames (class 10) the file open as h to the DOS name `to`, or gives it
 * that name as a hard link (class 11). */
NTSTATUS k32_set_name_info(HANDLE h, const WCHAR *to, BOOLEAN replace, ULONG cls);

/* event.c: named objects.  The NT name of a Win32 object name
 * (heap-allocated, Buffer freed with k32_free); FALSE with the error set. */
BOOL k32_object_name(const WCHAR *name, UNICODE_STRING *nt);
/* OBJECT_ATTRIBUTES for a Create* or Open* (name may be NULL); free
 * nt->Buffer with k32_free afterwards. */
BOOL k32_object_attributes(const WCHAR *name, const SECURITY_ATTRIBUTES *sa, ULONG attributes,
			   OBJECT_ATTRIBUTES *oa, UNICODE_STRING *nt);
/* A Create*'s result: the handle with the last error ERROR_ALREADY_EXISTS
 * (an existing object opened) or 0, or NULL with the error set. */
HANDLE k32_created(NTSTATUS status, HANDLE h);
/* Open*W and Open*A: NULL name is ERROR_INVALID_PARAMETER. */
typedef NTSTATUS NTAPI k32_open_fn(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
HANDLE k32_open_object(k32_open_fn *open, DWORD access, BOOL inherit, LPCWSTR name);
HANDLE k32_open_object_a(k32_open_fn *open, DWORD access, BOOL inherit, LPCSTR name);
/* Create*ExA for the Create*ExW calls shaped (sa, name, flags, access). */
typedef HANDLE WINAPI k32_create_ex_fn(LPSECURITY_ATTRIBUTES, LPCWSTR, DWORD, DWORD);
HANDLE k32_create_object_a(k32_create_ex_fn *create, LPSECURITY_ATTRIBUTES sa, LPCSTR name,
			   DWORD flags, DWORD access);

/* overlapped.c: the I/O APC that calls an LPOVERLAPPED_COMPLETION_ROUTINE
 * (the routine is the APC's context, the OVERLAPPED its IO_STATUS_BLOCK). */
void WINAPI k32_io_completion_apc(void *routine, IO_STATUS_BLOCK *io, ULONG reserved);

/* process.c */
extern char *k32_command_line_a;
void k32_init_command_line(void);
/* console_ctrl.c: tells the supervisor where CtrlRoutine is. */
void k32_init_console_ctrl(void);
/* console_screen.c: bytes WriteFile wrote, for the screen model when h is
 * a console handle it knows. */
void k32_console_wrote(HANDLE h, const void *buf, DWORD n);

/* thread_actctx.c: with an activation context active, a new thread of
 * this process starts through a thunk that activates it; *routine and
 * *arg are replaced (TRUE).  _cancel frees what a thread never started
 * with. */
BOOL k32_thread_start_in_actctx(LPTHREAD_START_ROUTINE *routine, void **arg);
void k32_thread_start_cancel(void *arg);

#endif
