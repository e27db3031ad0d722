/*
 * LdrRegisterDllNotification: callbacks told, under the loader lock, of
 * each DLL mapped (LDR_DLL_NOTIFICATION_REASON_LOADED, before its
 * imports and DllMain) and unmapped (_UNLOADED, after its
 * DLL_PROCESS_DETACH), in the order they registered.
 */
#include "loader.h"

struct ldr_notification_data {
	ULONG Flags;                  /* 0 */
	const UNICODE_STRING *FullDllName;
	const UNICODE_STRING *BaseDllName;
	PVOID DllBase;
	ULONG SizeOfImage;
};

typedef VOID(CALLBACK *ldr_notification_fn)(ULONG reason,
					   const struct ldr_notification_data *data, PVOID context);

struct ldr_notification {
	LIST_ENTRY link;
	ldr_notification_fn callback;
	PVOID context;
};

static LIST_ENTRY notifications = { &notifications, &notifications };

void ldr_notify(ULONG reason, struct ldr_module *m)
{
	struct ldr_notification_data data = {
		0, &m->entry.FullDllName, &m->entry.BaseDllName, m->base, (ULONG)m->size,
	};
	LIST_ENTRY *le, *next;

	for (le = notifications.Flink; le != &notifications; le = next) {
		struct ldr_notification *n = CONTAINING_RECORD(le, struct ldr_notification, link);

		next = le->Flink; /* a callback may unregister itself */
		n->callback(reason, &data, n->context);
	}
}

/* flags must be 0; *cookie identifies the registration. */
__declspec(dllexport) NTSTATUS NTAPI LdrRegisterDllNotification(ULONG flags,
							       ldr_notification_fn callback,
							       PVOID context, PVOID *cookie)
{
	HANDLE heap = ((LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock)->ProcessHeap;
	struct ldr_notification *n;

	if (flags || !callback || !cookie)
		return STATUS_INVALID_PARAMETER;
	n = RtlAllocateHeap(heap, 0, sizeof(*n));
	if (!n)
		return STATUS_NO_MEMORY;
	n->callback = callback;
	n->context = context;
	RtlEnterCriticalSection(&ldr_lock);
	n->link.Flink = &notifications;
	n->link.Blink = notifications.Blink;
	notifications.Blink->Flink = &n->link;
	notifications.Blink = &n->link;
	RtlLeaveCriticalSection(&ldr_lock);
	*cookie = n;
	return STATUS_SUCCESS;
}

/* STATUS_DLL_NOT_FOUND for a cookie that names no registration. */
__declspec(dllexport) NTSTATUS NTAPI LdrUnregisterDllNotification(PVOID cookie)
{
	HANDLE heap = ((LSW_PEB *)NtCurrentTeb()->ProcessEnvironmentBlock)->ProcessHeap;
	NTSTATUS st = STATUS_DLL_NOT_FOUND;
	LIST_ENTRY *le;

	RtlEnterCriticalSection(&ldr_lock);
	for (le = notifications.Flink; le != &notifications; le = le->Flink) {
		if (le != cookie)
			continue;
		le->Blink->Flink = le->Flink;
		le->Flink->Blink = le->Blink;
		RtlFreeHeap(heap, 0, le);
		st = STATUS_SUCCESS;
		break;
	}
	RtlLeaveCriticalSection(&ldr_lock);
	return st;
}
