/* The TCP and UDP endpoint tables (GetTcpTable, GetUdpTable, their IPv6,
 * "2" and Extended forms, the AllocateAndGet...FromStack forms).  Every
 * table is empty: the sandbox has no network, and its processes' loopback
 * endpoints are not tracked here.  The sizes are Windows': the header
 * and room for one row; a buffer short of that is told the size. */
#include <stddef.h>
#include "iphlp_private.h"

/* The size of table type T with room for one row. */
#define TABLE_SIZE(T) (offsetof(T, table) + sizeof(((T *)0)->table[0]))

static DWORD empty_table(void *table, ULONG *size, ULONG need)
{
	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (!table || *size < need) {
		*size = need;
		return ERROR_INSUFFICIENT_BUFFER;
	}
	*(DWORD *)table = 0; /* dwNumEntries */
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetTcpTable(MIB_TCPTABLE *table, ULONG *size, BOOL order)
{
	return empty_table(table, size, TABLE_SIZE(MIB_TCPTABLE));
}

IPH_API DWORD WINAPI GetTcpTable2(MIB_TCPTABLE2 *table, ULONG *size, BOOL order)
{
	return empty_table(table, size, TABLE_SIZE(MIB_TCPTABLE2));
}

IPH_API DWORD WINAPI GetTcp6Table(MIB_TCP6TABLE *table, ULONG *size, BOOL order)
{
	return empty_table(table, size, TABLE_SIZE(MIB_TCP6TABLE));
}

IPH_API DWORD WINAPI GetTcp6Table2(MIB_TCP6TABLE2 *table, ULONG *size, BOOL order)
{
	return empty_table(table, size, TABLE_SIZE(MIB_TCP6TABLE2));
}

IPH_API DWORD WINAPI GetUdpTable(MIB_UDPTABLE *table, ULONG *size, BOOL order)
{
	return empty_table(table, size, TABLE_SIZE(MIB_UDPTABLE));
}

IPH_API DWORD WINAPI GetUdp6Table(MIB_UDP6TABLE *table, ULONG *size, BOOL order)
{
	return empty_table(table, size, TABLE_SIZE(MIB_UDP6TABLE));
}

/* The size of a TCP table class's table, 0 for no such table. */
static ULONG tcp_class_size(ULONG family, TCP_TABLE_CLASS cls)
{
	BOOL v6 = family == AF_INET6;

	if (family != AF_INET && !v6)
		return 0;
	if (cls <= TCP_TABLE_BASIC_ALL)
		return v6 ? 0 : TABLE_SIZE(MIB_TCPTABLE);
	if (cls <= TCP_TABLE_OWNER_PID_ALL)
		return v6 ? TABLE_SIZE(MIB_TCP6TABLE_OWNER_PID) : TABLE_SIZE(MIB_TCPTABLE_OWNER_PID);
	if (cls <= TCP_TABLE_OWNER_MODULE_ALL)
		return v6 ? TABLE_SIZE(MIB_TCP6TABLE_OWNER_MODULE)
			  : TABLE_SIZE(MIB_TCPTABLE_OWNER_MODULE);
	return 0;
}

static ULONG udp_class_size(ULONG family, UDP_TABLE_CLASS cls)
{
	BOOL v6 = family == AF_INET6;

	if (family != AF_INET && !v6)
		return 0;
	switch (cls) {
	case UDP_TABLE_BASIC: return v6 ? TABLE_SIZE(MIB_UDP6TABLE) : TABLE_SIZE(MIB_UDPTABLE);
	case UDP_TABLE_OWNER_PID:
		return v6 ? TABLE_SIZE(MIB_UDP6TABLE_OWNER_PID) : TABLE_SIZE(MIB_UDPTABLE_OWNER_PID);
	case UDP_TABLE_OWNER_MODULE:
		return v6 ? TABLE_SIZE(MIB_UDP6TABLE_OWNER_MODULE)
			  : TABLE_SIZE(MIB_UDPTABLE_OWNER_MODULE);
	default: return 0;
	}
}

IPH_API DWORD WINAPI GetExtendedTcpTable(void *table, DWORD *size, BOOL order, ULONG family,
					 TCP_TABLE_CLASS cls, ULONG reserved)
{
	ULONG need = tcp_class_size(family, cls);

	if (!need || reserved)
		return ERROR_INVALID_PARAMETER;
	return empty_table(table, size, need);
}

IPH_API DWORD WINAPI GetExtendedUdpTable(void *table, DWORD *size, BOOL order, ULONG family,
					 UDP_TABLE_CLASS cls, ULONG reserved)
{
	ULONG need = udp_class_size(family, cls);

	if (!need || reserved)
		return ERROR_INVALID_PARAMETER;
	return empty_table(table, size, need);
}

/* An empty table of need bytes from heap; IPv4 only. */
static DWORD allocate_empty(void **table, HANDLE heap, DWORD flags, DWORD family, ULONG need)
{
	if (!table || !heap)
		return ERROR_INVALID_PARAMETER;
	if (family == AF_INET6)
		return ERROR_NOT_SUPPORTED;
	if (family != AF_INET)
		return ERROR_INVALID_PARAMETER;
	if (!(*table = HeapAlloc(heap, flags | HEAP_ZERO_MEMORY, need)))
		return ERROR_NOT_ENOUGH_MEMORY;
	return NO_ERROR;
}

IPH_API DWORD WINAPI AllocateAndGetTcpExTableFromStack(void **table, BOOL order, HANDLE heap,
						       DWORD flags, DWORD family)
{
	return allocate_empty(table, heap, flags, family, TABLE_SIZE(MIB_TCPTABLE_OWNER_PID));
}

IPH_API DWORD WINAPI AllocateAndGetUdpExTableFromStack(void **table, BOOL order, HANDLE heap,
						       DWORD flags, DWORD family)
{
	return allocate_empty(table, heap, flags, family, TABLE_SIZE(MIB_UDPTABLE_OWNER_PID));
}

IPH_API DWORD WINAPI AllocateAndGetTcpTableFromStack(MIB_TCPTABLE **table, BOOL order,
						     HANDLE heap, DWORD flags)
{
	return allocate_empty((void **)table, heap, flags, AF_INET, TABLE_SIZE(MIB_TCPTABLE));
}

IPH_API DWORD WINAPI AllocateAndGetUdpTableFromStack(MIB_UDPTABLE **table, BOOL order,
						     HANDLE heap, DWORD flags)
{
	return allocate_empty((void **)table, heap, flags, AF_INET, TABLE_SIZE(MIB_UDPTABLE));
}

/* No connection can be found to change or delete; a row whose state is
 * not DELETE_TCB is not a request (ERROR_INVALID_PARAMETER). */
IPH_API DWORD WINAPI SetTcpEntry(MIB_TCPROW *row)
{
	if (!row || row->dwState != MIB_TCP_STATE_DELETE_TCB)
		return ERROR_INVALID_PARAMETER;
	return ERROR_MR_MID_NOT_FOUND;
}
