/*
 * Unit tests for AES and its modes (src/win32/bcrypt/aes.c, aes_modes.c),
 * RC4 (rc4.c) and PBKDF2 (pbkdf2.c), built for the host, against the published
 * vectors: FIPS 197 appendix C (the cipher, 128 and 256-bit keys), SP
 * 800-38A appendix F (ECB, CBC, CFB8, CFB128 with AES-128), the GCM
 * specification's test cases 2 and 4, RFC 6229 (RC4, 40 and 128-bit
 * keys, offset 0), RFC 6070 (PBKDF2-HMAC-SHA1) and
 * RFC 7914 section 11 (PBKDF2-HMAC-SHA256); DES (des.c) against the
 * worked example of its literature (key 133457799BBCDFF1) and Triple DES
 * through block_modes.c against another implementation's cipher texts
 * (Python's "cryptography": CBC and CFB8 with a 24-byte key, ECB with a
 * 16-byte one).
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "bcrypt/aes.h"
#include "bcrypt/block_modes.h"
#include "bcrypt/des.h"
#include "bcrypt/hash.h"
#include "bcrypt/rc4.h"

static size_t unhex(const char *s, uint8_t *out)
{
	size_t n = strlen(s) / 2;

	for (size_t i = 0; i < n; i++)
		sscanf(s + 2 * i, "%2hhx", &out[i]);
	return n;
}

static void hex(const uint8_t *p, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

#define SP_KEY "2b7e151628aed2a6abf7158809cf4f3c"
#define SP_IV "000102030405060708090a0b0c0d0e0f"
#define SP_PLAIN "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"

START_TEST(fips197_cipher)
{
	static const struct { const char *key, *out; } v[] = {
		{ "000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a" },
		{ "000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191" },
		{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
		  "8ea2b7ca516745bfeafc49904b496089" },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct aes_key k;
		uint8_t key[32], in[16], out[16], back[16];
		char text[33];

		ck_assert(aes_set_key(&k, key, unhex(v[i].key, key)));
		unhex("00112233445566778899aabbccddeeff", in);
		aes_encrypt_block(&k, in, out);
		hex(out, 16, text);
		ck_assert_str_eq(text, v[i].out);
		aes_decrypt_block(&k, out, back);
		ck_assert_mem_eq(back, in, 16);
	}
	struct aes_key k;
	uint8_t key[20] = { 0 };
	ck_assert(!aes_set_key(&k, key, 20));
}
END_TEST

/* mode 0 ECB, 1 CBC, 8 CFB8, 16 CFB128; both ways, in place the second. */
static void check_mode(int mode, const char *expected)
{
	struct aes_key k;
	uint8_t key[16], iv[16], plain[32], buf[32];
	char text[65];
	size_t len = strlen(expected) / 2;

	unhex(SP_KEY, key);
	unhex(SP_PLAIN, plain);
	aes_set_key(&k, key, 16);
	for (int encrypt = 1; encrypt >= 0; encrypt--) {
		if (encrypt)
			memcpy(buf, plain, len);
		unhex(SP_IV, iv);
		if (mode == 0)
			aes_ecb(&k, encrypt, buf, buf, len);
		else if (mode == 1)
			aes_cbc(&k, encrypt, iv, buf, buf, len);
		else
			aes_cfb(&k, encrypt, mode == 8 ? 1 : 16, iv, buf, buf, len);
		hex(buf, len, text);
		if (encrypt)
			ck_assert_str_eq(text, expected);
		else
			ck_assert_mem_eq(buf, plain, len);
	}
}

START_TEST(sp800_38a_modes)
{
	check_mode(0, "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf");
	check_mode(1, "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2");
	check_mode(8, "3b79424c9c0dd436bace9e0ed4586a4f32b9");
	check_mode(16, "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b");
}
END_TEST

/* Encrypts (split into two calls at split), checks text and tag, decrypts. */
static void check_gcm(const char *key_hex, const char *iv_hex, const char *aad_hex,
		      const char *plain_hex, const char *cipher_hex, const char *tag_hex, size_t split)
{
	struct aes_key k;
	struct aes_gcm g;
	uint8_t key[32], iv[64], aad[64], plain[64], buf[64], tag[16];
	char text[129];
	size_t iv_len = unhex(iv_hex, iv), aad_len = unhex(aad_hex, aad), len = unhex(plain_hex, plain);

	aes_set_key(&k, key, unhex(key_hex, key));
	aes_gcm_start(&g, &k, iv, iv_len);
	aes_gcm_aad(&g, aad, aad_len);
	aes_gcm_crypt(&g, 1, plain, buf, split);
	aes_gcm_crypt(&g, 1, plain + split, buf + split, len - split);
	hex(buf, len, text);
	ck_assert_str_eq(text, cipher_hex);
	aes_gcm_tag(&g, tag, 16);
	hex(tag, 16, text);
	ck_assert_str_eq(text, tag_hex);

	aes_gcm_start(&g, &k, iv, iv_len);
	aes_gcm_aad(&g, aad, aad_len);
	aes_gcm_crypt(&g, 0, buf, buf, len);
	ck_assert_mem_eq(buf, plain, len);
	aes_gcm_tag(&g, tag, 16);
	hex(tag, 16, text);
	ck_assert_str_eq(text, tag_hex);
}

