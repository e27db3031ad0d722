/*
 * NtQueryInformationFile and NtSetInformationFile: the classes programs use
 * first (standard, position, end of file, disposition, rename).  The rest
 * of the classes come with the filesystem bridge.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "emul/io/file.h"
#include "emul/io/pipe.h"
#include "emul/io/mailslot.h"
#include "emul/io/file_access.h"
#include "emul/io/file_attrs.h"
#include "emul/io/path.h"
#include "emul/io/pipe_named.h"
#include "emul/io/share.h"
#include "emul/io/volume_ids.h"
#include "emul/memory/section.h"
#include "emul/object/object_names.h"

#define EPOCH_1601_TO_1970 116444736000000000ull

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
	if (pr.target != PATH_HOST) {
		memset(&info, 0, sizeof(info));
		if (pr.target == PATH_ABOVE) /* only that it is a directory */
			info.attributes = FILE_ATTRIBUTE_DIRECTORY;
	} else if (!pr.exists || stat(pr.host_path, &st) < 0) {
		return LSW_STATUS_OBJECT_NAME_NOT_FOUND;
	} else if (pr.dir_only && !S_ISDIR(st.st_mode)) {
		return LSW_STATUS_OBJECT_NAME_INVALID; /* "file" is no file's name */
	} else if (file_delete_pending(c->thread->process->host, st.st_dev, st.st_ino)) {
		return LSW_STATUS_DELETE_PENDING;
	} else {
		describe_stat(&st, &info);
		dos_attrs_apply(&info, -1, pr.host_path);
		if (pr.read_only && !pr.system_dll && !(info.attributes & FILE_ATTRIBUTE_DIRECTORY))
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

/* FILE_STANDARD_INFORMATION: AllocationSize, EndOfFile, NumberOfLinks,
 * DeletePending, Directory (24 bytes). */
static size_t put_standard(uint8_t *o, const struct file_object *f, const struct stat *sb,
			   const struct net_open_info *ni)
{
	uint32_t links = sb ? (uint32_t)sb->st_nlink : 1;

	memcpy(o, &ni->allocation, 8);
	memcpy(o + 8, &ni->end_of_file, 8);
	memcpy(o + 16, &links, 4);
	o[20] = file_delete_pending(f->host, f->dev, f->ino) || (sb && sb->st_nlink == 0);
	o[21] = sb ? S_ISDIR(sb->st_mode) : f->kind == FILE_KIND_DIR;
	o[22] = o[23] = 0;
	return 24;
}

/* FILE_NAME_INFORMATION: the name without the drive ("\dir\file.txt"),
 * as much as fits; *full_len is what the whole name needs. */
static size_t put_name(uint8_t *o, size_t room, const struct file_object *f, size_t *full_len)
{
	const char *nt = f->nt_name ? f->nt_name : "";
	uint16_t name[1024];
	uint32_t bytes;
	size_t n;

	if (!strncmp(nt, "\\??\\", 4) && nt[4] && nt[5] == ':')
		nt += 6; /* \??\X: */
	else if (!strncmp(nt, "\\Device\\NamedPipe\\", 18))
		nt += 17; /* a pipe's name in its file system: "\name" */
	else if (f->kind == FILE_KIND_MAILSLOT && !strncmp(f->name_utf8, "\\Device\\Mailslot\\", 17))
		nt = f->name_utf8 + 16; /* a mailslot's too, either end (ntdll's file tests) */
	n = utf8_to_utf16(nt, name, sizeof(name) / 2);
	bytes = (uint32_t)(n * 2);
	memcpy(o, &bytes, 4);
	*full_len = 4 + bytes;
	if (room < 4)
		return 0;
	n = bytes < room - 4 ? bytes : (room - 4) & ~(size_t)1;
	memcpy(o + 4, name, n);
	return 4 + n;
}

/* FILE_ALL_INFORMATION: Basic@0, Standard@40, Internal@64, Ea@72,
 * Access@76, Position@80, Mode@88, Alignment@92, Name@96. */
static size_t put_all(uint8_t *o, size_t room, const struct file_object *f,
		      const struct stat *sb, const struct net_open_info *ni, size_t *full_len)
{
	uint64_t ino = sb ? volume_file_id(f->host, sb->st_dev, sb->st_ino) : 0;
	uint32_t zero = 0, mode = f->options & 0x3e; /* the FILE_*_IO and write-through bits */
	size_t name_full;

	to_basic(ni, o);
	put_standard(o + 40, f, sb, ni);
	memcpy(o + 64, &ino, 8);
	memcpy(o + 72, &zero, 4);
	memcpy(o + 76, &f->access, 4);
	memcpy(o + 80, &f->pos, 8);
	memcpy(o + 88, &mode, 4);
	memcpy(o + 92, &zero, 4);
	size_t n = put_name(o + 96, room - 96, f, &name_full);
	*full_len = 96 + name_full;
	return 96 + n;
}

/* FILE_STREAM_INFORMATION: a file's one data stream, "::$DATA" (no
 * alternate streams here); a directory has none, an empty answer. */
static size_t put_streams(uint8_t *o, size_t room, const struct file_object *f,
			  const struct stat *sb, size_t *need)
{
	static const uint16_t name[] = { ':', ':', '$', 'D', 'A', 'T', 'A' };
	uint8_t e[24 + sizeof(name)] = { 0 };
	uint32_t name_len = sizeof(name);
	uint64_t size, alloc;

	*need = 0;
	if (f->kind != FILE_KIND_DISK || !sb || !S_ISREG(sb->st_mode))
		return 0;
	size = (uint64_t)sb->st_size;
	alloc = (uint64_t)sb->st_blocks * 512;
	memcpy(e + 4, &name_len, 4);
	memcpy(e + 8, &size, 8);
	memcpy(e + 16, &alloc, 8);
	memcpy(e + 24, name, sizeof(name));
	*need = sizeof(e);
	memcpy(o, e, room < sizeof(e) ? room : sizeof(e));
	return room < sizeof(e) ? room : sizeof(e);
}

/* Fills class `cls` into out (room bytes); returns the bytes written, or 0
 * for a class not known.  *need is the size the whole answer takes. */
static size_t query_class(uint32_t cls, uint8_t *out, size_t room, const struct file_object *f,
			  const struct stat *sb, const struct net_open_info *ni, size_t *need)
{
	uint64_t v64;
	uint32_t v32[2];
	size_t n = 0;

	switch (cls) {
	case 4: n = to_basic(ni, out); break;              /* FileBasicInformation */
	case 5: n = put_standard(out, f, sb, ni); break;   /* FileStandardInformation */
	case 6: /* FileInternalInformation */
		v64 = sb ? volume_file_id(f->host, sb->st_dev, sb->st_ino) : 0;
		memcpy(out, &v64, 8); n = 8; break;
	case 7: v32[0] = 0; memcpy(out, v32, 4); n = 4; break;          /* FileEaInformation */
	case 8: memcpy(out, &f->access, 4); n = 4; break;               /* FileAccessInformation */
	case 9: n = put_name(out, room, f, need); return n;             /* FileNameInformation */
	case 14: memcpy(out, &f->pos, 8); n = 8; break;                 /* FilePositionInformation */
	case 16: v32[0] = f->options & 0x3e; memcpy(out, v32, 4); n = 4; break; /* FileModeInformation */
	case 17: v32[0] = 0; memcpy(out, v32, 4); n = 4; break;         /* FileAlignmentInformation */
	case 18: n = put_all(out, room, f, sb, ni, need); return n;     /* FileAllInformation */
	case 22: n = put_streams(out, room, f, sb, need); return n;     /* FileStreamInformation */
	case 34: memcpy(out, ni, sizeof(*ni)); n = sizeof(*ni); break;  /* FileNetworkOpenInformation */
	case 41: memcpy(out, &f->completion_flags, 4); n = 4; break; /* FileIoCompletionNotification... */
	case 35: v32[0] = ni->attributes; v32[1] = 0;                   /* FileAttributeTagInformation */
		memcpy(out, v32, 8); n = 8; break;
	default: return 0;
	}
	*need = n;
	return n;
}

/* FileMaximumInformation - 1 of Windows 11: every class up to it exists */
#define FILE_INFO_CLASS_LAST 79u

/* The fixed size a class needs at least (a shorter buffer is
 * STATUS_INFO_LENGTH_MISMATCH); 0 for classes not known. */
static size_t class_min(uint32_t cls)
{
	switch (cls) {
	case 4: return 40;
	case 5: return 24;
	case 6: case 14: case 35: return 8;
	case 7: case 8: case 16: case 17: case 41: return 4;
	case 9: return 8; /* sizeof(FILE_NAME_INFORMATION) */
	case 18: return 104; /* sizeof(FILE_ALL_INFORMATION) */
	case 22: return 32; /* sizeof(FILE_STREAM_INFORMATION) */
	case 34: return 56;
	}
	return 0;
}

/* NtQueryInformationFile(FileHandle, IoStatusBlock, FileInformation, Length,
 *                        FileInformationClass) */
NTSTATUS nt_NtQueryInformationFile(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[4], len = (uint32_t)c->args[3];
	uint8_t out[96 + 4 + 2048];
	struct file_object *f;
	struct stat sb;
	struct net_open_info ni;
	size_t n, need = 0;
	bool have = false;
	NTSTATUS st;

	/* a class no Windows has is refused before the handle is looked at */
	if (!cls || cls > FILE_INFO_CLASS_LAST)
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (f->kind == FILE_KIND_PIPE && (st = np_query_info(c, f, cls, &have), have))
		return st;
	if (f->kind == FILE_KIND_MAILSLOT && (st = mailslot_query_info(c, f, cls, &have), have))
		return st;
	if (cls == 9 && f->kind == FILE_KIND_KSEC && f->device_type == FILE_DEVICE_MAILSLOT)
		/* \Device\Mailslot itself has no name to give (ntdll's file tests) */
		return len < class_min(cls) ? LSW_STATUS_INFO_LENGTH_MISMATCH
					    : LSW_STATUS_INVALID_PARAMETER;
	if (f->pipe && (st = pipe_query_info(c, f, cls, &have), have))
		return st;
	if (cls == 23) /* FilePipeInformation of host pipes and anonymous pipe ends */
		return file_pipe_mode_query(c, f);
	if (!class_min(cls))
		return LSW_STATUS_INVALID_INFO_CLASS;
	if (len < class_min(cls))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	have = f->fd >= 0 && fstat(f->fd, &sb) == 0;
	if (have) {
		describe_stat(&sb, &ni);
		dos_attrs_apply(&ni, f->fd, NULL);
	}
	else
		memset(&ni, 0, sizeof(ni));
	if (!have && f->kind == FILE_KIND_DIR) /* above the roots (file.c open_above) */
		ni.attributes = FILE_ATTRIBUTE_DIRECTORY;
	memset(out, 0, sizeof(out));
	n = query_class(cls, out, len < sizeof(out) ? len : sizeof(out), f, have ? &sb : NULL,
			&ni, &need);
	if (tracee_write(c->thread, c->args[2], out, n) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	st = need > n ? LSW_STATUS_BUFFER_OVERFLOW : LSW_STATUS_SUCCESS;
	if (tracee_write_iosb(c->thread, c->args[1], st, n) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_VIOLATION;
	return st;
}

/* ReplaceIfExists only replaces a file by a file, and not one that is
 * read-only or open (MoveFileEx: MOVEFILE_REPLACE_EXISTING "cannot be
 * used if lpNewFileName or lpExistingFileName names a directory"). */
static NTSTATUS replaceable(const struct file_object *f, const char *target)
{
	struct stat st;

	if (lstat(target, &st) < 0 || (st.st_dev == f->dev && st.st_ino == f->ino))
		return LSW_STATUS_SUCCESS; /* gone, or the file itself (a new case) */
	/* a directory may replace a file, nothing may replace a directory
	 * (kernel32's file tests, test_move_file) */
	if (S_ISDIR(st.st_mode) || !(st.st_mode & 0222) ||
	    (f->kind == FILE_KIND_DIR && !S_ISREG(st.st_mode)))
		return LSW_STATUS_ACCESS_DENIED;
	if (share_check(f->host, st.st_dev, st.st_ino, DELETE_ACCESS, 0) != LSW_STATUS_SUCCESS)
		return LSW_STATUS_ACCESS_DENIED; /* another handle has it open */
	return LSW_STATUS_SUCCESS;
}

/* Is a file beneath directory f open?  Then f may not be renamed (the
 * FAT and NTFS drivers answer STATUS_ACCESS_DENIED): the open files'
 * names would change under them. */
static bool open_beneath(const struct file_object *f)
{
	size_t n = strlen(f->name_utf8);

	for (const struct file_object *g = file_first_live(f->host); g; g = g->live_next)
		if ((g->kind == FILE_KIND_DISK || g->kind == FILE_KIND_DIR) && g->name_utf8 &&
		    !strncmp(g->name_utf8, f->name_utf8, n) && g->name_utf8[n] == '/')
			return true;
	return false;
}

/* A rename changes the name of the file, so of every handle open on it
 * under that name (a hard link's other names stay): host and NT name. */
static void follow_rename(const struct file_object *f, const char *old, const char *host,
			  const char *nt)
{
	for (struct file_object *g = file_first_live(f->host); g; g = g->live_next) {
		char *host_copy, *nt_copy;

		if ((g->kind != FILE_KIND_DISK && g->kind != FILE_KIND_DIR) || g->dev != f->dev ||
		    g->ino != f->ino || !g->name_utf8 || strcmp(g->name_utf8, old))
			continue;
		host_copy = strdup(host);
		nt_copy = strdup(nt);
		if (!host_copy || !nt_copy) {
			free(host_copy);
			free(nt_copy);
			continue;
		}
		free(g->name_utf8);
		free(g->nt_name);
		g->name_utf8 = host_copy;
		g->nt_name = nt_copy;
	}
}

/* FileRenameInformation and FileLinkInformation (x64): ReplaceIfExists@0
 * (BOOLEAN, padded), RootDirectory@8, FileNameLength@16, FileName@20.
 * Resolves the new name into pr (its NT form, UTF-8, into nt_new if not
 * NULL). */
static NTSTATUS read_new_name(struct nt_call *c, bool *replace, struct path_result *pr,
			      char *nt_new, size_t nt_size)
{
	struct { uint8_t replace, pad[7]; uint64_t root; uint32_t len; } hdr;
	uint16_t *name;
	size_t n;
	NTSTATUS st;

	if ((uint32_t)c->args[3] < 24)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], &hdr, 20) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	n = hdr.len / 2;
	if ((hdr.len & 1) || hdr.len > 0xFFFE || hdr.len + 20 > (uint32_t)c->args[3])
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(name = malloc(hdr.len + 2u)))
		return LSW_STATUS_NO_MEMORY;
	if (tracee_read(c->thread, c->args[2] + 20, name, hdr.len) < 0) {
		free(name);
		return LSW_STATUS_ACCESS_VIOLATION;
	}
	/* RootDirectory: the new name is relative to that directory */
	if ((hdr.root && (st = file_relative_name(c, hdr.root, &name, &n)) != LSW_STATUS_SUCCESS) ||
	    (st = ns_file_name(c, &name, &n)) != LSW_STATUS_SUCCESS) {
		free(name);
		return st;
	}
	st = path_resolve(thread_view(c->thread), name, n, pr);
	if (nt_new)
		utf16_to_utf8(name, n, nt_new, nt_size);
	free(name);
	if (st != LSW_STATUS_SUCCESS)
		return st;
	*replace = hdr.replace != 0;
	return pr->target != PATH_HOST || pr->read_only ? LSW_STATUS_ACCESS_DENIED
							: LSW_STATUS_SUCCESS;
}

