/*
 * Device controls our kernel32 sends a console handle (one whose device
 * type is FILE_DEVICE_CONSOLE, a terminal on the host), answered by the
 * supervisor from the terminal: Windows' console driver protocol is not
 * modelled, these few questions are all kernel32 asks.  Function numbers
 * 0x800 and up are the range CTL_CODE leaves to vendors.
 * CTL_CODE(FILE_DEVICE_CONSOLE, 0x800 + n, METHOD_BUFFERED, FILE_ANY_ACCESS).
 */
#ifndef LSW_CONSOLE_IOCTL_H
#define LSW_CONSOLE_IOCTL_H

/* Output: struct lsw_console_size, the terminal's columns and rows. */
#define IOCTL_LSW_CONSOLE_SIZE 0x502000u
/* Output: a 32-bit count of input bytes waiting to be read. */
#define IOCTL_LSW_CONSOLE_PENDING 0x502004u

/* Input: a 32-bit console input mode (ENABLE_* of SetConsoleMode).  The
 * terminal is set to match: canonical (line) input only with
 * ENABLE_LINE_INPUT, echo only with ENABLE_ECHO_INPUT, Ctrl-C as a signal
 * only with ENABLE_PROCESSED_INPUT.  lsw run puts the terminal back as
 * it found it when the run ends, however it ends. */
#define IOCTL_LSW_CONSOLE_INPUT_MODE 0x502008u

/* Output: a 32-bit 1 for a console input handle (CONIN$, the standard
 * input), 0 for an output one. */
#define IOCTL_LSW_CONSOLE_IS_INPUT 0x50200Cu

struct lsw_console_size {
	unsigned short columns, rows;
};

#endif
