/*
 * Unit tests for handle tables and object references (src/emul/object/handle.c):
 * values 4, 8, 12, ... as on Windows, the low two bits ignored on lookup,
 * type checks, slot reuse (a free list), the pool quota the table and
 * objects are charged to, and destroy called once when the last
 * reference goes.
 */
#include <check.h>
#include <stdlib.h>

#include "emul/object/object.h"

#define ST_SUCCESS 0x00000000u
#define ST_INVALID_HANDLE 0xC0000008u
#define ST_TYPE_MISMATCH 0xC0000024u
#define ST_QUOTA_EXCEEDED 0xC0000044u

NTSTATUS nt_NtClose(struct nt_call *c);   /* the table's handler */

struct fake {
	struct nt_object obj;   /* first: destroy gets &obj */
	int id;
};

static int destroyed;
static int last_destroyed_id;

static void fake_destroy(struct nt_object *obj)
{
	struct fake *f = (struct fake *)obj;

	destroyed++;
	last_destroyed_id = f->id;
	free(f);
}

static const struct nt_object_ops file_ops = { .type_name = "File", .destroy = fake_destroy };
static const struct nt_object_ops section_ops = { .type_name = "Section", .destroy = fake_destroy };

static struct lsw_process *proc;

static void setup(void)
{
	proc = calloc(1, sizeof(*proc));
	ck_assert_ptr_nonnull(proc);
	destroyed = 0;
	last_destroyed_id = -1;
}

static void teardown(void)
{
	handle_table_free(proc);
	free(proc);
}

static struct nt_object *new_obj(const struct nt_object_ops *ops, int id)
{
	struct fake *f = calloc(1, sizeof(*f));

	ck_assert_ptr_nonnull(f);
	object_init(&f->obj, ops);
	f->id = id;
	return &f->obj;
}

/* A new object in the table only: the creator's reference is dropped. */
static uint64_t put(const struct nt_object_ops *ops, int id)
{
	struct nt_object *o = new_obj(ops, id);
	uint64_t h = handle_alloc(proc, o, 0x1F01FF);

	object_unref(o);
	return h;
}

START_TEST(init_sets_one_reference)
{
	struct nt_object *o = new_obj(&file_ops, 1);

	ck_assert_ptr_eq(o->ops, &file_ops);
	ck_assert_uint_eq(o->refs, 1);
	ck_assert_ptr_eq(object_ref(o), o);
	ck_assert_uint_eq(o->refs, 2);
	object_unref(o);
	ck_assert_int_eq(destroyed, 0);
	object_unref(o);
	ck_assert_int_eq(destroyed, 1);
	object_unref(NULL);   /* allowed, does nothing */
	ck_assert_int_eq(destroyed, 1);
}
END_TEST

START_TEST(alloc_values_are_multiples_of_four)
{
	for (uint64_t i = 1; i <= 10; i++)
		ck_assert_uint_eq(put(&file_ops, (int)i), 4 * i);
}
END_TEST

START_TEST(alloc_records_access_and_reference)
{
	struct nt_object *o = new_obj(&file_ops, 1);
	uint64_t h = handle_alloc(proc, o, 0x120089);

	ck_assert_uint_eq(h, 4);
	ck_assert_uint_eq(o->refs, 2);
	ck_assert_uint_eq(proc->handles.e[0].access, 0x120089);
	ck_assert_ptr_eq(proc->handles.e[0].obj, o);
	object_unref(o);
}
END_TEST

START_TEST(get_right_type)
{
	uint64_t h = put(&file_ops, 7);
	NTSTATUS st = 0x12345678;
	struct nt_object *o = handle_get(proc, h, &file_ops, &st);

	ck_assert_ptr_nonnull(o);
	ck_assert_int_eq(((struct fake *)o)->id, 7);
	ck_assert_uint_eq(st, 0x12345678);   /* untouched on success */
	ck_assert_ptr_eq(handle_get(proc, h, NULL, &st), o);   /* any type */
	ck_assert_uint_eq(o->refs, 1);       /* a lookup takes no reference */
}
END_TEST

START_TEST(get_wrong_type)
{
	uint64_t h = put(&file_ops, 1);
	NTSTATUS st = 0;

	ck_assert_ptr_null(handle_get(proc, h, &section_ops, &st));
	ck_assert_uint_eq(st, ST_TYPE_MISMATCH);
}
END_TEST

