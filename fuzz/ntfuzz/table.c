/*
 * The calls ntfuzz makes: every row of include/lsw/ntcalls.def, with the
 * argument list include/lsw/ntargs.def gives it, each argument type of
 * ntargs.def turned into a way of making one up (FT_<type> below; a type
 * added there without one here does not compile).  Flag and enum values
 * are lsw trace's own tables, src/trace/xlat/.
 */
#include "ntfuzz.h"
#include <lsw/socket_ioctl.h> /* the socket codes ioctl_code.def names */

#define XLAT(name, value) (uint32_t)(value),
#define NV(a) (unsigned)(sizeof(a) / sizeof((a)[0]))

/* One array per table; #include cannot sit inside a macro, hence the list. */
static const uint32_t v_access_generic[] = {
#include "trace/xlat/access_generic.def"
};
static const uint32_t v_access_file[] = {
#include "trace/xlat/access_file.def"
};
static const uint32_t v_access_key[] = {
#include "trace/xlat/access_key.def"
};
static const uint32_t v_access_section[] = {
#include "trace/xlat/access_section.def"
};
static const uint32_t v_access_process[] = {
#include "trace/xlat/access_process.def"
};
static const uint32_t v_access_thread[] = {
#include "trace/xlat/access_thread.def"
};
static const uint32_t v_access_event[] = {
#include "trace/xlat/access_event.def"
};
static const uint32_t v_access_mutant[] = {
#include "trace/xlat/access_mutant.def"
};
static const uint32_t v_access_semaphore[] = {
#include "trace/xlat/access_semaphore.def"
};
static const uint32_t v_access_timer[] = {
#include "trace/xlat/access_timer.def"
};
static const uint32_t v_access_keyed_event[] = {
#include "trace/xlat/access_keyed_event.def"
};
static const uint32_t v_access_directory[] = {
#include "trace/xlat/access_directory.def"
};
static const uint32_t v_access_symlink[] = {
#include "trace/xlat/access_symlink.def"
};
static const uint32_t v_access_token[] = {
#include "trace/xlat/access_token.def"
};
static const uint32_t v_access_io_completion[] = {
#include "trace/xlat/access_io_completion.def"
};
static const uint32_t v_file_attributes[] = {
#include "trace/xlat/file_attributes.def"
};
static const uint32_t v_file_share[] = {
#include "trace/xlat/file_share.def"
};
static const uint32_t v_file_disposition[] = {
#include "trace/xlat/file_disposition.def"
};
static const uint32_t v_file_options[] = {
#include "trace/xlat/file_options.def"
};
static const uint32_t v_mem_alloc_type[] = {
#include "trace/xlat/mem_alloc_type.def"
};
static const uint32_t v_mem_free_type[] = {
#include "trace/xlat/mem_free_type.def"
};
static const uint32_t v_page_protection[] = {
#include "trace/xlat/page_protection.def"
};
static const uint32_t v_sec_attributes[] = {
#include "trace/xlat/sec_attributes.def"
};
static const uint32_t v_obj_attributes[] = {
#include "trace/xlat/obj_attributes.def"
};
static const uint32_t v_duplicate_options[] = {
#include "trace/xlat/duplicate_options.def"
};
static const uint32_t v_thread_create_flags[] = {
#include "trace/xlat/thread_create_flags.def"
};
static const uint32_t v_reg_type[] = {
#include "trace/xlat/reg_type.def"
};
static const uint32_t v_reg_options[] = {
#include "trace/xlat/reg_options.def"
};
static const uint32_t v_event_type[] = {
#include "trace/xlat/event_type.def"
};
static const uint32_t v_timer_type[] = {
#include "trace/xlat/timer_type.def"
};
static const uint32_t v_wait_type[] = {
#include "trace/xlat/wait_type.def"
};
static const uint32_t v_section_inherit[] = {
#include "trace/xlat/section_inherit.def"
};
static const uint32_t v_file_information_class[] = {
#include "trace/xlat/file_information_class.def"
};
static const uint32_t v_fs_information_class[] = {
#include "trace/xlat/fs_information_class.def"
};
static const uint32_t v_system_information_class[] = {
#include "trace/xlat/system_information_class.def"
};
static const uint32_t v_processinfoclass[] = {
#include "trace/xlat/processinfoclass.def"
};
static const uint32_t v_threadinfoclass[] = {
#include "trace/xlat/threadinfoclass.def"
};
static const uint32_t v_memory_information_class[] = {
#include "trace/xlat/memory_information_class.def"
};
static const uint32_t v_key_information_class[] = {
#include "trace/xlat/key_information_class.def"
};
static const uint32_t v_key_value_information_class[] = {
#include "trace/xlat/key_value_information_class.def"
};
static const uint32_t v_object_information_class[] = {
#include "trace/xlat/object_information_class.def"
};
static const uint32_t v_section_information_class[] = {
#include "trace/xlat/section_information_class.def"
};
static const uint32_t v_token_information_class[] = {
#include "trace/xlat/token_information_class.def"
};
static const uint32_t v_ioctl_code[] = {
#include "trace/xlat/ioctl_code.def"
};
static const uint32_t v_event_information_class[] = {
#include "trace/xlat/event_information_class.def"
};
static const uint32_t v_mutant_information_class[] = {
#include "trace/xlat/mutant_information_class.def"
};
static const uint32_t v_semaphore_information_class[] = {
#include "trace/xlat/semaphore_information_class.def"
};
static const uint32_t v_timer_information_class[] = {
#include "trace/xlat/timer_information_class.def"
};
#undef XLAT

