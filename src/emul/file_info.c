/*
 * NtQueryInformationFile and NtSetInformationFile: the classes programs use
 * first (standard, position, end of file, disposition, rename).  The rest
 * of the classes come with the filesystem bridge.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/file.h"
#include "emul/file_attrs.h"
#include "emul/path.h"

#define DELETE_ACCESS 0x00010000u

/* Basic information is the first four times and the attributes. */
static size_t to_basic(const struct net_open_info *n, uint8_t out[40])
{
	memcpy(out, n, 32);
	memcpy(out + 32, &n->attributes, 4);
	memset(out + 36, 0, 4);
	return 40;
}

static NTSTATUS query_attributes(struct nt_call *c, bool full)
{
	struct path_result pr;
	struct net_open_info info;
	uint8_t basic[40];
	struct stat st;
	NTSTATUS s = file_resolve_attributes(c, c->args[0], &pr);

	if (s != LSW_STATUS_SUCCESS)
		return s;
	if (pr.target == PATH_NULL_DEVICE || pr.target == PATH_CONIN || pr.target == PATH_CONOUT) {
		memset(&info, 0, sizeof(info));
	} else if (!pr.exists || stat(pr.host_path, &st) < 0) {
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	} else {
		describe_stat(&st, &info);
		if (pr.read_only && !(info.attributes & FILE_ATTRIBUTE_DIRECTORY))
			info.attributes |= FILE_ATTRIBUTE_READONLY;
	}
	if (full)
		return tracee_write(c->thread, c->args[1], &info, sizeof(info)) < 0
			? LSW_STATUS_ACCESS_VIOLATION : LSW_STATUS_SUCCESS;
	to_basic(&info, basic);
	return tracee_write(c->thread, c->args[1], basic, sizeof(basic)) < 0
		? LSW_STATUS_ACCESS_VIOLATION : LSW_STATUS_SUCCESS;
}

/* NtQueryAttributesFile(ObjectAttributes, *FileBasicInformation) */
NTSTATUS nt_NtQueryAttributesFile(struct nt_call *c)
{
	return query_attributes(c, false);
}

/* NtQueryFullAttributesFile(ObjectAttributes, *FileNetworkOpenInformation) */
NTSTATUS nt_NtQueryFullAttributesFile(struct nt_call *c)
{
	return query_attributes(c, true);
}

/* NtQueryInformationFile(FileHandle, IoStatusBlock, FileInformation, Length,
 *                        FileInformationClass): standard and position. */
NTSTATUS nt_NtQueryInformationFile(struct nt_call *c)
{
	struct file_object *f;
	struct stat sb;
	struct net_open_info ni;
	uint64_t out[7] = { 0 };
	size_t len;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (f->fd >= 0 && fstat(f->fd, &sb) == 0)
		describe_stat(&sb, &ni);
	else
		memset(&ni, 0, sizeof(ni));
	switch ((uint32_t)c->args[4]) {
	case 4: /* FileBasicInformation */
		len = to_basic(&ni, (uint8_t *)out);
		break;
	case 34: /* FileNetworkOpenInformation */
		memcpy(out, &ni, sizeof(ni));
		len = sizeof(ni);
		break;
	case 5: /* FileStandardInformation: AllocationSize, EndOfFile, NumberOfLinks,
		 * DeletePending, Directory */
		if (f->fd >= 0 && fstat(f->fd, &sb) == 0) {
			out[0] = (uint64_t)sb.st_blocks * 512;
			out[1] = (uint64_t)sb.st_size;
			out[2] = (uint64_t)sb.st_nlink | ((uint64_t)S_ISDIR(sb.st_mode) << 40);
		}
		len = 24;
		break;
	case 14: /* FilePositionInformation */
		out[0] = f->pos;
		len = 8;
		break;
	default:
		return LSW_STATUS_INVALID_INFO_CLASS;
	}
	if ((uint32_t)c->args[3] < len)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_write(c->thread, c->args[2], out, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, len);
}

/* FileRenameInformation (x64): ReplaceIfExists@0 (BOOLEAN, padded),
 * RootDirectory@8, FileNameLength@16, FileName@20. */
static NTSTATUS set_rename(struct nt_call *c, struct file_object *f)
{
	struct { uint8_t replace, pad[7]; uint64_t root; uint32_t len; } hdr;
	struct path_result pr;
	uint16_t *name;
	NTSTATUS st;

	if ((uint32_t)c->args[3] < 24)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], &hdr, 20) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (hdr.root || (hdr.len & 1) || hdr.len > 0xFFFE || hdr.len + 20 > (uint32_t)c->args[3])
		return LSW_STATUS_INVALID_PARAMETER;
	if (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR)
		return LSW_STATUS_INVALID_PARAMETER;
	if (f->read_only || !(f->access & DELETE_ACCESS))
		return LSW_STATUS_ACCESS_DENIED; /* renaming removes the old name */
	if (!(name = malloc(hdr.len + 2u)))
		return LSW_STATUS_NO_MEMORY;
	if (tracee_read(c->thread, c->args[2] + 20, name, hdr.len) < 0) {
		free(name);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	st = path_resolve(name, hdr.len / 2, &pr);
	free(name);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	if (pr.target != PATH_HOST || pr.read_only)
		return LSW_STATUS_ACCESS_DENIED;
	if (renameat2(AT_FDCWD, f->name_utf8, AT_FDCWD, pr.host_path,
		      hdr.replace ? 0 : RENAME_NOREPLACE) < 0)
		return errno_to_status(errno);
	free(f->name_utf8);
	f->name_utf8 = strdup(pr.host_path);
	return LSW_STATUS_SUCCESS;
}

/* NtSetInformationFile(FileHandle, IoStatusBlock, FileInformation, Length,
 *                      FileInformationClass): position, end of file,
 *                      disposition (delete on close) and rename. */
NTSTATUS nt_NtSetInformationFile(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[4];
	struct file_object *f;
	int64_t v;
	uint8_t del;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (cls == 13) { /* FileDispositionInformation: BOOLEAN DeleteFile */
		if ((uint32_t)c->args[3] < 1)
			return LSW_STATUS_INFO_LENGTH_MISMATCH;
		if (tracee_read(c->thread, c->args[2], &del, 1) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		if (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR)
			return LSW_STATUS_INVALID_PARAMETER;
		if (f->read_only || !(f->access & DELETE_ACCESS))
			return LSW_STATUS_ACCESS_DENIED;
		f->delete_on_close = del != 0;
		return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
	}
	if (cls == 10) { /* FileRenameInformation */
		if ((st = set_rename(c, f)) != LSW_STATUS_SUCCESS)
			return st;
		return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
	}
	if (cls != 14 && cls != 20)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if ((uint32_t)c->args[3] < 8)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], &v, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (v < 0)
		return LSW_STATUS_INVALID_PARAMETER;
	if (cls == 14)
		f->pos = (uint64_t)v;
	else if (f->kind != FILE_KIND_DISK)
		return LSW_STATUS_INVALID_PARAMETER;
	else if (ftruncate(f->fd, v) < 0)
		return errno_to_status(errno);
	return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
}

