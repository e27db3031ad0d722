/*
 * The Rtl registry helpers of the driver documentation (wdm.h): a key is
 * named by a "relative to" base (an absolute path, one of the well-known
 * roots, the current user's key, or a key handle) and a path under it.
 * RtlQueryRegistryValues walks a table of value names and hands each value
 * to a callback or stores it directly.
 */
#include "rtl/rtl_private.h"
#include "rtl/nt_key.h"

#define RTL_REGISTRY_ABSOLUTE 0
#define RTL_REGISTRY_USER 5
#define RTL_REGISTRY_HANDLE 0x40000000
#define RTL_REGISTRY_OPTIONAL 0x80000000

#define RTL_QUERY_REGISTRY_SUBKEY 0x01
#define RTL_QUERY_REGISTRY_TOPKEY 0x02
#define RTL_QUERY_REGISTRY_REQUIRED 0x04
#define RTL_QUERY_REGISTRY_NOVALUE 0x08
#define RTL_QUERY_REGISTRY_NOEXPAND 0x10
#define RTL_QUERY_REGISTRY_DIRECT 0x20
#define RTL_QUERY_REGISTRY_DELETE 0x40

typedef NTSTATUS(NTAPI *query_routine)(PWSTR name, ULONG type, PVOID data, ULONG length,
				       PVOID context, PVOID entry_context);

typedef struct query_entry { /* RTL_QUERY_REGISTRY_TABLE */
	query_routine QueryRoutine;
	ULONG Flags;
	PWSTR Name;
	PVOID EntryContext;
	ULONG DefaultType;
	PVOID DefaultData;
	ULONG DefaultLength;
} query_entry;

NTSTATUS NTAPI RtlFormatCurrentUserKeyPath(PUNICODE_STRING);
NTSTATUS NTAPI RtlExpandEnvironmentStrings_U(PCWSTR, PCUNICODE_STRING, PUNICODE_STRING, PULONG);

static const WCHAR *const root_paths[] = {
	NULL,
	L"\\Registry\\Machine\\System\\CurrentControlSet\\Services",
	L"\\Registry\\Machine\\System\\CurrentControlSet\\Control",
	L"\\Registry\\Machine\\Software\\Microsoft\\Windows NT\\CurrentVersion",
	L"\\Registry\\Machine\\Hardware\\DeviceMap",
	NULL, /* the current user: RtlFormatCurrentUserKeyPath */
};

static void *heap_alloc(SIZE_T n)
{
	return RtlAllocateHeap(lsw_process_heap(), 0, n ? n : 1);
}

static void heap_free(void *p)
{
	RtlFreeHeap(lsw_process_heap(), 0, p);
}

/* "<root>\<path>" in a heap buffer (path may be NULL or empty). */
static NTSTATUS relative_name(ULONG relative, PCWSTR path, UNICODE_STRING *out)
{
	UNICODE_STRING user = { 0, 0, NULL };
	const WCHAR *root = root_paths[relative];
	SIZE_T rlen, plen = path ? wcslen(path) : 0, n;
	NTSTATUS status;

	if (relative == RTL_REGISTRY_ABSOLUTE && !plen)
		return STATUS_OBJECT_PATH_SYNTAX_BAD;
	if (relative == RTL_REGISTRY_USER) {
		status = RtlFormatCurrentUserKeyPath(&user);
		if (status < 0)
			return status;
		root = user.Buffer;
	}
	rlen = root ? wcslen(root) : 0;
	n = rlen + (rlen && plen ? 1 : 0) + plen;
	out->Buffer = heap_alloc((n + 1) * sizeof(WCHAR));
	status = STATUS_NO_MEMORY;
	if (out->Buffer && n * sizeof(WCHAR) <= 0xFFFC) {
		memcpy(out->Buffer, root, rlen * sizeof(WCHAR));
		if (rlen && plen)
			out->Buffer[rlen] = '\\';
		memcpy(out->Buffer + n - plen, path, plen * sizeof(WCHAR));
		out->Buffer[n] = 0;
		out->Length = (USHORT)(n * sizeof(WCHAR));
		out->MaximumLength = out->Length + sizeof(WCHAR);
		status = STATUS_SUCCESS;
	}
	RtlFreeUnicodeString(&user);
	return status;
}

