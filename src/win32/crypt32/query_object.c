/* CryptQueryObject: what a blob or a file holds.  Each allowed format is
 * tried (the bytes as they are; base64 text, with or without PEM lines),
 * and in it each allowed content type in turn: a certificate, CRL or CTL,
 * a serialized store or element, a PKCS #7 message (signed or not), a
 * signature embedded in a PE image.  Windows reads base64 of UTF-16 text
 * only as a PKCS #7 message, and hands an embedded signature to the PE
 * subject interface package through a temporary file: without a
 * temporary directory it does not match.  What is found goes out as the
 * caller asks: encoding, content and format types, a store holding it, the
 * message, the context. */
#include "crypt32_private.h"
#include <wintrust.h> /* WIN_CERTIFICATE */

#define ENCODING (X509_ASN_ENCODING | PKCS_7_ASN_ENCODING)

struct found {
	DWORD content, format;
	HCERTSTORE store;
	HCRYPTMSG msg;
	const void *ctx;
};

static HCERTSTORE memory_store(void)
{
	return CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, CERT_STORE_CREATE_NEW_FLAG, NULL);
}

/* A certificate, CRL or CTL, in a memory store of its own. */
static BOOL as_context(const BYTE *data, DWORD len, DWORD flags, struct found *f)
{
	static const DWORD kinds[] = { CERT_QUERY_CONTENT_CERT, CERT_QUERY_CONTENT_CRL,
				       CERT_QUERY_CONTENT_CTL };

	for (int i = 0; i < 3; i++) {
		if (!(flags & (1u << kinds[i])))
			continue;
		if (!(f->store = memory_store()))
			return FALSE;
		if ((i == 0 && CertAddEncodedCertificateToStore(f->store, ENCODING, data, len,
								CERT_STORE_ADD_ALWAYS,
								(PCCERT_CONTEXT *)&f->ctx)) ||
		    (i == 1 && CertAddEncodedCRLToStore(f->store, ENCODING, data, len,
							CERT_STORE_ADD_ALWAYS,
							(PCCRL_CONTEXT *)&f->ctx)) ||
		    (i == 2 && CertAddEncodedCTLToStore(f->store, ENCODING, data, len,
							CERT_STORE_ADD_ALWAYS,
							(PCCTL_CONTEXT *)&f->ctx))) {
			f->content = kinds[i];
			return TRUE;
		}
		CertCloseStore(f->store, 0);
		f->store = NULL;
	}
	return FALSE;
}

static BOOL as_serialized(const BYTE *data, DWORD len, DWORD flags, struct found *f)
{
	static const DWORD element_flags[] = { 0, CERT_STORE_CERTIFICATE_CONTEXT_FLAG,
					       CERT_STORE_CRL_CONTEXT_FLAG,
					       CERT_STORE_CTL_CONTEXT_FLAG };
	static const DWORD element_kinds[] = { 0, CERT_QUERY_CONTENT_SERIALIZED_CERT,
					       CERT_QUERY_CONTENT_SERIALIZED_CRL,
					       CERT_QUERY_CONTENT_SERIALIZED_CTL };
	DWORD allowed = 0, type;

	if (flags & CERT_QUERY_CONTENT_FLAG_SERIALIZED_STORE) {
		if (!(f->store = memory_store()))
			return FALSE;
		if (c32_store_load_serialized(f->store, data, len)) {
			f->content = CERT_QUERY_CONTENT_SERIALIZED_STORE;
			return TRUE;
		}
		CertCloseStore(f->store, 0);
		f->store = NULL;
	}
	for (int i = 1; i < 4; i++)
		if (flags & (1u << element_kinds[i]))
			allowed |= element_flags[i];
	if (!allowed || !(f->store = memory_store()))
		return FALSE;
	if (CertAddSerializedElementToStore(f->store, data, len, CERT_STORE_ADD_ALWAYS, 0, allowed,
					    &type, &f->ctx) &&
	    type >= 1 && type <= 3) {
		f->content = element_kinds[type];
		return TRUE;
	}
	CertCloseStore(f->store, 0);
	f->store = NULL;
	return FALSE;
}

