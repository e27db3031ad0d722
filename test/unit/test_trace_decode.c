/*
 * Unit tests for lsw trace's argument decoder (src/trace/trace_decode*.c,
 * include/lsw/ntargs.def, src/trace/xlat/): the description table against
 * the NT call table, and decoder output for representative arguments.
 * There is no tracee: the "tracee" is this process (pid = getpid(), so
 * tracee_read is process_vm_readv on ourselves) and every pointer points
 * into our own memory.
 */
#include <check.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "emul/emul.h"
#include "emul/ntcall_table.h"
#include "emul/object/object.h"
#include "trace/trace_decode_int.h"

/* The argument count of each block, by an expansion of our own. */
#define ARG(d, t, n) +1
#define NTARGS(call, args) { #call, 0 args },
static const struct { const char *name; int n; } def_blocks[] = {
#include <lsw/ntargs.def>
};
#undef NTARGS
#undef ARG
#define NBLOCKS (sizeof(def_blocks) / sizeof(def_blocks[0]))

static int row_named(const char *name)
{
	for (unsigned i = 0; i < nt_nrows; i++)
		if (!strcmp(nt_rows[i].name, name))
			return (int)i;
	return -1;
}

START_TEST(blocks_name_rows_and_count_args)
{
	for (unsigned b = 0; b < NBLOCKS; b++) {
		int row = row_named(def_blocks[b].name);

		ck_assert_msg(row >= 0, "%s is not in ntcalls.def", def_blocks[b].name);
		ck_assert_int_eq(trace_arg_count(row), def_blocks[b].n);
		for (unsigned c = b + 1; c < NBLOCKS; c++)
			ck_assert_msg(strcmp(def_blocks[b].name, def_blocks[c].name),
				      "%s described twice", def_blocks[b].name);
	}
}
END_TEST

/* nargs -1 in ntcalls.def means "not described there yet": those are
 * listed (for the table's maintainer), not failed. */
START_TEST(counts_match_ntcalls_nargs)
{
	unsigned described = 0;

	for (unsigned i = 0; i < nt_nrows; i++) {
		int n = trace_arg_count((int)i);

		if (n < 0)
			continue;
		described++;
		if (nt_rows[i].nargs < 0)
			fprintf(stderr, "note: %s has nargs -1 in ntcalls.def; ntargs.def says %d\n",
				nt_rows[i].name, n);
		else
			ck_assert_msg(n == nt_rows[i].nargs, "%s: %d described, nargs %d",
				      nt_rows[i].name, n, nt_rows[i].nargs);
	}
	ck_assert_uint_eq(described, NBLOCKS);
	ck_assert_uint_ge(described, 100);
}
END_TEST

START_TEST(every_implemented_call_is_described)
{
	for (unsigned i = 0; i < nt_nrows; i++)
		if (nt_rows[i].handler)
			ck_assert_msg(trace_arg_count((int)i) >= 0, "%s (IMPL/DIRECT) not in ntargs.def",
				      nt_rows[i].name);
}
END_TEST

START_TEST(names_and_directions)
{
	int row = row_named("NtCreateFile");

	ck_assert_int_eq(trace_arg_count(row), 11);
	ck_assert_str_eq(trace_arg_name(row, 0), "FileHandle");
	ck_assert_str_eq(trace_arg_name(row, 10), "EaLength");
	ck_assert_ptr_null(trace_arg_name(row, 11));
	ck_assert(trace_arg_needs_exit(row, 0));
	ck_assert(!trace_arg_needs_exit(row, 1));
	ck_assert(trace_arg_needs_exit(row, 3));
	ck_assert_int_eq(trace_arg_count(row_named("NtAccessCheckAndAuditAlarm")), -1);
	ck_assert_int_eq(trace_arg_count(-1), -1);
	ck_assert_int_eq(trace_arg_count((int)nt_nrows), -1);
	ck_assert_int_eq(trace_arg_count(row_named("NtYieldExecution")), 0);
	for (unsigned i = 0; i < nt_nrows; i++)
		for (int a = 0; a < trace_arg_count((int)i); a++)
			ck_assert_msg(trace_arg_name((int)i, a) != NULL, "%s arg %d", nt_rows[i].name, a);
}
END_TEST

