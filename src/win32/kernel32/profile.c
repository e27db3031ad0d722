/*
 * Reading initialization (.ini) files: GetPrivateProfileString, the
 * section lists (GetPrivateProfileSection, ...SectionNames) and
 * GetPrivateProfileInt.  Section and key names match without regard to
 * case; a value loses its surrounding blanks and one pair of matching
 * quotes.  A file name without a path is in the Windows directory.
 */
#include "k32_private.h"
#include "k32_profile.h"
#include "k32_profile_map.h"

/* The file as UTF-16 (a BOM says UTF-16LE or UTF-8, else the ANSI code
 * page); NULL when it cannot be read.  Free with k32_free. */
WCHAR *k32_profile_load(const WCHAR *file, DWORD *len)
{
	WCHAR path[MAX_PATH + 16];
	HANDLE h;
	BYTE *raw;
	WCHAR *text = NULL;
	DWORD size, got = 0;

	if (!k32_profile_path(file, path))
		return NULL;
	h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return NULL;
	size = GetFileSize(h, NULL);
	raw = size < (64u << 20) ? RtlAllocateHeap(k32_heap(), 0, size + 2) : NULL;
	if (raw && ReadFile(h, raw, size, &got, NULL))
		text = k32_profile_decode(raw, got, len);
	CloseHandle(h);
	k32_free(raw);
	return text;
}

/* The full name of an .ini file: one without a path is in C:\Windows. */
BOOL k32_profile_path(const WCHAR *file, WCHAR path[MAX_PATH + 16])
{
	size_t n = wcslen(file);

	if (n >= MAX_PATH)
		return FALSE;
	if (wcschr(file, '\\') || wcschr(file, '/') || (n >= 2 && file[1] == ':')) {
		wcscpy(path, file);
		return TRUE;
	}
	if (!GetWindowsDirectoryW(path, MAX_PATH))
		return FALSE;
	wcscat(path, L"\\");
	wcscat(path, file);
	return TRUE;
}

WCHAR *k32_profile_decode(const BYTE *raw, DWORD size, DWORD *len)
{
	WCHAR *text;
	UINT cp = CP_ACP;
	int n;

	if (size >= 2 && raw[0] == 0xFF && raw[1] == 0xFE) {
		*len = (size - 2) / 2;
		if ((text = RtlAllocateHeap(k32_heap(), 0, (*len + 1) * sizeof(WCHAR))))
			memcpy(text, raw + 2, *len * sizeof(WCHAR));
		return text;
	}
	if (size >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
		cp = CP_UTF8;
		raw += 3;
		size -= 3;
	}
	n = size ? MultiByteToWideChar(cp, 0, (const char *)raw, (int)size, NULL, 0) : 0;
	if (!(text = RtlAllocateHeap(k32_heap(), 0, (n + 1) * sizeof(WCHAR))))
		return NULL;
	*len = (DWORD)MultiByteToWideChar(cp, 0, (const char *)raw, (int)size, text, n);
	return text;
}

static const WCHAR *find_char(const WCHAR *s, WCHAR c, size_t n)
{
	for (; n; n--, s++)
		if (*s == c)
			return s;
	return NULL;
}

/* A NUL in the file is no text either (programs write one at the end). */
static BOOL blank(WCHAR c)
{
	return c == ' ' || c == '\t' || c == '\r' || !c;
}

/* Trim [*s, *e) of blanks. */
void k32_profile_trim(const WCHAR **s, const WCHAR **e)
{
	while (*s < *e && blank(**s))
		(*s)++;
	while (*e > *s && blank((*e)[-1]))
		(*e)--;
}

BOOL k32_profile_same_name(const WCHAR *s, const WCHAR *e, const WCHAR *name)
{
	size_t n = wcslen(name);

	return (size_t)(e - s) == n && CompareStringOrdinal(s, (int)n, name, (int)n, TRUE) == CSTR_EQUAL;
}

/* One line of text[pos, len): its trimmed extent; returns the next line.
 * A line ends in LF, CR LF or a lone CR. */
static DWORD line_at(const WCHAR *text, DWORD pos, DWORD len, const WCHAR **s, const WCHAR **e)
{
	DWORD end = pos;

	while (end < len && text[end] != '\n' && text[end] != '\r')
		end++;
	*s = text + pos;
	*e = text + end;
	k32_profile_trim(s, e);
	if (end < len && text[end] == '\r')
		end++;
	if (end < len && text[end] == '\n')
		end++;
	return end;
}

