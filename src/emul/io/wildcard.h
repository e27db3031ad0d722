/* Windows file name patterns (FsRtlIsNameInExpression semantics). */
#ifndef LSW_WILDCARD_H
#define LSW_WILDCARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The DOS wildcards kernel32 substitutes before asking the kernel. */
#define WILD_DOS_STAR 0x3C /* '<' */
#define WILD_DOS_QM 0x3E   /* '>' */
#define WILD_DOS_DOT 0x22  /* '"' */

/* Does name (nlen UTF-16 units) match pattern (plen units)?  Case-
 * insensitive; '*' and '?' as usual, plus the DOS wildcards:
 *   '<'  any run of characters up to the name's last '.', which it may
 *        take as its last ("until encountering and matching the final .")
 *   '>'  any one character, but nothing at a '.' or at the end of the name
 *   '"'  a '.', or nothing at the end of the name */
bool wildcard_match(const uint16_t *pattern, size_t plen, const uint16_t *name, size_t nlen);
/* Does the pattern hold any wildcard (else it names one entry)? */
bool wildcard_has_wild(const uint16_t *pattern, size_t plen);

#endif