START_TEST(get_closed)
{
	uint64_t h = put(&file_ops, 1);
	NTSTATUS st = 0;

	ck_assert_uint_eq(handle_close(proc, h), ST_SUCCESS);
	ck_assert_ptr_null(handle_get(proc, h, &file_ops, &st));
	ck_assert_uint_eq(st, ST_INVALID_HANDLE);
	st = 0;
	ck_assert_ptr_null(handle_get(proc, h, NULL, &st));
	ck_assert_uint_eq(st, ST_INVALID_HANDLE);
	ck_assert_uint_eq(handle_close(proc, h), ST_INVALID_HANDLE);
}
END_TEST

START_TEST(get_never_allocated)
{
	static const uint64_t bad[] = {
		0, 1, 2, 3, 8, 64 * 4, 65 * 4, 0x7FFFFFFC, 0xFFFFFFFC,
		(1ull << 32) | 4,            /* 4 with high bits: not handle 4 */
		NT_CURRENT_PROCESS_HANDLE, NT_CURRENT_THREAD_HANDLE,
	};

	put(&file_ops, 1);   /* handle 4 exists */
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		NTSTATUS st = 0;

		ck_assert_msg(!handle_get(proc, bad[i], NULL, &st), "0x%llx found",
			      (unsigned long long)bad[i]);
		ck_assert_uint_eq(st, ST_INVALID_HANDLE);
		ck_assert_uint_eq(handle_close(proc, bad[i]), ST_INVALID_HANDLE);
	}
}
END_TEST

/* An empty table: nothing to find, nothing allocated yet. */
START_TEST(get_empty_table)
{
	NTSTATUS st = 0;

	ck_assert_ptr_null(handle_get(proc, 4, NULL, &st));
	ck_assert_uint_eq(st, ST_INVALID_HANDLE);
	ck_assert_uint_eq(handle_close(proc, 4), ST_INVALID_HANDLE);
}
END_TEST

START_TEST(low_bits_ignored)
{
	uint64_t h1 = put(&file_ops, 1), h2 = put(&section_ops, 2);
	NTSTATUS st;

	for (uint64_t tag = 0; tag < 4; tag++) {
		ck_assert_int_eq(((struct fake *)handle_get(proc, h1 | tag, &file_ops, &st))->id, 1);
		ck_assert_int_eq(((struct fake *)handle_get(proc, h2 | tag, &section_ops, &st))->id,
				 2);
	}
	/* closing with a tag closes the handle */
	ck_assert_uint_eq(handle_close(proc, h2 | 3), ST_SUCCESS);
	ck_assert_int_eq(destroyed, 1);
	ck_assert_ptr_null(handle_get(proc, h2, NULL, &st));
}
END_TEST

/* A free list, as Windows keeps one: the value closed last comes back
 * first, and the table does not grow while one is free. */
START_TEST(freed_slots_reused_last_closed_first)
{
	for (int i = 1; i <= 5; i++)
		put(&file_ops, i);
	ck_assert_uint_eq(handle_close(proc, 8), ST_SUCCESS);
	ck_assert_uint_eq(handle_close(proc, 16), ST_SUCCESS);
	ck_assert_uint_eq(put(&file_ops, 6), 16);
	ck_assert_uint_eq(put(&file_ops, 7), 8);
	ck_assert_uint_eq(put(&file_ops, 8), 24);
	ck_assert_uint_eq(handle_close(proc, 4), ST_SUCCESS);
	ck_assert_uint_eq(put(&file_ops, 9), 4);
	ck_assert_uint_eq(proc->handles.used, 6);
}
END_TEST

/* Past the process's paged quota the table cannot grow:
 * STATUS_QUOTA_EXCEEDED, and the object's body charge goes back with it. */
START_TEST(quota_bounds_the_table)
{
	struct nt_object *o = new_obj(&file_ops, 1);
	uint64_t h = 0, n = 0;
	NTSTATUS st;

	proc->quota = quota_block_new(64 * sizeof(struct handle_entry), OBJECT_BODY_CHARGE);
	while ((st = handle_create(proc, o, 0, &h)) == ST_SUCCESS)
		n++;
	ck_assert_uint_eq(st, ST_QUOTA_EXCEEDED);
	ck_assert_uint_eq(h, 0);
	ck_assert_uint_eq(n, 64);
	ck_assert_uint_eq(proc->quota->usage[QUOTA_NONPAGED], OBJECT_BODY_CHARGE);
	ck_assert_uint_eq(handle_close(proc, 4), ST_SUCCESS);
	ck_assert_uint_eq(handle_create(proc, o, 0, &h), ST_SUCCESS);
	ck_assert_uint_eq(h, 4);
	object_unref(o);
	handle_table_free(proc);
	ck_assert_uint_eq(proc->quota->usage[QUOTA_PAGED], 0);
	ck_assert_uint_eq(proc->quota->usage[QUOTA_NONPAGED], 0);
	ck_assert_uint_eq(proc->quota->peak[QUOTA_PAGED], 64 * sizeof(struct handle_entry));
	ck_assert_int_eq(destroyed, 1);
	quota_block_unref(proc->quota);
	proc->quota = NULL;
}
END_TEST

