/*
 * GUIDs: CoCreateGuid (random, version 4), their registry-format strings
 * "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" both ways, and ProgIDs.
 */
#include "combase_private.h"

/* advapi32's RtlGenRandom: the system's entropy (the supervisor's
 * \Device\CNG), as UuidCreate uses on Windows. */
BOOLEAN WINAPI SystemFunction036(void *buf, ULONG len);

/* A GUID is unique, not secret: if the system has no entropy to give,
 * the clock, the cycle counter and the ids are mixed (splitmix64) so that
 * GUIDs made one after another, in threads or processes, still differ. */
static ULONGLONG fallback64(void)
{
	static LONG64 counter;
	LARGE_INTEGER qpc;
	ULONGLONG z;

	QueryPerformanceCounter(&qpc);
	z = (ULONGLONG)qpc.QuadPart ^ __builtin_ia32_rdtsc() ^
	    ((ULONGLONG)GetCurrentProcessId() << 32) ^ GetCurrentThreadId() ^
	    ((ULONGLONG)InterlockedIncrement64(&counter) * 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

HRESULT WINAPI CoCreateGuid(GUID *guid)
{
	ULONGLONG r[2];

	if (!guid)
		return E_INVALIDARG;
	if (!SystemFunction036(r, sizeof(r))) {
		r[0] = fallback64();
		r[1] = fallback64();
	}
	memcpy(guid, r, sizeof(*guid));
	/* RFC 4122 version 4 (random) and variant 10xx */
	guid->Data3 = (guid->Data3 & 0x0FFF) | 0x4000;
	guid->Data4[0] = (guid->Data4[0] & 0x3F) | 0x80;
	return S_OK;
}

static WCHAR *put_hex(WCHAR *p, ULONG v, int digits)
{
	static const char hex[] = "0123456789ABCDEF";

	for (int i = digits - 1; i >= 0; i--)
		*p++ = hex[(v >> (4 * i)) & 0xF];
	return p;
}

/* Characters written with the NUL (39), or 0 when the buffer is short. */
INT WINAPI StringFromGUID2(REFGUID guid, LPOLESTR buf, INT size)
{
	WCHAR *p = buf;

	if (!guid || !buf || size < 39)
		return 0;
	*p++ = '{';
	p = put_hex(p, guid->Data1, 8);
	*p++ = '-';
	p = put_hex(p, guid->Data2, 4);
	*p++ = '-';
	p = put_hex(p, guid->Data3, 4);
	*p++ = '-';
	for (int i = 0; i < 8; i++) {
		if (i == 2)
			*p++ = '-';
		p = put_hex(p, guid->Data4[i], 2);
	}
	*p++ = '}';
	*p = 0;
	return 39;
}

/* The string in task memory, freed by the caller with CoTaskMemFree. */
HRESULT WINAPI StringFromCLSID(REFCLSID clsid, LPOLESTR *out)
{
	if (!out)
		return E_INVALIDARG;
	*out = CoTaskMemAlloc(39 * sizeof(WCHAR));
	if (!*out)
		return E_OUTOFMEMORY;
	StringFromGUID2(clsid, *out, 39);
	return S_OK;
}

HRESULT WINAPI StringFromIID(REFIID iid, LPOLESTR *out)
{
	return StringFromCLSID(iid, out);
}

static BOOL get_hex(const WCHAR **s, int digits, ULONG *v)
{
	*v = 0;
	for (int i = 0; i < digits; i++, (*s)++) {
		WCHAR c = **s;

		if (c >= '0' && c <= '9')
			*v = *v << 4 | (c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			*v = *v << 4 | ((c | 0x20) - 'a' + 10);
		else
			return FALSE;
	}
	return TRUE;
}

static BOOL expect(const WCHAR **s, WCHAR c)
{
	return *(*s)++ == c;
}

BOOL com_parse_guid(const WCHAR *s, GUID *out)
{
	ULONG v;

	if (!expect(&s, '{') || !get_hex(&s, 8, &v))
		return FALSE;
	out->Data1 = v;
	if (!expect(&s, '-') || !get_hex(&s, 4, &v))
		return FALSE;
	out->Data2 = (USHORT)v;
	if (!expect(&s, '-') || !get_hex(&s, 4, &v))
		return FALSE;
	out->Data3 = (USHORT)v;
	if (!expect(&s, '-'))
		return FALSE;
	for (int i = 0; i < 8; i++) {
		if (i == 2 && !expect(&s, '-'))
			return FALSE;
		if (!get_hex(&s, 2, &v))
			return FALSE;
		out->Data4[i] = (BYTE)v;
	}
	return expect(&s, '}') && *s == 0;
}

/* HKEY_CLASSES_ROOT\<progid>\CLSID's default value, parsed. */
static HRESULT progid_clsid(LPCOLESTR progid, CLSID *clsid)
{
	WCHAR value[40];
	DWORD size = sizeof(value);
	HKEY key;
	LONG err;

	if (RegOpenKeyExW(HKEY_CLASSES_ROOT, progid, 0, KEY_READ, &key))
		return CO_E_CLASSSTRING;
	err = RegGetValueW(key, L"CLSID", NULL, RRF_RT_REG_SZ, NULL, value, &size);
	RegCloseKey(key);
	if (err || !com_parse_guid(value, clsid))
		return CO_E_CLASSSTRING;
	return S_OK;
}

/* A NULL string is CLSID_NULL; "{...}" must be a GUID; anything else is
 * taken for a ProgID. */
HRESULT WINAPI CLSIDFromString(LPCOLESTR s, LPCLSID clsid)
{
	if (!clsid)
		return E_INVALIDARG;
	memset(clsid, 0, sizeof(*clsid));
	if (!s)
		return S_OK;
	if (s[0] == '{')
		return com_parse_guid(s, clsid) ? S_OK : CO_E_CLASSSTRING;
	return progid_clsid(s, clsid);
}

HRESULT WINAPI IIDFromString(LPCOLESTR s, LPIID iid)
{
	if (!iid)
		return E_INVALIDARG;
	memset(iid, 0, sizeof(*iid));
	if (!s)
		return S_OK;
	return com_parse_guid(s, iid) ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI CLSIDFromProgID(LPCOLESTR progid, LPCLSID clsid)
{
	if (!progid || !clsid)
		return E_INVALIDARG;
	memset(clsid, 0, sizeof(*clsid));
	return progid_clsid(progid, clsid);
}

/* HKEY_CLASSES_ROOT\CLSID\{clsid}\ProgID's default value, in task memory. */
HRESULT WINAPI ProgIDFromCLSID(REFCLSID clsid, LPOLESTR *progid)
{
	WCHAR path[6 + 39 + 7] = L"CLSID\\";
	DWORD size = 0;

	if (!clsid || !progid)
		return E_INVALIDARG;
	*progid = NULL;
	StringFromGUID2(clsid, path + 6, 39);
	lstrcatW(path, L"\\ProgID");
	if (RegGetValueW(HKEY_CLASSES_ROOT, path, NULL, RRF_RT_REG_SZ, NULL, NULL, &size) ||
	    !(*progid = CoTaskMemAlloc(size)))
		return REGDB_E_CLASSNOTREG;
	if (RegGetValueW(HKEY_CLASSES_ROOT, path, NULL, RRF_RT_REG_SZ, NULL, *progid, &size)) {
		CoTaskMemFree(*progid);
		*progid = NULL;
		return REGDB_E_CLASSNOTREG;
	}
	return S_OK;
}
