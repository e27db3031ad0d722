/* Private declarations of dnsapi: how records are allocated (one block
 * per record, its strings inside it) and the name helpers the record,
 * message and query code share. */
#ifndef LSW_DNS_PRIVATE_H
#define LSW_DNS_PRIVATE_H

#include <windows.h>
#include <windns.h>

#define DNS_API __declspec(dllexport)

/* Both DNS_RECORDA and DNS_RECORDW: the layouts differ only in the type
 * of their string pointers. */
typedef DNS_RECORDW dns_record;

/* A record's name or string in its character set (DnsCharSetUnknown:
 * UTF-16) as UTF-16 in a caller's buffer, cut to fit: DNS names and TXT
 * strings are at most 255 characters, so only an invalid one is cut. */
#define DNS_NAME_MAX 256
void dns_to_wide(const void *s, int charset, WCHAR *out, int outlen);

/* A new record of `data_len` bytes of Data plus room for `extra` bytes
 * of strings after it, zeroed; NULL when out of memory.  *tail points
 * at the string room.  Freed with dns_record_free. */
dns_record *dns_record_alloc(WORD data_len, SIZE_T extra, BYTE **tail);
void dns_record_free(dns_record *r);

/* The record's Data holds string pointers (PTR-like types, MX, SRV,
 * SOA, TXT...): what they are, for copies and compares. */
enum dns_data_kind { DNS_DATA_FLAT, DNS_DATA_NAME, DNS_DATA_MX, DNS_DATA_SOA,
		     DNS_DATA_TXT, DNS_DATA_SRV };
enum dns_data_kind dns_data_kind(WORD type);

/* Two names equal as DNS compares them: case-insensitive, trailing dots
 * ignored. */
BOOL dns_names_equal_w(const WCHAR *a, const WCHAR *b);

/* A list being built, in order.  (windns.h's DNS_RRSET macros store
 * through a cast of the set's first-record field, which gcc's aliasing
 * rules let it ignore.) */
struct dns_list {
	dns_record *first, **tail;
};

static inline void dns_list_init(struct dns_list *l)
{
	l->first = NULL;
	l->tail = &l->first;
}

static inline void dns_list_add(struct dns_list *l, dns_record *r)
{
	r->pNext = NULL;
	*l->tail = r;
	l->tail = &r->pNext;
}

/* A copy of `r` in `charset` (DnsCharSetUnicode/Utf8/Ansi), one block. */
dns_record *dns_record_copy(const dns_record *r, int charset);

#endif
