/* Certificate chains (CertGetCertificateChain and its engines): from the
 * end certificate up through issuers found by subject name, first in the
 * caller's additional store, then in the engine's stores (ROOT, CA, MY,
 * TRUST), each issuer's signature checked; every element's trust status
 * (time, signature, usage, basic constraints) and the chain's (untrusted
 * root, partial chain).  One simple chain; no revocation, no CTLs. */
#include "crypt32_private.h"
#include <stddef.h>

#define MAX_ELEMENTS 16 /* a longer path is reported as cyclic */

struct chain_engine {
	HCERTSTORE world; /* where issuers are looked for */
	HCERTSTORE roots; /* the trusted roots */
	HCERTSTORE restricted; /* NULL, or the roots of ROOT that alone are trusted */
};

/* The chain context and all it points to, in one block. */
struct chain_block {
	CERT_CHAIN_CONTEXT context; /* first: the block is freed through it */
	LONG refs;
	CERT_SIMPLE_CHAIN simple;
	PCERT_SIMPLE_CHAIN simples[1];
	PCERT_CHAIN_ELEMENT element_ptrs[MAX_ELEMENTS];
	CERT_CHAIN_ELEMENT elements[MAX_ELEMENTS];
};

static struct chain_engine *default_engines[2]; /* HCCE_CURRENT_USER, HCCE_LOCAL_MACHINE */

static HCERTSTORE open_system(const WCHAR *name, DWORD location)
{
	return CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0,
			     location | CERT_STORE_OPEN_EXISTING_FLAG | CERT_STORE_READONLY_FLAG,
			     name);
}

static BOOL engine_init(struct chain_engine *e, DWORD location, HCERTSTORE exclusive_root,
			HCERTSTORE restricted, DWORD extra_count, HCERTSTORE *extra)
{
	static const WCHAR *const names[] = { L"ROOT", L"CA", L"MY", L"TRUST" };
	HCERTSTORE s;

	e->world = CertOpenStore(CERT_STORE_PROV_COLLECTION, 0, 0, 0, NULL);
	e->roots = exclusive_root ? CertDuplicateStore(exclusive_root) : open_system(L"ROOT", location);
	e->restricted = restricted ? CertDuplicateStore(restricted) : NULL;
	if (!e->world)
		return FALSE;
	if (e->roots)
		CertAddStoreToCollection(e->world, e->roots, 0, 0);
	for (DWORD i = 1; i < ARRAYSIZE(names); i++)
		if ((s = open_system(names[i], location))) {
			CertAddStoreToCollection(e->world, s, 0, 0);
			CertCloseStore(s, 0);
		}
	for (DWORD i = 0; i < extra_count; i++)
		if (extra[i])
			CertAddStoreToCollection(e->world, extra[i], 0, 0);
	return TRUE;
}

static void engine_close(struct chain_engine *e)
{
	if (e->world)
		CertCloseStore(e->world, 0);
	if (e->roots)
		CertCloseStore(e->roots, 0);
	if (e->restricted)
		CertCloseStore(e->restricted, 0);
}

static BOOL in_store(HCERTSTORE store, PCCERT_CONTEXT cert);

/* A restricted root store may hold only certificates of the ROOT store. */
static BOOL subset_of_root(HCERTSTORE restricted)
{
	HCERTSTORE root = open_system(L"ROOT", CERT_SYSTEM_STORE_CURRENT_USER);
	PCCERT_CONTEXT cert = NULL;
	BOOL ok = TRUE;

	while (ok && (cert = CertEnumCertificatesInStore(restricted, cert)))
		ok = in_store(root, cert);
	if (cert)
		CertFreeCertificateContext(cert);
	if (root)
		CertCloseStore(root, 0);
	return ok;
}