void k32_profile_scan(const WCHAR *text, DWORD len, struct profile_visit *v)
{
	const WCHAR *s, *e, *close, *eq;
	DWORD pos = 0;

	v->matched = FALSE;
	while (pos < len && !v->stop) {
		DWORD line = pos;

		pos = line_at(text, pos, len, &s, &e);
		if (s < e && *s == '[' && (close = find_char(s, ']', e - s))) {
			const WCHAR *ns = s + 1;

			k32_profile_trim(&ns, &close);
			v->matched = !v->section || k32_profile_same_name(ns, close, v->section);
			if (v->on_section)
				v->on_section(v, ns, close, line, pos);
			continue;
		}
		if (!v->matched || s == e || *s == ';' || !v->on_key)
			continue;
		eq = find_char(s, '=', e - s);
		v->on_key(v, s, eq ? eq : e, eq ? eq + 1 : e, e, line, pos);
	}
}

/* --- GetPrivateProfileString --- */

struct reader {
	struct profile_visit v;
	const WCHAR *key;
	WCHAR *out;
	DWORD size, used; /* used: characters written, list NULs included */
	BOOL truncated, found;
	HANDLE mapped_keys; /* a section's key-by-key mapping: those keys are not the file's */
};

/* Append [s, e) to the current name of a double-NUL-terminated list,
 * keeping room for the two final NULs; past that the list is cut. */
static void list_put(struct reader *r, const WCHAR *s, const WCHAR *e)
{
	DWORD n = (DWORD)(e - s), room = r->size - r->used >= 2 ? r->size - r->used - 2 : 0;

	if (r->truncated)
		return;
	if (n >= room) { /* Windows counts an exact fit as cut too */
		r->truncated = TRUE;
		n = room;
	}
	memcpy(r->out + r->used, s, n * sizeof(WCHAR));
	r->used += n;
}

/* The NUL after a name (once more after the cut name). */
static void list_end(struct reader *r)
{
	if (r->used + 1 < r->size)
		r->out[r->used++] = 0;
}

static void list_add(struct reader *r, const WCHAR *s, const WCHAR *e)
{
	list_put(r, s, e);
	list_end(r);
}

static void on_section_name(struct profile_visit *v, const WCHAR *s, const WCHAR *e, DWORD line,
			    DWORD next)
{
	list_add((struct reader *)v, s, e);
}

/* A line without '=' (ke == ve) is no key. */
static void on_key_name(struct profile_visit *v, const WCHAR *ks, const WCHAR *ke,
			const WCHAR *vs, const WCHAR *ve, DWORD line, DWORD next)
{
	if (ke == ve)
		return;
	k32_profile_trim(&ks, &ke);
	list_add((struct reader *)v, ks, ke);
}

static void on_key_value(struct profile_visit *v, const WCHAR *ks, const WCHAR *ke,
			 const WCHAR *vs, const WCHAR *ve, DWORD line, DWORD next)
{
	struct reader *r = (struct reader *)v;

	if (ke == ve)
		return;
	k32_profile_trim(&ks, &ke);
	if (!k32_profile_same_name(ks, ke, r->key))
		return;
	k32_profile_trim(&vs, &ve);
	if (ve - vs >= 2 && (*vs == '"' || *vs == '\'') && ve[-1] == *vs) {
		vs++;
		ve--;
	}
	r->found = TRUE;
	r->v.stop = TRUE;
	r->used = (DWORD)(ve - vs);
	if (r->used >= r->size) {
		r->used = r->size - 1;
		r->truncated = TRUE;
	}
	memcpy(r->out, vs, r->used * sizeof(WCHAR));
	r->out[r->used] = 0;
}

/* The default when the key is missing: without its trailing blanks. */
static DWORD copy_default(const WCHAR *def, WCHAR *out, DWORD size)
{
	size_t n = def ? wcslen(def) : 0;

	while (n && def[n - 1] == ' ')
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(out, def, n * sizeof(WCHAR));
	out[n] = 0;
	return (DWORD)n;
}

/* Lists (section == NULL: the sections; key == NULL: the section's keys)
 * end in two NULs; a truncated list returns size - 2. */
static DWORD list_result(struct reader *r)
{
	if (!r->used) {
		r->out[0] = 0;
		if (r->size > 1)
			r->out[1] = 0;
		return 0;
	}
	r->out[r->used] = 0;
	return r->truncated ? r->size - 2 : r->used;
}

static void reader_add(void *ctx, const WCHAR *s, const WCHAR *e)
{
	list_add(ctx, s, e);
}

