/*
 * Device objects of \Device (\Device\Null, \Device\NamedPipe...): named in
 * the namespace so that listings show them and opening one as another
 * type is STATUS_OBJECT_TYPE_MISMATCH; a file name reaching one is the
 * device's to parse (ns_file_name leaves the rest to path_resolve).
 */
#include <stdlib.h>
#include "emul/object/object_ns.h"

static void device_destroy(struct nt_object *obj)
{
	struct object_device *d = (struct object_device *)obj;

	object_name_remove(&d->name);
	free(d);
}

static void device_describe(struct nt_object *obj, char *buf, size_t len)
{
	object_name_describe(&((struct object_device *)obj)->name, buf, len);
}

const struct nt_object_ops object_device_ops = {
	.type_name = "Device",
	.destroy = device_destroy,
	.describe = device_describe,
};

struct object_device *object_device_new(void)
{
	struct object_device *d = calloc(1, sizeof(*d));

	if (d)
		object_init(&d->hdr, &object_device_ops);
	return d;
}
