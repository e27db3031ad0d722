/*
 * Toolhelp snapshots: CreateToolhelp32Snapshot copies the process and
 * thread lists (NtQuerySystemInformation(SystemProcessInformation)) and a
 * process's modules (its PEB->Ldr, read with NtReadVirtualMemory) into a
 * section, as Windows does; the handle is that section's, and the
 * Process32/Thread32/Module32 walks keep their places in it.
 */
#include "k32_private.h"
#include "toolhelp.h"

#define MAX_MODULES 1024
#define SPI_THREAD_SIZE 0x50

NTSTATUS NTAPI NtCreateSection(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PLARGE_INTEGER, ULONG,
			       ULONG, HANDLE);
NTSTATUS NTAPI NtMapViewOfSection(HANDLE, HANDLE, PVOID *, ULONG_PTR, SIZE_T, PLARGE_INTEGER,
				  PSIZE_T, DWORD, ULONG, ULONG);
NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE, PVOID);
NTSTATUS NTAPI NtOpenProcess(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, CLIENT_ID *);

struct snap_lists {
	struct th_process *procs;
	struct th_thread *threads;
	struct th_module *mods;
	DWORD nproc, nthread, nmod;
};

/* The SystemProcessInformation list (heap; free with k32_free). */
static BYTE *system_processes(NTSTATUS *st)
{
	ULONG size = 0x4000, need = 0;
	BYTE *buf;

	for (;;) {
		if (!(buf = RtlAllocateHeap(k32_heap(), 0, size))) {
			*st = STATUS_NO_MEMORY;
			return NULL;
		}
		*st = NtQuerySystemInformation(SystemProcessInformation, buf, size, &need);
		if (*st != STATUS_INFO_LENGTH_MISMATCH)
			break;
		k32_free(buf);
		size = need + 0x1000;
	}
	if (*st < 0) {
		k32_free(buf);
		return NULL;
	}
	return buf;
}

static void take_process(struct th_process *out, const BYTE *e)
{
	const UNICODE_STRING *name = (const UNICODE_STRING *)(e + 0x38);
	DWORD n = name->Length / 2 < MAX_PATH - 1 ? name->Length / 2 : MAX_PATH - 1;

	memset(out, 0, sizeof(*out));
	out->pid = (DWORD)*(const ULONG_PTR *)(e + 0x50);
	out->parent = (DWORD)*(const ULONG_PTR *)(e + 0x58);
	out->threads = *(const ULONG *)(e + 0x04);
	out->priority = *(const LONG *)(e + 0x48);
	if (name->Buffer)
		memcpy(out->name, name->Buffer, n * 2);
}

static void take_thread(struct th_thread *out, const BYTE *t)
{
	out->tid = (DWORD)*(const ULONG_PTR *)(t + 0x30);
	out->owner = (DWORD)*(const ULONG_PTR *)(t + 0x28);
	out->base_priority = *(const LONG *)(t + 0x3C);
	out->delta_priority = *(const LONG *)(t + 0x38) - out->base_priority;
}

/* Counts first (walk 0), then copies (walk 1). */
static NTSTATUS take_system(struct snap_lists *l, DWORD flags)
{
	NTSTATUS st;
	BYTE *buf = system_processes(&st);

	if (!buf)
		return st;
	for (int walk = 0; walk < 2; walk++) {
		DWORD np = 0, nt = 0;

		for (BYTE *e = buf;; e += *(ULONG *)e) {
			ULONG threads = *(ULONG *)(e + 4);

			if (walk && (flags & TH32CS_SNAPPROCESS))
				take_process(&l->procs[np], e);
			for (ULONG i = 0; walk && (flags & TH32CS_SNAPTHREAD) && i < threads; i++)
				take_thread(&l->threads[nt + i], e + 0x100 + i * SPI_THREAD_SIZE);
			np++;
			nt += threads;
			if (!*(ULONG *)e)
				break;
		}
		if (!walk) {
			l->nproc = flags & TH32CS_SNAPPROCESS ? np : 0;
			l->nthread = flags & TH32CS_SNAPTHREAD ? nt : 0;
			l->procs = RtlAllocateHeap(k32_heap(), 0, l->nproc * sizeof(*l->procs) + 1);
			l->threads = RtlAllocateHeap(k32_heap(), 0, l->nthread * sizeof(*l->threads) + 1);
			if (!l->procs || !l->threads) {
				k32_free(buf);
				return STATUS_NO_MEMORY;
			}
		}
	}
	k32_free(buf);
	return STATUS_SUCCESS;
}

static BOOL read_remote(HANDLE process, const void *addr, void *buf, SIZE_T size)
{
	SIZE_T done = 0;

	return NtReadVirtualMemory(process, (PVOID)addr, buf, size, &done) >= 0 && done == size;
}

/* A UNICODE_STRING of the other process into out (chars room, ended). */
static void read_remote_name(HANDLE process, const BYTE *us, WCHAR *out, DWORD room)
{
	USHORT len = *(const USHORT *)us;
	const void *buf = *(void *const *)(us + 8);

	if (len / 2 >= room)
		len = (USHORT)((room - 1) * 2);
	if (!buf || !read_remote(process, buf, out, len))
		len = 0;
	out[len / 2] = 0;
}

