/*
 * File access rights (ACCESS_MASK bits for file objects) and the file
 * generic mapping, as documented in "File Security and Access Rights".
 * A handle's granted access is always stored with the generic bits mapped.
 */
#ifndef LSW_FILE_ACCESS_H
#define LSW_FILE_ACCESS_H

#include <stdint.h>

#define FILE_READ_DATA 0x0001u
#define FILE_LIST_DIRECTORY 0x0001u
#define FILE_WRITE_DATA 0x0002u
#define FILE_APPEND_DATA 0x0004u
#define FILE_READ_EA 0x0008u
#define FILE_WRITE_EA 0x0010u
#define FILE_EXECUTE 0x0020u
#define FILE_READ_ATTRIBUTES 0x0080u
#define FILE_WRITE_ATTRIBUTES 0x0100u
#define DELETE_ACCESS 0x00010000u
#define READ_CONTROL_ACCESS 0x00020000u
#define SYNCHRONIZE_ACCESS 0x00100000u
#define MAXIMUM_ALLOWED_ACCESS 0x02000000u
#define GENERIC_ALL_ACCESS 0x10000000u
#define GENERIC_EXECUTE_ACCESS 0x20000000u
#define GENERIC_WRITE_ACCESS 0x40000000u
#define GENERIC_READ_ACCESS 0x80000000u

#define FILE_GENERIC_READ 0x00120089u
#define FILE_GENERIC_WRITE 0x00120116u
#define FILE_GENERIC_EXECUTE 0x001200A0u
#define FILE_ALL_ACCESS 0x001F01FFu

/* Maps GENERIC_* to the file rights they stand for.  MAXIMUM_ALLOWED
 * grants what lsw can always honour without knowing whether a write will
 * be allowed: read and execute. */
static inline uint32_t file_map_generic(uint32_t a)
{
	if (a & GENERIC_READ_ACCESS)
		a |= FILE_GENERIC_READ;
	if (a & GENERIC_WRITE_ACCESS)
		a |= FILE_GENERIC_WRITE;
	if (a & GENERIC_EXECUTE_ACCESS)
		a |= FILE_GENERIC_EXECUTE;
	if (a & GENERIC_ALL_ACCESS)
		a |= FILE_ALL_ACCESS;
	if (a & MAXIMUM_ALLOWED_ACCESS)
		a |= FILE_GENERIC_READ | FILE_GENERIC_EXECUTE;
	return a & ~(GENERIC_READ_ACCESS | GENERIC_WRITE_ACCESS | GENERIC_EXECUTE_ACCESS |
		     GENERIC_ALL_ACCESS | MAXIMUM_ALLOWED_ACCESS);
}

#endif
