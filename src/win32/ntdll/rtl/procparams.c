/*
 * Process parameter blocks (RTL_USER_PROCESS_PARAMETERS): one heap block
 * holding the structure, then its strings, then (for a block made here)
 * the environment.  A new block is "denormalized": string buffers hold
 * offsets from the block's start, as Windows returns it, until
 * RtlNormalizeProcessParams turns them into pointers.  Each string keeps
 * the caller's MaximumLength and is NUL-terminated when there is room;
 * the current directory always has MAX_PATH characters of room and ends
 * in a backslash.
 *
 * At start-up the block the supervisor wrote is copied into the process
 * heap the same way (normalized, strings packed, current directory and
 * environment in blocks of their own), since programs free, resize and
 * measure these with the heap functions.
 */
#include "rtl_private.h"

#define CURDIR_BYTES (MAX_PATH * sizeof(WCHAR))

/* The eight strings, in their order inside the block. */
enum { S_CURDIR, S_DLLPATH, S_IMAGE, S_CMDLINE, S_TITLE, S_DESKTOP, S_SHELL, S_RUNTIME, S_COUNT };

typedef struct param_string {
	const WCHAR *text;
	USHORT length;  /* bytes of text */
	USHORT max;     /* bytes of room in the block */
	BOOL backslash; /* append '\' if text lacks one (current directory) */
} param_string;

static UNICODE_STRING *string_field(LSW_PROCESS_PARAMETERS *p, int i)
{
	UNICODE_STRING *f[S_COUNT] = { &p->CurrentDirectory.DosPath, &p->DllPath,
				       &p->ImagePathName, &p->CommandLine, &p->WindowTitle,
				       &p->DesktopInfo, &p->ShellInfo, &p->RuntimeData };
	return f[i];
}

static SIZE_T round_up(SIZE_T n, SIZE_T to)
{
	return (n + to - 1) & ~(to - 1);
}

static param_string from_ustr(const UNICODE_STRING *s, const param_string *dflt)
{
	param_string r = { NULL, 0, 0, FALSE };

	if (!s)
		return dflt ? *dflt : r;
	r.text = s->Buffer;
	r.length = s->Buffer ? s->Length : 0;
	r.max = s->MaximumLength;
	return r;
}

/* Writes one string at base + pos (pos already aligned); returns the end. */
static SIZE_T put_string(BYTE *base, UNICODE_STRING *dst, const param_string *s, SIZE_T pos,
			 BOOL normalized)
{
	USHORT len = s->length > s->max ? s->max : s->length;
	WCHAR *w = (WCHAR *)(base + pos);

	dst->MaximumLength = s->max;
	if (!s->max) {
		dst->Length = 0;
		dst->Buffer = NULL;
		return pos;
	}
	if (s->text)
		memmove(w, s->text, len);
	if (s->backslash && (!len || w[len / 2 - 1] != '\\') && len + 2u <= s->max) {
		w[len / 2] = '\\';
		len += 2;
	}
	if (len + 2u <= s->max)
		w[len / 2] = 0;
	dst->Length = len;
	dst->Buffer = normalized ? w : (WCHAR *)(ULONG_PTR)pos;
	return pos + s->max;
}

static SIZE_T strings_end(const param_string *s, int first, SIZE_T pos, SIZE_T align)
{
	for (int i = first; i < S_COUNT; i++)
		if (s[i].max)
			pos = round_up(pos, align) + s[i].max;
	return pos;
}

static SIZE_T env_bytes(const WCHAR *env)
{
	const WCHAR *p = env;

	if (!env)
		return 0;
	while (*p)
		p += wcslen(p) + 1;
	return (SIZE_T)(p + 1 - env) * sizeof(WCHAR);
}

/* The defaults Windows fills in for strings the caller leaves out. */
static void default_strings(param_string *s, const UNICODE_STRING *image)
{
	static const WCHAR empty[1];
	LSW_PROCESS_PARAMETERS *cur = lsw_params();
	param_string none = { NULL, 0, 0, FALSE }, blank = { empty, 0, sizeof(empty), FALSE };

	s[S_CURDIR] = from_ustr(&cur->CurrentDirectory.DosPath, NULL);
	s[S_DLLPATH] = cur->DllPath.MaximumLength ? from_ustr(&cur->DllPath, NULL) : none;
	s[S_IMAGE] = from_ustr(image, &none);
	s[S_CMDLINE] = s[S_IMAGE];
	s[S_TITLE] = s[S_DESKTOP] = s[S_SHELL] = blank;
	s[S_RUNTIME] = none;
}

