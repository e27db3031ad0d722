/* Names as text: CertNameToStr (X.500 names as "CN=..., O=..." in the
 * simple, OID and X.500 forms), CertRDNValueToStr, CertStrToName (the
 * reverse) and CertGetNameString (the display, e-mail, DNS, URL,
 * attribute and RDN names of a certificate).  The W functions do the
 * work; the A ones convert. */
#include "crypt32_private.h"

/* The X.500 keys CertNameToStr writes and CertStrToName reads, with the
 * string type CertStrToName gives their values (0: printable if it can,
 * else BMP). */
static const struct x500_key {
	const WCHAR *key;
	const char *oid;
	DWORD value_type;
} x500_keys[] = {
	{ L"CN", szOID_COMMON_NAME, 0 },
	{ L"L", szOID_LOCALITY_NAME, 0 },
	{ L"O", szOID_ORGANIZATION_NAME, 0 },
	{ L"OU", szOID_ORGANIZATIONAL_UNIT_NAME, 0 },
	{ L"E", szOID_RSA_emailAddr, CERT_RDN_IA5_STRING },
	{ L"C", szOID_COUNTRY_NAME, CERT_RDN_PRINTABLE_STRING },
	{ L"S", szOID_STATE_OR_PROVINCE_NAME, 0 },
	{ L"ST", szOID_STATE_OR_PROVINCE_NAME, 0 },
	{ L"STREET", szOID_STREET_ADDRESS, 0 },
	{ L"T", szOID_TITLE, 0 },
	{ L"Title", szOID_TITLE, 0 },
	{ L"G", szOID_GIVEN_NAME, 0 },
	{ L"GivenName", szOID_GIVEN_NAME, 0 },
	{ L"I", szOID_INITIALS, 0 },
	{ L"Initials", szOID_INITIALS, 0 },
	{ L"SN", szOID_SUR_NAME, 0 },
	{ L"DC", szOID_DOMAIN_COMPONENT, CERT_RDN_IA5_STRING },
	{ L"SERIALNUMBER", szOID_DEVICE_SERIAL_NUMBER, CERT_RDN_PRINTABLE_STRING },
	{ L"Description", szOID_DESCRIPTION, 0 },
	{ L"PostalCode", szOID_POSTAL_CODE, 0 },
	{ L"POBox", szOID_POST_OFFICE_BOX, 0 },
	{ L"Phone", szOID_TELEPHONE_NUMBER, CERT_RDN_PRINTABLE_STRING },
	{ L"X21Address", szOID_X21_ADDRESS, CERT_RDN_NUMERIC_STRING },
	{ L"dnQualifier", szOID_DN_QUALIFIER, CERT_RDN_PRINTABLE_STRING },
	{ L"UID", "0.9.2342.19200300.100.1.1", 0 },
};

static const struct x500_key *key_of_oid(const char *oid)
{
	for (size_t i = 0; i < ARRAYSIZE(x500_keys); i++)
		if (!strcmp(x500_keys[i].oid, oid))
			return &x500_keys[i];
	return NULL;
}

/* A growing UTF-16 text; out of memory sets failed. */
struct text {
	WCHAR *s;
	DWORD len, cap;
	BOOL failed;
};

static void put_chars(struct text *t, const WCHAR *s, DWORD n)
{
	if (t->failed)
		return;
	if (t->len + n + 1 > t->cap) {
		DWORD cap = max(64, (t->len + n + 1) * 2);
		WCHAR *grown = t->s ? HeapReAlloc(GetProcessHeap(), 0, t->s, cap * sizeof(WCHAR))
				    : HeapAlloc(GetProcessHeap(), 0, cap * sizeof(WCHAR));

		if (!grown) {
			t->failed = TRUE;
			return;
		}
		t->s = grown;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n * sizeof(WCHAR));
	t->len += n;
	t->s[t->len] = 0;
}

static void put_text(struct text *t, const WCHAR *s)
{
	put_chars(t, s, (DWORD)lstrlenW(s));
}

