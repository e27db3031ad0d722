/*
 * Session handles: ldap_init and ldap_sslinit make one (they do not
 * connect, as documented), ldap_unbind frees it; the options a program
 * sets before connecting are kept in the documented LDAP structure.
 * Opening a connection (ldap_open, cldap_open, ldap_connect) fails:
 * there is no network here.
 */
#include "ldap_private.h"
#include <string.h>

static HANDLE heap(void)
{
	return GetProcessHeap();
}

static LDAP *session_new(const char *host, size_t host_len)
{
	LDAP *ld = HeapAlloc(heap(), HEAP_ZERO_MEMORY, sizeof(*ld) + host_len + 1);

	if (!ld) {
		ldap_set_error(LDAP_NO_MEMORY);
		return NULL;
	}
	ld->ld_host = (PCHAR)(ld + 1);
	memcpy(ld->ld_host, host, host_len);
	ld->ld_version = LDAP_VERSION2;
	ld->ld_deref = LDAP_DEREF_NEVER;
	ld->ld_refhoplimit = 32;
	ldap_set_error(LDAP_SUCCESS);
	return ld;
}

LDAP *CDECL ldap_initA(const PCHAR host, ULONG port)
{
	return session_new(host ? host : "", host ? strlen(host) : 0);
}

/* The host name is kept in UTF-8, as the structure's PCHAR ld_host. */
static LDAP *session_new_w(const PWSTR host)
{
	char buf[1024];
	int n = 0;

	if (host && host[0]) {
		n = WideCharToMultiByte(CP_UTF8, 0, host, -1, buf, sizeof(buf), NULL, NULL);
		if (n <= 0) {
			ldap_set_error(LDAP_PARAM_ERROR);
			return NULL;
		}
		n--;
	}
	return session_new(buf, n);
}

LDAP *CDECL ldap_initW(const PWSTR host, ULONG port)
{
	return session_new_w(host);
}

LDAP *CDECL ldap_sslinitA(PCHAR host, ULONG port, int secure)
{
	return session_new(host ? host : "", host ? strlen(host) : 0);
}

LDAP *CDECL ldap_sslinitW(PWSTR host, ULONG port, int secure)
{
	return session_new_w(host);
}

/* ldap_open, cldap_open (and their A/W forms): they connect at once. */
LDAP *CDECL ldap_open_unreachable(void)
{
	ldap_set_error(LDAP_SERVER_DOWN);
	return NULL;
}

ULONG CDECL ldap_connect(LDAP *ld, struct l_timeval *timeout)
{
	return ldap_fail(ld ? LDAP_SERVER_DOWN : LDAP_PARAM_ERROR);
}

ULONG CDECL ldap_unbind(LDAP *ld)
{
	if (!ld)
		return ldap_fail(LDAP_PARAM_ERROR);
	HeapFree(heap(), 0, ld);
	return LDAP_SUCCESS;
}

static ULONG *int_option(LDAP *ld, int option)
{
	switch (option) {
	case LDAP_OPT_DEREF: return &ld->ld_deref;
	case LDAP_OPT_SIZELIMIT: return &ld->ld_sizelimit;
	case LDAP_OPT_TIMELIMIT: return &ld->ld_timelimit;
	case LDAP_OPT_PROTOCOL_VERSION: return &ld->ld_version;
	case LDAP_OPT_REFERRAL_HOP_LIMIT: return &ld->ld_refhoplimit;
	case LDAP_OPT_ERROR_NUMBER: return &ld->ld_errno;
	}
	return NULL;
}

ULONG CDECL ldap_set_option(LDAP *ld, int option, const void *value)
{
	ULONG *field;

	if (!ld)
		return ldap_fail(LDAP_PARAM_ERROR);
	/* LDAP_OPT_OFF and LDAP_OPT_ON are the pointers 0 and 1 themselves;
	 * anything else points to the ULONG of LDAP_CHASE_* flags */
	if (option == LDAP_OPT_REFERRALS) {
		ld->ld_options = value == (const void *)1 || (value && *(const ULONG *)value) ? 1 : 0;
		return LDAP_SUCCESS;
	}
	if (!value)
		return ldap_fail(LDAP_PARAM_ERROR);
	field = int_option(ld, option);
	if (!field)
		return ldap_fail(LDAP_PARAM_ERROR);
	if (option == LDAP_OPT_PROTOCOL_VERSION &&
	    *(const ULONG *)value != LDAP_VERSION2 && *(const ULONG *)value != LDAP_VERSION3)
		return ldap_fail(LDAP_PARAM_ERROR);
	*field = *(const ULONG *)value;
	return LDAP_SUCCESS;
}

ULONG CDECL ldap_get_option(LDAP *ld, int option, void *value)
{
	ULONG *field;

	if (!ld || !value)
		return ldap_fail(LDAP_PARAM_ERROR);
	if (option == LDAP_OPT_REFERRALS) {
		*(ULONG *)value = ld->ld_options;
		return LDAP_SUCCESS;
	}
	field = int_option(ld, option);
	if (!field)
		return ldap_fail(LDAP_PARAM_ERROR);
	*(ULONG *)value = *field;
	return LDAP_SUCCESS;
}
