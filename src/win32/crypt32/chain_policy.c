/* CertVerifyCertificateChainPolicy: a built chain's trust status judged
 * by a policy (base, authenticode, SSL, basic constraints), the first
 * error found as its documented HRESULT with the chain and element it was
 * found in.  The SSL policy also matches the server name against the end
 * certificate's DNS names (else its common name). */
#include "crypt32_private.h"
#include <wchar.h>
#include <wininet.h> /* the SECURITY_FLAG_IGNORE_* checks of the SSL policy */

/* An error status bit and the HRESULT it gives, in the order checked. */
static const struct {
	DWORD status, ignore_flags;
	HRESULT error;
} base_errors[] = {
	{ CERT_TRUST_IS_NOT_SIGNATURE_VALID, 0, TRUST_E_CERT_SIGNATURE },
	{ CERT_TRUST_IS_UNTRUSTED_ROOT, CERT_CHAIN_POLICY_ALLOW_UNKNOWN_CA_FLAG,
	  CERT_E_UNTRUSTEDROOT },
	{ CERT_TRUST_IS_PARTIAL_CHAIN, CERT_CHAIN_POLICY_ALLOW_UNKNOWN_CA_FLAG, CERT_E_CHAINING },
	{ CERT_TRUST_IS_CYCLIC, 0, CERT_E_CHAINING },
	{ CERT_TRUST_IS_REVOKED, 0, CRYPT_E_REVOKED },
	{ CERT_TRUST_IS_NOT_TIME_VALID, CERT_CHAIN_POLICY_IGNORE_NOT_TIME_VALID_FLAG,
	  CERT_E_EXPIRED },
	{ CERT_TRUST_INVALID_EXTENSION, 0, CERT_E_CRITICAL },
	{ CERT_TRUST_IS_NOT_VALID_FOR_USAGE, CERT_CHAIN_POLICY_IGNORE_WRONG_USAGE_FLAG,
	  CERT_E_WRONG_USAGE },
	{ CERT_TRUST_INVALID_BASIC_CONSTRAINTS,
	  CERT_CHAIN_POLICY_IGNORE_INVALID_BASIC_CONSTRAINTS_FLAG, TRUST_E_BASIC_CONSTRAINTS },
};

/* Where the first element with status bit is; (-1, -1) if none has it. */
static void locate(PCCERT_CHAIN_CONTEXT chain, DWORD bit, PCERT_CHAIN_POLICY_STATUS st)
{
	st->lChainIndex = st->lElementIndex = -1;
	for (DWORD c = 0; c < chain->cChain; c++)
		for (DWORD i = 0; i < chain->rgpChain[c]->cElement; i++)
			if (chain->rgpChain[c]->rgpElement[i]->TrustStatus.dwErrorStatus & bit) {
				st->lChainIndex = (LONG)c;
				st->lElementIndex = (LONG)i;
				return;
			}
	if (chain->cChain && chain->rgpChain[0]->TrustStatus.dwErrorStatus & bit)
		st->lChainIndex = 0; /* a chain's own status (partial, cyclic): no element */
}

/* The first error of the chain that flags do not ignore (mask: the bits
 * a policy looks at). */
static void base_policy(PCCERT_CHAIN_CONTEXT chain, DWORD flags, DWORD mask,
			PCERT_CHAIN_POLICY_STATUS st)
{
	for (size_t i = 0; i < ARRAYSIZE(base_errors); i++) {
		DWORD bit = base_errors[i].status & mask;

		if (!(chain->TrustStatus.dwErrorStatus & bit) ||
		    (base_errors[i].ignore_flags && flags & base_errors[i].ignore_flags))
			continue;
		st->dwError = (DWORD)base_errors[i].error;
		locate(chain, bit, st);
		return;
	}
}

/* A DNS name against a name that may begin with one "*." wildcard label. */
static BOOL dns_matches(const WCHAR *pattern, const WCHAR *host)
{
	if (pattern[0] == '*' && pattern[1] == '.') {
		const WCHAR *dot = wcschr(host, '.');

		return dot && dot != host && !_wcsicmp(pattern + 1, dot);
	}
	return !_wcsicmp(pattern, host);
}

/* Whether one of the common names of a subject matches host (a name
 * may hold several). */
static BOOL common_name_matches(PCCERT_CONTEXT cert, const WCHAR *host)
{
	CERT_NAME_INFO *name;
	DWORD size;
	BOOL match = FALSE;

	if (!CryptDecodeObjectEx(cert->dwCertEncodingType, X509_UNICODE_NAME,
				 cert->pCertInfo->Subject.pbData, cert->pCertInfo->Subject.cbData,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &name, &size))
		return FALSE;
	for (DWORD i = 0; i < name->cRDN && !match; i++)
		for (DWORD j = 0; j < name->rgRDN[i].cRDNAttr && !match; j++) {
			CERT_RDN_ATTR *attr = &name->rgRDN[i].rgRDNAttr[j];

			match = !strcmp(attr->pszObjId, szOID_COMMON_NAME) &&
				dns_matches((const WCHAR *)attr->Value.pbData, host);
		}
	LocalFree(name);
	return match;
}

