/* Data protection (CryptProtectData, CryptUnprotectData) and memory
 * protection (CryptProtectMemory, CryptUnprotectMemory).  The secret is a
 * master key of 32 random bytes kept in the prefix's registry, one per
 * user (HKCU) and one for the machine (HKLM, CRYPTPROTECT_LOCAL_MACHINE),
 * made on first use.  A protected blob is this module's own format:
 *
 *   "LSWD", version 1, flags, description bytes, description (UTF-16, NUL),
 *   salt[16], iv[16], cipher length, AES-256-CBC cipher text, HMAC-SHA256
 *
 * with the AES and HMAC keys SHA-256 of a label, the master key, the salt
 * and the caller's entropy: a wrong entropy, another user's blob or a
 * changed byte fails the HMAC (ERROR_INVALID_DATA). */
#define DPAPI_IMP /* dpapi.h would declare our exports imported */
#include "crypt32_private.h"

#define BLOB_MAGIC 0x4457534cu /* "LSWD" */
#define BLOB_VERSION 1
#define KEY_LEN 32
#define SALT_LEN 16
#define IV_LEN 16
#define MAC_LEN 32

struct blob_head {
	DWORD magic, version, flags, desc_len;
};

/* The master key of the user or the machine, made if there is none. */
static BOOL master_key(BOOL machine, HCRYPTPROV prov, BYTE key[KEY_LEN])
{
	DWORD type, len = KEY_LEN;
	LSTATUS err;
	HKEY hkey;

	err = RegCreateKeyExW(machine ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER, L"Software\\LSW\\DPAPI",
			      0, NULL, 0, KEY_QUERY_VALUE | KEY_SET_VALUE, NULL, &hkey, NULL);
	if (err)
		return c32_fail(err);
	err = RegQueryValueExW(hkey, L"MasterKey", NULL, &type, key, &len);
	if (err || type != REG_BINARY || len != KEY_LEN) {
		err = CryptGenRandom(prov, KEY_LEN, key)
			      ? RegSetValueExW(hkey, L"MasterKey", 0, REG_BINARY, key, KEY_LEN)
			      : GetLastError();
	}
	RegCloseKey(hkey);
	return err ? c32_fail(err) : TRUE;
}

/* SHA-256 over up to four pieces. */
static BOOL sha256(HCRYPTPROV prov, const void *a, DWORD na, const void *b, DWORD nb,
		   const void *c, DWORD nc, const void *d, DWORD nd, BYTE out[32])
{
	HCRYPTHASH hash;
	DWORD len = 32;
	BOOL ok;

	if (!CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash))
		return FALSE;
	ok = (!na || CryptHashData(hash, a, na, 0)) && (!nb || CryptHashData(hash, b, nb, 0)) &&
	     (!nc || CryptHashData(hash, c, nc, 0)) && (!nd || CryptHashData(hash, d, nd, 0)) &&
	     CryptGetHashParam(hash, HP_HASHVAL, out, &len, 0);
	CryptDestroyHash(hash);
	return ok;
}

/* HMAC-SHA256 (RFC 2104) of data under a 32-byte key. */
static BOOL hmac(HCRYPTPROV prov, const BYTE key[KEY_LEN], const BYTE *data, DWORD len,
		 BYTE out[MAC_LEN])
{
	BYTE ipad[64], opad[64], inner[32];

	for (int i = 0; i < 64; i++) {
		BYTE k = i < KEY_LEN ? key[i] : 0;

		ipad[i] = k ^ 0x36;
		opad[i] = k ^ 0x5c;
	}
	return sha256(prov, ipad, 64, data, len, NULL, 0, NULL, 0, inner) &&
	       sha256(prov, opad, 64, inner, 32, NULL, 0, NULL, 0, out);
}

struct keys {
	BYTE enc[KEY_LEN], mac[KEY_LEN];
};

static BOOL derive(HCRYPTPROV prov, BOOL machine, const BYTE *salt, const DATA_BLOB *entropy,
		   struct keys *k)
{
	BYTE master[KEY_LEN];
	DWORD n = entropy ? entropy->cbData : 0;
	const BYTE *e = entropy ? entropy->pbData : NULL;
	BOOL ok;

	if (n && !e)
		return c32_fail(ERROR_INVALID_PARAMETER);
	ok = master_key(machine, prov, master) &&
	     sha256(prov, "enc", 3, master, KEY_LEN, salt, SALT_LEN, e, n, k->enc) &&
	     sha256(prov, "mac", 3, master, KEY_LEN, salt, SALT_LEN, e, n, k->mac);
	SecureZeroMemory(master, sizeof(master));
	return ok;
}

