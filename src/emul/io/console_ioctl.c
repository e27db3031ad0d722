/*
 * The questions kernel32 asks a console handle (include/lsw/console_ioctl.h),
 * answered from the host terminal behind it: its window size and how much
 * typed input waits.
 */
#include <sys/ioctl.h>
#include <termios.h>
#include "lsw/console_ioctl.h"
#include "emul/io/file.h"

static NTSTATUS put_out(struct nt_call *c, const void *v, uint32_t len, uint64_t *done)
{
	uint64_t out = c->args[8];
	uint32_t out_len = (uint32_t)c->args[9];

	if (!out || out_len < len)
		return LSW_STATUS_BUFFER_TOO_SMALL;
	if (tracee_write(c->thread, out, v, len) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	*done = len;
	return LSW_STATUS_SUCCESS;
}

#define ENABLE_PROCESSED_INPUT 0x1
#define ENABLE_LINE_INPUT 0x2
#define ENABLE_ECHO_INPUT 0x4

/* The terminal reads as the console input mode says: without line input
 * each key arrives as typed (raw), as a Windows program reading keys
 * expects; output processing is left alone. */
static NTSTATUS set_input_mode(struct nt_call *c, struct file_object *f)
{
	uint64_t in = c->args[6];
	uint32_t in_len = (uint32_t)c->args[7], mode;
	struct termios t;

	if (!in || in_len != sizeof(mode))
		return LSW_STATUS_INVALID_PARAMETER;
	if (tracee_read(c->thread, in, &mode, sizeof(mode)) < 0)
		return LSW_STATUS_ACCESS_VIOLATION;
	if (tcgetattr(f->fd, &t) < 0)
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
	t.c_iflag &= ~(tcflag_t)(ICRNL | IXON);
	if (mode & ENABLE_LINE_INPUT)
		t.c_lflag |= ICANON | IEXTEN, t.c_iflag |= ICRNL;
	if (mode & ENABLE_ECHO_INPUT)
		t.c_lflag |= ECHO;
	if (mode & ENABLE_PROCESSED_INPUT)
		t.c_lflag |= ISIG;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	return tcsetattr(f->fd, TCSANOW, &t) < 0 ? LSW_STATUS_INVALID_DEVICE_REQUEST
						 : LSW_STATUS_SUCCESS;
}

NTSTATUS console_control(struct nt_call *c, struct file_object *f, uint32_t code, uint64_t *done)
{
	struct lsw_console_size size;
	struct winsize ws;
	int pending = 0;

	switch (code) {
	case IOCTL_LSW_CONSOLE_SIZE:
		if (ioctl(f->fd, TIOCGWINSZ, &ws) < 0 || !ws.ws_col || !ws.ws_row)
			return LSW_STATUS_INVALID_DEVICE_REQUEST;
		size.columns = ws.ws_col;
		size.rows = ws.ws_row;
		return put_out(c, &size, sizeof(size), done);
	case IOCTL_LSW_CONSOLE_PENDING:
		if (ioctl(f->fd, FIONREAD, &pending) < 0 || pending < 0)
			pending = 0;
		return put_out(c, &pending, sizeof(pending), done);
	case IOCTL_LSW_CONSOLE_IS_INPUT:
		pending = f->console_input;
		return put_out(c, &pending, sizeof(pending), done);
	case IOCTL_LSW_CONSOLE_INPUT_MODE:
		return set_input_mode(c, f);
	default:
		return LSW_STATUS_INVALID_DEVICE_REQUEST;
	}
}