#define VS(name) (&(const struct valset){ v_##name, NV(v_##name) })

const struct valset *const obj_attribute_values = VS(obj_attributes);

/* ntargs.def's types. */
#define SCALAR(k) .kind = (k), .size = 8
#define FT_ULONG                      SCALAR(K_INT)
#define FT_ULONG_HEX                  SCALAR(K_INT)
#define FT_LONG                       SCALAR(K_INT)
#define FT_USHORT                     SCALAR(K_INT)
#define FT_SIZE_T                     SCALAR(K_INT)
#define FT_ULONG_PTR                  SCALAR(K_INT)
#define FT_PVOID                      SCALAR(K_PVOID)
#define FT_BOOLEAN                    SCALAR(K_BOOL)
#define FT_NTSTATUS                   SCALAR(K_STATUS)
#define FT_HANDLE                     SCALAR(K_HANDLE)
#define FLAGS(set)                    .kind = K_FLAGS, .vals = VS(set)
#define ENUM(set)                     .kind = K_ENUM, .vals = VS(set)
#define FT_ACCESS_MASK                FLAGS(access_generic)
#define FT_FILE_ACCESS                FLAGS(access_file)
#define FT_KEY_ACCESS                 FLAGS(access_key)
#define FT_SECTION_ACCESS             FLAGS(access_section)
#define FT_PROCESS_ACCESS             FLAGS(access_process)
#define FT_THREAD_ACCESS              FLAGS(access_thread)
#define FT_EVENT_ACCESS               FLAGS(access_event)
#define FT_MUTANT_ACCESS              FLAGS(access_mutant)
#define FT_SEMAPHORE_ACCESS           FLAGS(access_semaphore)
#define FT_TIMER_ACCESS               FLAGS(access_timer)
#define FT_KEYEDEVENT_ACCESS          FLAGS(access_keyed_event)
#define FT_DIRECTORY_ACCESS           FLAGS(access_directory)
#define FT_SYMLINK_ACCESS             FLAGS(access_symlink)
#define FT_TOKEN_ACCESS               FLAGS(access_token)
#define FT_IO_COMPLETION_ACCESS       FLAGS(access_io_completion)
#define FT_FILE_ATTRIBUTES            FLAGS(file_attributes)
#define FT_FILE_SHARE                 FLAGS(file_share)
#define FT_FILE_DISPOSITION           ENUM(file_disposition)
#define FT_FILE_OPTIONS               FLAGS(file_options)
#define FT_MEM_ALLOC_TYPE             FLAGS(mem_alloc_type)
#define FT_MEM_FREE_TYPE              FLAGS(mem_free_type)
#define FT_PAGE_PROTECTION            FLAGS(page_protection)
#define FT_SEC_ATTRIBUTES             FLAGS(sec_attributes)
#define FT_OBJ_ATTRIBUTES             FLAGS(obj_attributes)
#define FT_DUPLICATE_OPTIONS          FLAGS(duplicate_options)
#define FT_THREAD_CREATE_FLAGS        FLAGS(thread_create_flags)
#define FT_REG_TYPE                   ENUM(reg_type)
#define FT_REG_OPTIONS                FLAGS(reg_options)
#define FT_EVENT_TYPE                 ENUM(event_type)
#define FT_TIMER_TYPE                 ENUM(timer_type)
#define FT_WAIT_TYPE                  ENUM(wait_type)
#define FT_SECTION_INHERIT            ENUM(section_inherit)
#define FT_FILE_INFORMATION_CLASS     ENUM(file_information_class)
#define FT_FS_INFORMATION_CLASS       ENUM(fs_information_class)
#define FT_SYSTEM_INFORMATION_CLASS   ENUM(system_information_class)
#define FT_PROCESSINFOCLASS           ENUM(processinfoclass)
#define FT_THREADINFOCLASS            ENUM(threadinfoclass)
#define FT_MEMORY_INFORMATION_CLASS   ENUM(memory_information_class)
#define FT_KEY_INFORMATION_CLASS      ENUM(key_information_class)
#define FT_KEY_VALUE_INFORMATION_CLASS ENUM(key_value_information_class)
#define FT_OBJECT_INFORMATION_CLASS   ENUM(object_information_class)
#define FT_SECTION_INFORMATION_CLASS  ENUM(section_information_class)
#define FT_TOKEN_INFORMATION_CLASS    ENUM(token_information_class)
#define FT_IOCTL_CODE                 ENUM(ioctl_code)
#define FT_EVENT_INFORMATION_CLASS    ENUM(event_information_class)
#define FT_MUTANT_INFORMATION_CLASS   ENUM(mutant_information_class)
#define FT_SEMAPHORE_INFORMATION_CLASS ENUM(semaphore_information_class)
#define FT_TIMER_INFORMATION_CLASS    ENUM(timer_information_class)
#define PSCALAR(n)                    .kind = K_PSCALAR, .size = (n)
#define FT_PULONG                     PSCALAR(4)
#define FT_PLONG                      PSCALAR(4)
#define FT_PUSHORT                    PSCALAR(2)
#define FT_PBOOLEAN                   PSCALAR(1)
#define FT_PLANGID                    PSCALAR(2)
#define FT_PLCID                      PSCALAR(4)
#define FT_PSIZE_T                    PSCALAR(8)
#define FT_PPVOID                     PSCALAR(8)
#define FT_PPAGE_PROTECTION           PSCALAR(4)
#define FT_PREG_TYPE                  PSCALAR(4)
#define FT_PREG_DISPOSITION           PSCALAR(4)
#define FT_PLARGE_INTEGER             .kind = K_PLARGE, .size = 8
#define FT_PHANDLE                    .kind = K_PHANDLE, .size = 8
#define FT_HANDLE_OF(p)               FT_HANDLE
#define FT_PHANDLE_OF(p)              FT_PHANDLE
#define FT_HANDLE_ARRAY(n)            .kind = K_HANDLE_ARRAY, .count_arg = (n) + 1
#define FT_POBJECT_ATTRIBUTES         .kind = K_OBJATTR
#define FT_PUNICODE_STRING            .kind = K_USTRING
#define FT_PCLIENT_ID                 .kind = K_CLIENT_ID
#define FT_PIO_STATUS_BLOCK           .kind = K_IOSB
#define FT_PIO_STATUS_BLOCK_CREATE    .kind = K_IOSB
#define FT_BUFFER_IN(n)               .kind = K_BUF_IN, .count_arg = (n) + 1
#define FT_WCHARS_IN(n)               .kind = K_BUF_IN, .count_arg = (n) + 1 /* bytes of UTF-16 */
#define FT_BUFFER_OUT(n, r)           .kind = K_BUF_OUT, .count_arg = (n) + 1, .ret_arg = (r) + 1
#define FT_BUFFER_OUT_IOSB(n, s)      .kind = K_BUF_OUT, .count_arg = (n) + 1
#define FT_PEXCEPTION_RECORD          .kind = K_EXCEPTION
#define FT_PCONTEXT                   .kind = K_CONTEXT
#define FT_PFILE_BASIC_INFORMATION    .kind = K_OUTSTRUCT, .size = 40
#define FT_PFILE_NETWORK_OPEN_INFORMATION .kind = K_OUTSTRUCT, .size = 56

