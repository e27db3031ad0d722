/*
 * The debugger engine, as far as a non-invasive session goes: DebugCreate
 * gives one engine object answering IDebugClient, IDebugControl,
 * IDebugSymbols/IDebugSymbols2 and IDebugDataSpaces.  It keeps the engine
 * options, attaches to a process without debugging it
 * (DEBUG_ATTACH_NONINVASIVE: the process is opened; the first
 * WaitForEvent completes the attach), lists the process's modules, and
 * reads its memory.  Windows suspends the target's threads for such a
 * session unless DEBUG_ATTACH_NONINVASIVE_NO_SUSPEND is given; this
 * engine never suspends them.  Every other method answers E_NOTIMPL, as does
 * an invasive attach: lsw has no debug port to break into a process.
 */
#include <initguid.h>
#include <windows.h>
#include <psapi.h>
#include <dbgeng.h>

#define MAX_MODULES 512

struct module {
	ULONG64 base;
	ULONG size;
	char image[MAX_PATH];
};

struct engine {
	IDebugClient client;
	IDebugControl control;
	IDebugSymbols2 symbols;
	IDebugDataSpaces data;
	LONG refs;
	ULONG options;
	HANDLE process;         /* attached, not yet waited for: the session starts at WaitForEvent */
	BOOL active;            /* WaitForEvent completed the attach */
	IDebugEventCallbacks *callbacks;
	ULONG nmodules;
	struct module *modules;
};

static IDebugClientVtbl client_vtbl;
static IDebugControlVtbl control_vtbl;
static IDebugSymbols2Vtbl symbols_vtbl;
static IDebugDataSpacesVtbl data_vtbl;

#define ENGINE(iface, member) \
	((struct engine *)((char *)(iface) - offsetof(struct engine, member)))

/* The slot of every method this engine does not have. */
static HRESULT WINAPI not_implemented(void)
{
	return E_NOTIMPL;
}

static HRESULT query(struct engine *e, REFIID iid, void **out)
{
	if (!out)
		return E_POINTER;
	if (IsEqualIID(iid, &IID_IUnknown) || IsEqualIID(iid, &IID_IDebugClient))
		*out = &e->client;
	else if (IsEqualIID(iid, &IID_IDebugControl))
		*out = &e->control;
	else if (IsEqualIID(iid, &IID_IDebugSymbols) || IsEqualIID(iid, &IID_IDebugSymbols2))
		*out = &e->symbols;
	else if (IsEqualIID(iid, &IID_IDebugDataSpaces))
		*out = &e->data;
	else {
		*out = NULL;
		return E_NOINTERFACE;
	}
	InterlockedIncrement(&e->refs);
	return S_OK;
}

static void detach(struct engine *e)
{
	if (e->process)
		CloseHandle(e->process);
	e->process = NULL;
	e->active = FALSE;
	HeapFree(GetProcessHeap(), 0, e->modules);
	e->modules = NULL;
	e->nmodules = 0;
}

static ULONG release(struct engine *e)
{
	LONG refs = InterlockedDecrement(&e->refs);

	if (!refs) {
		detach(e);
		if (e->callbacks)
			e->callbacks->lpVtbl->Release(e->callbacks);
		HeapFree(GetProcessHeap(), 0, e);
	}
	return (ULONG)refs;
}

/* IUnknown of each interface, forwarded to the engine. */
#define UNKNOWN(name, type, member)                                                         \
	static HRESULT WINAPI name##_QueryInterface(type *iface, REFIID iid, void **out)     \
	{                                                                                    \
		return query(ENGINE(iface, member), iid, out);                               \
	}                                                                                    \
	static ULONG WINAPI name##_AddRef(type *iface)                                        \
	{                                                                                    \
		return (ULONG)InterlockedIncrement(&ENGINE(iface, member)->refs);            \
	}                                                                                    \
	static ULONG WINAPI name##_Release(type *iface)                                      \
	{                                                                                    \
		return release(ENGINE(iface, member));                                       \
	}