/* Every type's table entry is filled; scalars are never OUT. */
START_TEST(types_are_complete)
{
	for (unsigned t = 0; t < T_END; t++) {
		const struct type_info *ti = &trace_types[t];

		ck_assert_msg(ti->size == 1 || ti->size == 2 || ti->size == 4 || ti->size == 8,
			      "type %u", t);
		if (ti->kind == K_SPECIAL)
			ck_assert_msg(ti->fn != NULL, "type %u", t);
		if (ti->fmt == F_FLAGS || ti->fmt == F_ENUM)
			ck_assert_msg(ti->xs != NULL, "type %u", t);
	}
}
END_TEST

START_TEST(ntstatus_sorted_and_complete)
{
	for (unsigned i = 1; i < xt_ntstatus.n; i++)
		ck_assert_msg(xt_ntstatus.x[i - 1].val < xt_ntstatus.x[i].val, "%s before %s",
			      xt_ntstatus.x[i - 1].name, xt_ntstatus.x[i].name);
#define CHECK_STATUS(name, value) ck_assert_str_eq(trace_status_name(value##u), #name);
	LSW_STATUS_LIST(CHECK_STATUS)
#undef CHECK_STATUS
	ck_assert_str_eq(trace_status_name(0xC0000034u), "STATUS_OBJECT_NAME_NOT_FOUND");
	ck_assert_str_eq(trace_status_name(0), "STATUS_SUCCESS");
	ck_assert_str_eq(trace_status_name(0x80000005u), "STATUS_BUFFER_OVERFLOW");
	ck_assert_ptr_null(trace_status_name(0xC0FFEE00u));
	ck_assert_ptr_null(trace_status_name(0xFFFFFFFFu));
}
END_TEST

/* A fake process whose handle 4 is a file named \??\C:\x. */
static struct lsw_process proc;
static struct lsw_thread thr;
static struct nt_call call;
static struct trace_call tc;
static struct strbuf out;
static uint64_t file_handle;

static void fake_describe(struct nt_object *o, char *buf, size_t len)
{
	snprintf(buf, len, "\\??\\C:\\x");
}
static void fake_destroy(struct nt_object *o) {}
static const struct nt_object_ops fake_ops = { .type_name = "File", .destroy = fake_destroy,
					       .describe = fake_describe };
static struct nt_object fake_obj;

static void setup(void)
{
	memset(&proc, 0, sizeof(proc));
	memset(&thr, 0, sizeof(thr));
	memset(&call, 0, sizeof(call));
	memset(&tc, 0, sizeof(tc));
	proc.pid = getpid();
	thr.process = &proc;
	thr.tid = getpid();
	call.thread = &thr;
	tc.c = &call;
	tc.strsize = 32;
	object_init(&fake_obj, &fake_ops);
	file_handle = handle_alloc(&proc, object_ref(&fake_obj), 0);
	sb_reset(&out);
}

static void teardown(void)
{
	handle_table_free(&proc);
	sb_free(&out);
}

static void use(const char *name)
{
	call.row = row_named(name);
	ck_assert_int_ge(trace_arg_count(call.row), 0);
}

/* Argument i in one phase, as text. */
static const char *dec(int i, enum trace_phase ph)
{
	sb_reset(&out);
	trace_decode_arg(&out, &tc, i, ph);
	return out.s ? out.s : "";
}

/* Both phases joined, as the tracer shows a finished call. */
static const char *both(int i, uint32_t status)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "%s", dec(i, TRACE_ENTRY));
	tc.status = status;
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s", dec(i, TRACE_EXIT));
	return buf;
}

#define U(p) ((uint64_t)(uintptr_t)(p))
/* An address nothing is mapped at. */
#define BAD 0x10

struct ustr { uint16_t len, max; uint32_t pad; uint64_t buf; };
struct oattr { uint32_t length, pad; uint64_t root, name; uint32_t attributes, pad2; uint64_t sd, sqos; };

