/*
 * Private declarations of wldap32.dll.  The sandbox has no network, so no
 * LDAP server can ever be reached: a session handle can be made
 * (ldap_init, ldap_sslinit) and its options set and read, but every call
 * that needs the server fails with LDAP_SERVER_DOWN, recorded for
 * LdapGetLastError, as on Windows when the server cannot be reached.  No
 * message, entry or value can therefore exist: the calls reading them fail
 * with LDAP_PARAM_ERROR, the calls freeing them accept NULL.
 */
#ifndef LSW_LDAP_PRIVATE_H
#define LSW_LDAP_PRIVATE_H

#include <windows.h>

/* The documented session structure (winldap.h's LDAP), which programs may
 * read directly. */
typedef struct ldap {
	struct {
		UINT_PTR sb_sd;
		UCHAR Reserved1[(10 * sizeof(ULONG)) + 1];
		ULONG_PTR sb_naddr;
		UCHAR Reserved2[(6 * sizeof(ULONG))];
	} ld_sb;
	PCHAR ld_host;
	ULONG ld_version;
	UCHAR ld_lberoptions;
	ULONG ld_deref;
	ULONG ld_timelimit;
	ULONG ld_sizelimit;
	ULONG ld_errno;
	PCHAR ld_matched;
	PCHAR ld_error;
	ULONG ld_msgid;
	UCHAR Reserved3[(6 * sizeof(ULONG)) + 1];
	ULONG ld_cldaptries;
	ULONG ld_cldaptimeout;
	ULONG ld_refhoplimit;
	ULONG ld_options;
} LDAP;

struct l_timeval {
	LONG tv_sec;
	LONG tv_usec;
};

struct berval {
	ULONG bv_len;
	PCHAR bv_val;
};

/* Result codes (LDAP_RETCODE) and options this DLL uses. */
enum {
	LDAP_SUCCESS = 0x00, LDAP_SERVER_DOWN = 0x51, LDAP_PARAM_ERROR = 0x59,
	LDAP_NO_MEMORY = 0x5a, LDAP_NOT_SUPPORTED = 0x5c,
};
#define LDAP_VERSION2 2
#define LDAP_VERSION3 3
#define LDAP_DEREF_NEVER 0
#define LDAP_OPT_DEREF 0x02
#define LDAP_OPT_SIZELIMIT 0x03
#define LDAP_OPT_TIMELIMIT 0x04
#define LDAP_OPT_REFERRALS 0x08
#define LDAP_OPT_REFERRAL_HOP_LIMIT 0x10
#define LDAP_OPT_PROTOCOL_VERSION 0x11
#define LDAP_OPT_ERROR_NUMBER 0x31

/* dllmain.c: the calling thread's last LDAP error (LdapGetLastError). */
void ldap_set_error(ULONG code);
ULONG ldap_get_error(void);
BOOL ldap_tls_attach(void);
void ldap_tls_detach(void);

/* Records code as the thread's last error and returns it. */
static inline ULONG ldap_fail(ULONG code)
{
	ldap_set_error(code);
	return code;
}

#endif