UNKNOWN(client, IDebugClient, client)
UNKNOWN(control, IDebugControl, control)
UNKNOWN(symbols, IDebugSymbols2, symbols)
UNKNOWN(data, IDebugDataSpaces, data)

/* IDebugClient */

static HRESULT WINAPI client_AttachProcess(IDebugClient *iface, ULONG64 server, ULONG pid, ULONG flags)
{
	struct engine *e = ENGINE(iface, client);

	if (server)
		return E_INVALIDARG;
	if (!(flags & DEBUG_ATTACH_NONINVASIVE))
		return E_NOTIMPL; /* no debug port to attach to */
	if (e->process)
		return E_UNEXPECTED;
	e->process = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, pid);
	return e->process ? S_OK : HRESULT_FROM_WIN32(GetLastError());
}

static HRESULT WINAPI client_DetachProcesses(IDebugClient *iface)
{
	detach(ENGINE(iface, client));
	return S_OK;
}

static HRESULT WINAPI client_EndSession(IDebugClient *iface, ULONG flags)
{
	if (flags > DEBUG_END_DISCONNECT)
		return E_INVALIDARG;
	detach(ENGINE(iface, client));
	return S_OK;
}

static HRESULT WINAPI client_SetEventCallbacks(IDebugClient *iface, IDebugEventCallbacks *callbacks)
{
	struct engine *e = ENGINE(iface, client);

	if (callbacks)
		callbacks->lpVtbl->AddRef(callbacks);
	if (e->callbacks)
		e->callbacks->lpVtbl->Release(e->callbacks);
	e->callbacks = callbacks;
	return S_OK;
}

/* IDebugControl */

static HRESULT WINAPI control_GetEngineOptions(IDebugControl *iface, ULONG *options)
{
	if (!options)
		return E_INVALIDARG;
	*options = ENGINE(iface, control)->options;
	return S_OK;
}

static HRESULT WINAPI control_SetEngineOptions(IDebugControl *iface, ULONG options)
{
	if (options & ~DEBUG_ENGOPT_ALL)
		return E_INVALIDARG;
	ENGINE(iface, control)->options = options;
	return S_OK;
}

static HRESULT WINAPI control_AddEngineOptions(IDebugControl *iface, ULONG options)
{
	if (options & ~DEBUG_ENGOPT_ALL)
		return E_INVALIDARG;
	ENGINE(iface, control)->options |= options;
	return S_OK;
}

static HRESULT WINAPI control_RemoveEngineOptions(IDebugControl *iface, ULONG options)
{
	ENGINE(iface, control)->options &= ~options;
	return S_OK;
}

/* Until a session is active there is no target whose pointers to size. */
static HRESULT WINAPI control_IsPointer64Bit(IDebugControl *iface)
{
	struct engine *e = ENGINE(iface, control);
	BOOL wow64 = FALSE;

	if (!e->active)
		return E_UNEXPECTED;
	IsWow64Process(e->process, &wow64);
	return wow64 ? S_FALSE : S_OK;
}

/* The modules of the attached process, listed when the session starts. */
static HRESULT list_modules(struct engine *e)
{
	HMODULE *mods = HeapAlloc(GetProcessHeap(), 0, MAX_MODULES * sizeof(*mods));
	DWORD need = 0, n;

	if (!mods)
		return E_OUTOFMEMORY;
	if (!K32EnumProcessModules(e->process, mods, MAX_MODULES * sizeof(*mods), &need)) {
		HeapFree(GetProcessHeap(), 0, mods);
		return HRESULT_FROM_WIN32(GetLastError());
	}
	n = min(need / (DWORD)sizeof(*mods), MAX_MODULES);
	e->modules = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, (n + 1) * sizeof(*e->modules));
	for (DWORD i = 0; e->modules && i < n; i++) {
		MODULEINFO info = { 0 };

		K32GetModuleInformation(e->process, mods[i], &info, sizeof(info));
		e->modules[i].base = (ULONG64)(ULONG_PTR)mods[i];
		e->modules[i].size = info.SizeOfImage;
		K32GetModuleFileNameExA(e->process, mods[i], e->modules[i].image, MAX_PATH);
	}
	e->nmodules = e->modules ? n : 0;
	HeapFree(GetProcessHeap(), 0, mods);
	return e->modules ? S_OK : E_OUTOFMEMORY;
}

