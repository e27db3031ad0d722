/*
 * Unit tests for bcrypt.dll's big numbers, RSA and DSA (src/win32/bcrypt/
 * bignum.c, bn_mont.c, prime.c, rsa*.c, dsa.c), built for the host.  The key and the
 * signatures and cipher texts below were made once with another RSA
 * implementation (Python's "cryptography" package over OpenSSL): a
 * 1024-bit key with e = 65537, a PKCS #1 v1.5 and a PSS (MGF1-SHA-256,
 * 32-byte salt) SHA-256 signature of "abc", and an OAEP (SHA-1, no label)
 * and a PKCS #1 v1.5 encryption of "Hello World!"; likewise a 1024-bit
 * DSA key and its SHA-1 signature of "abc".
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "bcrypt/rsa.h"
#include "bcrypt/dsa.h"
#include "bn_vectors.h"

#define K_N \
	"b2942e4a552ad620170ba3f775d54f62c7ed11288a2fafbf19b9b73b442dae72" \
	"5b11509c219f920ad601722136eb2ceeb6b618c3b805f64d5cbbc87a2b55040d" \
	"a2e11b198dde090bbd7eb64619186691776e30eee877e748e766aff654ba9dab" \
	"8f4f3058c7545d9d57f87aff6db55de71c039dd6237d61f29e8040c21fe44545"
#define K_P \
	"d69d483f339396550e91e14f210749a41add4057165a3c253ff56f8430d0ce61" \
	"2fb535798eba878b5012c702c859b18c619319de98263a514e50900300fae039"
#define K_Q \
	"d503f4ee8e75d60b31d7a4e57c3f2f1d9469ecdb9fcb976190213c0ecce0cf22" \
	"0591186f4c74d23493263f8081228214db7ff420a6b7824d931d98f30bdf356d"
#define K_DP \
	"78c2e5dd525b50b329d0a2545144758696eb3a82067cdded23f12a3fdaec13c5" \
	"12004847cf2d5c89e293be51ed84b2e8481b6aea1af91fc59268b8b04803e2d9"
#define K_DQ \
	"00622f70b684f3cbb55d4408bdbe876130413891f4a9b32e13ca5b87534b1c54" \
	"5d5a33870fc62e12b6291d7827c35e2497789581f18ae70b28b6a6edd9199fc9"
#define K_QINV \
	"a5df72fda18d126ef9599e9457b8e768d71b2dab282bfe461b94a3ace3fa8ce9" \
	"563d30bf3f202098091ea9bf6d70de7f24c7aa39fabbcb3ee283f74fc7d56725"
#define K_SIG_PKCS1 \
	"576ad4d0c983d9af62ab9407378e3b600e75376a819c131c5fc3f9da88be6703" \
	"9979bae33c12c299a1f1718c81c68c494690ef3b89754bb2ab5ac6936754559f" \
	"b86c9d1013ddbd199cf91ce216bd3a752cd9efcba62956b06bacb7e411d8a6bd" \
	"d7117073a411866538abe1e844a79694be79a508ac2478bbf2025e4dac1313a8"
#define K_SIG_PSS \
	"246707d3f150dfa51b33f85b02329ae43d86cdcd95cf5282e4b78cf0d2792b80" \
	"0bb8cc47de772de8bfa516edfac0098d2734f61ce14f7fc72d3abe35edfcb96e" \
	"24ba7e76f035553474b273c9abf3f020e0118bbfbb1f656d4862b6cc9f5a83a3" \
	"7be771fe58c93a12176f3a53f93f10ce06160789720bc0d150087b4f388df952"
#define K_CT_OAEP \
	"4748f73765aadd643e808e7b6ce4f377b13607830ed15857f793ec41a4c4e50f" \
	"6a87184419f43a65c6f7f8062e5e3a3e2c383066206240d515edb8ff941600c5" \
	"8203f2dede2af6bdbc59a7286c8870931cff4e7245c42316c3ca405cb542d9f4" \
	"196ebe279542f639947fb1d8b2d00fb84a776e030847065b5af82e8583412a92"
#define K_CT_PKCS \
	"6cd8bc39d42306d169c427f8a229752276f6f5df4210f1e06d937e8b7e57d13d" \
	"940cda2bfa02fa4850cb5d7f9f0e76d019b005d33f8edf16a195d381d36a6693" \
	"1b61659d096dda28ce5a309d5750ad6dde200150d986786000c1dc9197e50921" \
	"3662fb14d84cebb58454064888811d2d04b8658cae8cac4fcd52a2705de63af3"

#define DSA_P \
	"a32e365fcf3800839432a54d766f704048b2f559688dd16d5c3379ad8a343956" \
	"9e8d3857576bfe982ced6b760b245e092f7dea8941c6ce5c03e1fc9c643ff2d7" \
	"d3d139e3477c35049a4118dce0c14fb4ff0aa5d7f4cc92302fcc3464390247db" \
	"22df1528d82b77cd739841934e888d43eb843b001b852e0210843f4e687f6a99"
#define DSA_Q \
	"91a1b7a6d93a81814cbb0a952815aa5f7d136ac3"
#define DSA_G \
	"4726315deee8d929a289b5f95665de8d930e9cdff364c31004065c6ddc2b4d4b" \
	"d10a81e533499065c02b3310afd80bcba4c4f52dc8e3579a669bbfd22b008669" \
	"a1f4d0ef140e69ef05030faf43b52cfba6860243c02eb4204b8c90ee6723fb16" \
	"fd8495fc2a49b3b0abf35e17699e48fb7009edac6ea75f1e1a3d51ad58aacebf"
#define DSA_Y \
	"96f4f3bba7833011ebcb8bd12f4c0687463be820a4791f78cae1356c0cf9054c" \
	"8b567f0e8e1f6ee87a3fb8fd0a4660cac5e59fb1f002f95156ae5df83823878b" \
	"5914a4967f09393279f69d25e834272add48317f7bc858e29d2c686acd9c2243" \
	"4a19a0e2c129c37767eec0dc6203684b1a9a8fe29bdd8db2eac08f99bfc6c606"
#define DSA_X \
	"4e78697dd4bf88776ac7add80c382f05a83e534b"
#define DSA_SIG \
	"371ca26546963507d34f298dd4bc0b73b28e3916083ae7b305c1c059cae08882" \
	"2c94451109ce3780"

/* A deterministic stand-in for the RNG: a counter through SHA-256. */
static void test_random(uint8_t *out, size_t len)
{
	static uint32_t counter;
	uint8_t block[HASH_MAX_DIGEST], c[4];
	struct hash_ctx h;

	while (len) {
		size_t n = len < 32 ? len : 32;

		hash_store_be32(c, counter++);
		hash_init(&h, &hash_sha256);
		hash_update(&h, &hash_sha256, c, 4);
		hash_final(&h, &hash_sha256, block);
		memcpy(out, block, n);
		out += n;
		len -= n;
	}
}

