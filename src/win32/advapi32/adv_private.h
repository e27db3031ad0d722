/* Private declarations of advapi32: the registry API over ntdll's key calls. */
#ifndef LSW_ADV_PRIVATE_H
#define LSW_ADV_PRIVATE_H

#define _ADVAPI32_ /* we define, not import, the registry API */
#include "ntdll/rtl/rtl_nt.h"

#define ADVAPI __declspec(dllexport)

/* The one user's SID: HKEY_CURRENT_USER is \Registry\User\<this>.  Keep in
 * sync with the supervisor's registry (src/emul/reg_store.h). */
#include <lsw/user_sid.h>
#define ADV_USER_SID L"" LSW_USER_SID

/* The two halves of HKEY_CLASSES_ROOT's merged view (merge.c). */
#define ADV_MACHINE_CLASSES L"\\Registry\\Machine\\Software\\Classes"
#define ADV_USER_CLASSES L"\\Registry\\User\\" ADV_USER_SID L"\\Software\\Classes"

#include "ntdll/rtl/nt_key.h"

typedef LSW_KEY_BASIC ADV_KEY_BASIC;
typedef LSW_KEY_NODE ADV_KEY_NODE;
typedef LSW_KEY_FULL ADV_KEY_FULL;
typedef LSW_KEY_NAME ADV_KEY_NAME;
typedef LSW_VALUE_BASIC ADV_VALUE_BASIC;
typedef LSW_VALUE_FULL ADV_VALUE_FULL;
typedef LSW_VALUE_PARTIAL ADV_VALUE_PARTIAL;

/* KEY_WOW64_* choose a registry view; there is one view here. */
#define ADV_ACCESS(sam) ((sam) & ~(ACCESS_MASK)KEY_WOW64_RES)

static inline LSTATUS adv_error(NTSTATUS status)
{
	return (LSTATUS)RtlNtStatusToDosError(status);
}

static inline void *adv_alloc(SIZE_T n)
{
	return RtlAllocateHeap(lsw_process_heap(), 0, n ? n : 1);
}

static inline void adv_free(void *p)
{
	if (p)
		RtlFreeHeap(lsw_process_heap(), 0, p);
}

/* wow64.c: with KEY_WOW64_32KEY in sam, the base key (HKLM\Software\
 * Wow6432Node, to close) and the rest of the name under it (heap) that
 * root\sub leads to in the 32-bit view; *base NULL when the name stays. */
LSTATUS adv_wow64_base(HANDLE root, const WCHAR *sub, REGSAM sam, HANDLE *base, WCHAR **rest);

/* value.c: sets a value to exactly `size` bytes. */
LSTATUS adv_set_value(HKEY hkey, const WCHAR *name, DWORD type, const BYTE *data, DWORD size);

/* perf.c: the performance keys, whose values are made on each query. */
BOOL adv_is_perf_key(HKEY hkey);
LSTATUS adv_perf_query(HKEY hkey, const WCHAR *name, DWORD *type, BYTE *data, DWORD *size,
		       BOOL ansi);
/* perf_key.c: what the other key calls answer for them (given a
 * performance key), and the key a STATUS_PREDEFINED_HANDLE open gave. */
LSTATUS adv_perf_info(DWORD *subkeys, DWORD *values, DWORD *max_subkey, DWORD *max_class,
		      DWORD *max_value_name, DWORD *max_value);
LSTATUS adv_perf_enum_value(DWORD index);
LSTATUS adv_perf_enum_key(HKEY hkey);
LSTATUS adv_perf_set_value(HKEY hkey);
HKEY adv_perf_key_of(HANDLE h);

/* root.c: the NT handle an HKEY stands for, opening a predefined root on
 * first use; ERROR_SUCCESS or the error to return. */
LSTATUS adv_key(HKEY hkey, HANDLE *out);
BOOL adv_is_predefined(HKEY hkey);

/* merge.c: HKEY_CLASSES_ROOT and the handles opened through it are
 * "merged": HKCU\Software\Classes over HKLM\Software\Classes.  Such a
 * handle is its NT handle with ADV_MERGED set (NT handles are multiples
 * of 4, as Windows' own HKCR handles carry a low tag bit). */
#define ADV_MERGED 2
enum adv_hive { ADV_HIVE_MACHINE, ADV_HIVE_USER };
BOOL adv_is_merged(HKEY hkey);
HKEY adv_tag(HANDLE h);
LSTATUS adv_merged_where(HKEY hkey, enum adv_hive *hive, WCHAR **rel);
NTSTATUS adv_classes_open(enum adv_hive hive, const WCHAR *rel, const WCHAR *sub,
			  ACCESS_MASK access, ULONG attr, HANDLE *out);
