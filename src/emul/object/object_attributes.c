/* OBJECT_ATTRIBUTES as every named NT call reads it. */
#include <stdlib.h>
#include "emul/object/object.h"

/* The ObjectName UNICODE_STRING: Length bytes of Buffer.  The object
 * manager reads Length only: a MaximumLength below it is not an error (a
 * program that points Buffer into a longer string and sets Length alone
 * works on Windows). */
static NTSTATUS read_object_name(struct nt_call *c, uint64_t us_addr, uint16_t **name,
				 size_t *n)
{
	struct { uint16_t len, max; uint32_t pad; uint64_t buf; } us;
	uint16_t *s;

	if (tracee_read(c->thread, us_addr, &us, sizeof(us)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (us.len && (us.buf & 1)) /* probed for WCHAR alignment first */
		return LSW_STATUS_DATATYPE_MISALIGNMENT;
	/* an odd length, or one that leaves no room for a terminating WCHAR
	 * in a UNICODE_STRING, is not a name */
	if ((us.len & 1) || us.len > 0xfffc)
		return LSW_STATUS_OBJECT_NAME_INVALID;
	if (!(s = malloc(us.len + 2u)))
		return LSW_STATUS_NO_MEMORY;
	if (tracee_read(c->thread, us.buf, s, us.len) < 0) {
		free(s);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	s[us.len / 2] = 0;
	*name = s;
	*n = us.len / 2;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS object_attributes_read(struct nt_call *c, uint64_t oa, uint64_t *root, uint16_t **name,
				size_t *n, uint32_t *attributes)
{
	/* x64: Length@0 (48), RootDirectory@8, ObjectName@16 (PUNICODE_STRING),
	 * Attributes@24, SecurityDescriptor@32 */
	uint64_t fields[5];

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
	c->oa_security = fields[4];
	if (attributes)
		*attributes = (uint32_t)fields[3];
	if (!fields[2])
		return LSW_STATUS_SUCCESS;
	return read_object_name(c, fields[2], name, n);
}
