/*
 * The manifest reader: bytes to UTF-16, then one recursive pass that
 * builds the element tree.  Namespace prefixes are resolved as the
 * elements are read (a declaration scopes the element and its children),
 * so the manifest code compares URIs and never prefixes.
 */
#include "actctx_private.h"
#include "xml.h"

#define CANT_GEN STATUS_SXS_CANT_GEN_ACTCTX

void xml_free(struct xml_doc *doc)
{
	actctx_free_arena(&doc->arena);
	doc->root = NULL;
}

struct ns_scope {
	const WCHAR *prefix;    /* "" for the default namespace */
	const WCHAR *uri;
	const struct ns_scope *up;
};

struct reader {
	const WCHAR *p, *end;
	void **arena;
	int depth;
};

static const WCHAR empty[] = L"";

/* UTF-16 text of the document: a BOM says UTF-16 (either order), else
 * UTF-8.  A UTF-16 document without a BOM is refused as Windows does
 * (its zero bytes are not XML). */
static NTSTATUS to_utf16(const BYTE *data, SIZE_T size, void **arena, struct reader *r)
{
	WCHAR *w;
	ULONG n = 0;

	if (size >= 2 && (data[0] == 0xFF && data[1] == 0xFE)) {
		SIZE_T units = (size - 2) / 2;

		if (!(w = actctx_alloc(arena, (units + 1) * sizeof(WCHAR))))
			return STATUS_NO_MEMORY;
		memcpy(w, data + 2, units * sizeof(WCHAR));
		r->p = w;
		r->end = w + units;
		return STATUS_SUCCESS;
	}
	if (size >= 2 && (data[0] == 0xFE && data[1] == 0xFF)) {
		SIZE_T units = (size - 2) / 2, i;

		if (!(w = actctx_alloc(arena, (units + 1) * sizeof(WCHAR))))
			return STATUS_NO_MEMORY;
		for (i = 0; i < units; i++)
			w[i] = (WCHAR)(data[2 + 2 * i] << 8 | data[3 + 2 * i]);
		r->p = w;
		r->end = w + units;
		return STATUS_SUCCESS;
	}
	if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
		data += 3;
		size -= 3;
	}
	if (size > 0x7fffffff)
		return CANT_GEN;
	if (!(w = actctx_alloc(arena, (size + 1) * sizeof(WCHAR))))
		return STATUS_NO_MEMORY;
	if (size && RtlUTF8ToUnicodeN(w, (ULONG)size * sizeof(WCHAR), &n, (const char *)data,
				      (ULONG)size) < 0)
		return CANT_GEN;
	r->p = w;
	r->end = w + n / sizeof(WCHAR);
	return STATUS_SUCCESS;
}

