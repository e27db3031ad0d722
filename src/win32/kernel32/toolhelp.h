/* A toolhelp snapshot as its section holds it (toolhelp.c builds it,
 * toolhelp_walk.c reads it): a header, then the lists. */
#ifndef LSW_K32_TOOLHELP_H
#define LSW_K32_TOOLHELP_H

#include <tlhelp32.h>

struct th_process {
	DWORD pid, parent, threads;
	LONG priority;
	WCHAR name[MAX_PATH];
};

struct th_thread {
	DWORD tid, owner;
	LONG base_priority, delta_priority;
};

struct th_module {
	DWORD pid, size;
	BYTE *base;
	WCHAR name[MAX_MODULE_NAME32 + 1];
	WCHAR path[MAX_PATH];
};

enum th_list { TH_PROCESSES, TH_THREADS, TH_MODULES };

/* The walks' places are kept in the snapshot, as Windows keeps them. */
struct th_header {
	DWORD nproc, nthread, nmod;
	DWORD proc_off, thread_off, mod_off;
	DWORD pos[3];
};

#endif