C32_API BOOL WINAPI CertCreateCertificateChainEngine(PCERT_CHAIN_ENGINE_CONFIG config,
						     HCERTCHAINENGINE *out)
{
	struct chain_engine *e;
	BOOL has_exclusive;

	if (!config || !out)
		return c32_fail(E_INVALIDARG);
	/* the Windows 2000 size (up to CycleDetectionModulus) or a later one */
	if (config->cbSize != offsetof(CERT_CHAIN_ENGINE_CONFIG, hExclusiveRoot) &&
	    config->cbSize != offsetof(CERT_CHAIN_ENGINE_CONFIG, dwExclusiveFlags) &&
	    config->cbSize != sizeof(CERT_CHAIN_ENGINE_CONFIG))
		return c32_fail(E_INVALIDARG);
	if (config->cAdditionalStore && !config->rghAdditionalStore)
		return c32_fail(E_INVALIDARG);
	has_exclusive = config->cbSize > offsetof(CERT_CHAIN_ENGINE_CONFIG, hExclusiveRoot) &&
			config->hExclusiveRoot;
	if (!has_exclusive && config->hRestrictedRoot && !subset_of_root(config->hRestrictedRoot))
		return c32_fail(ERROR_FILE_NOT_FOUND); /* Windows 10's error */
	if (!(e = LocalAlloc(LPTR, sizeof(*e))))
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	if (!engine_init(e, CERT_SYSTEM_STORE_CURRENT_USER,
			 has_exclusive ? config->hExclusiveRoot : NULL,
			 has_exclusive ? NULL : config->hRestrictedRoot, config->cAdditionalStore,
			 config->rghAdditionalStore)) {
		engine_close(e);
		LocalFree(e);
		return FALSE;
	}
	*out = e;
	return TRUE;
}

C32_API void WINAPI CertFreeCertificateChainEngine(HCERTCHAINENGINE engine)
{
	if (!engine || engine == HCCE_LOCAL_MACHINE)
		return; /* the default engines stay */
	engine_close(engine);
	LocalFree(engine);
}

C32_API BOOL WINAPI CertResyncCertificateChainEngine(HCERTCHAINENGINE engine)
{
	(void)engine;
	return TRUE; /* stores are read at each look-up: nothing is cached */
}

static struct chain_engine *engine_of(HCERTCHAINENGINE h)
{
	struct chain_engine **slot, *e;

	if (h && h != HCCE_LOCAL_MACHINE)
		return h;
	slot = &default_engines[h == HCCE_LOCAL_MACHINE];
	if (*slot)
		return *slot;
	if (!(e = LocalAlloc(LPTR, sizeof(*e))))
		return NULL;
	engine_init(e, h ? CERT_SYSTEM_STORE_LOCAL_MACHINE : CERT_SYSTEM_STORE_CURRENT_USER, NULL,
		    NULL, 0, NULL);
	/* two threads may make one each: the first kept, the other closed */
	if (InterlockedCompareExchangePointer((void **)slot, e, NULL)) {
		engine_close(e);
		LocalFree(e);
	}
	return *slot;
}

static BOOL signed_by(PCCERT_CONTEXT subject, PCCERT_CONTEXT issuer)
{
	return CryptVerifyCertificateSignatureEx(0, subject->dwCertEncodingType,
						 CRYPT_VERIFY_CERT_SIGN_SUBJECT_CERT, (void *)subject,
						 CRYPT_VERIFY_CERT_SIGN_ISSUER_CERT, (void *)issuer,
						 0, NULL);
}

static BOOL in_store(HCERTSTORE store, PCCERT_CONTEXT cert)
{
	PCCERT_CONTEXT found;

	if (!store)
		return FALSE;
	found = CertFindCertificateInStore(store, cert->dwCertEncodingType, 0, CERT_FIND_EXISTING,
					   cert, NULL);
	if (found)
		CertFreeCertificateContext(found);
	return found != NULL;
}

