/* The fast channel's stack, in the thread block's alternate signal stack
 * (offsets from the block): below where the frame of a signal from
 * Windows code starts (the top) and where a new thread starts, so that an
 * interrupted rsp in this range is the channel's (fast_interrupt.c).
 * Included by fastcall.S too. */
#ifndef LSW_FAST_STACK_H
#define LSW_FAST_STACK_H

#define LSW_FAST_STACK_TOP 0x9000
#define LSW_FAST_STACK_LOW 0x7000
/* offset of struct lsw_fast's skip (fastcall.c checks it) */
#define LSW_FAST_SKIP_AT 216
/* Linux's per-CPU segment (the vDSO's getcpu): its limit is node << 12 | cpu */
#define LSW_CPUNODE_SELECTOR 0x7b

#endif
