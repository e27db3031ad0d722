/*
 * The locale::id objects of the facet classes whose code is all in the
 * headers (collate, messages, moneypunct, numpunct: the program builds
 * them), for char, unsigned short and wchar_t: msvcp140 holds only the
 * id, 0 until the program's inline operator size_t stamps it; and
 * moneypunct's intl constant.
 */
#include "msvcp140/iostream.h"
#include "msvcp140/locale.h"

#define FACET_ID(name, sym) struct locale_id name; EXPORT_AS(name, sym)

FACET_ID(collate_char_id, "?id@?$collate@D@std@@2V0locale@2@A");
FACET_ID(collate_ushort_id, "?id@?$collate@G@std@@2V0locale@2@A");
FACET_ID(collate_wchar_id, "?id@?$collate@_W@std@@2V0locale@2@A");
FACET_ID(messages_char_id, "?id@?$messages@D@std@@2V0locale@2@A");
FACET_ID(messages_ushort_id, "?id@?$messages@G@std@@2V0locale@2@A");
FACET_ID(messages_wchar_id, "?id@?$messages@_W@std@@2V0locale@2@A");
FACET_ID(numpunct_char_id, "?id@?$numpunct@D@std@@2V0locale@2@A");
FACET_ID(numpunct_ushort_id, "?id@?$numpunct@G@std@@2V0locale@2@A");
FACET_ID(numpunct_wchar_id, "?id@?$numpunct@_W@std@@2V0locale@2@A");
FACET_ID(moneypunct_char_intl_id, "?id@?$moneypunct@D$00@std@@2V0locale@2@A");
FACET_ID(moneypunct_char_local_id, "?id@?$moneypunct@D$0A@@std@@2V0locale@2@A");
FACET_ID(moneypunct_ushort_intl_id, "?id@?$moneypunct@G$00@std@@2V0locale@2@A");
FACET_ID(moneypunct_ushort_local_id, "?id@?$moneypunct@G$0A@@std@@2V0locale@2@A");
FACET_ID(moneypunct_wchar_intl_id, "?id@?$moneypunct@_W$00@std@@2V0locale@2@A");
FACET_ID(moneypunct_wchar_local_id, "?id@?$moneypunct@_W$0A@@std@@2V0locale@2@A");

/* moneypunct<E, true>::intl and moneypunct<E, false>::intl */
const BOOLEAN moneypunct_intl = TRUE, moneypunct_local = FALSE;
extern const BOOLEAN moneypunct_intl_D SYM("?intl@?$moneypunct@D$00@std@@2_NB") __attribute__((alias("moneypunct_intl")));
extern const BOOLEAN moneypunct_local_D SYM("?intl@?$moneypunct@D$0A@@std@@2_NB") __attribute__((alias("moneypunct_local")));
extern const BOOLEAN moneypunct_intl_G SYM("?intl@?$moneypunct@G$00@std@@2_NB") __attribute__((alias("moneypunct_intl")));
extern const BOOLEAN moneypunct_local_G SYM("?intl@?$moneypunct@G$0A@@std@@2_NB") __attribute__((alias("moneypunct_local")));
extern const BOOLEAN moneypunct_intl_W SYM("?intl@?$moneypunct@_W$00@std@@2_NB") __attribute__((alias("moneypunct_intl")));
extern const BOOLEAN moneypunct_local_W SYM("?intl@?$moneypunct@_W$0A@@std@@2_NB") __attribute__((alias("moneypunct_local")));
