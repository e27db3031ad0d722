/*
 * UUIDs: UuidCreate (version 4, random: the process generator,
 * bcryptprimitives' ProcessPrng), UuidCreateSequential (version 1 from
 * the time, with a random node: no network card, so
 * RPC_S_UUID_LOCAL_ONLY as documented), text both ways ("xxxxxxxx-xxxx-
 * xxxx-xxxx-xxxxxxxxxxxx", lower case; RpcStringFree frees it), and the
 * comparisons (RFC 4122 field order).
 */
#define DECLSPEC_IMPORT /* rpcdce.h declares our exports imported */
#include <windows.h>
#include <rpc.h>

#define RPC_API __declspec(dllexport)

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len);

RPC_API RPC_STATUS RPC_ENTRY UuidCreate(UUID *u)
{
	if (!u)
		return RPC_S_INVALID_ARG;
	ProcessPrng((BYTE *)u, sizeof(*u));
	u->Data3 = (USHORT)((u->Data3 & 0x0FFF) | 0x4000); /* version 4 */
	u->Data4[0] = (BYTE)((u->Data4[0] & 0x3F) | 0x80); /* RFC 4122 variant */
	return RPC_S_OK;
}

/* 100 ns intervals since 1582-10-15, the version 1 clock. */
RPC_API RPC_STATUS RPC_ENTRY UuidCreateSequential(UUID *u)
{
	static LONG sequence;
	static BYTE node[6];
	FILETIME ft;
	ULONGLONG t;
	LONG seq;

	if (!u)
		return RPC_S_INVALID_ARG;
	if (!node[0]) {
		ProcessPrng(node, sizeof(node));
		node[0] |= 0x01; /* the multicast bit: not a card's address (RFC 4122 4.5) */
	}
	GetSystemTimeAsFileTime(&ft);
	t = ((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime) + 0x0146BF33E42C000ull;
	seq = InterlockedIncrement(&sequence);
	u->Data1 = (ULONG)t;
	u->Data2 = (USHORT)(t >> 32);
	u->Data3 = (USHORT)(((t >> 48) & 0x0FFF) | 0x1000);
	u->Data4[0] = (BYTE)(((seq >> 8) & 0x3F) | 0x80);
	u->Data4[1] = (BYTE)seq;
	memcpy(u->Data4 + 2, node, 6);
	return RPC_S_UUID_LOCAL_ONLY;
}

RPC_API RPC_STATUS RPC_ENTRY UuidCreateNil(UUID *u)
{
	if (!u)
		return RPC_S_INVALID_ARG;
	memset(u, 0, sizeof(*u));
	return RPC_S_OK;
}

RPC_API int RPC_ENTRY UuidIsNil(UUID *u, RPC_STATUS *status)
{
	static const UUID nil;

	*status = RPC_S_OK;
	return !u || !memcmp(u, &nil, sizeof(nil));
}

/* -1, 0, 1 comparing field by field; NULL is the nil UUID. */
RPC_API int RPC_ENTRY UuidCompare(UUID *a, UUID *b, RPC_STATUS *status)
{
	static const UUID nil;

	*status = RPC_S_OK;
	if (!a)
		a = (UUID *)&nil;
	if (!b)
		b = (UUID *)&nil;
	if (a->Data1 != b->Data1)
		return a->Data1 < b->Data1 ? -1 : 1;
	if (a->Data2 != b->Data2)
		return a->Data2 < b->Data2 ? -1 : 1;
	if (a->Data3 != b->Data3)
		return a->Data3 < b->Data3 ? -1 : 1;
	for (int i = 0; i < 8; i++)
		if (a->Data4[i] != b->Data4[i])
			return a->Data4[i] < b->Data4[i] ? -1 : 1;
	return 0;
}

RPC_API int RPC_ENTRY UuidEqual(UUID *a, UUID *b, RPC_STATUS *status)
{
	return UuidCompare(a, b, status) == 0;
}

RPC_API unsigned short RPC_ENTRY UuidHash(UUID *u, RPC_STATUS *status)
{
	const BYTE *p = (const BYTE *)u;
	unsigned short h = 0;

	*status = RPC_S_OK;
	for (int i = 0; u && i < 16; i++)
		h = (unsigned short)(h * 31 + p[i]);
	return h;
}