static void put_narrow(struct text *t, const char *s)
{
	for (; *s; s++)
		put_chars(t, &(WCHAR){ (BYTE)*s }, 1);
}

/* Characters that make CertNameToStr quote a value. */
static BOOL needs_quotes(const WCHAR *v, DWORD n)
{
	if (!n)
		return FALSE;
	if (v[0] == ' ' || v[n - 1] == ' ')
		return TRUE;
	for (DWORD i = 0; i < n; i++)
		if (v[i] && wcschr(L",+=\"\n<>#;", v[i]))
			return TRUE;
	return FALSE;
}

/* A value decoded by X509_UNICODE_NAME (UTF-16 for text types). */
static void put_value(struct text *t, const CERT_NAME_VALUE *v, BOOL quote)
{
	const WCHAR *w = (const WCHAR *)v->Value.pbData;
	DWORD n = v->Value.cbData / sizeof(WCHAR);

	if (!IS_CERT_RDN_CHAR_STRING(v->dwValueType)) {
		/* octets and encoded values as hex digits, as Windows shows them */
		static const WCHAR hex[] = L"0123456789abcdef";

		for (DWORD i = 0; i < v->Value.cbData; i++) {
			WCHAR pair[2] = { hex[v->Value.pbData[i] >> 4], hex[v->Value.pbData[i] & 15] };

			put_chars(t, pair, 2);
		}
		return;
	}
	if (!quote || !needs_quotes(w, n)) {
		put_chars(t, w, n);
		return;
	}
	put_chars(t, L"\"", 1);
	for (DWORD i = 0; i < n; i++) {
		put_chars(t, w + i, 1);
		if (w[i] == '"')
			put_chars(t, w + i, 1); /* a quote is doubled */
	}
	put_chars(t, L"\"", 1);
}

static void put_name(struct text *t, const CERT_NAME_INFO *name, DWORD str_type)
{
	DWORD form = str_type & 0xffff;
	const WCHAR *sep = str_type & CERT_NAME_STR_SEMICOLON_FLAG ? L"; "
			   : str_type & CERT_NAME_STR_CRLF_FLAG	 ? L"\r\n"
								 : L", ";
	const WCHAR *plus = str_type & CERT_NAME_STR_NO_PLUS_FLAG ? L" " : L" + ";
	BOOL quote = !(str_type & CERT_NAME_STR_NO_QUOTING_FLAG);

	for (DWORD r = 0; r < name->cRDN; r++) {
		DWORD i = str_type & CERT_NAME_STR_REVERSE_FLAG ? name->cRDN - 1 - r : r;
		const CERT_RDN *rdn = &name->rgRDN[i];

		if (r)
			put_text(t, sep);
		for (DWORD j = 0; j < rdn->cRDNAttr; j++) {
			const CERT_RDN_ATTR *attr = &rdn->rgRDNAttr[j];
			const struct x500_key *key = key_of_oid(attr->pszObjId);

			if (j)
				put_text(t, plus);
			if (form == CERT_OID_NAME_STR || (form == CERT_X500_NAME_STR && !key)) {
				put_narrow(t, attr->pszObjId);
				put_chars(t, L"=", 1);
			} else if (form == CERT_X500_NAME_STR) {
				put_text(t, key->key);
				put_chars(t, L"=", 1);
			}
			put_value(t, (const CERT_NAME_VALUE *)&attr->dwValueType, quote);
		}
	}
}

/* Hands text out the way CertNameToStrW and CertGetNameStringW do: the
 * characters with the NUL; a short buffer gets what fits, NUL-ended. */
static DWORD hand_out_wide(const struct text *t, WCHAR *out, DWORD out_len)
{
	DWORD n = t->len + 1;

	if (!out || !out_len)
		return n;
	if (n > out_len)
		n = out_len;
	memcpy(out, t->s ? t->s : L"", (n - 1) * sizeof(WCHAR));
	out[n - 1] = 0;
	return n;
}

/* The A form of a W result: the converted text; a short buffer gets an
 * empty string and 1, as Windows returns. */