static HCRYPTKEY aes_key(HCRYPTPROV prov, const BYTE key[KEY_LEN], const BYTE *iv)
{
	struct {
		BLOBHEADER h;
		DWORD len;
		BYTE key[KEY_LEN];
	} blob = { { PLAINTEXTKEYBLOB, CUR_BLOB_VERSION, 0, CALG_AES_256 }, KEY_LEN };
	HCRYPTKEY k = 0;

	memcpy(blob.key, key, KEY_LEN);
	if (CryptImportKey(prov, (BYTE *)&blob, sizeof(blob), 0, 0, &k) &&
	    iv && !CryptSetKeyParam(k, KP_IV, iv, 0)) {
		CryptDestroyKey(k);
		k = 0;
	}
	SecureZeroMemory(&blob, sizeof(blob));
	return k;
}

static BOOL protect(HCRYPTPROV prov, const DATA_BLOB *in, const WCHAR *desc,
		    const DATA_BLOB *entropy, DWORD flags, DATA_BLOB *out)
{
	DWORD desc_len = ((desc ? lstrlenW(desc) : 0) + 1) * sizeof(WCHAR);
	DWORD cipher_len = (in->cbData / 16 + 1) * 16, head_len, total, n = in->cbData;
	struct blob_head head = { BLOB_MAGIC, BLOB_VERSION, flags & CRYPTPROTECT_LOCAL_MACHINE,
				  desc_len };
	struct keys k;
	HCRYPTKEY key = 0;
	BYTE *blob, *p, *salt, *iv;
	BOOL ok = FALSE;

	head_len = sizeof(head) + desc_len + SALT_LEN + IV_LEN + sizeof(DWORD);
	total = head_len + cipher_len + MAC_LEN;
	if (total < cipher_len || !(blob = LocalAlloc(LMEM_ZEROINIT, total)))
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	p = blob;
	memcpy(p, &head, sizeof(head));
	p += sizeof(head);
	if (desc)
		memcpy(p, desc, desc_len);
	p += desc_len;
	salt = p;
	iv = p + SALT_LEN;
	p += SALT_LEN + IV_LEN;
	memcpy(p, &cipher_len, sizeof(DWORD));
	p += sizeof(DWORD);
	if (n)
		memcpy(p, in->pbData, n);
	if (CryptGenRandom(prov, SALT_LEN + IV_LEN, salt) &&
	    derive(prov, head.flags, salt, entropy, &k) && (key = aes_key(prov, k.enc, iv)) &&
	    CryptEncrypt(key, 0, TRUE, 0, p, &n, cipher_len) && n == cipher_len)
		ok = hmac(prov, k.mac, blob, head_len + cipher_len, blob + head_len + cipher_len);
	if (key)
		CryptDestroyKey(key);
	SecureZeroMemory(&k, sizeof(k));
	if (!ok) {
		LocalFree(blob);
		return FALSE;
	}
	out->pbData = blob;
	out->cbData = total;
	return TRUE;
}

