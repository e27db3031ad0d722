/*
 * The C++ exception engine shared by msvcrt.dll and vcruntime140.dll: each
 * DLL compiles these sources into itself (and exports what its spec names),
 * so each has its own per-thread state, as on Windows.
 *
 * How a catch works (x64, both table formats):
 *  1. _CxxThrowException raises CXX_EXCEPTION_CODE.  ntdll walks the stack
 *     and calls each frame's handler (__CxxFrameHandler3/4 -> cxx_frame).
 *  2. The handler of a frame whose current state lies in a try block with a
 *     matching handler copies the object into the catch variable, then
 *     calls RtlUnwindEx to that frame with a STATUS_UNWIND_CONSOLIDATE
 *     record describing the catch (struct cxx_plan).  The frames in between
 *     see the unwind and run their destructors (cleanup funclets); the
 *     catching frame is unwound down to its try block's first state.
 *  3. ntdll restores the catching frame's context through the
 *     consolidation callback cxx_catch_callback, which runs the catch
 *     funclet on a frame that unwinds straight to the catching frame (so a
 *     throw inside the catch block sees that frame, not the dead ones) and
 *     returns the address to continue at.
 * While a catch block runs, its frame is frozen at the call that threw; a
 * cxx_catch record (per thread) says which state it stands in meanwhile:
 * the state just outside the try block that caught.
 */
#ifndef LSW_CXX_PRIVATE_H
#define LSW_CXX_PRIVATE_H

#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include "cxx_abi.h"

/* ---- one function's tables (cxx_tables.c, cxx_fh3.c, cxx_fh4.c) ---- */
enum cxx_format { CXX_FH3, CXX_FH4 };

struct cxx_func {
	enum cxx_format format;
	DWORD64 base;               /* image base: every RVA counts from it */
	DWORD begin;                /* RVA of the function or funclet entered */
	int flags;                  /* FI_EHS, FI_NOEXCEPT */
	DWORD unwind_map, try_map, ip_map;   /* RVAs; 0: none */
	int nstates, ntry, nip;     /* FH3 counts (FH4 keeps them in the maps) */
	BOOL catch_funclet;         /* FH4: this is a catch funclet ... */
	DWORD disp_frame;           /* ... keeping its parent's frame here */
};

enum cxx_unwind_kind { UW_NONE, UW_FUNCLET, UW_DTOR_OBJ, UW_DTOR_PTR };

struct cxx_unwind {
	int to_state;
	enum cxx_unwind_kind kind;
	DWORD action;               /* RVA: cleanup funclet or destructor */
	DWORD object;               /* UW_DTOR_*: frame offset */
};

struct cxx_try {
	int low, high, catch_high;
	DWORD handlers;             /* RVA of its handler map */
	int nhandlers;              /* FH3; FH4 counts in the map */
};

struct cxx_handler {
	DWORD adjectives;
	DWORD type;                 /* RVA of the type descriptor; 0: catch (...) */
	int catch_obj;              /* parent frame offset; 0: no object */
	DWORD handler;              /* RVA of the catch funclet */
	DWORD disp_frame;           /* FH3: funclet frame offset of the parent frame */
	int ncont;                  /* FH4: continuation addresses in the tables */
	DWORD64 cont[2];
};

/* A position in a try or handler map. */
struct cxx_cursor {
	const BYTE *p;
	int left;
};

/* Reads dc's handler data as FH3 or FH4 tables.  FALSE if they are not. */
BOOL cxx_func_init(struct cxx_func *f, enum cxx_format format, const DISPATCHER_CONTEXT *dc);
int cxx_state_at(const struct cxx_func *f, DWORD64 pc);
int cxx_lowest_state(const struct cxx_func *f);   /* in the IP map, -1 aside */
BOOL cxx_unwind_entry(const struct cxx_func *f, int state, struct cxx_unwind *out);
void cxx_tries(const struct cxx_func *f, struct cxx_cursor *c);
BOOL cxx_next_try(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_try *t);
void cxx_handlers(const struct cxx_func *f, const struct cxx_try *t, struct cxx_cursor *c);
BOOL cxx_next_handler(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_handler *h);

/* The format readers behind those (cxx_fh3.c, cxx_fh4.c). */
BOOL cxx_fh3_init(struct cxx_func *f, const BYTE *info);
int cxx_fh3_state_at(const struct cxx_func *f, DWORD rva);
int cxx_fh3_lowest_state(const struct cxx_func *f);
BOOL cxx_fh3_unwind_entry(const struct cxx_func *f, int state, struct cxx_unwind *out);
BOOL cxx_fh3_next_try(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_try *t);
BOOL cxx_fh3_next_handler(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_handler *h);
BOOL cxx_fh4_init(struct cxx_func *f, const BYTE *info);
int cxx_fh4_state_at(const struct cxx_func *f, DWORD rva);
int cxx_fh4_lowest_state(const struct cxx_func *f);
BOOL cxx_fh4_unwind_entry(const struct cxx_func *f, int state, struct cxx_unwind *out);
BOOL cxx_fh4_next_try(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_try *t);
BOOL cxx_fh4_next_handler(const struct cxx_func *f, struct cxx_cursor *c, struct cxx_handler *h);
DWORD cxx_fh4_uint(const BYTE **p);

/* ---- the frame handler (cxx_frame.c) ---- */
EXCEPTION_DISPOSITION cxx_frame(EXCEPTION_RECORD *rec, DWORD64 frame, CONTEXT *ctx,
				DISPATCHER_CONTEXT *dc, enum cxx_format format);

