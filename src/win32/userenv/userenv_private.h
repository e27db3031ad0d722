/* Private declarations of userenv.dll: profile folders from the registry's
 * ProfileList (what a new prefix holds: C:\Users\<user>, C:\Users,
 * C:\Users\Default, C:\ProgramData), environment blocks. */
#ifndef LSW_USERENV_PRIVATE_H
#define LSW_USERENV_PRIVATE_H

#define _USERENV_
#include <windows.h>
#include <userenv.h>
#include <sddl.h>

#define UE_API __declspec(dllexport)

/* profile.c: a ProfileList value, environment variables expanded, into
 * out (cap characters); *len its length with the NUL.  FALSE with the
 * error set (ERROR_INSUFFICIENT_BUFFER: *len is what is needed). */
BOOL ue_profile_value(const WCHAR *sid, const WCHAR *value, WCHAR *out, DWORD cap, DWORD *len);
/* The W result into the caller's buffer the way the profile functions
 * document: *size in characters with the NUL, too small ->
 * ERROR_INSUFFICIENT_BUFFER and *size what is needed. */
BOOL ue_give(const WCHAR *s, DWORD len, WCHAR *out, DWORD *size);
/* The A form of a W profile function's answer. */
BOOL ue_give_a(BOOL ok, const WCHAR *w, DWORD len, char *out, DWORD *size);

#endif
