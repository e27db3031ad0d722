/* Cryptographic messages (PKCS #7 / CMS): one handle type for messages
 * being encoded (msg_encode.c) and decoded (msg_decode.c), the signers of
 * signed ones (msg_signer.c), and what they share (msg.c). */
#ifndef LSW_CRYPT32_MSG_PRIVATE_H
#define LSW_CRYPT32_MSG_PRIVATE_H

#define CMSG_SIGNER_ENCODE_INFO_HAS_CMS_FIELDS
#define CMSG_SIGNED_ENCODE_INFO_HAS_CMS_FIELDS
#include "der.h"

/* A signer of a signed message.  Encoding: its SignerInfo without the
 * signature, decoded back (one allocation, self-contained), and the key
 * that signs.  Decoding: its SignerInfo as decoded, and where its
 * encoding lies in the message. */
struct msg_signer {
	CMSG_CMS_SIGNER_INFO *info; /* LocalAlloc'd by CryptDecodeObjectEx */
	const BYTE *raw;            /* decoding: the encoded SignerInfo */
	DWORD raw_len;
	HCRYPTPROV prov;            /* encoding: signs with key_spec's key */
	DWORD key_spec;
	ALG_ID hash_alg;
	CRYPT_ATTRIBUTES *signed_attrs; /* encoding: the authenticated attributes signed */
	BYTE *signature; /* encoding, after the final update: big-endian */
	DWORD signature_len;
};

struct msg {
	DWORD magic;
	LONG refs;
	BOOL decoding;
	DWORD type;  /* CMSG_DATA...; decoding: 0 until known */
	DWORD flags; /* CMSG_DETACHED_FLAG, CMSG_CRYPT_RELEASE_CONTEXT_FLAG... */
	BOOL streamed;
	CMSG_STREAM_INFO stream;
	BOOL updated;     /* an update happened */
	BOOL final;       /* the final update happened (encoding) / the message is decoded */
	BOOL hash_taken;  /* the computed hash was read: no more content */
	BOOL detached_in; /* decoding: the detached content arrived */
	BOOL stream_open; /* encoding a data stream: its header went out */
	char *inner_oid;  /* the inner content type (NULL: data) */
	struct der_out content; /* the content so far */
	/* hashed */
	HCRYPTPROV prov;
	BOOL own_prov;
	ALG_ID hash_alg;
	CRYPT_ALGORITHM_IDENTIFIER *alg; /* LocalAlloc'd copy */
	const BYTE *digest;              /* decoding: the message's hash */
	DWORD digest_len;
	/* signed */
	struct msg_signer *signers;
	DWORD n_signers;
	CRYPT_DATA_BLOB *certs, *crls; /* one array, CRLs after the certificates */
	DWORD n_certs, n_crls;
	DWORD version;
	/* decoding */
	struct der_out input;
	BYTE *copies; /* encoding: the certificates' and CRLs' bytes */
	/* enveloped (decoding) */
	const BYTE *encrypted;
	DWORD encrypted_len;
	DWORD n_recipients;
	const BYTE *recipients; /* the SET's contents */
	DWORD recipients_len;
};
#define MSG_MAGIC 0x4753534du /* "MSSG" */

/* msg.c */
BOOL msg_out(void *buf, DWORD *size, const void *data, DWORD len);
BOOL msg_out_dword(void *buf, DWORD *size, DWORD value);
/* A hash of alg over data (and more, may be NULL) on prov; 0 on failure. */
HCRYPTHASH msg_hash(HCRYPTPROV prov, ALG_ID alg, const BYTE *data, DWORD len, const BYTE *more,
		    DWORD more_len);
/* The value of a hash of alg over data into buf (msg_out's rules). */
BOOL msg_hash_value(HCRYPTPROV prov, ALG_ID alg, const BYTE *data, DWORD len, void *buf,
		    DWORD *size);
char *msg_strdup(const char *s);
/* A new message handle (a reference for the caller). */
struct msg *msg_new(BOOL decoding, DWORD type, DWORD flags, const CMSG_STREAM_INFO *stream);
/* The message's CSP: the one it was opened with, or a verification context
 * of its own (0 and the last error if none can be had). */
HCRYPTPROV msg_prov(struct msg *m);
void *msg_alloc(DWORD n);
void msg_free(void *p);
/* The msg's hash algorithm copy: alg->Parameters, the OID's ALG_ID. */
BOOL msg_copy_algorithm(const CRYPT_ALGORITHM_IDENTIFIER *from, CRYPT_ALGORITHM_IDENTIFIER **to,
			ALG_ID *alg);
/* Writes SEQUENCE { oid, [0] EXPLICIT content } (content NULL: absent). */
void msg_put_content_info(struct der_out *o, const char *oid, const BYTE *content, DWORD len);
/* AlgorithmIdentifier with NULL parameters when it has none. */
void msg_put_algorithm(struct der_out *o, const CRYPT_ALGORITHM_IDENTIFIER *alg);

/* msg_encode.c */
HCRYPTMSG msg_open_encode(DWORD flags, DWORD type, const void *info, const char *inner,
			  const CMSG_STREAM_INFO *stream);
BOOL msg_encode_update(struct msg *m, const BYTE *data, DWORD len, BOOL final);
BOOL msg_encode_param(struct msg *m, DWORD param, DWORD index, void *buf, DWORD *size);

/* msg_decode.c */
BOOL msg_decode_update(struct msg *m, const BYTE *data, DWORD len, BOOL final);
BOOL msg_decode_param(struct msg *m, DWORD param, DWORD index, void *buf, DWORD *size);
BOOL msg_decode_control(struct msg *m, DWORD flags, DWORD type, const void *para);

/* msg_signer.c */
BOOL msg_signer_new(struct msg_signer *s, const CMSG_SIGNER_ENCODE_INFO *info);
/* Signs the content (the message's) with each signer: FALSE and the CSP's error. */
BOOL msg_signers_sign(struct msg *m);
/* A signer's SignerInfo (with its signature if any) appended to o. */
BOOL msg_signer_encode(const struct msg_signer *s, struct der_out *o);
void msg_signer_free(struct msg_signer *s, BOOL release);
/* Checks signer index's signature with the public key (decoding). */
BOOL msg_signer_verify(struct msg *m, DWORD index, PCERT_PUBLIC_KEY_INFO key);
/* The raw [0] attributes of a SignerInfo with a SET tag (NULL: none). */
BYTE *msg_signer_auth_attrs(const BYTE *raw, DWORD len, DWORD *out_len, BOOL unauth);

#endif
