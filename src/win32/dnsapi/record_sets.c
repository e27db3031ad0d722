/*
 * Comparing DNS records and record sets, and splitting a list into its
 * record sets (the run of records of one name and type in one section).
 */
#include <stddef.h>
#include "dns_private.h"

/* A record whose character set is unknown is read in the other one's
 * (programs build records with zeroed flags and compare them with
 * records dnsapi made). */
static BOOL names_equal(const void *a, int cs_a, const void *b, int cs_b)
{
	WCHAR wa[DNS_NAME_MAX], wb[DNS_NAME_MAX];
	if (!a || !b)
		return a == b;
	if (cs_a == DnsCharSetUnknown)
		cs_a = cs_b;
	if (cs_b == DnsCharSetUnknown)
		cs_b = cs_a;
	dns_to_wide(a, cs_a, wa, DNS_NAME_MAX);
	dns_to_wide(b, cs_b, wb, DNS_NAME_MAX);
	return dns_names_equal_w(wa, wb);
}

/* Data strings (TXT, HINFO) are compared exactly, names as names. */
static BOOL strings_equal(const void *a, int cs_a, const void *b, int cs_b, BOOL is_name)
{
	if (is_name)
		return names_equal(a, cs_a, b, cs_b);
	WCHAR wa[DNS_NAME_MAX], wb[DNS_NAME_MAX];
	if (!a || !b)
		return a == b;
	dns_to_wide(a, cs_a ? cs_a : cs_b, wa, DNS_NAME_MAX);
	dns_to_wide(b, cs_b ? cs_b : cs_a, wb, DNS_NAME_MAX);
	return !wcscmp(wa, wb);
}

static BOOL data_equal(const DNS_RECORDW *a, const DNS_RECORDW *b)
{
	int ca = a->Flags.S.CharSet, cb = b->Flags.S.CharSet;
	switch (dns_data_kind(a->wType)) {
	case DNS_DATA_NAME:
		return names_equal(a->Data.PTR.pNameHost, ca, b->Data.PTR.pNameHost, cb);
	case DNS_DATA_MX:
		return a->Data.MX.wPreference == b->Data.MX.wPreference &&
		       names_equal(a->Data.MX.pNameExchange, ca, b->Data.MX.pNameExchange, cb);
	case DNS_DATA_SRV:
		return a->Data.SRV.wPriority == b->Data.SRV.wPriority &&
		       a->Data.SRV.wWeight == b->Data.SRV.wWeight &&
		       a->Data.SRV.wPort == b->Data.SRV.wPort &&
		       names_equal(a->Data.SRV.pNameTarget, ca, b->Data.SRV.pNameTarget, cb);
	case DNS_DATA_SOA:
		return !memcmp(&a->Data.SOA.dwSerialNo, &b->Data.SOA.dwSerialNo, 5 * sizeof(DWORD)) &&
		       names_equal(a->Data.SOA.pNamePrimaryServer, ca,
				   b->Data.SOA.pNamePrimaryServer, cb) &&
		       names_equal(a->Data.SOA.pNameAdministrator, ca,
				   b->Data.SOA.pNameAdministrator, cb);
	case DNS_DATA_TXT:
		if (a->Data.TXT.dwStringCount != b->Data.TXT.dwStringCount)
			return FALSE;
		for (DWORD i = 0; i < a->Data.TXT.dwStringCount; i++)
			if (!strings_equal(a->Data.TXT.pStringArray[i], ca,
					   b->Data.TXT.pStringArray[i], cb, FALSE))
				return FALSE;
		return TRUE;
	case DNS_DATA_FLAT:
		break;
	}
	return a->wDataLength == b->wDataLength && !memcmp(&a->Data, &b->Data, a->wDataLength);
}

/* Name, type and data; the TTL and flags are not the record's identity. */
DNS_API BOOL WINAPI DnsRecordCompare(PDNS_RECORD r1, PDNS_RECORD r2)
{
	const DNS_RECORDW *a = (void *)r1, *b = (void *)r2;
	if (!a || !b)
		return FALSE;
	return a->wType == b->wType &&
	       names_equal(a->pName, a->Flags.S.CharSet, b->pName, b->Flags.S.CharSet) &&
	       data_equal(a, b);
}

static BOOL in_set(PDNS_RECORD r, PDNS_RECORD set)
{
	for (; set; set = set->pNext)
		if (DnsRecordCompare(r, set))
			return TRUE;
	return FALSE;
}

/* Copies of the records of `a` that `b` lacks, in the records' own
 * character set; FALSE when out of memory. */
static BOOL difference(PDNS_RECORD a, PDNS_RECORD b, PDNS_RECORD *out)
{
	struct dns_list diff;
	dns_list_init(&diff);
	for (PDNS_RECORD r = a; r; r = r->pNext) {
		if (in_set(r, b))
			continue;
		int cs = ((DNS_RECORDW *)r)->Flags.S.CharSet;
		PDNS_RECORD c = (PDNS_RECORD)dns_record_copy((dns_record *)r,
							    cs ? cs : DnsCharSetUnicode);
		if (!c) {
			DnsFree((PDNS_RECORD)diff.first, DnsFreeRecordList);
			return FALSE;
		}
		dns_list_add(&diff, (dns_record *)c);
	}
	if (out)
		*out = (PDNS_RECORD)diff.first;
	else
		DnsFree((PDNS_RECORD)diff.first, DnsFreeRecordList);
	return TRUE;
}

/* TRUE when both sets hold the same records; the differences each way
 * are handed back as new lists.  An absent set never compares equal. */
DNS_API BOOL WINAPI DnsRecordSetCompare(PDNS_RECORD set1, PDNS_RECORD set2,
					PDNS_RECORD *diff1, PDNS_RECORD *diff2)
{
	PDNS_RECORD d1 = NULL, d2 = NULL;
	if (diff1)
		*diff1 = NULL;
	if (diff2)
		*diff2 = NULL;
	if (!difference(set1, set2, &d1) || !difference(set2, set1, &d2)) {
		DnsFree(d1, DnsFreeRecordList);
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return FALSE;
	}
	BOOL same = set1 && set2 && !d1 && !d2;
	if (diff1)
		*diff1 = d1;
	else
		DnsFree(d1, DnsFreeRecordList);
	if (diff2)
		*diff2 = d2;
	else
		DnsFree(d2, DnsFreeRecordList);
	return same;
}

/* Ends the list's first record set and returns the rest. */
DNS_API PDNS_RECORD WINAPI DnsRecordSetDetach(PDNS_RECORD list)
{
	for (DNS_RECORDW *r = (void *)list; r && r->pNext; r = r->pNext) {
		DNS_RECORDW *n = r->pNext;
		if (n->wType != r->wType || n->Flags.S.Section != r->Flags.S.Section ||
		    !names_equal(r->pName, r->Flags.S.CharSet, n->pName, n->Flags.S.CharSet)) {
			r->pNext = NULL;
			return (PDNS_RECORD)n;
		}
	}
	return NULL;
}