static void load_key(struct rsa_key *k)
{
	memset(k, 0, sizeof(*k));
	bn_hex(&k->n, K_N);
	bn_hex(&k->p, K_P);
	bn_hex(&k->q, K_Q);
	bn_from_u32(&k->e, 65537);
	k->n_len = 128;
	k->e_len = 3;
	k->p_len = k->q_len = 64;
	ck_assert_int_eq(rsa_complete(k), 0);
}

static void sha256(const void *msg, size_t len, uint8_t *out)
{
	struct hash_ctx h;

	hash_init(&h, &hash_sha256);
	hash_update(&h, &hash_sha256, msg, len);
	hash_final(&h, &hash_sha256, out);
}

START_TEST(modexp_small_facts)
{
	struct bn b, e, m, r, p;

	/* The textbook key n = 61 * 53, e = 17, d = 2753: 65 -> 2790 -> 65. */
	bn_from_u32(&b, 65);
	bn_from_u32(&e, 17);
	bn_from_u32(&m, 3233);
	bn_modexp(&r, &b, &e, &m);
	ck_assert_uint_eq(r.n, 1);
	ck_assert_uint_eq(r.d[0], 2790);
	bn_from_u32(&e, 2753);
	bn_modexp(&r, &r, &e, &m);
	ck_assert_uint_eq(r.d[0], 65);
	/* Fermat on the Mersenne prime 2^521 - 1: 3^(p-1) = 1, and the
	 * inverse of 3 times 3 is 1. */
	memset(&p, 0, sizeof(p));
	for (int i = 0; i < 16; i++)
		p.d[i] = 0xffffffff;
	p.d[16] = 0x1ff;
	p.n = 17;
	e = p;
	bn_sub_u32(&e, 1);
	bn_from_u32(&b, 3);
	bn_modexp(&r, &b, &e, &p);
	ck_assert(r.n == 1 && r.d[0] == 1);
	bn_modinv_prime(&r, &b, &p);
	bn_modmul(&r, &r, &b, &p);
	ck_assert(r.n == 1 && r.d[0] == 1);
}
END_TEST