static DWORD hand_out_narrow(const struct text *t, char *out, DWORD out_len)
{
	int n = WideCharToMultiByte(CP_ACP, 0, t->s ? t->s : L"", (int)t->len + 1, NULL, 0, NULL,
				    NULL);

	if (!out || !out_len)
		return (DWORD)n;
	if ((DWORD)n > out_len) {
		/* what fits is converted, then the string is cut at its start */
		char *all = HeapAlloc(GetProcessHeap(), 0, n);

		if (all) {
			WideCharToMultiByte(CP_ACP, 0, t->s, (int)t->len + 1, all, n, NULL, NULL);
			memcpy(out, all, out_len);
			HeapFree(GetProcessHeap(), 0, all);
		}
		out[0] = 0;
		return 1;
	}
	WideCharToMultiByte(CP_ACP, 0, t->s ? t->s : L"", (int)t->len + 1, out, n, NULL, NULL);
	return (DWORD)n;
}

/* Hands t out as the W (wide) or A function does, and frees it. */
static DWORD hand_out(struct text *t, void *out, DWORD out_len, BOOL wide)
{
	DWORD n = wide ? hand_out_wide(t, out, out_len) : hand_out_narrow(t, out, out_len);

	HeapFree(GetProcessHeap(), 0, t->s);
	return n;
}

static CERT_NAME_INFO *decode_unicode_name(DWORD encoding, const CERT_NAME_BLOB *blob)
{
	CERT_NAME_INFO *name = NULL;
	DWORD size;

	if (!CryptDecodeObjectEx(encoding, X509_UNICODE_NAME, blob->pbData, blob->cbData,
				 CRYPT_DECODE_ALLOC_FLAG, NULL, &name, &size))
		return NULL;
	return name;
}

/* The text of a name into t; FALSE (last error set) if it does not decode. */
static BOOL name_text(DWORD encoding, const CERT_NAME_BLOB *blob, DWORD str_type, struct text *t)
{
	CERT_NAME_INFO *name;

	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING)
		return c32_fail(ERROR_FILE_NOT_FOUND);
	if (!blob->cbData)
		return TRUE;
	if (!(name = decode_unicode_name(encoding, blob)))
		return FALSE;
	put_name(t, name, str_type);
	LocalFree(name);
	return TRUE;
}

static DWORD name_to_str(DWORD encoding, PCERT_NAME_BLOB blob, DWORD str_type, void *out,
			 DWORD out_len, BOOL wide)
{
	struct text t = { 0 };

	if (name_text(encoding, blob, str_type, &t))
		SetLastError(ERROR_SUCCESS);
	return hand_out(&t, out, out_len, wide);
}

C32_API DWORD WINAPI CertNameToStrW(DWORD encoding, PCERT_NAME_BLOB blob, DWORD str_type,
				    LPWSTR out, DWORD out_len)
{
	return name_to_str(encoding, blob, str_type, out, out_len, TRUE);
}

C32_API DWORD WINAPI CertNameToStrA(DWORD encoding, PCERT_NAME_BLOB blob, DWORD str_type,
				    LPSTR out, DWORD out_len)
{
	return name_to_str(encoding, blob, str_type, out, out_len, FALSE);
}

/* A value as CertRDNValueToStr reads it: X509_NAME's form (bytes for the
 * 8-bit types, UTF-16 for BMP, UTF-8 and universal strings). */
static void rdn_value_text(DWORD type, const CERT_RDN_VALUE_BLOB *v, struct text *t)
{
	type &= CERT_RDN_TYPE_MASK;
	if (type == CERT_RDN_BMP_STRING || type == CERT_RDN_UTF8_STRING ||
	    type == CERT_RDN_UNIVERSAL_STRING) {
		put_chars(t, (const WCHAR *)v->pbData, v->cbData / sizeof(WCHAR));
	} else if (IS_CERT_RDN_CHAR_STRING(type)) {
		for (DWORD i = 0; i < v->cbData; i++)
			put_chars(t, &(WCHAR){ v->pbData[i] }, 1);
	}
}

