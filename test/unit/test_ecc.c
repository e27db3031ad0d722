/*
 * Unit tests for bcrypt.dll's elliptic curves (src/win32/bcrypt/ecc*.c),
 * built for the host.  The keys, signatures and shared values below were
 * made once with another implementation (Python's "cryptography" package
 * over OpenSSL): on P-256 and P-384, a private key d with its public
 * point, a second key's public point, an ECDSA signature (SHA-256,
 * SHA-384) of "abc" by d, and the ECDH shared value of d and the second
 * point.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "bcrypt/ecc.h"
#include "bcrypt/hash.h"
#include "bn_vectors.h"

struct ecc_vector {
	unsigned bits;
	const struct hash_alg *hash;
	const char *d, *qx, *qy, *q2x, *q2y, *sig, *shared;
};

static const struct ecc_vector vectors[] = {
	{ 256, &hash_sha256,
	  "e8d8570887e7587d15c8339bf48448c1d9d712d7a7a5d4853399b337c1a95a84",
	  "48422a1a08e0c2c03f8dd2677ee354a24511f7e6fc9ddd81e20b109cdb4715a3",
	  "57b991837f8efd70ad979a6a85595dabd74a7cb9ff33e371f78989dcae99fc48",
	  "f3c648b03740e776172c1a0b7c15393ed0657b4d54cafdb3abdbbc3322d1340b",
	  "bd69866cbdae5977a53ae6b3d0b48d430fd0a77d8a8f819ef8106eaba31b90f5",
	  "d4d63df6ab662bdf1d69e0d40780b0ac8ce6d212e3bcea11227a9d37ceb5aece"
	  "4116ca4ea5a514bf4f3b487e661469240d7106d2f8a1a81d5b77660905fed1d4",
	  "4323a578f64aa15761dbe5da89031320106c563c5449a77a92adb1e624a6c3ba" },
	{ 384, &hash_sha384,
	  "429eef7511beb162acb518ad30418bfe6dbccf334acfed8f258d2b1886fb3d69"
	  "4db44384c22c2f16a472741b1fa2e959",
	  "211fa36a1808075dbc4984d6920fbd44b91ee715c9f9dfc25ba3ff1198d07135"
	  "a5a8aca1cbf3e04da3bcc13cbe235da6",
	  "5f957685bead8e673026f4d319f39fed8f609ec99bed94e52bd04ba228eed144"
	  "1bd6c194a07f369e2bfca5a945419120",
	  "a4578edd3b2614a269ff17b121dc3d03b18c9da56db6e0079f80c189811c5cf1"
	  "5c53484d8ad0452ed201c5c329d12fbe",
	  "af3f6b87aa44d3d4eaa0b7992e9ddb96dbc96f5cffc146204eaa94581d0fb44a"
	  "2d7af7275cf36861c80c8ed69d8e7bb4",
	  "ead3e6238cae859b8e15f9ae14e9d4ea9a3cafc8b89e4a6a75b18c4cc4880f68"
	  "e80784f91d1696bbdb70bcd69dde1fa00bde79415dec1aaec8d0fd5c605df1d2"
	  "c5de86d5dcb9eb0b74888c8c8a77921fca322f2291151f2451acc9017a62632a",
	  "e86ad3b818315f384509661462df8da630d34c82919d58c8dc0443b4e4048861"
	  "5f6ab77f0cc2def93f3abc4f3c66f8b4" },
};

static void point_hex(struct ecc_point *p, const char *x, const char *y)
{
	p->infinity = 0;
	bn_hex(&p->x, x);
	bn_hex(&p->y, y);
}

static void test_random(uint8_t *out, size_t len)
{
	static uint8_t state = 7;

	for (size_t i = 0; i < len; i++)
		out[i] = state = (uint8_t)(state * 73 + 41);
}

static void digest(const struct hash_alg *a, const char *msg, uint8_t *out)
{
	struct hash_ctx h;

	hash_init(&h, a);
	hash_update(&h, a, msg, strlen(msg));
	hash_final(&h, a, out);
}

START_TEST(public_point_of_d)
{
	const struct ecc_vector *v = &vectors[_i];
	struct ecc_point g, q, expect;
	struct ecc_curve c;
	struct bn d;

	ck_assert_int_eq(ecc_curve_load(&c, v->bits), 0);
	g.infinity = 0;
	g.x = c.gx;
	g.y = c.gy;
	ck_assert(ecc_on_curve(&c, &g));
	bn_hex(&d, v->d);
	ecc_mul(&c, &q, &d, &g);
	point_hex(&expect, v->qx, v->qy);
	ck_assert_int_eq(bn_cmp(&q.x, &expect.x), 0);
	ck_assert_int_eq(bn_cmp(&q.y, &expect.y), 0);
	ck_assert(ecc_on_curve(&c, &q));
	q.y.d[0] ^= 1;
	ck_assert(!ecc_on_curve(&c, &q));
	/* n * G is the point at infinity. */
	ecc_mul(&c, &q, &c.n, &g);
	ck_assert(q.infinity);
}
END_TEST

