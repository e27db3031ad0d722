/*
 * What the Microsoft C++ compiler emits for exceptions and RTTI, as x64
 * lays it out: every "pointer" inside these tables is a 32-bit offset from
 * the image base of the module holding it (an RVA).
 *
 * A throw is RaiseException(CXX_EXCEPTION_CODE, EXCEPTION_NONCONTINUABLE,
 * 4, {magic, object, ThrowInfo, image base of the ThrowInfo}).  The
 * ThrowInfo lists every type a handler may catch the object as (its class
 * and unambiguous public bases, void * for pointers), each with how to
 * find that subobject and copy it.  Functions with try blocks or objects
 * to destroy name __CxxFrameHandler3 (or 4) in their UNWIND_INFO, with the
 * RVA of their tables as handler data: FH3's FuncInfo below, FH4's
 * compressed FuncInfo4 (cxx_fh4.c).
 */
#ifndef LSW_CXX_ABI_H
#define LSW_CXX_ABI_H

#include <stdint.h>

#define CXX_EXCEPTION_CODE 0xE06D7363u  /* 0xE0000000 | 'msc' */
#define CXX_EXCEPTION_PARAMS 4
#define CXX_MAGIC1 0x19930520u          /* FuncInfo without ESTypeList/EHFlags */
#define CXX_MAGIC2 0x19930521u          /* with ESTypeList */
#define CXX_MAGIC3 0x19930522u          /* with EHFlags */
#define CXX_MAGIC_PURE 0x01994000u      /* thrown by /clr:pure code */
#define CXX_MAGIC_MASK 0x1FFFFFFFu      /* x86 keeps BBT flags in the top bits */

/* ThrowInfo.attributes */
#define TI_CONST 0x1
#define TI_VOLATILE 0x2
#define TI_UNALIGNED 0x4
#define TI_PURE 0x8
#define TI_WINRT 0x10

/* CatchableType.properties */
#define CT_SIMPLE_TYPE 0x1          /* scalar or pointer: copied bitwise */
#define CT_BY_REFERENCE_ONLY 0x2    /* catchable only by reference */
#define CT_HAS_VIRTUAL_BASE 0x4     /* copy constructor takes a "most derived" flag */
#define CT_WINRT_HANDLE 0x8
#define CT_STD_BAD_ALLOC 0x10

/* HandlerType.adjectives */
#define HT_CONST 0x1
#define HT_VOLATILE 0x2
#define HT_UNALIGNED 0x4
#define HT_REFERENCE 0x8
#define HT_RESUMABLE 0x10
#define HT_STD_DOTDOT 0x40          /* catch (...) */
#define HT_BAD_ALLOC_COMPAT 0x80

/* FuncInfo.flags (FH3, magic >= CXX_MAGIC3) */
#define FI_EHS 0x1                  /* /EHs: catch (...) takes C++ exceptions only */
#define FI_DYNSTKALIGN 0x2
#define FI_NOEXCEPT 0x4             /* an exception leaving the function terminates */

/* Where a base subobject lies in an object (a "pointer to member data"):
 * mdisp, then, if pdisp >= 0, the offset found at vdisp in the virtual
 * base table that the pointer at pdisp points to. */
typedef struct {
	int32_t mdisp;
	int32_t pdisp;
	int32_t vdisp;
} cxx_pmd;

/* std::type_info as the compiler lays it out: its objects are these. */
typedef struct {
	const void *vftable;
	void *undecorated;          /* the runtime's cache for name() */
	char name[];                /* decorated: ".?AVfoo@@", ".H" */
} cxx_type_descriptor;

typedef struct {
	uint32_t properties;
	int32_t type;               /* cxx_type_descriptor */
	cxx_pmd this_disp;
	int32_t size;
	int32_t copy_ctor;          /* 0: copy bitwise */
} cxx_catchable_type;

typedef struct {
	int32_t count;
	int32_t types[];            /* cxx_catchable_type */
} cxx_catchable_types;

typedef struct {
	uint32_t attributes;
	int32_t destructor;         /* of the thrown object; 0: none */
	int32_t forward_compat;
	int32_t catchable_types;    /* cxx_catchable_types */
} cxx_throw_info;

/* ---- FH3 (__CxxFrameHandler, 2 and 3) ---- */
typedef struct {
	uint32_t magic;
	int32_t max_state;          /* entries in the unwind map */
	int32_t unwind_map;         /* cxx_unwind3[max_state] */
	uint32_t ntry;
	int32_t try_map;            /* cxx_try3[ntry], innermost first */
	uint32_t nip;
	int32_t ip_map;             /* cxx_ip_state3[nip], ascending */
	int32_t unwind_help;        /* frame offset of a slot the prologue sets to -2 */
	int32_t es_types;           /* magic >= CXX_MAGIC2 */
	int32_t flags;              /* magic >= CXX_MAGIC3: FI_* */
} cxx_func_info3;

typedef struct {
	int32_t to_state;           /* the state once this one is left */
	int32_t action;             /* cleanup funclet; 0: nothing to do */
} cxx_unwind3;

typedef struct {
	int32_t low, high;          /* the try body's states */
	int32_t catch_high;         /* its handlers' states: (high, catch_high] */
	int32_t nhandlers;
	int32_t handlers;           /* cxx_handler3[nhandlers] */
} cxx_try3;

typedef struct {
	uint32_t adjectives;
	int32_t type;               /* cxx_type_descriptor; 0: catch (...) */
	int32_t catch_obj;          /* parent frame offset of the catch object */
	int32_t handler;            /* catch funclet */
	int32_t disp_frame;         /* funclet frame offset holding the parent frame */
} cxx_handler3;

typedef struct {
	int32_t ip;                 /* first instruction in state */
	int32_t state;
} cxx_ip_state3;

/* ---- RTTI: the complete object locator sits at vftable[-1] ---- */
typedef struct {
	uint32_t signature;         /* 1 on x64: the fields are RVAs */
	uint32_t offset;            /* of this vftable in the complete object */
	uint32_t cd_offset;
	int32_t type;               /* cxx_type_descriptor of the complete object */
	int32_t hierarchy;          /* cxx_hierarchy */
	int32_t self;               /* this locator: its address less this is the image base */
} cxx_object_locator;

#define CHD_MULTIPLE 0x1
#define CHD_VIRTUAL 0x2
#define CHD_AMBIGUOUS 0x4

typedef struct {
	uint32_t signature;
	uint32_t attributes;        /* CHD_* */
	uint32_t nbases;            /* the class itself first */
	int32_t bases;              /* int32_t[nbases] of cxx_base_class */
} cxx_hierarchy;

#define BCD_NOT_VISIBLE 0x1
#define BCD_AMBIGUOUS 0x2
#define BCD_PRIVATE 0x4
#define BCD_PRIVATE_IN_COMPLETE 0x8
#define BCD_VBASE_OF_CONTAINED 0x10
#define BCD_NONPOLYMORPHIC 0x20
#define BCD_HAS_HIERARCHY 0x40

typedef struct {
	int32_t type;               /* cxx_type_descriptor */
	uint32_t ncontained;        /* bases listed after this one that are its bases */
	cxx_pmd where;
	uint32_t attributes;        /* BCD_* */
	int32_t hierarchy;          /* cxx_hierarchy, if BCD_HAS_HIERARCHY */
} cxx_base_class;

#endif
