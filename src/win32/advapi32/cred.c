/*
 * The credential manager: CredWriteW, CredReadW, CredDeleteW,
 * CredEnumerateW, CredFree, CredGetSessionTypes.  Credentials are the
 * user's and stay in the prefix: each one is a REG_BINARY value of
 * HKCU\Software\LSW\Credentials named "<type>:<target>", holding a
 * struct stored_cred, its strings, its secret and its attributes.  A
 * domain password's secret is never handed back (only the system's
 * authentication packages may read it, as on Windows).  Everything is
 * returned in one allocation for CredFree.
 */
#include "cred_private.h"

#define STORE_KEY L"Software\\LSW\\Credentials"
#define MAX_TYPE CRED_TYPE_LAST

struct stored_cred {
	DWORD flags, type, persist;
	FILETIME written;
	DWORD blob_size, attr_count;
	DWORD comment_len, alias_len, user_len; /* characters with the NUL, 0: none */
	/* then: comment, alias, user, blob, attributes (stored_attr, keyword, value) */
};

struct stored_attr {
	DWORD keyword_len, flags, value_size;
};

void *cred_pack(struct cred_packer *p, const void *data, SIZE_T size, SIZE_T align)
{
	void *at;

	p->used = (p->used + align - 1) & ~(align - 1);
	at = p->base ? p->base + p->used : NULL;
	if (at && data)
		memcpy(at, data, size);
	p->used += size;
	return at;
}

static DWORD str_len(const WCHAR *s)
{
	return s ? lstrlenW(s) + 1 : 0;
}

static BOOL valid_type(DWORD type)
{
	return type >= CRED_TYPE_GENERIC && type <= MAX_TYPE;
}

static BOOL is_domain_type(DWORD type)
{
	return type != CRED_TYPE_GENERIC && type != 5; /* CRED_TYPE_GENERIC_CERTIFICATE */
}

/* "<type>:<target>" (a type is one digit) */
static WCHAR *value_name(DWORD type, const WCHAR *target)
{
	WCHAR *name = HeapAlloc(GetProcessHeap(), 0, (lstrlenW(target) + 3) * sizeof(WCHAR));

	if (name) {
		name[0] = (WCHAR)('0' + type);
		name[1] = ':';
		lstrcpyW(name + 2, target);
	}
	return name;
}

