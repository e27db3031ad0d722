/*
 * NtQueryVirtualMemory(MemoryMappedFilenameInformation): the NT name of
 * the file a view maps, as a UNICODE_STRING followed by its characters.
 * Drive paths are reported on the one volume device lsw has.
 */
#include <string.h>
#include "emul/io/path.h"
#include "emul/io/volume_device.h"
#include "emul/memory/memory.h"
#include "emul/memory/section.h"

#define STATUS_FILE_INVALID 0xC0000098u
#define NAME_MAX_CHARS 2048

static size_t device_name(const struct section_object *s, uint16_t *out, size_t room)
{
	return volume_device_path(s->file_name ? s->file_name : s->label, out, room);
}

NTSTATUS memory_query_mapped_name(struct nt_call *c, struct lsw_process *p, uint64_t addr,
				  uint64_t out, uint64_t len, uint64_t ret_len)
{
	struct vad *v = vad_find(&p->vad, addr);
	struct { uint16_t len, max; uint32_t pad; uint64_t buf; } us = { 0 };
	uint16_t name[NAME_MAX_CHARS];
	const struct section_object *s;
	uint64_t need;
	size_t n;

	if (!v || !v->section)
		return LSW_STATUS_INVALID_ADDRESS;
	s = (const struct section_object *)v->section;
	if (!s->file_backed && !s->image)
		return STATUS_FILE_INVALID;
	n = device_name(s, name, NAME_MAX_CHARS - 1);
	need = sizeof(us) + (n + 1) * 2;
	if (ret_len && tracee_write(c->thread, ret_len, &need, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (len < need)
		return len < sizeof(us) ? LSW_STATUS_INFO_LENGTH_MISMATCH
					: LSW_STATUS_BUFFER_OVERFLOW;
	name[n] = 0;
	us.len = (uint16_t)(n * 2);
	us.max = (uint16_t)(n * 2 + 2);
	us.buf = out + sizeof(us);
	if (tracee_write2(c->thread, out, &us, sizeof(us), out + sizeof(us), name, (n + 1) * 2) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return LSW_STATUS_SUCCESS;
}
