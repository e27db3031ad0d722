/* The standard exception classes msvcp140 throws (std::length_error...),
 * laid out as vcruntime's std::exception (../cxx/cxx_classes.inc). */
#include "cxx/cxx_classes.inc"

	cxx_class exception, ".?AVexception@std@@"
	cxx_class logic_error, ".?AVlogic_error@std@@", exception
	cxx_class length_error, ".?AVlength_error@std@@", logic_error, exception
	cxx_class out_of_range, ".?AVout_of_range@std@@", logic_error, exception
	cxx_class invalid_argument, ".?AVinvalid_argument@std@@", logic_error, exception
	cxx_class runtime_error, ".?AVruntime_error@std@@", exception
	cxx_class bad_alloc, ".?AVbad_alloc@std@@", exception
	cxx_class overflow_error, ".?AVoverflow_error@std@@", runtime_error, exception
	cxx_class bad_function_call, ".?AVbad_function_call@std@@", exception
	cxx_class bad_exception, ".?AVbad_exception@std@@", exception

/* std::_Raise_handler: a hook of the exception-free STL, never set. */
	.data
	.balign 8
	.globl "?_Raise_handler@std@@3P6AXAEBVexception@stdext@@@ZEA"
"?_Raise_handler@std@@3P6AXAEBVexception@stdext@@@ZEA":
	.quad 0