/* A non-invasive session has one event: the attach itself. */
static HRESULT WINAPI control_WaitForEvent(IDebugControl *iface, ULONG flags, ULONG timeout)
{
	struct engine *e = ENGINE(iface, control);
	HRESULT hr;

	if (flags)
		return E_INVALIDARG;
	if (!e->process || e->active)
		return E_UNEXPECTED;
	if (FAILED(hr = list_modules(e)))
		return hr;
	e->active = TRUE;
	return S_OK;
}

/* IDebugSymbols2 */

static HRESULT WINAPI symbols_GetNumberModules(IDebugSymbols2 *iface, ULONG *loaded, ULONG *unloaded)
{
	struct engine *e = ENGINE(iface, symbols);

	if (!e->active)
		return E_UNEXPECTED;
	if (loaded)
		*loaded = e->nmodules;
	if (unloaded)
		*unloaded = 0;
	return S_OK;
}

static HRESULT WINAPI symbols_GetModuleByIndex(IDebugSymbols2 *iface, ULONG index, ULONG64 *base)
{
	struct engine *e = ENGINE(iface, symbols);

	if (!e->active || index >= e->nmodules)
		return E_INVALIDARG;
	if (base)
		*base = e->modules[index].base;
	return S_OK;
}

/* The first module from `start` on that holds `offset`. */
static HRESULT WINAPI symbols_GetModuleByOffset(IDebugSymbols2 *iface, ULONG64 offset, ULONG start,
						ULONG *index, ULONG64 *base)
{
	struct engine *e = ENGINE(iface, symbols);

	for (ULONG i = start; e->active && i < e->nmodules; i++) {
		const struct module *m = &e->modules[i];

		if (offset >= m->base && offset - m->base < m->size) {
			if (index)
				*index = i;
			if (base)
				*base = m->base;
			return S_OK;
		}
	}
	return E_INVALIDARG;
}

static const struct module *module_at(const struct engine *e, ULONG index, ULONG64 base)
{
	for (ULONG i = 0; i < e->nmodules; i++)
		if (index == DEBUG_ANY_ID ? e->modules[i].base == base : i == index)
			return &e->modules[i];
	return NULL;
}

/* Parameters of `count` modules, by the bases given or from index
 * `start`; a base no module has gets DEBUG_INVALID_OFFSET. */
static HRESULT WINAPI symbols_GetModuleParameters(IDebugSymbols2 *iface, ULONG count, ULONG64 *bases,
						  ULONG start, DEBUG_MODULE_PARAMETERS *params)
{
	struct engine *e = ENGINE(iface, symbols);

	if (!e->active || !params)
		return E_UNEXPECTED;
	if (!bases && (start >= e->nmodules || count > e->nmodules - start))
		return E_INVALIDARG;
	for (ULONG i = 0; i < count; i++) {
		const struct module *m = bases ? module_at(e, DEBUG_ANY_ID, bases[i]) : &e->modules[start + i];

		memset(&params[i], 0, sizeof(params[i]));
		params[i].Base = m ? m->base : DEBUG_INVALID_OFFSET;
		params[i].Size = m ? m->size : 0;
		params[i].ImageNameSize = m ? (ULONG)strlen(m->image) + 1 : 0;
	}
	return S_OK;
}

/* S_FALSE when the name did not fit (it is cut, NUL-terminated). */
static HRESULT WINAPI symbols_GetModuleNameString(IDebugSymbols2 *iface, ULONG which, ULONG index,
						  ULONG64 base, char *buffer, ULONG size, ULONG *length)
{
	struct engine *e = ENGINE(iface, symbols);
	const struct module *m;
	ULONG n;

	if (which != DEBUG_MODNAME_IMAGE)
		return E_NOTIMPL;
	if (!e->active || !(m = module_at(e, index, base)))
		return E_INVALIDARG;
	n = (ULONG)strlen(m->image) + 1;
	if (length)
		*length = n;
	if (buffer && size) {
		lstrcpynA(buffer, m->image, (int)size);
	}
	return size >= n ? S_OK : S_FALSE;
}

