/*
 * Symbolic link keys (NtCreateKey's REG_OPTION_CREATE_LINK): a key whose
 * SymbolicLinkValue (REG_LINK: an absolute NT name, not terminated) is
 * where a name through it leads.  The hive file has no mark for a link:
 * it keeps the key and its value, and a load makes every key holding a
 * REG_LINK SymbolicLinkValue a link again.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/reg_store.h"
#include "emul/upcase.h"

static const char link_value[] = "SymbolicLinkValue";

bool reg_link_value_name(const uint16_t *name, size_t len)
{
	if (len != sizeof(link_value) - 1)
		return false;
	for (size_t i = 0; i < len; i++)
		if (nt_upcase(name[i]) != nt_upcase((uint16_t)link_value[i]))
			return false;
	return true;
}

const struct reg_value *reg_link_target(struct reg_key *k)
{
	for (uint32_t i = 0; i < k->nvalues; i++)
		if (k->values[i].type == REG_LINK &&
		    reg_link_value_name(k->values[i].name, k->values[i].name_len))
			return &k->values[i];
	return NULL;
}

void reg_links_mark(struct reg_key *k)
{
	if (reg_link_target(k))
		k->is_link = true;
	for (uint32_t i = 0; i < k->nsubkeys; i++)
		reg_links_mark(k->subkeys[i]);
}

NTSTATUS reg_link_create(struct reg_key *parent, const char *name, const char *target)
{
	static const uint16_t value[] = { 'S', 'y', 'm', 'b', 'o', 'l', 'i', 'c', 'L', 'i', 'n',
					  'k', 'V', 'a', 'l', 'u', 'e' };
	size_t nn, tn;
	uint16_t *wname = reg_utf8_to_utf16(name, strlen(name), &nn, NULL);
	uint16_t *wtarget = reg_utf8_to_utf16(target, strlen(target), &tn, NULL);
	struct reg_key *k = NULL;
	NTSTATUS st = LSW_STATUS_NO_MEMORY;

	if (wname && wtarget) {
		st = reg_key_create(parent, wname, nn, false, NULL, 0, &k);
		if (st == LSW_STATUS_SUCCESS) {
			k->is_link = true;
			st = reg_value_set(k, value, sizeof(value) / 2, REG_LINK, wtarget,
					   (uint32_t)(2 * tn));
		}
	}
	free(wname);
	free(wtarget);
	return st;
}
