/*
 * CreateProcessW/A: the image is found by the documented search rules
 * (process_search.c), the parameters are built by
 * RtlCreateProcessParametersEx, and NtCreateUserProcess makes the process
 * with an attribute list naming the image, asking for the client id and
 * saying how the standard handles travel: with STARTF_USESTDHANDLES the
 * values given (they must be inherited to mean anything), else the
 * parent's own, duplicated into the child when it does not inherit them.
 * CreateProcessAsUser is here too (advapi32's forwards to it): the
 * headers say advapi32 defines it, hence _ADVAPI32_.
 */
#define _ADVAPI32_
#include "k32_private.h"
#include "process_create.h"

#define PS_ATTRIBUTE_CLIENT_ID 0x10003
#define PS_ATTRIBUTE_IMAGE_NAME 0x20005
#define PS_ATTRIBUTE_STD_HANDLE_INFO 0x2000A
#define PS_ATTRIBUTE_HANDLE_LIST 0x2000B
#define PS_ATTRIBUTE_DEBUG_OBJECT 0x60001
#define PS_ATTRIBUTE_PARENT_PROCESS 0x60000
#define PS_ATTRIBUTE_TOKEN 0x60002
#define PROCESS_CREATE_FLAGS_BREAKAWAY 0x1
#define PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT 0x2
#define PROCESS_CREATE_FLAGS_INHERIT_HANDLES 0x4
#define THREAD_CREATE_FLAGS_CREATE_SUSPENDED 0x1
#define PS_REQUEST_DUPLICATE 1
#define LSW_PARAMS_NORMALIZED 1

typedef struct PS_ATTRIBUTE {
	ULONG_PTR Attribute;
	SIZE_T Size;
	ULONG_PTR Value;
	PSIZE_T ReturnLength;
} PS_ATTRIBUTE;

typedef struct PS_ATTRIBUTE_LIST {
	SIZE_T TotalLength;
	PS_ATTRIBUTE Attributes[8]; /* all the attributes create() may set */
} PS_ATTRIBUTE_LIST;

typedef struct PS_CREATE_INFO {
	SIZE_T Size;
	ULONG State;
	BYTE Rest[0x58 - 12];
} PS_CREATE_INFO;
_Static_assert(sizeof(PS_CREATE_INFO) == 0x58, "x64 size");

typedef struct PS_STD_HANDLE_INFO {
	ULONG Flags;
	ULONG StdHandleSubsystemType;
} PS_STD_HANDLE_INFO;

NTSTATUS NTAPI DbgUiConnectToDbg(void);
HANDLE NTAPI DbgUiGetThreadDebugObject(void);
NTSTATUS NTAPI NtCreateUserProcess(PHANDLE, PHANDLE, ACCESS_MASK, ACCESS_MASK,
				   POBJECT_ATTRIBUTES, POBJECT_ATTRIBUTES, ULONG, ULONG,
				   LSW_PROCESS_PARAMETERS *, PS_CREATE_INFO *, PS_ATTRIBUTE_LIST *);
NTSTATUS NTAPI RtlCreateProcessParametersEx(LSW_PROCESS_PARAMETERS **, PUNICODE_STRING,
					    PUNICODE_STRING, PUNICODE_STRING, PUNICODE_STRING,
					    PWSTR, PUNICODE_STRING, PUNICODE_STRING,
					    PUNICODE_STRING, PUNICODE_STRING, ULONG);
NTSTATUS NTAPI RtlDestroyProcessParameters(LSW_PROCESS_PARAMETERS *);
NTSTATUS NTAPI NtAssignProcessToJobObject(HANDLE, HANDLE);
NTSTATUS NTAPI NtResumeThread(HANDLE, PULONG);

#define PROC_THREAD_ATTRIBUTE_JOB_LIST_K32 0x0002000D

