/*
 * Unit tests for the digests, HMAC and ChaCha20 of our DLLs
 * (src/win32/bcrypt/hash*.c, md2.c, md4.c, md5.c, sha*.c; src/win32/bcryptprimitives/
 * chacha20.c), built for the host: the published test vectors of RFC 1319 (MD2), RFC 1320
 * (MD4), RFC 1321 (MD5), FIPS 180-4's examples (SHA-1, SHA-256, SHA-384, SHA-512), RFC
 * 2202 and RFC 4231 (HMAC) and RFC 8439 section 2.3.2 (ChaCha20), plus
 * every way of splitting a message into updates.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "bcrypt/hash.h"
#include "bcryptprimitives/chacha20.h"

static void hex(const uint8_t *p, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

static void digest_hex(const struct hash_alg *a, const void *msg, size_t len, char *out)
{
	struct hash_ctx c;
	uint8_t d[HASH_MAX_DIGEST];

	hash_init(&c, a);
	hash_update(&c, a, msg, len);
	hash_final(&c, a, d);
	hex(d, a->digest_len, out);
}

struct vector {
	const struct hash_alg *alg;
	const char *msg;
	const char *digest;
};

#define FIPS_448 "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define FIPS_896 "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno" \
		 "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

static const struct vector vectors[] = {
	/* RFC 1319, appendix A.5 */
	{ &hash_md2, "", "8350e5a3e24c153df2275c9f80692773" },
	{ &hash_md2, "a", "32ec01ec4a6dac72c0ab96fb34c0b5d1" },
	{ &hash_md2, "abc", "da853b0d3f88d99b30283a69e6ded6bb" },
	{ &hash_md2, "message digest", "ab4f496bfb2a530b219ff33031fe06b0" },
	{ &hash_md2, "abcdefghijklmnopqrstuvwxyz", "4e8ddff3650292ab5a4108c3aa47940b" },
	{ &hash_md2, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
	  "da33def2a42df13975352846c30338cd" },
	{ &hash_md2, "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
	  "d5976f79d83d3a0dc9806c3c66f3efd8" },
	/* RFC 1320, appendix A.5 */
	{ &hash_md4, "", "31d6cfe0d16ae931b73c59d7e0c089c0" },
	{ &hash_md4, "abc", "a448017aaf21d8525fc10ae87aa6729d" },
	{ &hash_md4, "message digest", "d9130a8164549fe818874806e1c7014b" },
	{ &hash_md4, "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
	  "e33b4ddc9c38f2199c3e7b164fcc0536" },
	/* RFC 1321, appendix A.5 */
	{ &hash_md5, "", "d41d8cd98f00b204e9800998ecf8427e" },
	{ &hash_md5, "a", "0cc175b9c0f1b6a831c399e269772661" },
	{ &hash_md5, "abc", "900150983cd24fb0d6963f7d28e17f72" },
	{ &hash_md5, "message digest", "f96b697d7cb7938d525a2f31aaf161d0" },
	{ &hash_md5, "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b" },
	{ &hash_md5, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
	  "d174ab98d277d9f5a5611c2c9f419d9f" },
	{ &hash_md5, "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
	  "57edf4a22be3c955ac49da2e2107b67a" },
	/* FIPS 180-4 examples (NIST's published example values) */
	{ &hash_sha1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d" },
	{ &hash_sha1, FIPS_448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1" },
	{ &hash_sha256, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ &hash_sha256, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ &hash_sha256, FIPS_448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ &hash_sha384, "abc",
	  "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
	  "8086072ba1e7cc2358baeca134c825a7" },
	{ &hash_sha384, FIPS_896,
	  "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712"
	  "fcc7c71a557e2db966c3e9fa91746039" },
	{ &hash_sha512, "abc",
	  "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
	{ &hash_sha512, FIPS_896,
	  "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
	  "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" },
	{ &hash_sha512, "",
	  "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
	  "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e" },
};

START_TEST(published_vectors)
{
	const struct vector *v = &vectors[_i];
	char out[2 * HASH_MAX_DIGEST + 1];

	digest_hex(v->alg, v->msg, strlen(v->msg), out);
	ck_assert_str_eq(out, v->digest);
}
END_TEST

/* One million 'a' (FIPS 180-4 examples), fed in uneven pieces. */
START_TEST(million_a)
{
	static const struct {
		const struct hash_alg *alg;
		const char *digest;
	} cases[] = {
		{ &hash_sha1, "34aa973cd4c4daa4f61eeb2bdbad27316534016f" },
		{ &hash_sha256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
	};
	uint8_t chunk[997], d[HASH_MAX_DIGEST];
	char out[2 * HASH_MAX_DIGEST + 1];

	memset(chunk, 'a', sizeof(chunk));
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct hash_ctx c;
		size_t left = 1000000;

		hash_init(&c, cases[k].alg);
		while (left) {
			size_t n = left < sizeof(chunk) ? left : sizeof(chunk);

			hash_update(&c, cases[k].alg, chunk, n);
			left -= n;
		}
		hash_final(&c, cases[k].alg, d);
		hex(d, cases[k].alg->digest_len, out);
		ck_assert_str_eq(out, cases[k].digest);
	}
}
END_TEST

/* Every split of a message around the block and padding boundaries gives
 * the digest of the message in one piece. */
START_TEST(split_updates)
{
	const struct hash_alg *algs[] = { &hash_md5, &hash_sha1, &hash_sha256, &hash_sha384,
					  &hash_sha512 };
	uint8_t msg[300], whole[HASH_MAX_DIGEST], parts[HASH_MAX_DIGEST];

	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)(i * 7 + 3);
	for (size_t k = 0; k < 5; k++) {
		for (size_t len = 0; len <= sizeof(msg); len += 13) {
			struct hash_ctx c;

			hash_init(&c, algs[k]);
			hash_update(&c, algs[k], msg, len);
			hash_final(&c, algs[k], whole);
			for (size_t cut = 0; cut <= len; cut += 11) {
				hash_init(&c, algs[k]);
				hash_update(&c, algs[k], msg, cut);
				hash_update(&c, algs[k], msg + cut, len - cut);
				hash_final(&c, algs[k], parts);
				ck_assert_mem_eq(whole, parts, algs[k]->digest_len);
			}
		}
	}
}
END_TEST

static void hmac_hex(const struct hash_alg *a, const void *key, size_t klen, const char *msg,
		     char *out)
{
	struct hmac_ctx c;
	uint8_t d[HASH_MAX_DIGEST];

	hmac_init(&c, a, key, klen);
	hmac_update(&c, a, msg, strlen(msg));
	hmac_final(&c, a, d);
	hex(d, a->digest_len, out);
}

START_TEST(hmac_vectors)
{
	uint8_t key_0b[20], key_aa[131];
	char out[2 * HASH_MAX_DIGEST + 1];

	memset(key_0b, 0x0b, sizeof(key_0b));
	memset(key_aa, 0xaa, sizeof(key_aa));
	/* RFC 2202 test case 1 */
	hmac_hex(&hash_md5, key_0b, 16, "Hi There", out);
	ck_assert_str_eq(out, "9294727a3638bb1c13f48ef8158bfc9d");
	hmac_hex(&hash_sha1, key_0b, 20, "Hi There", out);
	ck_assert_str_eq(out, "b617318655057264e28bc0b6fb378c8ef146be00");
	/* RFC 4231 test cases 1, 2 and 6 (a key longer than a block) */
	hmac_hex(&hash_sha256, key_0b, 20, "Hi There", out);
	ck_assert_str_eq(out, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	hmac_hex(&hash_sha384, key_0b, 20, "Hi There", out);
	ck_assert_str_eq(out, "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
			      "faea9ea9076ede7f4af152e8b2fa9cb6");
	hmac_hex(&hash_sha512, key_0b, 20, "Hi There", out);
	ck_assert_str_eq(out, "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
			      "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
	hmac_hex(&hash_sha256, "Jefe", 4, "what do ya want for nothing?", out);
	ck_assert_str_eq(out, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	hmac_hex(&hash_sha256, key_aa, 131, "Test Using Larger Than Block-Size Key - Hash Key First",
		 out);
	ck_assert_str_eq(out, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}
END_TEST

/* RFC 8439 section 2.3.2: the block function's test vector. */
START_TEST(chacha20_block_vector)
{
	static const uint8_t nonce[12] = { 0, 0, 0, 0x09, 0, 0, 0, 0x4a, 0, 0, 0, 0 };
	uint8_t key[32], out[64];
	char h[129];

	for (int i = 0; i < 32; i++)
		key[i] = (uint8_t)i;
	chacha20_block(key, 1, nonce, out);
	hex(out, 64, h);
	ck_assert_str_eq(h, "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
			    "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e");
}
END_TEST

static Suite *crypto_suite(void)
{
	Suite *s = suite_create("crypto");
	TCase *tc = tcase_create("vectors");

	tcase_add_loop_test(tc, published_vectors, 0, sizeof(vectors) / sizeof(vectors[0]));
	tcase_add_test(tc, million_a);
	tcase_add_test(tc, split_updates);
	tcase_add_test(tc, hmac_vectors);
	tcase_add_test(tc, chacha20_block_vector);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(crypto_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
