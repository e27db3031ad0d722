/*
 * The flag and enum tables of lsw trace: xlat/NAME.def, one XLAT(NAME, value)
 * per line, each included into its own array here; and the functions that
 * print values with them.
 */
#include <inttypes.h>
#include <stdio.h>
#include "trace/trace_decode_int.h"
#include <lsw/socket_ioctl.h>

#define XLAT(name, value) { (uint64_t)(value), #name },
#define NX(a) (unsigned)(sizeof(a) / sizeof((a)[0]))
/* One table as a set of its own. */
#define SET(name)                                                            \
	static const struct xlat_table xt_##name = { x_##name, NX(x_##name) }; \
	const struct xlat_set xs_##name = { { &xt_##name, NULL } };
/* An access mask: the object's rights, then the generic and standard ones. */
#define ACCESS_SET(name)                                                     \
	static const struct xlat_table xt_##name = { x_##name, NX(x_##name) }; \
	const struct xlat_set xs_##name = { { &xt_##name, &xt_access_generic } };

static const struct xlat x_ntstatus[] = {
#include "trace/xlat/ntstatus.def"
};
const struct xlat_table xt_ntstatus = { x_ntstatus, NX(x_ntstatus) };

static const struct xlat x_access_generic[] = {
#include "trace/xlat/access_generic.def"
};
SET(access_generic)

static const struct xlat x_access_file[] = {
#include "trace/xlat/access_file.def"
};
ACCESS_SET(access_file)

static const struct xlat x_access_key[] = {
#include "trace/xlat/access_key.def"
};
ACCESS_SET(access_key)

static const struct xlat x_access_section[] = {
#include "trace/xlat/access_section.def"
};
ACCESS_SET(access_section)

static const struct xlat x_access_process[] = {
#include "trace/xlat/access_process.def"
};
ACCESS_SET(access_process)

static const struct xlat x_access_thread[] = {
#include "trace/xlat/access_thread.def"
};
ACCESS_SET(access_thread)

static const struct xlat x_access_event[] = {
#include "trace/xlat/access_event.def"
};
ACCESS_SET(access_event)

static const struct xlat x_access_mutant[] = {
#include "trace/xlat/access_mutant.def"
};
ACCESS_SET(access_mutant)

static const struct xlat x_access_semaphore[] = {
#include "trace/xlat/access_semaphore.def"
};
ACCESS_SET(access_semaphore)

static const struct xlat x_access_timer[] = {
#include "trace/xlat/access_timer.def"
};
ACCESS_SET(access_timer)

static const struct xlat x_access_keyed_event[] = {
#include "trace/xlat/access_keyed_event.def"
};
ACCESS_SET(access_keyed_event)

static const struct xlat x_access_directory[] = {
#include "trace/xlat/access_directory.def"
};
ACCESS_SET(access_directory)

static const struct xlat x_access_symlink[] = {
#include "trace/xlat/access_symlink.def"
};
ACCESS_SET(access_symlink)

static const struct xlat x_access_token[] = {
#include "trace/xlat/access_token.def"
};
ACCESS_SET(access_token)

static const struct xlat x_access_io_completion[] = {
#include "trace/xlat/access_io_completion.def"
};
ACCESS_SET(access_io_completion)

static const struct xlat x_file_attributes[] = {
#include "trace/xlat/file_attributes.def"
};
SET(file_attributes)

static const struct xlat x_file_share[] = {
#include "trace/xlat/file_share.def"
};
SET(file_share)

static const struct xlat x_file_disposition[] = {
#include "trace/xlat/file_disposition.def"
};
SET(file_disposition)

static const struct xlat x_file_create_info[] = {
#include "trace/xlat/file_create_info.def"
};
SET(file_create_info)

static const struct xlat x_file_options[] = {
#include "trace/xlat/file_options.def"
};
SET(file_options)

static const struct xlat x_mem_alloc_type[] = {
#include "trace/xlat/mem_alloc_type.def"
};
SET(mem_alloc_type)

static const struct xlat x_mem_free_type[] = {
#include "trace/xlat/mem_free_type.def"
};
SET(mem_free_type)

static const struct xlat x_mem_info[] = {
#include "trace/xlat/mem_info.def"
};
SET(mem_info)

static const struct xlat x_page_protection[] = {
#include "trace/xlat/page_protection.def"
};
SET(page_protection)

static const struct xlat x_sec_attributes[] = {
#include "trace/xlat/sec_attributes.def"
};
SET(sec_attributes)

static const struct xlat x_obj_attributes[] = {
#include "trace/xlat/obj_attributes.def"
};
SET(obj_attributes)

static const struct xlat x_duplicate_options[] = {
#include "trace/xlat/duplicate_options.def"
};
SET(duplicate_options)

static const struct xlat x_thread_create_flags[] = {
#include "trace/xlat/thread_create_flags.def"
};
SET(thread_create_flags)

static const struct xlat x_reg_type[] = {
#include "trace/xlat/reg_type.def"
};
SET(reg_type)

static const struct xlat x_reg_options[] = {
#include "trace/xlat/reg_options.def"
};
SET(reg_options)

static const struct xlat x_reg_disposition[] = {
#include "trace/xlat/reg_disposition.def"
};
SET(reg_disposition)

static const struct xlat x_event_type[] = {
#include "trace/xlat/event_type.def"
};
SET(event_type)

