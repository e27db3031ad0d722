/*
 * Unit tests for the security descriptors objects keep
 * (src/emul/security/sd_build.c, sd_capture.c's ACL check): the
 * self-relative layout, the parts a SECURITY_INFORMATION selects, a
 * change merged in (the owner only the token's user), the default made
 * from a token, and malformed ACLs refused.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "emul/emul.h"
#include "emul/security/object_sd.h"
#include "emul/security/token.h"

static const uint8_t user_sid[28] = { 1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 0, 0, 0, 0,
				      0, 0, 0, 0, 0, 0, 0, 0, 0xe8, 3, 0, 0 };
static const uint8_t world_sid[12] = { 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0 };

/* An ACL of one ACCESS_ALLOWED ACE for world, mask 0x1F0003. */
static void world_acl(uint8_t acl[28])
{
	memset(acl, 0, 28);
	acl[0] = 2;                 /* ACL_REVISION */
	acl[2] = 28;                /* AclSize */
	acl[4] = 1;                 /* AceCount */
	acl[8 + 2] = 20;            /* AceSize */
	acl[8 + 4] = 0x03;
	acl[8 + 6] = 0x1F;
	memcpy(acl + 16, world_sid, sizeof(world_sid));
}

START_TEST(layout_round_trip)
{
	uint8_t acl[28];
	struct sd_parts p = { .control = SE_DACL_PRESENT, .owner = user_sid, .owner_len = 28,
			      .group = world_sid, .group_len = 12, .dacl = acl, .dacl_len = 28 };
	struct sd_parts back;
	struct object_sd sd;
	uint32_t off[4];

	world_acl(acl);
	sd = sd_build(&p);
	ck_assert_ptr_nonnull(sd.bytes);
	ck_assert_uint_eq(sd.len, 20 + 28 + 12 + 28);
	ck_assert_uint_eq(sd.bytes[0], 1);
	ck_assert_uint_eq(sd.bytes[2] | sd.bytes[3] << 8, SE_DACL_PRESENT | SE_SELF_RELATIVE);
	memcpy(off, sd.bytes + 4, sizeof(off));
	ck_assert_uint_eq(off[0], 20);      /* owner, group, no SACL, DACL */
	ck_assert_uint_eq(off[1], 48);
	ck_assert_uint_eq(off[2], 0);
	ck_assert_uint_eq(off[3], 60);
	sd_parse(sd.bytes, &back);
	ck_assert_uint_eq(back.control, SE_DACL_PRESENT);
	ck_assert_mem_eq(back.owner, user_sid, 28);
	ck_assert_mem_eq(back.dacl, acl, 28);
	ck_assert_ptr_null(back.sacl);
	free(sd.bytes);
}
END_TEST

START_TEST(select_parts)
{
	uint8_t acl[28];
	struct sd_parts p = { .control = SE_DACL_PRESENT | SE_GROUP_DEFAULTED, .owner = user_sid,
			      .owner_len = 28, .group = world_sid, .group_len = 12, .dacl = acl,
			      .dacl_len = 28 };
	struct sd_parts some;

	world_acl(acl);
	some = sd_select(&p, GROUP_SECURITY_INFORMATION);
	ck_assert_ptr_null(some.owner);
	ck_assert_ptr_null(some.dacl);
	ck_assert_ptr_nonnull(some.group);
	ck_assert_uint_eq(some.control, SE_GROUP_DEFAULTED);   /* no DACL bits */
	some = sd_select(&p, DACL_SECURITY_INFORMATION);
	ck_assert_uint_eq(some.control, SE_DACL_PRESENT);
	ck_assert_ptr_null(some.group);
}
END_TEST

START_TEST(merge_rules)
{
	struct token_state s;
	struct sd_parts given = { .owner = world_sid, .owner_len = 12, .group = world_sid,
				  .group_len = 12 };
	struct sd_parts now;
	struct object_sd sd;

	token_state_init(&s);
	sd = sd_default(&s);
	ck_assert_ptr_nonnull(sd.bytes);
	/* only the user may own it; the group may be anything */
	ck_assert_uint_eq(sd_merge(&sd, &given, OWNER_SECURITY_INFORMATION),
			  SD_STATUS_INVALID_OWNER);
	ck_assert_uint_eq(sd_merge(&sd, &given, GROUP_SECURITY_INFORMATION), LSW_STATUS_SUCCESS);
	sd_parse(sd.bytes, &now);
	ck_assert_mem_eq(now.group, world_sid, 12);
	ck_assert_mem_eq(now.owner, user_sid, 28);
	/* a DACL not given with DACL_SECURITY_INFORMATION: a NULL DACL */
	ck_assert_uint_eq(sd_merge(&sd, &given, DACL_SECURITY_INFORMATION), LSW_STATUS_SUCCESS);
	sd_parse(sd.bytes, &now);
	ck_assert(now.control & SE_DACL_PRESENT);
	ck_assert_ptr_null(now.dacl);
	/* no group at all is refused */
	given.group = NULL;
	ck_assert_uint_eq(sd_merge(&sd, &given, GROUP_SECURITY_INFORMATION),
			  SD_STATUS_INVALID_PRIMARY_GROUP);
	free(sd.bytes);
}
END_TEST

START_TEST(default_from_token)
{
	struct token_state s;
	struct object_sd sd;
	struct sd_parts p;

	token_state_init(&s);
	sd = sd_default(&s);
	sd_parse(sd.bytes, &p);
	ck_assert_mem_eq(p.owner, user_sid, 28);
	ck_assert_uint_eq(p.group_len, 28);      /* S-1-5-21-0-0-0-513 */
	ck_assert_uint_eq(p.group[24], 0x01);
	ck_assert_uint_eq(p.group[25], 0x02);
	ck_assert(p.control & SE_DACL_PRESENT);
	ck_assert_ptr_nonnull(p.dacl);
	ck_assert(sd_acl_valid(p.dacl, p.dacl_len));
	ck_assert_uint_eq(p.control & (SE_OWNER_DEFAULTED | SE_GROUP_DEFAULTED), 0);
	free(sd.bytes);
}
END_TEST

START_TEST(acl_checks)
{
	uint8_t acl[28];

	world_acl(acl);
	ck_assert(sd_acl_valid(acl, 28));
	ck_assert(!sd_acl_valid(acl, 24));           /* AclSize says 28 */
	acl[0] = 1;                                  /* revision 1 */
	ck_assert(!sd_acl_valid(acl, 28));
	world_acl(acl);
	acl[8 + 2] = 24;                             /* the ACE past the ACL */
	ck_assert(!sd_acl_valid(acl, 28));
	world_acl(acl);
	acl[8 + 2] = 2;                              /* an ACE smaller than its header */
	ck_assert(!sd_acl_valid(acl, 28));
	world_acl(acl);
	acl[17] = 5;                                 /* its SID longer than the ACE */
	ck_assert(!sd_acl_valid(acl, 28));
	world_acl(acl);
	acl[4] = 2;                                  /* two ACEs counted, one there */
	ck_assert(!sd_acl_valid(acl, 28));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("secdesc");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, layout_round_trip);
	tcase_add_test(tc, select_parts);
	tcase_add_test(tc, merge_rules);
	tcase_add_test(tc, default_from_token);
	tcase_add_test(tc, acl_checks);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