/* The server name against the certificate's DNS alternative names (the
 * extension of either OID), or, when it has none, its common names. */
static BOOL server_name_matches(PCCERT_CONTEXT cert, const WCHAR *host)
{
	static const char *const alt_oids[] = { szOID_SUBJECT_ALT_NAME2, szOID_SUBJECT_ALT_NAME };
	PCERT_INFO info = cert->pCertInfo;
	DWORD dns_names = 0;
	BOOL match = FALSE;

	for (size_t k = 0; k < ARRAYSIZE(alt_oids) && !match; k++) {
		PCERT_EXTENSION ext = CertFindExtension(alt_oids[k], info->cExtension,
							info->rgExtension);
		CERT_ALT_NAME_INFO *alt;
		DWORD size;

		if (!ext || !CryptDecodeObjectEx(cert->dwCertEncodingType, X509_ALTERNATE_NAME,
						 ext->Value.pbData, ext->Value.cbData,
						 CRYPT_DECODE_ALLOC_FLAG, NULL, &alt, &size))
			continue;
		for (DWORD i = 0; i < alt->cAltEntry && !match; i++)
			if (alt->rgAltEntry[i].dwAltNameChoice == CERT_ALT_NAME_DNS_NAME) {
				dns_names++;
				match = dns_matches(alt->rgAltEntry[i].pwszDNSName, host);
			}
		LocalFree(alt);
	}
	return dns_names ? match : common_name_matches(cert, host);
}

static void ssl_policy(PCCERT_CHAIN_CONTEXT chain, PCERT_CHAIN_POLICY_PARA para,
		       PCERT_CHAIN_POLICY_STATUS st)
{
	const SSL_EXTRA_CERT_CHAIN_POLICY_PARA *ssl = para ? para->pvExtraPolicyPara : NULL;
	DWORD checks = ssl ? ssl->fdwChecks : 0, flags = para ? para->dwFlags : 0;

	if (checks & SECURITY_FLAG_IGNORE_UNKNOWN_CA)
		flags |= CERT_CHAIN_POLICY_ALLOW_UNKNOWN_CA_FLAG;
	if (checks & SECURITY_FLAG_IGNORE_CERT_DATE_INVALID)
		flags |= CERT_CHAIN_POLICY_IGNORE_NOT_TIME_VALID_FLAG;
	if (checks & SECURITY_FLAG_IGNORE_WRONG_USAGE)
		flags |= CERT_CHAIN_POLICY_IGNORE_WRONG_USAGE_FLAG;
	base_policy(chain, flags, ~0u, st);
	if (st->dwError == (DWORD)CERT_E_CHAINING)
		st->dwError = (DWORD)CERT_E_UNTRUSTEDROOT; /* no trusted root reached */
	if (st->dwError || !ssl || !ssl->pwszServerName ||
	    checks & SECURITY_FLAG_IGNORE_CERT_CN_INVALID || !chain->cChain ||
	    !chain->rgpChain[0]->cElement)
		return;
	if (!server_name_matches(chain->rgpChain[0]->rgpElement[0]->pCertContext,
				 ssl->pwszServerName)) {
		st->dwError = (DWORD)CERT_E_CN_NO_MATCH;
		st->lChainIndex = st->lElementIndex = 0;
	}
}

C32_API BOOL WINAPI CertVerifyCertificateChainPolicy(LPCSTR oid, PCCERT_CHAIN_CONTEXT chain,
						     PCERT_CHAIN_POLICY_PARA para,
						     PCERT_CHAIN_POLICY_STATUS st)
{
	DWORD flags = para ? para->dwFlags : 0;

	/* a policy of no installed function: ERROR_FILE_NOT_FOUND, as Windows says */
	if (!IS_INTRESOURCE(oid) ||
	    (oid != CERT_CHAIN_POLICY_BASE && oid != CERT_CHAIN_POLICY_AUTHENTICODE &&
	     oid != CERT_CHAIN_POLICY_AUTHENTICODE_TS && oid != CERT_CHAIN_POLICY_SSL &&
	     oid != CERT_CHAIN_POLICY_BASIC_CONSTRAINTS))
		return c32_fail(ERROR_FILE_NOT_FOUND);
	if (!chain || !st)
		return c32_fail(E_INVALIDARG);
	st->dwError = 0;
	st->lChainIndex = st->lElementIndex = -1;
	if (oid == CERT_CHAIN_POLICY_BASE || oid == CERT_CHAIN_POLICY_AUTHENTICODE ||
	    oid == CERT_CHAIN_POLICY_AUTHENTICODE_TS)
		base_policy(chain, flags, ~0u, st);
	else if (oid == CERT_CHAIN_POLICY_SSL)
		ssl_policy(chain, para, st);
	else
		base_policy(chain, flags, CERT_TRUST_INVALID_BASIC_CONSTRAINTS, st);
	return TRUE;
}