/* Is host path `p` a name of f's file? */
static bool names_this_file(const struct file_object *f, const char *p)
{
	struct stat st;

	return lstat(p, &st) == 0 && st.st_dev == f->dev && st.st_ino == f->ino;
}

/* Renaming a file to a name that differs from its own only in case gives
 * it that case: the last component as the caller spelled it (nt_new),
 * also put into host_path.  Otherwise the name found (base). */
static const char *recased(const char *base, const char *nt_new, char *host_path)
{
	const char *want = strrchr(nt_new, '\\');
	char *slash = strrchr(host_path, '/');

	want = want ? want + 1 : nt_new;
	if (strcasecmp(want, base) || !slash ||
	    (size_t)(slash + 1 - host_path) + strlen(want) >= sizeof(((struct path_result *)0)->host_path))
		return base;
	strcpy(slash + 1, want);
	return strrchr(host_path, '/') + 1;
}

/* A rename's or a link's new NT name as UTF-8 (<= 32767 units); one
 * call at a time in the single-threaded supervisor. */
static char new_nt_name[4 * 32768];

/* A replaced name keeps the caller's spelling, as on NTFS: the name
 * found (base, in dirfd) is respelled to the last component of nt_new
 * when only its case differs, and host_path follows.  Never over another
 * host name spelled so (a case-sensitive host may hold both). */
