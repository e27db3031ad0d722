/* urlmon's URI objects: a URI taken apart once (uri_parse.c) into a
 * canonical string and the place of each component in it; the IUri
 * object (uri_object.c) answers its properties from those places. */
#ifndef URLMON_URI_PRIVATE_H
#define URLMON_URI_PRIVATE_H

#define COBJMACROS
#include <windows.h>
#include <shlwapi.h>
#include <urlmon.h>

/* A component of the canonical string: where it starts, how long it is;
 * a component the URI lacks has present == FALSE. */
struct uri_span {
	DWORD start, len;
	BOOL present;
};

struct uri_parts {
	WCHAR *canon;               /* the whole canonical URI (process heap) */
	DWORD canon_len;
	struct uri_span scheme, authority, userinfo, user, password, host, path, query, fragment;
	DWORD host_start_display;   /* where the host starts (DisplayUri drops the user info) */
	URL_SCHEME scheme_type;
	Uri_HOST_TYPE host_type;
	DWORD port;
	BOOL has_port;              /* explicit or the scheme's default */
};

/* The URI CreateUri takes from `text`: unless
 * Uri_CREATE_NO_PRE_PROCESS_HTML_URI, without the white space around it
 * and the tabs and line breaks in it (as an HTML attribute's); a process
 * heap copy, NULL when out of memory. */
WCHAR *uri_preprocess(const WCHAR *text, DWORD flags);

/* Parses `text` (pre-processed) with the Uri_CREATE_* `flags`; S_OK or
 * E_INVALIDARG. */
HRESULT uri_parse(const WCHAR *text, DWORD flags, struct uri_parts *out);
void uri_parts_free(struct uri_parts *parts);

#endif
