/*
 * NtDeviceIoControlFile: device I/O controls, by the device a handle opens.
 *
 * The one device that answers is the kernel's random number source,
 * \Device\CNG (and its older name \Device\KsecDD): on Windows, user-mode
 * RNGs (bcryptprimitives' ProcessPrng, RtlGenRandom) seed themselves from
 * it with IOCTL_KSEC_RNG.  The program cannot ask Linux itself, so the
 * supervisor answers with getrandom() bytes.  The mount manager lists the
 * job's volumes (mount_manager.c).  A console (a terminal)
 * answers kernel32's questions about it (console_ioctl.c).  A socket
 * (\Device\Afd) answers ws2_32's requests (net/socket.c).  Files, streams and NUL know
 * no device controls: STATUS_INVALID_DEVICE_REQUEST, as a file system
 * answers an unknown code.
 */
#include <sys/random.h>
#include "emul/sync/event.h"
#include "emul/io/file.h"
#include "emul/net/socket.h"

/* ntddksec.h: CTL_CODE(FILE_DEVICE_KSEC, 1 and 2, METHOD_BUFFERED,
 * FILE_ANY_ACCESS).  Both hand back fresh random bytes in the output
 * buffer (a rekey is one more request for seed material). */
#define IOCTL_KSEC_RNG 0x390004u
#define IOCTL_KSEC_RNG_REKEY 0x390008u

/* One request fills at most this much: a seed is tens of bytes, and the
 * supervisor must not spend long on one caller. */
#define KSEC_RNG_MAX (1u << 20)

static NTSTATUS ksec_rng(struct nt_call *c, uint64_t out, uint32_t out_len, uint64_t *done)
{
	static unsigned char buf[65536];

	if (out_len > KSEC_RNG_MAX)
		return LSW_STATUS_INVALID_PARAMETER;
	while (*done < out_len) {
		size_t want = out_len - *done < sizeof(buf) ? out_len - *done : sizeof(buf);
		ssize_t n = getrandom(buf, want, 0);

		if (n <= 0)
			return LSW_STATUS_UNSUCCESSFUL;
		if (tracee_write(c->thread, out + *done, buf, (size_t)n) < 0)
			return LSW_STATUS_ACCESS_VIOLATION;
		*done += (uint64_t)n;
	}
	return LSW_STATUS_SUCCESS;
}

static NTSTATUS device_control(struct nt_call *c, struct file_object *f)
{
	uint32_t code = (uint32_t)c->args[5], out_len = (uint32_t)c->args[9];
	uint64_t done = 0;
	NTSTATUS st;

	if (f->device_type == FILE_DEVICE_CONSOLE) {
		st = console_control(c, f, code, &done);
		return st != LSW_STATUS_SUCCESS ? st : tracee_write_iosb(c->thread, c->args[4], st, done);
	}
	if (f->device_type == FILE_DEVICE_NETWORK) {
		st = socket_control(c, f, code, &done);
		/* a datagram cut short still tells what it filled */
		if (st == NT_DEFERRED || (st != LSW_STATUS_SUCCESS &&
					  st != (NTSTATUS)LSW_STATUS_BUFFER_OVERFLOW))
			return st;
		return tracee_write_iosb(c->thread, c->args[4], st, done) != LSW_STATUS_SUCCESS
			       ? (NTSTATUS)LSW_STATUS_ACCESS_VIOLATION : st;
	}
	if (f->device_type == FILE_DEVICE_MOUNTMGR) {
		st = mount_manager_control(c, f, code, &done);
		/* a list cut short still tells its size (STATUS_BUFFER_OVERFLOW) */
		if (st != LSW_STATUS_SUCCESS && st != (NTSTATUS)LSW_STATUS_BUFFER_OVERFLOW)
			return st;
		return tracee_write_iosb(c->thread, c->args[4], st, done) != LSW_STATUS_SUCCESS
			       ? (NTSTATUS)LSW_STATUS_ACCESS_VIOLATION : st;
	}
	if (f->kind != FILE_KIND_KSEC || f->device_type != FILE_DEVICE_KSEC ||
	    (code != IOCTL_KSEC_RNG && code != IOCTL_KSEC_RNG_REKEY))
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	if (out_len && !c->args[8])
		return LSW_STATUS_INVALID_PARAMETER;
	if ((st = ksec_rng(c, c->args[8], out_len, &done)) != LSW_STATUS_SUCCESS)
		return st;
	return tracee_write_iosb(c->thread, c->args[4], st, done);
}

/* NtDeviceIoControlFile(FileHandle, Event, ApcRoutine, ApcContext,
 *                       IoStatusBlock, IoControlCode, InputBuffer,
 *                       InputBufferLength, OutputBuffer, OutputBufferLength)
 * Completes at once; the Event, when given, is set on completion, so a
 * caller that waits on it (as for overlapped I/O) goes on. */
NTSTATUS nt_NtDeviceIoControlFile(struct nt_call *c)
{
	struct nt_object *event = NULL;
	struct file_object *f;
	NTSTATUS st;

	if (!(f = get_file(c, c->args[0], &st)))
		return st;
	if (c->args[1] && !(event = event_from_handle(c, c->args[1], &st)))
		return st;
	st = device_control(c, f);
	if (event) {
		if (st == LSW_STATUS_SUCCESS)
			event_signal(event);
		object_unref(event);
	}
	return st;
}
