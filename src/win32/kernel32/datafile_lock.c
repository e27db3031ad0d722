/*
 * LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE: while its view lives, the file stays
 * open without write sharing, so that nobody writes it under the view (a
 * writer gets ERROR_SHARING_VIOLATION; readers, and a DELETE, may open
 * it), as Windows keeps it; FreeLibrary of the view lets it go.
 */
#include "k32_private.h"

#define MemoryMappedFilenameInformation 2
#define NAME_ROOM 1024
#define MAX_LOCKED 64

static struct { void *view; HANDLE file; } locked[MAX_LOCKED];
static RTL_SRWLOCK lock = RTL_SRWLOCK_INIT;

/* The file the view maps, opened as the exclusive load keeps it. */
static HANDLE open_mapped_file(void *view)
{
	struct { UNICODE_STRING s; WCHAR name[NAME_ROOM]; } info;
	OBJECT_ATTRIBUTES oa;
	IO_STATUS_BLOCK io;
	HANDLE h;

	if (NtQueryVirtualMemory(GetCurrentProcess(), view, MemoryMappedFilenameInformation, &info,
				 sizeof(info), NULL) < 0)
		return NULL;
	InitializeObjectAttributes(&oa, &info.s, OBJ_CASE_INSENSITIVE, NULL, NULL);
	if (NtOpenFile(&h, GENERIC_READ | SYNCHRONIZE, &oa, &io, FILE_SHARE_READ | FILE_SHARE_DELETE,
		       FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE) < 0)
		return NULL;
	return h;
}

void k32_datafile_lock(void *view)
{
	HANDLE h = open_mapped_file(view);

	if (!h)
		return; /* the view stays usable; only the file is not held */
	RtlAcquireSRWLockExclusive(&lock);
	for (unsigned i = 0; i < MAX_LOCKED; i++)
		if (!locked[i].view) {
			locked[i].view = view;
			locked[i].file = h;
			h = NULL;
			break;
		}
	RtlReleaseSRWLockExclusive(&lock);
	if (h)
		NtClose(h);
}

void k32_datafile_unlock(void *view)
{
	HANDLE h = NULL;

	RtlAcquireSRWLockExclusive(&lock);
	for (unsigned i = 0; i < MAX_LOCKED; i++)
		if (locked[i].view == view) {
			h = locked[i].file;
			locked[i].view = NULL;
			break;
		}
	RtlReleaseSRWLockExclusive(&lock);
	if (h)
		NtClose(h);
}