/* The key a (relative, path) pair names; *owned says the caller closes it. */
static NTSTATUS open_relative(ULONG relative, PCWSTR path, ACCESS_MASK access, BOOL create,
			      HANDLE *key, BOOL *owned)
{
	UNICODE_STRING name;
	OBJECT_ATTRIBUTES oa;
	NTSTATUS status;

	relative &= ~RTL_REGISTRY_OPTIONAL;
	*owned = FALSE;
	if (relative & RTL_REGISTRY_HANDLE) {
		*key = (HANDLE)path;
		return STATUS_SUCCESS;
	}
	if (relative > RTL_REGISTRY_USER)
		return STATUS_INVALID_PARAMETER;
	status = relative_name(relative, path, &name);
	if (status < 0)
		return status;
	InitializeObjectAttributes(&oa, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
	status = create ? NtCreateKey(key, access, &oa, 0, NULL, 0, NULL) :
			  NtOpenKey(key, access, &oa);
	heap_free(name.Buffer);
	*owned = status >= 0;
	return status;
}

static void close_owned(HANDLE key, BOOL owned)
{
	if (owned)
		NtClose(key);
}

RTLAPI NTSTATUS NTAPI RtlCheckRegistryKey(ULONG relative, PWSTR path)
{
	HANDLE key;
	BOOL owned;
	NTSTATUS status = open_relative(relative, path, KEY_READ, FALSE, &key, &owned);

	close_owned(key, owned);
	return status;
}

RTLAPI NTSTATUS NTAPI RtlCreateRegistryKey(ULONG relative, PWSTR path)
{
	HANDLE key;
	BOOL owned;
	NTSTATUS status = open_relative(relative, path, KEY_ALL_ACCESS, TRUE, &key, &owned);

	close_owned(key, owned);
	return status;
}

RTLAPI NTSTATUS NTAPI RtlWriteRegistryValue(ULONG relative, PCWSTR path, PCWSTR name, ULONG type,
					    PVOID data, ULONG length)
{
	UNICODE_STRING value;
	HANDLE key;
	BOOL owned;
	NTSTATUS status = open_relative(relative, path, KEY_SET_VALUE, TRUE, &key, &owned);

	if (status < 0)
		return status;
	RtlInitUnicodeString(&value, name);
	status = NtSetValueKey(key, &value, 0, type, data, length);
	close_owned(key, owned);
	return status;
}

RTLAPI NTSTATUS NTAPI RtlDeleteRegistryValue(ULONG relative, PCWSTR path, PCWSTR name)
{
	UNICODE_STRING value;
	HANDLE key;
	BOOL owned;
	NTSTATUS status = open_relative(relative, path, KEY_SET_VALUE, FALSE, &key, &owned);

	if (status < 0)
		return status;
	RtlInitUnicodeString(&value, name);
	status = NtDeleteValueKey(key, &value);
	close_owned(key, owned);
	return status;
}

/* The unnamed (default) value's type and data; *length is in and out. */
RTLAPI NTSTATUS NTAPI RtlpNtQueryValueKey(HANDLE key, PULONG type, PVOID data, PULONG length,
					  PVOID unused)
{
	UNICODE_STRING empty = { 0, 0, NULL };
	ULONG room = length ? *length : 0, size = offsetof(LSW_VALUE_PARTIAL, Data) + room, got;
	LSW_VALUE_PARTIAL *info = heap_alloc(size);
	NTSTATUS status;

	if (!info)
		return STATUS_NO_MEMORY;
	status = NtQueryValueKey(key, &empty, KeyValuePartialInformation, info, size, &got);
	if (status >= 0 || status == STATUS_BUFFER_OVERFLOW) {
		if (type)
			*type = info->Type;
		if (length)
			*length = info->DataLength;
		if (status >= 0 && data)
			memcpy(data, info->Data, info->DataLength);
	}
	heap_free(info);
	return status;
}

/* One value of the current key, fully (heap copy, freed by the caller). */
static NTSTATUS value_by_name(HANDLE key, const WCHAR *name, LSW_VALUE_PARTIAL **out)
{
	UNICODE_STRING n;
	ULONG size = 256, got = 0;
	NTSTATUS status;

	RtlInitUnicodeString(&n, name);
	for (;;) {
		*out = heap_alloc(size);
		if (!*out)
			return STATUS_NO_MEMORY;
		status = NtQueryValueKey(key, &n, KeyValuePartialInformation, *out, size, &got);
		if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL)
			break;
		heap_free(*out);
		size = got > size ? got : size * 2;
	}
	if (status < 0) {
		heap_free(*out);
		*out = NULL;
	}
	return status;
}

/* The index-th value of the key with its name (heap copy). */
static NTSTATUS value_by_index(HANDLE key, ULONG index, LSW_VALUE_FULL **out)
{
	ULONG size = 512, got = 0;
	NTSTATUS status;

	for (;;) {
		*out = heap_alloc(size);
		if (!*out)
			return STATUS_NO_MEMORY;
		status = NtEnumerateValueKey(key, index, KeyValueFullInformation, *out, size, &got);
		if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_BUFFER_TOO_SMALL)
			break;
		heap_free(*out);
		size = got > size ? got : size * 2;
	}
	if (status < 0) {
		heap_free(*out);
		*out = NULL;
	}
	return status;
}