static void respell(int dirfd, const char *base, const char *nt_new, char *host_path)
{
	char found[256];
	const char *want;

	if (snprintf(found, sizeof(found), "%s", base) >= (int)sizeof(found))
		return;
	want = recased(found, nt_new, host_path);
	if (want == found || !strcmp(want, found))
		return;
	if (renameat2(dirfd, found, dirfd, want, RENAME_NOREPLACE) < 0)
		strcpy(strrchr(host_path, '/') + 1, found); /* the name stays as found */
}

/* A directory replacing a file: the two swapped (one atomic step), then
 * the file, now under the directory's old name, removed; swapped back if
 * it cannot be, so that nothing is lost either way. */
static int replace_file_by_dir(int from, const char *from_base, int to, const char *to_base)
{
	int e;

	if (renameat2(from, from_base, to, to_base, RENAME_EXCHANGE) < 0)
		return -1;
	if (unlinkat(from, from_base, 0) == 0)
		return 0;
	e = errno;
	renameat2(from, from_base, to, to_base, RENAME_EXCHANGE);
	errno = e;
	return -1;
}

static NTSTATUS set_rename(struct nt_call *c, struct file_object *f)
{
	struct path_result pr;
	const char *from_base, *to_base;
	int from, to, moved;
	char *old;
	bool replace, same;
	NTSTATUS st;

	if (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR)
		return LSW_STATUS_INVALID_PARAMETER;
	if (f->read_only || !(f->access & DELETE_ACCESS) || path_protected(f->view, f->name_utf8))
		return LSW_STATUS_ACCESS_DENIED; /* renaming removes the old name */
	if ((st = read_new_name(c, &replace, &pr, new_nt_name, sizeof(new_nt_name))) != LSW_STATUS_SUCCESS)
		return st;
	same = pr.exists && names_this_file(f, pr.host_path);
	if (pr.exists && replace && (st = replaceable(f, pr.host_path)) != LSW_STATUS_SUCCESS)
		return st;
	if (f->kind == FILE_KIND_DIR && open_beneath(f))
		return LSW_STATUS_ACCESS_DENIED;
	if ((from = file_parent_at(f, &from_base)) < 0)
		return errno_to_status(errno);
	if ((to = path_open_parent(thread_view(c->thread), pr.host_path, true, &to_base)) < 0) {
		close(from);
		return errno_to_status(errno);
	}
	if (same) /* a new name of the file itself: only its case may change */
		to_base = recased(to_base, new_nt_name, pr.host_path);
	if (f->kind == FILE_KIND_DIR && pr.exists && replace && !same)
		moved = replace_file_by_dir(from, from_base, to, to_base);
	else
		moved = renameat2(from, from_base, to, to_base,
				  replace || same ? 0 : RENAME_NOREPLACE);
	if (moved == 0 && pr.exists && !same)
		respell(to, to_base, new_nt_name, pr.host_path);
	close(from);
	close(to);
	if (moved < 0)
		return errno_to_status(errno);
	if ((old = strdup(f->name_utf8))) {
		follow_rename(f, old, pr.host_path, new_nt_name);
		free(old);
	}
	return LSW_STATUS_SUCCESS;
}