/* What one CreateProcessW needs besides its arguments. */
struct create {
	WCHAR image[K32_PATH_MAX], curdir[K32_PATH_MAX];
	UNICODE_STRING nt_image;
	WCHAR *env;                  /* converted from ANSI, or NULL */
	const HANDLE *handle_list;   /* PROC_THREAD_ATTRIBUTE_HANDLE_LIST */
	SIZE_T handle_list_size;
	const HANDLE *job_list;      /* PROC_THREAD_ATTRIBUTE_JOB_LIST */
	SIZE_T job_list_size;
	const HANDLE *parent;        /* PROC_THREAD_ATTRIBUTE_PARENT_PROCESS */
	HANDLE token;                /* CreateProcessAsUser's primary token, or NULL */
};

/* An ANSI environment block as UTF-16 (heap). */
static WCHAR *env_a_to_w(const char *env)
{
	SIZE_T n = 0;
	WCHAR *w;

	while (env[n] || env[n + 1])
		n++;
	n += 2;
	if (!(w = RtlAllocateHeap(k32_heap(), 0, n * sizeof(WCHAR))))
		return NULL;
	MultiByteToWideChar(CP_ACP, 0, env, (int)n, w, (int)n); /* single-byte: n to n */
	return w;
}

/* The current directory the child starts in, in full, checked. */
static DWORD child_directory(const WCHAR *given, WCHAR *out)
{
	DWORD a;

	if (!given) {
		RtlGetCurrentDirectory_U(K32_PATH_MAX * sizeof(WCHAR), out);
		return 0;
	}
	if (!GetFullPathNameW(given, K32_PATH_MAX, out, NULL))
		return ERROR_DIRECTORY;
	a = GetFileAttributesW(out);
	return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY) ? 0 : ERROR_DIRECTORY;
}

static void init_ustr(UNICODE_STRING *s, const WCHAR *w)
{
	SIZE_T n = w ? wcslen(w) * sizeof(WCHAR) : 0;

	s->Length = (USHORT)n;
	s->MaximumLength = (USHORT)(w ? n + sizeof(WCHAR) : 0);
	s->Buffer = (WCHAR *)w;
}

/* The parameter block: strings, window fields, standard handles. */
static NTSTATUS make_params(struct create *cr, const WCHAR *cmdline, const WCHAR *env,
			    DWORD flags, const STARTUPINFOW *si, LSW_PROCESS_PARAMETERS **pp)
{
	UNICODE_STRING image, dir, cmd, title, desktop, runtime = { 0 };
	LSW_PROCESS_PARAMETERS *self = lsw_params(), *p;
	NTSTATUS st;

	init_ustr(&image, cr->image);
	init_ustr(&dir, cr->curdir);
	init_ustr(&cmd, cmdline);
	init_ustr(&title, si->lpTitle ? si->lpTitle : cr->image);
	init_ustr(&desktop, si->lpDesktop ? si->lpDesktop : L"");
	if (si->cbReserved2 && si->lpReserved2) {
		runtime.Buffer = (WCHAR *)si->lpReserved2;
		runtime.Length = runtime.MaximumLength = si->cbReserved2;
	}
	st = RtlCreateProcessParametersEx(pp, &image, NULL, &dir, &cmd, (WCHAR *)env, &title,
					  &desktop, NULL, &runtime, LSW_PARAMS_NORMALIZED);
	if (st < 0)
		return st;
	p = *pp;
	if (flags & CREATE_NEW_PROCESS_GROUP) {
		p->ProcessGroupId = 0; /* its own: the supervisor makes it its pid */
		p->ConsoleFlags |= 1;  /* Ctrl-C ignored, as documented */
	}
	p->WindowFlags = si->dwFlags;
	p->ShowWindowFlags = si->wShowWindow;
	p->StartingX = si->dwX;
	p->StartingY = si->dwY;
	p->CountX = si->dwXSize;
	p->CountY = si->dwYSize;
	p->CountCharsX = si->dwXCountChars;
	p->CountCharsY = si->dwYCountChars;
	p->FillAttribute = si->dwFillAttribute;
	if (si->dwFlags & STARTF_USESTDHANDLES) {
		p->StandardInput = si->hStdInput;
		p->StandardOutput = si->hStdOutput;
		p->StandardError = si->hStdError;
	} else if (!(flags & DETACHED_PROCESS)) {
		p->StandardInput = self->StandardInput;
		p->StandardOutput = self->StandardOutput;
		p->StandardError = self->StandardError;
	}
	return STATUS_SUCCESS;
}

