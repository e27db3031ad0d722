/*
 * WritePrivateProfileString: set, add or delete one key, or delete a whole
 * section, by rewriting the .ini file (UTF-16 if it was, else the ANSI
 * code page).  Lines end in CR LF; the rest of the file is kept as it was.
 */
#include "k32_private.h"
#include "k32_profile.h"
#include "k32_profile_map.h"

struct locator {
	struct profile_visit v;
	const WCHAR *key;
	BOOL section_found, key_found;
	DWORD section_line, section_end; /* the header's line; the next header */
	DWORD insert_at;                 /* after the section's last key line */
	DWORD key_line, key_next;
	WCHAR *file_key; /* the key as the file spells it (kept when replaced) */
	BOOL exists;     /* else a deletion still leaves an empty file (Windows) */
};

static void on_section(struct profile_visit *v, const WCHAR *s, const WCHAR *e, DWORD line,
		       DWORD next)
{
	struct locator *l = (struct locator *)v;

	if (l->section_found && !v->matched) {
		l->section_end = line;
		v->stop = TRUE;
	} else if (v->matched && !l->section_found) {
		l->section_found = TRUE;
		l->section_line = line;
		l->insert_at = next;
	} else if (v->matched) {
		v->matched = FALSE; /* a second header of the section: keep to the first */
		l->section_end = line;
		v->stop = TRUE;
	}
}

static void on_key(struct profile_visit *v, const WCHAR *ks, const WCHAR *ke, const WCHAR *vs,
		   const WCHAR *ve, DWORD line, DWORD next)
{
	struct locator *l = (struct locator *)v;

	l->insert_at = next;
	k32_profile_trim(&ks, &ke);
	if (!l->key_found && l->key && k32_profile_same_name(ks, ke, l->key)) {
		l->key_found = TRUE;
		l->key_line = line;
		l->key_next = next;
		if ((l->file_key = RtlAllocateHeap(k32_heap(), 0, (ke - ks + 1) * sizeof(WCHAR)))) {
			memcpy(l->file_key, ks, (ke - ks) * sizeof(WCHAR));
			l->file_key[ke - ks] = 0;
		}
	}
}

/* text[0, cut) + added + text[resume, len) written to path. */
static BOOL save(const WCHAR *path, const WCHAR *text, DWORD cut, const WCHAR *added,
		 DWORD resume, DWORD len, BOOL utf16)
{
	DWORD n = (DWORD)wcslen(added), total = cut + n + (len - resume), bytes, done;
	WCHAR *all = RtlAllocateHeap(k32_heap(), 0, (total + 1) * sizeof(WCHAR));
	char *raw = NULL;
	HANDLE h;
	BOOL ok = FALSE;

	if (!all)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	memcpy(all, text, cut * sizeof(WCHAR));
	memcpy(all + cut, added, n * sizeof(WCHAR));
	memcpy(all + cut + n, text + resume, (len - resume) * sizeof(WCHAR));
	/* Windows' access and sharing: a handle open without sharing both
	 * reading and writing makes the write fail (ERROR_SHARING_VIOLATION) */
	h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
			CREATE_ALWAYS, 0, NULL);
	if (h != INVALID_HANDLE_VALUE) {
		if (utf16) {
			ok = WriteFile(h, "\xff\xfe", 2, &done, NULL) &&
			     WriteFile(h, all, total * sizeof(WCHAR), &done, NULL);
		} else {
			bytes = total ? (DWORD)WideCharToMultiByte(CP_ACP, 0, all, (int)total, NULL, 0,
								  NULL, NULL) : 0;
			if ((raw = RtlAllocateHeap(k32_heap(), 0, bytes + 1)))
				ok = WideCharToMultiByte(CP_ACP, 0, all, (int)total, raw, (int)bytes,
							 NULL, NULL) == (int)bytes &&
				     WriteFile(h, raw, bytes, &done, NULL);
		}
		CloseHandle(h);
	}
	k32_free(raw);
	k32_free(all);
	return ok;
}

/* "key=value\r\n", or "[section]\r\nkey=value\r\n" after a line break. */
static WCHAR *new_lines(const WCHAR *section, const WCHAR *key, const WCHAR *value, BOOL brk)
{
	size_t n = wcslen(key) + wcslen(value) + (section ? wcslen(section) : 0) + 16;
	WCHAR *s = RtlAllocateHeap(k32_heap(), 0, n * sizeof(WCHAR));

	if (!s)
		return NULL;
	s[0] = 0;
	if (brk)
		wcscat(s, L"\r\n");
	if (section) {
		wcscat(s, L"[");
		wcscat(s, section);
		wcscat(s, L"]\r\n");
	}
	wcscat(s, key);
	wcscat(s, L"=");
	wcscat(s, value);
	wcscat(s, L"\r\n");
	return s;
}

