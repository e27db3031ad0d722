/*
 * Marshaled credentials: a certificate's hash or a user name as one
 * string that passes where a user name goes ("@@" + the type + the
 * data).  The data are bytes in 6-bit groups, least significant bits
 * first, each written as a character of A-Z a-z 0-9 # -; the type is one
 * such character (CertCredential 'B', UsernameTargetCredential 'C').  A
 * user name is its byte length (4 bytes) then its UTF-16 bytes, each part
 * in whole characters.  This is the form Windows writes, as the strings of
 * Wine's cred test, checked on Windows, show.  BinaryBlobCredential is
 * not supported yet (ERROR_INVALID_PARAMETER).
 */
#include "cred_private.h"

static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789#-";

static int digit_value(WCHAR ch)
{
	const char *at = ch && ch < 0x80 ? strchr(digits, (char)ch) : NULL;

	return at ? (int)(at - digits) : -1;
}

static DWORD chars_for(DWORD bytes)
{
	return (bytes * 8 + 5) / 6;
}

static WCHAR *encode(WCHAR *out, const BYTE *in, DWORD n)
{
	DWORD bits = 0, held = 0;

	for (DWORD i = 0; i < n; i++) {
		bits |= (DWORD)in[i] << held;
		for (held += 8; held >= 6; held -= 6, bits >>= 6)
			*out++ = digits[bits & 63];
	}
	if (held)
		*out++ = digits[bits & 63];
	return out;
}

/* n bytes from exactly chars_for(n) characters; FALSE on a bad one. */
static BOOL decode(const WCHAR *in, BYTE *out, DWORD n)
{
	DWORD bits = 0, held = 0, done = 0;

	for (DWORD i = 0; i < chars_for(n); i++) {
		int v = digit_value(in[i]);

		if (v < 0)
			return FALSE;
		bits |= (DWORD)v << held;
		for (held += 6; held >= 8 && done < n; held -= 8, bits >>= 8)
			out[done++] = (BYTE)bits;
	}
	return TRUE;
}

ADVAPI BOOL WINAPI CredMarshalCredentialW(CRED_MARSHAL_TYPE type, PVOID cred, LPWSTR *out)
{
	const CERT_CREDENTIAL_INFO *cert = cred;
	const USERNAME_TARGET_CREDENTIAL_INFO *user = cred;
	DWORD len = 0;
	WCHAR *s, *at;

	if (!cred || !out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (type == CertCredential && cert->cbSize < sizeof(*cert))
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (type == UsernameTargetCredential && (!user->UserName || !(len = lstrlenW(user->UserName) * 2)))
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (type != CertCredential && type != UsernameTargetCredential)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!(s = HeapAlloc(GetProcessHeap(), 0, (3 + chars_for(CERT_HASH_LENGTH) + chars_for(4) + chars_for(len) + 1) *
							sizeof(WCHAR))))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	s[0] = s[1] = '@';
	s[2] = digits[type];
	if (type == CertCredential) {
		at = encode(s + 3, cert->rgbHashOfCert, CERT_HASH_LENGTH);
	} else {
		at = encode(s + 3, (const BYTE *)&len, sizeof(len));
		at = encode(at, (const BYTE *)user->UserName, len);
	}
	*at = 0;
	*out = s;
	return TRUE;
}

/* The credential a marshaled string holds, HeapAlloc'd (out NULL: only
 * checked); *type is set once the type character is read. */
static BOOL unmarshal(const WCHAR *s, CRED_MARSHAL_TYPE *type, void **out)
{
	DWORD rest, len;
	int t;

	if (!s || s[0] != '@' || s[1] != '@' || (t = digit_value(s[2])) < 0)
		return FALSE;
	*type = t;
	s += 3;
	rest = lstrlenW(s);
	if (t == CertCredential) {
		CERT_CREDENTIAL_INFO cert = { sizeof(cert) };

		if (rest != chars_for(CERT_HASH_LENGTH) || !decode(s, cert.rgbHashOfCert, CERT_HASH_LENGTH))
			return FALSE;
		if (out && (*out = HeapAlloc(GetProcessHeap(), 0, sizeof(cert))))
			memcpy(*out, &cert, sizeof(cert));
		return !out || *out;
	}
	if (t != UsernameTargetCredential || rest < chars_for(4) || !decode(s, (BYTE *)&len, 4) || !len || len & 1 ||
	    len > 0x10000 || rest - chars_for(4) != chars_for(len))
		return FALSE;
	USERNAME_TARGET_CREDENTIAL_INFO *user = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*user) + len + 2);

	if (!user)
		return FALSE;
	user->UserName = (WCHAR *)(user + 1);
	if (!decode(s + chars_for(4), (BYTE *)user->UserName, len)) {
		HeapFree(GetProcessHeap(), 0, user);
		return FALSE;
	}
	if (out)
		*out = user;
	else
		HeapFree(GetProcessHeap(), 0, user);
	return TRUE;
}

ADVAPI BOOL WINAPI CredUnmarshalCredentialW(LPCWSTR s, PCRED_MARSHAL_TYPE type, PVOID *out)
{
	if (!s || !type || !out || !unmarshal(s, type, out))
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	return TRUE;
}

ADVAPI BOOL WINAPI CredIsMarshaledCredentialW(LPCWSTR s)
{
	CRED_MARSHAL_TYPE type;

	return unmarshal(s, &type, NULL) ? TRUE : adv_fail_error(ERROR_INVALID_PARAMETER);
}

/* The A forms: the marshaled text is ASCII. */
static WCHAR *widen(LPCSTR s)
{
	int n = s ? MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0) : 0;
	WCHAR *w = n ? HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR)) : NULL;

	if (w)
		MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
	return w;
}

ADVAPI BOOL WINAPI CredMarshalCredentialA(CRED_MARSHAL_TYPE type, PVOID cred, LPSTR *out)
{
	WCHAR *w;
	int n;

	if (!out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!CredMarshalCredentialW(type, cred, &w))
		return FALSE;
	n = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
	if ((*out = HeapAlloc(GetProcessHeap(), 0, n)))
		WideCharToMultiByte(CP_ACP, 0, w, -1, *out, n, NULL, NULL);
	HeapFree(GetProcessHeap(), 0, w);
	return *out ? TRUE : adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
}

ADVAPI BOOL WINAPI CredUnmarshalCredentialA(LPCSTR s, PCRED_MARSHAL_TYPE type, PVOID *out)
{
	WCHAR *w = widen(s);
	BOOL ok = CredUnmarshalCredentialW(w, type, out);

	HeapFree(GetProcessHeap(), 0, w);
	return ok;
}

ADVAPI BOOL WINAPI CredIsMarshaledCredentialA(LPCSTR s)
{
	WCHAR *w = widen(s);
	BOOL ok = CredIsMarshaledCredentialW(w);

	HeapFree(GetProcessHeap(), 0, w);
	return ok;
}
