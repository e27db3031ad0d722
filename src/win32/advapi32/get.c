/* RegGetValue: RegQueryValueEx with a type restriction (RRF_RT_*), an
 * optional subkey, REG_EXPAND_SZ expanded to REG_SZ (unless RRF_NOEXPAND)
 * and strings always returned NUL-terminated. */
#include "adv_private.h"

/* The RRF_RT_* bit that admits a stored type; 0 for the other types,
 * which only RRF_RT_ANY admits. */
static DWORD type_bit(DWORD type)
{
	switch (type) {
	case REG_NONE: return RRF_RT_REG_NONE;
	case REG_SZ: return RRF_RT_REG_SZ;
	case REG_EXPAND_SZ: return RRF_RT_REG_EXPAND_SZ;
	case REG_BINARY: return RRF_RT_REG_BINARY;
	case REG_DWORD: return RRF_RT_REG_DWORD;
	case REG_MULTI_SZ: return RRF_RT_REG_MULTI_SZ;
	case REG_QWORD: return RRF_RT_REG_QWORD;
	}
	return 0;
}

/* RRF_RT_DWORD / RRF_RT_QWORD admit REG_BINARY of 4 / 8 bytes only. */
static LSTATUS check_type(DWORD rt, DWORD type, DWORD n)
{
	DWORD bit = type_bit(type);

	if (rt == RRF_RT_ANY)
		return ERROR_SUCCESS;
	if (!bit || !(rt & bit))
		return ERROR_UNSUPPORTED_TYPE;
	if (type == REG_BINARY && (rt & (RRF_RT_REG_DWORD | RRF_RT_REG_QWORD)) &&
	    !((rt & RRF_RT_REG_DWORD) && n == 4) && !((rt & RRF_RT_REG_QWORD) && n == 8))
		return ERROR_DATATYPE_MISMATCH;
	return ERROR_SUCCESS;
}

/* Expand %NAME% references; *out is a heap string with its NUL. */
static LSTATUS expand(const BYTE *data, DWORD n, BYTE **out, DWORD *out_n)
{
	UNICODE_STRING src, dst = { 0, 0, NULL };
	const WCHAR *w = (const WCHAR *)data;
	ULONG needed = 0, units = 0;
	NTSTATUS status;

	while (units < n / sizeof(WCHAR) && w[units])
		units++;
	if (units > 0x7FFE)
		return ERROR_INVALID_PARAMETER;
	src.Length = src.MaximumLength = (USHORT)(units * sizeof(WCHAR));
	src.Buffer = (WCHAR *)w;
	status = RtlExpandEnvironmentStrings_U(NULL, &src, &dst, &needed);
	if (status != STATUS_BUFFER_TOO_SMALL && !NT_SUCCESS(status))
		return adv_error(status);
	if (needed > 0xFFFF)
		return ERROR_MORE_DATA;
	dst.MaximumLength = (USHORT)needed;
	dst.Buffer = adv_alloc(needed);
	if (!dst.Buffer)
		return ERROR_NOT_ENOUGH_MEMORY;
	status = RtlExpandEnvironmentStrings_U(NULL, &src, &dst, &needed);
	if (!NT_SUCCESS(status)) {
		adv_free(dst.Buffer);
		return adv_error(status);
	}
	*out = (BYTE *)dst.Buffer;
	*out_n = needed;
	return ERROR_SUCCESS;
}

/* NUL units a string value lacks: one for REG_SZ, up to two for
 * REG_MULTI_SZ (each string's and the list's). */
static DWORD missing_nuls(DWORD type, const BYTE *data, DWORD n)
{
	const WCHAR *w = (const WCHAR *)data;
	DWORD units = n / sizeof(WCHAR);

	if (type == REG_SZ || type == REG_EXPAND_SZ)
		return units && !w[units - 1] ? 0 : 1;
	if (type != REG_MULTI_SZ)
		return 0;
	if (units >= 2 && !w[units - 1] && !w[units - 2])
		return 0;
	return units && !w[units - 1] ? 1 : 2;
}

/* The value as RegGetValue returns it: a heap copy with room for the
 * missing NULs (*n counts them, the caller writes them), its final type. */
