/* Registry stores: a key whose Certificates and CRLs subkeys hold one key
 * per context, named by the SHA-1 hash of its encoding in upper-case hex,
 * with the serialized element (store_serialize.c) in its Blob value.  A
 * system store is such a key under HKCU or HKLM
 * \Software\Microsoft\SystemCertificates\<name>, in the prefix's registry:
 * what a program adds there is there for the next one. */
#include "der.h"

static const WCHAR *const kind_keys[] = { L"Certificates", L"CRLs" };

/* The key of a system store: location from flags (current user by
 * default); CERT_STORE_OPEN_EXISTING_FLAG only opens. */
HKEY c32_reg_system_key(LPCWSTR name, DWORD flags)
{
	DWORD location = flags & CERT_SYSTEM_STORE_LOCATION_MASK;
	HKEY root = location == CERT_SYSTEM_STORE_LOCAL_MACHINE ? HKEY_LOCAL_MACHINE
								: HKEY_CURRENT_USER;
	WCHAR path[MAX_PATH];
	REGSAM access = flags & CERT_STORE_READONLY_FLAG ? KEY_READ : KEY_READ | KEY_WRITE;
	LSTATUS err;
	HKEY key;

	if (!name || !*name || lstrlenW(name) > 200) {
		SetLastError(E_INVALIDARG);
		return NULL;
	}
	if (location && location != CERT_SYSTEM_STORE_CURRENT_USER &&
	    location != CERT_SYSTEM_STORE_LOCAL_MACHINE) {
		SetLastError(ERROR_FILE_NOT_FOUND); /* services, users...: none here */
		return NULL;
	}
	lstrcpyW(path, L"Software\\Microsoft\\SystemCertificates\\");
	lstrcatW(path, name);
	if (flags & CERT_STORE_DELETE_FLAG) {
		err = RegDeleteTreeW(root, path);
		SetLastError(err ? err : ERROR_SUCCESS);
		return NULL;
	}
	if (flags & (CERT_STORE_OPEN_EXISTING_FLAG | CERT_STORE_READONLY_FLAG))
		err = RegOpenKeyExW(root, path, 0, access, &key);
	else
		err = RegCreateKeyExW(root, path, 0, NULL, 0, access, NULL, &key, NULL);
	if (err) {
		SetLastError(err);
		return NULL;
	}
	return key;
}

static BOOL hash_name(int kind, const void *ctx, WCHAR name[41])
{
	BYTE hash[20];
	DWORD len = sizeof(hash);
	BOOL ok = kind == C32_CRLS ? CertGetCRLContextProperty(ctx, CERT_SHA1_HASH_PROP_ID, hash, &len)
				   : CertGetCertificateContextProperty(ctx, CERT_SHA1_HASH_PROP_ID, hash,
								       &len);

	if (!ok || len != sizeof(hash))
		return FALSE;
	for (DWORD i = 0; i < len; i++) {
		name[2 * i] = L"0123456789ABCDEF"[hash[i] >> 4];
		name[2 * i + 1] = L"0123456789ABCDEF"[hash[i] & 15];
	}
	name[40] = 0;
	return TRUE;
}

BOOL c32_reg_write(HKEY store_key, int kind, const void *ctx)
{
	struct der_out o = { 0 };
	WCHAR name[41];
	HKEY key;
	LSTATUS err;

	if (kind > C32_CRLS)
		return TRUE; /* CTLs stay in memory */
	if (!hash_name(kind, ctx, name) || !c32_serialize_element(kind, ctx, &o)) {
		der_free(&o);
		return FALSE;
	}
	err = RegCreateKeyExW(store_key, kind_keys[kind], 0, NULL, 0, KEY_WRITE, NULL, &key, NULL);
	if (!err) {
		HKEY item;

		err = RegCreateKeyExW(key, name, 0, NULL, 0, KEY_WRITE, NULL, &item, NULL);
		if (!err) {
			err = RegSetValueExW(item, L"Blob", 0, REG_BINARY, o.data, o.len);
			RegCloseKey(item);
		}
		RegCloseKey(key);
	}
	der_free(&o);
	return err ? c32_fail(err) : TRUE;
}

void c32_reg_delete(HKEY store_key, int kind, const void *ctx)
{
	WCHAR name[41], path[64];

	if (kind > C32_CRLS || !hash_name(kind, ctx, name))
		return;
	lstrcpyW(path, kind_keys[kind]);
	lstrcatW(path, L"\\");
	lstrcatW(path, name);
	RegDeleteKeyW(store_key, path);
}

/* Every Blob under the store's key into store (which does not write back
 * yet); Blobs that do not parse are passed over. */
void c32_reg_load(HCERTSTORE store, HKEY store_key)
{
	for (int kind = C32_CERTS; kind <= C32_CRLS; kind++) {
		WCHAR name[64];
		HKEY key;

		if (RegOpenKeyExW(store_key, kind_keys[kind], 0, KEY_READ, &key))
			continue;
		for (DWORD i = 0, n = ARRAYSIZE(name); !RegEnumKeyExW(key, i, name, &n, NULL, NULL, NULL,
								      NULL);
		     i++, n = ARRAYSIZE(name)) {
			DWORD type, len = 0;
			BYTE *blob;
			HKEY item;

			if (RegOpenKeyExW(key, name, 0, KEY_READ, &item))
				continue;
			if (!RegQueryValueExW(item, L"Blob", NULL, &type, NULL, &len) &&
			    type == REG_BINARY && len && (blob = HeapAlloc(GetProcessHeap(), 0, len))) {
				if (!RegQueryValueExW(item, L"Blob", NULL, &type, blob, &len))
					CertAddSerializedElementToStore(store, blob, len,
									CERT_STORE_ADD_ALWAYS, 0,
									CERT_STORE_ALL_CONTEXT_FLAG,
									NULL, NULL);
				HeapFree(GetProcessHeap(), 0, blob);
			}
			RegCloseKey(item);
		}
		RegCloseKey(key);
	}
}
