/* The table of known algorithm OIDs (CRYPT_OID_INFO: hash, encryption,
 * public key and signature groups) and its look-ups: CryptFindOIDInfo,
 * CryptEnumOIDInfo, CertOIDToAlgId, CertAlgIdToOID.  A signature
 * algorithm's Algid is its hash's, and its ExtraInfo holds its public key
 * algorithm (and, for CNG-only ones, flags), as Windows has them. */
#define CRYPT_OID_INFO_HAS_EXTRA_FIELDS /* the CNG names, as Windows has them */
#include "crypt32_private.h"

static const DWORD rsa_sign[] = { CALG_RSA_SIGN };
static const DWORD dss_sign[] = { CALG_DSS_SIGN };
static const DWORD ecdsa_sign[] = { CALG_OID_INFO_PARAMETERS,
				    CRYPT_OID_NO_NULL_ALGORITHM_PARA_FLAG };

#define ENTRY(group, oid, name, alg) \
	{ sizeof(CRYPT_OID_INFO), oid, name, group, { alg }, { 0, NULL } }
#define SIGN(oid, name, hash, extra)                                                    \
	{ sizeof(CRYPT_OID_INFO), oid, name, CRYPT_SIGN_ALG_OID_GROUP_ID, { hash },    \
	  { sizeof(extra), (BYTE *)extra } }

/* Within a group, the first entry of an ALG_ID is the one CertAlgIdToOID
 * gives. */
static const CRYPT_OID_INFO oid_infos[] = {
	ENTRY(CRYPT_HASH_ALG_OID_GROUP_ID, szOID_OIWSEC_sha1, L"sha1", CALG_SHA1),
	ENTRY(CRYPT_HASH_ALG_OID_GROUP_ID, szOID_OIWSEC_sha, L"sha", CALG_SHA),
	ENTRY(CRYPT_HASH_ALG_OID_GROUP_ID, szOID_RSA_MD5, L"md5", CALG_MD5),
	ENTRY(CRYPT_HASH_ALG_OID_GROUP_ID, szOID_RSA_MD4, L"md4", CALG_MD4),
	ENTRY(CRYPT_HASH_ALG_OID_GROUP_ID, szOID_RSA_MD2, L"md2", CALG_MD2),
	ENTRY(CRYPT_HASH_ALG_OID_GROUP_ID, szOID_NIST_sha256, L"sha256", CALG_SHA_256),
	ENTRY(CRYPT_HASH_ALG_OID_GROUP_ID, szOID_NIST_sha384, L"sha384", CALG_SHA_384),
	ENTRY(CRYPT_HASH_ALG_OID_GROUP_ID, szOID_NIST_sha512, L"sha512", CALG_SHA_512),

	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_OIWSEC_desCBC, L"des", CALG_DES),
	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_RSA_DES_EDE3_CBC, L"3des", CALG_3DES),
	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_RSA_RC2CBC, L"rc2", CALG_RC2),
	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_RSA_RC4, L"rc4", CALG_RC4),
	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_NIST_AES128_CBC, L"aes128", CALG_AES_128),
	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_NIST_AES192_CBC, L"aes192", CALG_AES_192),
	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_NIST_AES256_CBC, L"aes256", CALG_AES_256),
	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_RSA_SMIMEalgCMS3DESwrap, L"CMS3DESwrap",
	      CALG_3DES),
	ENTRY(CRYPT_ENCRYPT_ALG_OID_GROUP_ID, szOID_RSA_SMIMEalgCMSRC2wrap, L"CMSRC2wrap",
	      CALG_RC2),

	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_RSA_RSA, L"RSA", CALG_RSA_KEYX),
	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_X957_DSA, L"DSA", CALG_DSS_SIGN),
	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_ANSI_X942_DH, L"DH", CALG_DH_SF),
	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_OIWSEC_rsaXchg, L"RSA_KEYX", CALG_RSA_KEYX),
	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_OIWSEC_dsa, L"DSA", CALG_DSS_SIGN),
	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_RSA_DH, L"DH", CALG_DH_SF),
	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_RSA_SMIMEalgESDH, L"ESDH", CALG_DH_EPHEM),
	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_INFOSEC_mosaicKMandUpdSig,
	      L"mosaicKMandUpdSig", CALG_DSS_SIGN),
	ENTRY(CRYPT_PUBKEY_ALG_OID_GROUP_ID, szOID_ECC_PUBLIC_KEY, L"ECC",
	      CALG_OID_INFO_PARAMETERS),

	SIGN(szOID_RSA_SHA1RSA, L"sha1RSA", CALG_SHA1, rsa_sign),
	SIGN(szOID_RSA_MD5RSA, L"md5RSA", CALG_MD5, rsa_sign),
	SIGN(szOID_RSA_MD4RSA, L"md4RSA", CALG_MD4, rsa_sign),
	SIGN(szOID_RSA_MD2RSA, L"md2RSA", CALG_MD2, rsa_sign),
	SIGN(szOID_RSA_SHA256RSA, L"sha256RSA", CALG_SHA_256, rsa_sign),
	SIGN(szOID_RSA_SHA384RSA, L"sha384RSA", CALG_SHA_384, rsa_sign),
	SIGN(szOID_RSA_SHA512RSA, L"sha512RSA", CALG_SHA_512, rsa_sign),
	SIGN(szOID_OIWSEC_sha1RSASign, L"sha1RSA", CALG_SHA1, rsa_sign),
	SIGN(szOID_OIWSEC_shaRSA, L"shaRSA", CALG_SHA, rsa_sign),
	SIGN(szOID_OIWSEC_md5RSA, L"md5RSA", CALG_MD5, rsa_sign),
	SIGN(szOID_OIWSEC_md4RSA, L"md4RSA", CALG_MD4, rsa_sign),
	SIGN(szOID_OIWSEC_md4RSA2, L"md4RSA", CALG_MD4, rsa_sign),
	SIGN(szOID_OIWDIR_md2RSA, L"md2RSA", CALG_MD2, rsa_sign),
	SIGN(szOID_X957_SHA1DSA, L"sha1DSA", CALG_SHA1, dss_sign),
	SIGN(szOID_OIWSEC_dsaSHA1, L"dsaSHA1", CALG_SHA1, dss_sign),
	SIGN(szOID_OIWSEC_shaDSA, L"dsaSHA1", CALG_SHA1, dss_sign),
	SIGN(szOID_INFOSEC_mosaicUpdatedSig, L"mosaicUpdatedSig", CALG_SHA, dss_sign),
	{ sizeof(CRYPT_OID_INFO), szOID_ECDSA_SHA256, L"sha256ECDSA", CRYPT_SIGN_ALG_OID_GROUP_ID,
	  { CALG_OID_INFO_CNG_ONLY }, { sizeof(ecdsa_sign), (BYTE *)ecdsa_sign },
	  BCRYPT_SHA256_ALGORITHM, CRYPT_OID_INFO_ECC_PARAMETERS_ALGORITHM },
};