static void set_attr(PS_ATTRIBUTE *a, ULONG_PTR attr, SIZE_T size, ULONG_PTR value)
{
	a->Attribute = attr;
	a->Size = size;
	a->Value = value;
	a->ReturnLength = NULL;
}

/* NtCreateUserProcess with the attribute list of this request. */
static NTSTATUS create_user_process(struct create *cr, LSW_PROCESS_PARAMETERS *pp,
				    const SECURITY_ATTRIBUTES *psa, const SECURITY_ATTRIBUTES *tsa,
				    BOOL inherit, DWORD flags, const STARTUPINFOW *si,
				    PROCESS_INFORMATION *pi)
{
	PS_STD_HANDLE_INFO std = { (si->dwFlags & STARTF_USESTDHANDLES) ? 0 : PS_REQUEST_DUPLICATE, 3 };
	OBJECT_ATTRIBUTES poa, toa;
	PS_ATTRIBUTE_LIST list;
	PS_CREATE_INFO info = { sizeof(info) };
	CLIENT_ID cid = { 0 };
	ULONG n = 0;
	NTSTATUS st;

	InitializeObjectAttributes(&poa, NULL, psa && psa->bInheritHandle ? OBJ_INHERIT : 0, NULL, NULL);
	InitializeObjectAttributes(&toa, NULL, tsa && tsa->bInheritHandle ? OBJ_INHERIT : 0, NULL, NULL);
	set_attr(&list.Attributes[n++], PS_ATTRIBUTE_IMAGE_NAME, cr->nt_image.Length,
		 (ULONG_PTR)cr->nt_image.Buffer);
	set_attr(&list.Attributes[n++], PS_ATTRIBUTE_CLIENT_ID, sizeof(cid), (ULONG_PTR)&cid);
	set_attr(&list.Attributes[n++], PS_ATTRIBUTE_STD_HANDLE_INFO, sizeof(std), (ULONG_PTR)&std);
	if (cr->handle_list)
		set_attr(&list.Attributes[n++], PS_ATTRIBUTE_HANDLE_LIST, cr->handle_list_size,
			 (ULONG_PTR)cr->handle_list);
	if (cr->parent)
		set_attr(&list.Attributes[n++], PS_ATTRIBUTE_PARENT_PROCESS, sizeof(HANDLE),
			 (ULONG_PTR)*cr->parent);
	if (cr->token)
		set_attr(&list.Attributes[n++], PS_ATTRIBUTE_TOKEN, sizeof(HANDLE),
			 (ULONG_PTR)cr->token);
	if (flags & (DEBUG_PROCESS | DEBUG_ONLY_THIS_PROCESS)) {
		/* the calling thread becomes the child's debugger */
		if ((st = DbgUiConnectToDbg()) < 0)
			return st;
		set_attr(&list.Attributes[n++], PS_ATTRIBUTE_DEBUG_OBJECT, sizeof(HANDLE),
			 (ULONG_PTR)DbgUiGetThreadDebugObject());
	}
	list.TotalLength = sizeof(SIZE_T) + n * sizeof(PS_ATTRIBUTE);
	st = NtCreateUserProcess(&pi->hProcess, &pi->hThread, PROCESS_ALL_ACCESS, THREAD_ALL_ACCESS,
				 &poa, &toa, (inherit ? PROCESS_CREATE_FLAGS_INHERIT_HANDLES : 0) |
				 (flags & CREATE_BREAKAWAY_FROM_JOB ? PROCESS_CREATE_FLAGS_BREAKAWAY : 0) |
				 (flags & DEBUG_ONLY_THIS_PROCESS ? PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT
								  : 0),
				 flags & CREATE_SUSPENDED ? THREAD_CREATE_FLAGS_CREATE_SUSPENDED : 0,
				 pp, &info, &list);
	if (st >= 0) {
		pi->dwProcessId = (DWORD)(ULONG_PTR)cid.UniqueProcess;
		pi->dwThreadId = (DWORD)(ULONG_PTR)cid.UniqueThread;
	}
	return st;
}