C32_API DWORD WINAPI CertRDNValueToStrW(DWORD type, PCERT_RDN_VALUE_BLOB value, LPWSTR out,
					DWORD out_len)
{
	struct text t = { 0 };

	rdn_value_text(type, value, &t);
	if (out && out_len && out_len < t.len + 1) {
		out[0] = 0; /* too short: nothing but an empty string */
		HeapFree(GetProcessHeap(), 0, t.s);
		return 1;
	}
	return hand_out(&t, out, out_len, TRUE);
}

C32_API DWORD WINAPI CertRDNValueToStrA(DWORD type, PCERT_RDN_VALUE_BLOB value, LPSTR out,
					DWORD out_len)
{
	struct text t = { 0 };

	rdn_value_text(type, value, &t);
	return hand_out(&t, out, out_len, FALSE);
}

/* CertStrToName: "KEY=value" pairs, KEY an X.500 key, "OID.1.2.3" or
 * "1.2.3"; values plain (trimmed) or quoted ("" for a quote); RDNs
 * separated by ',' or ';' (or as the flags say), attributes of one RDN
 * by '+'. */
struct parsed_attr {
	char oid[64];
	DWORD type;
	WCHAR *value;
	BOOL new_rdn;
};

static BOOL is_space(WCHAR c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static BOOL is_separator(WCHAR c, DWORD flags)
{
	if (c == '+')
		return !(flags & CERT_NAME_STR_NO_PLUS_FLAG);
	if (flags & (CERT_NAME_STR_COMMA_FLAG | CERT_NAME_STR_SEMICOLON_FLAG | CERT_NAME_STR_CRLF_FLAG))
		return (flags & CERT_NAME_STR_COMMA_FLAG && c == ',') ||
		       (flags & CERT_NAME_STR_SEMICOLON_FLAG && c == ';') ||
		       (flags & CERT_NAME_STR_CRLF_FLAG && (c == '\r' || c == '\n'));
	return c == ',' || c == ';';
}

/* The key at *p (moved past "KEY="): its OID and value type; FALSE if it
 * is none. */
static BOOL parse_key(const WCHAR **p, struct parsed_attr *a)
{
	const WCHAR *s = *p, *end;
	DWORD n;

	while (is_space(*s))
		s++;
	for (end = s; *end && *end != '=' && !is_space(*end); end++)
		;
	n = (DWORD)(end - s);
	while (is_space(*end))
		end++;
	if (*end != '=' || !n)
		return FALSE;
	if (n > 4 && !_wcsnicmp(s, L"OID.", 4)) {
		s += 4;
		n -= 4;
	}
	a->type = 0;
	if (*s >= '0' && *s <= '9') {
		if (n >= sizeof(a->oid))
			return FALSE;
		for (DWORD i = 0; i < n; i++) {
			if (!(s[i] == '.' || (s[i] >= '0' && s[i] <= '9')))
				return FALSE;
			a->oid[i] = (char)s[i];
		}
		a->oid[n] = 0;
	} else {
		const struct x500_key *key = NULL;

		for (size_t i = 0; !key && i < ARRAYSIZE(x500_keys); i++)
			if (lstrlenW(x500_keys[i].key) == (int)n && !_wcsnicmp(x500_keys[i].key, s, n))
				key = &x500_keys[i];
		if (!key)
			return FALSE;
		strcpy(a->oid, key->oid);
		a->type = key->value_type;
	}
	*p = end + 1;
	return TRUE;
}

/* The value at *p into a new string; *p moves to the separator or end. */
static BOOL parse_value(const WCHAR **p, DWORD flags, struct parsed_attr *a)
{
	const WCHAR *s = *p;
	struct text t = { 0 };

	while (is_space(*s))
		s++;
	if (*s == '"' && !(flags & CERT_NAME_STR_NO_QUOTING_FLAG)) {
		for (s++;; s++) {
			if (!*s)
				return FALSE;
			if (*s == '"') {
				if (s[1] != '"')
					break;
				s++;
			}
			put_chars(&t, s, 1);
		}
		for (s++; is_space(*s); s++)
			;
		if (*s && !is_separator(*s, flags)) {
			HeapFree(GetProcessHeap(), 0, t.s);
			*p = s; /* where the error is */
			return FALSE;
		}
	} else {
		const WCHAR *start = s, *end;

		while (*s && !is_separator(*s, flags))
			s++;
		for (end = s; end > start && is_space(end[-1]); end--)
			;
		put_chars(&t, start, (DWORD)(end - start));
	}
	if (t.failed)
		return FALSE;
	put_chars(&t, L"", 0);
	a->value = t.s ? t.s : NULL;
	if (!a->value && !(a->value = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(WCHAR))))
		return FALSE;
	*p = s;
	return TRUE;
}

