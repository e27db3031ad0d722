/* BeginUpdateResource's state: the file's path and the resources it will
 * hold, as a list the updates edit (resource_update.c); EndUpdateResource
 * lays them out as a new .rsrc section (resource_write.c). */
#ifndef LSW_K32_RESOURCE_UPDATE_H
#define LSW_K32_RESOURCE_UPDATE_H

#include "k32_private.h"

/* A type or name: an integer ID, or a string (id 0). */
struct res_key {
	WORD id;
	WCHAR *str;
};

struct res_item {
	struct res_item *next;
	struct res_key type, name;
	WORD lang;
	BYTE *data;
	DWORD size;
};

/* The update handle is a moveable global block holding this; programs
 * look inside it (Wine's conformance test locks it and reads the file
 * name from the seventh pointer, itself a global block), so the first
 * seven pointers keep the layout Windows has. */
struct res_update {
	void *reserved[6];
	HGLOBAL path; /* the file's name, a NUL-terminated WCHAR string */
	struct res_item *items;
};

/* The PE image of a file read whole: its headers' fields, whichever the
 * optional header's kind. */
struct pe_file {
	BYTE *data;
	DWORD size;
	IMAGE_FILE_HEADER *fh;
	IMAGE_SECTION_HEADER *sections;
	IMAGE_DATA_DIRECTORY *dirs;
	DWORD ndirs;
	DWORD *size_of_image, *size_of_init_data, *checksum, *size_of_headers;
	DWORD file_align, section_align;
};

BOOL pe_parse(BYTE *data, DWORD size, struct pe_file *pe);
/* The file offset of rva, or 0 when no section's raw data holds it. */
DWORD pe_rva_to_offset(const struct pe_file *pe, DWORD rva, DWORD len);
int res_key_compare(const struct res_key *a, const struct res_key *b);
BOOL res_write_file(const struct res_update *u, const WCHAR *path);

#endif
