/* The simplified message functions of hashed messages, each a few calls
 * of the low-level CryptMsg* ones: CryptHashMessage, CryptVerifyMessageHash
 * and CryptVerifyDetachedMessageHash; and CryptGetMessageSignerCount.
 * Common to the simplified functions (msg_simple_sign.c too): the
 * parameter structure's size must be the one documented and the encoding
 * must include PKCS_7_ASN_ENCODING (E_INVALIDARG otherwise). */
#include "crypt32_private.h"

BOOL c32_simple_para_ok(DWORD size, DWORD expected, DWORD encoding)
{
	if (size != expected || !(encoding & PKCS_7_ASN_ENCODING))
		return c32_fail(E_INVALIDARG);
	return TRUE;
}

/* Feeds the pieces to msg; a non-detached message takes one (a second is
 * CRYPT_E_MSG_ERROR, as Windows says for it). */
BOOL c32_simple_update(HCRYPTMSG msg, BOOL detached, DWORD count, const BYTE *data[],
		       DWORD sizes[])
{
	if (!count)
		return CryptMsgUpdate(msg, NULL, 0, TRUE);
	for (DWORD i = 0; i < count; i++)
		if (!CryptMsgUpdate(msg, data[i], sizes[i], !detached || i == count - 1))
			return FALSE;
	return TRUE;
}

/* A decoding message fed blob (and, detached, the pieces of its content). */
HCRYPTMSG c32_simple_decode(DWORD encoding, HCRYPTPROV prov, const BYTE *blob, DWORD len,
			    BOOL detached, DWORD count, const BYTE *data[], DWORD sizes[])
{
	HCRYPTMSG msg = CryptMsgOpenToDecode(encoding, detached ? CMSG_DETACHED_FLAG : 0, 0, prov,
					     NULL, NULL);
	BOOL ok;

	if (!msg)
		return NULL;
	ok = CryptMsgUpdate(msg, blob, len, TRUE);
	for (DWORD i = 0; ok && detached && i < count; i++)
		ok = CryptMsgUpdate(msg, data[i], sizes[i], i == count - 1);
	if (!ok) {
		DWORD error = GetLastError();

		CryptMsgClose(msg);
		SetLastError(error);
		return NULL;
	}
	return msg;
}

/* Nothing asked for: nothing to do, which succeeds (as on Windows). */
C32_API BOOL WINAPI CryptHashMessage(PCRYPT_HASH_MESSAGE_PARA para, BOOL detached, DWORD count,
				     const BYTE *data[], DWORD sizes[], BYTE *blob,
				     DWORD *blob_len, BYTE *hash, DWORD *hash_len)
{
	CMSG_HASHED_ENCODE_INFO info = { sizeof(info) };
	HCRYPTMSG msg;
	BOOL ok;

	if (para->cbSize != sizeof(*para))
		return c32_fail(E_INVALIDARG);
	if (!blob_len && !hash_len)
		return TRUE;
	if (!CertOIDToAlgId(para->HashAlgorithm.pszObjId))
		return c32_fail((DWORD)CRYPT_E_UNKNOWN_ALGO);
	info.hCryptProv = para->hCryptProv;
	info.HashAlgorithm = para->HashAlgorithm;
	info.pvHashAuxInfo = para->pvHashAuxInfo;
	if (!(msg = CryptMsgOpenToEncode(para->dwMsgEncodingType,
					 detached ? CMSG_DETACHED_FLAG : 0, CMSG_HASHED, &info,
					 NULL, NULL)))
		return FALSE;
	ok = c32_simple_update(msg, detached, count, data, sizes);
	if (ok && blob_len)
		ok = CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, blob, blob_len);
	if (ok && hash_len)
		ok = CryptMsgGetParam(msg, CMSG_COMPUTED_HASH_PARAM, 0, hash, hash_len);
	CryptMsgClose(msg);
	return ok;
}

/* The message's hash checked, then its content and computed hash out. */
static BOOL verify_hash(HCRYPTMSG msg, BYTE *content, DWORD *content_len, BYTE *hash,
			DWORD *hash_len)
{
	DWORD type, len = sizeof(type);

	if (!CryptMsgGetParam(msg, CMSG_TYPE_PARAM, 0, &type, &len))
		return FALSE;
	if (type != CMSG_HASHED)
		return c32_fail((DWORD)CRYPT_E_UNEXPECTED_MSG_TYPE);
	if (!CryptMsgControl(msg, 0, CMSG_CTRL_VERIFY_HASH, NULL))
		return FALSE;
	if (content_len && !CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, content, content_len))
		return FALSE;
	return !hash_len || CryptMsgGetParam(msg, CMSG_COMPUTED_HASH_PARAM, 0, hash, hash_len);
}

C32_API BOOL WINAPI CryptVerifyMessageHash(PCRYPT_HASH_MESSAGE_PARA para, BYTE *blob, DWORD len,
					   BYTE *content, DWORD *content_len, BYTE *hash,
					   DWORD *hash_len)
{
	HCRYPTMSG msg;
	BOOL ok;

	if (!c32_simple_para_ok(para->cbSize, sizeof(*para), para->dwMsgEncodingType))
		return FALSE;
	if (!(msg = c32_simple_decode(para->dwMsgEncodingType, para->hCryptProv, blob, len, FALSE,
				      0, NULL, NULL)))
		return FALSE;
	ok = verify_hash(msg, content, content_len, hash, hash_len);
	CryptMsgClose(msg);
	return ok;
}

/* With no content given and no hash asked for, nothing is checked. */
C32_API BOOL WINAPI CryptVerifyDetachedMessageHash(PCRYPT_HASH_MESSAGE_PARA para, BYTE *blob,
						   DWORD len, DWORD count, const BYTE *data[],
						   DWORD sizes[], BYTE *hash, DWORD *hash_len)
{
	HCRYPTMSG msg;
	BOOL ok = TRUE;

	if (!c32_simple_para_ok(para->cbSize, sizeof(*para), para->dwMsgEncodingType))
		return FALSE;
	if (!(msg = c32_simple_decode(para->dwMsgEncodingType, para->hCryptProv, blob, len, TRUE,
				      count, data, sizes)))
		return FALSE;
	if (!count && hash_len) /* the hash of no content: finish it */
		ok = CryptMsgUpdate(msg, NULL, 0, TRUE);
	if (ok && (count || hash_len))
		ok = verify_hash(msg, NULL, NULL, hash, hash_len);
	CryptMsgClose(msg);
	return ok;
}

C32_API LONG WINAPI CryptGetMessageSignerCount(DWORD encoding, const BYTE *blob, DWORD len)
{
	HCRYPTMSG msg;
	DWORD count, size = sizeof(count);
	BOOL ok;

	if (!(encoding & PKCS_7_ASN_ENCODING)) {
		SetLastError(E_INVALIDARG);
		return -1;
	}
	if (!(msg = c32_simple_decode(encoding, 0, blob, len, FALSE, 0, NULL, NULL)))
		return -1;
	ok = CryptMsgGetParam(msg, CMSG_SIGNER_COUNT_PARAM, 0, &count, &size);
	CryptMsgClose(msg);
	return ok ? (LONG)count : -1;
}
