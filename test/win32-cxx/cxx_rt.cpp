/* The pieces of MSVC's static runtime library the tests need: the entry
 * point, type_info's vftable and name(), operator new and delete.  Built
 * with -DCXX_RT_DLL for a DLL: no entry point. */
#include "cxx_rt.h"

extern "C" int _fltused = 0;

/* The vftable the compiler's type descriptors point at (nothing ever
 * calls through it: no type_info is destroyed polymorphically). */
extern "C" const void *const type_info_vftable[1] __asm__("??_7type_info@@6B@") = { nullptr };

#ifndef MSVCRT_ONLY
static __type_info_node type_info_names;

const char *type_info::name() const
{
	return __std_type_info_name(&_Data, &type_info_names);
}
#endif

#ifdef MSVCRT_ONLY
void terminate();

/* clang's terminate funclets (noexcept functions) call this. */
extern "C" void __std_terminate()
{
	terminate();
}
#endif

void *operator new(size_t n)
{
	return malloc(n ? n : 1);
}

void operator delete(void *p) noexcept
{
	free(p);
}

void operator delete(void *p, size_t) noexcept
{
	free(p);
}

#ifndef CXX_RT_DLL
int main(int argc, char **argv);

extern "C" {
int __getmainargs(int *argc, char ***argv, char ***env, int glob, void *start);

int mainCRTStartup(void)
{
	int argc, start = 0;
	char **argv, **env;
	int r;

	__getmainargs(&argc, &argv, &env, 0, &start);
	r = main(argc, argv);
#ifndef MSVCRT_ONLY
	__std_type_info_destroy_list(&type_info_names);
#endif
	exit(r);
	return r;
}
}
#endif
