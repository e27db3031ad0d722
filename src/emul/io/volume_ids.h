/*
 * What a program learns of the host's identities, made per-prefix: volume
 * serial numbers and file ids are keyed functions of the host's device and
 * inode numbers, and disk sizes are rounded, so that they stay what
 * Windows programs rely on (stable, distinct per volume and per file)
 * without showing the host's own values.
 */
#ifndef LSW_VOLUME_IDS_H
#define LSW_VOLUME_IDS_H

#include <stdint.h>

/* Makes PREFIX/identity.key (random, mode 0600) if it is missing; every
 * run on the prefix then shows the same serials and ids.  0 or -1 (errno). */
int volume_ids_key_create(const char *prefix);
struct lsw_host;
/* Loads the key of h's prefix; without one (unreadable prefix) a random
 * key serves this host only. */
void volume_ids_init(struct lsw_host *h);

/* The VolumeSerialNumber of the host file system st_dev. */
uint32_t volume_serial(const struct lsw_host *h, uint64_t dev);
/* The FileId / IndexNumber of inode ino on dev: one-to-one for each dev,
 * as NTFS file ids are unique on their volume. */
uint64_t volume_file_id(const struct lsw_host *h, uint64_t dev, uint64_t ino);
/* The inode whose FileId on dev is id (the permutation undone). */
uint64_t volume_file_ino(const struct lsw_host *h, uint64_t dev, uint64_t id);
/* Sizes in bytes as the program sees them: free space rounded down (to
 * the GiB, or the MiB under 1 GiB), the total rounded up to a power of
 * two GiB and never below the free space. */
uint64_t volume_free_bytes(uint64_t host_free);
uint64_t volume_total_bytes(uint64_t host_total, uint64_t host_free);

#endif