/* An object's charges stay with its payer's block after the process
 * that paid let go of it, and return when the object goes. */
START_TEST(object_charge_outlives_process_reference)
{
	struct nt_object *o = new_obj(&file_ops, 1);
	struct quota_block *q = quota_block_new(1000, 1000);

	proc->quota = q;
	ck_assert_uint_eq(object_charge(o, proc, QUOTA_PAGED, 600), ST_SUCCESS);
	ck_assert_uint_eq(object_charge(o, proc, QUOTA_PAGED, 600), ST_QUOTA_EXCEEDED);
	ck_assert_uint_eq(object_charge(o, proc, QUOTA_PAGED, 400), ST_SUCCESS);
	ck_assert_uint_eq(q->refs, 2);
	quota_block_ref(q);         /* the test's own */
	quota_block_unref(q);       /* the process's goes */
	proc->quota = NULL;
	ck_assert_uint_eq(q->usage[QUOTA_PAGED], 1000);
	object_unref(o);
	ck_assert_uint_eq(q->usage[QUOTA_PAGED], 0);
	ck_assert_uint_eq(q->refs, 1);
	quota_block_unref(q);
}
END_TEST

/* The table grows past its first 64 slots; every handle stays valid. */
START_TEST(grows)
{
	NTSTATUS st;

	for (int i = 1; i <= 300; i++)
		ck_assert_uint_eq(put(&file_ops, i), 4 * (uint64_t)i);
	ck_assert_uint_ge(proc->handles.n, 300);
	for (int i = 1; i <= 300; i++)
		ck_assert_int_eq(((struct fake *)handle_get(proc, 4 * (uint64_t)i, &file_ops, &st))->id,
				 i);
}
END_TEST

/* Two handles and the creator's reference: destroy once, after the last. */
START_TEST(destroy_once_after_last_reference)
{
	struct nt_object *o = new_obj(&file_ops, 42);
	uint64_t h1 = handle_alloc(proc, o, 0), h2 = handle_alloc(proc, o, 0);

	ck_assert_uint_eq(o->refs, 3);
	object_unref(o);
	ck_assert_uint_eq(handle_close(proc, h1), ST_SUCCESS);
	ck_assert_int_eq(destroyed, 0);
	ck_assert_uint_eq(o->refs, 1);
	ck_assert_uint_eq(handle_close(proc, h2), ST_SUCCESS);
	ck_assert_int_eq(destroyed, 1);
	ck_assert_int_eq(last_destroyed_id, 42);
	ck_assert_uint_eq(handle_close(proc, h2), ST_INVALID_HANDLE);
	ck_assert_int_eq(destroyed, 1);
}
END_TEST

/* A reference held outside the table outlives the handle. */
START_TEST(reference_outlives_handle)
{
	struct nt_object *o = new_obj(&file_ops, 5);
	uint64_t h = handle_alloc(proc, o, 0);

	ck_assert_uint_eq(handle_close(proc, h), ST_SUCCESS);
	ck_assert_int_eq(destroyed, 0);
	object_unref(o);
	ck_assert_int_eq(destroyed, 1);
}
END_TEST

START_TEST(table_free_releases_all)
{
	struct nt_object *kept = new_obj(&section_ops, 99);

	for (int i = 1; i <= 100; i++)
		put(i % 2 ? &file_ops : &section_ops, i);
	handle_close(proc, 40);            /* an empty slot on the way */
	handle_alloc(proc, kept, 0);       /* fills 40 again */
	handle_alloc(proc, kept, 0);
	ck_assert_int_eq(destroyed, 1);
	handle_table_free(proc);
	ck_assert_int_eq(destroyed, 100);  /* all but kept */
	ck_assert_ptr_null(proc->handles.e);
	ck_assert_uint_eq(proc->handles.n, 0);
	ck_assert_uint_eq(kept->refs, 1);
	object_unref(kept);
	ck_assert_int_eq(destroyed, 101);
	/* the table works again after a free */
	ck_assert_uint_eq(put(&file_ops, 1), 4);
}
END_TEST

