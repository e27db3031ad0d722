/*
 * std::locale as MSVC's <xlocale> has it inline, for the programs that
 * drive msvcp140's locale (locale.cpp, numpunct.cpp, time_put.cpp,
 * fstream.cpp): _Lockit, _Yarn, _Locinfo, locale with its id, facet and
 * _Locimp (the exported members declared with their real names, so clang
 * gives them MSVC's decorated names), locale(const char *) and
 * locale(const locale &, Facet *) as the header builds them, the codecvt
 * facets' ids, use_facet/has_facet, and a call by vtable slot.
 */
#ifndef CXX_LOCALE_H
#define CXX_LOCALE_H

#include "cxx_rt.h"

int main();

struct _Mbstatet {
	unsigned long _Wchar;
	unsigned short _Byte, _State;
};

namespace std {
template <class E> struct char_traits {};

class _Lockit {
public:
	__declspec(dllimport) explicit _Lockit(int);
	__declspec(dllimport) ~_Lockit();

private:
	int _Locktype;
};

template <class E> struct _Yarn {
	E *_Myptr;
	E _Nul;
	const E *c_str() const { return _Myptr ? _Myptr : &_Nul; }
	_Yarn &operator=(const E *s)
	{
		if (_Myptr != s) {
			free(_Myptr);
			_Myptr = nullptr;
			if (s) {
				size_t n = 0;

				while (s[n])
					n++;
				_Myptr = (E *)malloc((n + 1) * sizeof(E));
				for (size_t i = 0; i <= n; i++)
					_Myptr[i] = s[i];
			}
		}
		return *this;
	}
};

class locale;

class _Facet_base {
public:
	virtual ~_Facet_base() {}
	virtual void _Incref() = 0;
	virtual _Facet_base *_Decref() = 0;
};

/* _Locinfo: its inline constructor takes the lock and empties the
 * strings, then the exported static part switches the C locale. */
class _Locinfo {
public:
	__declspec(dllimport) static void __cdecl _Locinfo_ctor(_Locinfo *, int, const char *);
	__declspec(dllimport) static void __cdecl _Locinfo_dtor(_Locinfo *);

	_Locinfo(int cat, const char *name) : _Lock(0), _Days(), _Months(), _W_Days(), _W_Months(),
		_Oldlocname(), _Newlocname()
	{
		_Locinfo_ctor(this, cat, name);
	}
	~_Locinfo()
	{
		_Locinfo_dtor(this);
		_Newlocname = nullptr;
		_Oldlocname = nullptr;
	}
	const char *_Getname() const { return _Newlocname.c_str(); }

private:
	_Lockit _Lock;
	_Yarn<char> _Days, _Months;
	_Yarn<wchar_t> _W_Days, _W_Months;
	_Yarn<char> _Oldlocname, _Newlocname;
};

struct _Crt_new_delete {};
template <class D> class _Locbase {};

/* Two empty bases: Visual C++ gives the second a byte, so _Ptr is at 8. */
class locale : public _Locbase<int>, public _Crt_new_delete {
public:
	class id {
	public:
		size_t _Id;
		size_t get();

	private:
		__declspec(dllimport) static int _Id_cnt;
		friend int ::main();
	};

	class facet : public _Facet_base, public _Crt_new_delete {
	public:
		__declspec(dllimport) void _Incref() override;
		__declspec(dllimport) _Facet_base *_Decref() override;

	protected:
		__declspec(dllimport) explicit facet(size_t refs);
		__declspec(dllimport) virtual ~facet();

	private:
		unsigned long _Myrefs;
	};

	class _Locimp {
	public:
		void *vtbl;
		long refs;
		facet **_Facetvec;
		size_t _Facetcount;
		int _Catmask;
		bool _Xparent;
		_Yarn<char> _Name;

	private:
		__declspec(dllimport) static _Locimp *__cdecl _New_Locimp(bool);
		__declspec(dllimport) static _Locimp *__cdecl _New_Locimp(const _Locimp &);
		__declspec(dllimport) static _Locimp *__cdecl _Makeloc(const _Locinfo &, int, _Locimp *, const locale *);
		__declspec(dllimport) void _Addfac(facet *, size_t);
		friend class locale;
		friend int ::main();
	};

	__declspec(dllimport) static const locale &__cdecl classic();
	__declspec(dllimport) static locale __cdecl global(const locale &);
	__declspec(dllimport) static locale __cdecl empty();

