/*
 * NtGetNlsSectionPtr and NtInitializeNlsFiles: the NLS data files of
 * System32 that a program reaches without opening them (code page tables
 * c_NNN.nls, locale.nls).  lsw generates them at build time
 * (tools/gen_nls_files.py) into the DLL directory; each file gets one
 * read-only section, kept for the supervisor's life, and every call maps
 * a new view of it, as Windows maps its shared NLS sections.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/memory/memory.h"
#include "emul/memory/section.h"

#define NLS_SECTION_CASEMAP 10
#define NLS_SECTION_CODEPAGE 11
#define NLS_SECTION_NORMALIZATION 12
#define NLS_MAX_FILES 64
#define NLS_DEFAULT_LCID 0x0409 /* en-US, as the DLLs' locale tables say */
#define NLS_LOCALE_TABLE_ENTRY 4 /* locale.nls: the locale table's offset */

static struct {
	char name[24];
	struct section_object *section;
} nls_files[NLS_MAX_FILES];

static struct section_object *section_of_file(const char *dir, const char *name)
{
	char path[4096];
	struct section_object *s;
	struct stat sb;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size <= 0 ||
	    !(s = calloc(1, sizeof(*s)))) {
		close(fd);
		return NULL;
	}
	object_init(&s->hdr, &section_ops);
	s->fd = fd;
	s->ro_fd = -1;
	s->file_backed = true;
	s->protect = PAGE_READONLY;
	s->attributes = SEC_FILE | SEC_COMMIT;
	s->size = (uint64_t)sb.st_size;
	snprintf(s->label, sizeof(s->label), "%s", name);
	return s;
}

/* The shared section of a System32 NLS file; NULL if there is none. */
static struct section_object *nls_section(struct nt_call *c, const char *name)
{
	int i;

	for (i = 0; i < NLS_MAX_FILES && nls_files[i].section; i++)
		if (!strcmp(nls_files[i].name, name))
			return nls_files[i].section;
	if (i == NLS_MAX_FILES)
		return NULL;
	nls_files[i].section = section_of_file(c->thread->process->host->cfg.dll_dir, name);
	snprintf(nls_files[i].name, sizeof(nls_files[i].name), "%s", name);
	return nls_files[i].section;
}

/* Maps a view of `name` and stores its address at ptr_addr. */
static NTSTATUS map_nls_file(struct nt_call *c, const char *name, uint64_t ptr_addr,
			     uint64_t *size)
{
	struct section_object *s = nls_section(c, name);
	uint64_t base = 0, zero = 0;
	NTSTATUS st;

	if (tracee_write(c->thread, ptr_addr, &zero, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!s)
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	st = section_map_read_view(c, s, &base);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	*size = s->size;
	if (tracee_write(c->thread, ptr_addr, &base, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

/* The file of an NtGetNlsSectionPtr request, or the status refusing it. */
static NTSTATUS nls_file_name(uint32_t type, uint32_t id, char *name, size_t len)
{
	switch (type) {
	case NLS_SECTION_CODEPAGE:
		snprintf(name, len, "c_%u.nls", id);
		return LSW_STATUS_SUCCESS;
	case NLS_SECTION_NORMALIZATION:
		/* no normalization files yet: the DLLs carry their own tables */
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	case NLS_SECTION_CASEMAP:
	default:
		return LSW_STATUS_INVALID_PARAMETER_1;
	}
}

/* NtGetNlsSectionPtr(Type, Id, Reserved, *SectionPointer, *SectionSize) */
NTSTATUS nt_NtGetNlsSectionPtr(struct nt_call *c)
{
	char name[24];
	uint64_t size = 0;
	NTSTATUS st;

	st = nls_file_name((uint32_t)c->args[0], (uint32_t)c->args[1], name, sizeof(name));
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (c->args[2])
		return LSW_STATUS_INVALID_PARAMETER_3;
	if (!c->args[3] || !c->args[4])
		return LSW_STATUS_ACCESS_VIOLATION;
	st = map_nls_file(c, name, c->args[3], &size);
	if (st == LSW_STATUS_SUCCESS && tracee_write(c->thread, c->args[4], &size, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

/* NtInitializeNlsFiles(*BaseAddress, *DefaultLocaleId, *DefaultCasingTableSize):
 * maps locale.nls; the third value is the offset of its locale table. */
NTSTATUS nt_NtInitializeNlsFiles(struct nt_call *c)
{
	uint32_t lcid = NLS_DEFAULT_LCID, header[NLS_LOCALE_TABLE_ENTRY + 1];
	uint64_t size = 0, table;
	NTSTATUS st;

	if (!c->args[0] || !c->args[1] || tracee_write(c->thread, c->args[1], &lcid, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	st = map_nls_file(c, "locale.nls", c->args[0], &size);
	if (st != LSW_STATUS_SUCCESS || !c->args[2])
		return st;
	if (pread(nls_section(c, "locale.nls")->fd, header, sizeof(header), 0) !=
	    (ssize_t)sizeof(header))
		return st;
	table = header[NLS_LOCALE_TABLE_ENTRY];
	if (tracee_write(c->thread, c->args[2], &table, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}
