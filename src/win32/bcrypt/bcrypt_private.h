/* Private declarations of bcrypt.dll: algorithm providers, hash objects
 * and the random number generator, over hash.h and bcryptprimitives'
 * ProcessPrng. */
#ifndef LSW_BCRYPT_PRIVATE_H
#define LSW_BCRYPT_PRIVATE_H

#include <string.h>
#include "ntdll/rtl/rtl_nt.h"
#include <bcrypt.h>
#include "bcrypt/hash.h"
#include "bcrypt/aes.h"
#include "bcrypt/block_modes.h"
#include "bcrypt/des.h"
#include "bcrypt/rc4.h"
#include "bcrypt/rsa.h"
#include "bcrypt/ecc.h"
#include "bcrypt/dsa.h"
#include "bcrypt/live_set.h"

#define BCRYPT_API __declspec(dllexport)

/* bcrypt.h (Windows 10): flags and the pseudo-handles any process may use
 * without opening a provider.  mingw-w64's header lacks the latter. */
#define BC_PROV_DISPATCH 0x1
#define BC_ALG_HANDLE_HMAC_FLAG 0x8
#define BC_HASH_REUSABLE_FLAG 0x20
#define BC_RNG_USE_ENTROPY_IN_BUFFER 0x1
#define BC_USE_SYSTEM_PREFERRED_RNG 0x2

#define BC_BLOCK_PADDING 0x1
#define BC_AUTH_MODE_CHAIN_CALLS 0x1

#ifndef STATUS_NOT_FOUND
#define STATUS_NOT_FOUND ((NTSTATUS)0xC0000225)
#endif
#ifndef STATUS_INVALID_SIGNATURE
#define STATUS_INVALID_SIGNATURE ((NTSTATUS)0xC000A000)
#endif
#ifndef STATUS_AUTH_TAG_MISMATCH
#define STATUS_AUTH_TAG_MISMATCH ((NTSTATUS)0xC000A002)
#endif

/* What a provider does. */
enum bc_kind { BC_KIND_HASH, BC_KIND_RNG, BC_KIND_AES, BC_KIND_RC4, BC_KIND_3DES, BC_KIND_RSA,
	       BC_KIND_ECDSA, BC_KIND_ECDH, BC_KIND_DSA };
#define BC_KIND_IS_BLOCK(k) ((k) == BC_KIND_AES || (k) == BC_KIND_3DES)
#define BC_KIND_IS_ECC(k) ((k) == BC_KIND_ECDSA || (k) == BC_KIND_ECDH)
#define BC_KIND_IS_PAIR(k) ((k) == BC_KIND_RSA || (k) == BC_KIND_DSA || BC_KIND_IS_ECC(k))

/* Chaining modes (BCRYPT_CHAIN_MODE_*), in the order of bc_mode_names. */
enum bc_mode { BC_MODE_NA, BC_MODE_ECB, BC_MODE_CBC, BC_MODE_CFB, BC_MODE_CCM, BC_MODE_GCM };
extern const WCHAR *const bc_mode_names[];

/* An algorithm provider: opened (on the heap) or one of the static
 * pseudo-handles. */
struct bc_alg {
	ULONG magic;                  /* BC_ALG_MAGIC while open */
	const WCHAR *name;            /* the algorithm identifier, "SHA256" */
	const struct hash_alg *hash;  /* the digests only */
	ULONG flags;                  /* BC_ALG_HANDLE_HMAC_FLAG, BC_HASH_REUSABLE_FLAG */
	BOOL pseudo;                  /* a pseudo-handle: never freed, never changed */
	enum bc_kind kind;
	enum bc_mode mode;            /* ciphers: the chaining mode new keys take */
	ULONG curve_bits;             /* ECDSA and ECDH: the curve's, 256 or 384 */
};

/* An elliptic-curve key: its curve, public point and (maybe) private
 * scalar. */
struct bc_ecc {
	struct ecc_curve curve;
	struct ecc_point q;
	struct bn d;
	BOOL has_private;
};

/* A symmetric key (AES, 3DES or RC4), in the caller's buffer or our own
 * allocation.  An AES key keeps the chaining mode its provider had when
 * it was made, and the chaining value a call without an IV goes on from. */
struct bc_key {
	ULONG magic;                  /* BC_KEY_MAGIC while alive */
	BOOL allocated;
	const WCHAR *name;            /* "AES", "3DES", "RC4" */
	enum bc_kind kind;            /* BC_KIND_AES, _3DES or _RC4 */
	enum bc_mode mode;
	ULONG secret_len;
	UCHAR secret[64];
	struct aes_key aes;
	struct des3_key des3;
	struct rc4_state rc4;         /* RC4: the stream goes on across calls */
	UCHAR iv[AES_BLOCK];
	struct aes_gcm gcm;           /* BCRYPT_AUTH_MODE_CHAIN_CALLS_FLAG's message */
	BOOL gcm_open;
	/* A key pair (BC_KIND_RSA): usable once finalized; until then only
	 * its length (bits) can be set. */
	struct rsa_key *rsa;
	struct bc_ecc *ecc;           /* BC_KIND_ECDSA, BC_KIND_ECDH */
	struct dsa_key *dsa;          /* BC_KIND_DSA */
	BOOL finalized;
	ULONG bits;
};

