/* The C threads layer's objects (threads.c) and the time and thread
 * functions beside it (xthreads.c). */
#ifndef LSW_MSVCP140_THREADS_H
#define LSW_MSVCP140_THREADS_H

#include <windows.h>

enum { THRD_SUCCESS = 0, THRD_NOMEM, THRD_TIMEDOUT, THRD_BUSY, THRD_ERROR };
enum { MTX_PLAIN = 0x01, MTX_TRY = 0x02, MTX_TIMED = 0x04, MTX_RECURSIVE = 0x100 };

typedef struct {
	int type;
	struct {
		void *unused;
		SRWLOCK lock;
		BYTE padding[64 - 2 * sizeof(void *)];
	} cs;
	LONG owner;
	int count;
} mtx_t;

typedef struct {
	void *unused;
	CONDITION_VARIABLE cv;
} cnd_t;

int __cdecl _Mtx_lock(mtx_t *m);
int __cdecl _Mtx_unlock(mtx_t *m);
void __cdecl _Mtx_init_in_situ(mtx_t *m, int type);
void __cdecl _Cnd_init_in_situ(cnd_t *c);
void __cdecl _Mtx_clear_owner(mtx_t *m);
void __cdecl _Mtx_reset_owner(mtx_t *m);
int __cdecl _Cnd_broadcast(cnd_t *c);

#endif