START_TEST(nt_close)
{
	struct lsw_thread t = { .process = proc };
	struct nt_call c = { .thread = &t };
	uint64_t h = put(&file_ops, 1);

	c.args[0] = NT_CURRENT_PROCESS_HANDLE;
	ck_assert_uint_eq(nt_NtClose(&c), ST_SUCCESS);
	c.args[0] = NT_CURRENT_THREAD_HANDLE;
	ck_assert_uint_eq(nt_NtClose(&c), ST_SUCCESS);
	c.args[0] = h;
	ck_assert_uint_eq(nt_NtClose(&c), ST_SUCCESS);
	ck_assert_int_eq(destroyed, 1);
	ck_assert_uint_eq(nt_NtClose(&c), ST_INVALID_HANDLE);
	c.args[0] = 0;
	ck_assert_uint_eq(nt_NtClose(&c), ST_INVALID_HANDLE);
}
END_TEST

/* Inheritance copies the inheritable handles to the same values in the
 * child, charges the child for its table, and leaves its free list whole:
 * new handles take the gaps, lowest first, then go past the end. */
START_TEST(inherit_same_values_free_list_whole)
{
	struct lsw_process *child = calloc(1, sizeof(*child));
	uint64_t h4 = put(&file_ops, 1), h8 = put(&file_ops, 2), h12 = put(&file_ops, 3);
	uint64_t list[] = { h12, h8, 0x1000, 0x100000000ull };
	struct nt_object *o = new_obj(&section_ops, 4);

	ck_assert_ptr_nonnull(child);
	child->quota = quota_block_new(1 << 20, 1 << 20);
	*handle_flags(proc, h4) |= 1;  /* HANDLE_FLAG_INHERIT */
	*handle_flags(proc, h12) |= 1;
	ck_assert_int_eq(handle_inherit(proc, child, NULL, 0), 0);
	ck_assert_uint_eq(handle_count(child), 2);
	ck_assert_uint_eq(child->quota->usage[QUOTA_PAGED],
			  child->handles.n * sizeof(struct handle_entry));
	ck_assert_ptr_eq(handle_get(child, 4, NULL, &(NTSTATUS){ 0 }), handle_get(proc, h4, NULL,
			 &(NTSTATUS){ 0 }));
	ck_assert_uint_eq(handle_access(child, 12), 0x1F01FF);
	ck_assert_uint_eq(handle_alloc(child, o, 1), 8);
	ck_assert_uint_eq(handle_alloc(child, o, 1), 16);
	ck_assert_uint_eq(handle_count(child), 4);
	handle_table_free(child);
	ck_assert_uint_eq(child->quota->usage[QUOTA_PAGED], 0);
	/* a list: only its inheritable, valid entries */
	ck_assert_int_eq(handle_inherit(proc, child, list, 4), 0);
	ck_assert_uint_eq(handle_count(child), 1);
	ck_assert_uint_eq(handle_alloc(child, o, 1), 4);
	ck_assert_uint_eq(handle_alloc(child, o, 1), 8);
	ck_assert_uint_eq(handle_alloc(child, o, 1), 16);
	object_unref(o);
	handle_table_free(child);
	quota_block_unref(child->quota);
	free(child);
	ck_assert_int_eq(destroyed, 1);
}
END_TEST

static Suite *handles_suite(void)
{
	Suite *s = suite_create("handles");
	TCase *tc = tcase_create("handles");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, init_sets_one_reference);
	tcase_add_test(tc, alloc_values_are_multiples_of_four);
	tcase_add_test(tc, alloc_records_access_and_reference);
	tcase_add_test(tc, get_right_type);
	tcase_add_test(tc, get_wrong_type);
	tcase_add_test(tc, get_closed);
	tcase_add_test(tc, get_never_allocated);
	tcase_add_test(tc, get_empty_table);
	tcase_add_test(tc, low_bits_ignored);
	tcase_add_test(tc, freed_slots_reused_last_closed_first);
	tcase_add_test(tc, quota_bounds_the_table);
	tcase_add_test(tc, object_charge_outlives_process_reference);
	tcase_add_test(tc, grows);
	tcase_add_test(tc, destroy_once_after_last_reference);
	tcase_add_test(tc, reference_outlives_handle);
	tcase_add_test(tc, table_free_releases_all);
	tcase_add_test(tc, nt_close);
	tcase_add_test(tc, inherit_same_values_free_list_whole);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(handles_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
