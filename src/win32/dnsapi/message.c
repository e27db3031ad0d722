/*
 * DNS messages (RFC 1035 section 4): records extracted from a reply, and
 * a question written to a buffer.  The header's counts are in host
 * order in a DNS_MESSAGE_BUFFER, as Windows' callers fill them
 * (DNS_BYTE_FLIP_HEADER_COUNTS turns wire order into it); everything
 * after the header is wire order.  The buffer is the program's and can
 * be anything: every read is bounded by the message length.
 */
#include <stddef.h>
#include "dns_private.h"

struct reader {
	const BYTE *msg;
	size_t len, pos;
};

static BOOL read_bytes(struct reader *rd, void *out, size_t n)
{
	if (rd->len - rd->pos < n)
		return FALSE;
	memcpy(out, rd->msg + rd->pos, n);
	rd->pos += n;
	return TRUE;
}

static BOOL read_u16(struct reader *rd, WORD *v)
{
	BYTE b[2];
	if (!read_bytes(rd, b, 2))
		return FALSE;
	*v = (WORD)(b[0] << 8 | b[1]);
	return TRUE;
}

static BOOL read_u32(struct reader *rd, DWORD *v)
{
	BYTE b[4];
	if (!read_bytes(rd, b, 4))
		return FALSE;
	*v = (DWORD)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
	return TRUE;
}

/* A name at rd->pos, labels joined with '.' byte for byte (a '.' inside a
 * label stays as it is), the root as ".".  Compression pointers must
 * point before the name that uses them, so a message cannot loop; the
 * extended label types (binary labels) are refused as on Windows. */
static BOOL read_name(struct reader *rd, char out[DNS_NAME_MAX])
{
	size_t pos = rd->pos, limit = rd->pos, n = 0;
	BOOL jumped = FALSE;
	for (;;) {
		if (pos >= rd->len)
			return FALSE;
		BYTE len = rd->msg[pos];
		if ((len & 0xc0) == 0xc0) {
			if (pos + 1 >= rd->len)
				return FALSE;
			size_t to = (size_t)(len & 0x3f) << 8 | rd->msg[pos + 1];
			if (to >= limit)
				return FALSE;
			if (!jumped)
				rd->pos = pos + 2;
			jumped = TRUE;
			limit = to;
			pos = to;
			continue;
		}
		if (len & 0xc0)
			return FALSE;
		pos++;
		if (!len)
			break;
		if (rd->len - pos < len || n + len + 1 >= DNS_NAME_MAX)
			return FALSE;
		if (n)
			out[n++] = '.';
		memcpy(out + n, rd->msg + pos, len);
		n += len;
		pos += len;
	}
	if (!jumped)
		rd->pos = pos;
	if (!n)
		out[n++] = '.';
	out[n] = 0;
	return TRUE;
}

/* The record's Data from its RDATA, decoded by type into a record whose
 * strings are UTF-8 in `strings` (the caller copies it into the
 * caller's character set). */
#define TXT_STRINGS_MAX 1024

struct parsed {
	/* Data grows past the union's declared size: room for any RDATA. */
	union {
		DNS_RECORDA rec;
		BYTE room[sizeof(DNS_RECORDA) + 65536 + TXT_STRINGS_MAX * sizeof(char *)];
	};
	char names[2][DNS_NAME_MAX];
	char txt_buf[65536 + TXT_STRINGS_MAX];
};

