/*
 * The event log files, in the documented "Event Log File Format": an
 * ELF_LOGFILE_HEADER, the EVENTLOGRECORDs oldest first (this log never
 * wraps), an ELF_EOF_RECORD.  ReadEventLog hands records out as they
 * stand in the file, and a backup is a copy of it.  A writer opens the
 * file unshared, so processes of the prefix append one at a time.
 */
#include "event_log_private.h"

#define ELF_SIGNATURE 0x654c664c /* "LfLe" */
#define ELF_MAX_SIZE (20u << 20) /* Windows' default MaxSize */

struct elf_header {
	ULONG HeaderSize, Signature, MajorVersion, MinorVersion, StartOffset, EndOffset;
	ULONG CurrentRecordNumber, OldestRecordNumber, MaxSize, Flags, Retention, EndHeaderSize;
};

struct elf_eof {
	ULONG RecordSizeBeginning, One, Two, Three, Four, BeginRecord, EndRecord;
	ULONG CurrentRecordNumber, OldestRecordNumber, RecordSizeEnd;
};

_Static_assert(sizeof(struct elf_header) == 0x30, "ELF_LOGFILE_HEADER is 0x30 bytes");
_Static_assert(sizeof(struct elf_eof) == 0x28, "ELF_EOF_RECORD is 0x28 bytes");

/* The log a source writes to: the one whose key holds the source's key,
 * a log named so, else Application (as Windows does for a source it
 * does not know). */
static void find_log(const WCHAR *source, WCHAR log[EVENT_NAME_MAX])
{
	WCHAR sub[EVENT_NAME_MAX];
	HKEY root, k;
	DWORD n;

	wcscpy(log, L"Application");
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, EVENT_LOG_KEY, 0, KEY_READ, &root))
		return;
	if (!RegOpenKeyExW(root, source, 0, KEY_READ, &k)) {
		RegCloseKey(k);
		wcscpy(log, source);
		RegCloseKey(root);
		return;
	}
	for (DWORD i = 0; n = EVENT_NAME_MAX, !RegEnumKeyExW(root, i, sub, &n, NULL, NULL, NULL, NULL); i++) {
		if (RegOpenKeyExW(root, sub, 0, KEY_READ, &k))
			continue;
		if (!RegOpenKeyExW(k, source, 0, KEY_READ, &k)) {
			wcscpy(log, sub);
			RegCloseKey(k);
			break;
		}
		RegCloseKey(k);
	}
	RegCloseKey(root);
}

void evl_log_path(const WCHAR *source, WCHAR path[MAX_PATH], WCHAR log[EVENT_NAME_MAX])
{
	find_log(source, log);
	wcscpy(path, EVENT_LOG_DIR L"\\");
	wcsncat(path, log, MAX_PATH - wcslen(path) - 5);
	wcscat(path, L".evt");
}

static void make_header(struct elf_header *h, DWORD end, DWORD current, DWORD oldest)
{
	*h = (struct elf_header){ sizeof(*h), ELF_SIGNATURE, 1, 1, sizeof(*h), end, current, oldest,
				  ELF_MAX_SIZE, 0, 0, sizeof(*h) };
}

static void make_eof(struct elf_eof *e, DWORD begin, DWORD end, DWORD current, DWORD oldest)
{
	*e = (struct elf_eof){ sizeof(*e), 0x11111111, 0x22222222, 0x33333333, 0x44444444,
			       begin, end, current, oldest, sizeof(*e) };
}

static BOOL write_at(HANDLE f, DWORD offset, const void *data, DWORD size)
{
	OVERLAPPED o = { 0 };
	DWORD done;

	o.Offset = offset;
	return WriteFile(f, data, size, &done, &o) && done == size;
}

/* Opens the file for update, waiting a little while another process
 * has it. */
static HANDLE open_unshared(const WCHAR *path, DWORD disposition)
{
	HANDLE f;

	for (int tries = 0; tries < 200; tries++) {
		f = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, disposition,
				FILE_ATTRIBUTE_NORMAL, NULL);
		if (f != INVALID_HANDLE_VALUE || GetLastError() != ERROR_SHARING_VIOLATION)
			return f;
		Sleep(5);
	}
	return f;
}

static DWORD write_empty_to(HANDLE f, DWORD current)
{
	struct elf_header h;
	struct elf_eof e;

	make_header(&h, sizeof(h), current, 0);
	make_eof(&e, sizeof(h), sizeof(h), current, 0);
	if (!write_at(f, 0, &h, sizeof(h)) || !write_at(f, sizeof(h), &e, sizeof(e)) ||
	    !SetFilePointer(f, sizeof(h) + sizeof(e), NULL, FILE_BEGIN) || !SetEndOfFile(f))
		return GetLastError();
	return ERROR_SUCCESS;
}

DWORD evl_write_empty(const WCHAR *path, DWORD current)
{
	HANDLE f = open_unshared(path, OPEN_ALWAYS);
	DWORD err;

	if (f == INVALID_HANDLE_VALUE)
		return GetLastError();
	err = write_empty_to(f, current);
	CloseHandle(f);
	return err;
}

