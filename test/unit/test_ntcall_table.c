/*
 * Unit tests for the NT call table (src/emul/ntcall_table.c, expanded from
 * include/lsw/ntcalls.def): the dispatch fast path takes the number as the
 * row index, so the 22H2 table must be dense from 0; rows with a handler
 * must say how many arguments to fetch.
 */
#include <check.h>
#include <ctype.h>
#include <string.h>

#include "emul/emul.h"
#include "emul/ntcall_table.h"

/* The .def's own row count, independent of the table's expansion. */
#define NTCALL(num, name, nargs, klass, support) +1
static const unsigned def_rows = 0
#include <lsw/ntcalls.def>
	;
#undef NTCALL

static int row_named(const char *name)
{
	for (unsigned i = 0; i < nt_nrows; i++)
		if (!strcmp(nt_rows[i].name, name))
			return (int)i;
	return -1;
}

START_TEST(row_count_matches_def)
{
	ck_assert_uint_eq(nt_nrows, def_rows);
	ck_assert_uint_gt(nt_nrows, 400);   /* 22H2 has 0x1d7 numbers */
}
END_TEST

START_TEST(number_is_index)
{
	for (unsigned i = 0; i < nt_nrows; i++)
		ck_assert_msg(nt_rows[i].number == i, "row %u (%s) has number 0x%x", i,
			      nt_rows[i].name, nt_rows[i].number);
}
END_TEST

START_TEST(names_well_formed_and_unique)
{
	for (unsigned i = 0; i < nt_nrows; i++) {
		const char *n = nt_rows[i].name;

		ck_assert_msg(n && !strncmp(n, "Nt", 2) && strlen(n) > 2, "row %u: [%s]", i,
			      n ? n : "(null)");
		for (const char *p = n; *p; p++)
			ck_assert_msg(isalnum((unsigned char)*p), "row %u: [%s]", i, n);
		for (unsigned j = i + 1; j < nt_nrows; j++)
			ck_assert_msg(strcmp(n, nt_rows[j].name), "rows %u and %u are both %s", i, j,
				      n);
	}
}
END_TEST

START_TEST(by_number_bounds)
{
	ck_assert_int_eq(nt_row_by_number(0), 0);
	ck_assert_int_eq(nt_row_by_number(nt_nrows - 1), (int)nt_nrows - 1);
	ck_assert_int_eq(nt_row_by_number(nt_nrows), -1);
	ck_assert_int_eq(nt_row_by_number((uint32_t)-1), -1);
	ck_assert_int_eq(nt_row_by_number(0x1000), -1);        /* win32k's range */
	ck_assert_int_eq(nt_row_by_number(0x10006), -1);       /* not cut to 16 bits */
	ck_assert_int_eq(nt_row_by_number(0x80000000u), -1);
}
END_TEST

START_TEST(by_number_every_row)
{
	for (unsigned i = 0; i < nt_nrows; i++)
		ck_assert_int_eq(nt_row_by_number(nt_rows[i].number), (int)i);
}
END_TEST

START_TEST(handlers_know_their_arguments)
{
	for (unsigned i = 0; i < nt_nrows; i++) {
		const struct nt_row *r = &nt_rows[i];

		if (!r->handler)
			continue;
		ck_assert_msg(r->nargs >= 0 && r->nargs <= NT_MAX_ARGS, "%s: nargs %d", r->name,
			      r->nargs);
	}
}
END_TEST

/* DIRECT: the filter hands the four register arguments over, nothing else. */
START_TEST(direct_rows)
{
	unsigned n = 0;

	for (unsigned i = 0; i < nt_nrows; i++) {
		const struct nt_row *r = &nt_rows[i];

		if (!r->direct)
			continue;
		n++;
		ck_assert_msg(r->direct == 1, "%s: direct %u", r->name, r->direct);
		ck_assert_msg(r->handler != NULL, "%s is DIRECT without a handler", r->name);
		ck_assert_msg(r->nargs >= 0 && r->nargs <= 4, "%s is DIRECT with nargs %d",
			      r->name, r->nargs);
	}
	ck_assert_uint_gt(n, 0);
}
END_TEST

