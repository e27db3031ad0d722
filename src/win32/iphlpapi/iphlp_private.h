/* Private declarations of iphlpapi.dll.  The sandbox has no network: the
 * one interface is Windows' software loopback ("Loopback Pseudo-Interface
 * 1", index 1, LUID loopback_0) with 127.0.0.1/8 and ::1/128; routes lead
 * nowhere else (ERROR_NETWORK_UNREACHABLE). */
#ifndef LSW_IPHLP_PRIVATE_H
#define LSW_IPHLP_PRIVATE_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>

#define IPH_API __declspec(dllexport)
/* Network byte order (ws2_32's htonl is not imported for this). */
#define IPH_BE32(x) __builtin_bswap32(x)

#define LOOPBACK_INDEX 1
#define LOOPBACK_IFTYPE 24 /* IF_TYPE_SOFTWARE_LOOPBACK */
#define LOOPBACK_NAME "loopback_0"
#define LOOPBACK_ALIAS L"Loopback Pseudo-Interface 1"
#define LOOPBACK_DESCRIPTION L"Software Loopback Interface 1"
#define LOOPBACK_MTU 0xFFFFFFFFu
#define LOOPBACK_SPEED 1073741824ull

/* loopback.c */
void iph_loopback_luid(NET_LUID *luid);
BOOL iph_is_loopback_luid(const NET_LUID *luid);
/* The interface row of the loopback. */
void iph_loopback_row(MIB_IF_ROW2 *row);
/* The loopback addresses of a family (AF_UNSPEC: both, IPv6 first):
 * their count, written to out[2] when not NULL. */
int iph_loopback_addresses(ADDRESS_FAMILY family, SOCKADDR_INET *out);
BOOL iph_is_loopback_address(const SOCKADDR_INET *a);

void *iph_alloc(SIZE_T n);
void iph_free(void *p);

#endif
