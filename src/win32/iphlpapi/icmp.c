/* ICMP echo (IcmpCreateFile, IcmpSendEcho, IcmpSendEcho2, IcmpParseReplies,
 * IcmpCloseHandle).  The sandbox's one interface is the loopback, which
 * answers an echo to any 127.x.y.z address itself, at once; any other
 * destination has no route (IP_DEST_NET_UNREACHABLE).  An asynchronous
 * request (event or APC) is answered before the call returns
 * ERROR_IO_PENDING; the I/O status block an APC gets is in the reply
 * buffer after the reply and its data. */
#include "iphlp_private.h"
#include <ipexport.h>

#define ICMP_MAGIC 0x504d4349u /* "ICMP" */
#define MAX_ICMP_HANDLES 64

/* An IO_STATUS_BLOCK (winternl.h's, not included with winsock here). */
struct io_status {
	union {
		LONG Status;
		PVOID Pointer;
	};
	ULONG_PTR Information;
};

typedef void(WINAPI *icmp_apc)(void *context, struct io_status *iosb, ULONG reserved);

static void *handles[MAX_ICMP_HANDLES];
static SRWLOCK handles_lock = SRWLOCK_INIT;

/* Registers or (h non-NULL, remove) forgets a handle; whether it was live. */
static BOOL handle_table(void *h, BOOL add, BOOL remove)
{
	BOOL found = FALSE;

	AcquireSRWLockExclusive(&handles_lock);
	for (int i = 0; i < MAX_ICMP_HANDLES && !found; i++) {
		if (add ? handles[i] == NULL : handles[i] == h) {
			found = TRUE;
			if (add || remove)
				handles[i] = add ? h : NULL;
		}
	}
	ReleaseSRWLockExclusive(&handles_lock);
	return found;
}

IPH_API HANDLE WINAPI IcmpCreateFile(void)
{
	DWORD *h = iph_alloc(sizeof(*h));

	if (!h) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return INVALID_HANDLE_VALUE;
	}
	*h = ICMP_MAGIC;
	if (!handle_table(h, TRUE, FALSE)) {
		iph_free(h);
		SetLastError(ERROR_TOO_MANY_OPEN_FILES);
		return INVALID_HANDLE_VALUE;
	}
	return h;
}

IPH_API BOOL WINAPI IcmpCloseHandle(HANDLE handle)
{
	if (!handle_table(handle, FALSE, TRUE)) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	iph_free(handle);
	return TRUE;
}

/* The reply to an echo into reply (room checked); its status. */
static ULONG echo(IPAddr dest, const void *data, WORD size, const IP_OPTION_INFORMATION *opts,
		  ICMP_ECHO_REPLY *reply)
{
	memset(reply, 0, sizeof(*reply));
	reply->Address = dest;
	if ((IPH_BE32(dest) >> 24) != 127) {
		reply->Status = IP_DEST_NET_UNREACHABLE;
		return reply->Status;
	}
	reply->Status = IP_SUCCESS;
	reply->DataSize = size;
	reply->Data = reply + 1;
	if (size)
		memcpy(reply + 1, data, size);
	reply->Options.Ttl = opts && opts->Ttl ? opts->Ttl : 128;
	return IP_SUCCESS;
}

/* The checks both forms make; IcmpSendEcho2's reply buffer also holds
 * an I/O status block (8-byte aligned) after the data. */
static DWORD check_request(HANDLE handle, IPAddr dest, const void *data, WORD size, void *reply,
			   DWORD reply_size, BOOL with_status)
{
	DWORD need = sizeof(ICMP_ECHO_REPLY) + size;

	if (with_status)
		need = ((need + 7) & ~7u) + sizeof(struct io_status);
	if (!handle_table(handle, FALSE, FALSE) || !reply || !reply_size || (size && !data))
		return ERROR_INVALID_PARAMETER;
	if (!dest)
		return ERROR_INVALID_NETNAME;
	if (reply_size < need)
		return IP_GENERAL_FAILURE;
	return NO_ERROR;
}

/* The number of replies (1), or 0 with the error set. */
IPH_API DWORD WINAPI IcmpSendEcho(HANDLE handle, IPAddr dest, LPVOID data, WORD size,
				  PIP_OPTION_INFORMATION opts, LPVOID reply, DWORD reply_size,
				  DWORD timeout)
{
	DWORD err = check_request(handle, dest, data, size, reply, reply_size, FALSE);

	if (err == NO_ERROR)
		err = echo(dest, data, size, opts, reply);
	SetLastError(err);
	return err == NO_ERROR;
}

struct apc_call {
	icmp_apc routine;
	void *context;
	struct io_status *iosb;
};

static void CALLBACK run_apc(ULONG_PTR param)
{
	struct apc_call *call = (struct apc_call *)param;

	call->routine(call->context, call->iosb, 0);
	iph_free(call);
}

/* The I/O status block of an asynchronous reply, after its data. */
static struct io_status *status_block(ICMP_ECHO_REPLY *reply, WORD size)
{
	ULONG_PTR at = (ULONG_PTR)(reply + 1) + size;

	return (struct io_status *)((at + 7) & ~(ULONG_PTR)7);
}

static DWORD complete_async(HANDLE event, icmp_apc apc, void *context, ICMP_ECHO_REPLY *reply,
			    WORD size)
{
	struct io_status *iosb = status_block(reply, size);
	struct apc_call *call;

	reply->Reserved = 1; /* the count IcmpParseReplies gives */
	iosb->Status = 0;
	iosb->Information = sizeof(*reply) + reply->DataSize;
	if (apc) {
		if (!(call = iph_alloc(sizeof(*call))))
			return ERROR_NOT_ENOUGH_MEMORY;
		*call = (struct apc_call){ apc, context, iosb };
		QueueUserAPC(run_apc, GetCurrentThread(), (ULONG_PTR)call);
	}
	if (event)
		SetEvent(event);
	return ERROR_IO_PENDING;
}

IPH_API DWORD WINAPI IcmpSendEcho2(HANDLE handle, HANDLE event, icmp_apc apc, PVOID context,
				   IPAddr dest, LPVOID data, WORD size,
				   PIP_OPTION_INFORMATION opts, LPVOID reply, DWORD reply_size,
				   DWORD timeout)
{
	BOOL async = event || apc;
	DWORD err = check_request(handle, dest, data, size, reply, reply_size, TRUE);

	if (err == NO_ERROR)
		err = echo(dest, data, size, opts, reply);
	if (err == NO_ERROR && async)
		err = complete_async(event, apc, context, reply, size);
	SetLastError(err);
	return err == NO_ERROR;
}

/* The count of replies an asynchronous request left in the first one
 * (clearing it), or 0 with the reply's status as the error. */
IPH_API DWORD WINAPI IcmpParseReplies(LPVOID buffer, DWORD size)
{
	ICMP_ECHO_REPLY *reply = buffer;
	DWORD n;

	if (!reply || size < sizeof(*reply))
		return 0;
	if (!(n = reply->Reserved)) {
		SetLastError(reply->Status);
		return 0;
	}
	reply->Reserved = 0;
	return n;
}
