/* ucrtbase's _get_stream_buffer_pointers: the addresses of a stream's
 * buffer base, next-byte pointer and count, through which MSVC's
 * basic_filebuf (the .NET host links it statically) reads and writes the
 * FILE's buffer as getc and putc do.  A fresh stream has no buffer (count
 * 0: the caller goes through fputc/fgetc); after fputc, *ptr is the next
 * free byte and *count the room left; after fgetc, *ptr the next unread
 * byte and *count what remains.  A NULL stream is EINVAL through the
 * invalid parameter handler, as the UCRT's source in the Windows SDK
 * validates it; Wine 8 agrees on the rest but does not check the stream
 * (the last 2 checks fail there). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

errno_t __cdecl _get_stream_buffer_pointers(FILE *, char ***, char ***, int **);

static int checks, failed, handler_calls;

/* The condition is evaluated once: several have side effects. */
#define CHECK(c) do { int ok_ = (c); checks++; printf("%s: %s\n", ok_ ? "ok" : "FAILED", #c); \
	if (!ok_) failed++; } while (0)

static void handler(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
		    uintptr_t r)
{
	(void)e, (void)f, (void)file, (void)line, (void)r;
	handler_calls++;
}

int main(void)
{
	char **base = NULL, **ptr = NULL, **ptr2 = NULL, text[8] = { 0 };
	int *count = NULL;
	FILE *f = tmpfile();

	CHECK(f != NULL);
	if (!f)
		return 1;
	CHECK(_get_stream_buffer_pointers(f, &base, &ptr, &count) == 0);
	CHECK(base && ptr && count && *count == 0);
	CHECK(_get_stream_buffer_pointers(f, NULL, &ptr2, NULL) == 0 && ptr2 == ptr);

	/* writing: the first fputc makes the buffer, then bytes go in directly */
	CHECK(fputc('a', f) == 'a');
	CHECK(*base != NULL && *ptr == *base + 1 && *count > 0);
	if (*count > 0) { /* as basic_filebuf::overflow does */
		**ptr = 'b';
		++*ptr;
		--*count;
	}
	CHECK(fputc('c', f) == 'c' && *ptr == *base + 3);
	rewind(f);
	CHECK(fread(text, 1, sizeof(text), f) == 3 && !strcmp(text, "abc"));

	/* reading: what fgetc left in the buffer is taken directly */
	rewind(f);
	CHECK(fgetc(f) == 'a');
	CHECK(*count == 2 && **ptr == 'b');
	if (*count > 0) { /* as basic_filebuf::uflow does */
		++*ptr;
		--*count;
	}
	CHECK(fgetc(f) == 'c' && *count == 0 && fgetc(f) == EOF);
	fclose(f);

	_set_invalid_parameter_handler(handler);
	errno = 0;
	CHECK(_get_stream_buffer_pointers(NULL, &base, &ptr, &count) == EINVAL);
	CHECK(errno == EINVAL && handler_calls == 1);
	printf("streambuf: %d checks, %d failed\n", checks, failed);
	return failed != 0;
}
