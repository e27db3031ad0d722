/*
 * \Device\MountPointManager ("\\.\MountPointManager"): the mount manager's
 * IOCTL_MOUNTMGR_QUERY_POINTS, which lists the job's volumes as Windows
 * lists them: for each drive, its DOS name ("\DosDevices\C:") and its
 * volume GUID name ("\??\Volume{...}"), each with the volume's unique id
 * and device name ("\Device\HarddiskVolume3").  Every other code is
 * STATUS_INVALID_DEVICE_REQUEST.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/io/file.h"
#include "emul/io/path.h"
#include "emul/io/volume_device.h"

/* CTL_CODE(MOUNTMGRCONTROLTYPE 'm', 2, METHOD_BUFFERED, FILE_ANY_ACCESS) */
#define IOCTL_MOUNTMGR_QUERY_POINTS 0x6d0008u
#define POINT_SIZE 24u  /* MOUNTMGR_MOUNT_POINT: three offset/length pairs */
#define POINTS_HEADER 8u /* MOUNTMGR_MOUNT_POINTS: Size, NumberOfMountPoints */
#define UNIQUE_ID_SIZE 16u
#define NAME_MAX_UNITS 64u

/* One mount point: its link name, unique id and device name. */
struct mount_point {
	uint16_t link[NAME_MAX_UNITS], device[NAME_MAX_UNITS];
	size_t link_len, device_len;
	uint8_t id[UNIQUE_ID_SIZE];
};

static size_t widen(const char *s, uint16_t *out)
{
	size_t n = 0;

	for (; s[n] && n < NAME_MAX_UNITS; n++)
		out[n] = (uint8_t)s[n];
	return n;
}

/* Drive d's two mount points into mp[0..2). */
static void drive_points(int d, struct mount_point *mp)
{
	char link[NAME_MAX_UNITS];

	for (int k = 0; k < 2; k++) {
		if (k == 0)
			snprintf(link, sizeof(link), "\\DosDevices\\%c:", 'A' + d);
		else
			snprintf(link, sizeof(link), "\\??\\%s%02x}", VOLUME_GUID_PREFIX, 'A' + d);
		mp[k].link_len = widen(link, mp[k].link);
		mp[k].device_len = volume_device_name(d, mp[k].device);
		memset(mp[k].id, 0, UNIQUE_ID_SIZE);
		memcpy(mp[k].id, "LSW-volume", 10);
		mp[k].id[UNIQUE_ID_SIZE - 1] = (uint8_t)('A' + d);
	}
}

static void put32(uint8_t *b, uint32_t v)
{
	memcpy(b, &v, 4);
}

static void put16(uint8_t *b, uint16_t v)
{
	memcpy(b, &v, 2);
}

/* MOUNTMGR_MOUNT_POINTS for mp[0..n) into out (NULL: only its size). */
static uint32_t layout(const struct mount_point *mp, size_t n, uint8_t *out)
{
	uint32_t at = POINTS_HEADER + (uint32_t)n * POINT_SIZE;

	for (size_t i = 0; i < n; i++) {
		uint8_t *rec = out ? out + POINTS_HEADER + i * POINT_SIZE : NULL;
		const void *part[3] = { mp[i].link, mp[i].id, mp[i].device };
		uint32_t len[3] = { (uint32_t)mp[i].link_len * 2, UNIQUE_ID_SIZE,
				    (uint32_t)mp[i].device_len * 2 };

		for (int k = 0; k < 3; k++) {
			if (rec) {
				put32(rec + k * 8, at);
				put16(rec + k * 8 + 4, (uint16_t)len[k]);
				memcpy(out + at, part[k], len[k]);
			}
			at += len[k];
		}
	}
	if (out) {
		put32(out, at);
		put32(out + 4, (uint32_t)n);
	}
	return at;
}

/* A name the input asks for: its string at (offset, length) in in. */
struct wanted {
	uint16_t s[NAME_MAX_UNITS];
	size_t n;               /* 0: any */
};

static bool wanted_read(const uint8_t *in, uint32_t in_len, size_t field, struct wanted *w)
{
	uint32_t off;
	uint16_t len;

	memcpy(&off, in + field, 4);
	memcpy(&len, in + field + 4, 2);
	w->n = len / 2;
	if (!len)
		return true;
	if ((len & 1) || w->n > NAME_MAX_UNITS || off > in_len || len > in_len - off)
		return false;
	memcpy(w->s, in + off, len);
	return true;
}

static bool matches(const struct wanted *w, const uint16_t *s, size_t n)
{
	if (!w->n)
		return true;
	if (w->n != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((w->s[i] | (w->s[i] < 128 ? 32 : 0)) != (s[i] | (s[i] < 128 ? 32 : 0)))
			return false;
	return true;
}

/* The points the input asks for (by link and device name; all when it
 * names none) into mp: how many, or -1 for a malformed input. */
static int wanted_points(struct nt_call *c, const struct path_view *v, uint32_t in_len,
			 struct mount_point *mp)
{
	uint8_t in[512];
	struct wanted link, device;
	uint32_t drives = path_drive_mask(v);
	int n = 0;

	if (in_len > sizeof(in))
		in_len = sizeof(in);
	if (tracee_read(c->thread, c->args[6], in, in_len) < 0 ||
	    !wanted_read(in, in_len, 0, &link) || !wanted_read(in, in_len, 16, &device))
		return -1;
	for (int d = 0; d < 26; d++) {
		struct mount_point two[2];

		if (!(drives & (1u << d)))
			continue;
		drive_points(d, two);
		for (int k = 0; k < 2; k++)
			if (matches(&link, two[k].link, two[k].link_len) &&
			    matches(&device, two[k].device, two[k].device_len))
				mp[n++] = two[k];
	}
	return n;
}

static NTSTATUS query_points(struct nt_call *c, const struct path_view *v, uint64_t *done)
{
	uint32_t in_len = (uint32_t)c->args[7], out_len = (uint32_t)c->args[9], size;
	struct mount_point mp[52];
	uint8_t *out;
	int n;
	NTSTATUS st = LSW_STATUS_SUCCESS;

	/* the output holds at least its header and one record */
	if (!c->args[6] || in_len < POINT_SIZE || !c->args[8] ||
	    out_len < POINTS_HEADER + POINT_SIZE)
		return LSW_STATUS_INVALID_PARAMETER;
	if ((n = wanted_points(c, v, in_len, mp)) < 0)
		return LSW_STATUS_INVALID_PARAMETER;
	size = layout(mp, (size_t)n, NULL);
	if (!(out = calloc(1, size)))
		return LSW_STATUS_NO_MEMORY;
	layout(mp, (size_t)n, out);
	*done = size;
	if (out_len < size) { /* the size it needs and the count only */
		*done = POINTS_HEADER;
		st = LSW_STATUS_BUFFER_OVERFLOW;
	}
	if (tracee_write(c->thread, c->args[8], out, *done) < 0)
		st = LSW_STATUS_ACCESS_VIOLATION;
	free(out);
	return st;
}

NTSTATUS mount_manager_control(struct nt_call *c, struct file_object *f, uint32_t code,
			       uint64_t *done)
{
	if (code != IOCTL_MOUNTMGR_QUERY_POINTS || !f->view)
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	return query_points(c, f->view, done);
}
