/*
 * The SH* registry helpers of one character width (see shlwapi_private.h
 * for XCHAR, X, FN and K32): values read with REG_EXPAND_SZ expanded
 * (SHQueryValueEx, SHGetValue, SHRegGetPath) and the user-specific keys
 * (SHReg*USKey, SHReg*USValue), which read HKEY_CURRENT_USER first and
 * HKEY_LOCAL_MACHINE second.
 */

/* A REG_EXPAND_SZ value comes back expanded and typed REG_SZ; the size
 * asked for is the larger of the expanded and raw strings, as Windows
 * reports it.  A buffer too small for the expansion fails with
 * ERROR_MORE_DATA and holds an empty string if the raw one would have
 * fitted (it is read, then cannot be expanded in place). */
DWORD WINAPI FN(SHQueryValueEx)(HKEY key, const XCHAR *name, LPDWORD reserved, LPDWORD type,
				LPVOID data, LPDWORD size)
{
	DWORD t, raw_size = 0, exp_chars, need;
	XCHAR *raw;
	LSTATUS err = K32(RegQueryValueEx)(key, name, NULL, &t, NULL, &raw_size);

	if (err || t != REG_EXPAND_SZ)
		return err ? err : K32(RegQueryValueEx)(key, name, NULL, type, data, size);
	if (type)
		*type = REG_SZ;
	if (!(raw = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, raw_size + sizeof(XCHAR))))
		return ERROR_NOT_ENOUGH_MEMORY;
	err = K32(RegQueryValueEx)(key, name, NULL, NULL, (BYTE *)raw, &raw_size);
	exp_chars = err ? 0 : K32(ExpandEnvironmentStrings)(raw, NULL, 0);
	need = max(raw_size, exp_chars * (DWORD)sizeof(XCHAR));
	if (!err && !exp_chars)
		err = GetLastError();
	if (!err && data && size && *size < exp_chars * sizeof(XCHAR)) {
		if (*size >= raw_size && *size >= sizeof(XCHAR))
			*(XCHAR *)data = 0;
		err = ERROR_MORE_DATA;
	} else if (!err && data) {
		K32(ExpandEnvironmentStrings)(raw, data, exp_chars);
		need = exp_chars * sizeof(XCHAR);
	}
	if (size && (!err || err == ERROR_MORE_DATA))
		*size = need;
	HeapFree(GetProcessHeap(), 0, raw);
	return err;
}

DWORD WINAPI FN(SHGetValue)(HKEY key, const XCHAR *sub, const XCHAR *name, DWORD *type, void *data,
			    DWORD *size)
{
	HKEY k;
	LSTATUS err = K32(RegOpenKeyEx)(key, sub ? sub : X(""), 0, KEY_QUERY_VALUE, &k);

	if (err)
		return err;
	err = FN(SHQueryValueEx)(k, name, NULL, type, data, size);
	RegCloseKey(k);
	return err;
}

/* A path of at most MAX_PATH characters, expanded. */
DWORD WINAPI FN(SHRegGetPath)(HKEY key, const XCHAR *sub, const XCHAR *name, XCHAR *path, DWORD flags)
{
	DWORD size = MAX_PATH * sizeof(XCHAR);

	return FN(SHGetValue)(key, sub, name, NULL, path, &size);
}

/* Stored REG_EXPAND_SZ with the known folders put back as variables
 * (PathUnExpandEnvStrings), or REG_SZ as given when none applies. */
DWORD WINAPI FN(SHRegSetPath)(HKEY key, const XCHAR *sub, const XCHAR *name, const XCHAR *path,
			      DWORD flags)
{
	XCHAR buf[MAX_PATH];
	DWORD type = REG_SZ;

	if (FN(PathUnExpandEnvStrings)(path, buf, MAX_PATH)) {
		path = buf;
		type = REG_EXPAND_SZ;
	}
	return FN(SHSetValue)(key, sub, name, type, path,
			      (DWORD)((K32(lstrlen)(path) + 1) * sizeof(XCHAR)));
}

/* The halves of a relative key, or the two roots. */
static LONG FN(us_open)(const XCHAR *path, REGSAM sam, HUSKEY rel, PHUSKEY out, BOOL want_cu,
			BOOL want_lm, BOOL create)
{
	struct us_key *base = rel ? us_key_of(rel) : NULL, *k;
	HKEY cu = rel ? (base ? base->hkcu : NULL) : HKEY_CURRENT_USER;
	HKEY lm = rel ? (base ? base->hklm : NULL) : HKEY_LOCAL_MACHINE;
	LONG err_cu = ERROR_FILE_NOT_FOUND, err_lm = ERROR_FILE_NOT_FOUND;

	if (!out || (rel && !base))
		return ERROR_INVALID_PARAMETER;
	*out = NULL;
	if (!(k = us_key_new()))
		return ERROR_NOT_ENOUGH_MEMORY;
	if (want_cu && cu)
		err_cu = create ? K32(RegCreateKeyEx)(cu, path, 0, NULL, 0, sam, NULL, &k->hkcu, NULL)
				: K32(RegOpenKeyEx)(cu, path, 0, sam, &k->hkcu);
	if (want_lm && lm)
		err_lm = create ? K32(RegCreateKeyEx)(lm, path, 0, NULL, 0, sam, NULL, &k->hklm, NULL)
				: K32(RegOpenKeyEx)(lm, path, 0, sam, &k->hklm);
	if (err_cu && err_lm) {
		SHRegCloseUSKey(k);
		return want_cu ? err_cu : err_lm;
	}
	*out = k;
	return ERROR_SUCCESS;
}

