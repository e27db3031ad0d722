/* work_queue.c: the process's work queue, shared by QueueUserWorkItem and
 * the callbacks of registered waits. */
#ifndef LSW_K32_WORK_H
#define LSW_K32_WORK_H

/* Run fn(arg) on a worker thread; FALSE with the error set. */
BOOL k32_queue_work(LPTHREAD_START_ROUTINE fn, void *arg);

#endif