/* FileLinkInformation: a new name for the file (a hard link).  Directories
 * have none (STATUS_FILE_IS_A_DIRECTORY); a file seen read-only gets no
 * writable second name.  A replaced target goes the rename's way: the link
 * is made under a temporary name and renamed over it. */
static NTSTATUS set_link(struct nt_call *c, struct file_object *f)
{
	char tmp[64];
	struct path_result pr;
	const char *from_base, *to_base;
	int from, to, r;
	bool replace;
	NTSTATUS st;

	if (f->kind == FILE_KIND_DIR)
		return LSW_STATUS_FILE_IS_A_DIRECTORY;
	if (f->kind != FILE_KIND_DISK)
		return LSW_STATUS_INVALID_PARAMETER;
	if (f->read_only)
		return LSW_STATUS_ACCESS_DENIED;
	if ((st = read_new_name(c, &replace, &pr, new_nt_name, sizeof(new_nt_name))) != LSW_STATUS_SUCCESS)
		return st;
	if (pr.exists && !replace)
		return LSW_STATUS_OBJECT_NAME_COLLISION;
	if (pr.exists && (st = replaceable(f, pr.host_path)) != LSW_STATUS_SUCCESS)
		return st;
	if ((from = file_parent_at(f, &from_base)) < 0)
		return errno_to_status(errno);
	if ((to = path_open_parent(thread_view(c->thread), pr.host_path, true, &to_base)) < 0) {
		close(from);
		return errno_to_status(errno);
	}
	/* the file's own name, replaced: only its spelling changes (a rename
	 * onto a link of the same file would do nothing on the host) */
	if (names_this_file(f, pr.host_path)) {
		respell(to, to_base, new_nt_name, pr.host_path);
		close(from);
		close(to);
		return LSW_STATUS_SUCCESS;
	}
	snprintf(tmp, sizeof(tmp), ".lsw-link-%lx-%lx", (unsigned long)f->ino,
		 (unsigned long)getpid());
	r = linkat(from, from_base, to, pr.exists ? tmp : to_base, 0);
	st = r < 0 ? errno_to_status(errno) : LSW_STATUS_SUCCESS;
	if (r == 0 && pr.exists && renameat(to, tmp, to, to_base) < 0) {
		st = errno_to_status(errno);
		unlinkat(to, tmp, 0); /* our link under the temporary name */
	} else if (r == 0 && pr.exists) {
		respell(to, to_base, new_nt_name, pr.host_path);
	}
	close(from);
	close(to);
	return st;
}