/* A PKCS #7 message: signed, or data ("unsigned"). */
static BOOL as_message(const BYTE *data, DWORD len, DWORD flags, DWORD content, struct found *f)
{
	DWORD type, size = sizeof(type);
	HCRYPTMSG msg = CryptMsgOpenToDecode(ENCODING, 0, 0, 0, NULL, NULL);

	if (!msg)
		return FALSE;
	if (CryptMsgUpdate(msg, data, len, TRUE) &&
	    CryptMsgGetParam(msg, CMSG_TYPE_PARAM, 0, &type, &size)) {
		if (content == CERT_QUERY_CONTENT_PKCS7_SIGNED_EMBED && type != CMSG_SIGNED)
			content = 0;
		else if (content != CERT_QUERY_CONTENT_PKCS7_SIGNED_EMBED)
			content = type == CMSG_SIGNED ? CERT_QUERY_CONTENT_PKCS7_SIGNED
			       : type == CMSG_DATA    ? CERT_QUERY_CONTENT_PKCS7_UNSIGNED
						      : 0;
		if (content && flags & (1u << content) &&
		    (f->store = CertOpenStore(CERT_STORE_PROV_MSG, ENCODING, 0, 0, msg))) {
			f->content = content;
			f->msg = msg;
			return TRUE;
		}
	}
	CryptMsgClose(msg);
	return FALSE;
}

/* The PKCS #7 signature of a PE image (its security directory's first
 * WIN_CERTIFICATE of type PKCS_SIGNED_DATA), or NULL. */
static const BYTE *embedded_signature(const BYTE *data, DWORD len, DWORD *sig_len)
{
	const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)data;
	const IMAGE_NT_HEADERS64 *nt;
	const IMAGE_DATA_DIRECTORY *dir;
	const WIN_CERTIFICATE *cert;
	DWORD at;

	if (len < sizeof(*dos) || dos->e_magic != IMAGE_DOS_SIGNATURE || dos->e_lfanew < 0 ||
	    (DWORD)dos->e_lfanew > len - sizeof(IMAGE_NT_HEADERS64))
		return NULL;
	nt = (const IMAGE_NT_HEADERS64 *)(data + dos->e_lfanew);
	if (nt->Signature != IMAGE_NT_SIGNATURE)
		return NULL;
	if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC)
		dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_SECURITY];
	else if (nt->OptionalHeader.Magic == IMAGE_NT_OPTIONAL_HDR32_MAGIC)
		dir = &((const IMAGE_NT_HEADERS32 *)nt)->OptionalHeader
			       .DataDirectory[IMAGE_DIRECTORY_ENTRY_SECURITY];
	else
		return NULL;
	at = dir->VirtualAddress; /* a file offset, for this directory */
	if (!at || at > len || dir->Size > len - at || dir->Size < offsetof(WIN_CERTIFICATE, bCertificate))
		return NULL;
	cert = (const WIN_CERTIFICATE *)(data + at);
	if (cert->wCertificateType != WIN_CERT_TYPE_PKCS_SIGNED_DATA ||
	    cert->dwLength < offsetof(WIN_CERTIFICATE, bCertificate) || cert->dwLength > dir->Size)
		return NULL;
	*sig_len = cert->dwLength - offsetof(WIN_CERTIFICATE, bCertificate);
	return cert->bCertificate;
}

static BOOL temp_dir_exists(void)
{
	WCHAR path[MAX_PATH + 1];
	DWORD n = GetTempPathW(ARRAYSIZE(path), path), attrs;

	if (!n || n > MAX_PATH)
		return FALSE;
	attrs = GetFileAttributesW(path);
	return attrs != INVALID_FILE_ATTRIBUTES && attrs & FILE_ATTRIBUTE_DIRECTORY;
}

/* Every allowed content type tried on bytes of one format. */
static BOOL as_content(const BYTE *data, DWORD len, DWORD flags, BOOL wide_text, struct found *f)
{
	const BYTE *sig;
	DWORD sig_len;

	if (wide_text) /* UTF-16 base64: only messages, as Windows reads it */
		return as_message(data, len, flags, 0, f);
	if (as_context(data, len, flags, f) || as_serialized(data, len, flags, f) ||
	    ((flags & (CERT_QUERY_CONTENT_FLAG_PKCS7_SIGNED |
		       CERT_QUERY_CONTENT_FLAG_PKCS7_UNSIGNED)) &&
	     as_message(data, len, flags, 0, f)))
		return TRUE;
	if (flags & CERT_QUERY_CONTENT_FLAG_PKCS7_SIGNED_EMBED &&
	    (sig = embedded_signature(data, len, &sig_len)) && temp_dir_exists())
		return as_message(sig, sig_len, flags, CERT_QUERY_CONTENT_PKCS7_SIGNED_EMBED, f);
	return FALSE;
}

