/* What a C++ exception record carries (msvcp140 reads them too). */
#include "cxx_private.h"

BOOL cxx_is_cxx(const EXCEPTION_RECORD *rec)
{
	ULONG_PTR magic;

	if (rec->ExceptionCode != CXX_EXCEPTION_CODE || rec->NumberParameters < 3)
		return FALSE;
	magic = rec->ExceptionInformation[0];
	return (magic >= CXX_MAGIC1 && magic <= CXX_MAGIC3) || magic == CXX_MAGIC_PURE;
}

const cxx_throw_info *cxx_throw_info_of(const EXCEPTION_RECORD *rec)
{
	return (const cxx_throw_info *)rec->ExceptionInformation[2];
}

void *cxx_object_of(const EXCEPTION_RECORD *rec)
{
	return (void *)rec->ExceptionInformation[1];
}
