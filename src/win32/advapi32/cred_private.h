/* Private declarations of the credential store (cred.c, cred_ansi.c). */
#ifndef LSW_ADV_CRED_PRIVATE_H
#define LSW_ADV_CRED_PRIVATE_H

#include "adv_private.h"
#include "adv_security.h"
#include <wincred.h>

/* The Windows SDK's values; mingw-w64's wincred.h predates them. */
#define CRED_TYPE_LAST 6 /* CRED_TYPE_DOMAIN_EXTENDED */
#define CRED_ENUMERATE_ALL_CREDENTIALS_ 0x1

/* Lays out strings and bytes after a structure in one allocation: with
 * base NULL only the size is counted. */
struct cred_packer {
	BYTE *base;
	SIZE_T used;
};

void *cred_pack(struct cred_packer *p, const void *data, SIZE_T size, SIZE_T align);

#endif