RTLAPI NTSTATUS NTAPI RtlCreateProcessParametersEx(
	LSW_PROCESS_PARAMETERS **out, PUNICODE_STRING image, PUNICODE_STRING dll_path,
	PUNICODE_STRING cur_dir, PUNICODE_STRING cmdline, PWSTR env, PUNICODE_STRING title,
	PUNICODE_STRING desktop, PUNICODE_STRING shell, PUNICODE_STRING runtime, ULONG flags)
{
	const UNICODE_STRING *given[S_COUNT] = { cur_dir, dll_path, image,   cmdline,
						 title,   desktop,  shell, runtime };
	param_string s[S_COUNT], d[S_COUNT];
	LSW_PROCESS_PARAMETERS *p;
	SIZE_T size, pos, envb;
	BOOL norm = (flags & LSW_PARAMS_NORMALIZED) != 0;

	if (!out || !image)
		return STATUS_INVALID_PARAMETER;
	rtl_peb_lock();
	default_strings(d, image);
	for (int i = 0; i < S_COUNT; i++)
		s[i] = from_ustr(given[i], &d[i]);
	s[S_CURDIR].max = CURDIR_BYTES;
	s[S_CURDIR].backslash = TRUE;
	if (!env)
		env = lsw_params()->Environment;
	envb = env_bytes(env);
	size = round_up(strings_end(s, 0, sizeof(*p), sizeof(void *)), sizeof(void *));
	p = RtlAllocateHeap(lsw_process_heap(), HEAP_ZERO_MEMORY, round_up(size + envb, 8));
	if (!p) {
		rtl_peb_unlock();
		return STATUS_NO_MEMORY;
	}
	p->MaximumLength = p->Length = (ULONG)size;
	p->Flags = norm ? LSW_PARAMS_NORMALIZED : 0;
	/* the console's: whether Ctrl-C is ignored, and the process group */
	p->ConsoleFlags = lsw_params()->ConsoleFlags;
	p->ProcessGroupId = lsw_params()->ProcessGroupId;
	pos = sizeof(*p);
	for (int i = 0; i < S_COUNT; i++)
		pos = put_string((BYTE *)p, string_field(p, i), &s[i],
				 s[i].max ? round_up(pos, sizeof(void *)) : pos, norm);
	p->Environment = (WCHAR *)((BYTE *)p + size);
	memcpy(p->Environment, env, envb);
	p->EnvironmentSize = RtlSizeHeap(lsw_process_heap(), 0, p) - size;
	rtl_peb_unlock();
	*out = p;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlCreateProcessParameters(
	LSW_PROCESS_PARAMETERS **out, PUNICODE_STRING image, PUNICODE_STRING dll_path,
	PUNICODE_STRING cur_dir, PUNICODE_STRING cmdline, PWSTR env, PUNICODE_STRING title,
	PUNICODE_STRING desktop, PUNICODE_STRING shell, PUNICODE_STRING runtime)
{
	return RtlCreateProcessParametersEx(out, image, dll_path, cur_dir, cmdline, env, title,
					    desktop, shell, runtime, 0);
}

RTLAPI NTSTATUS NTAPI RtlDestroyProcessParameters(LSW_PROCESS_PARAMETERS *p)
{
	RtlFreeHeap(lsw_process_heap(), 0, p);
	return STATUS_SUCCESS;
}

/* Offsets to pointers (sign +1) or back (-1), for every non-empty string. */
static void shift_strings(LSW_PROCESS_PARAMETERS *p, int sign)
{
	for (int i = 0; i < S_COUNT; i++) {
		UNICODE_STRING *u = string_field(p, i);

		if (u->Buffer)
			u->Buffer = (WCHAR *)((ULONG_PTR)u->Buffer + sign * (LONG_PTR)p);
	}
}

RTLAPI LSW_PROCESS_PARAMETERS *NTAPI RtlNormalizeProcessParams(LSW_PROCESS_PARAMETERS *p)
{
	if (p && !(p->Flags & LSW_PARAMS_NORMALIZED)) {
		shift_strings(p, 1);
		p->Flags |= LSW_PARAMS_NORMALIZED;
	}
	return p;
}

RTLAPI LSW_PROCESS_PARAMETERS *NTAPI RtlDeNormalizeProcessParams(LSW_PROCESS_PARAMETERS *p)
{
	if (p && (p->Flags & LSW_PARAMS_NORMALIZED)) {
		shift_strings(p, -1);
		p->Flags &= ~LSW_PARAMS_NORMALIZED;
	}
	return p;
}

/* Start-up: the supervisor's block into the heap (see the top comment).
 * On any allocation failure the original block simply stays in use. */
void rtl_params_to_heap(void)
{
	LSW_PEB *peb = lsw_peb();
	LSW_PROCESS_PARAMETERS *old = peb->ProcessParameters, *p;
	HANDLE heap = peb->ProcessHeap;
	param_string s[S_COUNT];
	SIZE_T size, pos, envb = env_bytes(old->Environment);
	WCHAR *curdir, *env;

	for (int i = 0; i < S_COUNT; i++)
		s[i] = from_ustr(string_field(old, i), NULL);
	size = strings_end(s, S_DLLPATH, sizeof(*p), 1);
	p = RtlAllocateHeap(heap, HEAP_ZERO_MEMORY, size);
	curdir = RtlAllocateHeap(heap, 0, CURDIR_BYTES);
	env = envb ? RtlAllocateHeap(heap, 0, envb) : NULL;
	if (!p || !curdir || (envb && !env)) {
		RtlFreeHeap(heap, 0, p);
		RtlFreeHeap(heap, 0, curdir);
		RtlFreeHeap(heap, 0, env);
		return;
	}
	memcpy(p, old, sizeof(*p));
	p->MaximumLength = p->Length = (ULONG)size;
	p->Flags |= LSW_PARAMS_NORMALIZED;
	pos = sizeof(*p);
	for (int i = S_DLLPATH; i < S_COUNT; i++)
		pos = put_string((BYTE *)p, string_field(p, i), &s[i], pos, TRUE);
	s[S_CURDIR].max = CURDIR_BYTES;
	s[S_CURDIR].backslash = TRUE;
	put_string((BYTE *)curdir, &p->CurrentDirectory.DosPath, &s[S_CURDIR], 0, TRUE);
	if (env)
		memcpy(env, old->Environment, envb);
	p->Environment = env;
	p->EnvironmentSize = envb;
	peb->ProcessParameters = p;
}