/* A mapped key's registry value, cut as a file's value would be. */
static BOOL mapped_value(HANDLE hk, struct reader *r)
{
	WCHAR *buf = RtlAllocateHeap(k32_heap(), 0, 4096 * sizeof(WCHAR));
	DWORD n = 0;

	if (!buf || !hk || !k32_reg_get_sz(hk, r->key, buf, 4096, &n)) {
		k32_free(buf);
		return FALSE;
	}
	r->used = n < r->size ? n : r->size - 1;
	memcpy(r->out, buf, r->used * sizeof(WCHAR));
	r->out[r->used] = 0;
	k32_free(buf);
	return TRUE;
}

/* Section names (the mapped ones first) or a section's keys. */
static DWORD get_list(struct reader *r, const struct profile_map *m, const WCHAR *file)
{
	HANDLE hk = NULL;
	WCHAR *text = NULL;
	DWORD len = 0;

	if (r->size < 2) {
		r->out[0] = 0;
		return 0;
	}
	if (!r->v.section)
		k32_profile_map_sections(m, reader_add, r);
	if (r->v.section && k32_profile_map_find(m, r->v.section, NULL, FALSE, &hk) ==
				    PLACE_REGISTRY) {
		k32_profile_map_list(hk, FALSE, reader_add, r);
		if (hk)
			NtClose(hk);
		return list_result(r);
	}
	if (file)
		text = k32_profile_load(file, &len);
	if (!text && !r->used) { /* no file: one NUL, not two */
		r->out[0] = 0;
		return 0;
	}
	r->v.on_section = r->v.section ? NULL : on_section_name;
	r->v.on_key = r->v.section ? on_key_name : NULL;
	if (text)
		k32_profile_scan(text, len, &r->v);
	k32_free(text);
	return list_result(r);
}

static DWORD get_string(LPCWSTR section, LPCWSTR key, LPCWSTR def, LPWSTR out, DWORD size,
			LPCWSTR file)
{
	struct reader r = { { section } };
	struct profile_map m;
	WCHAR *text = NULL;
	HANDLE hk = NULL;
	DWORD len = 0, n;

	r.out = out;
	r.size = size;
	r.key = key;
	k32_profile_map_open(file, &m);
	if (!section || !key) {
		n = get_list(&r, &m, file);
		k32_profile_map_close(&m);
		return n;
	}
	if (k32_profile_map_find(&m, section, key, FALSE, &hk) == PLACE_REGISTRY) {
		r.found = mapped_value(hk, &r);
		if (hk)
			NtClose(hk);
	} else if (file && (text = k32_profile_load(file, &len))) {
		r.v.on_key = on_key_value;
		k32_profile_scan(text, len, &r.v);
		k32_free(text);
	}
	k32_profile_map_close(&m);
	if (!r.found)
		return copy_default(def, out, size);
	return r.used;
}

/* The last error stays as it was (Windows). */
K32API DWORD WINAPI GetPrivateProfileStringW(LPCWSTR section, LPCWSTR key, LPCWSTR def,
					      LPWSTR out, DWORD size, LPCWSTR file)
{
	DWORD error = RtlGetLastWin32Error(), n;

	if (!out || !size)
		return 0;
	n = get_string(section, key, def, out, size, file);
	RtlSetLastWin32Error(error);
	return n;
}

K32API DWORD WINAPI GetPrivateProfileStringA(LPCSTR section, LPCSTR key, LPCSTR def,
					      LPSTR out, DWORD size, LPCSTR file)
{
	UNICODE_STRING ws, wk, wd, wf;
	WCHAR *wout;
	DWORD n = 0;
	BOOL list = !section || !key;

	if (!out || !size)
		return 0;
	if (list && size < 2) {
		out[0] = 0;
		return 0;
	}
	if (!(wout = RtlAllocateHeap(k32_heap(), 0, size * sizeof(WCHAR))))
		return 0;
	if (k32_ansi_args2(section, key, &ws, &wk)) {
		if (k32_ansi_args2(def, file, &wd, &wf)) {
			if (list)
				wout[1] = 1; /* still there: the list has one NUL only */
			n = GetPrivateProfileStringW(ws.Buffer, wk.Buffer, wd.Buffer, wout, size,
						     wf.Buffer);
			/* a list keeps its final NUL; the conversion adds one more */
			if (list && !n && wout[1])
				out[0] = 0;
			else
				k32_w_to_a(wout, n + (list ? 1 : 0), out);
			k32_free(wd.Buffer);
			k32_free(wf.Buffer);
		}
		k32_free(ws.Buffer);
		k32_free(wk.Buffer);
	}
	k32_free(wout);
	return n;
}