/* FILE_ATTRIBUTE_READONLY on a file (not a directory): no write bits. */
static bool read_only_attribute(const struct file_object *f)
{
	struct stat sb;

	return f->kind == FILE_KIND_DISK && fstat(f->fd, &sb) == 0 && !(sb.st_mode & 0222);
}

/* True when the directory open as fd has no entries besides . and .. */
static bool directory_empty(int fd)
{
	int dup_fd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	struct dirent *e;
	bool empty = true;

	if (!d) {
		if (dup_fd >= 0)
			close(dup_fd);
		return false;
	}
	while (empty && (e = readdir(d)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(d);
	return empty;
}

#define FILE_DISPOSITION_DELETE 0x1u
#define FILE_DISPOSITION_POSIX_SEMANTICS 0x2u
#define FILE_DISPOSITION_ON_CLOSE 0x8u
#define FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE 0x10u
#define FILE_DISPOSITION_KNOWN 0x1fu

/* May f's file be marked for deletion?  A READONLY file (unless the
 * caller says to ignore it) or a mapped one cannot be deleted
 * (STATUS_CANNOT_DELETE); a directory must be empty now, as NTFS
 * checks. */
static NTSTATUS deletable(const struct file_object *f, uint32_t flags)
{
	if (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR)
		return LSW_STATUS_INVALID_PARAMETER;
	if (f->read_only || !(f->access & DELETE_ACCESS))
		return LSW_STATUS_ACCESS_DENIED;
	if (path_protected(f->view, f->name_utf8))
		return LSW_STATUS_ACCESS_DENIED; /* a sandbox root */
	if ((read_only_attribute(f) && !(flags & FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE)) ||
	    (f->kind == FILE_KIND_DISK && section_maps_file(f->fd)))
		return LSW_STATUS_CANNOT_DELETE;
	if (f->kind == FILE_KIND_DIR && !directory_empty(f->fd))
		return LSW_STATUS_DIRECTORY_NOT_EMPTY;
	return LSW_STATUS_SUCCESS;
}

/* POSIX semantics: the name goes now, the open handles keep the file. */
static NTSTATUS unlink_now(struct file_object *f)
{
	const char *base;
	int dirfd = file_parent_at(f, &base), gone;

	if (dirfd < 0)
		return errno_to_status(errno);
	gone = unlinkat(dirfd, base, f->kind == FILE_KIND_DIR ? AT_REMOVEDIR : 0);
	close(dirfd);
	return gone < 0 ? errno_to_status(errno) : LSW_STATUS_SUCCESS;
}

/* FileDispositionInformation (BOOLEAN DeleteFile) and
 * FileDispositionInformationEx (ULONG Flags): the file's delete
 * disposition (file_delete.c), or with ON_CLOSE the handle's
 * delete-on-close. */
static NTSTATUS set_disposition(struct nt_call *c, struct file_object *f, bool ex)
{
	uint32_t flags = 0;
	NTSTATUS st;

	if ((uint32_t)c->args[3] < (ex ? 4u : 1u))
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], &flags, ex ? 4 : 1) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (!ex)
		flags = flags ? FILE_DISPOSITION_DELETE : 0;
	if (flags & ~FILE_DISPOSITION_KNOWN)
		return LSW_STATUS_INVALID_PARAMETER;
	if (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(flags & FILE_DISPOSITION_DELETE)) {
		if (f->read_only || !(f->access & DELETE_ACCESS))
			return LSW_STATUS_ACCESS_DENIED;
		if (flags & FILE_DISPOSITION_ON_CLOSE)
			f->delete_on_close = false;
		else
			file_set_disposition(f, false);
		return LSW_STATUS_SUCCESS;
	}
	if ((st = deletable(f, flags)) != LSW_STATUS_SUCCESS)
		return st;
	if (flags & FILE_DISPOSITION_ON_CLOSE)
		f->delete_on_close = true;
	else if (flags & FILE_DISPOSITION_POSIX_SEMANTICS)
		return unlink_now(f);
	else
		file_set_disposition(f, true);
	return LSW_STATUS_SUCCESS;
}

