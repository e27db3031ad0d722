/*
 * Inside the argument decoder (trace_decode*.c): the types that
 * include/lsw/ntargs.def names, the flag and enum tables of xlat/, and the
 * helpers the decoder files share.
 */
#ifndef LSW_TRACE_DECODE_INT_H
#define LSW_TRACE_DECODE_INT_H

#include "trace/trace_decode.h"

/* One name of a flag or enum table (xlat/NAME.def: XLAT(NAME, value)). */
struct xlat {
	uint64_t val;
	const char *name;
};

struct xlat_table {
	const struct xlat *x;
	unsigned n;
};

/* The tables one value is printed with, in order: an access mask is the
 * object's specific table, then the generic and standard rights. */
struct xlat_set {
	const struct xlat_table *t[2];
};

enum arg_dir { D_IN, D_OUT, D_INOUT };

/* How a type is shown: from the register (SCALAR), through a pointer to
 * a value of `size` bytes (PTR: "[v]"), or by its own function. */
enum type_kind { K_SCALAR, K_PTR, K_SPECIAL };

enum value_fmt {
	F_NONE,
	F_DEC,     /* unsigned decimal */
	F_SDEC,    /* signed decimal, of `size` bytes */
	F_HEX,     /* 0x..., 0 as 0 */
	F_PTR,     /* 0x..., 0 as NULL */
	F_BOOL,    /* TRUE / FALSE */
	F_STATUS,  /* NTSTATUS name or 0x%08x */
	F_HANDLE,  /* handle with what it refers to */
	F_FLAGS,   /* names|...|0xrest */
	F_ENUM,    /* name or hex */
};

struct arg_desc;
typedef void special_fn(struct strbuf *sb, struct trace_call *tc, const struct arg_desc *d,
			int i, enum trace_phase ph);

/*
 * The argument types: X(name, kind, fmt, size, xlat set or NULL, special
 * function or NULL).  Scalars are cut to `size` bytes: a ULONG arrives in
 * a 64-bit register whose upper half the caller need not clear.
 */
