/* The SID of the one user a prefix has: HKEY_CURRENT_USER is
 * \Registry\User\<this>.  For our DLLs (advapi32, ntdll); the supervisor's
 * registry spells it as REG_USER_SID. */
#ifndef LSW_USER_SID_H
#define LSW_USER_SID_H

#define LSW_USER_SID "S-1-5-21-0-0-0-1000"

#endif
