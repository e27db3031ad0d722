/* Access-mask helpers: tests of granted against desired rights, and the
 * mapping of the four generic rights through a GENERIC_MAPPING. */
#include "rtl_private.h"

RTLAPI BOOLEAN NTAPI RtlAreAllAccessesGranted(ACCESS_MASK granted, ACCESS_MASK desired)
{
	return (desired & ~granted) == 0;
}

RTLAPI BOOLEAN NTAPI RtlAreAnyAccessesGranted(ACCESS_MASK granted, ACCESS_MASK desired)
{
	return (desired & granted) != 0;
}

RTLAPI void NTAPI RtlMapGenericMask(PACCESS_MASK mask, const GENERIC_MAPPING *map)
{
	ACCESS_MASK m = *mask;

	if (m & GENERIC_READ)
		m |= map->GenericRead;
	if (m & GENERIC_WRITE)
		m |= map->GenericWrite;
	if (m & GENERIC_EXECUTE)
		m |= map->GenericExecute;
	if (m & GENERIC_ALL)
		m |= map->GenericAll;
	*mask = m & ~(ACCESS_MASK)(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
}
