/* Paths in NT device form: a drive's volume device (volume_device.h). */
#include <stdio.h>
#include <string.h>
#include "emul/io/path.h"
#include "emul/io/volume_device.h"

#define VOLUME_DEVICE "\\Device\\HarddiskVolume"

static size_t widen(const char *s, uint16_t *out)
{
	size_t n = 0;

	for (; s[n]; n++)
		out[n] = (uint8_t)s[n];
	return n;
}

static uint16_t ascii_lower(uint16_t c)
{
	return c >= 'A' && c <= 'Z' ? (uint16_t)(c + 32) : c;
}

size_t volume_device_name(int d, uint16_t *out)
{
	char s[48];

	snprintf(s, sizeof(s), "%s%u", VOLUME_DEVICE, (unsigned)d % 26 + 1);
	return widen(s, out);
}

size_t volume_device_path(const char *path, uint16_t *out, size_t room)
{
	uint16_t dev[32];
	int d = 'C' - 'A';
	size_t n, i;

	if (!strncmp(path, "\\??\\", 4))
		path += 4;
	if (path[0] && path[1] == ':') {
		if (((path[0] | 32) >= 'a' && (path[0] | 32) <= 'z'))
			d = (path[0] | 32) - 'a';
		path += 2; /* X: */
	}
	n = volume_device_name(d, dev);
	for (i = 0; i < n && i < room; i++)
		out[i] = dev[i];
	if (path[0] != '\\' && i < room)
		out[i++] = '\\';
	return i < room ? i + utf8_to_utf16(path, out + i, room - i) : i;
}

int volume_device_drive(const uint16_t *name, size_t n, size_t *len)
{
	static const char prefix[] = VOLUME_DEVICE;
	size_t p = sizeof(prefix) - 1, i;
	unsigned number = 0;

	if (n <= p)
		return -1;
	for (i = 0; i < p; i++)
		if (ascii_lower(name[i]) != ascii_lower((uint8_t)prefix[i]))
			return -1;
	/* 1..26, no leading zero: one spelling for each volume */
	for (; i < n && name[i] >= '0' && name[i] <= '9' && i < p + 2; i++)
		number = number * 10 + (name[i] - '0');
	if (i == p || name[p] == '0' || number < 1 || number > 26 || (i < n && name[i] != '\\'))
		return -1;
	*len = i;
	return (int)number - 1;
}