/* A hash object, in the caller's buffer or our own allocation.  It keeps
 * what it needs of its provider, which may be closed first.  Kept small
 * (programs size the buffer by BCRYPT_OBJECT_LENGTH, often with a fixed
 * few hundred bytes): the keyed start is two block-boundary states. */
struct bc_hash {
	ULONG magic;                  /* BC_HASH_MAGIC while alive */
	const struct hash_alg *hash;
	const WCHAR *name;
	BOOL hmac, reusable, finished, allocated;
	struct hash_mid start_inner;  /* after the key (plain: the initial state) */
	struct hash_mid start_outer;  /* HMAC: the outer hash after the key */
	struct hash_ctx now;          /* the inner (or only) hash */
};

#define BC_ALG_MAGIC 0x31474c41u  /* "ALG1" */
#define BC_HASH_MAGIC 0x31485348u /* "HSH1" */
#define BC_KEY_MAGIC 0x3159454bu  /* "KEY1" */

/* algorithm.c: the provider behind a handle (opened or pseudo), or NULL. */
const struct bc_alg *bc_alg_from_handle(void *handle);
/* hash_object.c: the live hash object behind a handle, or NULL. */
struct bc_hash *bc_hash_from_handle(void *handle);
/* key.c: the live key behind a handle, or NULL. */
struct bc_key *bc_key_from_handle(void *handle);
/* cipher.c: a block cipher key's cipher (AES or 3DES). */
struct block_cipher bc_block_cipher(const struct bc_key *k);
/* gcm.c: BCryptEncrypt/BCryptDecrypt of a GCM key. */
NTSTATUS bc_gcm_crypt(struct bc_key *k, BOOL encrypt, const UCHAR *in, ULONG in_len,
		      const BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO *info, UCHAR *out,
		      ULONG out_len, ULONG *result, ULONG flags);

/* algorithm.c: the digest a padding's pszAlgId names, or NULL. */
const struct hash_alg *bc_hash_named(const WCHAR *name);
/* key.c: a key object of our own allocation, registered, magic set. */
NTSTATUS bc_new_key(struct bc_key **out);

/* rsa_blob.c: BCryptImportKeyPair and BCryptExportKey of RSA keys. */
NTSTATUS bc_rsa_import(const struct bc_alg *a, const WCHAR *type, void **handle,
		       const UCHAR *in, ULONG in_len);
NTSTATUS bc_rsa_export(const struct bc_key *k, const WCHAR *type, UCHAR *out, ULONG out_len,
		       ULONG *result);
/* rsa_sign.c: BCryptSignHash and BCryptVerifySignature of RSA keys. */
NTSTATUS bc_rsa_sign(const struct bc_key *k, const void *info, const UCHAR *hash, ULONG hash_len,
		     UCHAR *sig, ULONG sig_len, ULONG *result, ULONG flags);
NTSTATUS bc_rsa_verify(const struct bc_key *k, const void *info, const UCHAR *hash,
		       ULONG hash_len, const UCHAR *sig, ULONG sig_len, ULONG flags);
/* rsa_crypt.c: BCryptEncrypt and BCryptDecrypt of RSA keys. */
NTSTATUS bc_rsa_crypt(const struct bc_key *k, BOOL encrypt, const UCHAR *in, ULONG in_len,
		      const void *info, UCHAR *out, ULONG out_len, ULONG *result, ULONG flags);
/* ecc_key.c: the elliptic-curve keys' generation, blobs and signatures. */
NTSTATUS bc_ecc_finalize(struct bc_key *k);
NTSTATUS bc_ecc_import(const struct bc_alg *a, const WCHAR *type, void **handle,
		       const UCHAR *in, ULONG in_len);
NTSTATUS bc_ecc_export(const struct bc_key *k, const WCHAR *type, UCHAR *out, ULONG out_len,
		       ULONG *result);
NTSTATUS bc_ecc_sign(const struct bc_key *k, const UCHAR *hash, ULONG hash_len, UCHAR *sig,
		     ULONG sig_len, ULONG *result, ULONG flags);
NTSTATUS bc_ecc_verify(const struct bc_key *k, const UCHAR *hash, ULONG hash_len,
		       const UCHAR *sig, ULONG sig_len, ULONG flags);
/* dsa_blob.c: DSA keys' generation, blobs and signatures. */
NTSTATUS bc_dsa_finalize(struct bc_key *k);
NTSTATUS bc_dsa_import(const struct bc_alg *a, const WCHAR *type, void **handle,
		       const UCHAR *in, ULONG in_len);
NTSTATUS bc_dsa_export(const struct bc_key *k, const WCHAR *type, UCHAR *out, ULONG out_len,
		       ULONG *result);
NTSTATUS bc_dsa_sign(const struct bc_key *k, const UCHAR *hash, ULONG hash_len, UCHAR *sig,
		     ULONG sig_len, ULONG *result, ULONG flags);
NTSTATUS bc_dsa_verify(const struct bc_key *k, const UCHAR *hash, ULONG hash_len,
		       const UCHAR *sig, ULONG sig_len, ULONG flags);
/* ProcessPrng as rsa.h's random source. */
void bc_random(uint8_t *out, size_t len);

void *bc_alloc(SIZE_T n);
void bc_free(void *p);

/* bcryptprimitives.dll */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len);

#endif