/* The header of an open file, checked; a new (empty) file gets one. */
static DWORD read_header(HANDLE f, struct elf_header *h)
{
	DWORD got = 0, size = GetFileSize(f, NULL);

	if (!size) {
		DWORD err = write_empty_to(f, 1);

		if (!err)
			make_header(h, sizeof(*h), 1, 0);
		return err;
	}
	if (!ReadFile(f, h, sizeof(*h), &got, NULL) || got != sizeof(*h) ||
	    h->HeaderSize != sizeof(*h) || h->Signature != ELF_SIGNATURE ||
	    h->EndOffset < sizeof(*h) || h->EndOffset > size - sizeof(struct elf_eof))
		return ERROR_EVENTLOG_FILE_CORRUPT;
	return ERROR_SUCCESS;
}

DWORD evl_append(const WCHAR *path, EVENTLOGRECORD *r)
{
	struct elf_header h;
	struct elf_eof e;
	LARGE_INTEGER now;
	HANDLE f;
	DWORD err, at;

	CreateDirectoryW(EVENT_LOG_DIR, NULL);
	if ((f = open_unshared(path, OPEN_ALWAYS)) == INVALID_HANDLE_VALUE)
		return GetLastError();
	if ((err = read_header(f, &h))) {
		CloseHandle(f);
		return err;
	}
	at = h.EndOffset;
	if ((ULONGLONG)at + r->Length + sizeof(e) > ELF_MAX_SIZE) {
		CloseHandle(f);
		return ERROR_LOG_FILE_FULL;
	}
	NtQuerySystemTime(&now);
	RtlTimeToSecondsSince1970(&now, &r->TimeGenerated);
	r->TimeWritten = r->TimeGenerated;
	r->RecordNumber = h.CurrentRecordNumber;
	make_header(&h, at + r->Length, r->RecordNumber + 1, h.OldestRecordNumber ? h.OldestRecordNumber : r->RecordNumber);
	make_eof(&e, sizeof(h), h.EndOffset, h.CurrentRecordNumber, h.OldestRecordNumber);
	if (!write_at(f, at, r, r->Length) || !write_at(f, h.EndOffset, &e, sizeof(e)) ||
	    !write_at(f, 0, &h, sizeof(h)))
		err = GetLastError();
	CloseHandle(f);
	return err;
}

/* The records between first and end, each checked: its two lengths
 * agree and it lies inside. */
static BOOL records_valid(const BYTE *data, DWORD first, DWORD end)
{
	for (DWORD at = first; at < end;) {
		const EVENTLOGRECORD *r = (const EVENTLOGRECORD *)(data + at);
		DWORD len;

		if (end - at < sizeof(*r) + sizeof(DWORD))
			return FALSE;
		len = r->Length;
		if (len < sizeof(*r) + sizeof(DWORD) || len > end - at || (len & 3) ||
		    *(const DWORD *)(data + at + len - sizeof(DWORD)) != len)
			return FALSE;
		at += len;
	}
	return TRUE;
}

DWORD evl_load(const WCHAR *path, BOOL must_exist, struct evl_file *f)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
			       OPEN_EXISTING, 0, NULL);
	const struct elf_header *hdr;
	DWORD size, got = 0;

	memset(f, 0, sizeof(*f));
	if (h == INVALID_HANDLE_VALUE) {
		DWORD err = GetLastError();

		if (must_exist || (err != ERROR_FILE_NOT_FOUND && err != ERROR_PATH_NOT_FOUND))
			return err;
		f->first = f->end = sizeof(struct elf_header);
		f->current = 1;
		return ERROR_SUCCESS;
	}
	size = GetFileSize(h, NULL);
	if (size < sizeof(struct elf_header) + sizeof(struct elf_eof) || size > ELF_MAX_SIZE) {
		CloseHandle(h);
		return ERROR_EVENTLOG_FILE_CORRUPT;
	}
	if (!(f->data = adv_alloc(size))) {
		CloseHandle(h);
		return ERROR_NOT_ENOUGH_MEMORY;
	}
	if (!ReadFile(h, f->data, size, &got, NULL) || got != size) {
		CloseHandle(h);
		evl_unload(f);
		return ERROR_EVENTLOG_FILE_CORRUPT;
	}
	CloseHandle(h);
	hdr = (const struct elf_header *)f->data;
	f->size = size;
	f->first = hdr->StartOffset;
	f->end = hdr->EndOffset;
	f->oldest = hdr->OldestRecordNumber;
	f->current = hdr->CurrentRecordNumber;
	if (hdr->HeaderSize != sizeof(*hdr) || hdr->Signature != ELF_SIGNATURE ||
	    f->first != sizeof(*hdr) || f->end < f->first || f->end > size - sizeof(struct elf_eof) ||
	    !records_valid(f->data, f->first, f->end)) {
		evl_unload(f);
		return ERROR_EVENTLOG_FILE_CORRUPT;
	}
	return ERROR_SUCCESS;
}

void evl_unload(struct evl_file *f)
{
	adv_free(f->data);
	memset(f, 0, sizeof(*f));
}
