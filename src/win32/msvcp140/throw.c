/*
 * The throw helpers the STL headers call (std::_Xlength_error...): each
 * throws the standard exception class it names, with the message given.
 * The classes' RTTI and throw descriptions are msvcp_types.S; the throw
 * itself is vcruntime140's _CxxThrowException (every program using
 * msvcp140 has vcruntime140 loaded; without it the process ends as a
 * failed throw would).
 */
#include "cxx/cxx_private.h"
#include "msvcp140/ucrt.h"

extern const void *const length_error_vftable[], *const out_of_range_vftable[];
extern const void *const invalid_argument_vftable[], *const runtime_error_vftable[];
extern const void *const bad_alloc_vftable[], *const overflow_error_vftable[];
extern const void *const bad_function_call_vftable[];
extern const cxx_throw_info length_error_ti, out_of_range_ti, invalid_argument_ti;
extern const cxx_throw_info runtime_error_ti, bad_alloc_ti, overflow_error_ti;
extern const cxx_throw_info bad_function_call_ti;

const char cxx_typeid_null_message[] = "Attempted a typeid of nullptr pointer!";

typedef void (__stdcall *throw_fn)(void *, const cxx_throw_info *);

/* cxx_exception.c's cxx_throw_class ends here. */
void __stdcall _CxxThrowException(void *obj, const cxx_throw_info *ti)
{
	throw_fn fn = msvcp_vcruntime_proc("_CxxThrowException");

	if (fn)
		fn(obj, ti);
	for (;;)
		TerminateProcess(GetCurrentProcess(), 0xC0000409);
}

void __cdecl msvcp_xlength_error(const char *msg)
{
	cxx_throw_class(length_error_vftable, &length_error_ti, msg);
}

void __cdecl msvcp_xout_of_range(const char *msg)
{
	cxx_throw_class(out_of_range_vftable, &out_of_range_ti, msg);
}

void __cdecl msvcp_xinvalid_argument(const char *msg)
{
	cxx_throw_class(invalid_argument_vftable, &invalid_argument_ti, msg);
}

void __cdecl msvcp_xruntime_error(const char *msg)
{
	cxx_throw_class(runtime_error_vftable, &runtime_error_ti, msg);
}

void __cdecl msvcp_xbad_alloc(void)
{
	cxx_throw_class(bad_alloc_vftable, &bad_alloc_ti, "bad allocation");
}

void __cdecl msvcp_xoverflow_error(const char *msg)
{
	cxx_throw_class(overflow_error_vftable, &overflow_error_ti, msg);
}

void __cdecl msvcp_xbad_function_call(void)
{
	cxx_throw_class(bad_function_call_vftable, &bad_function_call_ti, "bad function call");
}