static BOOL in_group(const CRYPT_OID_INFO *info, DWORD group)
{
	return !group || info->dwGroupId == group;
}

static BOOL matches(const CRYPT_OID_INFO *info, DWORD key_type, const void *key)
{
	const DWORD *algs = key;

	switch (key_type) {
	case CRYPT_OID_INFO_OID_KEY:
		return !strcmp(info->pszOID, key);
	case CRYPT_OID_INFO_NAME_KEY:
		return !lstrcmpiW(info->pwszName, key);
	case CRYPT_OID_INFO_ALGID_KEY:
		return info->Algid == algs[0];
	case CRYPT_OID_INFO_SIGN_KEY:
		return info->dwGroupId == CRYPT_SIGN_ALG_OID_GROUP_ID && info->Algid == algs[0] &&
		       info->ExtraInfo.cbData >= sizeof(DWORD) &&
		       ((const DWORD *)info->ExtraInfo.pbData)[0] == algs[1];
	}
	return FALSE;
}

/* The group is the low bits of group_id; the rest are flags it ignores. */
C32_API PCCRYPT_OID_INFO WINAPI CryptFindOIDInfo(DWORD key_type, void *key, DWORD group_id)
{
	DWORD group = group_id & 0xffff; /* the key length in the high bits is not matched */

	if (!key)
		return NULL;
	for (size_t i = 0; i < ARRAYSIZE(oid_infos); i++)
		if (in_group(&oid_infos[i], group) && matches(&oid_infos[i], key_type, key))
			return &oid_infos[i];
	return NULL;
}

C32_API BOOL WINAPI CryptEnumOIDInfo(DWORD group_id, DWORD flags, void *arg,
				     PFN_CRYPT_ENUM_OID_INFO callback)
{
	if (!callback)
		return c32_fail(E_INVALIDARG);
	for (size_t i = 0; i < ARRAYSIZE(oid_infos); i++)
		if (in_group(&oid_infos[i], group_id) && !callback(&oid_infos[i], arg))
			return FALSE;
	return TRUE;
}

C32_API DWORD WINAPI CertOIDToAlgId(LPCSTR oid)
{
	PCCRYPT_OID_INFO info = oid ? CryptFindOIDInfo(CRYPT_OID_INFO_OID_KEY, (void *)oid, 0)
				    : NULL;

	return info ? info->Algid : 0;
}

/* Hash, encryption and public key algorithms before signatures, whose
 * Algid is a hash's. */
C32_API LPCSTR WINAPI CertAlgIdToOID(DWORD alg)
{
	static const DWORD groups[] = { CRYPT_HASH_ALG_OID_GROUP_ID, CRYPT_ENCRYPT_ALG_OID_GROUP_ID,
					CRYPT_PUBKEY_ALG_OID_GROUP_ID };

	for (size_t g = 0; g < ARRAYSIZE(groups); g++) {
		PCCRYPT_OID_INFO info = CryptFindOIDInfo(CRYPT_OID_INFO_ALGID_KEY, &alg, groups[g]);

		if (info)
			return info->pszOID;
	}
	return NULL;
}
