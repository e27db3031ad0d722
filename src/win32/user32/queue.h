/* The thread message queue (queue.c) and its timers (timer.c). */
#ifndef LSW_USER32_QUEUE_H
#define LSW_USER32_QUEUE_H

#include "user32_private.h"

struct posted {
	MSG msg;
	struct posted *next;
};

struct timer {
	UINT_PTR id;
	UINT elapse;
	DWORD due;         /* GetTickCount() when it fires next */
	TIMERPROC proc;
	struct timer *next;
};

struct queue {
	DWORD tid;
	HANDLE wake;            /* auto-reset: set whenever a message is posted */
	SRWLOCK lock;
	struct posted *head, *tail;
	BOOL quit;              /* PostQuitMessage was called */
	int quit_code;
	struct timer *timers;
	DWORD last_time;        /* GetMessageTime */
	struct queue *next;     /* all queues, for PostThreadMessage */
};

/* The calling thread's queue, made on first use (NULL: no memory). */
struct queue *queue_current(void);
/* A due timer's WM_TIMER (FALSE: none); the queue is locked. */
BOOL timer_take(struct queue *q, MSG *msg, UINT min, UINT max, BOOL remove);
/* Milliseconds until the next timer fires, INFINITE without timers;
 * the queue is locked. */
DWORD timer_wait(struct queue *q);
void timers_free(struct queue *q);

#endif