/* The attributes of an extended STARTUPINFO that CreateProcess uses. */
static void take_attribute_list(struct create *cr, const STARTUPINFOW *si, DWORD flags)
{
	const STARTUPINFOEXW *ex = (const STARTUPINFOEXW *)si;
	SIZE_T size;

	if (!(flags & EXTENDED_STARTUPINFO_PRESENT) || si->cb < sizeof(*ex) || !ex->lpAttributeList)
		return;
	cr->handle_list = k32_attribute_find(ex->lpAttributeList,
					     PROC_THREAD_ATTRIBUTE_HANDLE_LIST,
					     &cr->handle_list_size);
	cr->job_list = k32_attribute_find(ex->lpAttributeList, PROC_THREAD_ATTRIBUTE_JOB_LIST_K32,
					  &cr->job_list_size);
	cr->parent = k32_attribute_find(ex->lpAttributeList, PROC_THREAD_ATTRIBUTE_PARENT_PROCESS,
					&size);
}

/* The jobs of PROC_THREAD_ATTRIBUTE_JOB_LIST take the child before it
 * runs (it was made suspended for that); one that cannot ends it and the
 * creation fails with its status. */
static NTSTATUS join_jobs(const struct create *cr, PROCESS_INFORMATION *pi, DWORD flags)
{
	NTSTATUS st = STATUS_SUCCESS;

	for (SIZE_T i = 0; i < cr->job_list_size / sizeof(HANDLE) && st >= 0; i++)
		st = NtAssignProcessToJobObject(cr->job_list[i], pi->hProcess);
	if (st < 0) {
		NtTerminateProcess(pi->hProcess, st);
		NtClose(pi->hThread);
		NtClose(pi->hProcess);
	} else if (!(flags & CREATE_SUSPENDED)) {
		NtResumeThread(pi->hThread, NULL);
	}
	return st;
}

static BOOL create_w(struct create *cr, const WCHAR *app, WCHAR *cmdline,
		     SECURITY_ATTRIBUTES *psa, SECURITY_ATTRIBUTES *tsa, BOOL inherit,
		     DWORD flags, void *env, const WCHAR *dir, STARTUPINFOW *si,
		     PROCESS_INFORMATION *pi)
{
	LSW_PROCESS_PARAMETERS *pp;
	DWORD err;
	NTSTATUS st;

	if (!si || !pi)
		return k32_error(ERROR_INVALID_PARAMETER);
	/* a directory is checked first: a bad one fails before any search */
	if ((err = child_directory(dir, cr->curdir)) || (err = k32_find_image(app, cmdline, cr->image)))
		return k32_error(err);
	if (env && !(flags & CREATE_UNICODE_ENVIRONMENT) && !(env = cr->env = env_a_to_w(env)))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if ((st = k32_nt_path(cr->image, &cr->nt_image)) < 0)
		return k32_fail(st);
	take_attribute_list(cr, si, flags);
	st = make_params(cr, cmdline ? cmdline : app, env, flags, si, &pp);
	if (st >= 0) {
		st = create_user_process(cr, pp, psa, tsa, inherit,
					 flags | (cr->job_list ? CREATE_SUSPENDED : 0), si, pi);
		if (st >= 0 && cr->job_list)
			st = join_jobs(cr, pi, flags);
		RtlDestroyProcessParameters(pp);
	}
	return st < 0 ? k32_fail(st) : TRUE;
}

/* CreateProcessW run as the user of a primary token (NULL: the
 * caller's), the token's copy becoming the child's. */
