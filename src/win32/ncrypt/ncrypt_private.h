/* Private declarations of ncrypt.dll: the Microsoft Software Key Storage
 * Provider over bcrypt.  Keys are ephemeral (no name): they live in the
 * process, as CNG's unnamed keys do; named (persisted) keys need a key
 * store the sandbox does not have yet and fail with NTE_NOT_SUPPORTED. */
#ifndef LSW_NCRYPT_PRIVATE_H
#define LSW_NCRYPT_PRIVATE_H

#include <windows.h>
#include <bcrypt.h>
#include <ncrypt.h>

#define NCRYPT_API __declspec(dllexport)

/* What a handle is: every object starts with its kind. */
enum nc_kind { NC_PROVIDER = 0x766f7270, NC_KEY = 0x2079656b };

struct nc_provider {
	enum nc_kind kind;
};

struct nc_key {
	enum nc_kind kind;
	WCHAR alg[32];		/* BCRYPT_RSA_ALGORITHM, ... */
	BCRYPT_ALG_HANDLE alg_handle;
	BCRYPT_KEY_HANDLE key;	/* NULL until finalized or imported */
	DWORD length;		/* bits */
	DWORD export_policy, usage;
};

/* The live object behind a handle of that kind, or NULL (made-up,
 * freed, or of the other kind). */
struct nc_provider *nc_provider_of(NCRYPT_HANDLE h);
struct nc_key *nc_key_of(NCRYPT_HANDLE h);
/* A new object registered as live; NULL when out of memory. */
void *nc_new(enum nc_kind kind, SIZE_T size);

/* bcrypt's status as the SECURITY_STATUS ncrypt reports. */
SECURITY_STATUS nc_status(NTSTATUS st);

/* The error ncrypt's RPC-era interface gives for a required pointer
 * left NULL. */
#define NC_NULL_REF HRESULT_FROM_WIN32(RPC_X_NULL_REF_POINTER)

#endif
