/*
 * DIR/lsw-overlay.txt names the directory each layer covers:
 *
 *   lsw-overlay 1
 *   0 prefix /home/ann/.lsw
 *   1 host /home/ann/samples
 *   2 drive:D /data
 *
 * so `lsw diff` can compare each upper layer with its original and name
 * the files as the program saw them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "overlay/overlay.h"

#define MAGIC "lsw-overlay 1"

static int parse_line(char *line, struct overlay_layer *l)
{
	char kind[16];
	int used = 0;

	if (sscanf(line, "%u %15s %n", &l->number, kind, &used) != 2 || !used || line[used] != '/')
		return -1;
	if (l->number >= 1000)
		return -1;
	if (!strcmp(kind, "prefix")) {
		l->kind = OVERLAY_PREFIX;
	} else if (!strcmp(kind, "host")) {
		l->kind = OVERLAY_HOST;
	} else if (!strncmp(kind, "drive:", 6) && kind[6] >= 'A' && kind[6] <= 'Z' && !kind[7]) {
		l->kind = OVERLAY_DRIVE;
		l->letter = kind[6];
	} else {
		return -1;
	}
	if (strlen(line + used) >= sizeof(l->host))
		return -1;
	strcpy(l->host, line + used);
	return 0;
}

int overlay_manifest_read(const char *dir, struct overlay_manifest *m, char *err, size_t errlen)
{
	char path[PATH_MAX + 32], line[PATH_MAX + 64];
	unsigned lineno = 0;
	FILE *f;

	memset(m, 0, sizeof(*m));
	snprintf(path, sizeof(path), "%s/%s", dir, OVERLAY_MANIFEST);
	if (!(f = fopen(path, "re"))) {
		if (errno == ENOENT && access(dir, F_OK) == 0)
			snprintf(err, errlen, "%s: not an lsw overlay directory (no %s in it)", dir,
				 OVERLAY_MANIFEST);
		else
			snprintf(err, errlen, "%s: %s", errno == ENOENT ? dir : path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);

		lineno++;
		if (n && line[n - 1] == '\n')
			line[--n] = 0;
		if (lineno == 1 ? strcmp(line, MAGIC) != 0
				: (m->nlayers == OVERLAY_MAX_LAYERS ||
				   parse_line(line, &m->layers[m->nlayers++]) < 0)) {
			snprintf(err, errlen, "%s:%u: not an lsw overlay manifest line", path, lineno);
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	if (!lineno) {
		snprintf(err, errlen, "%s: empty", path);
		return -1;
	}
	return 0;
}

/* Written to a temporary name, synced and renamed: a crash leaves the old
 * manifest or the new one. */
int overlay_manifest_write(const char *dir, const struct overlay_manifest *m, char *err,
			   size_t errlen)
{
	char path[PATH_MAX + 32], tmp[PATH_MAX + 40];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, OVERLAY_MANIFEST);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (!(f = fopen(tmp, "we"))) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	fprintf(f, "%s\n", MAGIC);
	for (unsigned i = 0; i < m->nlayers; i++) {
		const struct overlay_layer *l = &m->layers[i];

		if (l->kind == OVERLAY_DRIVE)
			fprintf(f, "%u drive:%c %s\n", l->number, l->letter, l->host);
		else
			fprintf(f, "%u %s %s\n", l->number,
				l->kind == OVERLAY_PREFIX ? "prefix" : "host", l->host);
	}
	ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
	ok &= fclose(f) == 0;
	if (!ok || rename(tmp, path) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