static void make_ustr(struct ustr *us, uint16_t *w, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < n; i++)
		w[i] = (unsigned char)s[i];
	us->len = us->max = (uint16_t)(n * 2);
	us->buf = U(w);
}

START_TEST(create_file_line)
{
	uint16_t w[32];
	struct ustr us;
	struct oattr oa = { sizeof(oa), 0, 0, 0, 0x40, 0, 0, 0 };
	uint64_t h = file_handle, iosb[2] = { 0, 1 };

	use("NtCreateFile");
	make_ustr(&us, w, "\\??\\C:\\x");
	oa.name = U(&us);
	call.args[0] = U(&h);
	call.args[1] = 0x120089;
	call.args[2] = U(&oa);
	call.args[3] = U(iosb);
	call.args[4] = 0;
	call.args[5] = 0x80;
	call.args[6] = 3;
	call.args[7] = 1;
	call.args[8] = 0x60;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "");
	tc.status = 0;
	ck_assert_str_eq(dec(0, TRACE_EXIT), "&0x4 <\\??\\C:\\x>");
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "FILE_GENERIC_READ");
	ck_assert_str_eq(dec(1, TRACE_EXIT), "");
	ck_assert_str_eq(dec(2, TRACE_ENTRY), "{\"\\??\\C:\\x\"}");
	ck_assert_str_eq(dec(3, TRACE_EXIT), "{STATUS_SUCCESS, FILE_OPENED}");
	ck_assert_str_eq(dec(4, TRACE_ENTRY), "NULL");
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "FILE_ATTRIBUTE_NORMAL");
	ck_assert_str_eq(dec(6, TRACE_ENTRY), "FILE_SHARE_READ|FILE_SHARE_WRITE");
	ck_assert_str_eq(dec(7, TRACE_ENTRY), "FILE_OPEN");
	ck_assert_str_eq(dec(8, TRACE_ENTRY), "FILE_SYNCHRONOUS_IO_NONALERT|FILE_NON_DIRECTORY_FILE");
	ck_assert_str_eq(dec(9, TRACE_ENTRY), "NULL");
	ck_assert_str_eq(dec(10, TRACE_ENTRY), "0");

	/* A failed create wrote neither the handle nor the status block. */
	tc.status = 0xC0000034;
	{
		char want[64];

		snprintf(want, sizeof(want), "%#" PRIx64, U(&h));
		ck_assert_str_eq(dec(0, TRACE_EXIT), want);
		snprintf(want, sizeof(want), "%#" PRIx64, U(iosb));
		ck_assert_str_eq(dec(3, TRACE_EXIT), want);
	}
}
END_TEST

START_TEST(flags_and_enums)
{
	use("NtCreateFile");
	call.args[6] = 0x80001;
	ck_assert_str_eq(dec(6, TRACE_ENTRY), "FILE_SHARE_READ|0x80000");
	call.args[6] = 0;
	ck_assert_str_eq(dec(6, TRACE_ENTRY), "0");
	call.args[6] = 0xdead000000000001ull;      /* a ULONG: the high half is junk */
	ck_assert_str_eq(dec(6, TRACE_ENTRY), "FILE_SHARE_READ");
	call.args[5] = 0;
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "0");
	call.args[5] = 0x21;
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "FILE_ATTRIBUTE_READONLY|FILE_ATTRIBUTE_ARCHIVE");
	call.args[7] = 9;
	ck_assert_str_eq(dec(7, TRACE_ENTRY), "0x9");
	call.args[1] = 0x80100080;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "FILE_READ_ATTRIBUTES|GENERIC_READ|SYNCHRONIZE");
	call.args[1] = 0x1F01FF;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "FILE_ALL_ACCESS");
	call.args[1] = 0x12019F;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "FILE_GENERIC_READ|FILE_GENERIC_WRITE");
	call.args[1] = 0x00110000;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "DELETE|SYNCHRONIZE");
	call.args[1] = 0x00000800;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "0x800");

	use("NtOpenKeyEx");
	call.args[1] = 0x20019;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "KEY_READ");
	call.args[3] = 0;
	ck_assert_str_eq(dec(3, TRACE_ENTRY), "REG_OPTION_NON_VOLATILE");

	use("NtQueryInformationFile");
	call.args[4] = 5;
	ck_assert_str_eq(dec(4, TRACE_ENTRY), "FileStandardInformation");
	call.args[4] = 999;
	ck_assert_str_eq(dec(4, TRACE_ENTRY), "0x3e7");

	use("NtQuerySystemInformation");
	call.args[0] = 0;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "SystemBasicInformation");
	call.args[0] = 105;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "SystemProcessorBrandString");

	use("NtCreateSection");
	call.args[4] = 0x104;
	ck_assert_str_eq(dec(4, TRACE_ENTRY), "PAGE_READWRITE|PAGE_GUARD");
	call.args[5] = 0x1000000;
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "SEC_IMAGE");
	call.args[5] = 0x11000000;
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "SEC_IMAGE_NO_EXECUTE");

	use("NtTerminateProcess");
	call.args[1] = 0xC0000005;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "STATUS_ACCESS_VIOLATION");
	call.args[1] = 0x12345;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "0x00012345");

	use("NtDelayExecution");
	call.args[0] = 0xffffff01;                 /* BOOLEAN: one byte */
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "TRUE");
	call.args[0] = 0;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "FALSE");
}
END_TEST