/* IDebugDataSpaces */

static HRESULT WINAPI data_ReadVirtual(IDebugDataSpaces *iface, ULONG64 offset, void *buffer, ULONG size,
				       ULONG *done)
{
	struct engine *e = ENGINE(iface, data);
	SIZE_T got = 0;

	if (!e->active)
		return E_UNEXPECTED;
	if (!ReadProcessMemory(e->process, (void *)(ULONG_PTR)offset, buffer, size, &got) && !got)
		return HRESULT_FROM_WIN32(GetLastError());
	if (done)
		*done = (ULONG)got;
	return S_OK;
}

/* Every slot E_NOTIMPL, then the methods this engine has. */
static void fill(void *vtbl, size_t size)
{
	void **slot = vtbl;

	for (size_t i = 0; i < size / sizeof(*slot); i++)
		slot[i] = (void *)not_implemented;
}

static void init_vtables(void)
{
	fill(&client_vtbl, sizeof(client_vtbl));
	client_vtbl.QueryInterface = client_QueryInterface;
	client_vtbl.AddRef = client_AddRef;
	client_vtbl.Release = client_Release;
	client_vtbl.AttachProcess = client_AttachProcess;
	client_vtbl.DetachProcesses = client_DetachProcesses;
	client_vtbl.EndSession = client_EndSession;
	client_vtbl.SetEventCallbacks = client_SetEventCallbacks;

	fill(&control_vtbl, sizeof(control_vtbl));
	control_vtbl.QueryInterface = control_QueryInterface;
	control_vtbl.AddRef = control_AddRef;
	control_vtbl.Release = control_Release;
	control_vtbl.GetEngineOptions = control_GetEngineOptions;
	control_vtbl.SetEngineOptions = control_SetEngineOptions;
	control_vtbl.AddEngineOptions = control_AddEngineOptions;
	control_vtbl.RemoveEngineOptions = control_RemoveEngineOptions;
	control_vtbl.IsPointer64Bit = control_IsPointer64Bit;
	control_vtbl.WaitForEvent = control_WaitForEvent;

	fill(&symbols_vtbl, sizeof(symbols_vtbl));
	symbols_vtbl.QueryInterface = symbols_QueryInterface;
	symbols_vtbl.AddRef = symbols_AddRef;
	symbols_vtbl.Release = symbols_Release;
	symbols_vtbl.GetNumberModules = symbols_GetNumberModules;
	symbols_vtbl.GetModuleByIndex = symbols_GetModuleByIndex;
	symbols_vtbl.GetModuleByOffset = symbols_GetModuleByOffset;
	symbols_vtbl.GetModuleParameters = symbols_GetModuleParameters;
	symbols_vtbl.GetModuleNameString = symbols_GetModuleNameString;

	fill(&data_vtbl, sizeof(data_vtbl));
	data_vtbl.QueryInterface = data_QueryInterface;
	data_vtbl.AddRef = data_AddRef;
	data_vtbl.Release = data_Release;
	data_vtbl.ReadVirtual = data_ReadVirtual;
}

static INIT_ONCE vtables_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK init_once(INIT_ONCE *once, void *param, void **context)
{
	init_vtables();
	return TRUE;
}

__declspec(dllexport) HRESULT WINAPI DebugCreate(REFIID iid, void **out)
{
	struct engine *e;
	HRESULT hr;

	if (!out)
		return E_POINTER;
	*out = NULL;
	InitOnceExecuteOnce(&vtables_once, init_once, NULL, NULL);
	if (!(e = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*e))))
		return E_OUTOFMEMORY;
	e->client.lpVtbl = &client_vtbl;
	e->control.lpVtbl = &control_vtbl;
	e->symbols.lpVtbl = &symbols_vtbl;
	e->data.lpVtbl = &data_vtbl;
	e->refs = 1;
	hr = query(e, iid, out);
	release(e);
	return hr;
}