START_TEST(bytes_round_trip)
{
	uint8_t in[64], out[64];
	struct bn a;

	unhex(K_DQ, in); /* its first byte is zero */
	ck_assert_int_eq(bn_from_bytes(&a, in, 64), 0);
	ck_assert_uint_eq(bn_bytes(&a), 63);
	ck_assert_int_eq(bn_to_bytes(&a, out, 64), 0);
	ck_assert_mem_eq(in, out, 64);
	ck_assert_int_eq(bn_to_bytes(&a, out, 62), -1);
}
END_TEST

START_TEST(private_values_derived)
{
	struct rsa_key k;
	struct bn v;

	load_key(&k);
	bn_hex(&v, K_DP);
	ck_assert_int_eq(bn_cmp(&v, &k.dp), 0);
	bn_hex(&v, K_DQ);
	ck_assert_int_eq(bn_cmp(&v, &k.dq), 0);
	bn_hex(&v, K_QINV);
	ck_assert_int_eq(bn_cmp(&v, &k.qinv), 0);
	k.q.d[0] ^= 2; /* no longer a factor */
	ck_assert_int_eq(rsa_check_factors(&k), -1);
}
END_TEST

START_TEST(pkcs1_signature_matches)
{
	uint8_t h[32], em[128], sig[128], expect[128];
	struct rsa_key k;

	load_key(&k);
	sha256("abc", 3, h);
	ck_assert_int_eq(rsa_pkcs1_sig_encode(&hash_sha256, h, 32, em, 128), 0);
	ck_assert_int_eq(rsa_private(&k, em, sig), 0);
	unhex(K_SIG_PKCS1, expect);
	ck_assert_mem_eq(sig, expect, 128); /* PKCS #1 v1.5 is deterministic */
	ck_assert_int_eq(rsa_public(&k, expect, em), 0);
	ck_assert_int_eq(rsa_pkcs1_sig_encode(&hash_sha256, h, 32, sig, 128), 0);
	ck_assert_mem_eq(em, sig, 128);
}
END_TEST

START_TEST(pss_signatures_verify)
{
	uint8_t h[32], salt[32], em[128], sig[128];
	struct rsa_key k;

	load_key(&k);
	sha256("abc", 3, h);
	unhex(K_SIG_PSS, sig);
	ck_assert_int_eq(rsa_public(&k, sig, em), 0);
	ck_assert_int_eq(rsa_pss_verify(&hash_sha256, h, 32, em, 1024), 0);
	/* Our own, with a random salt, verifies; a changed hash does not. */
	test_random(salt, 32);
	ck_assert_int_eq(rsa_pss_encode(&hash_sha256, h, salt, 32, em, 1024), 0);
	ck_assert_int_eq(rsa_private(&k, em, sig), 0);
	ck_assert_int_eq(rsa_public(&k, sig, em), 0);
	ck_assert_int_eq(rsa_pss_verify(&hash_sha256, h, 32, em, 1024), 0);
	ck_assert_int_eq(rsa_public(&k, sig, em), 0);
	h[0] ^= 1;
	ck_assert_int_eq(rsa_pss_verify(&hash_sha256, h, 32, em, 1024), -1);
}
END_TEST

START_TEST(encryptions_decrypt)
{
	uint8_t ct[128], em[128];
	const uint8_t *msg;
	struct rsa_key k;
	size_t len;

	load_key(&k);
	unhex(K_CT_OAEP, ct);
	ck_assert_int_eq(rsa_private(&k, ct, em), 0);
	ck_assert_int_eq(rsa_oaep_decode(&hash_sha1, NULL, 0, em, 128, &msg, &len), 0);
	ck_assert_uint_eq(len, 12);
	ck_assert_mem_eq(msg, "Hello World!", 12);
	unhex(K_CT_PKCS, ct);
	ck_assert_int_eq(rsa_private(&k, ct, em), 0);
	ck_assert_int_eq(rsa_pkcs1_enc_decode(em, 128, &msg, &len), 0);
	ck_assert_uint_eq(len, 12);
	ck_assert_mem_eq(msg, "Hello World!", 12);
	/* Our OAEP with a label round-trips, and the wrong label fails. */
	ck_assert_int_eq(rsa_oaep_encode(&hash_sha256, (const uint8_t *)"l", 1,
					 (const uint8_t *)"hi", 2, em, 128, test_random), 0);
	ck_assert_int_eq(rsa_public(&k, em, ct), 0);
	ck_assert_int_eq(rsa_private(&k, ct, em), 0);
	ck_assert_int_eq(rsa_oaep_decode(&hash_sha256, (const uint8_t *)"m", 1, em, 128, &msg, &len),
			 -1);
	ck_assert_int_eq(rsa_private(&k, ct, em), 0);
	ck_assert_int_eq(rsa_oaep_decode(&hash_sha256, (const uint8_t *)"l", 1, em, 128, &msg, &len),
			 0);
	ck_assert_mem_eq(msg, "hi", 2);
}
END_TEST

