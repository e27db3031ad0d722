/* NtCreateUserProcess's request, as copied from the caller
 * (create_process.c, params_read.c). */
#ifndef LSW_CREATE_PROCESS_H
#define LSW_CREATE_PROCESS_H

#include "emul/io/path.h"

/* A caller's RTL_USER_PROCESS_PARAMETERS, copied and checked; the strings
 * UTF-8, malloc'd. */
struct params_copy {
	char *command_line;
	char *current_dir;           /* DOS path; NULL: none given */
	char *image_dos;             /* ImagePathName; NULL: none given */
	char **env;                  /* NAME=value, NULL-terminated */
	uint64_t std_handles[3];
	uint32_t window_flags;
	uint16_t show_window;
	struct lsw_window_look look; /* its strings malloc'd */
	uint8_t *runtime_data;
	uint16_t runtime_len;
	uint32_t console_flags;      /* ConsoleFlags@0x18, bit 0: Ctrl-C ignored */
	bool new_group;              /* ProcessGroupId@0x408 given as 0 */
};

struct child_request {
	uint16_t *image;             /* PS_ATTRIBUTE_IMAGE_NAME, NT path */
	size_t nimage;               /* characters */
	struct path_result path;     /* where it resolved */
	uint64_t client_id_out;      /* PS_ATTRIBUTE_CLIENT_ID, 0: none */
	uint32_t std_handle_rule;    /* PS_STD_HANDLE_INFO's StdHandleState:
				      * 0 never duplicate, 1 when not inherited,
				      * 2 always */
	uint64_t *handle_list;       /* PS_ATTRIBUTE_HANDLE_LIST, NULL: every
				      * inheritable handle */
	size_t nhandle_list;
	uint32_t process_flags, thread_flags;
	uint64_t debug_handle;       /* PS_ATTRIBUTE_DEBUG_OBJECT, 0: none */
	uint64_t parent_handle;      /* PS_ATTRIBUTE_PARENT_PROCESS, */
	bool parent_given;           /* when given */
	uint64_t token_handle;       /* PS_ATTRIBUTE_TOKEN, 0: the parent's user */
	struct params_copy params;
};

/* Copies the parameters at addr (normalized or not) of t's process. */
NTSTATUS params_copy(struct lsw_thread *t, uint64_t addr, struct params_copy *out);
void params_copy_free(struct params_copy *p);
void child_request_free(struct child_request *r);

#endif