/* The value's leading decimal number (with a sign), 0 when it has none. */
K32API UINT WINAPI GetPrivateProfileIntW(LPCWSTR section, LPCWSTR key, INT def, LPCWSTR file)
{
	WCHAR buf[32];
	const WCHAR *p = buf;
	UINT v = 0;
	BOOL neg;

	if (!key || !GetPrivateProfileStringW(section, key, L"", buf, 32, file))
		return (UINT)def;
	if ((neg = *p == '-') || *p == '+')
		p++;
	for (; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (UINT)(*p - '0');
	return neg ? 0u - v : v;
}

K32API UINT WINAPI GetPrivateProfileIntA(LPCSTR section, LPCSTR key, INT def, LPCSTR file)
{
	UNICODE_STRING ws, wk, wf = { 0 };
	UINT r = (UINT)def;

	if (!k32_ansi_args2(section, key, &ws, &wk))
		return r;
	if (!file || k32_ansi_arg(file, &wf))
		r = GetPrivateProfileIntW(ws.Buffer, wk.Buffer, def, wf.Buffer);
	k32_free(wf.Buffer);
	k32_free(ws.Buffer);
	k32_free(wk.Buffer);
	return r;
}

/* --- GetPrivateProfileSection, GetPrivateProfileSectionNames --- */

static BOOL is_mapped_key(HANDLE sub, const WCHAR *ks, const WCHAR *ke)
{
	WCHAR name[256], loc[300];
	DWORD n;

	if (ke - ks >= (ptrdiff_t)ARRAYSIZE(name))
		return FALSE;
	memcpy(name, ks, (ke - ks) * sizeof(WCHAR));
	name[ke - ks] = 0;
	return k32_reg_get_sz(sub, name, loc, ARRAYSIZE(loc), &n);
}

/* "key=value" with both trimmed, or the line's text when it has no '='. */
static void on_section_line(struct profile_visit *v, const WCHAR *ks, const WCHAR *ke,
			    const WCHAR *vs, const WCHAR *ve, DWORD line, DWORD next)
{
	struct reader *r = (struct reader *)v;
	BOOL has_value = ke != ve;

	k32_profile_trim(&ks, &ke);
	if (r->mapped_keys && is_mapped_key(r->mapped_keys, ks, ke))
		return;
	list_put(r, ks, ke);
	if (has_value) {
		k32_profile_trim(&vs, &ve);
		list_put(r, L"=", L"=" + 1);
		list_put(r, vs, ve);
	}
	list_end(r);
}

/* A section the registry holds whole: TRUE with its lines read.  One
 * mapped key by key: its mapped keys first, then the file's others. */
static BOOL mapped_section(struct reader *r, const WCHAR *file)
{
	struct profile_map m;
	HANDLE hk = NULL;
	WCHAR *text;
	DWORD len = 0;
	BOOL whole;

	if (!k32_profile_map_open(file, &m))
		return FALSE;
	if ((whole = k32_profile_map_find(&m, r->v.section, NULL, FALSE, &hk) == PLACE_REGISTRY)) {
		k32_profile_map_list(hk, TRUE, reader_add, r);
		if (hk)
			NtClose(hk);
	} else if ((r->mapped_keys = k32_profile_map_section(&m, r->v.section))) {
		k32_profile_map_key_lines(&m, r->mapped_keys, r->v.section, reader_add, r);
		if ((text = k32_profile_load(file, &len))) {
			k32_profile_scan(text, len, &r->v);
			k32_free(text);
		}
		NtClose(r->mapped_keys);
		whole = TRUE;
	}
	k32_profile_map_close(&m);
	if (whole)
		RtlSetLastWin32Error(ERROR_SUCCESS);
	return whole;
}

/* Each line of the section ("key=value", or just the text) in a
 * double-NUL-terminated list; size - 2 when it did not fit. */
K32API DWORD WINAPI GetPrivateProfileSectionW(LPCWSTR section, LPWSTR out, DWORD size, LPCWSTR file)
{
	struct reader r = { { section } };
	WCHAR *text;
	DWORD len = 0;

	if (!section || !out || size < 2) {
		RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
		return 0;
	}
	r.out = out;
	r.size = size;
	r.v.on_key = on_section_line;
	if (mapped_section(&r, file))
		return list_result(&r);
	if (!file || !(text = k32_profile_load(file, &len))) {
		out[0] = out[1] = 0;
		RtlSetLastWin32Error(ERROR_FILE_NOT_FOUND);
		return 0;
	}
	k32_profile_scan(text, len, &r.v);
	k32_free(text);
	RtlSetLastWin32Error(ERROR_SUCCESS);
	return list_result(&r);
}

K32API DWORD WINAPI GetPrivateProfileSectionNamesW(LPWSTR out, DWORD size, LPCWSTR file)
{
	return GetPrivateProfileStringW(NULL, NULL, NULL, out, size, file);
}
