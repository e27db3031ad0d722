/*
 * Descriptors a child started by _spawn*, _exec*, system or _popen
 * inherits, with their modes, as the Microsoft C runtime passes them:
 * STARTUPINFO.lpReserved2 holds an int count, then count flag bytes
 * (the FD_* bits), then count HANDLEs; cbReserved2 is its size.  A
 * descriptor opened with _O_NOINHERIT goes as closed.  The child takes
 * the table over at start-up, after checking its size; its standard
 * descriptors not in the table come from its standard handles.
 */
#include "crt_internal.h"

K32 void GetStartupInfoA(STARTUPINFOA *);

#define BLOCK_MAX 65535 /* cbReserved2 is a WORD */

unsigned crt_fd_block(unsigned char **out)
{
    unsigned count = 0, size;
    unsigned char *b;

    *out = NULL;
    _lock(LOCK_FD);
    for (int i = 0; i < FD_MAX; i++)
        if (crt_fd_peek(i) && (crt_fd_peek(i)->flags & FD_OPEN))
            count = (unsigned)i + 1;
    size = 4 + count * (1 + sizeof(HANDLE));
    if (!count || size > BLOCK_MAX || !(b = malloc(size))) {
        _unlock(LOCK_FD);
        return 0;
    }
    memcpy(b, &count, 4);
    for (unsigned i = 0; i < count; i++) {
        const struct fdinfo *f = crt_fd_peek((int)i);
        int pass = f && (f->flags & FD_OPEN) && !(f->flags & FD_NOINHERIT);
        HANDLE h = pass ? f->h : INVALID_HANDLE_VALUE;

        b[4 + i] = pass ? f->flags : 0;
        memcpy(b + 4 + count + i * sizeof(HANDLE), &h, sizeof(HANDLE));
    }
    _unlock(LOCK_FD);
    *out = b;
    return size;
}

void crt_fd_adopt(void)
{
    STARTUPINFOA si;
    unsigned count;

    si.cb = sizeof(si);
    GetStartupInfoA(&si);
    if (!si.lpReserved2 || si.cbReserved2 < 4)
        return;
    memcpy(&count, si.lpReserved2, 4);
    for (unsigned i = 0; i < count && i < FD_MAX; i++) {
        unsigned char flags;
        HANDLE h;

        /* a block shorter than its count says gives the entries whose
         * handle it holds whole (the handles stay where the count puts
         * them), as Windows' CRT takes what fits */
        if (4 + (size_t)count + (i + 1) * sizeof(HANDLE) > si.cbReserved2)
            break;
        flags = si.lpReserved2[4 + i];
        memcpy(&h, si.lpReserved2 + 4 + count + i * sizeof(HANDLE), sizeof(HANDLE));
        if (!(flags & FD_OPEN) || !h || h == INVALID_HANDLE_VALUE)
            continue;
        crt_fd_slot((int)i)->h = h;
        crt_fd_slot((int)i)->flags = flags & (FD_OPEN | FD_PIPE | FD_APPEND | FD_DEV | FD_TEXT);
    }
}