/* Stores a value the DIRECT way: strings into the UNICODE_STRING at ctx
 * (allocated when its buffer is NULL), small data into the ULONG, larger
 * data into a buffer led by its signed size (negative: length and type
 * are stored before the data). */
static NTSTATUS store_direct(ULONG type, const void *data, ULONG len, void *ctx)
{
	if (type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ) {
		UNICODE_STRING *s = ctx;

		if (!s->Buffer) {
			s->Buffer = heap_alloc(len);
			if (!s->Buffer)
				return STATUS_NO_MEMORY;
			s->MaximumLength = (USHORT)len;
		} else if (len > s->MaximumLength) {
			return STATUS_BUFFER_TOO_SMALL;
		}
		memcpy(s->Buffer, data, len);
		s->Length = (USHORT)(len >= sizeof(WCHAR) && !((WCHAR *)s->Buffer)[len / 2 - 1] ?
					     len - sizeof(WCHAR) : len);
		return STATUS_SUCCESS;
	}
	if (len <= sizeof(ULONG)) {
		memcpy(ctx, data, len);
		return STATUS_SUCCESS;
	}
	if (*(LONG *)ctx < 0) {
		ULONG room = (ULONG)-*(LONG *)ctx;

		if (room < len + 2 * sizeof(ULONG))
			return STATUS_BUFFER_TOO_SMALL;
		((ULONG *)ctx)[0] = len;
		((ULONG *)ctx)[1] = type;
		memcpy((ULONG *)ctx + 2, data, len);
		return STATUS_SUCCESS;
	}
	if ((ULONG)*(LONG *)ctx < len)
		return STATUS_BUFFER_TOO_SMALL;
	memcpy(ctx, data, len);
	return STATUS_SUCCESS;
}

/* Hands one value to the entry: expanded REG_EXPAND_SZ, one call per
 * string of a REG_MULTI_SZ (both unless NOEXPAND), or stored directly. */
static NTSTATUS deliver(const query_entry *q, WCHAR *name, ULONG type, void *data, ULONG len,
			void *context)
{
	if (q->Flags & RTL_QUERY_REGISTRY_DIRECT)
		return store_direct(type, data, len, q->EntryContext);
	if (type == REG_MULTI_SZ && !(q->Flags & RTL_QUERY_REGISTRY_NOEXPAND)) {
		WCHAR *s = data, *end = (WCHAR *)((BYTE *)data + len);
		NTSTATUS status = STATUS_SUCCESS;

		while (s < end && *s && status >= 0) {
			SIZE_T n = wcsnlen(s, (SIZE_T)(end - s));

			status = q->QueryRoutine(name, REG_SZ, s, (ULONG)((n + 1) * sizeof(WCHAR)),
						 context, q->EntryContext);
			s += n + 1;
		}
		return status;
	}
	if (type == REG_EXPAND_SZ && !(q->Flags & RTL_QUERY_REGISTRY_NOEXPAND)) {
		UNICODE_STRING src = { (USHORT)len, (USHORT)len, data }, dst = { 0, 0, NULL };
		ULONG need = 0;
		NTSTATUS status;

		if (len >= sizeof(WCHAR) && !((WCHAR *)data)[len / 2 - 1])
			src.Length -= sizeof(WCHAR);
		RtlExpandEnvironmentStrings_U(NULL, &src, &dst, &need);
		dst.Buffer = heap_alloc(need);
		dst.MaximumLength = (USHORT)need;
		if (!dst.Buffer)
			return STATUS_NO_MEMORY;
		status = RtlExpandEnvironmentStrings_U(NULL, &src, &dst, &need);
		if (status >= 0)
			status = q->QueryRoutine(name, REG_SZ, dst.Buffer, need, context,
						 q->EntryContext);
		heap_free(dst.Buffer);
		return status;
	}
	return q->QueryRoutine(name, type, data, len, context, q->EntryContext);
}

/* The default of an entry whose value is missing; lengths of 0 for
 * string types are measured. */
static NTSTATUS deliver_default(const query_entry *q, void *context)
{
	ULONG len = q->DefaultLength;

	if (q->DefaultType == REG_NONE)
		return STATUS_SUCCESS;
	if (!len && q->DefaultData && (q->DefaultType == REG_SZ || q->DefaultType == REG_EXPAND_SZ))
		len = (ULONG)((wcslen(q->DefaultData) + 1) * sizeof(WCHAR));
	if (!len && q->DefaultData && q->DefaultType == REG_MULTI_SZ) {
		const WCHAR *s = q->DefaultData;

		while (*s)
			s += wcslen(s) + 1;
		len = (ULONG)((s + 1 - (const WCHAR *)q->DefaultData) * sizeof(WCHAR));
	}
	return deliver(q, q->Name, q->DefaultType, q->DefaultData, len, context);
}

