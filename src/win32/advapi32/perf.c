/*
 * The performance keys (HKEY_PERFORMANCE_DATA, _TEXT, _NLSTEXT).  Their
 * values are made on each query: any name but "Counter..."/"Help..."
 * returns a PERF_DATA_BLOCK describing this system (with no performance
 * objects: pdh collects its counters itself), the Counter value names
 * the objects and counters lsw knows (lsw/perf_names.h) and Help only
 * the base entry.  The keys hold no
 * subkeys and cannot be opened under or written.
 */
#include "adv_private.h"
#include <winperf.h>
#include <lsw/perf_names.h>

/* Index/name pairs, as REG_MULTI_SZ: the names lsw knows. */
#define COUNTER_TEXT(index, name) L"" #index "\0" name "\0"
static const WCHAR counter_text[] = LSW_PERF_NAMES(COUNTER_TEXT);
static const WCHAR help_text[] = L"1847\0" L"End Marker\0";

NTSTATUS NTAPI NtQueryPerformanceCounter(PLARGE_INTEGER, PLARGE_INTEGER);
NTSTATUS NTAPI NtQuerySystemTime(PLARGE_INTEGER);

BOOL adv_is_perf_key(HKEY hkey)
{
	ULONG v = (ULONG)(ULONG_PTR)hkey;

	return v == (ULONG)(ULONG_PTR)HKEY_PERFORMANCE_DATA ||
	       v == (ULONG)(ULONG_PTR)HKEY_PERFORMANCE_TEXT ||
	       v == (ULONG)(ULONG_PTR)HKEY_PERFORMANCE_NLSTEXT;
}

static BOOL starts_with(const WCHAR *s, const WCHAR *prefix)
{
	return s && !_wcsnicmp(s, prefix, wcslen(prefix));
}

/* The data block, in a heap buffer; *size its length. */
static PERF_DATA_BLOCK *data_block(DWORD *size)
{
	WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
	DWORD name_len = ARRAYSIZE(name), header;
	PERF_DATA_BLOCK *b;
	LSW_TIME_FIELDS tf;

	if (!GetComputerNameW(name, &name_len))
		name_len = 0, name[0] = 0;
	header = (DWORD)((sizeof(*b) + (name_len + 1) * sizeof(WCHAR) + 7) & ~7u);
	b = adv_alloc(header);
	if (!b)
		return NULL;
	memset(b, 0, header);
	memcpy(b->Signature, L"PERF", sizeof(b->Signature));
	b->LittleEndian = 1;
	b->Version = PERF_DATA_VERSION;
	b->Revision = PERF_DATA_REVISION;
	b->TotalByteLength = b->HeaderLength = header;
	b->DefaultObject = 238; /* the Processor object's index */
	NtQueryPerformanceCounter(&b->PerfTime, &b->PerfFreq);
	NtQuerySystemTime(&b->PerfTime100nSec);
	RtlTimeToTimeFields(&b->PerfTime100nSec, &tf);
	b->SystemTime = (SYSTEMTIME){ (WORD)tf.Year, (WORD)tf.Month,	(WORD)tf.Weekday,
				      (WORD)tf.Day,  (WORD)tf.Hour,	(WORD)tf.Minute,
				      (WORD)tf.Second, (WORD)tf.Milliseconds };
	b->SystemNameLength = (name_len + 1) * sizeof(WCHAR);
	b->SystemNameOffset = sizeof(*b);
	memcpy(b + 1, name, b->SystemNameLength);
	*size = header;
	return b;
}

/* RegQueryValueEx on a performance key; `ansi` gives the A form of the
 * text values.  Like Windows, a query without a big enough buffer for the
 * data block answers ERROR_MORE_DATA and leaves *size alone. */
LSTATUS adv_perf_query(HKEY hkey, const WCHAR *name, DWORD *type, BYTE *data, DWORD *size,
		       BOOL ansi)
{
	const WCHAR *text = starts_with(name, L"Counter") ? counter_text :
			    starts_with(name, L"Help")	  ? help_text : NULL;
	PERF_DATA_BLOCK *block;
	DWORD n, wsize;

	if (!size)
		return ERROR_INVALID_PARAMETER;
	if (text) {
		wsize = (DWORD)((text == counter_text ? sizeof(counter_text) : sizeof(help_text)));
		n = ansi ? adv_a_size(REG_MULTI_SZ, wsize) : wsize;
		if (type)
			*type = REG_MULTI_SZ;
		if (data && n > *size) {
			*size = n;
			return ERROR_MORE_DATA;
		}
		if (data && ansi)
			adv_data_to_a(REG_MULTI_SZ, (const BYTE *)text, wsize, data);
		else if (data)
			memcpy(data, text, wsize);
		*size = n;
		return ERROR_SUCCESS;
	}
	block = data_block(&n);
	if (!block)
		return ERROR_NOT_ENOUGH_MEMORY;
	if (!data || n > *size) {
		adv_free(block);
		return ERROR_MORE_DATA;
	}
	memcpy(data, block, n);
	adv_free(block);
	if (type)
		*type = REG_BINARY;
	*size = n;
	return ERROR_SUCCESS;
}