/* base64 text (narrow, or UTF-16 when wide) decoded; NULL if it is not. */
static BYTE *from_base64(const BYTE *data, DWORD len, BOOL wide, DWORD *out_len)
{
	BYTE *out;

	*out_len = 0;
	if (wide ? !CryptStringToBinaryW((LPCWSTR)data, len / sizeof(WCHAR), CRYPT_STRING_BASE64_ANY,
					 NULL, out_len, NULL, NULL)
		 : !CryptStringToBinaryA((LPCSTR)data, len, CRYPT_STRING_BASE64_ANY, NULL, out_len,
					 NULL, NULL))
		return NULL;
	if (!*out_len || !(out = LocalAlloc(0, *out_len)))
		return NULL;
	if (wide ? CryptStringToBinaryW((LPCWSTR)data, len / sizeof(WCHAR), CRYPT_STRING_BASE64_ANY,
					out, out_len, NULL, NULL)
		 : CryptStringToBinaryA((LPCSTR)data, len, CRYPT_STRING_BASE64_ANY, out, out_len,
					NULL, NULL))
		return out;
	LocalFree(out);
	return NULL;
}

static BOOL query_bytes(const BYTE *data, DWORD len, DWORD content_flags, DWORD format_flags,
			struct found *f)
{
	if (format_flags & CERT_QUERY_FORMAT_FLAG_BINARY &&
	    as_content(data, len, content_flags, FALSE, f)) {
		f->format = CERT_QUERY_FORMAT_BINARY;
		return TRUE;
	}
	if (format_flags & CERT_QUERY_FORMAT_FLAG_BASE64_ENCODED) {
		for (int wide = 0; wide < 2; wide++) {
			DWORD n;
			BYTE *bytes = from_base64(data, len, wide, &n);
			BOOL ok = bytes && as_content(bytes, n, content_flags, wide, f);

			LocalFree(bytes);
			if (ok) {
				f->format = CERT_QUERY_FORMAT_BASE64_ENCODED;
				return TRUE;
			}
		}
	}
	return c32_fail((DWORD)CRYPT_E_NO_MATCH);
}

/* A file's bytes, allocated. */
static BYTE *read_file(LPCWSTR path, DWORD *len)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	BYTE *data = NULL;
	DWORD got;

	if (h == INVALID_HANDLE_VALUE)
		return NULL;
	*len = GetFileSize(h, NULL);
	if (*len != INVALID_FILE_SIZE && (data = LocalAlloc(0, *len ? *len : 1)) &&
	    !ReadFile(h, data, *len, &got, NULL)) {
		LocalFree(data);
		data = NULL;
	}
	CloseHandle(h);
	return data;
}

static void hand_out(struct found *f, DWORD *encoding, DWORD *content, DWORD *format,
		     HCERTSTORE *store, HCRYPTMSG *msg, const void **ctx)
{
	if (encoding)
		*encoding = ENCODING;
	if (content)
		*content = f->content;
	if (format)
		*format = f->format;
	if (store)
		*store = f->store;
	else
		CertCloseStore(f->store, 0);
	if (msg)
		*msg = f->msg;
	else if (f->msg)
		CryptMsgClose(f->msg);
	if (ctx)
		*ctx = f->ctx;
	else if (f->content == CERT_QUERY_CONTENT_CERT ||
		 f->content == CERT_QUERY_CONTENT_SERIALIZED_CERT)
		CertFreeCertificateContext(f->ctx);
	else if (f->content == CERT_QUERY_CONTENT_CRL ||
		 f->content == CERT_QUERY_CONTENT_SERIALIZED_CRL)
		CertFreeCRLContext(f->ctx);
	else if (f->ctx)
		CertFreeCTLContext(f->ctx);
}

C32_API BOOL WINAPI CryptQueryObject(DWORD object_type, const void *object, DWORD content_flags,
				     DWORD format_flags, DWORD flags, DWORD *encoding,
				     DWORD *content, DWORD *format, HCERTSTORE *store,
				     HCRYPTMSG *msg, const void **ctx)
{
	struct found f = { 0 };
	const CRYPT_DATA_BLOB *blob = object;
	BYTE *file = NULL;
	DWORD len = 0;
	BOOL ok;

	if (!object || (object_type != CERT_QUERY_OBJECT_BLOB &&
			object_type != CERT_QUERY_OBJECT_FILE))
		return c32_fail(E_INVALIDARG);
	if (object_type == CERT_QUERY_OBJECT_FILE && !(file = read_file(object, &len)))
		return FALSE;
	ok = file ? query_bytes(file, len, content_flags, format_flags, &f)
		  : query_bytes(blob->pbData, blob->cbData, content_flags, format_flags, &f);
	LocalFree(file);
	if (ok)
		hand_out(&f, encoding, content, format, store, msg, ctx);
	return ok;
}
