/* Private declarations of crypt32.dll: certificate stores (store.c: a new
 * prefix's system stores are empty, as the sandbox shares no certificates,
 * so TLS stacks that read the ROOT store at start-up find none and go on;
 * store_*.c), the contexts (cert_context.c, crl_context.c, ctl_context.c,
 * props.c), the string encodings (base64.c, hex.c, string_convert.c).  The
 * DER codec has its own headers (der.h, asn.h), messages msg_private.h. */
#ifndef LSW_CRYPT32_PRIVATE_H
#define LSW_CRYPT32_PRIVATE_H

#define WINIMPM /* wincrypt.h would declare our exports imported */
#include <windows.h>
#include <wincrypt.h>

#define C32_API __declspec(dllexport)

static inline BOOL c32_fail(DWORD error)
{
	SetLastError(error);
	return FALSE;
}

/* base64.c: RFC 4648 base64, lines of 64 characters each ended by eol
 * (NULL: one line, no end) into out (NULL: count only); the length. */
DWORD c32_base64_encode(const BYTE *in, DWORD n, const char *eol, char *out);
/* Decodes base64 from text (whitespace skipped, stops at '-', the
 * padding or the end): the byte count (out NULL: count only), -1 if
 * malformed. */
/* The bytes of base64 text (-1: not base64); *end (may be NULL): where
 * it stopped, past any padding. */
int c32_base64_decode(const char *text, DWORD len, BYTE *out, DWORD *end);

/* hex.c: CRYPT_STRING_HEX and HEXRAW text of bytes, and back. */
DWORD c32_hex_encode(const BYTE *in, DWORD n, BOOL raw, const char *eol, char *out);
int c32_hex_decode(const char *text, DWORD len, BYTE *out);
DWORD c32_hex_read(const char *text, DWORD len, BYTE *out, DWORD out_len, DWORD *count);

/* store.c: a store's contexts, of a kind (C32_CERTS, C32_CRLS): the
 * generic forms of the certificate ones below. */
enum { C32_CERTS, C32_CRLS, C32_CTLS, C32_KINDS };
const void *c32_store_next_item(HCERTSTORE store, int kind, const void *prev,
				BOOL (*match)(const void *, const void *), const void *para);
BOOL c32_store_put_item(HCERTSTORE store, int kind, const void *ctx, const void *replaced);
BOOL c32_store_remove_item(HCERTSTORE store, int kind, const void *ctx);
/* store_serialize.c: the contents of a saved store, a PKCS #7 message's
 * bytes, or a decoded message, added to store. */
BOOL c32_store_load_serialized(HCERTSTORE store, const BYTE *data, DWORD len);
BOOL c32_store_load_pkcs7(HCERTSTORE store, const BYTE *data, DWORD len);
BOOL c32_store_load_message(HCERTSTORE store, HCRYPTMSG msg);

/* store_serialize.c, store_registry.c: a context's serialized element
 * appended to o; a registry store's key and its contexts. */
struct der_out;
BOOL c32_serialize_element(int kind, const void *ctx, struct der_out *o);
HKEY c32_reg_system_key(LPCWSTR name, DWORD flags);
BOOL c32_reg_write(HKEY store_key, int kind, const void *ctx);
void c32_reg_delete(HKEY store_key, int kind, const void *ctx);
void c32_reg_load(HCERTSTORE store, HKEY store_key);

/* Where what is added to store goes: itself, or a collection's first
 * member that allows adding (NULL and E_ACCESSDENIED if none does). */
HCERTSTORE c32_store_target(HCERTSTORE store);
/* Whether what is changed in store is written where it lasts (a writable
 * registry store). */
BOOL c32_store_persists(HCERTSTORE store);

/* store.c: a store's certificates.  c32_store_next: the one after prev
 * (released) that match accepts (NULL: any), referenced; c32_store_put:
 * adds ctx (the store takes its reference), in replaced's place if given;
 * c32_store_remove: takes ctx out. */
