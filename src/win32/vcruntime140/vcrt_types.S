/* The exception classes vcruntime140 throws itself (std::bad_cast from a
 * failed dynamic_cast to a reference, std::bad_typeid and
 * std::__non_rtti_object from typeid): ../cxx/cxx_classes.inc. */
#include "cxx/cxx_classes.inc"

	cxx_class exception, ".?AVexception@std@@"
	cxx_class bad_cast, ".?AVbad_cast@std@@", exception
	cxx_class bad_typeid, ".?AVbad_typeid@std@@", exception
	cxx_class non_rtti, ".?AV__non_rtti_object@std@@", bad_typeid, exception
