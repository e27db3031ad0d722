#ifndef LSW_TRACE_SUMMARY_H
#define LSW_TRACE_SUMMARY_H

#include <stdint.h>
#include "trace/trace.h"

/* -c: one completed call of table row `row` (-1: a number not in the table). */
void trace_count(struct trace_session *ts, int row, uint32_t status, uint64_t ns);

#endif
