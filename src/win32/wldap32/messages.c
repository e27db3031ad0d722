/*
 * Messages, entries, attributes and values.  None can exist here (no
 * server ever answers), so the calls reading them fail with
 * LDAP_PARAM_ERROR and the calls freeing them accept NULL (and free what
 * ber_scanf made).  Counting a value array is plain work on the caller's
 * array.
 */
#include "ber_private.h"

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

/* ldap_msgfree: no message can exist, and NULL is allowed. */
ULONG CDECL ldap_free_nothing(void *p)
{
	return LDAP_SUCCESS;
}

/* ldap_memfree: what ber_scanf's "a" and "o" allocated. */
void CDECL ldap_memfree(void *p)
{
	ber_mem_free(p);
}

/* ldap_value_free, ldap_value_free_len, ldap_controls_free: a NULL-ended
 * array of blocks this DLL made: ber_scanf's "v" strings or "V" bervals
 * (a berval is one block with its bytes), or controls. */
ULONG CDECL ldap_value_free(void **values)
{
	if (values) {
		for (void **p = values; *p; p++)
			ber_mem_free(*p);
		ber_mem_free(values);
	}
	return LDAP_SUCCESS;
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
