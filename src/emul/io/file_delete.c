/*
 * When a file is deleted.  On Windows the delete disposition belongs to the
 * file, not to one handle: FileDispositionInformation through any handle
 * sets or clears it for all of them, every handle sees DeletePending, no
 * new open succeeds (STATUS_DELETE_PENDING), and the name goes when the
 * last handle closes.  FILE_DELETE_ON_CLOSE belongs to its handle: closing
 * that handle sets the file's disposition, which clearing through
 * FileDispositionInformation does not undo.
 *
 * The file's disposition is kept on the live file objects of the file
 * (one of them holds it; a closing holder hands it to another), so no
 * table of its own is needed.
 */
#include <fcntl.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/path.h"

static bool same_file(const struct file_object *g, dev_t dev, ino_t ino)
{
	return (g->kind == FILE_KIND_DISK || g->kind == FILE_KIND_DIR) && g->fd >= 0 &&
	       g->dev == dev && g->ino == ino;
}

bool file_delete_pending(struct lsw_host *h, dev_t dev, ino_t ino)
{
	for (const struct file_object *g = file_first_live(h); g; g = g->live_next)
		if (g->delete_pending && same_file(g, dev, ino))
			return true;
	return false;
}

void file_set_disposition(struct file_object *f, bool del)
{
	if (del) {
		f->delete_pending = true;
		return;
	}
	for (struct file_object *g = file_first_live(f->host); g; g = g->live_next)
		if (same_file(g, f->dev, f->ino))
			g->delete_pending = false;
}

/* Another live object of f's file, to carry its disposition on. */
static struct file_object *other_opener(const struct file_object *f)
{
	for (struct file_object *g = file_first_live(f->host); g; g = g->live_next)
		if (g != f && same_file(g, f->dev, f->ino))
			return g;
	return NULL;
}

void file_delete_at_close(struct file_object *f)
{
	struct file_object *g;
	const char *base;
	int dirfd;

	if (!f->delete_pending && !f->delete_on_close)
		return;
	if ((g = other_opener(f))) {
		g->delete_pending = true; /* the last close deletes */
		return;
	}
	if (f->name_utf8 && !f->read_only && !path_protected(f->view, f->name_utf8) &&
	    (dirfd = file_parent_at(f, &base)) >= 0) {
		unlinkat(dirfd, base, f->kind == FILE_KIND_DIR ? AT_REMOVEDIR : 0);
		close(dirfd);
	}
}
