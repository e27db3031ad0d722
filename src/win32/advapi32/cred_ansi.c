/* The ANSI credential calls: CredWriteA, CredReadA, CredDeleteA,
 * CredEnumerateA convert strings (CP_ACP) around the wide calls (cred.c);
 * the secret and attribute values are bytes and pass unchanged. */
#include "cred_private.h"

static WCHAR *to_wide(const char *s)
{
	int n;
	WCHAR *w;

	if (!s)
		return NULL;
	n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
	if ((w = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR))))
		MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
	return w;
}

static char *pack_narrow(struct cred_packer *p, const WCHAR *s)
{
	int n;
	char *at;

	if (!s)
		return NULL;
	n = WideCharToMultiByte(CP_ACP, 0, s, -1, NULL, 0, NULL, NULL);
	at = cred_pack(p, NULL, n, 1);
	if (at)
		WideCharToMultiByte(CP_ACP, 0, s, -1, at, n, NULL, NULL);
	return at;
}

/* A CREDENTIALA laid out by p from a CREDENTIALW (measuring when p->base
 * is NULL). */
static CREDENTIALA *narrow(struct cred_packer *p, const CREDENTIALW *w)
{
	CREDENTIALA *a = cred_pack(p, NULL, sizeof(*a), sizeof(void *));
	CREDENTIAL_ATTRIBUTEA *attrs = cred_pack(p, NULL, w->AttributeCount * sizeof(*attrs), sizeof(void *));

	if (a) {
		a->Flags = w->Flags;
		a->Type = w->Type;
		a->LastWritten = w->LastWritten;
		a->Persist = w->Persist;
		a->AttributeCount = w->AttributeCount;
		a->Attributes = w->AttributeCount ? attrs : NULL;
		a->CredentialBlobSize = w->CredentialBlobSize;
	}
	char *target = pack_narrow(p, w->TargetName), *comment = pack_narrow(p, w->Comment);
	char *alias = pack_narrow(p, w->TargetAlias), *user = pack_narrow(p, w->UserName);
	BYTE *blob = w->CredentialBlob ? cred_pack(p, w->CredentialBlob, w->CredentialBlobSize, 1) : NULL;

	for (DWORD i = 0; i < w->AttributeCount; i++) {
		char *kw = pack_narrow(p, w->Attributes[i].Keyword);
		BYTE *val = cred_pack(p, w->Attributes[i].Value, w->Attributes[i].ValueSize, 1);

		if (attrs) {
			attrs[i].Keyword = kw;
			attrs[i].Flags = w->Attributes[i].Flags;
			attrs[i].ValueSize = w->Attributes[i].ValueSize;
			attrs[i].Value = w->Attributes[i].ValueSize ? val : NULL;
		}
	}
	if (a) {
		a->TargetName = target;
		a->Comment = comment;
		a->TargetAlias = alias;
		a->UserName = user;
		a->CredentialBlob = blob;
	}
	return a;
}

static void free_wide_cred(CREDENTIALW *w, DWORD attrs)
{
	HeapFree(GetProcessHeap(), 0, w->TargetName);
	HeapFree(GetProcessHeap(), 0, w->Comment);
	HeapFree(GetProcessHeap(), 0, w->TargetAlias);
	HeapFree(GetProcessHeap(), 0, w->UserName);
	for (DWORD i = 0; w->Attributes && i < attrs; i++)
		HeapFree(GetProcessHeap(), 0, w->Attributes[i].Keyword);
	HeapFree(GetProcessHeap(), 0, w->Attributes);
}

ADVAPI BOOL WINAPI CredWriteA(PCREDENTIALA a, DWORD flags)
{
	CREDENTIALW w;
	BOOL ok;

	if (!a)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	memset(&w, 0, sizeof(w));
	w.Flags = a->Flags;
	w.Type = a->Type;
	w.Persist = a->Persist;
	w.CredentialBlobSize = a->CredentialBlobSize;
	w.CredentialBlob = a->CredentialBlob;
	w.TargetName = to_wide(a->TargetName);
	w.Comment = to_wide(a->Comment);
	w.TargetAlias = to_wide(a->TargetAlias);
	w.UserName = to_wide(a->UserName);
	w.AttributeCount = a->Attributes ? a->AttributeCount : 0;
	if (w.AttributeCount &&
	    (w.Attributes = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, w.AttributeCount * sizeof(*w.Attributes))))
		for (DWORD i = 0; i < w.AttributeCount; i++) {
			w.Attributes[i].Keyword = to_wide(a->Attributes[i].Keyword);
			w.Attributes[i].Flags = a->Attributes[i].Flags;
			w.Attributes[i].ValueSize = a->Attributes[i].ValueSize;
			w.Attributes[i].Value = a->Attributes[i].Value;
		}
	if (a->AttributeCount && !a->Attributes)
		w.AttributeCount = a->AttributeCount; /* CredWriteW refuses it */
	ok = CredWriteW(&w, flags);
	free_wide_cred(&w, w.Attributes ? w.AttributeCount : 0);
	return ok;
}