K32API BOOL WINAPI CreateProcessAsUserW(HANDLE token, LPCWSTR app, LPWSTR cmdline,
					LPSECURITY_ATTRIBUTES psa, LPSECURITY_ATTRIBUTES tsa,
					BOOL inherit, DWORD flags, LPVOID env, LPCWSTR dir,
					LPSTARTUPINFOW si, LPPROCESS_INFORMATION pi)
{
	struct create *cr = RtlAllocateHeap(k32_heap(), HEAP_ZERO_MEMORY, sizeof(*cr));
	BOOL ok;

	if (!cr)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	cr->token = token;
	ok = create_w(cr, app, cmdline, psa, tsa, inherit, flags, env, dir, si, pi);
	if (!ok && pi)
		memset(pi, 0, sizeof(*pi)); /* a failure leaves no handles or ids behind */
	RtlFreeUnicodeString(&cr->nt_image);
	RtlFreeHeap(k32_heap(), 0, cr->env);
	RtlFreeHeap(k32_heap(), 0, cr);
	return ok;
}

K32API BOOL WINAPI CreateProcessW(LPCWSTR app, LPWSTR cmdline, LPSECURITY_ATTRIBUTES psa,
				  LPSECURITY_ATTRIBUTES tsa, BOOL inherit, DWORD flags, LPVOID env,
				  LPCWSTR dir, LPSTARTUPINFOW si, LPPROCESS_INFORMATION pi)
{
	return CreateProcessAsUserW(NULL, app, cmdline, psa, tsa, inherit, flags, env, dir, si, pi);
}

/* STARTUPINFOA as W: the strings converted (freed by the caller). */
static void startup_a_to_w(const STARTUPINFOA *a, STARTUPINFOEXW *w)
{
	memset(w, 0, sizeof(*w));
	memcpy(&w->StartupInfo, a, a->cb < sizeof(*a) ? sizeof(*a) : sizeof(w->StartupInfo));
	w->StartupInfo.lpReserved = NULL;
	w->StartupInfo.lpDesktop = a->lpDesktop ? k32_a_to_w(a->lpDesktop) : NULL;
	w->StartupInfo.lpTitle = a->lpTitle ? k32_a_to_w(a->lpTitle) : NULL;
	if (a->cb >= sizeof(STARTUPINFOEXA))
		w->lpAttributeList = ((const STARTUPINFOEXA *)a)->lpAttributeList;
	w->StartupInfo.cb = a->cb >= sizeof(STARTUPINFOEXA) ? sizeof(*w) : sizeof(w->StartupInfo);
}

K32API BOOL WINAPI CreateProcessAsUserA(HANDLE token, LPCSTR app, LPSTR cmdline,
					LPSECURITY_ATTRIBUTES psa, LPSECURITY_ATTRIBUTES tsa,
					BOOL inherit, DWORD flags, LPVOID env, LPCSTR dir,
					LPSTARTUPINFOA si, LPPROCESS_INFORMATION pi)
{
	WCHAR *wapp = app ? k32_a_to_w(app) : NULL, *wcmd = cmdline ? k32_a_to_w(cmdline) : NULL;
	WCHAR *wdir = dir ? k32_a_to_w(dir) : NULL;
	STARTUPINFOEXW wsi;
	BOOL ok;

	if (!si)
		return k32_error(ERROR_INVALID_PARAMETER);
	startup_a_to_w(si, &wsi);
	if ((app && !wapp) || (cmdline && !wcmd) || (dir && !wdir))
		ok = k32_error(ERROR_NOT_ENOUGH_MEMORY);
	else
		ok = CreateProcessAsUserW(token, wapp, wcmd, psa, tsa, inherit, flags, env, wdir,
					  &wsi.StartupInfo, pi);
	k32_free(wapp);
	k32_free(wcmd);
	k32_free(wdir);
	k32_free(wsi.StartupInfo.lpDesktop);
	k32_free(wsi.StartupInfo.lpTitle);
	return ok;
}

K32API BOOL WINAPI CreateProcessA(LPCSTR app, LPSTR cmdline, LPSECURITY_ATTRIBUTES psa,
				  LPSECURITY_ATTRIBUTES tsa, BOOL inherit, DWORD flags, LPVOID env,
				  LPCSTR dir, LPSTARTUPINFOA si, LPPROCESS_INFORMATION pi)
{
	return CreateProcessAsUserA(NULL, app, cmdline, psa, tsa, inherit, flags, env, dir, si, pi);
}