LONG WINAPI FN(SHRegOpenUSKey)(const XCHAR *path, REGSAM sam, HUSKEY rel, PHUSKEY out, BOOL ignore_hkcu)
{
	return FN(us_open)(path, sam, rel, out, !ignore_hkcu, TRUE, FALSE);
}

LONG WINAPI FN(SHRegCreateUSKey)(const XCHAR *path, REGSAM sam, HUSKEY rel, PHUSKEY out, DWORD flags)
{
	BOOL cu = flags & (SHREGSET_HKCU | SHREGSET_FORCE_HKCU);
	BOOL lm = flags & (SHREGSET_HKLM | SHREGSET_FORCE_HKLM);

	if (!cu && !lm)
		return ERROR_INVALID_PARAMETER;
	return FN(us_open)(path, sam, rel, out, cu, lm, TRUE);
}

/* A value of the user's half, else the machine's, else the default. */
LONG WINAPI FN(SHRegQueryUSValue)(HUSKEY h, const XCHAR *name, LPDWORD type, void *data, LPDWORD size,
				  BOOL ignore_hkcu, void *def, DWORD def_size)
{
	struct us_key *k = us_key_of(h);
	LONG err = k ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_PARAMETER;

	if (k && !ignore_hkcu && k->hkcu)
		err = FN(SHQueryValueEx)(k->hkcu, name, NULL, type, data, size);
	if (k && err && err != ERROR_MORE_DATA && k->hklm)
		err = FN(SHQueryValueEx)(k->hklm, name, NULL, type, data, size);
	if (err && err != ERROR_MORE_DATA && def && def_size && data && size) {
		memcpy(data, def, min(def_size, *size));
		err = *size < def_size ? ERROR_MORE_DATA : ERROR_SUCCESS;
		*size = def_size;
	}
	return err;
}

LONG WINAPI FN(SHRegGetUSValue)(const XCHAR *sub, const XCHAR *name, LPDWORD type, void *data,
				LPDWORD size, BOOL ignore_hkcu, void *def, DWORD def_size)
{
	HUSKEY h;
	LONG err = FN(SHRegOpenUSKey)(sub, KEY_QUERY_VALUE, NULL, &h, ignore_hkcu);

	if (!err) {
		err = FN(SHRegQueryUSValue)(h, name, type, data, size, ignore_hkcu, def, def_size);
		SHRegCloseUSKey(h);
	} else if (def && def_size && data && size && *size >= def_size) {
		memcpy(data, def, def_size);
		*size = def_size;
		err = ERROR_SUCCESS;
	}
	return err;
}

/* "yes", "true" and "1" are TRUE, "no", "false" and "0" FALSE (any case),
 * a number is TRUE when not zero; anything else gives the default. */
BOOL WINAPI FN(SHRegGetBoolUSValue)(const XCHAR *sub, const XCHAR *name, BOOL ignore_hkcu, BOOL def)
{
	XCHAR text[16];
	DWORD type, size = sizeof(text) - sizeof(XCHAR), number;

	memset(text, 0, sizeof(text));
	if (FN(SHRegGetUSValue)(sub, name, &type, text, &size, ignore_hkcu, NULL, 0))
		return def;
	memcpy(&number, text, sizeof(number));
	if (type == REG_DWORD || type == REG_BINARY)
		return number != 0;
	if (type != REG_SZ)
		return def;
	if (!K32(lstrcmpi)(text, X("yes")) || !K32(lstrcmpi)(text, X("true")) || !K32(lstrcmpi)(text, X("1")))
		return TRUE;
	if (!K32(lstrcmpi)(text, X("no")) || !K32(lstrcmpi)(text, X("false")) || !K32(lstrcmpi)(text, X("0")))
		return FALSE;
	return def;
}

/* SHREGSET_FORCE_* write the half; plain SHREGSET_HKCU / HKLM only when
 * the value is not there yet. */