/* Change the file where the scan found the section and key. */
static BOOL apply_found(const struct locator *lp, const WCHAR *path, const WCHAR *text, DWORD len,
			BOOL utf16, const WCHAR *section, const WCHAR *key, const WCHAR *value)
{
	const struct locator l = *lp;
	WCHAR *lines;
	BOOL ok;

	if (!key) /* delete the section */
		return l.section_found ? save(path, text, l.section_line, L"", l.section_end, len, utf16)
				       : l.exists || save(path, text, 0, L"", 0, 0, utf16);
	if (!value)
		return l.key_found ? save(path, text, l.key_line, L"", l.key_next, len, utf16)
				   : l.exists || save(path, text, 0, L"", 0, 0, utf16);
	if (l.key_found)
		lines = new_lines(NULL, l.file_key ? l.file_key : key, value, FALSE);
	else if (l.section_found)
		lines = new_lines(NULL, key, value, l.insert_at && text[l.insert_at - 1] != '\n');
	else
		lines = new_lines(section, key, value, len && text[len - 1] != '\n');
	if (!lines)
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	if (l.key_found)
		ok = save(path, text, l.key_line, lines, l.key_next, len, utf16);
	else if (l.section_found)
		ok = save(path, text, l.insert_at, lines, l.insert_at, len, utf16);
	else
		ok = save(path, text, len, lines, len, len, utf16);
	k32_free(lines);
	return ok;
}

/* Find the section and key, then change the file. */
static BOOL apply(const WCHAR *path, const WCHAR *text, DWORD len, BOOL utf16, BOOL exists,
		  const WCHAR *section, const WCHAR *key, const WCHAR *value)
{
	struct locator l = { { section, on_section, on_key } };
	BOOL ok;

	l.key = key;
	l.exists = exists;
	l.section_end = len;
	k32_profile_scan(text, len, &l.v);
	ok = apply_found(&l, path, text, len, utf16, section, key, value);
	k32_free(l.file_key);
	return ok;
}

K32API BOOL WINAPI WritePrivateProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR value,
					      LPCWSTR file)
{
	WCHAR path[MAX_PATH + 16];
	WCHAR *text;
	DWORD len = 0;
	BOOL ok, utf16 = FALSE, exists;
	struct profile_map m;
	HANDLE h;

	if (!section && !key && !value)
		return TRUE; /* "flush the cache": nothing is cached */
	if (!section)
		return k32_error(ERROR_FILE_NOT_FOUND);
	if (!file)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (k32_profile_map_open(file, &m)) {
		BOOL done = k32_profile_map_write(&m, section, key, value, &ok);

		k32_profile_map_close(&m);
		if (done)
			return ok;
	}
	if (!k32_profile_path(file, path))
		return k32_error(ERROR_FILENAME_EXCED_RANGE);
	h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	if (h != INVALID_HANDLE_VALUE) {
		BYTE bom[2] = { 0 };
		DWORD got = 0;

		utf16 = ReadFile(h, bom, 2, &got, NULL) && got == 2 && bom[0] == 0xFF && bom[1] == 0xFE;
		CloseHandle(h);
	}
	exists = (text = k32_profile_load(file, &len)) != NULL;
	if (!text && !(text = RtlAllocateHeap(k32_heap(), 0, 2)))
		return k32_error(ERROR_NOT_ENOUGH_MEMORY);
	ok = apply(path, text, len, utf16, exists, section, key, value);
	k32_free(text);
	return ok;
}

K32API BOOL WINAPI WritePrivateProfileStringA(LPCSTR section, LPCSTR key, LPCSTR value,
					      LPCSTR file)
{
	UNICODE_STRING ws, wk, wv, wf;
	BOOL r = FALSE;

	if (k32_ansi_args2(section, key, &ws, &wk)) {
		if (k32_ansi_args2(value, file, &wv, &wf)) {
			r = WritePrivateProfileStringW(ws.Buffer, wk.Buffer, wv.Buffer, wf.Buffer);
			k32_free(wv.Buffer);
			k32_free(wf.Buffer);
		}
		k32_free(ws.Buffer);
		k32_free(wk.Buffer);
	}
	return r;
}