static BOOL already_in(const struct chain_block *b, PCCERT_CONTEXT cert)
{
	for (DWORD i = 0; i < b->simple.cElement; i++)
		if (CertCompareCertificate(cert->dwCertEncodingType, b->elements[i].pCertContext->pCertInfo,
					   cert->pCertInfo))
			return TRUE;
	return FALSE;
}

/* The issuer of subject in store whose signature checks (else the first
 * of that name, *signature_ok FALSE); one already in the chain only if
 * there is no other (*cyclic TRUE); NULL if none. */
static PCCERT_CONTEXT issuer_in(HCERTSTORE store, PCCERT_CONTEXT subject,
				const struct chain_block *b, BOOL *signature_ok, BOOL *cyclic)
{
	PCCERT_CONTEXT cand = NULL, first = NULL, repeated = NULL;

	*signature_ok = *cyclic = FALSE;
	if (!store)
		return NULL;
	while ((cand = CertFindCertificateInStore(store, subject->dwCertEncodingType, 0,
						  CERT_FIND_SUBJECT_NAME, &subject->pCertInfo->Issuer,
						  cand))) {
		if (already_in(b, cand)) {
			if (!repeated)
				repeated = CertDuplicateCertificateContext(cand);
		} else if (signed_by(subject, cand)) {
			if (first)
				CertFreeCertificateContext(first);
			*signature_ok = TRUE;
			first = cand;
			break;
		} else if (!first) {
			first = CertDuplicateCertificateContext(cand);
		}
	}
	if (first) {
		if (repeated)
			CertFreeCertificateContext(repeated);
		return first;
	}
	if (repeated) {
		*cyclic = TRUE;
		*signature_ok = signed_by(subject, repeated);
	}
	return repeated;
}

/* Whether cert's enhanced key usages allow what was asked (none asked,
 * or the certificate limits none: any). */
static BOOL usage_allowed(PCCERT_CONTEXT cert, const CERT_USAGE_MATCH *want)
{
	CERT_ENHKEY_USAGE *have;
	DWORD size = 0, matched = 0;
	BOOL ok;

	if (!want->Usage.cUsageIdentifier)
		return TRUE;
	if (!CertGetEnhancedKeyUsage(cert, 0, NULL, &size))
		return TRUE; /* no usage limits */
	if (!(have = LocalAlloc(LPTR, size)) || !CertGetEnhancedKeyUsage(cert, 0, have, &size)) {
		LocalFree(have);
		return TRUE;
	}
	if (!have->cUsageIdentifier && GetLastError() == (DWORD)CRYPT_E_NOT_FOUND) {
		LocalFree(have);
		return TRUE; /* valid for every usage */
	}
	for (DWORD i = 0; i < want->Usage.cUsageIdentifier; i++)
		for (DWORD j = 0; j < have->cUsageIdentifier; j++)
			if (!strcmp(want->Usage.rgpszUsageIdentifier[i], have->rgpszUsageIdentifier[j])) {
				matched++;
				break;
			}
	ok = want->dwType == USAGE_MATCH_TYPE_OR ? matched > 0
						  : matched == want->Usage.cUsageIdentifier;
	LocalFree(have);
	return ok;
}

/* A certificate above the end one that is no CA: its basic constraints
 * say so, or it is an intermediate of version 3 without them (RFC 5280
 * 4.2.1.9), or the chain below it exceeds its path length limit. */
static BOOL bad_ca(PCCERT_CONTEXT cert, DWORD below, BOOL intermediate)
{
	PCERT_EXTENSION ext = CertFindExtension(szOID_BASIC_CONSTRAINTS2,
						cert->pCertInfo->cExtension,
						cert->pCertInfo->rgExtension);
	CERT_BASIC_CONSTRAINTS2_INFO *bc;
	DWORD size;
	BOOL bad;

	if (!ext) /* an intermediate of version 3 must say it is a CA; a root need not */
		return intermediate && cert->pCertInfo->dwVersion == CERT_V3 &&
		       !CertFindExtension(szOID_BASIC_CONSTRAINTS, cert->pCertInfo->cExtension,
					  cert->pCertInfo->rgExtension);
	if (!CryptDecodeObjectEx(cert->dwCertEncodingType, X509_BASIC_CONSTRAINTS2,
				 ext->Value.pbData, ext->Value.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL,
				 &bc, &size))
		return TRUE;
	bad = !bc->fCA || (bc->fPathLenConstraint && below - 1 > bc->dwPathLenConstraint);
	LocalFree(bc);
	return bad;
}