/* One LDR_DATA_TABLE_ENTRY at entry (InLoadOrderLinks first). */
static void take_module(struct th_module *m, HANDLE process, DWORD pid, const BYTE *entry)
{
	memset(m, 0, sizeof(*m));
	m->pid = pid;
	m->base = *(BYTE *const *)(entry + 0x30);
	m->size = *(const ULONG *)(entry + 0x40);
	read_remote_name(process, entry + 0x48, m->path, MAX_PATH);
	read_remote_name(process, entry + 0x58, m->name, MAX_MODULE_NAME32 + 1);
}

/* The modules of process in load order, walking its PEB->Ldr. */
static NTSTATUS take_modules(struct snap_lists *l, HANDLE process, DWORD pid)
{
	PROCESS_BASIC_INFORMATION pbi;
	BYTE *ldr, *head, *link, entry[0x68];
	NTSTATUS st;

	st = NtQueryInformationProcess(process, ProcessBasicInformation, &pbi, sizeof(pbi), NULL);
	if (st < 0)
		return st;
	if (!(l->mods = RtlAllocateHeap(k32_heap(), 0, MAX_MODULES * sizeof(*l->mods))))
		return STATUS_NO_MEMORY;
	if (!read_remote(process, (BYTE *)pbi.PebBaseAddress + 0x18, &ldr, sizeof(ldr)) || !ldr)
		return STATUS_PARTIAL_COPY; /* not loaded yet: Windows says ERROR_PARTIAL_COPY */
	head = ldr + 0x10;
	if (!read_remote(process, head, &link, sizeof(link)))
		return STATUS_PARTIAL_COPY;
	while (link && link != head && l->nmod < MAX_MODULES) {
		if (!read_remote(process, link, entry, sizeof(entry)))
			return STATUS_PARTIAL_COPY;
		take_module(&l->mods[l->nmod++], process, pid, entry);
		link = *(BYTE **)entry;
	}
	return STATUS_SUCCESS;
}

static NTSTATUS take_process_modules(struct snap_lists *l, DWORD pid)
{
	OBJECT_ATTRIBUTES oa = { sizeof(oa) };
	CLIENT_ID cid = { (HANDLE)(ULONG_PTR)pid, 0 };
	HANDLE process;
	NTSTATUS st;

	if (!pid)
		return take_modules(l, GetCurrentProcess(), GetCurrentProcessId());
	st = NtOpenProcess(&process, PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, &oa, &cid);
	if (st < 0)
		return st;
	st = take_modules(l, process, pid);
	NtClose(process);
	return st;
}

static void put_list(BYTE *view, DWORD *off, DWORD *count, const void *items, DWORD n,
		     SIZE_T item_size)
{
	*count = n;
	if (n)
		memcpy(view + *off, items, n * item_size);
	*off += (DWORD)(n * item_size);
}

/* The section holding the lists. */
static NTSTATUS make_section(const struct snap_lists *l, HANDLE *out)
{
	struct th_header *h;
	LARGE_INTEGER size;
	SIZE_T view_size = 0;
	void *view = NULL;
	DWORD off = sizeof(*h);
	NTSTATUS st;

	size.QuadPart = sizeof(*h) + l->nproc * sizeof(struct th_process) +
			l->nthread * sizeof(struct th_thread) + l->nmod * sizeof(struct th_module);
	st = NtCreateSection(out, SECTION_ALL_ACCESS, NULL, &size, PAGE_READWRITE, SEC_COMMIT, NULL);
	if (st < 0)
		return st;
	st = NtMapViewOfSection(*out, GetCurrentProcess(), &view, 0, 0, NULL, &view_size, 2, 0,
				PAGE_READWRITE);
	if (st < 0) {
		NtClose(*out);
		return st;
	}
	h = view;
	h->proc_off = off;
	put_list(view, &off, &h->nproc, l->procs, l->nproc, sizeof(struct th_process));
	h->thread_off = off;
	put_list(view, &off, &h->nthread, l->threads, l->nthread, sizeof(struct th_thread));
	h->mod_off = off;
	put_list(view, &off, &h->nmod, l->mods, l->nmod, sizeof(struct th_module));
	NtUnmapViewOfSection(GetCurrentProcess(), view);
	return STATUS_SUCCESS;
}

static NTSTATUS take_all(struct snap_lists *l, DWORD flags, DWORD pid)
{
	NTSTATUS st = STATUS_SUCCESS;

	if (flags & (TH32CS_SNAPPROCESS | TH32CS_SNAPTHREAD))
		st = take_system(l, flags);
	if (st >= 0 && (flags & (TH32CS_SNAPMODULE | TH32CS_SNAPMODULE32)))
		st = take_process_modules(l, pid);
	return st;
}

K32API HANDLE WINAPI CreateToolhelp32Snapshot(DWORD flags, DWORD pid)
{
	struct snap_lists l = { 0 };
	HANDLE section = INVALID_HANDLE_VALUE;
	NTSTATUS st = take_all(&l, flags, pid);

	if (st >= 0)
		st = make_section(&l, &section);
	k32_free(l.procs);
	k32_free(l.threads);
	k32_free(l.mods);
	if (st < 0) {
		k32_fail(st);
		return INVALID_HANDLE_VALUE;
	}
	if (flags & TH32CS_INHERIT)
		SetHandleInformation(section, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
	return section;
}