static BOOL parse_rdata(struct reader *rd, WORD rdlen, struct parsed *p)
{
	struct reader sub = { rd->msg, rd->pos + rdlen, rd->pos };
	DNS_RECORDA *r = &p->rec;
	BOOL ok = TRUE;
	switch (dns_data_kind(r->wType)) {
	case DNS_DATA_NAME:
		ok = read_name(&sub, p->names[0]);
		r->Data.PTR.pNameHost = p->names[0];
		break;
	case DNS_DATA_MX:
		ok = read_u16(&sub, &r->Data.MX.wPreference) && read_name(&sub, p->names[0]);
		r->Data.MX.pNameExchange = p->names[0];
		break;
	case DNS_DATA_SRV:
		ok = read_u16(&sub, &r->Data.SRV.wPriority) && read_u16(&sub, &r->Data.SRV.wWeight) &&
		     read_u16(&sub, &r->Data.SRV.wPort) && read_name(&sub, p->names[0]);
		r->Data.SRV.pNameTarget = p->names[0];
		break;
	case DNS_DATA_SOA:
		ok = read_name(&sub, p->names[0]) && read_name(&sub, p->names[1]) &&
		     read_u32(&sub, &r->Data.SOA.dwSerialNo) && read_u32(&sub, &r->Data.SOA.dwRefresh) &&
		     read_u32(&sub, &r->Data.SOA.dwRetry) && read_u32(&sub, &r->Data.SOA.dwExpire) &&
		     read_u32(&sub, &r->Data.SOA.dwDefaultTtl);
		r->Data.SOA.pNamePrimaryServer = p->names[0];
		r->Data.SOA.pNameAdministrator = p->names[1];
		break;
	case DNS_DATA_TXT: {
		/* Character strings, each a length byte and its bytes. */
		DWORD count = 0;
		char *out = p->txt_buf;
		while (sub.pos < sub.len) {
			BYTE n = sub.msg[sub.pos++];
			if (sub.len - sub.pos < n || count == TXT_STRINGS_MAX)
				return FALSE;
			memcpy(out, sub.msg + sub.pos, n);
			out[n] = 0;
			r->Data.TXT.pStringArray[count++] = out;
			out += n + 1;
			sub.pos += n;
		}
		r->Data.TXT.dwStringCount = count;
		r->wDataLength = (WORD)offsetof(DNS_TXT_DATAA, pStringArray[count]);
		return TRUE;
	}
	case DNS_DATA_FLAT:
		if (r->wType == DNS_TYPE_A || r->wType == DNS_TYPE_AAAA) {
			WORD want = r->wType == DNS_TYPE_A ? 4 : 16;
			if (rdlen != want)
				return FALSE;
			memcpy(&r->Data, rd->msg + rd->pos, want);
			r->wDataLength = want;
		} else if (r->wType == DNS_TYPE_KEY && rdlen >= 4) {
			DNS_KEY_DATA *k = (DNS_KEY_DATA *)&r->Data;
			read_u16(&sub, &k->wFlags);
			read_bytes(&sub, &k->chProtocol, 1);
			read_bytes(&sub, &k->chAlgorithm, 1);
			k->wKeyLength = rdlen - 4;
			memcpy(k->Key, rd->msg + sub.pos, k->wKeyLength);
			r->wDataLength = (WORD)offsetof(DNS_KEY_DATA, Key[k->wKeyLength]);
		} else {
			/* Any other type: its bytes as they are (DNS_NULL_DATA). */
			DNS_NULL_DATA *d = (DNS_NULL_DATA *)&r->Data;
			d->dwByteCount = rdlen;
			memcpy(d->Data, rd->msg + rd->pos, rdlen);
			r->wDataLength = (WORD)min(offsetof(DNS_NULL_DATA, Data[rdlen]), 0xffff);
		}
		return TRUE;
	}
	return ok;
}

static DNS_STATUS extract(const DNS_MESSAGE_BUFFER *buf, WORD len, int charset, dns_record **out)
{
	if (!buf || !out || len <= sizeof(DNS_HEADER))
		return ERROR_INVALID_PARAMETER;
	const DNS_HEADER *h = &buf->MessageHead;
	struct reader rd = { (const BYTE *)buf, len, sizeof(DNS_HEADER) };
	char name[DNS_NAME_MAX];
	WORD type, class, rdlen;
	DWORD ttl;
	for (unsigned i = 0; i < h->QuestionCount; i++)
		if (!read_name(&rd, name) || !read_u16(&rd, &type) || !read_u16(&rd, &class))
			return DNS_ERROR_BAD_PACKET;
	unsigned counts[3] = { h->AnswerCount, h->NameServerCount, h->AdditionalCount };
	if (h->IsResponse && !counts[0] && !counts[1] && !counts[2])
		return h->ResponseCode ? DNS_ERROR_RESPONSE_CODES_BASE + h->ResponseCode
				       : DNS_ERROR_BAD_PACKET;
	struct parsed *p = HeapAlloc(GetProcessHeap(), 0, sizeof(*p));
	if (!p)
		return ERROR_NOT_ENOUGH_MEMORY;
	struct dns_list list;
	dns_list_init(&list);
	DNS_STATUS st = ERROR_SUCCESS;
	for (int section = 0; section < 3 && !st; section++) {
		for (unsigned i = 0; i < counts[section]; i++) {
			memset(&p->rec, 0, sizeof(p->rec));
			if (!read_name(&rd, name) || !read_u16(&rd, &type) || !read_u16(&rd, &class) ||
			    !read_u32(&rd, &ttl) || !read_u16(&rd, &rdlen) || rd.len - rd.pos < rdlen) {
				st = DNS_ERROR_BAD_PACKET;
				break;
			}
			p->rec.pName = name;
			p->rec.wType = type;
			p->rec.dwTtl = ttl;
			p->rec.Flags.S.Section = DnsSectionAnswer + section;
			p->rec.Flags.S.CharSet = DnsCharSetUtf8;
			if (!parse_rdata(&rd, rdlen, p)) {
				st = DNS_ERROR_BAD_PACKET;
				break;
			}
			rd.pos += rdlen;
			dns_record *r = dns_record_copy((dns_record *)&p->rec, charset);
			if (!r) {
				st = ERROR_NOT_ENOUGH_MEMORY;
				break;
			}
			dns_list_add(&list, r);
		}
	}
	HeapFree(GetProcessHeap(), 0, p);
	if (st) {
		DnsFree(list.first, DnsFreeRecordList);
		return st;
	}
	*out = list.first;
	return ERROR_SUCCESS;
}