/* A CA whose key usage extension does not allow signing certificates. */
static BOOL ca_cannot_sign(PCCERT_CONTEXT cert)
{
	BYTE usage[2] = { 0 };

	if (!CertGetIntendedKeyUsage(cert->dwCertEncodingType, cert->pCertInfo, usage,
				     sizeof(usage)))
		return FALSE; /* no key usage: every usage */
	return !(usage[0] & CERT_KEY_CERT_SIGN_KEY_USAGE);
}

/* A critical extension this chain engine does not understand. */
static BOOL unknown_critical(PCCERT_CONTEXT cert)
{
	static const char *const known[] = {
		szOID_BASIC_CONSTRAINTS, szOID_BASIC_CONSTRAINTS2, szOID_KEY_USAGE,
		szOID_ENHANCED_KEY_USAGE, szOID_SUBJECT_ALT_NAME, szOID_SUBJECT_ALT_NAME2,
		szOID_ISSUER_ALT_NAME, szOID_ISSUER_ALT_NAME2, szOID_AUTHORITY_KEY_IDENTIFIER,
		szOID_AUTHORITY_KEY_IDENTIFIER2, szOID_SUBJECT_KEY_IDENTIFIER,
		szOID_CERT_POLICIES, szOID_NAME_CONSTRAINTS, szOID_POLICY_CONSTRAINTS,
		szOID_POLICY_MAPPINGS, szOID_CRL_DIST_POINTS, szOID_AUTHORITY_INFO_ACCESS,
	};
	PCERT_INFO info = cert->pCertInfo;

	for (DWORD i = 0; i < info->cExtension; i++) {
		BOOL found = !info->rgExtension[i].fCritical;

		for (size_t k = 0; k < ARRAYSIZE(known) && !found; k++)
			found = !strcmp(info->rgExtension[i].pszObjId, known[k]);
		if (!found)
			return TRUE;
	}
	return FALSE;
}

/* The element statuses that are the certificates' own, and the chain's. */
static void set_trust(struct chain_block *b, struct chain_engine *e, FILETIME *now,
		      const CERT_CHAIN_PARA *para, BOOL complete)
{
	DWORD n = b->simple.cElement;
	CERT_CHAIN_ELEMENT *root = &b->elements[n - 1];
	CERT_TRUST_STATUS *chain = &b->simple.TrustStatus;

	for (DWORD i = 0; i < n; i++) {
		CERT_CHAIN_ELEMENT *el = &b->elements[i];

		if (CertVerifyTimeValidity(now, el->pCertContext->pCertInfo))
			el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_NOT_TIME_VALID;
		if (para && !usage_allowed(el->pCertContext, &para->RequestedUsage))
			el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_NOT_VALID_FOR_USAGE;
		if (i > 0 && bad_ca(el->pCertContext, i, i + 1 < n))
			el->TrustStatus.dwErrorStatus |= CERT_TRUST_INVALID_BASIC_CONSTRAINTS;
		if (i > 0 && ca_cannot_sign(el->pCertContext))
			el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_NOT_VALID_FOR_USAGE;
		if (unknown_critical(el->pCertContext))
			el->TrustStatus.dwErrorStatus |= CERT_TRUST_INVALID_EXTENSION;
	}
	if (complete && (!in_store(e->roots, root->pCertContext) ||
			 (e->restricted && !in_store(e->restricted, root->pCertContext))))
		root->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_UNTRUSTED_ROOT;
	for (DWORD i = 0; i < n; i++)
		chain->dwErrorStatus |= b->elements[i].TrustStatus.dwErrorStatus;
	if (!complete)
		chain->dwErrorStatus |= CERT_TRUST_IS_PARTIAL_CHAIN;
	b->context.TrustStatus = *chain;
}

