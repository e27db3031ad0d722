/*
 * Code page tables in the NLS file layout (c_NNN.nls, as NtGetNlsSectionPtr
 * maps them; layout in tools/nls/nls_files.py): RtlInitCodePageTable reads
 * a file into a CPTABLEINFO, RtlCustomCPToUnicodeN and RtlUnicodeToCustomCPN
 * convert with one.
 */
#include "rtl_private.h"

#define NLS_HEADER_WORDS 13
#define NLS_MB_TABLE_SIZE 256

/* UTF-8 has no table: a file header of {0, CP_UTF8} asks for its info. */
static void init_utf8(LSW_CPTABLEINFO *info)
{
	memset(info, 0, sizeof(*info));
	info->CodePage = CP_UTF8;
	info->MaximumCharacterSize = 4;
	info->DefaultChar = '?';
	info->UniDefaultChar = 0xFFFD;
	info->TransDefaultChar = '?';
	info->TransUniDefaultChar = '?';
}

RTLAPI void NTAPI RtlInitCodePageTable(USHORT *file, LSW_CPTABLEINFO *info)
{
	USHORT *mb;

	if (file[1] == CP_UTF8) {
		init_utf8(info);
		return;
	}
	info->CodePage = file[1];
	info->MaximumCharacterSize = file[2];
	info->DefaultChar = file[3];
	info->UniDefaultChar = file[4];
	info->TransDefaultChar = file[5];
	info->TransUniDefaultChar = file[6];
	memcpy(info->LeadByte, file + 7, LSW_MAXIMUM_LEADBYTES);
	mb = file + NLS_HEADER_WORDS + 1;
	info->MultiByteTable = mb;
	info->WideCharTable = mb + file[NLS_HEADER_WORDS];
	/* a glyph table (flag word not 0) sits between the MB table and the ranges */
	info->DBCSRanges = mb + NLS_MB_TABLE_SIZE + 1 + (mb[NLS_MB_TABLE_SIZE] ? NLS_MB_TABLE_SIZE : 0);
	info->DBCSCodePage = *info->DBCSRanges != 0;
	info->DBCSOffsets = info->DBCSCodePage ? info->DBCSRanges + 1 : NULL;
}

RTLAPI NTSTATUS NTAPI RtlCustomCPToUnicodeN(LSW_CPTABLEINFO *info, WCHAR *dst, ULONG dst_bytes,
					      ULONG *res, const char *src, ULONG src_bytes)
{
	ULONG n = 0, room = dst_bytes / sizeof(WCHAR), i = 0;

	while (n < room && i < src_bytes) {
		BYTE b = (BYTE)src[i++];
		USHORT lead = info->DBCSCodePage ? info->DBCSOffsets[b] : 0;

		if (!lead)
			dst[n++] = info->MultiByteTable[b];
		else if (i < src_bytes)
			dst[n++] = info->DBCSOffsets[lead + (BYTE)src[i++]];
		else
			dst[n++] = 0; /* a lead byte without its trail byte */
	}
	if (res)
		*res = n * sizeof(WCHAR);
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlUnicodeToCustomCPN(LSW_CPTABLEINFO *info, char *dst, ULONG dst_bytes,
					      ULONG *res, const WCHAR *src, ULONG src_bytes)
{
	ULONG n = 0, i, count = src_bytes / sizeof(WCHAR);

	for (i = 0; i < count && n < dst_bytes; i++) {
		USHORT m;

		if (!info->DBCSCodePage) {
			dst[n++] = (char)((const BYTE *)info->WideCharTable)[src[i]];
			continue;
		}
		m = ((const USHORT *)info->WideCharTable)[src[i]];
		if (m >> 8) {
			if (n + 2 > dst_bytes)
				break;
			dst[n++] = (char)(m >> 8);
		}
		dst[n++] = (char)m;
	}
	if (res)
		*res = n;
	return STATUS_SUCCESS;
}
