/*
 * DNS records: allocation (one heap block per record, its strings inside
 * it, so DnsRecordListFree frees exactly what dnsapi made), copies from
 * one character set to another, comparison of records and record sets.
 */
#include <stddef.h>
#include "dns_private.h"

#undef DnsRecordListFree

enum dns_data_kind dns_data_kind(WORD type)
{
	switch (type) {
	case DNS_TYPE_NS: case DNS_TYPE_MD: case DNS_TYPE_MF: case DNS_TYPE_CNAME:
	case DNS_TYPE_MB: case DNS_TYPE_MG: case DNS_TYPE_MR: case DNS_TYPE_PTR:
	case DNS_TYPE_DNAME:
		return DNS_DATA_NAME;
	case DNS_TYPE_MX: case DNS_TYPE_AFSDB: case DNS_TYPE_RT:
		return DNS_DATA_MX;
	case DNS_TYPE_SOA:
		return DNS_DATA_SOA;
	case DNS_TYPE_TEXT: case DNS_TYPE_HINFO: case DNS_TYPE_ISDN: case DNS_TYPE_X25:
		return DNS_DATA_TXT;
	case DNS_TYPE_SRV:
		return DNS_DATA_SRV;
	}
	return DNS_DATA_FLAT;
}

/* The string pointers in a record's Data, and the bytes of Data before
 * the strings.  TXT's count comes from the record: bounded by its
 * wDataLength, which the caller vouches for. */
static int string_slots(const dns_record *r, void **slots[], int max, size_t *fixed)
{
	DNS_RECORDW *w = (DNS_RECORDW *)r;
	switch (dns_data_kind(r->wType)) {
	case DNS_DATA_NAME:
		*fixed = sizeof(DNS_PTR_DATAW);
		slots[0] = (void **)&w->Data.PTR.pNameHost;
		return 1;
	case DNS_DATA_MX:
		*fixed = sizeof(DNS_MX_DATAW);
		slots[0] = (void **)&w->Data.MX.pNameExchange;
		return 1;
	case DNS_DATA_SRV:
		*fixed = sizeof(DNS_SRV_DATAW);
		slots[0] = (void **)&w->Data.SRV.pNameTarget;
		return 1;
	case DNS_DATA_SOA:
		*fixed = sizeof(DNS_SOA_DATAW);
		slots[0] = (void **)&w->Data.SOA.pNamePrimaryServer;
		slots[1] = (void **)&w->Data.SOA.pNameAdministrator;
		return 2;
	case DNS_DATA_TXT: {
		DWORD n = w->Data.TXT.dwStringCount;
		size_t room = r->wDataLength > offsetof(DNS_TXT_DATAW, pStringArray) ?
			(r->wDataLength - offsetof(DNS_TXT_DATAW, pStringArray)) / sizeof(void *) : 0;
		if (n > room)
			n = room;
		if (n > (DWORD)max)
			n = max;
		for (DWORD i = 0; i < n; i++)
			slots[i] = (void **)&w->Data.TXT.pStringArray[i];
		*fixed = offsetof(DNS_TXT_DATAW, pStringArray[n]);
		return (int)n;
	}
	case DNS_DATA_FLAT:
		break;
	}
	*fixed = r->wDataLength;
	return 0;
}

dns_record *dns_record_alloc(WORD data_len, SIZE_T extra, BYTE **tail)
{
	SIZE_T head = offsetof(DNS_RECORDW, Data) + (data_len > sizeof(((DNS_RECORDW *)0)->Data) ?
						     data_len : sizeof(((DNS_RECORDW *)0)->Data));
	head = (head + 7) & ~(SIZE_T)7;
	dns_record *r = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, head + extra);
	if (r && tail)
		*tail = (BYTE *)r + head;
	return r;
}

void dns_record_free(dns_record *r)
{
	HeapFree(GetProcessHeap(), 0, r);
}

/* Bytes of `s` (in `from`) converted to `to`, NUL included; written to
 * `out` when it is not NULL. */