static BOOL is_space(WCHAR c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static BOOL is_name_char(WCHAR c)
{
	return c > 0x7f || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':';
}

static void skip_space(struct reader *r)
{
	while (r->p < r->end && is_space(*r->p))
		r->p++;
}

static BOOL starts(const struct reader *r, const WCHAR *s)
{
	SIZE_T n = wcslen(s);

	return (SIZE_T)(r->end - r->p) >= n && !memcmp(r->p, s, n * sizeof(WCHAR));
}

/* Skips past the next occurrence of s; FALSE at the end of the text. */
static BOOL skip_past(struct reader *r, const WCHAR *s)
{
	SIZE_T n = wcslen(s);

	for (; r->end - r->p >= (ptrdiff_t)n; r->p++)
		if (!memcmp(r->p, s, n * sizeof(WCHAR))) {
			r->p += n;
			return TRUE;
		}
	return FALSE;
}

/* Comments, processing instructions and (outside the root) the DOCTYPE
 * line; FALSE on one that does not end. */
static BOOL skip_misc(struct reader *r)
{
	for (;;) {
		skip_space(r);
		if (starts(r, L"<!--")) {
			if (!skip_past(r, L"-->"))
				return FALSE;
		} else if (starts(r, L"<?")) {
			if (!skip_past(r, L"?>"))
				return FALSE;
		} else {
			return TRUE;
		}
	}
}

static WCHAR *copy_str(struct reader *r, const WCHAR *s, SIZE_T n)
{
	WCHAR *d = actctx_alloc(r->arena, (n + 1) * sizeof(WCHAR));

	if (d)
		memcpy(d, s, n * sizeof(WCHAR));
	return d;
}

/* A name (prefix:local kept whole); NULL when there is none. */
static WCHAR *read_name(struct reader *r)
{
	const WCHAR *s = r->p;

	while (r->p < r->end && is_name_char(*r->p))
		r->p++;
	return r->p == s ? NULL : copy_str(r, s, r->p - s);
}

/* The five predefined entities and character references, decoded into
 * d (which has room: a reference is never shorter than its result). */
static BOOL decode_entities(const WCHAR *s, SIZE_T n, WCHAR *d)
{
	static const struct { const WCHAR *name; WCHAR c; } ents[] = {
		{ L"lt;", '<' }, { L"gt;", '>' }, { L"amp;", '&' }, { L"quot;", '"' }, { L"apos;", '\'' },
	};
	const WCHAR *end = s + n;

	while (s < end) {
		ULONG i, v = 0;

		if (*s != '&') {
			*d++ = *s++;
			continue;
		}
		s++;
		for (i = 0; i < ARRAYSIZE(ents); i++) {
			SIZE_T len = wcslen(ents[i].name);

			if ((SIZE_T)(end - s) >= len && !memcmp(s, ents[i].name, len * sizeof(WCHAR))) {
				*d++ = ents[i].c;
				s += len;
				break;
			}
		}
		if (i < ARRAYSIZE(ents))
			continue;
		if (s >= end || *s++ != '#')
			return FALSE;
		if (s < end && *s == 'x') {
			for (s++; s < end && *s != ';'; s++) {
				WCHAR c = *s;

				if (!((c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'f')))
					return FALSE;
				v = v * 16 + (c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
			}
		} else {
			for (; s < end && *s != ';'; s++) {
				if (*s < '0' || *s > '9')
					return FALSE;
				v = v * 10 + (*s - '0');
			}
		}
		if (s >= end || v > 0xffff)
			return FALSE;
		s++;
		*d++ = (WCHAR)v;
	}
	*d = 0;
	return TRUE;
}

/* One attribute: name S? = S? "value" (or 'value'). */
static NTSTATUS read_attr(struct reader *r, WCHAR **name, WCHAR **value)
{
	const WCHAR *v;
	WCHAR quote;

	if (!(*name = read_name(r)))
		return CANT_GEN;
	skip_space(r);
	if (r->p >= r->end || *r->p != '=')
		return CANT_GEN;
	r->p++;
	skip_space(r);
	if (r->p >= r->end || (*r->p != '"' && *r->p != '\''))
		return CANT_GEN;
	quote = *r->p++;
	for (v = r->p; r->p < r->end && *r->p != quote; r->p++)
		if (*r->p == '<')
			return CANT_GEN;
	if (r->p >= r->end)
		return CANT_GEN;
	if (!(*value = actctx_alloc(r->arena, (r->p - v + 1) * sizeof(WCHAR))))
		return STATUS_NO_MEMORY;
	if (!decode_entities(v, r->p - v, *value))
		return CANT_GEN;
	r->p++;
	return STATUS_SUCCESS;
}

static const WCHAR *local_part(const WCHAR *name, SIZE_T *prefix_len)
{
	const WCHAR *colon = wcschr(name, ':');

	*prefix_len = colon ? (SIZE_T)(colon - name) : 0;
	return colon ? colon + 1 : name;
}

/* The URI a prefix (of prefix_len units; 0: the default) stands for. */
static const WCHAR *lookup_ns(const struct ns_scope *s, const WCHAR *prefix, SIZE_T prefix_len)
{
	for (; s; s = s->up)
		if (wcslen(s->prefix) == prefix_len && !memcmp(s->prefix, prefix, prefix_len * sizeof(WCHAR)))
			return s->uri;
	return prefix_len ? NULL : empty;
}

/* Declares the element's xmlns attributes, then resolves its own name
 * and its other attributes' prefixes (an unprefixed attribute has no
 * namespace, as XML says). */
static NTSTATUS resolve_names(struct reader *r, struct xml_elem *e, WCHAR *qname,
			      const struct ns_scope **scope)
{
	SIZE_T plen;
	ULONG i;

	for (i = 0; i < e->nattrs; i++) {
		struct xml_attr *a = &e->attrs[i];
		struct ns_scope *s;

		if (wcscmp(a->name, L"xmlns") && wcsncmp(a->name, L"xmlns:", 6))
			continue;
		if (!(s = actctx_alloc(r->arena, sizeof(*s))))
			return STATUS_NO_MEMORY;
		s->prefix = a->name[5] ? a->name + 6 : empty;
		s->uri = a->value;
		s->up = *scope;
		*scope = s;
		a->is_xmlns = TRUE;
	}
	e->name = local_part(qname, &plen);
	if (!(e->ns = lookup_ns(*scope, qname, plen)))
		return CANT_GEN;
	for (i = 0; i < e->nattrs; i++) {
		struct xml_attr *a = &e->attrs[i];
		const WCHAR *qa = a->name;

		if (a->is_xmlns) {
			a->ns = empty;
			continue;
		}
		a->name = local_part(qa, &plen);
		if (!(a->ns = plen ? lookup_ns(*scope, qa, plen) : empty))
			return CANT_GEN;
	}
	return STATUS_SUCCESS;
}

static NTSTATUS read_element(struct reader *r, const struct ns_scope *scope, struct xml_elem **out);

/* Trimmed character data between from and to, entities decoded. */
static NTSTATUS keep_text(struct reader *r, struct xml_elem *e, const WCHAR *from, const WCHAR *to)
{
	WCHAR *t;

	while (from < to && is_space(*from))
		from++;
	while (to > from && is_space(to[-1]))
		to--;
	if (from == to || e->text[0])
		return STATUS_SUCCESS;
	if (!(t = actctx_alloc(r->arena, (to - from + 1) * sizeof(WCHAR))))
		return STATUS_NO_MEMORY;
	if (!decode_entities(from, to - from, t))
		return CANT_GEN;
	e->text = t;
	return STATUS_SUCCESS;
}

/* Children, text and comments up to the matching end tag. */
static NTSTATUS read_content(struct reader *r, struct xml_elem *e, const WCHAR *qname,
			     const struct ns_scope *scope)
{
	struct xml_elem **tail = &e->first;
	NTSTATUS status;

	for (;;) {
		const WCHAR *text = r->p;

		while (r->p < r->end && *r->p != '<')
			r->p++;
		if (r->p >= r->end)
			return CANT_GEN;
		if ((status = keep_text(r, e, text, r->p)))
			return status;
		if (starts(r, L"</")) {
			SIZE_T n = wcslen(qname);

			r->p += 2;
			if ((SIZE_T)(r->end - r->p) < n || memcmp(r->p, qname, n * sizeof(WCHAR)))
				return CANT_GEN;
			r->p += n;
			skip_space(r);
			if (r->p >= r->end || *r->p != '>')
				return CANT_GEN;
			r->p++;
			return STATUS_SUCCESS;
		}
		if (starts(r, L"<!--") || starts(r, L"<?")) {
			if (!skip_past(r, starts(r, L"<?") ? L"?>" : L"-->"))
				return CANT_GEN;
			continue;
		}
		if (starts(r, L"<![CDATA[")) {
			const WCHAR *from = r->p + 9;

			if (!skip_past(r, L"]]>"))
				return CANT_GEN;
			if ((status = keep_text(r, e, from, r->p - 3)))
				return status;
			continue;
		}
		if ((status = read_element(r, scope, tail)))
			return status;
		tail = &(*tail)->next;
	}
}

static NTSTATUS read_element(struct reader *r, const struct ns_scope *scope, struct xml_elem **out)
{
	struct xml_attr attrs[64];
	struct xml_elem *e;
	WCHAR *qname;
	NTSTATUS status;
	ULONG n = 0;

	if (++r->depth > 64 || r->p >= r->end || *r->p != '<')
		return CANT_GEN;
	r->p++;
	if (!(qname = read_name(r)) || !(e = actctx_alloc(r->arena, sizeof(*e))))
		return qname ? STATUS_NO_MEMORY : CANT_GEN;
	e->text = empty;
	for (;;) {
		BOOL spaced = r->p < r->end && is_space(*r->p);

		skip_space(r);
		if (r->p >= r->end)
			return CANT_GEN;
		if (*r->p == '>' || *r->p == '/')
			break;
		if (!spaced || n == ARRAYSIZE(attrs))
			return CANT_GEN;
		memset(&attrs[n], 0, sizeof(attrs[n]));
		if ((status = read_attr(r, (WCHAR **)&attrs[n].name, (WCHAR **)&attrs[n].value)))
			return status;
		n++;
	}
	if (n && !(e->attrs = actctx_alloc(r->arena, n * sizeof(*attrs))))
		return STATUS_NO_MEMORY;
	if (n)
		memcpy(e->attrs, attrs, n * sizeof(*attrs));
	e->nattrs = n;
	if ((status = resolve_names(r, e, qname, &scope)))
		return status;
	*out = e;
	if (*r->p == '/') {
		if (r->end - r->p < 2 || r->p[1] != '>')
			return CANT_GEN;
		r->p += 2;
	} else {
		r->p++;
		if ((status = read_content(r, e, qname, scope)))
			return status;
	}
	r->depth--;
	return STATUS_SUCCESS;
}

NTSTATUS xml_parse(const BYTE *data, SIZE_T size, struct xml_doc *doc)
{
	struct reader r = { 0 };
	NTSTATUS status;

	doc->arena = NULL;
	doc->root = NULL;
	r.arena = &doc->arena;
	if ((status = to_utf16(data, size, &doc->arena, &r)))
		goto fail;
	status = CANT_GEN;
	if (!skip_misc(&r) || (status = read_element(&r, NULL, &doc->root)))
		goto fail;
	status = CANT_GEN;
	/* Only comments, PIs and white space may follow the root; a NUL
	 * ends the text (manifests from resources often carry one). */
	if (!skip_misc(&r))
		goto fail;
	while (r.p < r.end && !*r.p)
		r.p++;
	if (r.p != r.end)
		goto fail;
	return STATUS_SUCCESS;
fail:
	xml_free(doc);
	return status;
}

const WCHAR *xml_attr(const struct xml_elem *e, const WCHAR *name)
{
	ULONG i;

	for (i = 0; i < e->nattrs; i++)
		if (!e->attrs[i].is_xmlns && !e->attrs[i].ns[0] && !wcscmp(e->attrs[i].name, name))
			return e->attrs[i].value;
	return NULL;
}
