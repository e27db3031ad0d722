/* Key information and housekeeping: RegQueryInfoKey, RegFlushKey,
 * RegNotifyChangeKeyValue. */
#include "adv_security.h"

/* Lengths are in characters without the NUL; the largest value's data
 * is in bytes as stored (also for the A function).  Below
 * HKEY_CLASSES_ROOT the subkey figures are the merged view's, the rest
 * the key's the handle stands for.  lpcbSecurityDescriptor receives the
 * size of the key's descriptor: its owner, group and DACL. */
/* The class name into a caller's buffer of *len characters.  A zero-size
 * buffer just gets length 0.  A short one: the A call stores what fits
 * with a NUL and ERROR_MORE_DATA, the W call stores nothing and answers
 * ERROR_INSUFFICIENT_BUFFER with the full length (as Windows 10). */
static LSTATUS copy_class(const WCHAR *name, DWORD n, void *buf, LPDWORD len, BOOL ansi)
{
	if (!len)
		return ERROR_SUCCESS;
	if (buf && !*len)
		return ERROR_SUCCESS;
	if (buf && n >= *len && !ansi) {
		*len = n;
		return ERROR_INSUFFICIENT_BUFFER;
	}
	if (buf && n >= *len) {
		adv_w_to_a(name, *len - 1, buf);
		((char *)buf)[*len - 1] = 0;
		*len -= 1;
		return ERROR_MORE_DATA;
	}
	if (buf && ansi) {
		adv_w_to_a(name, n, buf);
		((char *)buf)[n] = 0;
	} else if (buf) {
		memcpy(buf, name, n * sizeof(WCHAR));
		((WCHAR *)buf)[n] = 0;
	}
	*len = n;
	return ERROR_SUCCESS;
}

/* What RegGetKeySecurity would need for the owner, group and DACL. */
static DWORD security_size(HANDLE h)
{
	ULONG need = 0;
	NTSTATUS st = NtQuerySecurityObject(h, OWNER_SECURITY_INFORMATION |
					    GROUP_SECURITY_INFORMATION |
					    DACL_SECURITY_INFORMATION, NULL, 0, &need);

	return st == STATUS_BUFFER_TOO_SMALL ? need : 0;
}

static LSTATUS query_info(HKEY hkey, void *cls, LPDWORD cls_len, LPDWORD reserved,
			  LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_class, LPDWORD values,
			  LPDWORD max_value_name, LPDWORD max_value, LPDWORD sd_size,
			  PFILETIME ft, BOOL ansi)
{
	ADV_KEY_FULL *info;
	DWORD clen;
	HANDLE h;
	LSTATUS err;
	NTSTATUS status;

	if (reserved || (cls && !cls_len))
		return ERROR_INVALID_PARAMETER;
	if (adv_is_perf_key(hkey)) {
		if (cls && *cls_len) /* no class */
			ansi ? (void)(*(char *)cls = 0) : (void)(*(WCHAR *)cls = 0);
		if (cls_len)
			*cls_len = 0;
		if (sd_size)
			*sd_size = 0;
		if (ft)
			memset(ft, 0, sizeof(*ft));
		return adv_perf_info(subkeys, values, max_subkey, max_class, max_value_name,
				     max_value);
	}
	err = adv_key(hkey, &h);
	if (err)
		return err;
	status = adv_key_info(h, -1, KeyFullInformation, (void **)&info);
	if (!NT_SUCCESS(status))
		return adv_error(status);
	if (adv_is_merged(hkey)) {
		err = adv_merged_counts(hkey, info);
		if (err) {
			adv_free(info);
			return err;
		}
	}
	clen = info->ClassLength / sizeof(WCHAR);
	err = copy_class((WCHAR *)((BYTE *)info + info->ClassOffset), clen, cls, cls_len, ansi);
	if (subkeys)
		*subkeys = info->SubKeys;
	if (max_subkey)
		*max_subkey = info->MaxNameLen / sizeof(WCHAR);
	if (max_class)
		*max_class = info->MaxClassLen / sizeof(WCHAR);
	if (values)
		*values = info->Values;
	if (max_value_name)
		*max_value_name = info->MaxValueNameLen / sizeof(WCHAR);
	if (max_value)
		*max_value = info->MaxValueDataLen;
	if (sd_size)
		*sd_size = security_size(h);
	if (ft)
		memcpy(ft, &info->LastWriteTime, sizeof(*ft));
	adv_free(info);
	return err;
}

ADVAPI LSTATUS WINAPI RegQueryInfoKeyW(HKEY hkey, LPWSTR cls, LPDWORD cls_len, LPDWORD reserved,
				       LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_class,
				       LPDWORD values, LPDWORD max_value_name, LPDWORD max_value,
				       LPDWORD sd_size, PFILETIME ft)
{
	return query_info(hkey, cls, cls_len, reserved, subkeys, max_subkey, max_class, values,
			  max_value_name, max_value, sd_size, ft, FALSE);
}

ADVAPI LSTATUS WINAPI RegQueryInfoKeyA(HKEY hkey, LPSTR cls, LPDWORD cls_len, LPDWORD reserved,
				       LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_class,
				       LPDWORD values, LPDWORD max_value_name, LPDWORD max_value,
				       LPDWORD sd_size, PFILETIME ft)
{
	return query_info(hkey, cls, cls_len, reserved, subkeys, max_subkey, max_class, values,
			  max_value_name, max_value, sd_size, ft, TRUE);
}

ADVAPI LSTATUS WINAPI RegFlushKey(HKEY hkey)
{
	HANDLE h;
	LSTATUS err = adv_key(hkey, &h);

	if (err)
		return err;
	return adv_error(NtFlushKey(h));
}

#define NOTIFY_FILTERS (REG_NOTIFY_CHANGE_NAME | REG_NOTIFY_CHANGE_ATTRIBUTES | \
			REG_NOTIFY_CHANGE_LAST_SET | REG_NOTIFY_CHANGE_SECURITY)

/* An asynchronous request completes after we return, so its status block
 * cannot live on our stack; nobody reads it, one shared block will do. */
static IO_STATUS_BLOCK async_iosb;

ADVAPI LSTATUS WINAPI RegNotifyChangeKeyValue(HKEY hkey, BOOL subtree, DWORD filter,
					      HANDLE event, BOOL async)
{
	IO_STATUS_BLOCK iosb;
	HANDLE h;
	NTSTATUS status;
	LSTATUS err;

	if (filter & ~(NOTIFY_FILTERS | REG_NOTIFY_THREAD_AGNOSTIC))
		return ERROR_INVALID_PARAMETER;
	if (async && !event)
		return ERROR_INVALID_HANDLE; /* there is nothing to signal */
	err = adv_key(hkey, &h);
	if (err)
		return err;
	/* The event of a synchronous call is not used: the call waits.
	 * REG_NOTIFY_THREAD_AGNOSTIC goes along: the watch then outlives
	 * this thread. */
	status = NtNotifyChangeKey(h, async ? event : NULL, NULL, NULL, async ? &async_iosb : &iosb,
				   filter, (BOOLEAN)!!subtree, NULL, 0,
				   (BOOLEAN)!!async);
	if (status == STATUS_PENDING)
		return ERROR_SUCCESS;
	return adv_error(status);
}