/* Appends cert (a reference taken) to the chain. */
static CERT_CHAIN_ELEMENT *append(struct chain_block *b, PCCERT_CONTEXT cert)
{
	CERT_CHAIN_ELEMENT *el = &b->elements[b->simple.cElement];

	el->cbSize = sizeof(*el);
	el->pCertContext = cert;
	b->element_ptrs[b->simple.cElement++] = el;
	return el;
}

/* How a certificate names its issuer, which Windows reports whether or
 * not the issuer is found: by key identifier (authority key identifier
 * extension), by issuer and serial number (exact), else by name. */
static DWORD issuer_match_kind(PCCERT_CONTEXT cert)
{
	/* both forms of the extension begin with the key id; where the serial is */
	static const struct {
		const char *oid;
		LPCSTR type;
		size_t serial;
	} forms[] = {
		{ szOID_AUTHORITY_KEY_IDENTIFIER2, X509_AUTHORITY_KEY_ID2,
		  offsetof(CERT_AUTHORITY_KEY_ID2_INFO, AuthorityCertSerialNumber) },
		{ szOID_AUTHORITY_KEY_IDENTIFIER, X509_AUTHORITY_KEY_ID,
		  offsetof(CERT_AUTHORITY_KEY_ID_INFO, CertSerialNumber) },
	};
	PCERT_INFO info = cert->pCertInfo;

	for (size_t i = 0; i < ARRAYSIZE(forms); i++) {
		PCERT_EXTENSION ext = CertFindExtension(forms[i].oid, info->cExtension,
							info->rgExtension);
		BYTE *aki;
		DWORD size, kind = CERT_TRUST_HAS_NAME_MATCH_ISSUER;

		if (!ext)
			continue;
		if (CryptDecodeObjectEx(cert->dwCertEncodingType, forms[i].type, ext->Value.pbData,
					ext->Value.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &aki,
					&size)) {
			if (((CRYPT_DATA_BLOB *)aki)->cbData)
				kind = CERT_TRUST_HAS_KEY_MATCH_ISSUER;
			else if (((CRYPT_INTEGER_BLOB *)(aki + forms[i].serial))->cbData)
				kind = CERT_TRUST_HAS_EXACT_MATCH_ISSUER;
			LocalFree(aki);
		}
		return kind;
	}
	return CERT_TRUST_HAS_NAME_MATCH_ISSUER;
}

/* Follows issuers from the end certificate; TRUE if it ends in a root. */
static BOOL build_path(struct chain_block *b, struct chain_engine *e, HCERTSTORE additional)
{
	CERT_CHAIN_ELEMENT *el = b->element_ptrs[0];

	for (;;) {
		PCCERT_CONTEXT cert = el->pCertContext, issuer;
		BOOL sig_ok, cyclic;

		el->TrustStatus.dwInfoStatus |= issuer_match_kind(cert);
		if (CertCompareCertificateName(cert->dwCertEncodingType, &cert->pCertInfo->Subject,
					       &cert->pCertInfo->Issuer)) {
			el->TrustStatus.dwInfoStatus |= CERT_TRUST_IS_SELF_SIGNED;
			if (!signed_by(cert, cert))
				el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_NOT_SIGNATURE_VALID;
			return TRUE;
		}
		issuer = issuer_in(additional, cert, b, &sig_ok, &cyclic);
		if (!issuer || !sig_ok || cyclic) {
			BOOL world_ok, world_cyclic;
			PCCERT_CONTEXT other = issuer_in(e->world, cert, b, &world_ok, &world_cyclic);

			if (other && (!issuer || (world_ok && !world_cyclic) ||
				      (cyclic && !world_cyclic))) {
				if (issuer)
					CertFreeCertificateContext(issuer);
				issuer = other;
				sig_ok = world_ok;
				cyclic = world_cyclic;
			} else if (other) {
				CertFreeCertificateContext(other);
			}
		}
		if (!issuer)
			return FALSE;
		if (!sig_ok)
			el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_NOT_SIGNATURE_VALID;
		if (b->simple.cElement == MAX_ELEMENTS) {
			CertFreeCertificateContext(issuer);
			b->simple.TrustStatus.dwErrorStatus |= CERT_TRUST_IS_CYCLIC;
			return FALSE;
		}
		if (cyclic) { /* the repeated certificate ends the chain */
			el = append(b, issuer);
			el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_CYCLIC;
			el->TrustStatus.dwInfoStatus |= issuer_match_kind(issuer);
			return FALSE;
		}
		el = append(b, issuer);
	}
}

