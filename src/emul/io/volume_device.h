/*
 * The NT device form of a path ("\Device\HarddiskVolume1\dir\a.exe"):
 * every drive of a job lies on the one volume device lsw has.
 */
#ifndef LSW_VOLUME_DEVICE_H
#define LSW_VOLUME_DEVICE_H

#include <stddef.h>
#include <stdint.h>

/* path: DOS ("C:\dir\a.exe"), NT ("\??\C:\dir\a.exe") or driveless
 * ("\dir\a.exe"), UTF-8.  Writes the device form as UTF-16 (no NUL) into
 * out, at most room units; returns how many it wrote. */
size_t volume_device_path(const char *path, uint16_t *out, size_t room);

#endif
