/*
 * VerQueryValue over a VS_VERSIONINFO tree.  Each block is: WORD wLength
 * (the block with its children), WORD wValueLength (characters for a
 * text value, bytes for a binary one), WORD wType (1 text, 0 binary), a
 * NUL-terminated key, padding to 4 bytes, the value, padding, then the
 * children, each 4-byte aligned.  A path names keys from the root block,
 * separated by backslashes and compared without case:
 *   "\"                          the VS_FIXEDFILEINFO,
 *   "\VarFileInfo\Translation"   the (language, code page) pairs,
 *   "\StringFileInfo\040904b0\ProductName"   a string.
 * Every offset is checked against the enclosing block's length.
 */
#include "version_private.h"

struct block {
	const BYTE *p;
	WORD len, value_len, type;
	const WCHAR *key;
	const BYTE *value;     /* after the key, aligned */
	const BYTE *children;  /* after the value, aligned */
};

static const BYTE *align4(const BYTE *base, const BYTE *p)
{
	return base + (((p - base) + 3) & ~3);
}

/* Reads the block at p within [p, end); FALSE if it does not fit. */
static BOOL read_block(const BYTE *root, const BYTE *p, const BYTE *end, struct block *b)
{
	const WCHAR *k;
	SIZE_T value_bytes;

	if (end - p < 6)
		return FALSE;
	b->p = p;
	memcpy(&b->len, p, 2);
	memcpy(&b->value_len, p + 2, 2);
	memcpy(&b->type, p + 4, 2);
	if (b->len < 6 || b->len > end - p)
		return FALSE;
	end = p + b->len;
	b->key = (const WCHAR *)(p + 6);
	for (k = b->key; (const BYTE *)(k + 1) <= end && *k; k++)
		;
	if ((const BYTE *)(k + 1) > end)
		return FALSE;
	b->value = align4(root, (const BYTE *)(k + 1));
	value_bytes = b->type == 1 ? b->value_len * sizeof(WCHAR) : b->value_len;
	if (b->value > end || value_bytes > (SIZE_T)(end - b->value))
		return FALSE;
	b->children = align4(root, b->value + value_bytes);
	return TRUE;
}

/* The child of b whose key is name[0..n) (case-insensitive). */
static BOOL find_child(const BYTE *root, const struct block *b, const WCHAR *name, int n,
		       struct block *out)
{
	const BYTE *p = b->children, *end = b->p + b->len;

	while (p < end && read_block(root, p, end, out)) {
		if (lstrlenW(out->key) == n && CompareStringOrdinal(out->key, n, name, n, TRUE) == CSTR_EQUAL)
			return TRUE;
		p = align4(root, p + out->len);
	}
	return FALSE;
}

/* The block a path names, starting at the root. */
static BOOL walk(const BYTE *root, LPCWSTR path, struct block *b)
{
	struct block child;
	int n;

	if (!read_block(root, root, root + 0xFFFF, b))
		return FALSE;
	for (;;) {
		while (*path == '\\')
			path++;
		if (!*path)
			return TRUE;
		for (n = 0; path[n] && path[n] != '\\'; n++)
			;
		if (!find_child(root, b, path, n, &child))
			return FALSE;
		*b = child;
		path += n;
	}
}

/* The block a query names (one without a value answers its empty value,
 * as Windows does for "\\StringFileInfo"): FALSE (the error set) if none. */
static BOOL query(LPCVOID data, LPCWSTR path, LPVOID *out, struct block *b)
{
	if (!data || !path || !out) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!walk(data, path, b)) {
		SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);
		return FALSE;
	}
	return TRUE;
}

BOOL WINAPI VerQueryValueW(LPCVOID data, LPCWSTR path, LPVOID *out, PUINT len)
{
	struct block b;

	if (len)
		*len = 0;
	if (!path)
		path = L"\\"; /* no sub-block: the root, as Windows answers */
	if (!query(data, path, out, &b))
		return FALSE;
	*out = (void *)b.value;
	if (len)
		*len = b.value_len;
	return TRUE;
}

/* Text values come back in the ANSI code page, converted into the room
 * GetFileVersionInfo left behind the resource, at the same offset from
 * where the root block's length says it ends now (a caller that grows the
 * block grows the room it needs, as Windows' conformance test does). */
BOOL WINAPI VerQueryValueA(LPCVOID data, LPCSTR path, LPVOID *out, PUINT len)
{
	const BYTE *root = data;
	WCHAR wpath[256];
	DWORD aligned;
	struct block b;
	char *dst;

	if (len)
		*len = 0;
	if (!path)
		path = "\\";
	if (!MultiByteToWideChar(CP_ACP, 0, path, -1, wpath, 256)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!query(data, wpath, out, &b))
		return FALSE;
	*out = (void *)b.value;
	if (len)
		*len = b.value_len;
	if (b.type != 1)
		return TRUE;
	aligned = (*(const WORD *)root + 3u) / 4 * 4;
	dst = (char *)root + aligned + sizeof(DWORD) + (b.value - root);
	WideCharToMultiByte(CP_ACP, 0, (const WCHAR *)b.value, b.value_len, dst,
			    b.value_len * sizeof(WCHAR), NULL, NULL);
	*out = dst;
	return TRUE;
}
