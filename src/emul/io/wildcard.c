/*
 * Windows name patterns, as FsRtlIsNameInExpression documents them.  The
 * match runs as a set of live pattern positions stepped over the name
 * (O(pattern x name), no backtracking), so a hostile pattern of many
 * stars costs no more than a plain one.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/upcase.h"
#include "emul/io/wildcard.h"

bool wildcard_has_wild(const uint16_t *p, size_t plen)
{
	for (size_t i = 0; i < plen; i++)
		if (p[i] == '*' || p[i] == '?' || p[i] == WILD_DOS_STAR ||
		    p[i] == WILD_DOS_QM || p[i] == WILD_DOS_DOT)
			return true;
	return false;
}

/* Adds the positions reachable without taking a character at name
 * position ni: past a star, past '>' at a '.' or the end, past '"' at the
 * end.  Positions only grow, so one forward sweep suffices. */
static void closure(const uint16_t *p, size_t plen, const uint16_t *name, size_t nlen,
		    size_t ni, unsigned char *live)
{
	bool at_end = ni == nlen, at_dot = !at_end && name[ni] == '.';

	for (size_t i = 0; i < plen; i++) {
		if (!live[i])
			continue;
		if (p[i] == '*' || p[i] == WILD_DOS_STAR ||
		    (p[i] == WILD_DOS_QM && (at_end || at_dot)) ||
		    (p[i] == WILD_DOS_DOT && at_end))
			live[i + 1] = 1;
	}
}

/* Can pattern character pc take the name character at ni? */
static bool takes(uint16_t pc, const uint16_t *name, size_t ni, size_t last_dot)
{
	uint16_t c = name[ni];

	switch (pc) {
	case '*':
	case '?':
		return true;
	case WILD_DOS_STAR: /* up to the last '.', which it may take as its last */
		return true;
	case WILD_DOS_QM:
		return c != '.';
	case WILD_DOS_DOT:
		return c == '.';
	}
	return nt_upcase(pc) == nt_upcase(c);
}

bool wildcard_match(const uint16_t *p, size_t plen, const uint16_t *name, size_t nlen)
{
	unsigned char small[2][128], *cur, *next;
	size_t last_dot = (size_t)-1;
	bool ok;

	for (size_t i = 0; i < nlen; i++)
		if (name[i] == '.')
			last_dot = i;
	if (plen + 1 <= sizeof(small[0])) {
		cur = small[0];
		next = small[1];
	} else if (!(cur = malloc(2 * (plen + 1)))) {
		return false;
	} else {
		next = cur + plen + 1;
	}
	memset(cur, 0, plen + 1);
	cur[0] = 1;
	closure(p, plen, name, nlen, 0, cur);
	for (size_t ni = 0; ni < nlen; ni++) {
		unsigned char *t;
		bool any = false;

		memset(next, 0, plen + 1);
		for (size_t i = 0; i < plen; i++) {
			if (!cur[i] || !takes(p[i], name, ni, last_dot))
				continue;
			/* stars stay where they are, but for '<' taking the
			 * name's last '.', where it stops; the others move on */
			if (p[i] == '*' || (p[i] == WILD_DOS_STAR && ni != last_dot))
				next[i] = 1;
			else
				next[i + 1] = 1;
			any = true;
		}
		closure(p, plen, name, nlen, ni + 1, next);
		t = cur;
		cur = next;
		next = t;
		if (!any)
			break;
	}
	ok = cur[plen] != 0;
	if (plen + 1 > sizeof(small[0]))
		free(cur < next ? cur : next);
	return ok;
}