static const struct xlat x_timer_type[] = {
#include "trace/xlat/timer_type.def"
};
SET(timer_type)

static const struct xlat x_wait_type[] = {
#include "trace/xlat/wait_type.def"
};
SET(wait_type)

static const struct xlat x_section_inherit[] = {
#include "trace/xlat/section_inherit.def"
};
SET(section_inherit)

static const struct xlat x_file_information_class[] = {
#include "trace/xlat/file_information_class.def"
};
SET(file_information_class)

static const struct xlat x_fs_information_class[] = {
#include "trace/xlat/fs_information_class.def"
};
SET(fs_information_class)

static const struct xlat x_system_information_class[] = {
#include "trace/xlat/system_information_class.def"
};
SET(system_information_class)

static const struct xlat x_processinfoclass[] = {
#include "trace/xlat/processinfoclass.def"
};
SET(processinfoclass)

static const struct xlat x_threadinfoclass[] = {
#include "trace/xlat/threadinfoclass.def"
};
SET(threadinfoclass)

static const struct xlat x_memory_information_class[] = {
#include "trace/xlat/memory_information_class.def"
};
SET(memory_information_class)

static const struct xlat x_key_information_class[] = {
#include "trace/xlat/key_information_class.def"
};
SET(key_information_class)

static const struct xlat x_key_value_information_class[] = {
#include "trace/xlat/key_value_information_class.def"
};
SET(key_value_information_class)

static const struct xlat x_object_information_class[] = {
#include "trace/xlat/object_information_class.def"
};
SET(object_information_class)

static const struct xlat x_section_information_class[] = {
#include "trace/xlat/section_information_class.def"
};
SET(section_information_class)

static const struct xlat x_token_information_class[] = {
#include "trace/xlat/token_information_class.def"
};
SET(token_information_class)

static const struct xlat x_ioctl_code[] = {
#include "trace/xlat/ioctl_code.def"
};
SET(ioctl_code)

static const struct xlat x_event_information_class[] = {
#include "trace/xlat/event_information_class.def"
};
SET(event_information_class)

static const struct xlat x_mutant_information_class[] = {
#include "trace/xlat/mutant_information_class.def"
};
SET(mutant_information_class)

static const struct xlat x_semaphore_information_class[] = {
#include "trace/xlat/semaphore_information_class.def"
};
SET(semaphore_information_class)

static const struct xlat x_timer_information_class[] = {
#include "trace/xlat/timer_information_class.def"
};
SET(timer_information_class)

#undef XLAT

static const char *table_name(const struct xlat_table *t, uint64_t v)
{
	/* Enums of consecutive values from 0 or 1 are found at once. */
	if (v < t->n && t->x[v].val == v)
		return t->x[v].name;
	if (v > 0 && v - 1 < t->n && t->x[v - 1].val == v)
		return t->x[v - 1].name;
	for (unsigned i = 0; i < t->n; i++)
		if (t->x[i].val == v)
			return t->x[i].name;
	return NULL;
}

const char *xlat_name(const struct xlat_set *xs, uint64_t v)
{
	for (unsigned k = 0; k < 2 && xs->t[k]; k++) {
		const char *n = table_name(xs->t[k], v);

		if (n)
			return n;
	}
	return NULL;
}

void print_enum(struct strbuf *sb, const struct xlat_set *xs, uint64_t v)
{
	const char *n = xlat_name(xs, v);

	if (n)
		sb_puts(sb, n);
	else
		sb_printf(sb, "%#" PRIx64, v);
}

/*
 * Names whose bits are all set in v, in table order, then the bits no name
 * covers in hex ("FILE_SHARE_READ|0x80"), never dropped.  A name of
 * several bits (FILE_GENERIC_READ) is printed only if one of its bits is
 * still unexplained, so that FILE_ALL_ACCESS is not followed by the
 * combinations it contains.  0 prints as the table's zero name, if any.
 */
void print_flags(struct strbuf *sb, const struct xlat_set *xs, uint64_t v)
{
	uint64_t rest = v;
	bool any = false;

	if (v == 0) {
		const char *n = xlat_name(xs, 0);

		sb_puts(sb, n ? n : "0");
		return;
	}
	for (unsigned k = 0; k < 2 && xs->t[k]; k++) {
		const struct xlat_table *t = xs->t[k];

		for (unsigned i = 0; i < t->n && rest; i++) {
			uint64_t b = t->x[i].val;

			if (b == 0 || (v & b) != b || !(rest & b))
				continue;
			if (any)
				sb_putc(sb, '|');
			sb_puts(sb, t->x[i].name);
			rest &= ~b;
			any = true;
		}
	}
	if (rest)
		sb_printf(sb, any ? "|%#" PRIx64 : "%#" PRIx64, rest);
}

/* ntstatus.def is sorted by value (the unit test checks). */
const char *trace_status_name(uint32_t status)
{
	unsigned lo = 0, hi = xt_ntstatus.n;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;

		if (xt_ntstatus.x[mid].val == status)
			return xt_ntstatus.x[mid].name;
		if (xt_ntstatus.x[mid].val < status)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void print_status(struct strbuf *sb, uint32_t status)
{
	const char *n = trace_status_name(status);

	if (n)
		sb_puts(sb, n);
	else
		sb_printf(sb, "0x%08X", status);
}
