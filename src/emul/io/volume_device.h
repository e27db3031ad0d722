/*
 * The NT device form of a path ("\Device\HarddiskVolume3\dir\a.exe"):
 * each drive X: of a job is the volume device \Device\HarddiskVolumeN, N
 * its letter's place in the alphabet (C: 3, Z: 26), so that every job
 * and every run name a drive's volume alike.
 */
#ifndef LSW_VOLUME_DEVICE_H
#define LSW_VOLUME_DEVICE_H

#include <stddef.h>
#include <stdint.h>

/* path: DOS ("C:\dir\a.exe"), NT ("\??\C:\dir\a.exe") or driveless
 * ("\dir\a.exe": on C:), UTF-8.  Writes the device form as UTF-16 (no
 * NUL) into out, at most room units; returns how many it wrote. */
size_t volume_device_path(const char *path, uint16_t *out, size_t room);
/* The volume GUID names kernel32 gives the drives (volume_names.c):
 * this, then the letter's code in two hex digits and "}". */
#define VOLUME_GUID_PREFIX "Volume{4c535700-7664-4c53-9000-0000000000"
/* The device name of drive d (0 = A:) as UTF-16 into out (room for 32):
 * its length. */
size_t volume_device_name(int d, uint16_t *out);
/* When name[0..n) is a volume device's name ("\Device\HarddiskVolumeN",
 * any case) alone or followed by a backslash: that drive (0 = A:), and
 * in *len the device name's length.  -1 otherwise. */
int volume_device_drive(const uint16_t *name, size_t n, size_t *len);

#endif
