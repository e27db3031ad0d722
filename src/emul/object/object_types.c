/*
 * The object types Windows 10 22H2 has that a console program meets: the
 * ones LSW makes objects of, and the few whose handles a program gets
 * from elsewhere (Desktop, WindowStation, Device, Type).  Their generic
 * mappings and valid access masks are Windows' (public values of the
 * *_GENERIC_* and *_ALL_ACCESS rights); their indexes those of its type
 * table, which has more types between them.
 */
#include <string.h>
#include "emul/object/object_types.h"

enum { NON_PAGED_NX = 0x200, PAGED = 1 };

#define FILE_MAPPING { 0x120089, 0x120116, 0x1200A0, 0x1F01FF }
#define WAITABLE_MAPPING(all) { 0x20001, 0x20002, 0x120000, all }

static const struct object_type types[] = {
	{ "Type", 2, { 0x20000, 0x20000, 0x20000, 0xF0001 }, 0x1F0001, NON_PAGED_NX },
	{ "Directory", 3, { 0x20003, 0x2000C, 0x20003, 0xF000F }, 0xF000F, PAGED },
	{ "SymbolicLink", 4, { 0x20001, 0x20000, 0x20001, 0xF0001 }, 0xF0001, PAGED },
	{ "Token", 5, { 0x2001A, 0x201E0, 0x20005, 0xF01FF }, 0x1F01FF, PAGED },
	{ "Job", 6, { 0x20004, 0x2000B, 0x120000, 0x1F003F }, 0x1F003F, NON_PAGED_NX },
	{ "Process", 7, { 0x20410, 0x20BEA, 0x121001, 0x1FFFFF }, 0x1FFFFF, NON_PAGED_NX },
	{ "Thread", 8, { 0x20048, 0x20437, 0x121800, 0x1FFFFF }, 0x1FFFFF, NON_PAGED_NX },
	{ "DebugObject", 15, WAITABLE_MAPPING(0x1F000F), 0x1F000F, NON_PAGED_NX },
	{ "Event", 16, WAITABLE_MAPPING(0x1F0003), 0x1F0003, NON_PAGED_NX },
	{ "Mutant", 17, { 0x20001, 0x20000, 0x120000, 0x1F0001 }, 0x1F0001, NON_PAGED_NX },
	{ "Semaphore", 19, WAITABLE_MAPPING(0x1F0003), 0x1F0003, NON_PAGED_NX },
	{ "Timer", 20, WAITABLE_MAPPING(0x1F0003), 0x1F0003, NON_PAGED_NX },
	{ "KeyedEvent", 23, { 0x20001, 0x20002, 0x20000, 0xF0003 }, 0x1F0003, PAGED },
	{ "WindowStation", 24, { 0x20303, 0x2001C, 0x20060, 0xF037F }, 0xF037F, NON_PAGED_NX },
	{ "Desktop", 25, { 0x20041, 0x200BE, 0x20100, 0xF01FF }, 0xF01FF, NON_PAGED_NX },
	{ "Device", 33, FILE_MAPPING, 0x1F01FF, NON_PAGED_NX },
	{ "IoCompletion", 35, WAITABLE_MAPPING(0x1F0003), 0x1F0003, NON_PAGED_NX },
	{ "WaitCompletionPacket", 36, WAITABLE_MAPPING(0x1F0003), 0x1F0003, NON_PAGED_NX },
	{ "File", 37, FILE_MAPPING, 0x1F01FF, NON_PAGED_NX },
	{ "Section", 42, { 0x20005, 0x20002, 0x20008, 0xF001F }, 0x1F001F, PAGED },
	{ "Key", 44, { 0x20019, 0x20006, 0x20039, 0xF003F }, 0x1F003F, PAGED },
};

const struct object_type *object_type_find(const char *name)
{
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(types[i].name, name))
			return &types[i];
	return NULL;
}

const struct object_type *object_type_at(size_t i)
{
	return &types[i];
}

size_t object_type_count(void)
{
	return sizeof(types) / sizeof(types[0]);
}
