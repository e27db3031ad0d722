/*
 * Apartments: CoInitializeEx / CoUninitialize and what asks about them.
 *
 * Each thread keeps its state where Windows keeps it, behind
 * TEB.ReservedForOle.  The documented rules: the first CoInitializeEx of a
 * thread returns S_OK, each later one with the same concurrency model
 * S_FALSE (and must be balanced by CoUninitialize too), one with the other
 * model RPC_E_CHANGED_MODE (not counted).  Threads that entered the
 * multithreaded apartment keep it alive for the whole process; while it
 * lives, a thread that never initialised COM is in it implicitly.  The
 * first single-threaded apartment of the process is its main STA.
 */
#include "combase_private.h"

#define COINIT_KNOWN (COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE | COINIT_SPEED_OVER_MEMORY)

static LONG mta_users; /* threads (and CoIncrementMTAUsage cookies) in the MTA */
static LONG security_set;
static LONG main_sta; /* thread id of the main STA, 0 when there is none */

/* A thread leaves its apartment for good. */
static void leave(struct com_thread *t)
{
	if (t->model == COINIT_MULTITHREADED)
		InterlockedDecrement(&mta_users);
	else
		InterlockedCompareExchange(&main_sta, 0, (LONG)GetCurrentThreadId());
}

static struct com_thread **slot(void)
{
	return (struct com_thread **)&NtCurrentTeb()->ReservedForOle;
}

struct com_thread *com_current(void)
{
	struct com_thread *t = *slot();

	return t && t->inits ? t : NULL;
}

BOOL com_usable(void)
{
	return com_current() || mta_users > 0;
}

void com_thread_detach(void)
{
	struct com_thread *t = *slot();

	if (!t)
		return;
	if (t->inits)
		leave(t);
	*slot() = NULL;
	HeapFree(GetProcessHeap(), 0, t);
}

HRESULT WINAPI CoInitializeEx(LPVOID reserved, DWORD flags)
{
	struct com_thread *t = *slot();
	DWORD model = flags & COINIT_APARTMENTTHREADED;

	if (flags & ~COINIT_KNOWN)
		return E_INVALIDARG;
	if (!t) {
		t = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*t));
		if (!t)
			return E_OUTOFMEMORY;
		*slot() = t;
	}
	if (t->inits) {
		if (t->model != model)
			return RPC_E_CHANGED_MODE;
		t->inits++;
		return S_FALSE;
	}
	t->model = model;
	t->inits = 1;
	if (model == COINIT_MULTITHREADED)
		InterlockedIncrement(&mta_users);
	else
		InterlockedCompareExchange(&main_sta, (LONG)GetCurrentThreadId(), 0);
	return S_OK;
}

/* A call without a matching CoInitializeEx does nothing. */
void WINAPI CoUninitialize(void)
{
	struct com_thread *t = com_current();

	if (t && !--t->inits)
		leave(t);
}

/* RO_INIT_SINGLETHREADED (0) is an STA, RO_INIT_MULTITHREADED (1) the MTA. */
HRESULT WINAPI RoInitialize(int type)
{
	if (type != 0 && type != 1)
		return E_INVALIDARG;
	return CoInitializeEx(NULL, type == 1 ? COINIT_MULTITHREADED : COINIT_APARTMENTTHREADED);
}

void WINAPI RoUninitialize(void)
{
	CoUninitialize();
}

HRESULT WINAPI CoGetApartmentType(APTTYPE *type, APTTYPEQUALIFIER *qualifier)
{
	struct com_thread *t = com_current();

	if (!type || !qualifier)
		return E_INVALIDARG;
	*type = APTTYPE_CURRENT;
	*qualifier = APTTYPEQUALIFIER_NONE;
	if (t) {
		if (t->model == COINIT_MULTITHREADED)
			*type = APTTYPE_MTA;
		else
			*type = main_sta == (LONG)GetCurrentThreadId() ? APTTYPE_MAINSTA : APTTYPE_STA;
		return S_OK;
	}
	if (mta_users > 0) {
		*type = APTTYPE_MTA;
		*qualifier = APTTYPEQUALIFIER_IMPLICIT_MTA;
		return S_OK;
	}
	return CO_E_NOTINITIALIZED;
}

/* Keeps the MTA alive without a thread in it; the cookie is opaque. */
HRESULT WINAPI CoIncrementMTAUsage(CO_MTA_USAGE_COOKIE *cookie)
{
	if (!cookie)
		return E_INVALIDARG;
	InterlockedIncrement(&mta_users);
	*cookie = (CO_MTA_USAGE_COOKIE)&mta_users;
	return S_OK;
}

HRESULT WINAPI CoDecrementMTAUsage(CO_MTA_USAGE_COOKIE cookie)
{
	if (cookie != (CO_MTA_USAGE_COOKIE)&mta_users)
		return E_INVALIDARG;
	InterlockedDecrement(&mta_users);
	return S_OK;
}

/* Once per process, after COM is initialised; there is nothing to secure
 * as no object ever crosses a process here. */
HRESULT WINAPI CoInitializeSecurity(PSECURITY_DESCRIPTOR sd, LONG count, SOLE_AUTHENTICATION_SERVICE *svc,
				    void *reserved1, DWORD authn, DWORD imp, void *auth_list,
				    DWORD capabilities, void *reserved3)
{
	if (!com_usable())
		return CO_E_NOTINITIALIZED;
	if (InterlockedExchange(&security_set, 1))
		return RPC_E_TOO_LATE;
	return S_OK;
}

/* The object context of an apartment: its identity (what
 * CoGetContextToken hands out, compared by callers such as the .NET
 * runtime to tell contexts apart).  It answers IUnknown only; the
 * IObjectContext/IContextCallback services are not offered. */
static HRESULT WINAPI context_query(IUnknown *self, REFIID iid, void **out)
{
	if (!out)
		return E_POINTER;
	if (IsEqualIID(iid, &IID_IUnknown)) {
		*out = self;
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

/* A context lives as long as the process: counting is not needed. */
static ULONG WINAPI context_addref(IUnknown *self)
{
	return 2;
}

static ULONG WINAPI context_release(IUnknown *self)
{
	return 1;
}

static IUnknownVtbl context_vtbl = { context_query, context_addref, context_release };
static IUnknown mta_context = { &context_vtbl };

HRESULT WINAPI CoGetContextToken(ULONG_PTR *token)
{
	struct com_thread *t = com_current();

	if (!token)
		return E_POINTER;
	if (!t && mta_users <= 0)
		return CO_E_NOTINITIALIZED;
	if (!t || t->model == COINIT_MULTITHREADED) {
		*token = (ULONG_PTR)&mta_context;
		return S_OK;
	}
	t->context.lpVtbl = &context_vtbl;	/* an STA's own context */
	*token = (ULONG_PTR)&t->context;
	return S_OK;
}
