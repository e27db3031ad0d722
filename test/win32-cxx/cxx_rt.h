/*
 * What the C++ exception tests use of the runtime, declared here instead of
 * MSVC's headers (these are the documented interfaces of msvcrt.dll and
 * vcruntime140.dll, and the layouts <vcruntime_exception.h> and
 * <vcruntime_typeinfo.h> give std::exception and std::type_info).  Built
 * with clang --target=x86_64-pc-windows-msvc, linked with lld-link against
 * import libraries made from our own DLLs' export lists; no CRT start-up
 * code: the entry point is mainCRTStartup below.
 *
 * Built with -DMSVCRT_ONLY, a program uses msvcrt.dll alone, as programs
 * built against the system msvcrt do: its exception and type_info classes
 * (exported), __uncaught_exception, no vcruntime140.
 */
#pragma once

extern "C" {
typedef unsigned long long size_t;
int printf(const char *, ...);
int puts(const char *);
void exit(int);
void *malloc(size_t);
void free(void *);
int strcmp(const char *, const char *);

#ifndef MSVCRT_ONLY
struct __std_exception_data {
	const char *_What;
	bool _DoFree;
};
void __std_exception_copy(const __std_exception_data *from, __std_exception_data *to);
void __std_exception_destroy(__std_exception_data *data);

struct __std_type_info_data {
	const char *_UndecoratedName;
	const char _DecoratedName[1];
};
struct __type_info_node {
	void *_Header[2];   /* an SLIST_HEADER: 16 bytes, 16-aligned */
} __attribute__((aligned(16)));
int __std_type_info_compare(const __std_type_info_data *, const __std_type_info_data *);
size_t __std_type_info_hash(const __std_type_info_data *);
const char *__std_type_info_name(__std_type_info_data *, __type_info_node *);
void __std_type_info_destroy_list(__type_info_node *);

int __uncaught_exceptions(void);
void **__current_exception(void);
void **__current_exception_context(void);
int *__processing_throw(void);
#else
bool __uncaught_exception(void);
#endif
}

#ifndef MSVCRT_ONLY
namespace std {
class exception {
public:
	exception() noexcept : _Data() {}
	explicit exception(const char *message) noexcept : _Data()
	{
		__std_exception_data init = { message, true };
		__std_exception_copy(&init, &_Data);
	}
	exception(const exception &other) noexcept : _Data()
	{
		__std_exception_copy(&other._Data, &_Data);
	}
	exception &operator=(const exception &other) noexcept
	{
		if (this != &other) {
			__std_exception_destroy(&_Data);
			__std_exception_copy(&other._Data, &_Data);
		}
		return *this;
	}
	virtual ~exception() noexcept { __std_exception_destroy(&_Data); }
	virtual const char *what() const { return _Data._What ? _Data._What : "Unknown exception"; }

private:
	__std_exception_data _Data;
};
}

/* One type_info class, in the global namespace as MSVC has it. */
class type_info {
public:
	virtual ~type_info();
	const char *name() const;
	const char *raw_name() const { return _Data._DecoratedName; }
	bool operator==(const type_info &o) const { return !__std_type_info_compare(&_Data, &o._Data); }
	size_t hash_code() const { return __std_type_info_hash(&_Data); }

private:
	mutable __std_type_info_data _Data;
};
namespace std {
using ::type_info;
}
#else
class __declspec(dllimport) exception {
public:
	exception();
	exception(const char *const &message);
	exception(const char *const &message, int);
	exception(const exception &other);
	exception &operator=(const exception &other);
	virtual ~exception();
	virtual const char *what() const;

private:
	const char *_m_what;
	int _m_doFree;
};
namespace std {
using ::exception;
}

class __declspec(dllimport) type_info {
public:
	virtual ~type_info();
	const char *name() const;
	const char *raw_name() const;
	int operator==(const type_info &o) const;
	int operator!=(const type_info &o) const;
	int before(const type_info &o) const;

private:
	void *_m_data;
	char _m_d_name[1];
};
namespace std {
using ::type_info;
}
#endif
