/* _get_stream_buffer_pointers: the UCRT's FILE is opaque, so the C++
 * library of a program (MSVC's basic_filebuf, linked statically as in
 * the .NET host) asks for the addresses of a stream's buffer fields and
 * then reads and writes the buffer through them, as getc/putc would:
 * *ptr the next byte, *count what remains of the read-ahead or of the
 * space for output (stdio_buf.c keeps them that way). */
#include "crt/crt_internal.h"

CRTAPI int _get_stream_buffer_pointers(FILE *f, char ***base, char ***ptr, int **count)
{
    if (!f) {
        crt_set_errno(EINVAL);
        crt_invalid_parameter();
        return EINVAL;
    }
    if (base)
        *base = &f->_base;
    if (ptr)
        *ptr = &f->_ptr;
    if (count)
        *count = &f->_cnt;
    return 0;
}