static LSTATUS get_data(HKEY hkey, const WCHAR *sub, const WCHAR *value, DWORD flags,
			DWORD *type, BYTE **buf, DWORD *n)
{
	ADV_VALUE_PARTIAL *info = NULL;
	HANDLE h;
	BYTE *expanded = NULL;
	LSTATUS err;
	NTSTATUS status;

	err = sub && *sub ? adv_open(hkey, sub, KEY_QUERY_VALUE, &h) : adv_key(hkey, &h);
	if (err)
		return err;
	status = adv_value_info(h, value, -1, KeyValuePartialInformation, (void **)&info);
	if (sub && *sub)
		NtClose(h);
	if (!NT_SUCCESS(status))
		return adv_error(status);
	*type = info->Type;
	*n = info->DataLength;
	if (*type == REG_EXPAND_SZ && !(flags & RRF_NOEXPAND)) {
		err = expand(info->Data, info->DataLength, &expanded, n);
		adv_free(info);
		if (err)
			return err;
		*type = REG_SZ;
		*buf = expanded;
		return check_type(flags & RRF_RT_ANY, *type, *n);
	}
	err = check_type(flags & RRF_RT_ANY, *type, *n);
	*n += missing_nuls(*type, info->Data, *n) * sizeof(WCHAR);
	*buf = adv_alloc(*n);
	if (!err && !*buf)
		err = ERROR_NOT_ENOUGH_MEMORY;
	if (*buf) {
		memset(*buf, 0, *n);
		memcpy(*buf, info->Data, info->DataLength < *n ? info->DataLength : *n);
	}
	adv_free(info);
	return err;
}

static LSTATUS check_flags(DWORD flags, const void *data, const DWORD *size)
{
	DWORD rt = flags & RRF_RT_ANY;

	if (data && !size)
		return ERROR_INVALID_PARAMETER;
	if ((flags & RRF_SUBKEY_WOW6464KEY) && (flags & RRF_SUBKEY_WOW6432KEY))
		return ERROR_INVALID_PARAMETER;
	/* Without RRF_NOEXPAND no value comes back as REG_EXPAND_SZ. */
	if (rt == RRF_RT_REG_EXPAND_SZ && !(flags & RRF_NOEXPAND))
		return ERROR_INVALID_PARAMETER;
	return ERROR_SUCCESS;
}

/* Copy out `n` bytes (the A form when `ansi`), or report the size.  A
 * value of the wrong type is still returned (Windows fills type, size and
 * data, then reports the mismatch), unless RRF_ZEROONFAILURE blanks it. */
static LSTATUS finish(LSTATUS err, DWORD flags, BOOL ansi, DWORD type, const BYTE *buf, DWORD n,
		      DWORD *ptype, void *data, DWORD *size)
{
	DWORD want = ansi ? adv_a_size(type, n) : n, have = size ? *size : 0;
	BOOL typed_err = err == ERROR_UNSUPPORTED_TYPE || err == ERROR_DATATYPE_MISMATCH;

	if (buf && (!err || typed_err)) {
		if (ptype)
			*ptype = type;
		if (data && want > have && !err)
			err = ERROR_MORE_DATA;
		else if (data && want <= have && ansi)
			adv_data_to_a(type, buf, n, data);
		else if (data && want <= have)
			memcpy(data, buf, n);
		if (size)
			*size = want;
	}
	if (err && data && (flags & RRF_ZEROONFAILURE))
		memset(data, 0, have);
	return err;
}

ADVAPI LSTATUS WINAPI RegGetValueW(HKEY hkey, LPCWSTR sub, LPCWSTR value, DWORD flags,
				   LPDWORD ptype, PVOID data, LPDWORD size)
{
	BYTE *buf = NULL;
	DWORD type = 0, n = 0;
	LSTATUS err = check_flags(flags, data, size);

	if (err)
		return err;
	err = get_data(hkey, sub, value, flags, &type, &buf, &n);
	err = finish(err, flags, FALSE, type, buf, n, ptype, data, size);
	adv_free(buf);
	return err;
}

ADVAPI LSTATUS WINAPI RegGetValueA(HKEY hkey, LPCSTR sub, LPCSTR value, DWORD flags,
				   LPDWORD ptype, PVOID data, LPDWORD size)
{
	WCHAR *wsub = NULL, *wvalue = NULL;
	BYTE *buf = NULL;
	DWORD type = 0, n = 0;
	LSTATUS err = check_flags(flags, data, size);

	if (!err)
		err = adv_a_to_w(sub, &wsub);
	if (!err)
		err = adv_a_to_w(value, &wvalue);
	if (err) {
		adv_free(wsub);
		return err;
	}
	err = get_data(hkey, wsub, wvalue, flags, &type, &buf, &n);
	err = finish(err, flags, TRUE, type, buf, n, ptype, data, size);
	adv_free(buf);
	adv_free(wsub);
	adv_free(wvalue);
	return err;
}
