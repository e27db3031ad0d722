/* BCryptGenRandom: the system's preferred RNG or an RNG provider, both
 * the process generator of bcryptprimitives (ProcessPrng), as on Windows
 * 10.  BCRYPT_RNG_USE_ENTROPY_IN_BUFFER is ignored, as Windows 8 and
 * later document. */
#include "bcrypt_private.h"

BCRYPT_API NTSTATUS WINAPI BCryptGenRandom(void *alg_handle, UCHAR *buf, ULONG len, ULONG flags)
{
	const struct bc_alg *a;

	if (flags & ~(BC_RNG_USE_ENTROPY_IN_BUFFER | BC_USE_SYSTEM_PREFERRED_RNG))
		return STATUS_INVALID_PARAMETER;
	if (flags & BC_USE_SYSTEM_PREFERRED_RNG) {
		if (alg_handle)
			return STATUS_INVALID_PARAMETER;
	} else if (!(a = bc_alg_from_handle(alg_handle)) || a->kind != BC_KIND_RNG) {
		return STATUS_INVALID_HANDLE;
	}
	if (len && !buf)
		return STATUS_INVALID_PARAMETER;
	ProcessPrng(buf, len);
	return STATUS_SUCCESS;
}

/* FIPS mode is a Windows policy setting; it is off here. */
BCRYPT_API NTSTATUS WINAPI BCryptGetFipsAlgorithmMode(BOOLEAN *enabled)
{
	if (!enabled)
		return STATUS_INVALID_PARAMETER;
	*enabled = FALSE;
	return STATUS_SUCCESS;
}