enum rows {
#define NTCALL(number, name, nargs, cls, support) ROW_##name,
#include <lsw/ntcalls.def>
#undef NTCALL
	ROW_COUNT
};

#define ARG(d, t, nm) { .dir = D_##d, FT_##t, .name = #nm },
#define NTARGS(call, args) static const struct arg_desc args_##call[] = { args { .name = 0 } };
#include <lsw/ntargs.def>
#undef NTARGS

#define NTARGS(call, args) [ROW_##call] = args_##call,
static const struct arg_desc *const described[ROW_COUNT] = {
#include <lsw/ntargs.def>
};
#undef NTARGS
#undef ARG

const struct call_desc calls[] = {
#define NTCALL(number, name, nargs, cls, support) \
	{ number, #name, nargs, S_##support, C_##cls },
#include <lsw/ntcalls.def>
#undef NTCALL
};
const unsigned ncalls = ROW_COUNT;

int same_name(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int call_row(const char *name)
{
	for (unsigned i = 0; i < ncalls; i++)
		if (same_name(calls[i].name, name))
			return (int)i;
	return -1;
}

/* The argument list of a row (NULL when ntargs.def does not describe it). */
const struct arg_desc *call_args(int row)
{
	return row >= 0 && row < ROW_COUNT ? described[row] : 0;
}