LSTATUS adv_merged_open(HKEY hkey, const WCHAR *sub, ACCESS_MASK access, ULONG attr, HANDLE *out);
LSTATUS adv_merged_create_at(HKEY hkey, const WCHAR *sub, HANDLE *root, WCHAR **path);

/* merge_enum.c: the subkeys of a merged key, both hives' in name order,
 * each name once; RegCloseKey forgets a handle's enumeration position. */
LSTATUS adv_merged_enum(HKEY hkey, DWORD index, ADV_KEY_NODE **out);
LSTATUS adv_merged_counts(HKEY hkey, ADV_KEY_FULL *info);
void adv_merged_forget(HKEY hkey);
/* merge_value.c: the key whose values hkey shows (*opened: a handle to
 * close, or NULL), and the index-th value of a merged key's view. */
LSTATUS adv_value_key(HKEY hkey, HANDLE *h, HANDLE *opened);
NTSTATUS adv_merged_enum_value(HKEY hkey, HANDLE own, LONG index, ADV_VALUE_FULL **out);

/* open.c: open lpSubKey under hkey (NULL or "" opens hkey itself anew);
 * adv_open_under opens relative to an NT handle, without the merge. */
NTSTATUS adv_open_under(HANDLE root, const WCHAR *sub, ACCESS_MASK access, ULONG attr, HANDLE *out);
LSTATUS adv_open(HKEY hkey, const WCHAR *sub, ACCESS_MASK access, HANDLE *out);
LSTATUS adv_open_attr(HKEY hkey, const WCHAR *sub, ACCESS_MASK access, ULONG attr, HANDLE *out);

/* query.c: heap copies of NT key/value information, grown until it fits.
 * `index` < 0 queries (NtQueryKey / NtQueryValueKey by name), else
 * enumerates.  The caller frees *out with adv_free. */
NTSTATUS adv_key_info(HANDLE key, LONG index, int cls, void **out);
NTSTATUS adv_value_info(HANDLE key, const WCHAR *name, LONG index, int cls, void **out);

/* strings.c: ANSI (code page 1252, one byte per UTF-16 unit) <-> UTF-16. */
LSTATUS adv_a_to_w(const char *a, WCHAR **w);  /* NULL stays NULL */
void adv_w_to_a(const WCHAR *w, SIZE_T n, char *a); /* n units, no NUL added */
void adv_a_to_w_n(const char *a, SIZE_T n, WCHAR *w);
/* RegOpenKeyA/RegCreateKeyA: the W call of that shape on the converted name. */
typedef LSTATUS WINAPI adv_key_w_fn(HKEY, LPCWSTR, PHKEY);
LSTATUS adv_key_call_a(adv_key_w_fn *call_w, HKEY hkey, LPCSTR sub, PHKEY out);
BOOL adv_is_string_type(DWORD type);
DWORD adv_a_size(DWORD type, DWORD wsize);     /* bytes of the A form */
void adv_data_to_a(DWORD type, const BYTE *src, DWORD wsize, BYTE *dst);
void adv_terminate_a(DWORD type, BYTE *data, DWORD asize, DWORD room);
/* The size of string data as RegSetValueEx stores it: one terminator more
 * when the caller's last character is not one but the next is (Windows
 * looks one character past the size given). */
DWORD adv_stored_size(DWORD type, const BYTE *data, DWORD size, DWORD unit);

/* connect.c: whether a machine name names this machine (none, its
 * computer name, that name after two backslashes). */
BOOL adv_is_this_machine(const WCHAR *machine);

/* handle_table.c: objects behind made-up handles, `tag` in the top
 * byte.  adv_handle_add sets ERROR_NO_SYSTEM_RESOURCES when full;
 * adv_handle_lookup wants t->lock held; adv_handle_remove takes it. */
struct adv_handles {
	void **slots;
	unsigned size;
	ULONG tag;
	RTL_SRWLOCK lock;
};
#define ADV_HANDLES(name, count, tag_byte) \
	static void *name##_slots[count]; \
	static struct adv_handles name = { name##_slots, count, (ULONG)(tag_byte) << 24, RTL_SRWLOCK_INIT }
HANDLE adv_handle_add(struct adv_handles *t, void *object);
void *adv_handle_lookup(struct adv_handles *t, HANDLE h);
void *adv_handle_remove(struct adv_handles *t, HANDLE h);

#endif