#define TRACE_TYPES(X) \
	X(ULONG,                      K_SCALAR, F_DEC,    4, NULL, NULL) \
	X(ULONG_HEX,                  K_SCALAR, F_HEX,    4, NULL, NULL) \
	X(LONG,                       K_SCALAR, F_SDEC,   4, NULL, NULL) \
	X(USHORT,                     K_SCALAR, F_DEC,    2, NULL, NULL) \
	X(SIZE_T,                     K_SCALAR, F_HEX,    8, NULL, NULL) \
	X(ULONG_PTR,                  K_SCALAR, F_HEX,    8, NULL, NULL) \
	X(PVOID,                      K_SCALAR, F_PTR,    8, NULL, NULL) \
	X(BOOLEAN,                    K_SCALAR, F_BOOL,   1, NULL, NULL) \
	X(NTSTATUS,                   K_SCALAR, F_STATUS, 4, NULL, NULL) \
	X(HANDLE,                     K_SCALAR, F_HANDLE, 8, NULL, NULL) \
	X(ACCESS_MASK,                K_SCALAR, F_FLAGS,  4, &xs_access_generic, NULL) \
	X(FILE_ACCESS,                K_SCALAR, F_FLAGS,  4, &xs_access_file, NULL) \
	X(KEY_ACCESS,                 K_SCALAR, F_FLAGS,  4, &xs_access_key, NULL) \
	X(SECTION_ACCESS,             K_SCALAR, F_FLAGS,  4, &xs_access_section, NULL) \
	X(PROCESS_ACCESS,             K_SCALAR, F_FLAGS,  4, &xs_access_process, NULL) \
	X(THREAD_ACCESS,              K_SCALAR, F_FLAGS,  4, &xs_access_thread, NULL) \
	X(EVENT_ACCESS,               K_SCALAR, F_FLAGS,  4, &xs_access_event, NULL) \
	X(MUTANT_ACCESS,              K_SCALAR, F_FLAGS,  4, &xs_access_mutant, NULL) \
	X(SEMAPHORE_ACCESS,           K_SCALAR, F_FLAGS,  4, &xs_access_semaphore, NULL) \
	X(TIMER_ACCESS,               K_SCALAR, F_FLAGS,  4, &xs_access_timer, NULL) \
	X(KEYEDEVENT_ACCESS,          K_SCALAR, F_FLAGS,  4, &xs_access_keyed_event, NULL) \
	X(DIRECTORY_ACCESS,           K_SCALAR, F_FLAGS,  4, &xs_access_directory, NULL) \
	X(SYMLINK_ACCESS,             K_SCALAR, F_FLAGS,  4, &xs_access_symlink, NULL) \
	X(TOKEN_ACCESS,               K_SCALAR, F_FLAGS,  4, &xs_access_token, NULL) \
	X(IO_COMPLETION_ACCESS,       K_SCALAR, F_FLAGS,  4, &xs_access_io_completion, NULL) \
	X(FILE_ATTRIBUTES,            K_SCALAR, F_FLAGS,  4, &xs_file_attributes, NULL) \
	X(FILE_SHARE,                 K_SCALAR, F_FLAGS,  4, &xs_file_share, NULL) \
	X(FILE_DISPOSITION,           K_SCALAR, F_ENUM,   4, &xs_file_disposition, NULL) \
	X(FILE_OPTIONS,               K_SCALAR, F_FLAGS,  4, &xs_file_options, NULL) \
	X(MEM_ALLOC_TYPE,             K_SCALAR, F_FLAGS,  4, &xs_mem_alloc_type, NULL) \
	X(MEM_FREE_TYPE,              K_SCALAR, F_FLAGS,  4, &xs_mem_free_type, NULL) \
	X(PAGE_PROTECTION,            K_SCALAR, F_FLAGS,  4, &xs_page_protection, NULL) \
	X(SEC_ATTRIBUTES,             K_SCALAR, F_FLAGS,  4, &xs_sec_attributes, NULL) \
	X(OBJ_ATTRIBUTES,             K_SCALAR, F_FLAGS,  4, &xs_obj_attributes, NULL) \
	X(DUPLICATE_OPTIONS,          K_SCALAR, F_FLAGS,  4, &xs_duplicate_options, NULL) \
	X(THREAD_CREATE_FLAGS,        K_SCALAR, F_FLAGS,  4, &xs_thread_create_flags, NULL) \
	X(REG_TYPE,                   K_SCALAR, F_ENUM,   4, &xs_reg_type, NULL) \
	X(REG_OPTIONS,                K_SCALAR, F_FLAGS,  4, &xs_reg_options, NULL) \
	X(EVENT_TYPE,                 K_SCALAR, F_ENUM,   4, &xs_event_type, NULL) \
	X(TIMER_TYPE,                 K_SCALAR, F_ENUM,   4, &xs_timer_type, NULL) \
	X(WAIT_TYPE,                  K_SCALAR, F_ENUM,   4, &xs_wait_type, NULL) \
	X(SECTION_INHERIT,            K_SCALAR, F_ENUM,   4, &xs_section_inherit, NULL) \
	X(FILE_INFORMATION_CLASS,     K_SCALAR, F_ENUM,   4, &xs_file_information_class, NULL) \
	X(FS_INFORMATION_CLASS,       K_SCALAR, F_ENUM,   4, &xs_fs_information_class, NULL) \
	X(SYSTEM_INFORMATION_CLASS,   K_SCALAR, F_ENUM,   4, &xs_system_information_class, NULL) \
	X(PROCESSINFOCLASS,           K_SCALAR, F_ENUM,   4, &xs_processinfoclass, NULL) \
	X(THREADINFOCLASS,            K_SCALAR, F_ENUM,   4, &xs_threadinfoclass, NULL) \
	X(MEMORY_INFORMATION_CLASS,   K_SCALAR, F_ENUM,   4, &xs_memory_information_class, NULL) \
	X(KEY_INFORMATION_CLASS,      K_SCALAR, F_ENUM,   4, &xs_key_information_class, NULL) \
	X(KEY_VALUE_INFORMATION_CLASS, K_SCALAR, F_ENUM,  4, &xs_key_value_information_class, NULL) \
	X(OBJECT_INFORMATION_CLASS,   K_SCALAR, F_ENUM,   4, &xs_object_information_class, NULL) \
	X(SECTION_INFORMATION_CLASS,  K_SCALAR, F_ENUM,   4, &xs_section_information_class, NULL) \
	X(TOKEN_INFORMATION_CLASS,    K_SCALAR, F_ENUM,   4, &xs_token_information_class, NULL) \
	X(EVENT_INFORMATION_CLASS,    K_SCALAR, F_ENUM,   4, &xs_event_information_class, NULL) \
	X(MUTANT_INFORMATION_CLASS,   K_SCALAR, F_ENUM,   4, &xs_mutant_information_class, NULL) \
	X(SEMAPHORE_INFORMATION_CLASS, K_SCALAR, F_ENUM,  4, &xs_semaphore_information_class, NULL) \
	X(TIMER_INFORMATION_CLASS,    K_SCALAR, F_ENUM,   4, &xs_timer_information_class, NULL) \
	X(IOCTL_CODE,                 K_SCALAR, F_ENUM,   4, &xs_ioctl_code, NULL) \
	X(PULONG,                     K_PTR,    F_DEC,    4, NULL, NULL) \
	X(PLONG,                      K_PTR,    F_SDEC,   4, NULL, NULL) \
	X(PUSHORT,                    K_PTR,    F_DEC,    2, NULL, NULL) \
	X(PBOOLEAN,                   K_PTR,    F_BOOL,   1, NULL, NULL) \
	X(PLANGID,                    K_PTR,    F_HEX,    2, NULL, NULL) \
	X(PLCID,                      K_PTR,    F_HEX,    4, NULL, NULL) \
	X(PSIZE_T,                    K_PTR,    F_HEX,    8, NULL, NULL) \
	X(PPVOID,                     K_PTR,    F_PTR,    8, NULL, NULL) \
	X(PLARGE_INTEGER,             K_PTR,    F_SDEC,   8, NULL, NULL) \
	X(PPAGE_PROTECTION,           K_PTR,    F_FLAGS,  4, &xs_page_protection, NULL) \
	X(PREG_TYPE,                  K_PTR,    F_ENUM,   4, &xs_reg_type, NULL) \
	X(PREG_DISPOSITION,           K_PTR,    F_ENUM,   4, &xs_reg_disposition, NULL) \
	X(PHANDLE,                    K_SPECIAL, F_NONE,  8, NULL, dec_phandle) \
	X(HANDLE_OF,                  K_SPECIAL, F_NONE,  8, NULL, dec_handle_of) \
	X(PHANDLE_OF,                 K_SPECIAL, F_NONE,  8, NULL, dec_phandle) \
	X(HANDLE_ARRAY,               K_SPECIAL, F_NONE,  8, NULL, dec_handle_array) \
	X(POBJECT_ATTRIBUTES,         K_SPECIAL, F_NONE,  8, NULL, dec_object_attributes) \
	X(PUNICODE_STRING,            K_SPECIAL, F_NONE,  8, NULL, dec_unicode_string) \
	X(PCLIENT_ID,                 K_SPECIAL, F_NONE,  8, NULL, dec_client_id) \
	X(PIO_STATUS_BLOCK,           K_SPECIAL, F_NONE,  8, NULL, dec_iosb) \
	X(PIO_STATUS_BLOCK_CREATE,    K_SPECIAL, F_NONE,  8, NULL, dec_iosb) \
	X(BUFFER_IN,                  K_SPECIAL, F_NONE,  8, NULL, dec_buffer_in) \
	X(WCHARS_IN,                  K_SPECIAL, F_NONE,  8, NULL, dec_wchars_in) \
	X(BUFFER_OUT,                 K_SPECIAL, F_NONE,  8, NULL, dec_buffer_out) \
	X(BUFFER_OUT_IOSB,            K_SPECIAL, F_NONE,  8, NULL, dec_buffer_out) \
	X(PEXCEPTION_RECORD,          K_SPECIAL, F_NONE,  8, NULL, dec_exception_record) \
	X(PCONTEXT,                   K_SPECIAL, F_NONE,  8, NULL, dec_context) \
	X(PFILE_BASIC_INFORMATION,    K_SPECIAL, F_NONE,  8, NULL, dec_file_basic_info) \
	X(PFILE_NETWORK_OPEN_INFORMATION, K_SPECIAL, F_NONE, 8, NULL, dec_file_network_open_info)

