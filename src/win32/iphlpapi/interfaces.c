/* Interfaces: names and LUIDs (if_nametoindex, if_indextoname,
 * Convert*), the interface rows (GetIfEntry2, GetIfTable2(Ex),
 * FreeMibTable), and the old MIB-II forms (GetIfTable, GetIfEntry,
 * GetNumberOfInterfaces, GetFriendlyIfIndex).  One interface: the
 * loopback. */
#include "iphlp_private.h"

IPH_API NET_IFINDEX WINAPI if_nametoindex(PCSTR name)
{
	return name && !lstrcmpiA(name, LOOPBACK_NAME) ? LOOPBACK_INDEX : 0;
}

IPH_API PCHAR WINAPI if_indextoname(NET_IFINDEX index, PCHAR name)
{
	if (index != LOOPBACK_INDEX || !name)
		return NULL;
	return lstrcpyA(name, LOOPBACK_NAME);
}

IPH_API NETIO_STATUS WINAPI ConvertInterfaceIndexToLuid(NET_IFINDEX index, PNET_LUID luid)
{
	if (!luid)
		return ERROR_INVALID_PARAMETER;
	if (index != LOOPBACK_INDEX) {
		luid->Value = 0;
		return ERROR_FILE_NOT_FOUND;
	}
	iph_loopback_luid(luid);
	return ERROR_SUCCESS;
}

IPH_API NETIO_STATUS WINAPI ConvertInterfaceLuidToIndex(const NET_LUID *luid, PNET_IFINDEX index)
{
	if (!luid || !index)
		return ERROR_INVALID_PARAMETER;
	*index = 0;
	if (!iph_is_loopback_luid(luid))
		return ERROR_FILE_NOT_FOUND;
	*index = LOOPBACK_INDEX;
	return ERROR_SUCCESS;
}

/* Both forms: the loopback's name, if the LUID is its and the room is
 * enough (len in characters; the ANSI form takes a NULL name as no room,
 * as Windows does). */
static NETIO_STATUS luid_to_name(const NET_LUID *luid, void *name, SIZE_T len, BOOL wide)
{
	if (!luid || (wide && !name))
		return ERROR_INVALID_PARAMETER;
	if (!iph_is_loopback_luid(luid))
		return ERROR_FILE_NOT_FOUND;
	if (!name || len < sizeof(LOOPBACK_NAME))
		return ERROR_NOT_ENOUGH_MEMORY;
	if (wide)
		lstrcpyW(name, L"" LOOPBACK_NAME);
	else
		lstrcpyA(name, LOOPBACK_NAME);
	return ERROR_SUCCESS;
}

IPH_API NETIO_STATUS WINAPI ConvertInterfaceLuidToNameA(const NET_LUID *luid, PSTR name, SIZE_T len)
{
	return luid_to_name(luid, name, len, FALSE);
}

IPH_API NETIO_STATUS WINAPI ConvertInterfaceLuidToNameW(const NET_LUID *luid, PWSTR name, SIZE_T len)
{
	return luid_to_name(luid, name, len, TRUE);
}

/* Windows checks the ANSI name first, the wide form's LUID first (and
 * clears it before a NULL name). */
IPH_API NETIO_STATUS WINAPI ConvertInterfaceNameToLuidA(const CHAR *name, NET_LUID *luid)
{
	if (!name)
		return ERROR_INVALID_NAME;
	if (!luid)
		return ERROR_INVALID_PARAMETER;
	if (lstrcmpiA(name, LOOPBACK_NAME))
		return ERROR_INVALID_NAME;
	iph_loopback_luid(luid);
	return ERROR_SUCCESS;
}

IPH_API NETIO_STATUS WINAPI ConvertInterfaceNameToLuidW(const WCHAR *name, NET_LUID *luid)
{
	if (!luid)
		return ERROR_INVALID_PARAMETER;
	luid->Value = 0;
	if (!name)
		return ERROR_INVALID_NAME;
	if (lstrcmpiW(name, L"" LOOPBACK_NAME))
		return ERROR_INVALID_NAME;
	iph_loopback_luid(luid);
	return ERROR_SUCCESS;
}

/* The row asked by its LUID or, with a zero LUID, its index. */
IPH_API NETIO_STATUS WINAPI GetIfEntry2(PMIB_IF_ROW2 row)
{
	if (!row)
		return ERROR_INVALID_PARAMETER;
	if (row->InterfaceLuid.Value ? !iph_is_loopback_luid(&row->InterfaceLuid)
				     : row->InterfaceIndex != LOOPBACK_INDEX)
		return ERROR_FILE_NOT_FOUND;
	iph_loopback_row(row);
	return ERROR_SUCCESS;
}

IPH_API NETIO_STATUS WINAPI GetIfTable2Ex(MIB_IF_TABLE_LEVEL level, PMIB_IF_TABLE2 *table)
{
	MIB_IF_TABLE2 *t;

	if (!table || (unsigned)level > MibIfTableNormalWithoutStatistics)
		return ERROR_INVALID_PARAMETER;
	if (!(t = iph_alloc(sizeof(*t))))
		return ERROR_NOT_ENOUGH_MEMORY;
	t->NumEntries = 1;
	iph_loopback_row(&t->Table[0]);
	*table = t;
	return ERROR_SUCCESS;
}

IPH_API NETIO_STATUS WINAPI GetIfTable2(PMIB_IF_TABLE2 *table)
{
	return GetIfTable2Ex(MibIfTableNormal, table);
}

IPH_API VOID WINAPI FreeMibTable(PVOID table)
{
	iph_free(table);
}

static void mib_ifrow(MIB_IFROW *r)
{
	static const char descr[] = "Software Loopback Interface 1";

	memset(r, 0, sizeof(*r));
	lstrcpyW(r->wszName, L"\\DEVICE\\TCPIP_" LOOPBACK_GUID_STRING);
	r->dwIndex = LOOPBACK_INDEX;
	r->dwType = LOOPBACK_IFTYPE;
	r->dwMtu = LOOPBACK_MTU;
	r->dwSpeed = (DWORD)LOOPBACK_SPEED;
	r->dwAdminStatus = 1;
	r->dwOperStatus = IF_OPER_STATUS_OPERATIONAL;
	r->dwDescrLen = sizeof(descr);
	memcpy(r->bDescr, descr, sizeof(descr));
}

IPH_API DWORD WINAPI GetIfTable(PMIB_IFTABLE table, PULONG size, WINBOOL order)
{
	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (!table || *size < sizeof(MIB_IFTABLE)) {
		*size = sizeof(MIB_IFTABLE);
		return ERROR_INSUFFICIENT_BUFFER;
	}
	table->dwNumEntries = 1;
	mib_ifrow(&table->table[0]);
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetIfEntry(PMIB_IFROW row)
{
	if (!row)
		return ERROR_INVALID_PARAMETER;
	if (row->dwIndex != LOOPBACK_INDEX)
		return ERROR_INVALID_DATA;
	mib_ifrow(row);
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetNumberOfInterfaces(PDWORD n)
{
	if (!n)
		return ERROR_INVALID_PARAMETER;
	*n = 1;
	return NO_ERROR;
}

IPH_API DWORD WINAPI GetFriendlyIfIndex(DWORD index)
{
	return index & 0x00FFFFFF;
}