/* Whether cert's bytes are a signed certificate (not only its to-be-signed
 * part, which a context may be made of). */
static BOOL is_signed(PCCERT_CONTEXT cert)
{
	CERT_SIGNED_CONTENT_INFO *info;
	DWORD size;

	if (!CryptDecodeObjectEx(cert->dwCertEncodingType, X509_CERT, cert->pbCertEncoded,
				 cert->cbCertEncoded, CRYPT_DECODE_ALLOC_FLAG, NULL, &info, &size))
		return FALSE;
	LocalFree(info);
	return TRUE;
}

C32_API BOOL WINAPI CertGetCertificateChain(HCERTCHAINENGINE engine, PCCERT_CONTEXT cert,
					    LPFILETIME time, HCERTSTORE additional,
					    PCERT_CHAIN_PARA para, DWORD flags, LPVOID reserved,
					    PCCERT_CHAIN_CONTEXT *out)
{
	struct chain_engine *e;
	struct chain_block *b;
	FILETIME now;
	BOOL complete;

	(void)flags; /* revocation and caching flags: no CRLs are fetched */
	if (out)
		*out = NULL;
	if (!cert || !out || reserved)
		return c32_fail(E_INVALIDARG);
	if (!is_signed(cert))
		return FALSE; /* a bare to-be-signed part: the decoder's error */
	if (para && para->cbSize < sizeof(DWORD) + sizeof(CERT_USAGE_MATCH))
		return c32_fail(E_INVALIDARG);
	if (!(e = engine_of(engine)) || !e->world)
		return c32_fail(E_INVALIDARG);
	if (!(b = LocalAlloc(LPTR, sizeof(*b))))
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	if (time)
		now = *time;
	else
		GetSystemTimeAsFileTime(&now);
	b->refs = 1;
	b->context.cbSize = sizeof(b->context);
	b->context.cChain = 1;
	b->context.rgpChain = b->simples;
	b->simples[0] = &b->simple;
	b->simple.cbSize = sizeof(b->simple);
	b->simple.rgpElement = b->element_ptrs;
	append(b, CertDuplicateCertificateContext(cert));
	complete = build_path(b, e, additional);
	set_trust(b, e, &now, para, complete);
	*out = &b->context;
	return TRUE;
}

C32_API PCCERT_CHAIN_CONTEXT WINAPI CertDuplicateCertificateChain(PCCERT_CHAIN_CONTEXT chain)
{
	if (chain)
		InterlockedIncrement(&((struct chain_block *)chain)->refs);
	return chain;
}

C32_API void WINAPI CertFreeCertificateChain(PCCERT_CHAIN_CONTEXT chain)
{
	struct chain_block *b = (struct chain_block *)chain;

	if (!b || InterlockedDecrement(&b->refs))
		return;
	for (DWORD i = 0; i < b->simple.cElement; i++)
		CertFreeCertificateContext(b->elements[i].pCertContext);
	LocalFree(b);
}
