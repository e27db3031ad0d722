/* Paths in NT device form, on lsw's one volume device. */
#include <string.h>
#include "emul/io/path.h"
#include "emul/io/volume_device.h"

size_t volume_device_path(const char *path, uint16_t *out, size_t room)
{
	static const char volume[] = "\\Device\\HarddiskVolume1";
	size_t n = 0;

	if (!strncmp(path, "\\??\\", 4))
		path += 4;
	if (path[0] && path[1] == ':')
		path += 2; /* X: */
	for (; volume[n] && n < room; n++)
		out[n] = (uint16_t)volume[n];
	if (path[0] != '\\' && n < room)
		out[n++] = '\\';
	return n < room ? n + utf8_to_utf16(path, out + n, room - n) : n;
}