static HKEY open_store(BOOL create)
{
	HKEY key = NULL;

	if (create)
		RegCreateKeyExW(HKEY_CURRENT_USER, STORE_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
	else
		RegOpenKeyExW(HKEY_CURRENT_USER, STORE_KEY, 0, KEY_ALL_ACCESS, &key);
	return key;
}

/* The record of a credential (out NULL: its size). */
static SIZE_T serialize(const CREDENTIALW *c, BYTE *out)
{
	struct cred_packer p = { out, 0 };
	struct stored_cred *r = cred_pack(&p, NULL, sizeof(*r), 1);

	if (r) {
		r->flags = c->Flags;
		r->type = c->Type;
		r->persist = c->Persist;
		GetSystemTimeAsFileTime(&r->written);
		r->blob_size = c->CredentialBlobSize;
		r->attr_count = c->AttributeCount;
		r->comment_len = str_len(c->Comment);
		r->alias_len = str_len(c->TargetAlias);
		r->user_len = str_len(c->UserName);
	}
	cred_pack(&p, c->Comment, str_len(c->Comment) * sizeof(WCHAR), 1);
	cred_pack(&p, c->TargetAlias, str_len(c->TargetAlias) * sizeof(WCHAR), 1);
	cred_pack(&p, c->UserName, str_len(c->UserName) * sizeof(WCHAR), 1);
	cred_pack(&p, c->CredentialBlob, c->CredentialBlobSize, 1);
	for (DWORD i = 0; i < c->AttributeCount; i++) {
		const CREDENTIAL_ATTRIBUTEW *a = &c->Attributes[i];
		struct stored_attr sa = { str_len(a->Keyword), a->Flags, a->ValueSize };

		cred_pack(&p, &sa, sizeof(sa), 1);
		cred_pack(&p, a->Keyword, sa.keyword_len * sizeof(WCHAR), 1);
		cred_pack(&p, a->Value, a->ValueSize, 1);
	}
	return p.used;
}

/* Reads a record back into a CREDENTIALW laid out by p (measuring when
 * p->base is NULL); FALSE if the record is malformed. */
static BOOL unpack(const BYTE *rec, DWORD size, const WCHAR *target, struct cred_packer *p, CREDENTIALW **out)
{
	const struct stored_cred *r = (const struct stored_cred *)rec;
	const BYTE *at = rec + sizeof(*r), *end = rec + size;
	CREDENTIALW *c = cred_pack(p, NULL, sizeof(*c), sizeof(void *));
	CREDENTIAL_ATTRIBUTEW *attrs;
	SIZE_T strings;

	if (size < sizeof(*r))
		return FALSE;
	strings = ((SIZE_T)r->comment_len + r->alias_len + r->user_len) * sizeof(WCHAR);
	if ((SIZE_T)(end - at) < strings + r->blob_size)
		return FALSE;
	if (c) {
		memset(c, 0, sizeof(*c));
		c->Flags = r->flags;
		c->Type = r->type;
		c->Persist = r->persist;
		c->LastWritten = r->written;
		c->AttributeCount = r->attr_count;
	}
	attrs = cred_pack(p, NULL, r->attr_count * sizeof(*attrs), sizeof(void *));
	WCHAR *t = cred_pack(p, target, str_len(target) * sizeof(WCHAR), 2);
	WCHAR *comment = r->comment_len ? cred_pack(p, at, r->comment_len * sizeof(WCHAR), 2) : NULL;
	WCHAR *alias = r->alias_len ? cred_pack(p, at + r->comment_len * 2, r->alias_len * 2, 2) : NULL;
	WCHAR *user = r->user_len ? cred_pack(p, at + (r->comment_len + r->alias_len) * 2, r->user_len * 2, 2)
				  : NULL;
	BOOL secret = r->type != CRED_TYPE_DOMAIN_PASSWORD && r->blob_size;
	BYTE *blob = secret ? cred_pack(p, at + strings, r->blob_size, 1) : NULL;

	at += strings + r->blob_size;
	for (DWORD i = 0; i < r->attr_count; i++) {
		struct stored_attr sa;

		if ((SIZE_T)(end - at) < sizeof(sa))
			return FALSE;
		memcpy(&sa, at, sizeof(sa));
		at += sizeof(sa);
		if ((SIZE_T)(end - at) < (SIZE_T)sa.keyword_len * 2 + sa.value_size)
			return FALSE;
		WCHAR *kw = cred_pack(p, at, sa.keyword_len * 2, 2);
		BYTE *val = cred_pack(p, at + sa.keyword_len * 2, sa.value_size, 1);

		if (attrs) {
			attrs[i].Keyword = kw;
			attrs[i].Flags = sa.flags;
			attrs[i].ValueSize = sa.value_size;
			attrs[i].Value = sa.value_size ? val : NULL;
		}
		at += sa.keyword_len * 2 + sa.value_size;
	}
	if (c) {
		c->TargetName = t;
		c->Comment = comment;
		c->TargetAlias = alias;
		c->UserName = user;
		c->CredentialBlob = blob;
		c->CredentialBlobSize = secret ? r->blob_size : 0;
		c->Attributes = r->attr_count ? attrs : NULL;
	}
	if (out)
		*out = c;
	return TRUE;
}

/* A stored record (HeapAlloc'd) by value name; NULL and ERROR_NOT_FOUND
 * when there is none. */
static BYTE *load(HKEY key, const WCHAR *name, DWORD *size)
{
	BYTE *rec;

	*size = 0;
	if (RegQueryValueExW(key, name, NULL, NULL, NULL, size) || !(rec = HeapAlloc(GetProcessHeap(), 0, *size))) {
		SetLastError(ERROR_NOT_FOUND);
		return NULL;
	}
	if (RegQueryValueExW(key, name, NULL, NULL, rec, size)) {
		HeapFree(GetProcessHeap(), 0, rec);
		SetLastError(ERROR_NOT_FOUND);
		return NULL;
	}
	return rec;
}

static HKEY no_key(DWORD error)
{
	adv_fail_error(error);
	return NULL;
}

/* The store and the value name of one credential, for CredRead and
 * CredDelete; NULL with the last error set (the caller frees *name). */
static HKEY open_target(const WCHAR *target, DWORD type, DWORD flags, WCHAR **name)
{
	HKEY key;

	if (!target || !valid_type(type))
		return no_key(ERROR_INVALID_PARAMETER);
	if (flags)
		return no_key(ERROR_INVALID_FLAGS);
	if (!(key = open_store(FALSE)))
		return no_key(ERROR_NOT_FOUND);
	if (!(*name = value_name(type, target))) {
		RegCloseKey(key);
		return no_key(ERROR_NOT_ENOUGH_MEMORY);
	}
	return key;
}

static BOOL check_write(const CREDENTIALW *c, DWORD flags)
{
	if (!c || !c->TargetName || !valid_type(c->Type) || c->Persist < CRED_PERSIST_SESSION ||
	    c->Persist > CRED_PERSIST_ENTERPRISE || c->CredentialBlobSize > CRED_MAX_CREDENTIAL_BLOB_SIZE ||
	    (c->CredentialBlobSize && !c->CredentialBlob) || (c->AttributeCount && !c->Attributes) ||
	    c->AttributeCount > CRED_MAX_ATTRIBUTES)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (flags & ~CRED_PRESERVE_CREDENTIAL_BLOB)
		return adv_fail_error(ERROR_INVALID_FLAGS);
	if (is_domain_type(c->Type) && (!c->UserName || !c->UserName[0]))
		return adv_fail_error(ERROR_BAD_USERNAME);
	return TRUE;
}

ADVAPI BOOL WINAPI CredWriteW(PCREDENTIALW cred, DWORD flags)
{
	WCHAR *name;
	BYTE *rec;
	SIZE_T size;
	HKEY key;
	LONG err;

	if (!check_write(cred, flags))
		return FALSE;
	size = serialize(cred, NULL);
	name = value_name(cred->Type, cred->TargetName);
	rec = HeapAlloc(GetProcessHeap(), 0, size);
	if (!name || !rec || !(key = open_store(TRUE))) {
		HeapFree(GetProcessHeap(), 0, name);
		HeapFree(GetProcessHeap(), 0, rec);
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	serialize(cred, rec);
	err = RegSetValueExW(key, name, 0, REG_BINARY, rec, (DWORD)size);
	RegCloseKey(key);
	HeapFree(GetProcessHeap(), 0, name);
	HeapFree(GetProcessHeap(), 0, rec);
	if (err)
		return adv_fail_error(err);
	SetLastError(ERROR_SUCCESS);
	return TRUE;
}

ADVAPI BOOL WINAPI CredReadW(LPCWSTR target, DWORD type, DWORD flags, PCREDENTIALW *out)
{
	struct cred_packer p = { NULL, 0 };
	WCHAR *name;
	BYTE *rec;
	DWORD size;
	HKEY key;
	BOOL ok = FALSE;

	if (!out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!(key = open_target(target, type, flags, &name)))
		return FALSE;
	rec = load(key, name, &size);
	RegCloseKey(key);
	if (rec && unpack(rec, size, target, &p, NULL) &&
	    (p.base = HeapAlloc(GetProcessHeap(), 0, p.used))) {
		p.used = 0;
		ok = unpack(rec, size, target, &p, out);
	} else if (rec) {
		SetLastError(ERROR_NOT_FOUND);
	}
	HeapFree(GetProcessHeap(), 0, name);
	HeapFree(GetProcessHeap(), 0, rec);
	return ok;
}

ADVAPI BOOL WINAPI CredDeleteW(LPCWSTR target, DWORD type, DWORD flags)
{
	WCHAR *name;
	HKEY key;
	LONG err;

	if (!(key = open_target(target, type, flags, &name)))
		return FALSE;
	err = RegDeleteValueW(key, name);
	RegCloseKey(key);
	HeapFree(GetProcessHeap(), 0, name);
	return err ? adv_fail_error(err == ERROR_FILE_NOT_FOUND ? ERROR_NOT_FOUND : err) : TRUE;
}

/* Which stored credentials a search wants. */
struct cred_match {
	BOOL (*wants)(const struct cred_match *m, DWORD type, const WCHAR *target);
	const WCHAR *filter;                  /* CredEnumerate */
	const CREDENTIAL_TARGET_INFORMATIONW *info; /* CredReadDomainCredentials */
};

/* CredEnumerate's filter: none, "prefix*", or the whole name
 * (case-insensitive). */
static BOOL filter_wants(const struct cred_match *m, DWORD type, const WCHAR *target)
{
	int n, t = lstrlenW(target);

	if (!m->filter)
		return TRUE;
	n = lstrlenW(m->filter);
	if (n && m->filter[n - 1] == '*')
		return t >= n - 1 && CompareStringOrdinal(m->filter, n - 1, target, n - 1, TRUE) == CSTR_EQUAL;
	return CompareStringOrdinal(m->filter, -1, target, -1, TRUE) == CSTR_EQUAL;
}

static BOOL same_name(const WCHAR *a, const WCHAR *b)
{
	return a && CompareStringOrdinal(a, -1, b, -1, TRUE) == CSTR_EQUAL;
}

/* CredReadDomainCredentials: domain credentials stored for one of the
 * target's names. */
static BOOL domain_wants(const struct cred_match *m, DWORD type, const WCHAR *target)
{
	const CREDENTIAL_TARGET_INFORMATIONW *i = m->info;

	return is_domain_type(type) &&
	       (same_name(i->TargetName, target) || same_name(i->NetbiosServerName, target) ||
		same_name(i->DnsServerName, target) || same_name(i->NetbiosDomainName, target) ||
		same_name(i->DnsDomainName, target) || same_name(i->DnsTreeName, target));
}

/* One pass over the store, laying out (p->base NULL: measuring) the
 * wanted credentials; array (when given) receives count pointers. */
static DWORD enumerate(HKEY key, const struct cred_match *m, struct cred_packer *p, CREDENTIALW **array, DWORD count)
{
	WCHAR name[CRED_MAX_STRING_LENGTH + 16];
	DWORD found = 0;

	for (DWORD i = 0;; i++) {
		DWORD len = ARRAYSIZE(name), size;
		BYTE *rec;

		if (RegEnumValueW(key, i, name, &len, NULL, NULL, NULL, NULL))
			break;
		if (len < 2 || name[1] != ':' || !m->wants(m, name[0] - '0', name + 2))
			continue;
		if (!(rec = load(key, name, &size)))
			continue;
		if (unpack(rec, size, name + 2, p, array && found < count ? &array[found] : NULL))
			found++;
		HeapFree(GetProcessHeap(), 0, rec);
	}
	return found;
}

/* The wanted credentials as an array of pointers and the credentials, in
 * one allocation; ERROR_NOT_FOUND when there is none. */
static BOOL collect(const struct cred_match *m, DWORD *count, PCREDENTIALW **out)
{
	struct cred_packer p = { NULL, 0 };
	CREDENTIALW **array;
	DWORD n;
	HKEY key;

	*count = 0;
	*out = NULL;
	if (!(key = open_store(FALSE)))
		return adv_fail_error(ERROR_NOT_FOUND);
	if (!(n = enumerate(key, m, &p, NULL, 0))) {
		RegCloseKey(key);
		return adv_fail_error(ERROR_NOT_FOUND);
	}
	/* room for the array, and for each credential's alignment, which
	 * depends on where it starts */
	if (!(p.base = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
				 p.used + n * (sizeof(CREDENTIALW *) + sizeof(void *))))) {
		RegCloseKey(key);
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	array = (CREDENTIALW **)p.base;
	p.used = n * sizeof(CREDENTIALW *);
	*count = enumerate(key, m, &p, array, n);
	RegCloseKey(key);
	*out = array;
	return TRUE;
}

ADVAPI BOOL WINAPI CredEnumerateW(LPCWSTR filter, DWORD flags, DWORD *count, PCREDENTIALW **out)
{
	struct cred_match m = { filter_wants, filter, NULL };

	if (flags & ~CRED_ENUMERATE_ALL_CREDENTIALS_)
		return adv_fail_error(ERROR_INVALID_FLAGS);
	if (!count || !out || ((flags & CRED_ENUMERATE_ALL_CREDENTIALS_) && filter))
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	return collect(&m, count, out);
}

ADVAPI BOOL WINAPI CredReadDomainCredentialsW(PCREDENTIAL_TARGET_INFORMATIONW info, DWORD flags, DWORD *count,
					      PCREDENTIALW **out)
{
	struct cred_match m = { domain_wants, NULL, info };

	if (!info || !count || !out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (flags & ~CRED_CACHE_TARGET_INFORMATION)
		return adv_fail_error(ERROR_INVALID_FLAGS);
	return collect(&m, count, out);
}

ADVAPI VOID WINAPI CredFree(PVOID buffer)
{
	HeapFree(GetProcessHeap(), 0, buffer);
}

/* Every type may persist up to the enterprise (roaming) level; there is
 * no type 0. */
ADVAPI BOOL WINAPI CredGetSessionTypes(DWORD max, LPDWORD persists)
{
	if (!persists)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	for (DWORD i = 0; i < max; i++)
		persists[i] = i && i <= MAX_TYPE ? CRED_PERSIST_ENTERPRISE : CRED_PERSIST_NONE;
	return TRUE;
}