START_TEST(signatures_verify)
{
	const struct ecc_vector *v = &vectors[_i];
	uint8_t h[HASH_MAX_DIGEST], sig[2 * ECC_MAX_BYTES];
	struct ecc_curve c;
	struct ecc_point q;
	struct bn d;

	ck_assert_int_eq(ecc_curve_load(&c, v->bits), 0);
	point_hex(&q, v->qx, v->qy);
	digest(v->hash, "abc", h);
	unhex(v->sig, sig);
	ck_assert_int_eq(ecdsa_verify(&c, &q, h, v->hash->digest_len, sig), 0);
	sig[3] ^= 0x10;
	ck_assert_int_eq(ecdsa_verify(&c, &q, h, v->hash->digest_len, sig), -1);
	bn_hex(&d, v->d);
	ecdsa_sign(&c, &d, h, v->hash->digest_len, sig, test_random);
	ck_assert_int_eq(ecdsa_verify(&c, &q, h, v->hash->digest_len, sig), 0);
	h[0] ^= 1;
	ck_assert_int_eq(ecdsa_verify(&c, &q, h, v->hash->digest_len, sig), -1);
}
END_TEST

START_TEST(shared_value_matches)
{
	const struct ecc_vector *v = &vectors[_i];
	uint8_t z[ECC_MAX_BYTES], expect[ECC_MAX_BYTES];
	struct ecc_curve c;
	struct ecc_point q2;
	struct bn d;

	ck_assert_int_eq(ecc_curve_load(&c, v->bits), 0);
	point_hex(&q2, v->q2x, v->q2y);
	bn_hex(&d, v->d);
	ck_assert_int_eq(ecdh_shared(&c, &d, &q2, z), 0);
	unhex(v->shared, expect);
	ck_assert_mem_eq(z, expect, c.bytes);
}
END_TEST

START_TEST(generated_key_is_on_curve)
{
	struct ecc_curve c;
	struct ecc_point q;
	struct bn d;

	ck_assert_int_eq(ecc_curve_load(&c, 256), 0);
	ecc_generate(&c, &d, &q, test_random);
	ck_assert(!bn_is_zero(&d) && bn_cmp(&d, &c.n) < 0);
	ck_assert(ecc_on_curve(&c, &q));
	ck_assert_int_eq(ecc_curve_load(&c, 521), -1);
}
END_TEST

static Suite *ecc_suite(void)
{
	Suite *s = suite_create("ecc");
	TCase *t = tcase_create("core");
	int n = (int)(sizeof(vectors) / sizeof(vectors[0]));

	tcase_set_timeout(t, 60);
	tcase_add_loop_test(t, public_point_of_d, 0, n);
	tcase_add_loop_test(t, signatures_verify, 0, n);
	tcase_add_loop_test(t, shared_value_matches, 0, n);
	tcase_add_test(t, generated_key_is_on_curve);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(ecc_suite());
	int failed;

	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
