/* A function of the UCRT under msvcp140 (ucrt.c), or NULL. */
#ifndef LSW_MSVCP140_UCRT_H
#define LSW_MSVCP140_UCRT_H

void *msvcp_ucrt_proc(const char *name);

#endif