enum arg_type {
#define TRACE_TYPE_ENUM(name, kind, fmt, size, xs, fn) T_##name,
	TRACE_TYPES(TRACE_TYPE_ENUM)
#undef TRACE_TYPE_ENUM
	T_END,
};

struct arg_desc {
	uint8_t dir;        /* enum arg_dir */
	uint8_t type;       /* enum arg_type; T_END closes a call's list */
	int8_t ref, ref2;   /* related argument indexes (see ntargs.def) */
	const char *name;
};

struct type_info {
	uint8_t kind, fmt, size;
	const struct xlat_set *xs;
	special_fn *fn;
};

extern const struct type_info trace_types[T_END];

/* The flag and enum tables (trace_xlat.c). */
#define TRACE_XLAT_SETS(X) \
	X(access_generic) X(access_file) X(access_key) X(access_section) \
	X(access_process) X(access_thread) X(access_event) X(access_mutant) \
	X(access_semaphore) X(access_timer) X(access_keyed_event) \
	X(access_directory) X(access_symlink) X(access_token) \
	X(access_io_completion) X(file_attributes) X(file_share) \
	X(file_disposition) X(file_create_info) X(file_options) \
	X(mem_alloc_type) X(mem_free_type) X(mem_info) X(page_protection) \
	X(sec_attributes) X(obj_attributes) X(duplicate_options) \
	X(thread_create_flags) X(reg_type) X(reg_options) X(reg_disposition) \
	X(event_type) X(timer_type) X(wait_type) X(section_inherit) \
	X(file_information_class) X(fs_information_class) \
	X(system_information_class) X(processinfoclass) X(threadinfoclass) \
	X(memory_information_class) X(key_information_class) \
	X(key_value_information_class) X(object_information_class) \
	X(section_information_class) X(token_information_class) \
	X(event_information_class) X(mutant_information_class) \
	X(semaphore_information_class) X(timer_information_class) X(ioctl_code)

