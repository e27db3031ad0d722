/*
 * std::type_info, whose objects are the compiler's type descriptors
 * (cxx_abi.h): compared and hashed by decorated name, since each module
 * has its own copy; name() undecorates once and caches the text in the
 * descriptor, linking the memory into the module's list that
 * __std_type_info_destroy_list frees when the module goes.
 */
#include "cxx_private.h"
#include "cxx_undname.h"

/* What <vcruntime_typeinfo.h> hands over: the descriptor past its vftable. */
struct type_info_data {
	const char *undecorated;
	char decorated[];
};

/* A block on the module's list: an SLIST entry, then the text. */
struct name_node {
	SLIST_ENTRY entry;
	char text[];
};

int __std_type_info_compare(const struct type_info_data *a, const struct type_info_data *b)
{
	if (a == b)
		return 0;
	return strcmp(a->decorated + 1, b->decorated + 1);
}

/* FNV-1a (64 bits) of the decorated name past its leading '.', its high
 * half folded into the low one at the end, as vcruntime's x64 hash does. */
size_t __std_type_info_hash(const struct type_info_data *data)
{
	unsigned long long h = 14695981039346656037ull;

	for (const unsigned char *p = (const unsigned char *)data->decorated + 1; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return h ^ (h >> 32);
}

const char *__std_type_info_name(struct type_info_data *data, SLIST_HEADER *list)
{
	char buf[1024];
	struct name_node *node;
	const char *cached = data->undecorated;
	size_t n;

	if (cached)
		return cached;
	if (!cxx_undecorate_type(data->decorated, buf, sizeof(buf)))
		return data->decorated;     /* better than nothing */
	n = strlen(buf) + 1;
	node = HeapAlloc(GetProcessHeap(), 0, sizeof(*node) + n);
	if (!node)
		return data->decorated;
	memcpy(node->text, buf, n);
	cached = InterlockedCompareExchangePointer((void **)&data->undecorated, node->text, NULL);
	if (cached) {       /* another thread was first */
		HeapFree(GetProcessHeap(), 0, node);
		return cached;
	}
	InterlockedPushEntrySList(list, &node->entry);
	return node->text;
}

void __std_type_info_destroy_list(SLIST_HEADER *list)
{
	SLIST_ENTRY *e = InterlockedFlushSList(list);

	while (e) {
		SLIST_ENTRY *next = e->Next;

		HeapFree(GetProcessHeap(), 0, e);
		e = next;
	}
}
