/* Accelerator tables: created from ACCEL arrays or RT_ACCELERATOR
 * resources, copied out, destroyed.  A console program has no window to
 * translate keys for, so TranslateAccelerator stays a stub; the tables
 * themselves are plain data programs build and read back.  Handles index
 * a table of their own (a hostile or stale HACCEL is refused, never
 * dereferenced); fVirt keeps its low seven bits, as on Windows. */
#include "user32_private.h"

#define FVIRT_MASK 0x7f
/* The last entry of an RT_ACCELERATOR resource has this flag. */
#define RES_LAST_ENTRY 0x80
#define MAX_TABLES 4096

struct accel_table {
	int count;
	ACCEL entries[];
};

/* The handle of table i is ((i + 1) << 2): never 0, never a pointer. */
static struct accel_table *tables[MAX_TABLES];
static SRWLOCK tables_lock = SRWLOCK_INIT;

static HACCEL table_add(struct accel_table *t)
{
	HACCEL h = NULL;

	AcquireSRWLockExclusive(&tables_lock);
	for (int i = 0; i < MAX_TABLES; i++)
		if (!tables[i]) {
			tables[i] = t;
			h = (HACCEL)(ULONG_PTR)((i + 1) << 2);
			break;
		}
	ReleaseSRWLockExclusive(&tables_lock);
	if (!h) {
		HeapFree(GetProcessHeap(), 0, t);
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	}
	return h;
}

static int table_index(HACCEL h)
{
	ULONG_PTR v = (ULONG_PTR)h;

	if (!v || v & 3 || (v >> 2) > MAX_TABLES)
		return -1;
	return (int)(v >> 2) - 1;
}

static struct accel_table *table_new(int count)
{
	struct accel_table *t;

	if (count <= 0) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	t = HeapAlloc(GetProcessHeap(), 0, sizeof(*t) + count * sizeof(ACCEL));
	if (!t) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	t->count = count;
	return t;
}

/* A character key of the A functions is a byte of the ANSI code page. */
static WORD key_from_ansi(const ACCEL *a)
{
	char c = (char)a->key;
	WCHAR w;

	if (a->fVirt & FVIRTKEY || a->key > 0xff)
		return a->key;
	return MultiByteToWideChar(CP_ACP, 0, &c, 1, &w, 1) ? w : a->key;
}

static WORD key_to_ansi(const ACCEL *a)
{
	WCHAR w = a->key;
	char c;

	if (a->fVirt & FVIRTKEY || a->key < 0x80)
		return a->key;
	return WideCharToMultiByte(CP_ACP, 0, &w, 1, &c, 1, NULL, NULL) ? (BYTE)c : a->key;
}

static HACCEL create(const ACCEL *in, int count, BOOL ansi)
{
	struct accel_table *t = table_new(count);

	if (!t)
		return NULL;
	for (int i = 0; i < count; i++) {
		t->entries[i].fVirt = in[i].fVirt & FVIRT_MASK;
		t->entries[i].key = ansi ? key_from_ansi(&in[i]) : in[i].key;
		t->entries[i].cmd = in[i].cmd;
	}
	return table_add(t);
}

HACCEL WINAPI CreateAcceleratorTableW(LPACCEL in, int count)
{
	return create(in, count, FALSE);
}

HACCEL WINAPI CreateAcceleratorTableA(LPACCEL in, int count)
{
	return create(in, count, TRUE);
}

/* With no buffer, the number of entries; else the number copied. */
static int copy(HACCEL h, ACCEL *out, int count, BOOL ansi)
{
	int i = table_index(h), n = 0;
	struct accel_table *t;

	AcquireSRWLockShared(&tables_lock);
	t = i >= 0 ? tables[i] : NULL;
	if (!t)
		SetLastError(ERROR_INVALID_ACCEL_HANDLE);
	else if (!out)
		n = t->count;
	else
		for (; n < count && n < t->count; n++) {
			out[n] = t->entries[n];
			if (ansi)
				out[n].key = key_to_ansi(&t->entries[n]);
		}
	ReleaseSRWLockShared(&tables_lock);
	return n;
}

int WINAPI CopyAcceleratorTableW(HACCEL h, LPACCEL out, int count)
{
	return copy(h, out, count, FALSE);
}

int WINAPI CopyAcceleratorTableA(HACCEL h, LPACCEL out, int count)
{
	return copy(h, out, count, TRUE);
}

BOOL WINAPI DestroyAcceleratorTable(HACCEL h)
{
	int i = table_index(h);
	struct accel_table *t = NULL;

	AcquireSRWLockExclusive(&tables_lock);
	if (i >= 0) {
		t = tables[i];
		tables[i] = NULL;
	}
	ReleaseSRWLockExclusive(&tables_lock);
	if (!t) {
		SetLastError(ERROR_INVALID_ACCEL_HANDLE);
		return FALSE;
	}
	HeapFree(GetProcessHeap(), 0, t);
	return TRUE;
}

/* An RT_ACCELERATOR resource: 8-byte entries (flags, key, command,
 * padding), the last one flagged. */
struct accel_resource_entry {
	WORD flags, key, cmd, pad;
};

HACCEL WINAPI LoadAcceleratorsW(HINSTANCE module, LPCWSTR name)
{
	HRSRC res = FindResourceW(module, name, (LPCWSTR)RT_ACCELERATOR);
	const struct accel_resource_entry *e;
	struct accel_table *t;
	DWORD max;
	int n = 0;

	if (!res || !(e = LockResource(LoadResource(module, res))))
		return NULL;
	max = SizeofResource(module, res) / sizeof(*e);
	while ((DWORD)n < max && !(e[n++].flags & RES_LAST_ENTRY))
		;
	if (!(t = table_new(n)))
		return NULL;
	for (int i = 0; i < n; i++) {
		t->entries[i].fVirt = (BYTE)(e[i].flags & FVIRT_MASK);
		t->entries[i].key = e[i].key;
		t->entries[i].cmd = e[i].cmd;
	}
	return table_add(t);
}

HACCEL WINAPI LoadAcceleratorsA(HINSTANCE module, LPCSTR name)
{
	WCHAR wide[256];

	if (IS_INTRESOURCE(name))
		return LoadAcceleratorsW(module, (LPCWSTR)name);
	if (!MultiByteToWideChar(CP_ACP, 0, name, -1, wide, ARRAYSIZE(wide))) {
		SetLastError(ERROR_RESOURCE_NAME_NOT_FOUND);
		return NULL;
	}
	return LoadAcceleratorsW(module, wide);
}
