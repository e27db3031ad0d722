/*
 * Messages, entries, attributes and values.  None can exist here (no
 * server ever answers), so the calls reading them fail with
 * LDAP_PARAM_ERROR and the calls freeing them accept NULL.  Counting a
 * value array is plain work on the caller's array.
 */
#include "ldap_private.h"

/* ldap_first_entry, ldap_get_values, ldap_get_dn...: NULL. */
void *CDECL ldap_no_message(void)
{
	ldap_set_error(LDAP_PARAM_ERROR);
	return NULL;
}

/* ldap_count_entries, ldap_count_references: -1. */
ULONG CDECL ldap_count_no_message(void)
{
	ldap_set_error(LDAP_PARAM_ERROR);
	return (ULONG)-1;
}

/* ldap_msgfree, ldap_value_free, ldap_value_free_len: nothing this DLL
 * made can be passed, and NULL is allowed. */
ULONG CDECL ldap_free_nothing(void *p)
{
	return LDAP_SUCCESS;
}

/* ldap_memfree, ber_free, ber_bvfree, ber_bvecfree. */
void CDECL ldap_free_nothing_void(void *p)
{
}

/* ldap_count_values (and the A/W forms) and ldap_count_values_len: the
 * number of pointers before the terminating NULL. */
ULONG CDECL ldap_count_values(void **values)
{
	ULONG n = 0;

	while (values && values[n])
		n++;
	return n;
}