START_TEST(handles)
{
	use("NtClose");
	call.args[0] = 0;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "NULL");
	call.args[0] = (uint64_t)-1;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "-1 <current process>");
	call.args[0] = (uint64_t)-2;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "-2 <current thread>");
	call.args[0] = 0x1234;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "0x1234");
	call.args[0] = file_handle;
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "0x4 <\\??\\C:\\x>");
	call.args[0] = 0xffffffff00000004ull;      /* junk above 32 bits: not our handle */
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "0xffffffff00000004");
}
END_TEST

START_TEST(duplicate_from_other_process)
{
	uint64_t out_h = file_handle;

	use("NtDuplicateObject");
	call.args[0] = 0x40;                       /* another process */
	call.args[1] = file_handle;
	call.args[2] = (uint64_t)-1;
	call.args[3] = U(&out_h);
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "0x4");
	tc.status = 0;
	ck_assert_str_eq(dec(3, TRACE_EXIT), "&0x4 <\\??\\C:\\x>");
	call.args[0] = (uint64_t)-1;
	call.args[2] = 0x40;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "0x4 <\\??\\C:\\x>");
	ck_assert_str_eq(dec(3, TRACE_EXIT), "&0x4");
}
END_TEST

START_TEST(allocate_inout)
{
	uint64_t base = 0, size = 0x1000;

	use("NtAllocateVirtualMemory");
	call.args[0] = (uint64_t)-1;
	call.args[1] = U(&base);
	call.args[3] = U(&size);
	call.args[4] = 0x3000;
	call.args[5] = 0x04;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "[NULL");
	ck_assert_str_eq(dec(3, TRACE_ENTRY), "[0x1000");
	ck_assert_str_eq(dec(4, TRACE_ENTRY), "MEM_COMMIT|MEM_RESERVE");
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "PAGE_READWRITE");
	base = 0x10000;
	tc.status = 0;
	ck_assert_str_eq(dec(1, TRACE_EXIT), " => 0x10000]");
	ck_assert_str_eq(dec(3, TRACE_EXIT), " => 0x1000]");

	/* Failed: just the old value. */
	base = 0;
	ck_assert_str_eq(both(1, 0xC0000017), "[NULL]");

	/* NULL and unreadable pointers print once, as themselves. */
	call.args[1] = 0;
	ck_assert_str_eq(both(1, 0), "NULL");
	call.args[1] = BAD;
	ck_assert_str_eq(both(1, 0), "0x10");
}
END_TEST

