/* Host stat -> the NT view of a file: FILETIMEs, sizes, DOS attributes.
 * Shared by the information queries and directory enumeration. */
#ifndef LSW_FILE_ATTRS_H
#define LSW_FILE_ATTRS_H

#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#define FILE_ATTRIBUTE_READONLY 0x01
#define FILE_ATTRIBUTE_DIRECTORY 0x10
#define FILE_ATTRIBUTE_ARCHIVE 0x20
#define FILE_ATTRIBUTE_NORMAL 0x80

/* FILE_NETWORK_OPEN_INFORMATION; its first 32 bytes and the attributes
 * also make FILE_BASIC_INFORMATION. */
struct net_open_info {
	uint64_t creation, access, write, change, allocation, end_of_file;
	uint32_t attributes, pad;
};

/* A host time as a FILETIME (100 ns since 1601). */
uint64_t filetime(const struct timespec *ts);
/* DOS attributes from the host's view: read-only from the permission bits
 * (the xattr-backed attributes come with the filesystem bridge). */
void describe_stat(const struct stat *st, struct net_open_info *o);

/* The DOS attributes the host has no bits for (hidden, system, archive,
 * temporary, offline, not-content-indexed) live in the extended attribute
 * DOS_XATTR where the file system supports one (`lsw diff` compares it).  dos_attrs_apply replaces the
 * default ARCHIVE of o->attributes with what is stored (fd >= 0, else
 * path); dos_attrs_store records attrs (0 when it could). */
void dos_attrs_apply(struct net_open_info *o, int fd, const char *path);
int dos_attrs_store(int fd, uint32_t attrs);
#define DOS_XATTR "user.lsw.dosattrib"

#endif
