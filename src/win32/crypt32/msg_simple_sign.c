/* The simplified message functions of signed messages: CryptSignMessage
 * (one signer, the signing certificate's private key, with the
 * certificates and CRLs asked for), CryptVerifyMessageSignature and
 * CryptVerifyDetachedMessageSignature (the signer's certificate from the
 * caller's callback, else from the message's own certificates:
 * CRYPT_E_NOT_FOUND when it has none that match). */
#include "msg_private.h" /* the CMS fields of the encode infos */

/* The blobs of a set of contexts' encodings (LocalFree); NULL: none, or no memory. */
static CRYPT_DATA_BLOB *encoded_blobs(DWORD count, const void *const *contexts, BOOL crls)
{
	CRYPT_DATA_BLOB *blobs;

	if (!count || !(blobs = LocalAlloc(0, count * sizeof(*blobs))))
		return NULL;
	for (DWORD i = 0; i < count; i++) {
		if (crls) {
			PCCRL_CONTEXT crl = contexts[i];

			blobs[i] = (CRYPT_DATA_BLOB){ crl->cbCrlEncoded, crl->pbCrlEncoded };
		} else {
			PCCERT_CONTEXT cert = contexts[i];

			blobs[i] = (CRYPT_DATA_BLOB){ cert->cbCertEncoded, cert->pbCertEncoded };
		}
	}
	return blobs;
}

static HCRYPTMSG open_signed(PCRYPT_SIGN_MESSAGE_PARA para, BOOL detached)
{
	CMSG_SIGNER_ENCODE_INFO signer = { sizeof(signer) };
	CMSG_SIGNED_ENCODE_INFO info = { sizeof(info) };
	HCRYPTMSG msg = NULL;
	BOOL free_prov = FALSE;

	if (para->pSigningCert) {
		if (!CryptAcquireCertificatePrivateKey(para->pSigningCert, 0, NULL,
						       &signer.hCryptProv, &signer.dwKeySpec,
						       &free_prov))
			return NULL;
		signer.pCertInfo = para->pSigningCert->pCertInfo;
		signer.HashAlgorithm = para->HashAlgorithm;
		/* signed with the certificate's key: its algorithm, as Windows writes it */
		signer.HashEncryptionAlgorithm.pszObjId =
			para->pSigningCert->pCertInfo->SubjectPublicKeyInfo.Algorithm.pszObjId;
		signer.pvHashAuxInfo = para->pvHashAuxInfo;
		signer.cAuthAttr = para->cAuthAttr;
		signer.rgAuthAttr = para->rgAuthAttr;
		signer.cUnauthAttr = para->cUnauthAttr;
		signer.rgUnauthAttr = para->rgUnauthAttr;
		info.cSigners = 1;
		info.rgSigners = &signer;
	}
	info.cCertEncoded = para->cMsgCert;
	info.rgCertEncoded = encoded_blobs(para->cMsgCert, (const void *const *)para->rgpMsgCert,
					   FALSE);
	info.cCrlEncoded = para->cMsgCrl;
	info.rgCrlEncoded = encoded_blobs(para->cMsgCrl, (const void *const *)para->rgpMsgCrl,
					  TRUE);
	if ((!info.cCertEncoded || info.rgCertEncoded) && (!info.cCrlEncoded || info.rgCrlEncoded))
		/* a provider opened here is the message's to release */
		msg = CryptMsgOpenToEncode(para->dwMsgEncodingType,
					   (detached ? CMSG_DETACHED_FLAG : 0) |
						   (free_prov ? CMSG_CRYPT_RELEASE_CONTEXT_FLAG : 0),
					   CMSG_SIGNED, &info, NULL, NULL);
	else
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	LocalFree(info.rgCertEncoded);
	LocalFree(info.rgCrlEncoded);
	if (!msg && free_prov)
		CryptReleaseContext(signer.hCryptProv, 0);
	return msg;
}

C32_API BOOL WINAPI CryptSignMessage(PCRYPT_SIGN_MESSAGE_PARA para, BOOL detached, DWORD count,
				     const BYTE *data[], DWORD sizes[], BYTE *blob,
				     DWORD *blob_len)
{
	HCRYPTMSG msg;
	BOOL ok;

	if (para->cbSize != sizeof(*para))
		return c32_fail(E_INVALIDARG);
	if (!c32_simple_para_ok(para->cbSize, sizeof(*para), para->dwMsgEncodingType)) {
		*blob_len = 0;
		return FALSE;
	}
	if (!(msg = open_signed(para, detached)))
		return FALSE;
	ok = c32_simple_update(msg, detached, count, data, sizes) &&
	     CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, blob, blob_len);
	CryptMsgClose(msg);
	return ok;
}

