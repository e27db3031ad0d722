/*
 * ntfuzz: a Windows program (no C runtime, only raw `syscall`s) that makes
 * random NT calls with random arguments, for fuzz/ntfuzz.sh to run under a
 * sanitized supervisor (see fuzz/README.md).  Which calls exist, their arguments and
 * their types come from include/lsw/ntcalls.def and ntargs.def; the flag
 * and enum values from src/trace/xlat/.  Everything is drawn from one
 * seeded generator, so a seed and a call count replay a run.
 */
#ifndef NTFUZZ_H
#define NTFUZZ_H

#include <stddef.h>
#include <stdint.h>

#define NT_MAX_ARGS 17
#define STATUS_SUCCESS 0u
#define NT_ERROR(s) ((uint32_t)(s) >= 0xC0000000u)

/* ---- call descriptions (table.c) ---- */

enum arg_dir { D_IN, D_OUT, D_INOUT };

/* How an argument is made up. */
enum arg_kind {
	K_INT,          /* a count, size, index, offset */
	K_BOOL,
	K_PVOID,        /* an untyped pointer (or routine: see guard.c) */
	K_STATUS,
	K_HANDLE,
	K_FLAGS,        /* OR of values from vals */
	K_ENUM,         /* one value from vals */
	K_PSCALAR,      /* pointer to a scalar of `size` bytes */
	K_PHANDLE,      /* where a new handle is written */
	K_HANDLE_ARRAY, /* handles, count in argument count_arg */
	K_OBJATTR,      /* OBJECT_ATTRIBUTES */
	K_USTRING,      /* UNICODE_STRING */
	K_CLIENT_ID,
	K_IOSB,
	K_BUF_IN,       /* bytes, length in argument count_arg */
	K_BUF_OUT,      /* room, length in argument count_arg */
	K_PLARGE,       /* LARGE_INTEGER: times, offsets, sizes */
	K_EXCEPTION,    /* EXCEPTION_RECORD */
	K_CONTEXT,      /* CONTEXT */
	K_OUTSTRUCT,    /* an output structure of `size` bytes */
};

struct valset {
	const uint32_t *v;
	unsigned n;
};

struct arg_desc {
	uint8_t dir, kind, size;
	uint8_t count_arg;          /* 1 + index of the length or count argument, 0: none */
	uint8_t ret_arg;            /* 1 + index of the ReturnLength argument, 0: none */
	const struct valset *vals;
	const char *name;
};

enum support { S_NI, S_IMPL, S_DIRECT };
enum call_class { C_FILE, C_KEY, C_MEMORY, C_PROCESS, C_SYNC, C_SECURITY, C_OBJECT, C_TIME,
	C_SYSINFO, C_OTHER };

struct call_desc {
	uint32_t number;
	const char *name;
	int nargs;                  /* -1: not described */
	uint8_t support;
	uint8_t cls;                /* enum call_class: which names suit it */
};

extern const struct call_desc calls[];
extern const struct valset *const obj_attribute_values;
extern const unsigned ncalls;
int same_name(const char *a, const char *b);
/* The row of a call by name, -1 if none (for guard.c). */
int call_row(const char *name);
/* A row's arguments, closed by one without a name; NULL when ntargs.def
 * does not describe the call. */
const struct arg_desc *call_args(int row);

/* ---- the generator (rng.c) ---- */

void rng_seed(uint64_t seed);
uint64_t rng(void);
uint32_t below(uint32_t n);           /* 0..n-1 */
int chance(unsigned percent);

/* ---- the raw system call and the code other threads run (raw.S) ---- */

uint32_t raw_ntcall(uint32_t number, const uint64_t *args); /* args[NT_MAX_ARGS] */
void fuzz_thread_start(void *arg);    /* a created thread: runs fuzz_thread_main */

/* ---- the other threads (threads.c) ---- */

void threads_init(void);
void fuzz_thread_main(uint64_t seed);
/* A handle the other threads may wait on or signal from now on. */
void share_handle(uint64_t h);
void thread_made(uint64_t h);
/* The stack a restarted thread gets, 0 if h is not one of ntfuzz's threads. */
uint64_t restart_stack(uint64_t h);

/* ---- memory (memory.c) ---- */

#define SCRATCH_SIZE (256u * 1024)
void memory_init(void);
void scratch_reset(void);
/* Room for n bytes, zeroed, in the scratch area: usually aligned, now and
 * then unaligned or ending right at the no-access page after the area. */