/* What one frame is doing, from its tables and the catches running. */
struct cxx_frame_view {
	DWORD64 frame;              /* the establisher frame given to the handler */
	DWORD64 parent;             /* the function's own frame (a funclet's parent) */
	int state;                  /* where the frame stands */
	int base_state;             /* unwinding this frame stops here */
	int min_try_low;            /* try blocks it may search start above this */
	struct cxx_catch *active;   /* a catch this frame made, still running */
};

/* ---- exceptions and catches (cxx_catch.c, cxx_match.c, cxx_throw.c) ---- */
#define CXX_PLAN_MARK 0x4c535743u   /* 'LSWC': a consolidation record of ours */

/* A catch decided: what the consolidation callback needs. */
struct cxx_plan {
	EXCEPTION_RECORD *rec;      /* the exception caught (a rethrow's original) */
	CONTEXT *ctx;
	DWORD64 frame, parent;      /* the catching frame and its function's frame */
	int target_state;           /* unwind the catching frame down to this */
	int resume_state;           /* its state while the catch block runs */
	void *handler;              /* the catch funclet */
	int ncont;
	DWORD64 cont[2];
};

/* A catch block running, kept on the callback's stack. */
struct cxx_catch {
	struct cxx_catch *prev;
	EXCEPTION_RECORD *rec;
	CONTEXT *ctx;
	DWORD64 frame;
	int resume_state;
};

BOOL cxx_is_cxx(const EXCEPTION_RECORD *rec);
const cxx_throw_info *cxx_throw_info_of(const EXCEPTION_RECORD *rec);
void *cxx_object_of(const EXCEPTION_RECORD *rec);
EXCEPTION_RECORD *cxx_resolve_rethrow(EXCEPTION_RECORD *rec, CONTEXT **ctx);
void *cxx_propagating_object(const EXCEPTION_RECORD *rec);
void DECLSPEC_NORETURN cxx_catch_it(EXCEPTION_RECORD *rec, CONTEXT *ctx, DISPATCHER_CONTEXT *dc,
				    const struct cxx_func *f, const struct cxx_frame_view *v,
				    const struct cxx_try *t, const struct cxx_handler *h,
				    const cxx_catchable_type *ct);
void cxx_end_catch(struct cxx_catch *c, void *propagating);
BOOL cxx_object_in_use(void *obj);
void cxx_destroy_object(const EXCEPTION_RECORD *rec);

const cxx_catchable_type *cxx_match_type(const EXCEPTION_RECORD *rec,
					 const cxx_type_descriptor *want, DWORD adjectives);
const cxx_catchable_type *cxx_match(const EXCEPTION_RECORD *rec, const struct cxx_handler *h,
				    DWORD64 handler_base);
BOOL cxx_is_ellipsis(const struct cxx_handler *h, DWORD64 base);
void *cxx_adjust_pointer(void *obj, const cxx_pmd *pmd);
void cxx_build_catch_object(const EXCEPTION_RECORD *rec, void *dst, DWORD adjectives,
			    const cxx_catchable_type *ct);

/* cxx_guard.S: fn(a, b, c), terminating if a C++ exception leaves fn (a
 * destructor during unwinding, a copy constructor making the catch
 * variable). */
void *cxx_call_guarded(void *fn, void *a, void *b, void *c);

/* ---- throwing (cxx_throw.c) and the runtime's own exception classes
 * (cxx_exception.c; their tables: cxx_classes.inc in each DLL) ---- */
void DECLSPEC_NORETURN __stdcall _CxxThrowException(void *obj, const cxx_throw_info *ti);
void *cxx_exc_init(void *obj, const void *vftable, const char *what, BOOL copy);
void *cxx_exc_copy_ctor(void *dst, const void *src, const void *vftable);
void cxx_exc_dtor(void *obj);
void *cxx_exc_deleting_dtor(void *obj, unsigned flags);
const char *cxx_exc_what(const void *obj);
void DECLSPEC_NORETURN cxx_throw_class(const void *vftable, const cxx_throw_info *ti,
				       const char *msg);
extern const void *const exception_vftable[], *const bad_cast_vftable[];
extern const void *const bad_typeid_vftable[], *const non_rtti_vftable[];
extern const cxx_throw_info bad_cast_ti, bad_typeid_ti, non_rtti_ti;
extern const void *const cxx_type_info_vftable[];
extern const char cxx_typeid_null_message[];     /* each DLL words it */

/* cxx_try.S: fn(arg) into *result, FALSE if it faulted. */
BOOL cxx_try(void *(*fn)(void *), void *arg, void **result);

/* ---- per thread (cxx_thread.c) ---- */
typedef void (__cdecl *cxx_translator)(unsigned int, EXCEPTION_POINTERS *);
typedef void (__cdecl *cxx_handler_fn)(void);

/* The translator, the current exception and its context and the throw
 * count sit as in vcruntime's per-thread data (the pointers programs get
 * from __current_exception and __processing_throw are neighbours). */
struct cxx_thread {
	cxx_translator translator;  /* _set_se_translator */
	void *unused;               /* vcruntime's purecall slot */
	EXCEPTION_RECORD *cur_rec;  /* __current_exception() points here */
	CONTEXT *cur_ctx;           /* __current_exception_context() */
	int processing_throw;       /* thrown and not caught yet */
	struct cxx_catch *catches;  /* innermost first */
	BOOL translating;
	cxx_handler_fn terminate;   /* msvcrt's set_terminate */
	cxx_handler_fn unexpected;  /* set_unexpected */
};

struct cxx_thread *cxx_thread(void);
void cxx_push_catch(struct cxx_thread *t, struct cxx_catch *c);
void cxx_pop_catch(struct cxx_thread *t, struct cxx_catch *c);

/* ---- ending the process (each DLL's cxx_terminate.c) ---- */
void DECLSPEC_NORETURN cxx_terminate(void);

#endif