LONG WINAPI FN(SHRegWriteUSValue)(HUSKEY h, const XCHAR *name, DWORD type, const void *data, DWORD size,
				  DWORD flags)
{
	struct us_key *k = us_key_of(h);
	LONG err = ERROR_SUCCESS;

	if (!k || !(flags & (SHREGSET_HKCU | SHREGSET_FORCE_HKCU | SHREGSET_HKLM | SHREGSET_FORCE_HKLM)))
		return ERROR_INVALID_PARAMETER;
	if (k->hkcu && (flags & SHREGSET_FORCE_HKCU ||
			(flags & SHREGSET_HKCU && K32(RegQueryValueEx)(k->hkcu, name, NULL, NULL, NULL, NULL))))
		err = K32(RegSetValueEx)(k->hkcu, name, 0, type, data, size);
	if (!err && k->hklm && (flags & SHREGSET_FORCE_HKLM ||
				(flags & SHREGSET_HKLM && K32(RegQueryValueEx)(k->hklm, name, NULL, NULL, NULL, NULL))))
		err = K32(RegSetValueEx)(k->hklm, name, 0, type, data, size);
	return err;
}

LONG WINAPI FN(SHRegSetUSValue)(const XCHAR *sub, const XCHAR *name, DWORD type, const void *data,
				DWORD size, DWORD flags)
{
	HUSKEY h;
	LONG err = FN(SHRegCreateUSKey)(sub, KEY_ALL_ACCESS, NULL, &h, flags);

	if (!err) {
		err = FN(SHRegWriteUSValue)(h, name, type, data, size, flags);
		SHRegCloseUSKey(h);
	}
	return err;
}

/* One deletion on the halves SHREGDEL_ flags pick: DEFAULT the user's,
 * or the machine's when the user's fails; BOTH succeeds if either does. */
static LONG FN(us_delete)(HUSKEY h, const XCHAR *name, SHREGDEL_FLAGS flags,
			  LONG (WINAPI *op)(HKEY, const XCHAR *))
{
	struct us_key *k = us_key_of(h);
	LONG err_cu = ERROR_FILE_NOT_FOUND, err_lm = ERROR_FILE_NOT_FOUND;

	if (!k)
		return ERROR_INVALID_PARAMETER;
	if (k->hkcu && (flags == SHREGDEL_DEFAULT || flags & SHREGDEL_HKCU))
		err_cu = op(k->hkcu, name);
	if (k->hklm && ((flags == SHREGDEL_DEFAULT && err_cu) || flags & SHREGDEL_HKLM))
		err_lm = op(k->hklm, name);
	if (flags == SHREGDEL_DEFAULT)
		return err_cu ? err_lm : ERROR_SUCCESS;
	if (flags == SHREGDEL_BOTH)
		return err_cu && err_lm ? err_cu : ERROR_SUCCESS;
	return flags & SHREGDEL_HKCU ? err_cu : err_lm;
}

LONG WINAPI FN(SHRegDeleteUSValue)(HUSKEY h, const XCHAR *name, SHREGDEL_FLAGS flags)
{
	return FN(us_delete)(h, name, flags, K32(RegDeleteValue));
}

LONG WINAPI FN(SHRegDeleteEmptyUSKey)(HUSKEY h, const XCHAR *sub, SHREGDEL_FLAGS flags)
{
	return FN(us_delete)(h, sub, flags, (LONG (WINAPI *)(HKEY, const XCHAR *))FN(SHDeleteEmptyKey));
}

LONG WINAPI FN(SHRegEnumUSKey)(HUSKEY h, DWORD index, XCHAR *name, LPDWORD len, SHREGENUM_FLAGS flags)
{
	HKEY key;
	LONG err = us_key_pick(h, flags, ERROR_NO_MORE_ITEMS, &key);

	if (err)
		return err;
	return K32(RegEnumKeyEx)(key, index, name, len, NULL, NULL, NULL, NULL);
}

LONG WINAPI FN(SHRegEnumUSValue)(HUSKEY h, DWORD index, XCHAR *name, LPDWORD len, LPDWORD type,
				 void *data, LPDWORD size, SHREGENUM_FLAGS flags)
{
	HKEY key;
	LONG err = us_key_pick(h, flags, ERROR_NO_MORE_ITEMS, &key);

	if (err)
		return err;
	return K32(RegEnumValue)(key, index, name, len, NULL, type, data, size);
}

LONG WINAPI FN(SHRegQueryInfoUSKey)(HUSKEY h, LPDWORD subkeys, LPDWORD max_subkey, LPDWORD values,
				    LPDWORD max_value, SHREGENUM_FLAGS flags)
{
	HKEY key;
	LONG err = us_key_pick(h, flags, ERROR_FILE_NOT_FOUND, &key);

	if (err)
		return err;
	return K32(RegQueryInfoKey)(key, NULL, NULL, NULL, subkeys, max_subkey, NULL, values, max_value,
				    NULL, NULL, NULL);
}