/* The signer's certificate: the callback's, else the message's own. */
static PCCERT_CONTEXT signer_cert(PCRYPT_VERIFY_MESSAGE_PARA para, HCRYPTMSG msg, DWORD index)
{
	CERT_INFO *id = NULL;
	PCCERT_CONTEXT cert = NULL;
	HCERTSTORE store;
	DWORD len = 0;

	if (!CryptMsgGetParam(msg, CMSG_SIGNER_CERT_INFO_PARAM, index, NULL, &len) ||
	    !(id = LocalAlloc(0, len)) ||
	    !CryptMsgGetParam(msg, CMSG_SIGNER_CERT_INFO_PARAM, index, id, &len)) {
		LocalFree(id);
		return NULL;
	}
	store = CertOpenStore(CERT_STORE_PROV_MSG, para->dwMsgAndCertEncodingType,
			      para->hCryptProv, 0, msg);
	if (para->pfnGetSignerCertificate)
		cert = para->pfnGetSignerCertificate(para->pvGetArg, para->dwMsgAndCertEncodingType,
						     id, store);
	else if (store)
		cert = CertGetSubjectCertificateFromStore(store, para->dwMsgAndCertEncodingType, id);
	CertCloseStore(store, 0);
	LocalFree(id);
	if (!cert)
		SetLastError((DWORD)CRYPT_E_NOT_FOUND);
	return cert;
}

/* The signature of signer index checked with its certificate, which goes
 * to *out when asked for. */
static BOOL verify_signer(PCRYPT_VERIFY_MESSAGE_PARA para, HCRYPTMSG msg, DWORD index,
			  PCCERT_CONTEXT *out)
{
	DWORD type, len = sizeof(type);
	PCCERT_CONTEXT cert;
	BOOL ok;

	if (!CryptMsgGetParam(msg, CMSG_TYPE_PARAM, 0, &type, &len))
		return FALSE;
	if (type != CMSG_SIGNED)
		return c32_fail((DWORD)CRYPT_E_UNEXPECTED_MSG_TYPE);
	if (!(cert = signer_cert(para, msg, index)))
		return FALSE;
	ok = CryptMsgControl(msg, 0, CMSG_CTRL_VERIFY_SIGNATURE, cert->pCertInfo);
	if (ok && out)
		*out = cert;
	else
		CertFreeCertificateContext(cert);
	return ok;
}

C32_API BOOL WINAPI CryptVerifyMessageSignature(PCRYPT_VERIFY_MESSAGE_PARA para, DWORD index,
						const BYTE *blob, DWORD len, BYTE *content,
						DWORD *content_len, PCCERT_CONTEXT *signer)
{
	HCRYPTMSG msg;
	BOOL ok = FALSE;

	if (signer)
		*signer = NULL;
	if (!para || !c32_simple_para_ok(para->cbSize, sizeof(*para),
					 para->dwMsgAndCertEncodingType))
		SetLastError(E_INVALIDARG);
	else if ((msg = c32_simple_decode(para->dwMsgAndCertEncodingType, para->hCryptProv, blob,
					  len, FALSE, 0, NULL, NULL))) {
		ok = verify_signer(para, msg, index, signer) &&
		     (!content_len ||
		      CryptMsgGetParam(msg, CMSG_CONTENT_PARAM, 0, content, content_len));
		CryptMsgClose(msg);
	}
	if (!ok && signer && *signer) {
		CertFreeCertificateContext(*signer);
		*signer = NULL;
	}
	if (!ok && content_len && GetLastError() != ERROR_MORE_DATA)
		*content_len = 0; /* as Windows leaves it on failure */
	return ok;
}

C32_API BOOL WINAPI CryptVerifyDetachedMessageSignature(PCRYPT_VERIFY_MESSAGE_PARA para,
							DWORD index, const BYTE *blob, DWORD len,
							DWORD count, const BYTE *data[],
							DWORD sizes[], PCCERT_CONTEXT *signer)
{
	HCRYPTMSG msg;
	BOOL ok;

	if (signer)
		*signer = NULL;
	if (!para || !c32_simple_para_ok(para->cbSize, sizeof(*para),
					 para->dwMsgAndCertEncodingType))
		return c32_fail(E_INVALIDARG);
	if (!(msg = c32_simple_decode(para->dwMsgAndCertEncodingType, para->hCryptProv, blob, len,
				      TRUE, count, data, sizes)))
		return FALSE;
	ok = (count || CryptMsgUpdate(msg, NULL, 0, TRUE)) && /* no content: the hash of none */
	     verify_signer(para, msg, index, signer);
	CryptMsgClose(msg);
	return ok;
}
