/* The subkeys of a merged key: the union of its own key's and its twin's
 * (the same path in the other hive), in name order, a name both have
 * once, with the user's spelling, class and time.  NtEnumerateKey gives
 * each list in name order, so the union is a merge of the two.  Entry i
 * is found by walking both lists from the start; one remembered position
 * (handle, entry, place in each list) makes the usual 0, 1, 2, ... loop
 * linear.  The lists are the same from call to call while nothing
 * changes, so a remembered position is as good as a fresh walk. */
#include "adv_private.h"

struct cursor {
	HKEY hkey;
	ULONG user, machine; /* next entry of each list */
	DWORD pos;           /* next entry of the union */
};

/* The two keys, [ADV_HIVE_MACHINE] and [ADV_HIVE_USER]; key[twin] was
 * opened here (NULL: no such key), the other is the handle's own. */
struct pair {
	HANDLE key[2];
	int twin;
};

static struct cursor last;
static LONG last_lock;

static void lock(void)
{
	while (InterlockedCompareExchange(&last_lock, 1, 0))
		YieldProcessor();
}

static void unlock(void)
{
	InterlockedExchange(&last_lock, 0);
}

static LSTATUS open_pair(HKEY hkey, struct pair *p)
{
	enum adv_hive hive;
	WCHAR *rel;
	HANDLE own;
	LSTATUS err = adv_key(hkey, &own);

	if (!err)
		err = adv_merged_where(hkey, &hive, &rel);
	if (err)
		return err;
	p->key[hive] = own;
	p->twin = !hive;
	p->key[p->twin] = NULL;
	if (!rel) /* outside the view: a plain key, alone */
		return ERROR_SUCCESS;
	/* A twin that does not open (missing, most often) adds nothing. */
	adv_classes_open(!hive, rel, NULL, KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE, 0,
			 &p->key[p->twin]);
	adv_free(rel);
	return ERROR_SUCCESS;
}

static void close_pair(struct pair *p)
{
	if (p->key[p->twin])
		NtClose(p->key[p->twin]);
}

/* Entry i of key k; NULL past the end or without a key. */
static NTSTATUS fetch(HANDLE k, ULONG i, ADV_KEY_NODE **out)
{
	NTSTATUS status;

	*out = NULL;
	if (!k)
		return STATUS_SUCCESS;
	status = adv_key_info(k, (LONG)i, KeyNodeInformation, (void **)out);
	if (status == STATUS_NO_MORE_ENTRIES) {
		*out = NULL;
		return STATUS_SUCCESS;
	}
	return status;
}

/* The union's entry at the cursor (NULL at the end), and past it. */
static NTSTATUS step(const struct pair *p, struct cursor *c, ADV_KEY_NODE **out)
{
	ADV_KEY_NODE *u, *m;
	UNICODE_STRING a, b;
	LONG cmp;
	NTSTATUS status = fetch(p->key[ADV_HIVE_USER], c->user, &u);

	*out = NULL;
	if (!NT_SUCCESS(status))
		return status;
	status = fetch(p->key[ADV_HIVE_MACHINE], c->machine, &m);
	if (!NT_SUCCESS(status)) {
		adv_free(u);
		return status;
	}
	if (!u && !m)
		return STATUS_SUCCESS;
	if (!u || !m) {
		cmp = u ? -1 : 1;
	} else {
		/* The registry's order: names compared without case. */
		a.Length = a.MaximumLength = (USHORT)u->NameLength;
		a.Buffer = u->Name;
		b.Length = b.MaximumLength = (USHORT)m->NameLength;
		b.Buffer = m->Name;
		cmp = RtlCompareUnicodeString(&a, &b, TRUE);
	}
	if (cmp <= 0)
		c->user++;
	if (cmp >= 0)
		c->machine++;
	c->pos++;
	*out = cmp <= 0 ? u : m;
	adv_free(cmp <= 0 ? m : u);
	return STATUS_SUCCESS;
}

LSTATUS adv_merged_enum(HKEY hkey, DWORD index, ADV_KEY_NODE **out)
{
	struct cursor c = { hkey, 0, 0, 0 };
	struct pair p;
	NTSTATUS status;
	LSTATUS err = open_pair(hkey, &p);

	*out = NULL;
	if (err)
		return err;
	if (!p.key[p.twin]) /* one key: its own list */
		return adv_error(adv_key_info(p.key[!p.twin], (LONG)index, KeyNodeInformation,
					      (void **)out));
	lock();
	if (last.hkey == hkey && last.pos <= index)
		c = last;
	unlock();
	for (;;) {
		status = step(&p, &c, out);
		if (!NT_SUCCESS(status) || !*out || c.pos > index)
			break;
		adv_free(*out);
	}
	close_pair(&p);
	if (!NT_SUCCESS(status))
		return adv_error(status);
	if (!*out)
		return ERROR_NO_MORE_ITEMS;
	lock();
	last = c;
	unlock();
	return ERROR_SUCCESS;
}

/* RegQueryInfoKey's subkey figures for the union (bytes, as NT gives
 * them); the rest of *info stays the own key's. */
LSTATUS adv_merged_counts(HKEY hkey, ADV_KEY_FULL *info)
{
	struct cursor c = { hkey, 0, 0, 0 };
	ADV_KEY_NODE *e;
	struct pair p;
	NTSTATUS status;
	LSTATUS err = open_pair(hkey, &p);

	if (err || !p.key[p.twin])
		return err;
	info->MaxNameLen = info->MaxClassLen = 0;
	while (NT_SUCCESS(status = step(&p, &c, &e)) && e) {
		if (e->NameLength > info->MaxNameLen)
			info->MaxNameLen = e->NameLength;
		if (e->ClassLength > info->MaxClassLen)
			info->MaxClassLen = e->ClassLength;
		adv_free(e);
	}
	info->SubKeys = c.pos;
	close_pair(&p);
	return adv_error(status);
}

void adv_merged_forget(HKEY hkey)
{
	lock();
	if (last.hkey == hkey)
		last.hkey = NULL;
	unlock();
}
