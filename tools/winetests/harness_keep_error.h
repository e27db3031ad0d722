/* Included (cc.sh) into the shared harness's generated testlist.c only.
 * Its wine_dbgstr_* ring buffer looks up a TLS slot with TlsGetValue,
 * which clears the thread's last error on success, as Windows documents.
 * A check such as ok(GetLastError() == X, "... %s", wine_dbgstr_w(s))
 * would then read 0: Wine's own harness keeps the error.  This keeps it
 * too, in the harness and nowhere else. */
#include <windows.h>

static inline LPVOID lsw_harness_tls_get(DWORD index)
{
	DWORD error = GetLastError();
	LPVOID value = TlsGetValue(index);

	SetLastError(error);
	return value;
}
#define TlsGetValue lsw_harness_tls_get