static size_t convert(const void *s, int from, void *out, int to)
{
	if (!s)
		return 0;
	BOOL wide_in = from == DnsCharSetUnicode || from == DnsCharSetUnknown;
	BOOL wide_out = to == DnsCharSetUnicode;
	if (wide_in && wide_out) {
		size_t n = (wcslen(s) + 1) * sizeof(WCHAR);
		if (out)
			memcpy(out, s, n);
		return n;
	}
	if (wide_in) {
		UINT cp = to == DnsCharSetAnsi ? CP_ACP : CP_UTF8;
		return WideCharToMultiByte(cp, 0, s, -1, out, out ? 0x7fffffff : 0, NULL, NULL);
	}
	UINT cp = from == DnsCharSetAnsi ? CP_ACP : CP_UTF8;
	if (wide_out)
		return MultiByteToWideChar(cp, 0, s, -1, out, out ? 0x7fffffff : 0) * sizeof(WCHAR);
	/* Narrow to narrow: through UTF-16 when the code pages differ. */
	if (from == to) {
		size_t n = strlen(s) + 1;
		if (out)
			memcpy(out, s, n);
		return n;
	}
	int wn = MultiByteToWideChar(cp, 0, s, -1, NULL, 0);
	WCHAR *w = HeapAlloc(GetProcessHeap(), 0, wn * sizeof(WCHAR));
	if (!w)
		return 0;
	MultiByteToWideChar(cp, 0, s, -1, w, wn);
	size_t n = convert(w, DnsCharSetUnicode, out, to);
	HeapFree(GetProcessHeap(), 0, w);
	return n;
}

#define MAX_SLOTS 1024

dns_record *dns_record_copy(const dns_record *r, int charset)
{
	void **slots[MAX_SLOTS];
	size_t fixed;
	int from = r->Flags.S.CharSet;
	int n = string_slots(r, slots, MAX_SLOTS, &fixed);
	SIZE_T extra = convert(r->pName, from, NULL, charset);
	for (int i = 0; i < n; i++)
		extra += convert(*slots[i], from, NULL, charset) + sizeof(WCHAR);
	BYTE *tail;
	dns_record *c = dns_record_alloc((WORD)fixed, extra + sizeof(WCHAR), &tail);
	if (!c)
		return NULL;
	memcpy(c, r, offsetof(DNS_RECORDW, Data));
	memcpy(&c->Data, &r->Data, fixed);
	c->pNext = NULL;
	c->Flags.S.CharSet = charset;
	if (dns_data_kind(r->wType) == DNS_DATA_TXT)
		c->Data.TXT.dwStringCount = n;
	if (r->pName) {
		c->pName = (void *)tail;
		tail += convert(r->pName, from, tail, charset);
	}
	void **cslots[MAX_SLOTS];
	string_slots(c, cslots, MAX_SLOTS, &fixed);
	/* Data's length counts the strings of names (CNAME, MX...), as
	 * records from a message have it; a TXT's counts its pointers only. */
	size_t data_len = fixed;
	BOOL count_strings = dns_data_kind(r->wType) != DNS_DATA_TXT;
	for (int i = 0; i < n; i++) {
		if (!*slots[i])
			continue;
		tail = (BYTE *)(((ULONG_PTR)tail + 1) & ~(ULONG_PTR)1);
		*cslots[i] = tail;
		size_t len = convert(*slots[i], from, tail, charset);
		tail += len;
		if (count_strings)
			data_len += len;
	}
	c->wDataLength = n ? (WORD)min(data_len, 0xffff) : r->wDataLength;
	return c;
}

DNS_API PDNS_RECORD WINAPI DnsRecordCopyEx(PDNS_RECORD r, DNS_CHARSET in, DNS_CHARSET out)
{
	if (!r || out < DnsCharSetUnicode || out > DnsCharSetAnsi) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	/* The caller's `in` overrides what the record's flags say. */
	DNS_RECORDW tmp = *(DNS_RECORDW *)r;
	if (in != DnsCharSetUnknown)
		tmp.Flags.S.CharSet = in;
	dns_record *c = dns_record_copy(&tmp, out);
	if (!c)
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
	return (PDNS_RECORD)c;
}

DNS_API PDNS_RECORD WINAPI DnsRecordSetCopyEx(PDNS_RECORD set, DNS_CHARSET in, DNS_CHARSET out)
{
	struct dns_list copy;
	dns_list_init(&copy);
	for (PDNS_RECORD r = set; r; r = r->pNext) {
		PDNS_RECORD c = DnsRecordCopyEx(r, in, out);
		if (!c) {
			DnsFree((PDNS_RECORD)copy.first, DnsFreeRecordList);
			return NULL;
		}
		dns_list_add(&copy, (dns_record *)c);
	}
	return (PDNS_RECORD)copy.first;
}

DNS_API void WINAPI DnsFree(PVOID data, DNS_FREE_TYPE type)
{
	if (!data)
		return;
	if (type == DnsFreeRecordList) {
		for (dns_record *r = data, *next; r; r = next) {
			next = r->pNext;
			dns_record_free(r);
		}
		return;
	}
	/* DnsFreeFlat; DnsFreeParsedMessageFields has no fields of ours. */
	if (type == DnsFreeFlat)
		HeapFree(GetProcessHeap(), 0, data);
}

DNS_API void WINAPI DnsRecordListFree(PDNS_RECORD list, DNS_FREE_TYPE type)
{
	DnsFree(list, type);
}
