/*
 * DNS queries.  The sandbox's network is its own loopback: no DNS server
 * is reachable, so a query is answered from what the machine knows about
 * itself ("localhost" and the computer's name: 127.0.0.1 and ::1, as
 * Windows' resolver answers them without asking a server) and every other
 * name fails with DNS_ERROR_NO_DNS_SERVERS, the error of a Windows machine
 * with no DNS server configured.
 */
#include "dns_private.h"

static BOOL is_local_name(const WCHAR *name)
{
	WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD len = ARRAYSIZE(computer);
	if (dns_names_equal_w(name, L"localhost"))
		return TRUE;
	return GetComputerNameW(computer, &len) && dns_names_equal_w(name, computer);
}

static DNS_STATUS query(const WCHAR *name, WORD type, int charset, dns_record **results)
{
	if (!name || !results)
		return ERROR_INVALID_PARAMETER;
	*results = NULL;
	DNS_STATUS st = DnsValidateName_W(name, DnsNameDomain);
	if (st && st != DNS_ERROR_NON_RFC_NAME)
		return DNS_ERROR_INVALID_NAME;
	if (!is_local_name(name))
		return DNS_ERROR_NO_DNS_SERVERS;
	/* The local answers: one address record of the type asked for. */
	static const BYTE loopback6[16] = { [15] = 1 };
	DNS_RECORDW r = { .pName = (WCHAR *)name, .wType = type, .dwTtl = 0 };
	r.Flags.S.Section = DnsSectionAnswer;
	r.Flags.S.CharSet = DnsCharSetUnicode;
	if (type == DNS_TYPE_A) {
		r.wDataLength = sizeof(DNS_A_DATA);
		r.Data.A.IpAddress = 0x0100007f;	/* 127.0.0.1, network order */
	} else if (type == DNS_TYPE_AAAA) {
		r.wDataLength = sizeof(DNS_AAAA_DATA);
		memcpy(&r.Data.AAAA.Ip6Address, loopback6, 16);
	} else {
		return DNS_INFO_NO_RECORDS;
	}
	*results = dns_record_copy(&r, charset);
	return *results ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
}

DNS_API DNS_STATUS WINAPI DnsQuery_W(PCWSTR name, WORD type, DWORD options, PIP4_ARRAY servers,
				     PDNS_RECORD *results, PVOID *reserved)
{
	return query(name, type, DnsCharSetUnicode, (dns_record **)results);
}

static DNS_STATUS query_narrow(const char *name, UINT cp, WORD type, int charset,
			       dns_record **results)
{
	WCHAR wide[DNS_NAME_MAX * 2];
	if (!name)
		return ERROR_INVALID_PARAMETER;
	if (!MultiByteToWideChar(cp, 0, name, -1, wide, ARRAYSIZE(wide)))
		return DNS_ERROR_INVALID_NAME;
	return query(wide, type, charset, results);
}

DNS_API DNS_STATUS WINAPI DnsQuery_A(PCSTR name, WORD type, DWORD options, PIP4_ARRAY servers,
				     PDNS_RECORD *results, PVOID *reserved)
{
	return query_narrow(name, CP_ACP, type, DnsCharSetAnsi, (dns_record **)results);
}

DNS_API DNS_STATUS WINAPI DnsQuery_UTF8(PCSTR name, WORD type, DWORD options, PIP4_ARRAY servers,
					PDNS_RECORD *results, PVOID *reserved)
{
	return query_narrow(name, CP_UTF8, type, DnsCharSetUtf8, (dns_record **)results);
}