/* Position, end of file, allocation: one LARGE_INTEGER each.  A smaller
 * allocation than the data truncates, as on NTFS; a larger one is a hint. */
static NTSTATUS set_size(struct nt_call *c, struct file_object *f, uint32_t cls)
{
	struct stat sb;
	int64_t v;

	if ((uint32_t)c->args[3] < 8)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], &v, 8) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (v < 0)
		return LSW_STATUS_INVALID_PARAMETER;
	if (cls == 14) {
		f->pos = (uint64_t)v;
		return LSW_STATUS_SUCCESS;
	}
	if (f->kind != FILE_KIND_DISK)
		return LSW_STATUS_INVALID_PARAMETER;
	if (!(f->access & (FILE_WRITE_DATA | FILE_APPEND_DATA)))
		return LSW_STATUS_ACCESS_DENIED;
	if (cls == 19 && (fstat(f->fd, &sb) < 0 || v >= sb.st_size))
		return LSW_STATUS_SUCCESS;
	/* a mapped file cannot shrink (SetEndOfFile's documented rule) */
	if (fstat(f->fd, &sb) == 0 && v < sb.st_size && section_maps_file(f->fd))
		return LSW_STATUS_USER_MAPPED_FILE;
	return ftruncate(f->fd, v) < 0 ? errno_to_status(errno) : LSW_STATUS_SUCCESS;
}

