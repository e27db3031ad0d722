/*
 * Walking a toolhelp snapshot (toolhelp.c makes it): Process32First/Next,
 * Thread32First/Next, Module32First/Next in their ANSI and wide forms.
 * The caller's dwSize must cover the structure; the end of a list is
 * ERROR_NO_MORE_FILES.
 */
#include "k32_private.h"
#include "toolhelp.h"

NTSTATUS NTAPI NtMapViewOfSection(HANDLE, HANDLE, PVOID *, ULONG_PTR, SIZE_T, PLARGE_INTEGER,
				  PSIZE_T, DWORD, ULONG, ULONG);
NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE, PVOID);

static const SIZE_T item_sizes[3] = { sizeof(struct th_process), sizeof(struct th_thread),
				      sizeof(struct th_module) };

/* The first (or next) item of the list into item; FALSE with the error. */
static BOOL walk(HANDLE snap, enum th_list which, BOOL first, void *item)
{
	struct th_header *h;
	SIZE_T size = 0;
	void *view = NULL;
	DWORD count, off;
	NTSTATUS st;
	BOOL ok = FALSE;

	st = NtMapViewOfSection(snap, GetCurrentProcess(), &view, 0, 0, NULL, &size, 2, 0,
				PAGE_READWRITE);
	if (st < 0)
		return k32_fail(st == STATUS_OBJECT_TYPE_MISMATCH ? STATUS_INVALID_HANDLE : st);
	h = view;
	count = which == TH_PROCESSES ? h->nproc : which == TH_THREADS ? h->nthread : h->nmod;
	off = which == TH_PROCESSES ? h->proc_off : which == TH_THREADS ? h->thread_off : h->mod_off;
	if (first)
		h->pos[which] = 0;
	if (h->pos[which] < count && off + (h->pos[which] + 1) * item_sizes[which] <= size) {
		memcpy(item, (BYTE *)view + off + h->pos[which]++ * item_sizes[which],
		       item_sizes[which]);
		ok = TRUE;
	}
	NtUnmapViewOfSection(GetCurrentProcess(), view);
	return ok ? TRUE : k32_error(ERROR_NO_MORE_FILES);
}

static BOOL size_ok(DWORD given, SIZE_T need)
{
	return given >= need ? TRUE : k32_error(ERROR_BAD_LENGTH);
}

static BOOL process_w(HANDLE snap, PROCESSENTRY32W *pe, BOOL first)
{
	struct th_process p;

	if (!size_ok(pe->dwSize, sizeof(*pe)) || !walk(snap, TH_PROCESSES, first, &p))
		return FALSE;
	pe->cntUsage = 0;
	pe->th32ProcessID = p.pid;
	pe->th32DefaultHeapID = 0;
	pe->th32ModuleID = 0;
	pe->cntThreads = p.threads;
	pe->th32ParentProcessID = p.parent;
	pe->pcPriClassBase = p.priority;
	pe->dwFlags = 0;
	memcpy(pe->szExeFile, p.name, sizeof(pe->szExeFile));
	return TRUE;
}

static BOOL process_a(HANDLE snap, PROCESSENTRY32 *pe, BOOL first)
{
	PROCESSENTRY32W w;

	if (!size_ok(pe->dwSize, sizeof(*pe)))
		return FALSE;
	w.dwSize = sizeof(w);
	if (!process_w(snap, &w, first))
		return FALSE;
	memcpy(pe, &w, offsetof(PROCESSENTRY32, szExeFile));
	pe->dwSize = sizeof(*pe);
	k32_w_to_a(w.szExeFile, wcslen(w.szExeFile), pe->szExeFile);
	return TRUE;
}

K32API BOOL WINAPI Process32FirstW(HANDLE snap, LPPROCESSENTRY32W pe)
{
	return process_w(snap, pe, TRUE);
}

K32API BOOL WINAPI Process32NextW(HANDLE snap, LPPROCESSENTRY32W pe)
{
	return process_w(snap, pe, FALSE);
}

K32API BOOL WINAPI Process32First(HANDLE snap, LPPROCESSENTRY32 pe)
{
	return process_a(snap, pe, TRUE);
}

K32API BOOL WINAPI Process32Next(HANDLE snap, LPPROCESSENTRY32 pe)
{
	return process_a(snap, pe, FALSE);
}

static BOOL thread_entry(HANDLE snap, THREADENTRY32 *te, BOOL first)
{
	struct th_thread t;

	if (!size_ok(te->dwSize, sizeof(*te)) || !walk(snap, TH_THREADS, first, &t))
		return FALSE;
	te->cntUsage = 0;
	te->th32ThreadID = t.tid;
	te->th32OwnerProcessID = t.owner;
	te->tpBasePri = t.base_priority;
	te->tpDeltaPri = t.delta_priority;
	te->dwFlags = 0;
	return TRUE;
}

K32API BOOL WINAPI Thread32First(HANDLE snap, LPTHREADENTRY32 te)
{
	return thread_entry(snap, te, TRUE);
}

K32API BOOL WINAPI Thread32Next(HANDLE snap, LPTHREADENTRY32 te)
{
	return thread_entry(snap, te, FALSE);
}

static BOOL module_w(HANDLE snap, MODULEENTRY32W *me, BOOL first)
{
	struct th_module m;

	if (!size_ok(me->dwSize, sizeof(*me)) || !walk(snap, TH_MODULES, first, &m))
		return FALSE;
	me->th32ModuleID = 1; /* documented as no longer used: always 1 */
	me->th32ProcessID = m.pid;
	me->GlblcntUsage = 0xFFFF;
	me->ProccntUsage = 0xFFFF;
	me->modBaseAddr = m.base;
	me->modBaseSize = m.size;
	me->hModule = (HMODULE)m.base;
	memcpy(me->szModule, m.name, sizeof(me->szModule));
	memcpy(me->szExePath, m.path, sizeof(me->szExePath));
	return TRUE;
}

static BOOL module_a(HANDLE snap, MODULEENTRY32 *me, BOOL first)
{
	MODULEENTRY32W w;

	if (!size_ok(me->dwSize, sizeof(*me)))
		return FALSE;
	w.dwSize = sizeof(w);
	if (!module_w(snap, &w, first))
		return FALSE;
	memcpy(me, &w, offsetof(MODULEENTRY32, szModule));
	me->dwSize = sizeof(*me);
	k32_w_to_a(w.szModule, wcslen(w.szModule), me->szModule);
	k32_w_to_a(w.szExePath, wcslen(w.szExePath), me->szExePath);
	return TRUE;
}

K32API BOOL WINAPI Module32FirstW(HANDLE snap, LPMODULEENTRY32W me)
{
	return module_w(snap, me, TRUE);
}

K32API BOOL WINAPI Module32NextW(HANDLE snap, LPMODULEENTRY32W me)
{
	return module_w(snap, me, FALSE);
}

K32API BOOL WINAPI Module32First(HANDLE snap, LPMODULEENTRY32 me)
{
	return module_a(snap, me, TRUE);
}

K32API BOOL WINAPI Module32Next(HANDLE snap, LPMODULEENTRY32 me)
{
	return module_a(snap, me, FALSE);
}