/* One CREDENTIALA allocation from a CREDENTIALW. */
static CREDENTIALA *narrow_copy(const CREDENTIALW *w)
{
	struct cred_packer p = { NULL, 0 };

	narrow(&p, w);
	if (!(p.base = HeapAlloc(GetProcessHeap(), 0, p.used)))
		return NULL;
	p.used = 0;
	return narrow(&p, w);
}

ADVAPI BOOL WINAPI CredReadA(LPCSTR target, DWORD type, DWORD flags, PCREDENTIALA *out)
{
	WCHAR *wtarget;
	CREDENTIALW *w;
	BOOL ok;

	if (!target || !out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!(wtarget = to_wide(target)))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	ok = CredReadW(wtarget, type, flags, &w);
	HeapFree(GetProcessHeap(), 0, wtarget);
	if (!ok)
		return FALSE;
	*out = narrow_copy(w);
	CredFree(w);
	return *out ? TRUE : adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
}

ADVAPI BOOL WINAPI CredDeleteA(LPCSTR target, DWORD type, DWORD flags)
{
	WCHAR *wtarget;
	BOOL ok;

	if (!target)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!(wtarget = to_wide(target)))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	ok = CredDeleteW(wtarget, type, flags);
	HeapFree(GetProcessHeap(), 0, wtarget);
	return ok;
}

/* An array of CREDENTIALA pointers and the credentials, in one
 * allocation, from the wide array (which is freed). */
static BOOL narrow_array(CREDENTIALW **w, DWORD n, DWORD *count, PCREDENTIALA **out)
{
	struct cred_packer p = { NULL, 0 };
	CREDENTIALA **array;

	p.used = n * sizeof(CREDENTIALA *);
	for (DWORD i = 0; i < n; i++)
		narrow(&p, w[i]);
	if (!(p.base = HeapAlloc(GetProcessHeap(), 0, p.used))) {
		CredFree(w);
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	}
	array = (CREDENTIALA **)p.base;
	p.used = n * sizeof(CREDENTIALA *);
	for (DWORD i = 0; i < n; i++)
		array[i] = narrow(&p, w[i]);
	CredFree(w);
	*count = n;
	*out = array;
	return TRUE;
}

ADVAPI BOOL WINAPI CredEnumerateA(LPCSTR filter, DWORD flags, DWORD *count, PCREDENTIALA **out)
{
	WCHAR *wfilter = to_wide(filter);
	CREDENTIALW **w;
	DWORD n;
	BOOL ok;

	if (!count || !out || (filter && !wfilter)) {
		HeapFree(GetProcessHeap(), 0, wfilter);
		return adv_fail_error(count && out ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER);
	}
	ok = CredEnumerateW(wfilter, flags, &n, &w);
	HeapFree(GetProcessHeap(), 0, wfilter);
	if (!ok) {
		*count = 0;
		*out = NULL;
		return FALSE;
	}
	return narrow_array(w, n, count, out);
}

ADVAPI BOOL WINAPI CredReadDomainCredentialsA(PCREDENTIAL_TARGET_INFORMATIONA info, DWORD flags, DWORD *count,
					      PCREDENTIALA **out)
{
	CREDENTIAL_TARGET_INFORMATIONW wi = { 0 };
	CREDENTIALW **w;
	DWORD n;
	BOOL ok;

	if (!info || !count || !out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	wi.TargetName = to_wide(info->TargetName);
	wi.NetbiosServerName = to_wide(info->NetbiosServerName);
	wi.DnsServerName = to_wide(info->DnsServerName);
	wi.NetbiosDomainName = to_wide(info->NetbiosDomainName);
	wi.DnsDomainName = to_wide(info->DnsDomainName);
	wi.DnsTreeName = to_wide(info->DnsTreeName);
	wi.PackageName = to_wide(info->PackageName);
	wi.Flags = info->Flags;
	ok = CredReadDomainCredentialsW(&wi, flags, &n, &w);
	for (WCHAR **s = &wi.TargetName; s <= &wi.PackageName; s++)
		HeapFree(GetProcessHeap(), 0, *s);
	if (!ok) {
		*count = 0;
		*out = NULL;
		return FALSE;
	}
	return narrow_array(w, n, count, out);
}
