/*
 * A caller's RTL_USER_PROCESS_PARAMETERS (x64 layout in params.c), for a
 * child: normalized (Flags bit 0: string buffers are addresses) or not
 * (offsets from the block), as RtlCreateProcessParameters leaves it.  The
 * environment is always an address; its size is EnvironmentSize when the
 * block is long enough to have it, else up to its empty string.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/process/create_process.h"
#include "emul/process/params.h"

#define PARAMS_HEADER 0xF0             /* through RuntimeData */
#define PARAMS_WITH_ENV_SIZE 0x3F8     /* through EnvironmentSize */
#define PARAMS_WITH_GROUP 0x410        /* through LoaderThreads */
#define RTL_USER_PROC_PARAMS_NORMALIZED 1
#define ENV_MAX_BYTES (4u << 20)
#define ENV_CHUNK 4096

static uint64_t get(const uint8_t *b, size_t off, size_t n)
{
	uint64_t v = 0;

	memcpy(&v, b + off, n);
	return v;
}

/* The UNICODE_STRING at off of the header, as UTF-16 (malloc'd, *n
 * characters); NULL with *n 0 when empty. */
static NTSTATUS read_string(struct lsw_thread *t, const uint8_t *hdr, size_t off, uint64_t base,
			    bool normalized, uint16_t **w, size_t *n)
{
	uint16_t len = (uint16_t)get(hdr, off, 2);
	uint64_t buf = get(hdr, off + 8, 8);

	*w = NULL;
	*n = 0;
	if (!len || !buf)
		return LSW_STATUS_SUCCESS;
	if (!normalized)
		buf += base;
	if (!(*w = malloc(len + 2u)))
		return LSW_STATUS_NO_MEMORY;
	if (tracee_read(t, buf, *w, len) < 0) {
		free(*w);
		*w = NULL;
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	(*w)[len / 2] = 0;
	*n = len / 2;
	return LSW_STATUS_SUCCESS;
}

static char *to_utf8(const uint16_t *w, size_t n)
{
	char *s = malloc(n * 3 + 1);

	if (s)
		utf16_to_utf8(w, n, s, n * 3 + 1);
	return s;
}

/* A text field as UTF-8 (an empty one as ""); NULL: *st says why. */
static char *read_text(struct lsw_thread *t, const uint8_t *hdr, size_t off, uint64_t base,
		       bool normalized, NTSTATUS *st)
{
	uint16_t *w;
	size_t n;
	char *s;

	if ((*st = read_string(t, hdr, off, base, normalized, &w, &n)) != LSW_STATUS_SUCCESS)
		return NULL;
	s = to_utf8(w ? w : (const uint16_t *)L"", n);
	free(w);
	if (!s)
		*st = LSW_STATUS_NO_MEMORY;
	return s;
}

static size_t wcs16_len(const uint16_t *w)
{
	size_t n = 0;

	while (w[n])
		n++;
	return n;
}

/* The block's strings as NAME=value UTF-8 strings. */
static char **split_env(const uint16_t *w, size_t n)
{
	size_t count = 0, k = 0;
	char **env;

	for (size_t i = 0; i < n; i++)
		if (!w[i] && (i == 0 || w[i - 1]))
			count++;
	if (!(env = calloc(count + 1, sizeof(*env))))
		return NULL;
	for (size_t i = 0; i < n && w[i]; i += wcs16_len(w + i) + 1)
		if (!(env[k++] = to_utf8(w + i, wcs16_len(w + i)))) {
			while (k--)
				free(env[k]);
			free(env);
			return NULL;
		}
	return env;
}

/* Where two NULs end the block (the empty string), in characters; 0: not
 * in the n read so far. */
static size_t env_end(const uint16_t *w, size_t n)
{
	if (n >= 1 && !w[0])
		return 1; /* no variables */
	for (size_t i = 1; i < n; i++)
		if (!w[i] && !w[i - 1])
			return i + 1;
	return 0;
}

/* The environment block at addr: size bytes when known, else read page by
 * page (never past its end, which may be the end of the mapping). */
static NTSTATUS read_env(struct lsw_thread *t, uint64_t addr, uint64_t size, char ***out)
{
	uint16_t *w = NULL;
	size_t have = 0, end = 0;

	if (!addr)
		return (*out = calloc(1, sizeof(char *))) ? LSW_STATUS_SUCCESS : LSW_STATUS_NO_MEMORY;
	if (addr & 1 || size > ENV_MAX_BYTES)
		return LSW_STATUS_INVALID_PARAMETER;
	while (!end && have < ENV_MAX_BYTES) {
		size_t chunk = size ? size - have : ENV_CHUNK - ((addr + have) % ENV_CHUNK);
		uint16_t *nw = chunk ? realloc(w, have + chunk + 4) : NULL;

		if (!nw) {
			free(w);
			return chunk ? LSW_STATUS_NO_MEMORY : LSW_STATUS_INVALID_PARAMETER;
		}
		w = nw;
		if (tracee_read(t, addr + have, (uint8_t *)w + have, chunk) < 0) {
			free(w);
			return LSW_STATUS_ACCESS_VIOLATION;
		}
		have += chunk;
		end = env_end(w, have / 2);
		if (size && !end) { /* a block without its empty string: end it */
			memset((uint8_t *)w + have - have % 2, 0, 4);
			end = have / 2 + 2;
		}
	}
	*out = end ? split_env(w, end) : NULL;
	free(w);
	if (!end)
		return LSW_STATUS_INVALID_PARAMETER;
	return *out ? LSW_STATUS_SUCCESS : LSW_STATUS_NO_MEMORY;
}

/* RuntimeData: binary, kept as bytes, an odd count too (the C runtime's
 * descriptor table is 4 + 9 bytes a descriptor). */
static NTSTATUS read_runtime(struct lsw_thread *t, const uint8_t *hdr, uint64_t base,
			     bool normalized, struct params_copy *out)
{
	uint16_t len = (uint16_t)get(hdr, 0xE0, 2);
	uint64_t buf = get(hdr, 0xE8, 8);

	out->runtime_data = NULL;
	out->runtime_len = 0;
	if (!len || !buf)
		return LSW_STATUS_SUCCESS;
	if (!normalized)
		buf += base;
	if (!(out->runtime_data = malloc(len)))
		return LSW_STATUS_NO_MEMORY;
	if (tracee_read(t, buf, out->runtime_data, len) < 0) {
		free(out->runtime_data);
		out->runtime_data = NULL;
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	out->runtime_len = len;
	return LSW_STATUS_SUCCESS;
}

NTSTATUS params_copy(struct lsw_thread *t, uint64_t addr, struct params_copy *out)
{
	uint8_t hdr[PARAMS_WITH_GROUP] = { 0 };
	uint32_t length;
	bool norm;
	NTSTATUS st;

	memset(out, 0, sizeof(*out));
	if (!addr)
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(t, addr, hdr, PARAMS_HEADER) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	length = (uint32_t)get(hdr, 4, 4);
	if (length < PARAMS_HEADER)
		return LSW_STATUS_INVALID_PARAMETER;
	if (length >= PARAMS_WITH_ENV_SIZE &&
	    tracee_read(t, addr + PARAMS_HEADER, hdr + PARAMS_HEADER,
			(length >= PARAMS_WITH_GROUP ? PARAMS_WITH_GROUP : PARAMS_WITH_ENV_SIZE) -
				PARAMS_HEADER) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	norm = get(hdr, 8, 4) & RTL_USER_PROC_PARAMS_NORMALIZED;
	memcpy(out->std_handles, hdr + 0x20, 24);
	out->window_flags = (uint32_t)get(hdr, 0xA4, 4);
	out->show_window = (uint16_t)get(hdr, 0xA8, 2);
	out->console_flags = (uint32_t)get(hdr, 0x18, 4) & 1;
	/* the group itself is the parent's, whatever number was given: only
	 * 0 (CREATE_NEW_PROCESS_GROUP) is heard */
	out->new_group = length >= PARAMS_WITH_GROUP && !get(hdr, 0x408, 4);
	memcpy(out->look.place, hdr + 0x88, sizeof(out->look.place));
	if (!(out->command_line = read_text(t, hdr, 0x70, addr, norm, &st)) ||
	    !(out->current_dir = read_text(t, hdr, 0x38, addr, norm, &st)) ||
	    !(out->image_dos = read_text(t, hdr, 0x60, addr, norm, &st)) ||
	    !(out->look.title = read_text(t, hdr, 0xB0, addr, norm, &st)) ||
	    !(out->look.desktop = read_text(t, hdr, 0xC0, addr, norm, &st)) ||
	    (st = read_runtime(t, hdr, addr, norm, out)) != LSW_STATUS_SUCCESS ||
	    (st = read_env(t, get(hdr, 0x80, 8), get(hdr, PARAMS_WITH_ENV_SIZE - 8, 8),
			   &out->env)) != LSW_STATUS_SUCCESS) {
		params_copy_free(out);
		return st;
	}
	if (!*out->current_dir) { /* none given: the child's default */
		free(out->current_dir);
		out->current_dir = NULL;
	}
	if (!*out->image_dos) {
		free(out->image_dos);
		out->image_dos = NULL;
	}
	return LSW_STATUS_SUCCESS;
}

void params_copy_free(struct params_copy *p)
{
	free(p->command_line);
	free(p->current_dir);
	free(p->image_dos);
	free(p->look.title);
	free(p->look.desktop);
	free(p->runtime_data);
	for (char **e = p->env; e && *e; e++)
		free(*e);
	free(p->env);
	memset(p, 0, sizeof(*p));
}
