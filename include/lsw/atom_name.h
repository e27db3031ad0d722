/*
 * The rules of atom names, shared by the supervisor's global atom table
 * (src/emul/system/atom.c) and ntdll's Rtl atom tables
 * (src/win32/ntdll/rtl/atom.c): atoms below 0xC000 are integer atoms (the
 * value is the atom, its name "#value"), atoms from 0xC000 name a string
 * of 1 to 255 UTF-16 units, compared without case.
 */
#ifndef LSW_ATOM_NAME_H
#define LSW_ATOM_NAME_H

#include <stddef.h>
#include <stdint.h>

#define ATOM_MAX_NAME   255      /* UTF-16 units of a string atom's name */
#define ATOM_FIRST_STRING 0xC000 /* integer atoms are 1 .. 0xBFFF */
#define ATOM_FLAG_PINNED 0x01    /* ATOM_BASIC_INFORMATION.Flags */

enum atom_name_kind {
	ATOM_NAME_STRING,        /* a string atom's name */
	ATOM_NAME_INTEGER,       /* "#NNNN": *value holds the integer atom */
	ATOM_NAME_BAD_INTEGER,   /* "#0" or "#49152" and above: invalid */
	ATOM_NAME_EMPTY,         /* no character: invalid */
	ATOM_NAME_TOO_LONG,      /* more than ATOM_MAX_NAME units */
};

/* What a name of n units is: "#" followed by decimal digits only is an
 * integer atom; anything else (such as "#12z") names a string atom. */
static inline enum atom_name_kind atom_name_classify(const uint16_t *name, size_t n,
						      uint16_t *value)
{
	uint32_t v = 0;
	size_t i;

	if (!n)
		return ATOM_NAME_EMPTY;
	if (n > ATOM_MAX_NAME)
		return ATOM_NAME_TOO_LONG;
	if (name[0] != '#' || n == 1)
		return ATOM_NAME_STRING;
	for (i = 1; i < n; i++) {
		if (name[i] < '0' || name[i] > '9')
			return ATOM_NAME_STRING;
		if (v < ATOM_FIRST_STRING)
			v = v * 10 + (name[i] - '0');
	}
	if (!v || v >= ATOM_FIRST_STRING)
		return ATOM_NAME_BAD_INTEGER;
	*value = (uint16_t)v;
	return ATOM_NAME_INTEGER;
}

/* An integer atom's name, "#" and its decimal value, into out (room for
 * 6 units); its length in units. */
static inline size_t atom_integer_name(uint16_t atom, uint16_t out[6])
{
	uint16_t digits[5];
	size_t n = 0, len = 0;

	do {
		digits[n++] = (uint16_t)('0' + atom % 10);
		atom /= 10;
	} while (atom);
	out[len++] = '#';
	while (n)
		out[len++] = digits[--n];
	return len;
}

#endif
