/* module!export+0xoff for a code address (see symbolize.h). */
#include <stdio.h>
#include "trace/symbolize.h"
#include "trace/unwind.h"

/* The nearest export at or below rva, or NULL. */
static const struct unwind_export *nearest_export(const struct unwind_image *im, uint32_t rva)
{
	uint32_t lo = 0, hi = im->nexports;

	/* the first export above rva */
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (im->exports[mid].rva <= rva)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &im->exports[lo - 1] : NULL;
}

void symbolize_code(struct lsw_thread *t, uint64_t addr, bool return_address,
		    char *buf, size_t len)
{
	uint64_t look = return_address ? addr - 1 : addr;
	struct unwind_image *im = unwind_image_at(t, look);
	const struct unwind_export *e;
	uint32_t rva, start;

	if (!im) {
		snprintf(buf, len, "0x%llx", (unsigned long long)addr);
		return;
	}
	rva = (uint32_t)(look - im->base);
	unwind_load_exports(t, im);
	e = nearest_export(im, rva);
	/* An export below the function that holds the address (as the
	 * function table says) is some other function's name. */
	if (e && unwind_lookup(t, im, rva, &start) && e->rva < start)
		e = NULL;
	if (e)
		snprintf(buf, len, "%s!%s+0x%llx", im->name, im->names + e->name,
			 (unsigned long long)(addr - im->base - e->rva));
	else
		snprintf(buf, len, "%s+0x%llx", im->name, (unsigned long long)(addr - im->base));
}
