/* Private declarations of advapi32's CryptoAPI part (crypt_*.c): provider
 * contexts over bcrypt.dll's digests and bcryptprimitives' generator, as
 * Windows' own providers sit over CNG. */
#ifndef LSW_ADV_CRYPT_H
#define LSW_ADV_CRYPT_H

/* wincrypt.h would declare the Crypt* functions imported; we define them. */
#define WINIMPM
#include "adv_private.h"
#include "bcrypt/live_set.h"

/* The provider types of the RSA family, the only one here (wincrypt.h). */
#define ADV_PROV_RSA_FULL 1
#define ADV_PROV_RSA_SIG 2
#define ADV_PROV_RSA_SCHANNEL 12
#define ADV_PROV_RSA_AES 24

/* A provider context (HCRYPTPROV): its container lives in the process
 * only; pairs points to the container's key pairs (bcrypt keys for
 * AT_KEYEXCHANGE and AT_SIGNATURE), or to own_pairs for a
 * CRYPT_VERIFYCONTEXT context. */
struct adv_prov {
	ULONG magic;       /* ADV_PROV_MAGIC while held */
	LONG refs;         /* CryptContextAddRef / CryptReleaseContext */
	DWORD type;        /* PROV_* */
	void **pairs;
	void *own_pairs[2];
	WCHAR *container;      /* as the caller named it ("" for none) */
	const WCHAR *name;     /* the provider's own name */
};
#define ADV_PROV_MAGIC 0x564f5250u /* "PROV" */

/* crypt_context.c: the live context behind a handle, or NULL. */
struct adv_prov *adv_prov_from_handle(HCRYPTPROV handle);
/* crypt_hash.c: len key bytes derived from a live hash for a key of
 * bcrypt's target_alg (CryptDeriveKey's rules), the hash finished. */
BOOL adv_hash_derive(HCRYPTHASH handle, void *target_alg, BYTE *out, DWORD len);
/* crypt_hash.c: whether a handle is a live hash; the context of one (0: none). */
BOOL adv_hash_live(HCRYPTHASH handle);
HCRYPTPROV adv_hash_prov(HCRYPTHASH handle);

/* A session key (HCRYPTKEY) over one of bcrypt's. */
struct adv_key {
	ULONG magic;                 /* ADV_KEY_MAGIC while alive */
	HCRYPTPROV prov;
	ALG_ID algid;
	DWORD len;                   /* secret bytes */
	DWORD mode;                  /* AES: CRYPT_MODE_CBC or CRYPT_MODE_ECB */
	BOOL exportable;
	BYTE secret[32];
	BYTE iv[16];                 /* KP_IV */
	BYTE chain[16];              /* the chaining value between calls */
	void *bcrypt;                /* bcrypt's key, remade to reset or change mode */
	BOOL pair;                   /* an RSA key (crypt_rsa.c): bcrypt's key pair */
};
#define ADV_KEY_MAGIC 0x5359454bu /* "KEYS" */

/* crypt_key.c: the live key behind a handle (its context live too), or
 * NULL; its bcrypt key remade, the stream or chain restarted. */
struct adv_key *adv_key_from_handle(HCRYPTKEY handle);
BOOL adv_key_reset(struct adv_key *k);
BOOL adv_is_aes(ALG_ID algid);
/* crypt_rsa.c: CryptoAPI's RSA key blobs, and signatures checked with them. */
BOOL adv_is_rsa_blob(const BYTE *data, DWORD len);
BOOL adv_import_rsa(HCRYPTPROV prov, const BYTE *data, DWORD len, DWORD flags, HCRYPTKEY *out);
BOOL adv_verify_rsa(struct adv_key *k, HCRYPTHASH hash, const BYTE *sig, DWORD len);
/* bcrypt's name of a CryptoAPI hash algorithm (NULL: not one RSA signs). */
const WCHAR *adv_digest_name(ALG_ID algid);
/* crypt_pair.c: a container's key pairs. */
void adv_pairs_clear(void **pairs);
BOOL adv_pair_keep(HCRYPTPROV prov, DWORD spec, void *key);
BOOL adv_is_pair_alg(ALG_ID algid);
BOOL adv_gen_pair(HCRYPTPROV prov, ALG_ID algid, DWORD flags, HCRYPTKEY *out);
BOOL adv_export_public(struct adv_key *k, BYTE *data, DWORD *len);

static inline BOOL adv_fail(DWORD error)
{
	RtlSetLastWin32Error(error);
	return FALSE;
}

void NTAPI RtlSetLastWin32Error(DWORD error);

/* bcryptprimitives.dll and bcrypt.dll (our own, linked directly). */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len);
NTSTATUS WINAPI BCryptCreateHash(void *alg, void **hash, UCHAR *object, ULONG object_len,
				 UCHAR *secret, ULONG secret_len, ULONG flags);
NTSTATUS WINAPI BCryptHashData(void *hash, UCHAR *input, ULONG len, ULONG flags);
NTSTATUS WINAPI BCryptFinishHash(void *hash, UCHAR *out, ULONG out_len, ULONG flags);
NTSTATUS WINAPI BCryptDuplicateHash(void *hash, void **copy, UCHAR *object, ULONG object_len,
				    ULONG flags);
NTSTATUS WINAPI BCryptDestroyHash(void *hash);
NTSTATUS WINAPI BCryptGenerateSymmetricKey(void *alg, void **key, UCHAR *object,
					   ULONG object_len, UCHAR *secret, ULONG secret_len,
					   ULONG flags);
NTSTATUS WINAPI BCryptEncrypt(void *key, UCHAR *in, ULONG in_len, void *padding, UCHAR *iv,
			      ULONG iv_len, UCHAR *out, ULONG out_len, ULONG *result, ULONG flags);
NTSTATUS WINAPI BCryptDecrypt(void *key, UCHAR *in, ULONG in_len, void *padding, UCHAR *iv,
			      ULONG iv_len, UCHAR *out, ULONG out_len, ULONG *result, ULONG flags);
NTSTATUS WINAPI BCryptDestroyKey(void *key);
NTSTATUS WINAPI BCryptImportKeyPair(void *alg, void *import_key, const WCHAR *type, void **key,
				    UCHAR *in, ULONG in_len, ULONG flags);
NTSTATUS WINAPI BCryptVerifySignature(void *key, void *padding, UCHAR *hash, ULONG hash_len,
				      UCHAR *sig, ULONG sig_len, ULONG flags);
NTSTATUS WINAPI BCryptGenerateKeyPair(void *alg, void **key, ULONG bits, ULONG flags);
NTSTATUS WINAPI BCryptFinalizeKeyPair(void *key, ULONG flags);
NTSTATUS WINAPI BCryptDuplicateKey(void *key, void **copy, UCHAR *object, ULONG object_len,
				   ULONG flags);
NTSTATUS WINAPI BCryptSignHash(void *key, void *padding, UCHAR *hash, ULONG hash_len, UCHAR *sig,
			       ULONG sig_len, ULONG *result, ULONG flags);
NTSTATUS WINAPI BCryptExportKey(void *key, void *export_key, const WCHAR *type, UCHAR *out,
				ULONG out_len, ULONG *result, ULONG flags);
NTSTATUS WINAPI BCryptDeriveKeyCapi(void *hash, void *target_alg, UCHAR *out, ULONG out_len,
				    ULONG flags);

/* A parameter's bytes into the caller's buffer, as the Crypt*Param getters
 * document: NULL data asks for the size, a short buffer is
 * ERROR_MORE_DATA (crypt_params.c). */
BOOL adv_copy_param(const void *val, DWORD n, BYTE *data, DWORD *len);

#endif
