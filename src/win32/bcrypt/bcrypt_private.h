/* Private declarations of bcrypt.dll: algorithm providers, hash objects
 * and the random number generator, over hash.h and bcryptprimitives'
 * ProcessPrng. */
#ifndef LSW_BCRYPT_PRIVATE_H
#define LSW_BCRYPT_PRIVATE_H

#include <string.h>
#include "ntdll/rtl/rtl_nt.h"
#include "bcrypt/hash.h"

#define BCRYPT_API __declspec(dllexport)

/* bcrypt.h (Windows 10): flags and the pseudo-handles any process may use
 * without opening a provider.  mingw-w64's header lacks the latter. */
#define BC_PROV_DISPATCH 0x1
#define BC_ALG_HANDLE_HMAC_FLAG 0x8
#define BC_HASH_REUSABLE_FLAG 0x20
#define BC_RNG_USE_ENTROPY_IN_BUFFER 0x1
#define BC_USE_SYSTEM_PREFERRED_RNG 0x2

#ifndef STATUS_NOT_FOUND
#define STATUS_NOT_FOUND ((NTSTATUS)0xC0000225)
#endif

/* An algorithm provider: opened (on the heap) or one of the static
 * pseudo-handles. */
struct bc_alg {
	ULONG magic;                  /* BC_ALG_MAGIC while open */
	const WCHAR *name;            /* the algorithm identifier, "SHA256" */
	const struct hash_alg *hash;  /* NULL: the RNG */
	ULONG flags;                  /* BC_ALG_HANDLE_HMAC_FLAG, BC_HASH_REUSABLE_FLAG */
	BOOL pseudo;                  /* a pseudo-handle: never freed */
};

/* A hash object, in the caller's buffer or our own allocation.  It keeps
 * what it needs of its provider, which may be closed first. */
struct bc_hash {
	ULONG magic;                  /* BC_HASH_MAGIC while alive */
	const struct hash_alg *hash;
	const WCHAR *name;
	BOOL hmac, reusable, finished, allocated;
	struct hmac_ctx start;        /* the state after the key: reuse resets to it */
	struct hmac_ctx now;          /* hmac: both halves; plain: inner only */
};

#define BC_ALG_MAGIC 0x31474c41u  /* "ALG1" */
#define BC_HASH_MAGIC 0x31485348u /* "HSH1" */

/* algorithm.c: the provider behind a handle (opened or pseudo), or NULL. */
const struct bc_alg *bc_alg_from_handle(void *handle);
/* hash_object.c: the live hash object behind a handle, or NULL. */
struct bc_hash *bc_hash_from_handle(void *handle);

void *bc_alloc(SIZE_T n);
void bc_free(void *p);

/* bcryptprimitives.dll */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len);

#endif