START_TEST(pointers_in_and_out)
{
	int64_t delay = -10000000;
	uint64_t ctr = 12345, freq = 10000000;
	uint32_t old = 0x20;

	use("NtDelayExecution");
	call.args[1] = U(&delay);
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "[-10000000]");
	call.args[1] = 0;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "NULL");
	call.args[1] = BAD;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "0x10");

	use("NtQueryPerformanceCounter");
	call.args[0] = U(&ctr);
	call.args[1] = U(&freq);
	ck_assert_str_eq(both(0, 0), "[12345]");
	ck_assert_str_eq(both(1, 0), "[10000000]");

	use("NtProtectVirtualMemory");
	call.args[4] = U(&old);
	ck_assert_str_eq(both(4, 0), "[PAGE_EXECUTE_READ]");
}
END_TEST

START_TEST(object_attributes)
{
	uint16_t w[32];
	struct ustr us;
	struct oattr oa = { sizeof(oa), 0, 0, 0, 0x40, 0, 0, 0 };

	use("NtOpenFile");
	call.args[2] = U(&oa);
	ck_assert_str_eq(dec(2, TRACE_ENTRY), "{NULL}");
	make_ustr(&us, w, "rel\\name");
	oa.name = U(&us);
	oa.root = file_handle;
	ck_assert_str_eq(dec(2, TRACE_ENTRY), "{0x4 <\\??\\C:\\x>, \"rel\\name\"}");
	make_ustr(&us, w, "a\"b\n");
	oa.root = 0;
	ck_assert_str_eq(dec(2, TRACE_ENTRY), "{\"a\\\"b\\n\"}");
	us.buf = BAD;                               /* the name's address instead */
	{
		char want[64];

		snprintf(want, sizeof(want), "{%#" PRIx64 "}", U(&us));
		ck_assert_str_eq(dec(2, TRACE_ENTRY), want);
	}
	call.args[2] = 0;
	ck_assert_str_eq(dec(2, TRACE_ENTRY), "NULL");
	call.args[2] = BAD;
	ck_assert_str_eq(dec(2, TRACE_ENTRY), "0x10");
}
END_TEST

START_TEST(unicode_strings)
{
	uint16_t w[2000];
	struct ustr us;
	char want[64];

	use("NtQueryValueKey");
	/* "é" as UTF-16 becomes UTF-8, passed through. */
	w[0] = 'v';
	w[1] = 0xE9;
	us.len = us.max = 4;
	us.buf = U(w);
	call.args[1] = U(&us);
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "\"v\xc3\xa9\"");
	/* The characters unreadable: the UNICODE_STRING's address. */
	us.buf = BAD;
	snprintf(want, sizeof(want), "%#" PRIx64, U(&us));
	ck_assert_str_eq(dec(1, TRACE_ENTRY), want);
	/* Longer than the cap: the first 1024 units and "...". */
	for (int i = 0; i < 2000; i++)
		w[i] = 'a';
	us.len = us.max = 4000;
	us.buf = U(w);
	dec(1, TRACE_ENTRY);
	ck_assert_uint_eq(out.len, 1024 + 2 + 3);
	ck_assert_str_eq(out.s + out.len - 5, "a\"...");
	call.args[1] = 0;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "NULL");
}
END_TEST

START_TEST(buffers)
{
	static const char data[] = "hello\n";
	char rbuf[16] = "abcdefgh";
	uint64_t iosb[2] = { 0, 3 };

	use("NtWriteFile");
	call.args[4] = U(iosb);
	call.args[5] = U(data);
	call.args[6] = 0xffffffff00000006ull;       /* Length is a ULONG */
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "\"hello\\n\"");
	tc.strsize = 4;
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "\"hell\"...");
	tc.strsize = 32;
	call.args[5] = BAD;
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "0x10");
	call.args[5] = 0;
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "NULL");
	tc.status = 0;
	ck_assert_str_eq(dec(4, TRACE_EXIT), "{STATUS_SUCCESS, 3}");

	use("NtReadFile");
	call.args[4] = U(iosb);
	call.args[5] = U(rbuf);
	call.args[6] = sizeof(rbuf);
	ck_assert_str_eq(dec(5, TRACE_ENTRY), "");
	ck_assert_str_eq(both(5, 0), "\"abc\"");
	iosb[1] = 100;                              /* never more than Length */
	ck_assert_str_eq(both(5, 0), "\"abcdefgh\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"");
	tc.strsize = 2;
	ck_assert_str_eq(both(5, 0), "\"ab\"...");
	tc.strsize = 32;
	{
		char want[64];

		snprintf(want, sizeof(want), "%#" PRIx64, U(rbuf));
		ck_assert_str_eq(both(5, 0xC0000011), want);     /* STATUS_END_OF_FILE */
	}
}
END_TEST

