/* GetStringTypeW's character classes, one table row per class. */
#include "nls/nls.h"
#include "nls/ctype_table.h"

WORD nls_ctype1(WCHAR c)
{
	return ctype_classes[NLS_TWO_LEVEL(ctype_class, c)][0];
}

WORD nls_ctype2(WCHAR c)
{
	return ctype_classes[NLS_TWO_LEVEL(ctype_class, c)][1];
}

WORD nls_ctype3(WCHAR c)
{
	return ctype_classes[NLS_TWO_LEVEL(ctype_class, c)][2];
}