START_TEST(generated_key_works)
{
	uint8_t h[20] = { 1, 2, 3 }, em[64], sig[64], back[64];
	struct rsa_key k;
	struct bn n;

	ck_assert_int_eq(rsa_generate(&k, 512, test_random), 0);
	ck_assert_uint_eq(bn_bits(&k.n), 512);
	ck_assert_uint_eq(bn_bits(&k.p), 256);
	ck_assert_uint_eq(bn_bits(&k.q), 256);
	bn_mul(&n, &k.p, &k.q);
	ck_assert_int_eq(bn_cmp(&n, &k.n), 0);
	ck_assert_int_eq(rsa_pkcs1_sig_encode(&hash_sha1, h, 20, em, 64), 0);
	ck_assert_int_eq(rsa_private(&k, em, sig), 0);
	ck_assert_int_eq(rsa_public(&k, sig, back), 0);
	ck_assert_mem_eq(em, back, 64);
	ck_assert_int_eq(rsa_generate(&k, 100, test_random), -1);
}
END_TEST

START_TEST(dsa_signatures)
{
	uint8_t h[20], sig[40];
	struct dsa_key k, fresh;
	struct hash_ctx c;

	memset(&k, 0, sizeof(k));
	bn_hex(&k.p, DSA_P);
	bn_hex(&k.q, DSA_Q);
	bn_hex(&k.g, DSA_G);
	bn_hex(&k.x, DSA_X);
	k.has_private = 1;
	k.p_len = 128;
	dsa_public_from_private(&k);
	bn_hex(&fresh.y, DSA_Y);
	ck_assert_int_eq(bn_cmp(&k.y, &fresh.y), 0);
	hash_init(&c, &hash_sha1);
	hash_update(&c, &hash_sha1, "abc", 3);
	hash_final(&c, &hash_sha1, h);
	unhex(DSA_SIG, sig);
	ck_assert_int_eq(dsa_verify(&k, h, 20, sig), 0);
	sig[39] ^= 1;
	ck_assert_int_eq(dsa_verify(&k, h, 20, sig), -1);
	ck_assert_int_eq(dsa_sign(&k, h, 20, sig, test_random), 0);
	ck_assert_int_eq(dsa_verify(&k, h, 20, sig), 0);
	ck_assert_int_eq(dsa_generate(&fresh, 512, test_random), 0);
	ck_assert_uint_eq(bn_bits(&fresh.p), 512);
	ck_assert_uint_eq(bn_bits(&fresh.q), 160);
	ck_assert_int_eq(dsa_sign(&fresh, h, 20, sig, test_random), 0);
	ck_assert_int_eq(dsa_verify(&fresh, h, 20, sig), 0);
	fresh.q.d[0] ^= 1; /* an even q: no inverse, no signature, and no hang */
	ck_assert_int_eq(dsa_sign(&fresh, h, 20, sig, test_random), -1);
	ck_assert_int_eq(dsa_generate(&fresh, 500, test_random), -1);
}
END_TEST

static Suite *rsa_suite(void)
{
	Suite *s = suite_create("rsa");
	TCase *t = tcase_create("core");

	tcase_add_test(t, modexp_small_facts);
	tcase_add_test(t, bytes_round_trip);
	tcase_add_test(t, private_values_derived);
	tcase_add_test(t, pkcs1_signature_matches);
	tcase_add_test(t, pss_signatures_verify);
	tcase_add_test(t, encryptions_decrypt);
	tcase_add_test(t, generated_key_works);
	tcase_add_test(t, dsa_signatures);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(rsa_suite());
	int failed;

	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
