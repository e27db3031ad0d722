/* Private declarations of sspicli.dll (secur32 forwards here, as on
 * Windows): user names (names.c) and the security support provider
 * interface, which offers no package in the sandbox (sspi.c). */
#ifndef LSW_SSPICLI_PRIVATE_H
#define LSW_SSPICLI_PRIVATE_H

#define SECURITY_WIN32
#define _NO_KSECDD_IMPORT_ /* sspi.h would declare our exports imported */
#include <windows.h>
#include <lmcons.h>
#include <sspi.h>
#include <secext.h>

#define SSPI_API __declspec(dllexport)

#endif
