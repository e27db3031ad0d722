/*
 * The decoder's text: an arena of immutable strings, numbers as the
 * scheme writes them, keywords as the UNDNAME_* flags want them, and the
 * modifiers of members and pointers.
 */
#include <stdarg.h>
#include <string.h>
#include "cxx_undname_priv.h"

#define BLOCK_SIZE 16384
#define MAX_DEPTH 64

struct und_block {
	struct und_block *next;
	size_t size, used;
	char data[];
};

char *und_alloc(struct und *u, size_t n)
{
	struct undname_mem *m = u->mem;
	struct und_block *b = m->blocks;

	n = (n + 7) & ~(size_t)7;
	if (!b && m->used + n <= sizeof(m->first)) {
		m->used += n;
		return m->first + m->used - n;
	}
	if (b && b->used + n <= b->size) {
		b->used += n;
		return b->data + b->used - n;
	}
	if (!m->alloc || n > (1u << 24) || !(b = m->alloc(sizeof(*b) + n + BLOCK_SIZE))) {
		u->error = 1;
		return NULL;
	}
	b->next = m->blocks;
	b->size = n + BLOCK_SIZE;
	b->used = n;
	m->blocks = b;
	return b->data;
}

void cxx_undname_free(struct undname_mem *mem)
{
	while (mem->blocks) {
		struct und_block *next = mem->blocks->next;

		if (mem->release)
			mem->release(mem->blocks);
		mem->blocks = next;
	}
}

const char *und_dup(struct und *u, const char *s, size_t n)
{
	char *d = und_alloc(u, n + 1);

	if (!d)
		return "";
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

/* The concatenation of the strings up to a NULL (empty ones allowed). */
const char *und_cat(struct und *u, ...)
{
	va_list ap;
	const char *s;
	size_t n = 0;
	char *d, *q;

	va_start(ap, u);
	while ((s = va_arg(ap, const char *)))
		n += strlen(s);
	va_end(ap);
	if (!(d = und_alloc(u, n + 1)))
		return "";
	q = d;
	va_start(ap, u);
	while ((s = va_arg(ap, const char *))) {
		size_t k = strlen(s);

		memcpy(q, s, k);
		q += k;
	}
	va_end(ap);
	*q = 0;
	return d;
}

/* A number: '?' negates; a digit d is d + 1; else hex digits written
 * A-P, ended by '@' ("A@" is 0). */
int und_number(struct und *u, long long *value)
{
	unsigned long long v = 0;
	int neg = *u->p == '?', digits = 0;

	u->p += neg;
	if (*u->p >= '0' && *u->p <= '9') {
		v = (unsigned long long)(*u->p++ - '0') + 1;
	} else {
		while (*u->p >= 'A' && *u->p <= 'P' && digits++ < 16)
			v = v * 16 + (unsigned long long)(*u->p++ - 'A');
		if (*u->p != '@' || !digits) {
			u->error = 1;
			return 0;
		}
		u->p++;
	}
	*value = neg ? -(long long)v : (long long)v;
	return 1;
}

const char *und_number_text(struct und *u)
{
	long long v;
	unsigned long long m;
	char buf[24], *q = buf + sizeof(buf);
	int neg;

	if (!und_number(u, &v))
		return "";
	neg = v < 0;
	m = neg ? 0 - (unsigned long long)v : (unsigned long long)v;
	*--q = 0;
	do
		*--q = (char)('0' + m % 10);
	while (m /= 10);
	if (neg)
		*--q = '-';
	return und_dup(u, q, strlen(q));
}

/* "__cdecl", "__ptr64"...: left out or without underscores on request. */
const char *und_keyword(struct und *u, const char *kw)
{
	if (u->flags & UND_NO_MS_KEYWORDS)
		return "";
	if ((u->flags & UND_NO_LEADING_UNDERSCORES) && kw[0] == '_' && kw[1] == '_')
		return kw + 2;
	return kw;
}

const char *und_cv(int cv)
{
	static const char *const names[] = { "", "const", "volatile", "const volatile" };

	return names[cv & 3];
}

void und_remember(struct und *u, struct und_table *t, const char *item)
{
	(void)u;
	if (t && t->n < UND_BACKREFS)
		t->item[t->n++] = item;
}

void und_read_mods(struct und *u, struct und_mods *m)
{
	memset(m, 0, sizeof(*m));
	for (;; u->p++) {
		if (*u->p == 'E')
			m->ptr64 = 1;
		else if (*u->p == 'F')
			m->unaligned = 1;
		else if (*u->p == 'I')
			m->restrict_ = 1;
		else if (*u->p == 'G' || *u->p == 'H')
			m->ref = *u->p - 'F';
		else
			break;
	}
}

/* What follows a member function's arguments: "const ", "const __ptr64",
 * "volatile __unaligned ", " __ptr64", "const __ptr64& "... */
const char *und_this_mods(struct und *u, const struct und_mods *m)
{
	const char *cv = (u->flags & UND_NO_CV_THISTYPE) ? "" : und_cv(m->cv);
	const char *ms = (u->flags & UND_NO_MS_THISTYPE) ? "" : "x";
	const char *un = *ms && m->unaligned ? und_keyword(u, "__unaligned") : "";
	const char *re = *ms && m->restrict_ ? und_keyword(u, "__restrict") : "";
	const char *p64 = *ms && m->ptr64 ? und_keyword(u, "__ptr64") : "";
	const char *ref = m->ref == 2 ? "&& " : m->ref ? "& " : "";
	const char *words = und_cat(u, cv, *cv && *un ? " " : "", un, NULL);

	words = und_cat(u, words, *words && *re ? " " : "", re, NULL);
	if (*p64)
		return und_cat(u, words, " ", p64, ref, NULL);
	return und_cat(u, words, *words ? " " : "", ref, NULL);
}

int und_enter(struct und *u)
{
	if (++u->depth > MAX_DEPTH)
		u->error = 1;
	return !u->error;
}
