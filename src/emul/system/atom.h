/* The global atom table: one per host, so every process of a prefix sees
 * the atoms the others added (NtAddAtom, NtFindAtom, NtDeleteAtom,
 * NtQueryInformationAtom in atom.c). */
#ifndef LSW_ATOM_H
#define LSW_ATOM_H

struct lsw_host;

void atom_table_free(struct lsw_host *h);

#endif