static BOOL unprotect(HCRYPTPROV prov, const DATA_BLOB *in, WCHAR **desc_out,
		      const DATA_BLOB *entropy, DATA_BLOB *out)
{
	const BYTE *b = in->pbData, *salt, *cipher;
	struct blob_head head;
	DWORD head_len, cipher_len, n;
	BYTE mac[MAC_LEN], *plain;
	HCRYPTKEY key = 0;
	struct keys k;
	BOOL ok;

	if (in->cbData < sizeof(head))
		return c32_fail(ERROR_INVALID_DATA);
	memcpy(&head, b, sizeof(head));
	if (head.magic != BLOB_MAGIC || head.version != BLOB_VERSION || head.desc_len % 2 ||
	    head.desc_len < 2 || head.desc_len > in->cbData - sizeof(head) ||
	    in->cbData - sizeof(head) - head.desc_len < SALT_LEN + IV_LEN + sizeof(DWORD))
		return c32_fail(ERROR_INVALID_DATA);
	head_len = sizeof(head) + head.desc_len + SALT_LEN + IV_LEN + sizeof(DWORD);
	memcpy(&cipher_len, b + head_len - sizeof(DWORD), sizeof(DWORD));
	if (!cipher_len || cipher_len % 16 || cipher_len > in->cbData - head_len ||
	    in->cbData - head_len - cipher_len != MAC_LEN)
		return c32_fail(ERROR_INVALID_DATA);
	salt = b + sizeof(head) + head.desc_len;
	cipher = b + head_len;
	if (!derive(prov, head.flags & CRYPTPROTECT_LOCAL_MACHINE, salt, entropy, &k) ||
	    !hmac(prov, k.mac, b, head_len + cipher_len, mac)) {
		SecureZeroMemory(&k, sizeof(k));
		return FALSE;
	}
	if (memcmp(mac, cipher + cipher_len, MAC_LEN)) { /* another key or a changed byte */
		SecureZeroMemory(&k, sizeof(k));
		return c32_fail(ERROR_INVALID_DATA);
	}
	if (!(plain = LocalAlloc(0, cipher_len))) {
		SecureZeroMemory(&k, sizeof(k));
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	memcpy(plain, cipher, cipher_len);
	n = cipher_len;
	ok = (key = aes_key(prov, k.enc, salt + SALT_LEN)) && CryptDecrypt(key, 0, TRUE, 0, plain, &n);
	if (key)
		CryptDestroyKey(key);
	SecureZeroMemory(&k, sizeof(k));
	if (ok && desc_out) {
		WCHAR *desc = LocalAlloc(0, head.desc_len);

		if ((ok = desc != NULL)) {
			memcpy(desc, b + sizeof(head), head.desc_len);
			desc[head.desc_len / 2 - 1] = 0;
			*desc_out = desc;
		} else {
			SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		}
	}
	if (!ok) {
		SecureZeroMemory(plain, cipher_len);
		LocalFree(plain);
		return c32_fail(ERROR_INVALID_DATA);
	}
	out->pbData = plain;
	out->cbData = n;
	return TRUE;
}

static HCRYPTPROV aes_provider(void)
{
	HCRYPTPROV prov = 0;

	CryptAcquireContextW(&prov, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT);
	return prov;
}

C32_API BOOL WINAPI CryptProtectData(DATA_BLOB *in, LPCWSTR desc, DATA_BLOB *entropy,
				     void *reserved, CRYPTPROTECT_PROMPTSTRUCT *prompt, DWORD flags,
				     DATA_BLOB *out)
{
	HCRYPTPROV prov;
	BOOL ok;

	if (!in || !out || (in->cbData && !in->pbData))
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!(prov = aes_provider()))
		return FALSE;
	ok = protect(prov, in, desc, entropy, flags, out);
	CryptReleaseContext(prov, 0);
	if (ok)
		SetLastError(ERROR_SUCCESS);
	return ok;
}

C32_API BOOL WINAPI CryptUnprotectData(DATA_BLOB *in, LPWSTR *desc, DATA_BLOB *entropy,
				       void *reserved, CRYPTPROTECT_PROMPTSTRUCT *prompt,
				       DWORD flags, DATA_BLOB *out)
{
	HCRYPTPROV prov;
	BOOL ok;

	if (!in || !out || !in->pbData)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!(prov = aes_provider()))
		return FALSE;
	ok = unprotect(prov, in, desc, entropy, out);
	CryptReleaseContext(prov, 0);
	return ok;
}

/* Memory protection: AES-256-CBC in place with a key of the master key
 * and the scope (this process: its id and start too). */
static BOOL protect_memory(void *data, DWORD len, DWORD flags, BOOL encrypt)
{
	static const BYTE zero_iv[IV_LEN];
	HCRYPTPROV prov;
	HCRYPTKEY key = 0;
	BYTE master[KEY_LEN], k[KEY_LEN];
	FILETIME created, unused;
	DWORD pid = GetCurrentProcessId(), n = len;
	BOOL ok;

	if (!data || len % CRYPTPROTECTMEMORY_BLOCK_SIZE)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (flags > CRYPTPROTECTMEMORY_SAME_LOGON)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!(prov = aes_provider()))
		return FALSE;
	memset(&created, 0, sizeof(created));
	if (flags == CRYPTPROTECTMEMORY_SAME_PROCESS)
		GetProcessTimes(GetCurrentProcess(), &created, &unused, &unused, &unused);
	else
		pid = 0;
	ok = master_key(FALSE, prov, master) &&
	     sha256(prov, "mem", 3, master, KEY_LEN, &pid, sizeof(pid), &created, sizeof(created), k) &&
	     (key = aes_key(prov, k, zero_iv)) &&
	     (encrypt ? CryptEncrypt(key, 0, FALSE, 0, data, &n, len) : CryptDecrypt(key, 0, FALSE, 0, data, &n));
	if (key)
		CryptDestroyKey(key);
	SecureZeroMemory(master, sizeof(master));
	SecureZeroMemory(k, sizeof(k));
	CryptReleaseContext(prov, 0);
	return ok;
}

C32_API BOOL WINAPI CryptProtectMemory(void *data, DWORD len, DWORD flags)
{
	return protect_memory(data, len, flags, TRUE);
}

C32_API BOOL WINAPI CryptUnprotectMemory(void *data, DWORD len, DWORD flags)
{
	return protect_memory(data, len, flags, FALSE);
}