static NTSTATUS query_all_values(HANDLE key, const query_entry *q, void *context)
{
	LSW_VALUE_FULL *v;
	WCHAR *name;
	NTSTATUS status = STATUS_SUCCESS;

	if (q->Flags & RTL_QUERY_REGISTRY_DIRECT)
		return STATUS_INVALID_PARAMETER;
	for (ULONG i = 0; status >= 0; i++) {
		if (value_by_index(key, i, &v) < 0)
			break;
		/* The data may follow the name at once: the name is copied. */
		name = heap_alloc(v->NameLength + sizeof(WCHAR));
		status = STATUS_NO_MEMORY;
		if (name) {
			memcpy(name, v->Name, v->NameLength);
			name[v->NameLength / sizeof(WCHAR)] = 0;
			status = deliver(q, name, v->Type, (BYTE *)v + v->DataOffset,
					 v->DataLength, context);
			heap_free(name);
		}
		heap_free(v);
	}
	return status;
}

static NTSTATUS query_one(HANDLE key, const query_entry *q, void *context)
{
	LSW_VALUE_PARTIAL *v = NULL;
	NTSTATUS status;

	if (q->Flags & RTL_QUERY_REGISTRY_NOVALUE)
		return q->QueryRoutine(q->Name, REG_NONE, NULL, 0, context, q->EntryContext);
	if (!q->Name)
		return query_all_values(key, q, context);
	status = key ? value_by_name(key, q->Name, &v) : STATUS_OBJECT_NAME_NOT_FOUND;
	if (status < 0) {
		if (q->Flags & RTL_QUERY_REGISTRY_REQUIRED)
			return STATUS_OBJECT_NAME_NOT_FOUND;
		return deliver_default(q, context);
	}
	status = deliver(q, q->Name, v->Type, v->Data, v->DataLength, context);
	heap_free(v);
	if (status >= 0 && (q->Flags & RTL_QUERY_REGISTRY_DELETE)) {
		UNICODE_STRING n;

		RtlInitUnicodeString(&n, q->Name);
		NtDeleteValueKey(key, &n);
	}
	return status;
}

static NTSTATUS open_subkey(HANDLE base, const WCHAR *name, HANDLE *out)
{
	UNICODE_STRING n;
	OBJECT_ATTRIBUTES oa;

	RtlInitUnicodeString(&n, name);
	InitializeObjectAttributes(&oa, &n, OBJ_CASE_INSENSITIVE, base, NULL);
	return NtOpenKey(out, KEY_READ | KEY_SET_VALUE, &oa);
}

RTLAPI NTSTATUS NTAPI RtlQueryRegistryValues(ULONG relative, PCWSTR path, query_entry *table,
					     PVOID context, PVOID environment)
{
	HANDLE base, key, sub = NULL;
	BOOL owned;
	NTSTATUS status = open_relative(relative, path, KEY_READ | KEY_SET_VALUE, FALSE, &base,
					&owned);

	if (status < 0)
		return status;
	key = base;
	for (query_entry *q = table; status >= 0 && (q->QueryRoutine || q->Name); q++) {
		if (q->Flags & (RTL_QUERY_REGISTRY_SUBKEY | RTL_QUERY_REGISTRY_TOPKEY)) {
			if (sub)
				NtClose(sub);
			sub = NULL;
			key = base;
		}
		if ((q->Flags & RTL_QUERY_REGISTRY_SUBKEY) && q->Name) {
			status = open_subkey(base, q->Name, &sub);
			if (status < 0) {
				sub = NULL;
				key = NULL;
				status = (q->Flags & RTL_QUERY_REGISTRY_REQUIRED) ? status :
										    STATUS_SUCCESS;
			} else {
				key = sub;
			}
			if (!q->QueryRoutine || status < 0)
				continue;
		}
		if (!(q->Flags & RTL_QUERY_REGISTRY_DIRECT) && !q->QueryRoutine)
			continue;
		if ((q->Flags & RTL_QUERY_REGISTRY_SUBKEY) && q->Name) {
			query_entry all = *q;

			all.Name = NULL;
			status = key ? query_one(key, &all, context) : STATUS_SUCCESS;
			continue;
		}
		status = query_one(key, q, context);
	}
	if (sub)
		NtClose(sub);
	close_owned(base, owned);
	return status;
}