	locale() : _Ptr(_Init(true)) {}
	locale(const locale &o) : _Ptr(o._Ptr) { incref(_Ptr); }
	explicit locale(const char *name);
	template <class F> locale(const locale &loc, F *f);
	~locale() { release(_Ptr); }
	const char *c_str() const { return _Ptr ? _Ptr->_Name.c_str() : ""; }
	bool operator==(const locale &o) const
	{
		return _Ptr == o._Ptr || (strcmp(c_str(), "*") && !strcmp(c_str(), o.c_str()));
	}
	const facet *_Getfacet(size_t id) const
	{
		const facet *f = id < _Ptr->_Facetcount ? _Ptr->_Facetvec[id] : nullptr;

		if (f || !_Ptr->_Xparent)
			return f;
		_Locimp *g = _Getgloballocale();
		return id < g->_Facetcount ? g->_Facetvec[id] : nullptr;
	}
	static void incref(void *obj) { ((void (*)(void *))(*(void ***)obj)[1])(obj); }
	static void release(void *obj)
	{
		void *gone = ((void *(*)(void *))(*(void ***)obj)[2])(obj);

		if (gone)
			((void *(*)(void *, unsigned))(*(void ***)gone)[0])(gone, 1);
	}

	_Locimp *_Ptr;

private:
	__declspec(dllimport) static _Locimp *__cdecl _Init(bool);
	__declspec(dllimport) static _Locimp *__cdecl _Getgloballocale();
};

/* The header's id::operator size_t: stamped from _Id_cnt under the lock. */
size_t locale::id::get()
{
	if (!_Id) {
		_Lockit lock(0);

		if (!_Id)
			_Id = (size_t)++_Id_cnt;
	}
	return _Id;
}

/* What the facets that write (num_put, time_put) write through. */
template <class I, class E, class S> class codecvt;
template <> class codecvt<char, char, _Mbstatet> {
public:
	__declspec(dllimport) static size_t __cdecl _Getcat(const locale::facet **, const locale *);
	__declspec(dllimport) static locale::id id;
};
template <> class codecvt<wchar_t, char, _Mbstatet> {
public:
	__declspec(dllimport) static size_t __cdecl _Getcat(const locale::facet **, const locale *);
	__declspec(dllimport) static locale::id id;
};
template <class E, class T> class basic_streambuf;
class ios_base;
template <class E, class T> class ostreambuf_iterator {
public:
	bool _Failed;
	basic_streambuf<E, T> *_Strbuf;
};

[[noreturn]] __declspec(dllimport) void __cdecl _Xruntime_error(const char *);

/* locale(const char *): _Construct, inline in the header. */
locale::locale(const char *name) : _Ptr(_Locimp::_New_Locimp(false))
{
	bool bad = false;

	_Init(false);
	{
		_Locinfo info(0x3f, name);

		if (!strcmp(info._Getname(), "*")) {
			bad = true;
		} else {
			_Locimp::_Makeloc(info, 0x3f, _Ptr, nullptr);
			_Ptr->_Catmask = 0x3f;
			_Ptr->_Name = name;
		}
	}
	if (bad) {
		release(_Ptr);
		_Xruntime_error("bad locale name");
	}
}

/* locale(const locale &, Facet *): a copy with the facet put in, no name. */
template <class F> locale::locale(const locale &loc, F *f) : _Ptr(_Locimp::_New_Locimp(*loc._Ptr))
{
	if (f) {
		_Ptr->_Addfac(f, F::id.get());
		_Ptr->_Catmask = 0;
		_Ptr->_Name = "*";
	}
}
}

using std::locale;

/* use_facet's lazy facets: one per class, as _Facetptr<F>::_Psave. */
template <class F> struct facet_ptr {
	static const locale::facet *psave;
};
template <class F> const locale::facet *facet_ptr<F>::psave;

static int bad_casts;

/* std::use_facet, as the header has it (_Facet_Register, the import
 * library's, only queues the facet to be freed at exit). */
template <class F> static const void *use_facet(const locale &loc)
{
	std::_Lockit lock(0);
	const locale::facet *save = facet_ptr<F>::psave;
	const locale::facet *f = loc._Getfacet(F::id.get());

	if (!f) {
		if (save) {
			f = save;
		} else if (F::_Getcat(&save, &loc) == (size_t)-1) {
			bad_casts++;
			return nullptr;
		} else {
			locale::incref((void *)save);
			facet_ptr<F>::psave = save;
			f = save;
		}
	}
	return f;
}

template <class F> static bool has_facet(const locale &loc)
{
	return loc._Getfacet(F::id.get()) || F::_Getcat(nullptr, nullptr) != (size_t)-1;
}

template <class R, class... A> static R vcall(const void *obj, int slot, A... args)
{
	return ((R (*)(const void *, A...))(*(void *const *const *)obj)[slot])(obj, args...);
}

#endif
