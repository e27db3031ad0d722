/* CreateUri, CreateUriWithFragment and the IUri object they return: an
 * immutable URI whose properties are pieces of its canonical string
 * (uri_parse.c).  A property the URI lacks is an empty string with
 * S_FALSE; Zone is not known here (E_NOTIMPL, URLZONE_INVALID). */
#include "uri_private.h"

#define URLMON_API __declspec(dllexport)

struct uri {
	IUri IUri_iface;
	LONG refs;
	WCHAR *raw;                 /* the string given to CreateUri */
	DWORD raw_len;
	DWORD flags;                /* its Uri_CREATE_* flags */
	struct uri_parts parts;
};

static const IUriVtbl uri_vtbl;

static struct uri *impl(IUri *iface)
{
	return CONTAINING_RECORD(iface, struct uri, IUri_iface);
}

static HRESULT WINAPI uri_QueryInterface(IUri *iface, REFIID riid, void **out)
{
	if (!out)
		return E_POINTER;
	if (IsEqualGUID(riid, &IID_IUnknown) || IsEqualGUID(riid, &IID_IUri)) {
		*out = iface;
		IUri_AddRef(iface);
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

static ULONG WINAPI uri_AddRef(IUri *iface)
{
	return InterlockedIncrement(&impl(iface)->refs);
}

static ULONG WINAPI uri_Release(IUri *iface)
{
	struct uri *u = impl(iface);
	ULONG refs = InterlockedDecrement(&u->refs);

	if (!refs) {
		uri_parts_free(&u->parts);
		HeapFree(GetProcessHeap(), 0, u->raw);
		HeapFree(GetProcessHeap(), 0, u);
	}
	return refs;
}

/* Where a string property lies: in the canonical string, or (RawUri) in
 * the raw one; DisplayUri is the canonical string without its user info,
 * which is two pieces. */
struct str_value {
	const WCHAR *a;
	DWORD a_len;
	const WCHAR *b;
	DWORD b_len;
};

/* Second-level names under which a country's registrations sit
 * (gov.uk): the domain then takes three labels. */
static BOOL is_generic_second_level(const WCHAR *label, DWORD n)
{
	static const WCHAR *const names[] = {L"co", L"com", L"edu", L"gov", L"int", L"mil", L"net", L"org"};

	for (size_t i = 0; i < ARRAYSIZE(names); i++)
		if (n == (DWORD)lstrlenW(names[i]) && !memcmp(label, names[i], n * sizeof(WCHAR)))
			return TRUE;
	return FALSE;
}

/* The registered domain of a DNS host: its last two labels, three under
 * a country's generic second level; FALSE when the host is no more than
 * that suffix. */
static BOOL find_domain(const struct uri_parts *p, DWORD *start)
{
	const WCHAR *h = p->canon + p->host.start;
	DWORD n = p->host.len, dots[3], ndots = 0;

	for (DWORD i = n; i > 0 && ndots < 3; i--)
		if (h[i - 1] == '.')
			dots[ndots++] = i - 1;
	if (!ndots)
		return FALSE;
	DWORD want = 2;
	if (n - dots[0] - 1 == 2) {
		DWORD sl_start = ndots > 1 ? dots[1] + 1 : 0;

		if (is_generic_second_level(h + sl_start, dots[0] - sl_start))
			want = 3;
	}
	if (ndots + 1 < want)
		return FALSE;
	*start = ndots + 1 == want ? 0 : dots[want - 1] + 1;
	return TRUE;
}

static DWORD extension_start(const struct uri_parts *p)
{
	const WCHAR *path = p->canon + p->path.start;

	for (DWORD i = p->path.len; i > 0; i--) {
		if (path[i - 1] == '/' || path[i - 1] == '\\')
			break;
		if (path[i - 1] == '.')
			return i - 1;
	}
	return p->path.len;
}

static HRESULT str_property(struct uri *u, Uri_PROPERTY prop, struct str_value *v)
{
	const struct uri_parts *p = &u->parts;
	const struct uri_span *span = NULL;

	ZeroMemory(v, sizeof(*v));
	switch (prop) {
	case Uri_PROPERTY_ABSOLUTE_URI:
		v->a = p->canon;
		v->a_len = p->canon_len;
		return S_OK;
	case Uri_PROPERTY_DISPLAY_URI:
		v->a = p->canon;
		/* the user info is left out for the schemes Windows knows */
		if (p->userinfo.present && p->scheme_type != URL_SCHEME_UNKNOWN) {
			v->a_len = p->userinfo.start;
			v->b = p->canon + p->host_start_display;
			v->b_len = p->canon_len - p->host_start_display;
		} else {
			v->a_len = p->canon_len;
		}
		return S_OK;
	case Uri_PROPERTY_RAW_URI:
		v->a = u->raw;
		v->a_len = u->raw_len;
		return S_OK;
	case Uri_PROPERTY_DOMAIN:
		if (p->host_type != Uri_HOST_DNS || !p->host.len)
			return S_FALSE;
		{
			DWORD start;

			if (!find_domain(p, &start))
				return S_FALSE;
			v->a = p->canon + p->host.start + start;
			v->a_len = p->host.len - start;
		}
		return S_OK;
	case Uri_PROPERTY_EXTENSION: {
		DWORD start = extension_start(p);

		v->a = p->canon + p->path.start + start;
		v->a_len = p->path.len - start;
		return v->a_len ? S_OK : S_FALSE;
	}
	case Uri_PROPERTY_PATH_AND_QUERY:
		if (!p->path.present && !p->query.present)
			return S_FALSE;
		v->a = p->canon + (p->path.present ? p->path.start : p->query.start);
		v->a_len = p->path.len + p->query.len;
		return S_OK;
	case Uri_PROPERTY_AUTHORITY: span = &p->authority; break;
	case Uri_PROPERTY_FRAGMENT: span = &p->fragment; break;
	case Uri_PROPERTY_HOST: span = &p->host; break;
	case Uri_PROPERTY_PASSWORD: span = &p->password; break;
	case Uri_PROPERTY_PATH: span = &p->path; break;
	case Uri_PROPERTY_QUERY: span = &p->query; break;
	case Uri_PROPERTY_SCHEME_NAME: span = &p->scheme; break;
	case Uri_PROPERTY_USER_INFO: span = &p->userinfo; break;
	case Uri_PROPERTY_USER_NAME: span = &p->user; break;
	default:
		return E_INVALIDARG;
	}
	/* the user info parts are there, though empty, once a '@' is; a
	 * relative URI always has a path */
	if (!span->present || (!span->len && span != &p->userinfo && span != &p->user &&
			       span != &p->password && !(span == &p->path && !p->scheme.present) &&
			       !(p->scheme_type == URL_SCHEME_WILDCARD && span == &p->authority) &&
			       !(p->scheme_type == URL_SCHEME_WILDCARD && span == &p->host)))
		return S_FALSE;
	v->a = p->canon + span->start;
	v->a_len = span->len;
	return S_OK;
}

static HRESULT WINAPI uri_GetPropertyBSTR(IUri *iface, Uri_PROPERTY prop, BSTR *out, DWORD flags)
{
	struct str_value v;
	HRESULT hr;

	if (!out)
		return E_POINTER;
	if (prop == Uri_PROPERTY_ZONE) {
		*out = SysAllocStringLen(NULL, 0);
		return *out ? S_FALSE : E_OUTOFMEMORY;
	}
	if (prop > Uri_PROPERTY_STRING_LAST) {
		*out = NULL;
		return E_INVALIDARG;
	}
	hr = str_property(impl(iface), prop, &v);
	if (FAILED(hr)) {
		*out = NULL;
		return hr;
	}
	if (!(*out = SysAllocStringLen(NULL, v.a_len + v.b_len)))
		return E_OUTOFMEMORY;
	CopyMemory(*out, v.a, v.a_len * sizeof(WCHAR));
	CopyMemory(*out + v.a_len, v.b, v.b_len * sizeof(WCHAR));
	return hr;
}

static HRESULT WINAPI uri_GetPropertyLength(IUri *iface, Uri_PROPERTY prop, DWORD *len, DWORD flags)
{
	struct str_value v;
	HRESULT hr;

	if (!len)
		return E_INVALIDARG;
	if (prop > Uri_PROPERTY_STRING_LAST)
		return E_INVALIDARG;
	hr = str_property(impl(iface), prop, &v);
	if (FAILED(hr))
		return hr;
	*len = v.a_len + v.b_len;
	return hr;
}

static HRESULT WINAPI uri_GetPropertyDWORD(IUri *iface, Uri_PROPERTY prop, DWORD *out, DWORD flags)
{
	const struct uri_parts *p = &impl(iface)->parts;

	if (!out)
		return E_INVALIDARG;
	switch (prop) {
	case Uri_PROPERTY_HOST_TYPE:
		*out = p->host_type;
		return S_OK;
	case Uri_PROPERTY_PORT:
		*out = p->has_port ? p->port : 0;
		return p->has_port ? S_OK : S_FALSE;
	case Uri_PROPERTY_SCHEME:
		*out = (DWORD)p->scheme_type;
		return S_OK;
	case Uri_PROPERTY_ZONE:
		*out = (DWORD)URLZONE_INVALID;
		return E_NOTIMPL;
	default:
		*out = 0;
		return E_INVALIDARG;
	}
}

/* A property is there when its getter answers S_OK (so never Zone). */
static BOOL has_property(IUri *iface, Uri_PROPERTY prop)
{
	if (prop <= Uri_PROPERTY_STRING_LAST) {
		struct str_value v;

		return str_property(impl(iface), prop, &v) == S_OK;
	}
	DWORD value;
	return uri_GetPropertyDWORD(iface, prop, &value, 0) == S_OK;
}

static HRESULT WINAPI uri_HasProperty(IUri *iface, Uri_PROPERTY prop, BOOL *has)
{
	if (!has)
		return E_INVALIDARG;
	if (prop > Uri_PROPERTY_DWORD_LAST) {
		*has = FALSE;
		return S_OK;
	}
	*has = has_property(iface, prop);
	return S_OK;
}

static HRESULT WINAPI uri_GetProperties(IUri *iface, DWORD *flags)
{
	if (!flags)
		return E_INVALIDARG;
	*flags = 0;
	for (int prop = Uri_PROPERTY_STRING_START; prop <= Uri_PROPERTY_DWORD_LAST; prop++)
		if (has_property(iface, prop))
			*flags |= 1u << prop;
	return S_OK;
}

#define STR_GETTER(Name, PROP) \
	static HRESULT WINAPI uri_Get##Name(IUri *iface, BSTR *out) \
	{ \
		return uri_GetPropertyBSTR(iface, PROP, out, 0); \
	}
STR_GETTER(AbsoluteUri, Uri_PROPERTY_ABSOLUTE_URI)
STR_GETTER(Authority, Uri_PROPERTY_AUTHORITY)
STR_GETTER(DisplayUri, Uri_PROPERTY_DISPLAY_URI)
STR_GETTER(Domain, Uri_PROPERTY_DOMAIN)
STR_GETTER(Extension, Uri_PROPERTY_EXTENSION)
STR_GETTER(Fragment, Uri_PROPERTY_FRAGMENT)
STR_GETTER(Host, Uri_PROPERTY_HOST)
STR_GETTER(Password, Uri_PROPERTY_PASSWORD)
STR_GETTER(Path, Uri_PROPERTY_PATH)
STR_GETTER(PathAndQuery, Uri_PROPERTY_PATH_AND_QUERY)
STR_GETTER(Query, Uri_PROPERTY_QUERY)
STR_GETTER(RawUri, Uri_PROPERTY_RAW_URI)
STR_GETTER(SchemeName, Uri_PROPERTY_SCHEME_NAME)
STR_GETTER(UserInfo, Uri_PROPERTY_USER_INFO)
STR_GETTER(UserName, Uri_PROPERTY_USER_NAME)

#define DWORD_GETTER(Name, PROP) \
	static HRESULT WINAPI uri_Get##Name(IUri *iface, DWORD *out) \
	{ \
		return uri_GetPropertyDWORD(iface, PROP, out, 0); \
	}
DWORD_GETTER(HostType, Uri_PROPERTY_HOST_TYPE)
DWORD_GETTER(Port, Uri_PROPERTY_PORT)
DWORD_GETTER(Scheme, Uri_PROPERTY_SCHEME)
DWORD_GETTER(Zone, Uri_PROPERTY_ZONE)

static BOOL same_chars(const WCHAR *a, const WCHAR *b, DWORD n, BOOL any_case)
{
	for (DWORD i = 0; i < n; i++) {
		WCHAR x = a[i], y = b[i];

		if (any_case) {
			x = x >= 'A' && x <= 'Z' ? x + 32 : x;
			y = y >= 'A' && y <= 'Z' ? y + 32 : y;
		}
		if (x != y)
			return FALSE;
	}
	return TRUE;
}

/* Both canonical (a URI made with Uri_CREATE_NO_CANONICALIZE is compared
 * as if made without it): the same text, a file URI's in any case
 * (Windows' file names ignore case). */
static BOOL canonical_equal(struct uri *a, struct uri *b)
{
	struct uri_parts pa, pb;
	BOOL equal = FALSE;

	if (uri_parse(a->raw, a->flags & ~(Uri_CREATE_NO_CANONICALIZE | Uri_CREATE_FILE_USE_DOS_PATH), &pa) != S_OK)
		return FALSE;
	if (uri_parse(b->raw, b->flags & ~(Uri_CREATE_NO_CANONICALIZE | Uri_CREATE_FILE_USE_DOS_PATH), &pb) == S_OK) {
		BOOL file = pa.scheme_type == URL_SCHEME_FILE;

		equal = pa.canon_len == pb.canon_len && pa.path.start == pb.path.start &&
			same_chars(pa.canon, pb.canon, pa.path.start, file) &&
			same_chars(pa.canon + pa.path.start, pb.canon + pb.path.start,
				   pa.canon_len - pa.path.start, file);
		uri_parts_free(&pb);
	}
	uri_parts_free(&pa);
	return equal;
}

static HRESULT uri_create(const WCHAR *raw, DWORD raw_len, DWORD flags, IUri **out);

/* A URI of another implementation is compared as one of ours made from
 * its RawUri. */
static HRESULT WINAPI uri_IsEqual(IUri *iface, IUri *other, BOOL *equal)
{
	IUri *ours;
	BSTR raw;

	if (!equal)
		return E_POINTER;
	*equal = FALSE;
	if (!other)
		return S_OK;
	if (other->lpVtbl == &uri_vtbl) {
		*equal = canonical_equal(impl(iface), impl(other));
		return S_OK;
	}
	if (SUCCEEDED(IUri_GetRawUri(other, &raw)) && raw) {
		if (uri_create(raw, SysStringLen(raw), 0, &ours) == S_OK) {
			*equal = canonical_equal(impl(iface), impl(ours));
			IUri_Release(ours);
		}
		SysFreeString(raw);
	}
	return S_OK;
}

static const IUriVtbl uri_vtbl = {
	uri_QueryInterface, uri_AddRef, uri_Release,
	uri_GetPropertyBSTR, uri_GetPropertyLength, uri_GetPropertyDWORD, uri_HasProperty,
	uri_GetAbsoluteUri, uri_GetAuthority, uri_GetDisplayUri, uri_GetDomain,
	uri_GetExtension, uri_GetFragment, uri_GetHost, uri_GetPassword, uri_GetPath,
	uri_GetPathAndQuery, uri_GetQuery, uri_GetRawUri, uri_GetSchemeName,
	uri_GetUserInfo, uri_GetUserName, uri_GetHostType, uri_GetPort, uri_GetScheme,
	uri_GetZone, uri_GetProperties, uri_IsEqual,
};

/* Pairs of Uri_CREATE_* flags that contradict each other. */
static BOOL flags_conflict(DWORD f)
{
	static const DWORD pairs[][2] = {
		{Uri_CREATE_DECODE_EXTRA_INFO, Uri_CREATE_NO_DECODE_EXTRA_INFO},
		{Uri_CREATE_CANONICALIZE, Uri_CREATE_NO_CANONICALIZE},
		{Uri_CREATE_CRACK_UNKNOWN_SCHEMES, Uri_CREATE_NO_CRACK_UNKNOWN_SCHEMES},
		{Uri_CREATE_PRE_PROCESS_HTML_URI, Uri_CREATE_NO_PRE_PROCESS_HTML_URI},
		{Uri_CREATE_IE_SETTINGS, Uri_CREATE_NO_IE_SETTINGS},
	};

	for (size_t i = 0; i < ARRAYSIZE(pairs); i++)
		if ((f & pairs[i][0]) && (f & pairs[i][1]))
			return TRUE;
	return FALSE;
}

/* Builds the object from raw[0..raw_len); the string is copied. */
static HRESULT uri_create(const WCHAR *raw, DWORD raw_len, DWORD flags, IUri **out)
{
	struct uri *u = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*u));
	HRESULT hr;

	if (!u || !(u->raw = HeapAlloc(GetProcessHeap(), 0, (raw_len + 1) * sizeof(WCHAR)))) {
		HeapFree(GetProcessHeap(), 0, u);
		return E_OUTOFMEMORY;
	}
	CopyMemory(u->raw, raw, raw_len * sizeof(WCHAR));
	u->raw[raw_len] = 0;
	u->raw_len = raw_len;
	u->flags = flags;
	if ((hr = uri_parse(u->raw, flags, &u->parts)) != S_OK) {
		HeapFree(GetProcessHeap(), 0, u->raw);
		HeapFree(GetProcessHeap(), 0, u);
		return hr;
	}
	u->IUri_iface.lpVtbl = (IUriVtbl *)&uri_vtbl;
	u->refs = 1;
	*out = &u->IUri_iface;
	return S_OK;
}

