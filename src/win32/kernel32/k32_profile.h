/* profile.c: initialization (.ini) files, shared by the readers and the
 * writer (profile_write.c). */
#ifndef LSW_K32_PROFILE_H
#define LSW_K32_PROFILE_H

/* One pass over the file's lines.  on_section sees every section header
 * ([s, e) is the name; line and next are the offsets of its line and of
 * the line after), on_key every key line of the sections that match
 * `section` (all when NULL): the key [ks, ke) and value [vs, ve)
 * untrimmed.  A visitor sets stop to end the pass. */
struct profile_visit {
	const WCHAR *section;
	void (*on_section)(struct profile_visit *v, const WCHAR *s, const WCHAR *e, DWORD line,
			   DWORD next);
	void (*on_key)(struct profile_visit *v, const WCHAR *ks, const WCHAR *ke, const WCHAR *vs,
		       const WCHAR *ve, DWORD line, DWORD next);
	BOOL matched; /* inside a matching section */
	BOOL stop;
};

void k32_profile_scan(const WCHAR *text, DWORD len, struct profile_visit *v);
/* The full name of an .ini file: one without a path is in the Windows
 * directory.  FALSE when it is too long. */
BOOL k32_profile_path(const WCHAR *file, WCHAR path[MAX_PATH + 16]);
/* The file's text as UTF-16 (k32_free it), NULL when it cannot be read. */
WCHAR *k32_profile_load(const WCHAR *file, DWORD *len);
WCHAR *k32_profile_decode(const BYTE *raw, DWORD size, DWORD *len);
/* Section and key names compare without regard to case. */
BOOL k32_profile_same_name(const WCHAR *s, const WCHAR *e, const WCHAR *name);
void k32_profile_trim(const WCHAR **s, const WCHAR **e);

#endif
