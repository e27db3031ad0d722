/* -e trace=LIST: which calls to show, by name or by class. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "emul/ntcall_table.h"
#include "trace/trace.h"

static const struct {
	const char *name;
	int klass;
} classes[] = {
	{ "%file", NT_CLASS_FILE },       { "%registry", NT_CLASS_KEY },
	{ "%memory", NT_CLASS_MEMORY },   { "%process", NT_CLASS_PROCESS },
	{ "%sync", NT_CLASS_SYNC },       { "%security", NT_CLASS_SECURITY },
	{ "%object", NT_CLASS_OBJECT },   { "%time", NT_CLASS_TIME },
	{ "%sysinfo", NT_CLASS_SYSINFO },
};

static int select_one(struct trace_options *o, const char *item)
{
	bool any = false;

	if (!strcmp(item, "all")) {
		memset(o->selected, 1, nt_nrows);
		o->unknown_selected = true;
		return 0;
	}
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (!strcmp(item, classes[i].name)) {
			for (unsigned r = 0; r < nt_nrows; r++)
				if (nt_rows[r].klass == classes[i].klass)
					o->selected[r] = 1;
			return 0;
		}
	for (unsigned r = 0; r < nt_nrows; r++) {
		const char *n = nt_rows[r].name;

		/* NtX and its ZwX twin name the same service */
		if (!strcmp(n, item) || (!strncmp(item, "Zw", 2) && !strcmp(n + 2, item + 2))) {
			o->selected[r] = 1;
			any = true;
		}
	}
	if (!any) {
		fprintf(stderr, "lsw trace: unknown NT call or class '%s'\n", item);
		return -1;
	}
	return 0;
}

int trace_select(struct trace_options *o, const char *list)
{
	char *copy = strdup(list), *save = NULL;
	int rc = 0;

	if (!copy)
		return -1;
	if (!o->selected && !(o->selected = calloc(nt_nrows, 1))) {
		free(copy);
		return -1;
	}
	for (char *item = strtok_r(copy, ",", &save); item && rc == 0;
	     item = strtok_r(NULL, ",", &save))
		rc = select_one(o, item);
	free(copy);
	return rc;
}