C32_API BOOL WINAPI CertStrToNameW(DWORD encoding, LPCWSTR x500, DWORD str_type, void *reserved,
				   BYTE *encoded, DWORD *encoded_len, LPCWSTR *error)
{
	struct parsed_attr *attrs = NULL;
	CERT_RDN_ATTR *rdn_attrs = NULL;
	CERT_RDN *rdns = NULL;
	CERT_NAME_INFO name = { 0 };
	DWORD count = 0, cap = 0;
	const WCHAR *p = x500;
	BOOL ok = FALSE, new_rdn = TRUE;

	if (error)
		*error = NULL;
	if (!x500)
		return c32_fail(CRYPT_E_INVALID_X500_STRING);
	while (*p) {
		struct parsed_attr a = { .new_rdn = new_rdn };

		if (count == cap) {
			struct parsed_attr *grown;

			cap = cap ? cap * 2 : 8;
			grown = attrs ? HeapReAlloc(GetProcessHeap(), 0, attrs, cap * sizeof(*attrs))
				      : HeapAlloc(GetProcessHeap(), 0, cap * sizeof(*attrs));
			if (!grown) {
				SetLastError(ERROR_NOT_ENOUGH_MEMORY);
				goto done;
			}
			attrs = grown;
		}
		if (!parse_key(&p, &a) || !parse_value(&p, str_type, &a)) {
			if (error)
				*error = p;
			SetLastError(CRYPT_E_INVALID_X500_STRING);
			goto done;
		}
		attrs[count++] = a;
		new_rdn = *p != '+';
		if (*p)
			p++;
		while (is_space(*p))
			p++;
	}
	if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING) {
		SetLastError(ERROR_FILE_NOT_FOUND);
		goto done;
	}
	rdn_attrs = HeapAlloc(GetProcessHeap(), 0, (count + 1) * sizeof(*rdn_attrs));
	rdns = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, (count + 1) * sizeof(*rdns));
	if (!rdn_attrs || !rdns) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		goto done;
	}
	for (DWORD i = 0; i < count; i++) {
		DWORD at = str_type & CERT_NAME_STR_REVERSE_FLAG ? count - 1 - i : i;

		rdn_attrs[i].pszObjId = attrs[at].oid;
		rdn_attrs[i].dwValueType = attrs[at].type;
		rdn_attrs[i].Value.cbData = (DWORD)lstrlenW(attrs[at].value) * sizeof(WCHAR);
		rdn_attrs[i].Value.pbData = (BYTE *)attrs[at].value;
		if (attrs[i].new_rdn || !name.cRDN)
			rdns[name.cRDN++].rgRDNAttr = &rdn_attrs[i];
		rdns[name.cRDN - 1].cRDNAttr++;
	}
	name.rgRDN = rdns;
	ok = CryptEncodeObjectEx(encoding, X509_UNICODE_NAME, &name, 0, NULL, encoded, encoded_len);
	if (ok)
		SetLastError(ERROR_SUCCESS);
