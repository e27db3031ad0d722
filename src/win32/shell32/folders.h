/* The known folders (folder_table.c) and their paths (folders.c). */
#ifndef LSW_SHELL32_FOLDERS_H
#define LSW_SHELL32_FOLDERS_H

struct known_folder {
	const KNOWNFOLDERID *id;
	int csidl;                /* -1: none */
	const WCHAR *shell_value; /* its User Shell Folders value, or NULL */
	const WCHAR *path;        /* default path; NULL: a virtual folder */
};

const struct known_folder *folder_by_id(const KNOWNFOLDERID *id);
const struct known_folder *folder_by_csidl(int csidl);
/* The folder's path (MAX_PATH characters) under the KF_FLAG_* flags. */
HRESULT folder_path(const struct known_folder *f, DWORD flags, WCHAR *out);
/* The same for a KNOWNFOLDERID (E_INVALIDARG for one we do not know). */
HRESULT known_folder_path(REFKNOWNFOLDERID id, DWORD flags, WCHAR *out);

#endif
