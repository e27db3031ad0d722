/* RTL_USER_PROCESS_PARAMETERS and the environment block, built by the
 * supervisor as one normalized blob (pointers absolute). */
#ifndef LSW_PARAMS_H
#define LSW_PARAMS_H

#include <stddef.h>
#include <stdint.h>

/* The longest string a UNICODE_STRING can hold, in characters: also the
 * limit of a Windows command line. */
#define PARAMS_MAX_CHARS 32766

struct params_input {
	const char *image_path;     /* DOS path, UTF-8 */
	const char *command_line;   /* UTF-8 */
	const char *current_dir;    /* DOS path ending in '\' */
	const char *const *env;     /* NAME=value strings, NULL-terminated */
	uint64_t std_handles[3];
	uint32_t window_flags;      /* STARTF_*: WindowFlags@0xA4 */
	uint16_t show_window;       /* ShowWindowFlags@0xA8 */
	const uint32_t *place;      /* StartingX..FillAttribute@0x88, 7; NULL: 0 */
	const char *title;          /* WindowTitle@0xB0; NULL: image_path */
	const char *desktop;        /* DesktopInfo@0xC0; NULL: empty */
	const uint8_t *runtime_data; /* RuntimeData@0xE0 (the C runtime's */
	uint16_t runtime_len;       /* inherited fd table), bytes */
	uint32_t console_flags;     /* ConsoleFlags@0x18 */
	uint32_t process_group;     /* ProcessGroupId@0x408 */
	uint32_t creation_flags;    /* RTL_USER_PROC_* the creator found, ORed
				     * into Flags@8 beside NORMALIZED */
};

/* What the creator found at process creation (Flags@8): an application
 * manifest, and no Image File Execution Options key for the image (the
 * loader then does not open it). */
#define RTL_USER_PROC_APP_MANIFEST_PRESENT 0x2000u
#define RTL_USER_PROC_IMAGE_KEY_MISSING 0x4000u

/* Lays the block out for address base: returns a malloc'ed buffer and its
 * size in *size, or NULL. */
uint8_t *params_build(const struct params_input *in, uint64_t base, size_t *size);
/* Quotes argv as the Microsoft C runtime will split it again. */
char *params_quote_args(const char *argv0, char *const *argv, int argc);

#endif
