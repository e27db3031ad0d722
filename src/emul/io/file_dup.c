/*
 * What a duplicate of a file handle may be granted.  Windows does not
 * check a file's security again when a handle to it is duplicated: the
 * duplicate gets at most the access its source was granted (asking for
 * more is STATUS_ACCESS_DENIED; ReOpenFile is the way to more access), as
 * kernel32's file tests (test_file_access) show on every Windows.
 */
#include "emul/io/file.h"
#include "emul/io/file_access.h"

NTSTATUS file_dup_access(const struct nt_object *obj, uint32_t desired, uint32_t granted,
			 uint32_t *out)
{
	const struct file_object *f = (const struct file_object *)obj;
	uint32_t want;

	*out = desired;
	/* disk files and directories: the objects Windows' rule was seen on */
	if (obj->ops != &file_ops || (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR))
		return LSW_STATUS_SUCCESS;
	/* MAXIMUM_ALLOWED: what the source has */
	want = file_map_generic(desired & ~MAXIMUM_ALLOWED_ACCESS);
	if (desired & MAXIMUM_ALLOWED_ACCESS)
		want |= granted;
	if (want & ~granted)
		return LSW_STATUS_ACCESS_DENIED;
	*out = want;
	return LSW_STATUS_SUCCESS;
}