DNS_API DNS_STATUS WINAPI DnsExtractRecordsFromMessage_W(PDNS_MESSAGE_BUFFER buf, WORD len,
							  PDNS_RECORD *out)
{
	return extract(buf, len, DnsCharSetUnicode, (dns_record **)out);
}

DNS_API DNS_STATUS WINAPI DnsExtractRecordsFromMessage_UTF8(PDNS_MESSAGE_BUFFER buf, WORD len,
							     PDNS_RECORDA *out)
{
	return extract(buf, len, DnsCharSetUtf8, (dns_record **)out);
}

/* The header (counts in host order, one question) and the question in
 * wire form; FALSE with the size needed when the buffer is short. */
static BOOL write_question(DNS_MESSAGE_BUFFER *buf, DWORD *size, const char *name, WORD type,
			   WORD xid, BOOL recurse)
{
	BYTE wire[DNS_NAME_MAX + 2];
	size_t n = 0, len = strlen(name);
	if (len && name[len - 1] == '.')
		len--;
	for (size_t start = 0; start < len;) {
		size_t end = start;
		while (end < len && name[end] != '.')
			end++;
		if (end == start || end - start > 63 || n + (end - start) + 2 > DNS_NAME_MAX) {
			SetLastError(ERROR_INVALID_NAME);
			return FALSE;
		}
		wire[n++] = (BYTE)(end - start);
		memcpy(wire + n, name + start, end - start);
		n += end - start;
		start = end + 1;
	}
	wire[n++] = 0;
	DWORD need = sizeof(DNS_HEADER) + n + 4;
	if (!size || !buf || *size < need) {
		if (size)
			*size = need;
		SetLastError(ERROR_MORE_DATA);
		return FALSE;
	}
	memset(buf, 0, sizeof(DNS_HEADER));
	buf->MessageHead.Xid = xid;
	buf->MessageHead.RecursionDesired = recurse ? 1 : 0;
	buf->MessageHead.QuestionCount = 1;
	BYTE *q = (BYTE *)buf->MessageBody;
	memcpy(q, wire, n);
	q[n] = type >> 8;
	q[n + 1] = type & 0xff;
	q[n + 2] = DNS_CLASS_INTERNET >> 8;
	q[n + 3] = DNS_CLASS_INTERNET & 0xff;
	*size = need;
	return TRUE;
}

DNS_API BOOL WINAPI DnsWriteQuestionToBuffer_UTF8(PDNS_MESSAGE_BUFFER buf, LPDWORD size,
						  LPSTR name, WORD type, WORD xid, BOOL recurse)
{
	if (!name) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	return write_question(buf, size, name, type, xid, recurse);
}

DNS_API BOOL WINAPI DnsWriteQuestionToBuffer_W(PDNS_MESSAGE_BUFFER buf, PDWORD size,
					       LPWSTR name, WORD type, WORD xid, BOOL recurse)
{
	char utf8[DNS_NAME_MAX * 3];
	if (!name || !WideCharToMultiByte(CP_UTF8, 0, name, -1, utf8, sizeof(utf8), NULL, NULL)) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	return write_question(buf, size, utf8, type, xid, recurse);
}