done:
	for (DWORD i = 0; i < count; i++)
		HeapFree(GetProcessHeap(), 0, attrs[i].value);
	HeapFree(GetProcessHeap(), 0, attrs);
	HeapFree(GetProcessHeap(), 0, rdn_attrs);
	HeapFree(GetProcessHeap(), 0, rdns);
	return ok;
}

C32_API BOOL WINAPI CertStrToNameA(DWORD encoding, LPCSTR x500, DWORD str_type, void *reserved,
				   BYTE *encoded, DWORD *encoded_len, LPCSTR *error)
{
	int n = x500 ? MultiByteToWideChar(CP_ACP, 0, x500, -1, NULL, 0) : 0;
	WCHAR *wide = n ? HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR)) : NULL;
	LPCWSTR wide_error = NULL;
	BOOL ok;

	if (error)
		*error = NULL;
	if (n && !wide)
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	if (wide)
		MultiByteToWideChar(CP_ACP, 0, x500, -1, wide, n);
	ok = CertStrToNameW(encoding, wide, str_type, reserved, encoded, encoded_len, &wide_error);
	if (error && wide_error) /* the same character of the narrow text */
		*error = x500 + WideCharToMultiByte(CP_ACP, 0, wide, (int)(wide_error - wide), NULL, 0,
						    NULL, NULL);
	HeapFree(GetProcessHeap(), 0, wide);
	return ok;
}

/* CertGetNameString: the names of a certificate's subject (or, with
 * CERT_NAME_ISSUER_FLAG, issuer) and its alternative name extension. */
static CERT_ALT_NAME_INFO *alt_names_of(const CERT_INFO *info, BOOL issuer)
{
	static const char *const subject_oids[] = { szOID_SUBJECT_ALT_NAME2, szOID_SUBJECT_ALT_NAME };
	static const char *const issuer_oids[] = { szOID_ISSUER_ALT_NAME2, szOID_ISSUER_ALT_NAME };
	const char *const *oids = issuer ? issuer_oids : subject_oids;
	CERT_ALT_NAME_INFO *names = NULL;
	DWORD size;

	for (int i = 0; i < 2 && !names; i++) {
		CERT_EXTENSION *ext = CertFindExtension(oids[i], info->cExtension, info->rgExtension);

		if (ext && !CryptDecodeObjectEx(X509_ASN_ENCODING, X509_ALTERNATE_NAME, ext->Value.pbData,
						ext->Value.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &names,
						&size))
			names = NULL;
	}
	return names;
}

/* Alternative names of one kind as text (all: each NUL-ended); FALSE if
 * there are none. */
static BOOL put_alt_names(struct text *t, const CERT_ALT_NAME_INFO *names, DWORD choice, BOOL all)
{
	BOOL found = FALSE;

	for (DWORD i = 0; names && i < names->cAltEntry && (all || !found); i++) {
		const CERT_ALT_NAME_ENTRY *e = &names->rgAltEntry[i];

		if (e->dwAltNameChoice != choice || !e->pwszDNSName)
			continue;
		put_text(t, e->pwszDNSName); /* the string member, whichever kind */
		if (all)
			put_chars(t, L"", 1);
		found = TRUE;
	}
	return found;
}

/* The first attribute of the name with one of oids, as text. */
static BOOL put_attr(struct text *t, const CERT_NAME_INFO *name, const char *const *oids, int n)
{
	for (int i = 0; name && i < n; i++) {
		CERT_RDN_ATTR *attr = CertFindRDNAttr(oids[i], (CERT_NAME_INFO *)name);

		if (attr) {
			put_value(t, (const CERT_NAME_VALUE *)&attr->dwValueType, FALSE);
			return TRUE;
		}
	}
	return FALSE;
}