/* A FILETIME to set: 0 and -1 mean "leave it" (-1 also stops automatic
 * updates on Windows; the host cannot, so it is just left). */
static struct timespec to_timespec(int64_t ft)
{
	struct timespec ts = { 0, UTIME_OMIT };

	if (ft > 0 && (uint64_t)ft >= EPOCH_1601_TO_1970) {
		uint64_t t = (uint64_t)ft - EPOCH_1601_TO_1970;

		ts.tv_sec = (time_t)(t / 10000000ull);
		ts.tv_nsec = (long)(t % 10000000ull) * 100;
	}
	return ts;
}

/* FileBasicInformation: the times (creation and change time cannot be set
 * on the host and are ignored) and FILE_ATTRIBUTE_READONLY, which maps to
 * the write permission bits. */
static NTSTATUS set_basic(struct nt_call *c, struct file_object *f)
{
	struct { int64_t creation, access, write, change; uint32_t attributes; } b;
	struct timespec ts[2];
	struct stat sb;

	if ((uint32_t)c->args[3] < 40)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (!(f->access & FILE_WRITE_ATTRIBUTES))
		return LSW_STATUS_ACCESS_DENIED;
	if (tracee_read(c->thread, c->args[2], &b, 36) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (f->kind != FILE_KIND_DISK && f->kind != FILE_KIND_DIR)
		return LSW_STATUS_INVALID_PARAMETER;
	if (f->read_only)
		return LSW_STATUS_ACCESS_DENIED;
	ts[0] = to_timespec(b.access);
	ts[1] = to_timespec(b.write);
	if ((ts[0].tv_nsec != UTIME_OMIT || ts[1].tv_nsec != UTIME_OMIT) && futimens(f->fd, ts) < 0)
		return errno_to_status(errno);
	if (b.attributes && fstat(f->fd, &sb) == 0) {
		mode_t mode = (b.attributes & FILE_ATTRIBUTE_READONLY) ? (sb.st_mode & ~0222u)
								    : (sb.st_mode | 0200u);

		if (mode != sb.st_mode && fchmod(f->fd, mode & 07777) < 0)
			return errno_to_status(errno);
		dos_attrs_store(f->fd, b.attributes); /* best effort: no xattrs, no extras */
	}
	return LSW_STATUS_SUCCESS;
}

/* FileIoPriorityHintInformation: an IO_PRIORITY_HINT (very low .. critical)
 * the host has no use for; checked and accepted. */
static NTSTATUS set_priority_hint(struct nt_call *c)
{
	uint32_t hint;

	if ((uint32_t)c->args[3] < 4)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (tracee_read(c->thread, c->args[2], &hint, 4) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	return hint >= 5 ? LSW_STATUS_INVALID_PARAMETER : LSW_STATUS_SUCCESS;
}

/* FileValidDataLengthInformation: a handle that may write, then
 * SeManageVolumePrivilege, which no token of ours holds (Windows gives it
 * to administrators): the valid data length is never moved by hand. */
static NTSTATUS set_valid_data(struct nt_call *c, struct file_object *f)
{
	if ((uint32_t)c->args[3] < 8)
		return LSW_STATUS_INFO_LENGTH_MISMATCH;
	if (!(f->access & FILE_WRITE_DATA))
		return LSW_STATUS_ACCESS_DENIED;
	return LSW_STATUS_PRIVILEGE_NOT_HELD;
}

/* NtSetInformationFile(FileHandle, IoStatusBlock, FileInformation, Length,
 *                      FileInformationClass): position, end of file,
 *                      disposition (delete on close), rename and link. */
NTSTATUS nt_NtSetInformationFile(struct nt_call *c)
{
	uint32_t cls = (uint32_t)c->args[4];
	struct file_object *f;
	NTSTATUS st;
	bool pipe_class;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (f->kind == FILE_KIND_PIPE && (st = np_set_info(c, f, cls, &pipe_class), pipe_class))
		return st != LSW_STATUS_SUCCESS ? st :
		       tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
	if (f->kind == FILE_KIND_MAILSLOT && (st = mailslot_set_info(c, f, cls, &pipe_class),
					      pipe_class))
		return st;
	switch (cls) {
	case 4: st = set_basic(c, f); break;        /* FileBasicInformation */
	case 10: st = set_rename(c, f); break;      /* FileRenameInformation */
	case 11: st = set_link(c, f); break;        /* FileLinkInformation */
	case 13: st = set_disposition(c, f, false); break; /* FileDispositionInformation */
	case 64: st = set_disposition(c, f, true); break;  /* ...InformationEx */
	case 14:                                    /* FilePositionInformation */
	case 19:                                    /* FileAllocationInformation */
	case 20: st = set_size(c, f, cls); break;   /* FileEndOfFileInformation */
	case 30:                                    /* FileCompletionInformation */
	case 41:                         /* FileIoCompletionNotificationInformation */
	case 61: st = file_set_completion_info(c, f, cls); break; /* ...Replace... */
	case 23: st = file_pipe_mode_set(c, f); break; /* FilePipeInformation */
	case 43: st = set_priority_hint(c); break;  /* FileIoPriorityHintInformation */
	case 39: st = set_valid_data(c, f); break;  /* FileValidDataLengthInformation */
	default: return LSW_STATUS_INVALID_INFO_CLASS;
	}
	if (st != LSW_STATUS_SUCCESS)
		return st;
	return tracee_write_iosb(c->thread, c->args[1], LSW_STATUS_SUCCESS, 0);
}

/* NtQueryEaFile(FileHandle, IoStatusBlock, Buffer, Length, ReturnSingleEntry,
 *               EaList, EaListLength, EaIndex, RestartScan): host files
 * carry no extended attributes of Windows'; the buffer is cleared (up to
 * 64 KiB) and STATUS_NO_EAS_ON_FILE answered, the IO_STATUS_BLOCK left. */
NTSTATUS nt_NtQueryEaFile(struct nt_call *c)
{
	static const uint8_t zeros[4096];
	uint64_t len = (uint32_t)c->args[3], done = 0;
	struct file_object *f;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (len > 65536)
		len = 65536;
	while (c->args[2] && done < len) {
		size_t n = len - done < sizeof(zeros) ? (size_t)(len - done) : sizeof(zeros);

		if (tracee_write(c->thread, c->args[2] + done, zeros, n) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		done += n;
	}
	return LSW_STATUS_NO_EAS_ON_FILE;
}
