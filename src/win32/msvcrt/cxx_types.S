/* msvcrt's exception classes (exception, bad_cast, bad_typeid,
 * __non_rtti_object in the global namespace, as its headers declared them):
 * ../cxx/cxx_classes.inc, with the vftables exported under their
 * decorated names. */
#include "cxx/cxx_classes.inc"

	cxx_class exception, ".?AVexception@@"
	cxx_class bad_cast, ".?AVbad_cast@@", exception
	cxx_class bad_typeid, ".?AVbad_typeid@@", exception
	cxx_class non_rtti, ".?AV__non_rtti_object@@", bad_typeid, exception

	.globl "??_7exception@@6B@", "??_7bad_cast@@6B@", "??_7bad_typeid@@6B@"
	.globl "??_7__non_rtti_object@@6B@"
	.set "??_7exception@@6B@", exception_vftable
	.set "??_7bad_cast@@6B@", bad_cast_vftable
	.set "??_7bad_typeid@@6B@", bad_typeid_vftable
	.set "??_7__non_rtti_object@@6B@", non_rtti_vftable