static void name_string(PCCERT_CONTEXT ctx, DWORD type, DWORD flags, void *para, struct text *t)
{
	static const char *const display_oids[] = { szOID_COMMON_NAME,
						    szOID_ORGANIZATIONAL_UNIT_NAME,
						    szOID_ORGANIZATION_NAME, szOID_RSA_emailAddr };
	static const char *const email_oid[] = { szOID_RSA_emailAddr };
	static const char *const cn_oid[] = { szOID_COMMON_NAME };
	BOOL issuer = flags & CERT_NAME_ISSUER_FLAG, all = flags & CERT_NAME_SEARCH_ALL_NAMES_FLAG;
	CERT_NAME_BLOB *blob;
	CERT_NAME_INFO *name;
	CERT_ALT_NAME_INFO *alt;
	const char *oid;

	if (!ctx || !ctx->pCertInfo)
		return;
	blob = issuer ? &ctx->pCertInfo->Issuer : &ctx->pCertInfo->Subject;
	if (type == CERT_NAME_RDN_TYPE) {
		name_text(ctx->dwCertEncodingType, blob, para ? *(DWORD *)para : 0, t);
		return;
	}
	if (all && type != CERT_NAME_DNS_TYPE)
		return; /* only DNS names are listed whole */
	if (type == CERT_NAME_FRIENDLY_DISPLAY_TYPE) {
		DWORD size = 0;

		if (CertGetCertificateContextProperty(ctx, CERT_FRIENDLY_NAME_PROP_ID, NULL, &size) &&
		    size >= sizeof(WCHAR)) {
			WCHAR *friendly = HeapAlloc(GetProcessHeap(), 0, size);

			if (friendly &&
			    CertGetCertificateContextProperty(ctx, CERT_FRIENDLY_NAME_PROP_ID, friendly,
							      &size))
				put_chars(t, friendly, size / sizeof(WCHAR) - !friendly[size / 2 - 1]);
			HeapFree(GetProcessHeap(), 0, friendly);
			return;
		}
		type = CERT_NAME_SIMPLE_DISPLAY_TYPE;
	}
	name = decode_unicode_name(ctx->dwCertEncodingType, blob);
	alt = alt_names_of(ctx->pCertInfo, issuer);
	switch (type) {
	case CERT_NAME_EMAIL_TYPE:
		if (!put_alt_names(t, alt, CERT_ALT_NAME_RFC822_NAME, FALSE))
			put_attr(t, name, email_oid, 1);
		break;
	case CERT_NAME_SIMPLE_DISPLAY_TYPE:
		if (!put_attr(t, name, display_oids, ARRAYSIZE(display_oids)))
			put_alt_names(t, alt, CERT_ALT_NAME_RFC822_NAME, FALSE);
		break;
	case CERT_NAME_ATTR_TYPE:
		oid = para ? para : szOID_RSA_emailAddr;
		put_attr(t, name, &oid, 1);
		break;
	case CERT_NAME_DNS_TYPE:
		if (!put_alt_names(t, alt, CERT_ALT_NAME_DNS_NAME, all) && put_attr(t, name, cn_oid, 1) &&
		    all)
			put_chars(t, L"", 1);
		break;
	case CERT_NAME_URL_TYPE:
		put_alt_names(t, alt, CERT_ALT_NAME_URL, FALSE);
		break;
	}
	LocalFree(name);
	LocalFree(alt);
}

C32_API DWORD WINAPI CertGetNameStringW(PCCERT_CONTEXT ctx, DWORD type, DWORD flags, void *para,
					LPWSTR out, DWORD out_len)
{
	struct text t = { 0 };
	DWORD n;

	name_string(ctx, type, flags, para, &t);
	n = hand_out_wide(&t, out, out_len);
	/* a list of names cut short still ends with two NULs */
	if (out && out_len && flags & CERT_NAME_SEARCH_ALL_NAMES_FLAG && n < t.len + 1 && n >= 2)
		out[n - 2] = 0;
	HeapFree(GetProcessHeap(), 0, t.s);
	return n;
}

C32_API DWORD WINAPI CertGetNameStringA(PCCERT_CONTEXT ctx, DWORD type, DWORD flags, void *para,
					LPSTR out, DWORD out_len)
{
	struct text t = { 0 };

	name_string(ctx, type, flags, para, &t);
	return hand_out(&t, out, out_len, FALSE);
}