void *scratch_alloc(size_t n);
/* A pointer for an argument whose good value is `good`: mostly `good`,
 * else NULL, unmapped, kernel, non-canonical, read-only, a few bytes off,
 * into the no-access page, or into memory the program allocated. */
uint64_t bad_pointer_or(uint64_t good);
/* An address in memory this program allocated or mapped itself (never its
 * image, stack, scratch area, TEB or PEB), or 0 if none. */
uint64_t owned_address(void);
/* Bytes from base to the end of the owned block holding it (0: none). */
uint64_t owned_size(uint64_t base);
void owned_add(uint64_t base, uint64_t size);
void owned_forget(uint64_t base, uint64_t size);

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

/* ---- values (values.c) ---- */

uint64_t any_int(void);
uint64_t size_like(void);
uint64_t flag_value(const struct valset *vs);
uint64_t enum_value(const struct valset *vs);
/* A timeout that ends soon: relative up to a few milliseconds, or in the past. */
int64_t short_timeout(void);

/* ---- handles (handles.c) ---- */

/* Where a handle came from: the row of the call that made it, the name of
 * the argument it was written to. */
void handle_add(uint64_t h, int row, const char *kind);
void handle_forget(uint64_t h);
/* Any handle-like value: a live one, a pseudo-handle, NULL, junk. */
uint64_t any_handle(void);
/* For an argument named "FileHandle" (or "Event"...): mostly one of that kind. */
uint64_t handle_for(const char *name);
/* A handle that is neither this process nor one of its threads other than
 * those ntfuzz created (for calls that would end or stop them). */
uint64_t harmless_handle(void);
extern uint64_t out_handle;           /* stdout, protected from close */
extern unsigned threads_made;
#define MAX_THREADS 6       /* created in one run */

/* ---- names (names.c) ---- */

/* Names suit the class of the call being made (FILE: paths, KEY:
 * registry keys...), now and then another's. */
extern unsigned name_class;
unsigned make_name(uint16_t *w, int relative);
/* The name the last OBJECT_ATTRIBUTES holds; a call with it succeeded (it
 * is used again more often). */
void name_in_objattr(const uint16_t *w, unsigned n);
void name_worked(void);

/* ---- structures (structs.c) ---- */

uint64_t make_ustring(void);          /* address of a UNICODE_STRING */
uint64_t make_out_ustring(void);      /* one with room for a result */
uint64_t make_client_id(void);        /* CLIENT_ID: ours, small or junk */
uint64_t make_objattr(void);          /* address of OBJECT_ATTRIBUTES */
/* n bytes of plausible structure: small numbers, handles, pointers, names. */
void fill_plausible(uint8_t *p, size_t n);
uint64_t make_context(void);          /* address of a CONTEXT */
/* Makes a CONTEXT built by make_context restart thread h (threads.c). */
void context_restart(uint64_t ctx, uint64_t h);

/* ---- one call (args.c, learned.c, guard.c) ---- */

struct fuzz_call {
	int row;
	uint32_t number;
	uint64_t a[NT_MAX_ARGS];
	int nargs;
	uint64_t slot[NT_MAX_ARGS];     /* where a pointer argument points (0: none) */
};

/* Makes up the arguments of calls[row]. */
void make_args(struct fuzz_call *fc);

/* What the supervisor taught (learned.c): information classes it knows and
 * the buffer length each needs (from ReturnLength after "too small"). */
uint32_t learned_length(const struct fuzz_call *fc);
int known_class(const uint32_t *table, uint64_t *cls);
void learn(const struct fuzz_call *fc, uint32_t status);
/* Keeps the program alive: returns 0 to skip the call, else adjusts
 * arguments that would end, stop or redirect it. */
int guard(struct fuzz_call *fc);
/* Learns from the result: new handles, memory, closed handles. */
void harvest(const struct fuzz_call *fc, uint32_t status);
/* The index of the argument of that name (ntargs.def), or -1. */
int arg_named(const struct fuzz_call *fc, const char *name);
void guard_init(void);
unsigned apc_count(void);             /* APCs ntfuzz's routine ran */

/* ---- output (ntfuzz.c) ---- */

void say(const char *s);
void say_hex(uint64_t v);
void say_dec(uint64_t v);

#endif