#define TRACE_XLAT_DECL(name) extern const struct xlat_set xs_##name;
TRACE_XLAT_SETS(TRACE_XLAT_DECL)
#undef TRACE_XLAT_DECL
extern const struct xlat_table xt_ntstatus;

/* "NAME" for an enum value, or NULL. */
const char *xlat_name(const struct xlat_set *xs, uint64_t v);
void print_enum(struct strbuf *sb, const struct xlat_set *xs, uint64_t v);
void print_flags(struct strbuf *sb, const struct xlat_set *xs, uint64_t v);
void print_status(struct strbuf *sb, uint32_t status);
void print_handle(struct strbuf *sb, struct trace_call *tc, uint64_t h);
void print_value(struct strbuf *sb, struct trace_call *tc, const struct type_info *ti,
		 uint64_t v);
void print_ustring_at(struct strbuf *sb, struct trace_call *tc, uint64_t addr);
bool print_wchars_at(struct strbuf *sb, struct trace_call *tc, uint64_t buf, uint64_t bytes);

/* The argument list of the call being decoded. */
const struct arg_desc *trace_call_args(const struct trace_call *tc);
/* Argument i's value cut to its type's size (a ULONG length is 32 bits). */
uint64_t arg_value(const struct trace_call *tc, int i);
/* The call wrote its OUT arguments: no error and not pending (warnings
 * such as STATUS_BUFFER_OVERFLOW still fill buffers). */
bool call_wrote(const struct trace_call *tc);
int trace_read(struct trace_call *tc, uint64_t addr, void *buf, size_t len);
void print_ptr(struct strbuf *sb, uint64_t p);

special_fn dec_phandle, dec_handle_of, dec_handle_array, dec_object_attributes,
	dec_unicode_string, dec_client_id, dec_iosb, dec_buffer_in, dec_wchars_in, dec_buffer_out,
	dec_exception_record, dec_context, dec_file_basic_info, dec_file_network_open_info;

#endif
