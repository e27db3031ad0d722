/*
 * Client controls a program builds to send with a request: the server
 * side sort control (RFC 2891, OID 1.2.840.113556.1.4.473) and the paged
 * results control (RFC 2696, 1.2.840.113556.1.4.319), their values BER
 * encoded by ber_printf; and ldap_control_free.  A control is one heap
 * block: the LDAPControl, its OID, then its value's bytes (an array of
 * them goes to ldap_controls_free, which is ldap_value_free).
 */
#include "ber_private.h"
#include <string.h>

#define SORT_OID "1.2.840.113556.1.4.473"
#define PAGE_OID "1.2.840.113556.1.4.319"

typedef struct {
	char *oid;
	struct berval value;
	BOOLEAN critical;
} LDAPControlA;

typedef struct {
	WCHAR *oid;
	struct berval value;
	BOOLEAN critical;
} LDAPControlW;

typedef struct {
	char *attribute;
	char *rule;           /* matching rule OID, or NULL */
	BOOLEAN reverse;
} LDAPSortKeyA;

typedef struct {
	WCHAR *attribute;
	WCHAR *rule;
	BOOLEAN reverse;
} LDAPSortKeyW;

/* The control for an encoded value (freed here); wide: an LDAPControlW. */
static ULONG make_control(BerElement *ber, const char *oid, UCHAR critical, BOOL wide, void **out)
{
	struct berval *value = NULL;
	size_t oid_len = strlen(oid) + 1, oid_bytes = wide ? oid_len * sizeof(WCHAR) : oid_len;
	LDAPControlA *c = NULL;

	if (!ber_flatten(ber, &value) &&
	    (c = ber_mem_alloc(sizeof(LDAPControlW) + oid_bytes + value->bv_len))) {
		char *oid_copy = (char *)c + sizeof(LDAPControlW);

		if (wide)
			MultiByteToWideChar(CP_UTF8, 0, oid, -1, (WCHAR *)oid_copy, (int)oid_len);
		else
			memcpy(oid_copy, oid, oid_len);
		c->oid = oid_copy;
		c->value.bv_len = value->bv_len;
		c->value.bv_val = oid_copy + oid_bytes;
		memcpy(c->value.bv_val, value->bv_val, value->bv_len);
		c->critical = critical;
	}
	ber_bvfree(value);
	ber_free(ber, 1);
	*out = c;
	return c ? LDAP_SUCCESS : ldap_fail(LDAP_NO_MEMORY);
}

/* One SortKey: SEQUENCE { attributeType, [0] orderingRule OPTIONAL,
 * [1] reverseOrder BOOLEAN DEFAULT FALSE }. */
static BOOL put_sort_key(BerElement *ber, const char *attribute, const char *rule, BOOLEAN reverse)
{
	if (!attribute || ber_printf(ber, (char *)"{s", attribute))
		return FALSE;
	if (rule && ber_printf(ber, (char *)"ts", 0x80, rule))
		return FALSE;
	if (reverse && ber_printf(ber, (char *)"tb", 0x81, 1))
		return FALSE;
	return !ber_printf(ber, (char *)"}");
}

static char *utf8(const WCHAR *s)
{
	int n = s ? WideCharToMultiByte(CP_UTF8, 0, s, -1, NULL, 0, NULL, NULL) : 0;
	char *out = n ? ber_mem_alloc(n) : NULL;

	if (out)
		WideCharToMultiByte(CP_UTF8, 0, s, -1, out, n, NULL, NULL);
	return out;
}

static ULONG sort_control(LDAP *ld, void **keys, BOOL wide, UCHAR critical, void **out)
{
	BerElement *ber;
	BOOL ok;

	if (!ld || !keys || !out)
		return ldap_fail(LDAP_PARAM_ERROR);
	if (!(ber = ber_alloc_t(LBER_USE_DER)))
		return ldap_fail(LDAP_NO_MEMORY);
	ok = !ber_printf(ber, (char *)"{");
	for (void **k = keys; ok && *k; k++) {
		if (wide) {
			LDAPSortKeyW *key = *k;
			char *attribute = utf8(key->attribute), *rule = utf8(key->rule);

			ok = attribute && (rule || !key->rule) && put_sort_key(ber, attribute, rule, key->reverse);
			ber_mem_free(attribute);
			ber_mem_free(rule);
		} else {
			LDAPSortKeyA *key = *k;

			ok = put_sort_key(ber, key->attribute, key->rule, key->reverse);
		}
	}
	if (!ok || ber_printf(ber, (char *)"}")) {
		ber_free(ber, 1);
		return ldap_fail(LDAP_PARAM_ERROR);
	}
	return make_control(ber, SORT_OID, critical, wide, out);
}

ULONG CDECL ldap_create_sort_controlA(LDAP *ld, LDAPSortKeyA **keys, UCHAR critical, LDAPControlA **out)
{
	return sort_control(ld, (void **)keys, FALSE, critical, (void **)out);
}

ULONG CDECL ldap_create_sort_controlW(LDAP *ld, LDAPSortKeyW **keys, UCHAR critical, LDAPControlW **out)
{
	return sort_control(ld, (void **)keys, TRUE, critical, (void **)out);
}

/* realSearchControlValue ::= SEQUENCE { size INTEGER, cookie OCTET STRING } */
static ULONG page_control(LDAP *ld, ULONG size, struct berval *cookie, BOOL wide, UCHAR critical, void **out)
{
	BerElement *ber;

	if (!ld || !out || size > 0x7FFFFFFF)
		return ldap_fail(LDAP_PARAM_ERROR);
	if (!(ber = ber_alloc_t(LBER_USE_DER)))
		return ldap_fail(LDAP_NO_MEMORY);
	if (ber_printf(ber, (char *)"{io}", (int)size, cookie ? cookie->bv_val : "", cookie ? cookie->bv_len : 0)) {
		ber_free(ber, 1);
		return ldap_fail(LDAP_NO_MEMORY);
	}
	return make_control(ber, PAGE_OID, critical, wide, out);
}

ULONG CDECL ldap_create_page_controlA(LDAP *ld, ULONG size, struct berval *cookie, UCHAR critical,
	LDAPControlA **out)
{
	return page_control(ld, size, cookie, FALSE, critical, (void **)out);
}

ULONG CDECL ldap_create_page_controlW(LDAP *ld, ULONG size, struct berval *cookie, UCHAR critical,
	LDAPControlW **out)
{
	return page_control(ld, size, cookie, TRUE, critical, (void **)out);
}

/* ldap_control_free(A/W): one control made here. */
ULONG CDECL ldap_control_free(void *control)
{
	ber_mem_free(control);
	return LDAP_SUCCESS;
}
