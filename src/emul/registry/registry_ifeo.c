/*
 * Whether an image has an Image File Execution Options key, looked up
 * when its process is created, as Windows' process creation does: when
 * it has none, the process's parameters say so
 * (RTL_USER_PROC_IMAGE_KEY_MISSING) and its loader does not open the key
 * to read GlobalFlag, one system call less for nearly every process.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/registry.h"

static const char *const ifeo_path[] = {
	"Software", "Microsoft", "Windows NT", "CurrentVersion", "Image File Execution Options",
};

/* parent's subkey named by the UTF-8 s; *units its length in UTF-16 */
static struct reg_key *find_utf8(struct reg_key *parent, const char *s, size_t *units)
{
	uint16_t *w = reg_utf8_to_utf16(s, strlen(s), units, NULL);
	struct reg_key *k = w && *units ? reg_key_find(parent, w, *units) : NULL;

	free(w);
	return k;
}

bool registry_image_key_missing(const struct host_registry *r, const char *image_name)
{
	struct reg_key *k = r->machine ? r->machine->root : NULL;
	size_t units = 0;

	for (size_t i = 0; i < sizeof(ifeo_path) / sizeof(ifeo_path[0]) && k; i++) {
		if (k->is_link) /* the loader's open would follow it: not known here */
			return false;
		k = find_utf8(k, ifeo_path[i], &units);
	}
	if (!k) /* no such key, or no machine hive: the loader's open fails */
		return true;
	if (k->is_link)
		return false;
	k = find_utf8(k, image_name, &units);
	/* ntdll opens no key for a name longer than a path component */
	return !k || units > 255;
}