START_TEST(gcm_test_cases)
{
	check_gcm("00000000000000000000000000000000", "000000000000000000000000", "",
		  "00000000000000000000000000000000", "0388dace60b6a392f328c2b971b2fe78",
		  "ab6e47d42cec13bdf53a67b21257bddf", 5);
	check_gcm("feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
		  "feedfacedeadbeeffeedfacedeadbeefabaddad2",
		  "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
		  "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
		  "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
		  "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
		  "5bc94fbc3221a5db94fae95ae7121a47", 17);
}
END_TEST

static void check_pbkdf2(const struct hash_alg *a, const char *password, const char *salt,
			 uint64_t iterations, const char *expected)
{
	uint8_t out[64];
	char text[129];
	size_t len = strlen(expected) / 2;

	pbkdf2(a, password, strlen(password), salt, strlen(salt), iterations, out, len);
	hex(out, len, text);
	ck_assert_str_eq(text, expected);
}

START_TEST(pbkdf2_vectors)
{
	check_pbkdf2(&hash_sha1, "password", "salt", 1, "0c60c80f961f0e71f3a9b524af6012062fe037a6");
	check_pbkdf2(&hash_sha1, "password", "salt", 4096, "4b007901b765489abead49d926f721d065a429c1");
	check_pbkdf2(&hash_sha1, "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt",
		     4096, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
	check_pbkdf2(&hash_sha256, "passwd", "salt", 1,
		     "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
		     "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
}
END_TEST

START_TEST(rc4_vectors)
{
	static const struct { const char *key, *stream; } v[] = {
		{ "0102030405", "b2396305f03dc027ccc3524a0a1118a8" },
		{ "0102030405060708090a0b0c0d0e0f10", "9ac7cc9a609d1ef7b2932899cde41b97" },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct rc4_state r;
		uint8_t key[16], buf[16] = { 0 };
		char text[33];

		rc4_init(&r, key, unhex(v[i].key, key));
		rc4_crypt(&r, buf, buf, 5);
		rc4_crypt(&r, buf + 5, buf + 5, 11); /* the stream goes on across calls */
		hex(buf, 16, text);
		ck_assert_str_eq(text, v[i].stream);
	}
}
END_TEST

START_TEST(des_vectors)
{
	static const uint8_t des_key[8] = { 0x13, 0x34, 0x57, 0x79, 0x9b, 0xbc, 0xdf, 0xf1 };
	uint8_t key[24], iv[8], buf[16], back[16];
	struct des3_key k3;
	struct des_key k;
	char text[33];

	des_set_key(&k, des_key);
	unhex("0123456789abcdef", buf);
	des_block(&k, 1, buf, buf);
	hex(buf, 8, text);
	ck_assert_str_eq(text, "85e813540f0ab405");
	des_block(&k, 0, buf, buf);
	hex(buf, 8, text);
	ck_assert_str_eq(text, "0123456789abcdef");

	for (int i = 0; i < 24; i++)
		key[i] = (uint8_t)(i + 1);
	for (int i = 0; i < 8; i++)
		iv[i] = (uint8_t)(100 + i);
	ck_assert(des3_set_key(&k3, key, 24));
	struct block_cipher c = { DES_BLOCK, &k3, des3_encrypt_block, des3_decrypt_block };

	memcpy(buf, "sixteen byte msg", 16);
	block_cbc(&c, 1, iv, buf, buf, 16);
	hex(buf, 16, text);
	ck_assert_str_eq(text, "a79a616451276afe16ea4ac884c94da1");
	for (int i = 0; i < 8; i++)
		iv[i] = (uint8_t)(100 + i);
	block_cbc(&c, 0, iv, buf, back, 16);
	ck_assert_mem_eq(back, "sixteen byte msg", 16);
	for (int i = 0; i < 8; i++)
		iv[i] = (uint8_t)(100 + i);
	memcpy(buf, "odd length!", 11);
	block_cfb(&c, 1, 1, iv, buf, buf, 11);
	hex(buf, 11, text);
	ck_assert_str_eq(text, "3899a75ff5e112e2ebd139");
	ck_assert(des3_set_key(&k3, key, 16));
	memcpy(buf, "sixteen byte msg", 16);
	block_ecb(&c, 1, buf, buf, 16);
	hex(buf, 16, text);
	ck_assert_str_eq(text, "65eaaf2b42de9c8948103c73949c6558");
	ck_assert(!des3_set_key(&k3, key, 8));
}
END_TEST

static Suite *aes_suite(void)
{
	Suite *s = suite_create("aes");
	TCase *t = tcase_create("core");

	tcase_add_test(t, fips197_cipher);
	tcase_add_test(t, sp800_38a_modes);
	tcase_add_test(t, gcm_test_cases);
	tcase_add_test(t, rc4_vectors);
	tcase_add_test(t, pbkdf2_vectors);
	tcase_add_test(t, des_vectors);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(aes_suite());
	int failed;

	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
