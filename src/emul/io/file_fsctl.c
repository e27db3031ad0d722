/*
 * File system controls on disk files and directories: those programs ask
 * of NTFS that have an answer on lsw's volumes.  Anything else is
 * STATUS_INVALID_DEVICE_REQUEST, as a file system that lacks a control
 * answers.
 */
#include "emul/io/file.h"

#define FSCTL_GET_REPARSE_POINT 0x000900A8u
#define STATUS_NOT_A_REPARSE_POINT 0xC0000275u

/* FSCTL_GET_REPARSE_POINT: no output buffer is STATUS_INVALID_USER_BUFFER
 * (checked first, as NTFS does: ntdll's file tests); nothing on lsw's
 * volumes is a reparse point (host symbolic links are followed, never
 * shown). */
static NTSTATUS get_reparse_point(struct nt_call *c)
{
	if (!c->args[8] || !(uint32_t)c->args[9])
		return LSW_STATUS_INVALID_USER_BUFFER;
	return STATUS_NOT_A_REPARSE_POINT;
}

NTSTATUS disk_fsctl(struct nt_call *c, struct file_object *f, uint32_t code)
{
	(void)f;
	switch (code) {
	case FSCTL_GET_REPARSE_POINT:
		return get_reparse_point(c);
	}
	return LSW_STATUS_INVALID_DEVICE_REQUEST;
}
