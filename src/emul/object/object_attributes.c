/* OBJECT_ATTRIBUTES as every named NT call reads it. */
#include "emul/object/object.h"

NTSTATUS object_attributes_read(struct nt_call *c, uint64_t oa, uint64_t *root, uint16_t **name,
				size_t *n, uint32_t *attributes)
{
	/* x64: Length@0 (48), RootDirectory@8, ObjectName@16 (PUNICODE_STRING),
	 * Attributes@24 */
	uint64_t fields[4];

	*name = NULL;
	*n = 0;
	if (!oa)
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, oa, fields, sizeof(fields)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if ((uint32_t)fields[0] != 48)
		return LSW_STATUS_INVALID_PARAMETER;
	*root = fields[1];
	c->oa_attributes = (uint32_t)fields[3];
	if (attributes)
		*attributes = (uint32_t)fields[3];
	if (!fields[2])
		return LSW_STATUS_SUCCESS;
	return tracee_read_ustring(c->thread, fields[2], name, n);
}