START_TEST(classes_in_range)
{
	for (unsigned i = 0; i < nt_nrows; i++)
		ck_assert_msg(nt_rows[i].klass <= NT_CLASS_OTHER, "%s: class %u", nt_rows[i].name,
			      nt_rows[i].klass);
	ck_assert_uint_eq(nt_rows[row_named("NtCreateFile")].klass, NT_CLASS_FILE);
	ck_assert_uint_eq(nt_rows[row_named("NtAllocateVirtualMemory")].klass, NT_CLASS_MEMORY);
}
END_TEST

/* Spot checks against the published Windows 10 22H2 (19045) numbers. */
START_TEST(known_numbers)
{
	static const struct { const char *name; unsigned number; int nargs; } t[] = {
		{ "NtAccessCheck", 0x00, 8 },
		{ "NtReadFile", 0x06, 9 },
		{ "NtWriteFile", 0x08, 9 },
		{ "NtClose", 0x0F, 1 },
		{ "NtAllocateVirtualMemory", 0x18, 6 },
		{ "NtQueryInformationProcess", 0x19, 5 },
		{ "NtFreeVirtualMemory", 0x1E, 4 },
		{ "NtQueryVirtualMemory", 0x23, 6 },
		{ "NtMapViewOfSection", 0x28, 10 },
		{ "NtUnmapViewOfSection", 0x2A, 2 },
		{ "NtTerminateProcess", 0x2C, 2 },
		{ "NtQueryPerformanceCounter", 0x31, 2 },
		{ "NtOpenFile", 0x33, 6 },
		{ "NtDelayExecution", 0x34, 2 },
		{ "NtQuerySystemInformation", 0x36, 4 },
		{ "NtCreateSection", 0x4A, 7 },
		{ "NtProtectVirtualMemory", 0x50, 5 },
		{ "NtCreateFile", 0x55, 11 },
		{ "NtQuerySystemTime", 0x5A, 1 },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int row = row_named(t[i].name);

		ck_assert_msg(row >= 0, "%s missing", t[i].name);
		ck_assert_msg(nt_rows[row].number == t[i].number, "%s is 0x%x, want 0x%x",
			      t[i].name, nt_rows[row].number, t[i].number);
		ck_assert_msg(nt_rows[row].nargs == t[i].nargs, "%s has %d args, want %d",
			      t[i].name, nt_rows[row].nargs, t[i].nargs);
	}
}
END_TEST

/* The calls every program makes before main() are served. */
START_TEST(startup_calls_have_handlers)
{
	static const char *const need[] = {
		"NtAllocateVirtualMemory", "NtFreeVirtualMemory", "NtProtectVirtualMemory",
		"NtQueryVirtualMemory", "NtOpenFile", "NtCreateSection", "NtMapViewOfSection",
		"NtClose", "NtWriteFile", "NtTerminateProcess",
	};

	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		int row = row_named(need[i]);

		ck_assert_msg(row >= 0 && nt_rows[row].handler, "%s has no handler", need[i]);
	}
}
END_TEST

static Suite *ntcall_table_suite(void)
{
	Suite *s = suite_create("ntcall_table");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, row_count_matches_def);
	tcase_add_test(tc, number_is_index);
	tcase_add_test(tc, names_well_formed_and_unique);
	tcase_add_test(tc, by_number_bounds);
	tcase_add_test(tc, by_number_every_row);
	tcase_add_test(tc, handlers_know_their_arguments);
	tcase_add_test(tc, direct_rows);
	tcase_add_test(tc, classes_in_range);
	tcase_add_test(tc, known_numbers);
	tcase_add_test(tc, startup_calls_have_handlers);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(ntcall_table_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
