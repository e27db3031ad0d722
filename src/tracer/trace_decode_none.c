/* Argument decoding before the description tables exist: every call is
 * printed with raw hex arguments (the decoders replace this file). */
#include "tracer/trace_decode.h"

int trace_arg_count(int row)
{
	return -1;
}

const char *trace_arg_name(int row, int i)
{
	return NULL;
}

bool trace_arg_needs_exit(int row, int i)
{
	return false;
}

void trace_decode_arg(struct strbuf *sb, struct trace_call *tc, int i, enum trace_phase ph)
{
}

const char *trace_status_name(uint32_t status)
{
	return status == 0 ? "STATUS_SUCCESS" : NULL;
}
