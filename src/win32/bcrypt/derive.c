/* BCryptDeriveKeyPBKDF2: PBKDF2 (pbkdf2.c) with the HMAC of a digest
 * provider as its pseudo-random function. */
#include "bcrypt_private.h"

BCRYPT_API NTSTATUS WINAPI BCryptDeriveKeyPBKDF2(void *prf, UCHAR *password, ULONG password_len,
						 UCHAR *salt, ULONG salt_len, ULONGLONG iterations,
						 UCHAR *out, ULONG out_len, ULONG flags)
{
	const struct bc_alg *a = bc_alg_from_handle(prf);

	if (!a || a->kind != BC_KIND_HASH)
		return STATUS_INVALID_HANDLE;
	if (!iterations || flags || !out || !out_len || (password_len && !password) ||
	    (salt_len && !salt))
		return STATUS_INVALID_PARAMETER;
	pbkdf2(a->hash, password, password_len, salt, salt_len, iterations, out, out_len);
	return STATUS_SUCCESS;
}
