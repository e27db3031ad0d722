/*
 * The x64 Windows unwinder over tracee memory (lsw trace -k): the images'
 * own exception data (the RUNTIME_FUNCTION table of .pdata and the
 * UNWIND_INFO of .xdata) recovers each caller's rsp, rip and the
 * nonvolatile registers the callee saved.
 *
 * Everything read comes from the hostile process: every read goes through
 * tracee_read, every length and offset is bounded, and any failure simply
 * ends the walk.  What is read per image (headers, function table, export
 * table) is cached, keyed by pid, base and size, and read lazily once.
 */
#ifndef LSW_UNWIND_H
#define LSW_UNWIND_H

#include <stdbool.h>
#include <stdint.h>
#include "emul/emul.h"

/* RUNTIME_FUNCTION: image-relative [begin, end) and its UNWIND_INFO. */
struct unwind_rtf {
	uint32_t begin, end, info;
};

struct unwind_export {
	uint32_t rva;
	uint32_t name;               /* offset into unwind_image.names */
};

/* One image of one process, as far as it has been read. */
struct unwind_image {
	pid_t pid;
	uint64_t base, size;
	char name[64];
	bool from_vad;               /* not in process->images: named by its exports */
	unsigned long long used;     /* LRU clock */
	bool headers_read, headers_ok;
	uint32_t export_rva, export_size;
	uint32_t pdata_rva, pdata_size;
	bool pdata_read;
	struct unwind_rtf *pdata;
	uint32_t npdata;
	uint8_t *xdata;              /* the unwind infos' range, read at once */
	uint32_t xdata_rva, xdata_len;
	bool exports_read;
	struct unwind_export *exports; /* sorted by rva */
	uint32_t nexports;
	char *names;
};

/* Register numbers as UNWIND_CODE and UNWIND_INFO.FrameRegister use them. */
enum { UW_RAX, UW_RCX, UW_RDX, UW_RBX, UW_RSP, UW_RBP, UW_RSI, UW_RDI,
       UW_R8, UW_R9, UW_R10, UW_R11, UW_R12, UW_R13, UW_R14, UW_R15 };

struct unwind_regs {
	uint64_t rip;
	uint64_t r[16];              /* r[UW_RSP] is always valid */
	uint16_t known;              /* bit n: r[n] holds the frame's value */
};

/* The cached image of t's process containing addr, or NULL when addr is
 * outside every image (or the cache cannot be allocated). */
struct unwind_image *unwind_image_at(struct lsw_thread *t, uint64_t addr);

/* The function table entry of im containing rva (0..size), or NULL: a leaf
 * function, or no table.  With chained entries, *primary (if non-NULL)
 * gets the function's first entry's begin (rva of the function start). */
const struct unwind_rtf *unwind_lookup(struct lsw_thread *t, struct unwind_image *im,
				       uint32_t rva, uint32_t *primary);

/* The export table of im (read once). */
void unwind_load_exports(struct lsw_thread *t, struct unwind_image *im);

/* One frame up: from the frame whose registers are in *r to its caller.
 * caller_frame says r->rip is a return address (the call is at rip - 1),
 * not the faulting or syscall instruction of the innermost frame.
 * 0, or -1 when the walk must end (nothing changed usefully in *r). */
int unwind_step(struct lsw_thread *t, struct unwind_regs *r, bool caller_frame);

/* Starts a walk: forgets the stack memory the last one read (the stack
 * changes between calls; images do not). */
void unwind_begin_walk(void);

/* Forgets every cached image (tests; a process that went away). */
void unwind_cache_flush(void);
void unwind_cache_forget_pid(pid_t pid);

#endif
