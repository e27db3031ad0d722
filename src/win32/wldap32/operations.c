/*
 * The calls that talk to the server.  Each export names one of these in
 * wldap32.spec (impl=): they read no argument but the session handle
 * (the first, in rcx), which is why one function serves many exports.
 */
#include "ldap_private.h"

/* Synchronous calls (the _s forms, and the _ext forms that give the
 * message id through a pointer): an LDAP result code. */
ULONG CDECL ldap_server_call(LDAP *ld)
{
	return ldap_fail(ld ? LDAP_SERVER_DOWN : LDAP_PARAM_ERROR);
}

/* Asynchronous calls returning a message id: -1, the code for
 * LdapGetLastError. */
ULONG CDECL ldap_server_msgid(LDAP *ld)
{
	ldap_set_error(ld ? LDAP_SERVER_DOWN : LDAP_PARAM_ERROR);
	return (ULONG)-1;
}

/* ldap_result: -1 (no reply can come), *res NULL. */
ULONG CDECL ldap_result(LDAP *ld, ULONG msgid, ULONG all, struct l_timeval *timeout,
			void **res)
{
	if (res)
		*res = NULL;
	ldap_set_error(ld ? LDAP_SERVER_DOWN : LDAP_PARAM_ERROR);
	return (ULONG)-1;
}