START_TEST(query_with_return_length)
{
	char info[8] = "12345678";
	uint32_t retlen = 5;

	use("NtQueryInformationProcess");
	call.args[0] = (uint64_t)-1;
	call.args[1] = 0;
	call.args[2] = U(info);
	call.args[3] = sizeof(info);
	call.args[4] = U(&retlen);
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "ProcessBasicInformation");
	ck_assert_str_eq(both(2, 0), "\"12345\"");
	ck_assert_str_eq(both(4, 0), "[5]");
	call.args[4] = 0;                           /* no ReturnLength: the whole buffer */
	ck_assert_str_eq(both(2, 0), "\"12345678\"");
}
END_TEST

START_TEST(wait_handles_and_client_id)
{
	uint64_t hs[3] = { file_handle, (uint64_t)-1, 0x99 };
	uint64_t cid[2] = { 500, 0 };

	use("NtWaitForMultipleObjects");
	call.args[0] = 3;
	call.args[1] = U(hs);
	call.args[2] = 1;
	ck_assert_str_eq(dec(1, TRACE_ENTRY), "[0x4 <\\??\\C:\\x>, -1 <current process>, 0x99]");
	ck_assert_str_eq(dec(2, TRACE_ENTRY), "WaitAny");

	use("NtOpenProcess");
	call.args[3] = U(cid);
	ck_assert_str_eq(dec(3, TRACE_ENTRY), "{UniqueProcess=500, UniqueThread=0}");
}
END_TEST

START_TEST(file_attributes_query)
{
	struct { int64_t t[4]; uint32_t attr, pad; } bi = { { 1, 2, 3, 4 }, 0x20, 0 };

	use("NtQueryAttributesFile");
	call.args[1] = U(&bi);
	ck_assert_str_eq(both(1, 0), "{CreationTime=1, LastAccessTime=2, LastWriteTime=3, "
				     "ChangeTime=4, FileAttributes=FILE_ATTRIBUTE_ARCHIVE}");
}
END_TEST

START_TEST(exception_record)
{
	struct { uint32_t code, flags; uint64_t rec, addr; uint32_t n; } er = { 0x80000003, 0, 0, 0x1000, 1 };

	use("NtRaiseException");
	call.args[0] = U(&er);
	ck_assert_str_eq(dec(0, TRACE_ENTRY), "{ExceptionCode=STATUS_BREAKPOINT, ExceptionFlags=0, "
					      "ExceptionAddress=0x1000, NumberParameters=1}");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("trace_decode");
	TCase *t = tcase_create("table");
	TCase *d = tcase_create("decode");

	tcase_add_test(t, blocks_name_rows_and_count_args);
	tcase_add_test(t, counts_match_ntcalls_nargs);
	tcase_add_test(t, every_implemented_call_is_described);
	tcase_add_test(t, names_and_directions);
	tcase_add_test(t, types_are_complete);
	tcase_add_test(t, ntstatus_sorted_and_complete);
	suite_add_tcase(s, t);
	tcase_add_checked_fixture(d, setup, teardown);
	tcase_add_test(d, create_file_line);
	tcase_add_test(d, flags_and_enums);
	tcase_add_test(d, handles);
	tcase_add_test(d, duplicate_from_other_process);
	tcase_add_test(d, allocate_inout);
	tcase_add_test(d, pointers_in_and_out);
	tcase_add_test(d, object_attributes);
	tcase_add_test(d, unicode_strings);
	tcase_add_test(d, buffers);
	tcase_add_test(d, query_with_return_length);
	tcase_add_test(d, wait_handles_and_client_id);
	tcase_add_test(d, file_attributes_query);
	tcase_add_test(d, exception_record);
	suite_add_tcase(s, d);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(suite());
	int failed;

	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