URLMON_API HRESULT WINAPI CreateUri(LPCWSTR text, DWORD flags, DWORD_PTR reserved, IUri **out)
{
	WCHAR *clean;
	HRESULT hr;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!text || flags_conflict(flags))
		return E_INVALIDARG;
	if (!(clean = uri_preprocess(text, flags)))
		return E_OUTOFMEMORY;
	hr = uri_create(clean, lstrlenW(clean), flags, out);
	HeapFree(GetProcessHeap(), 0, clean);
	return hr;
}

/* The URI must have no fragment; the one given gets its '#' if it lacks
 * one (an empty one is "#"). */
URLMON_API HRESULT WINAPI CreateUriWithFragment(LPCWSTR text, LPCWSTR fragment, DWORD flags,
						DWORD_PTR reserved, IUri **out)
{
	DWORD len, frag_len, hash;
	WCHAR *joined;
	HRESULT hr;

	if (!out)
		return E_INVALIDARG;
	*out = NULL;
	if (!text || flags_conflict(flags))
		return E_INVALIDARG;
	if (!fragment)
		return CreateUri(text, flags, reserved, out);
	len = lstrlenW(text);
	for (DWORD i = 0; i < len; i++)
		if (text[i] == '#')
			return E_INVALIDARG;
	frag_len = lstrlenW(fragment);
	hash = fragment[0] != '#';
	if (!(joined = HeapAlloc(GetProcessHeap(), 0, (len + hash + frag_len + 1) * sizeof(WCHAR))))
		return E_OUTOFMEMORY;
	CopyMemory(joined, text, len * sizeof(WCHAR));
	joined[len] = '#';
	CopyMemory(joined + len + hash, fragment, (frag_len + 1) * sizeof(WCHAR));
	hr = CreateUri(joined, flags, reserved, out);
	HeapFree(GetProcessHeap(), 0, joined);
	return hr;
}
