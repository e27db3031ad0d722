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
/* The loopback interface's GUID, as a string and as a GUID. */
#define LOOPBACK_GUID_STRING "{F8E8A5A8-4B6B-11EA-9A1A-806E6F6E6963}"
#define LOOPBACK_GUID_INIT { 0xF8E8A5A8, 0x4B6B, 0x11EA, { 0x9A, 0x1A, 0x80, 0x6E, 0x6F, 0x6E, 0x69, 0x63 } }
#define LOOPBACK_MTU 0xFFFFFFFFu
#define LOOPBACK_SPEED 1073741824ull

#ifndef MibIfTableNormalWithoutStatistics
#define MibIfTableNormalWithoutStatistics 2 /* netioapi.h (Windows 10) */
#endif

/* loopback.c */
void iph_loopback_luid(NET_LUID *luid);
BOOL iph_is_loopback_luid(const NET_LUID *luid);
/* The interface row of the loopback. */
void iph_loopback_row(MIB_IF_ROW2 *row);
/* The loopback addresses of a family (AF_UNSPEC: both, IPv6 first):
 * their count, written to out[2] when not NULL. */
int iph_loopback_addresses(ADDRESS_FAMILY family, SOCKADDR_INET *out);
BOOL iph_is_loopback_address(const SOCKADDR_INET *a);

/* addresses.c: the unicast address row of a loopback address. */
void iph_unicast_row(const SOCKADDR_INET *a, MIB_UNICASTIPADDRESS_ROW *r);

void *iph_alloc(SIZE_T n);
void iph_free(void *p);

#endif
