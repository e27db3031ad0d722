/* A small XML reader for manifests: the document as a tree of elements
 * with their attributes, namespace URIs resolved and text kept, enough
 * for what Windows' side-by-side manifests hold (no DTDs, no entities
 * beyond the five predefined ones and character references). */
#ifndef LSW_ACTCTX_XML_H
#define LSW_ACTCTX_XML_H

#include "../rtl/rtl_private.h"

struct xml_attr {
	const WCHAR *name;      /* local name, NUL-terminated */
	const WCHAR *ns;        /* its namespace URI ("" for none) */
	const WCHAR *value;     /* entities decoded */
	BOOL is_xmlns;          /* a namespace declaration */
};

struct xml_elem {
	const WCHAR *name;      /* local name */
	const WCHAR *ns;        /* namespace URI in scope, "" for none */
	struct xml_attr *attrs;
	ULONG nattrs;
	const WCHAR *text;      /* its character data, trimmed ("" if none) */
	struct xml_elem *first, *next; /* children, siblings */
};

struct xml_doc {
	struct xml_elem *root;
	void *arena;            /* every allocation, freed at once */
};

/* Parses the bytes of a manifest (UTF-8, or UTF-16 with its byte order
 * mark) into doc.  STATUS_SXS_CANT_GEN_ACTCTX when it is not well formed,
 * holds more than one root, or has no BOM but is UTF-16. */
NTSTATUS xml_parse(const BYTE *data, SIZE_T size, struct xml_doc *doc);
void xml_free(struct xml_doc *doc);

/* The attribute named name (no namespace), or NULL. */
const WCHAR *xml_attr(const struct xml_elem *e, const WCHAR *name);

#endif