PCCERT_CONTEXT c32_store_next(HCERTSTORE store, PCCERT_CONTEXT prev,
			      BOOL (*match)(PCCERT_CONTEXT, const void *), const void *para);
BOOL c32_store_put(HCERTSTORE store, PCCERT_CONTEXT ctx, PCCERT_CONTEXT replaced);
BOOL c32_store_remove(HCERTSTORE store, PCCERT_CONTEXT ctx);

/* props.c: the property lists of certificate and CRL contexts. */
struct c32_prop {
	struct c32_prop *next;
	DWORD id, len;
	BYTE data[];
};
struct c32_prop *c32_prop_find(struct c32_prop *list, DWORD id);
void c32_prop_remove(struct c32_prop **list, DWORD id);
BOOL c32_prop_store(struct c32_prop **list, DWORD id, const void *data, DWORD len);
void c32_prop_free_all(struct c32_prop **list);
DWORD c32_prop_next_id(const struct c32_prop *list, DWORD prev);
BOOL c32_prop_out(const struct c32_prop *p, void *data, DWORD *len);
/* n bytes of src out as a property's value is (data NULL: the size). */
BOOL c32_prop_out_bytes(const void *src, DWORD n, void *data, DWORD *len);
struct c32_prop *c32_prop_get(struct c32_prop **list, DWORD id, const BYTE *encoded, DWORD len);
/* A context's properties and the lock that guards them (certificate and
 * CRL contexts hold one each): the list operations above, locked. */
struct c32_props {
	CRITICAL_SECTION lock;
	struct c32_prop *list;
};
void c32_props_init(struct c32_props *ps);
void c32_props_free(struct c32_props *ps);
/* A property out (hashes of encoded computed on first request). */
BOOL c32_props_get(struct c32_props *ps, DWORD id, const BYTE *encoded, DWORD enc_len,
		   void *data, DWORD *len);
/* Stores len bytes of data as property id, or (remove) deletes it. */
BOOL c32_props_set(struct c32_props *ps, DWORD id, const void *data, DWORD len, BOOL remove);
DWORD c32_props_next(struct c32_props *ps, DWORD prev);
/* The properties src has and dst lacks, copied to dst. */
void c32_props_copy_missing(struct c32_props *dst, struct c32_props *src);

/* cert_context.c: a context of store (NULL: the one all unstored contexts
 * share) for a copy of data; the store every unstored context names. */
PCCERT_CONTEXT c32_cert_new(DWORD encoding, const BYTE *data, DWORD len, HCERTSTORE store);
HCERTSTORE c32_shared_store(void);
/* A CRYPT_KEY_PROV_INFO flat: the structure, then what it points to, the
 * pointers made offsets from its start (out NULL: the size only). */
DWORD c32_flatten_prov_info(const CRYPT_KEY_PROV_INFO *in, BYTE *out);
void c32_cert_copy_props(PCCERT_CONTEXT from, PCCERT_CONTEXT to);

/* cert_sign.c: the OID table's entry of a signature or hash algorithm
 * (its Algid the hash), NULL if oid is neither; bytes reversed in place. */
const CRYPT_OID_INFO *c32_signature_alg(const char *oid);
void c32_reverse(BYTE *p, DWORD n);

/* msg_simple_hash.c: what the simplified message functions share: the
 * parameter structure's checks (E_INVALIDARG), content fed to an
 * encoding message, a decoding message fed a blob (and, detached, its
 * content pieces). */
BOOL c32_simple_para_ok(DWORD size, DWORD expected, DWORD encoding);
BOOL c32_simple_update(HCRYPTMSG msg, BOOL detached, DWORD count, const BYTE *data[],
		       DWORD sizes[]);
HCRYPTMSG c32_simple_decode(DWORD encoding, HCRYPTPROV prov, const BYTE *blob, DWORD len,
			    BOOL detached, DWORD count, const BYTE *data[], DWORD sizes[]);

#endif
