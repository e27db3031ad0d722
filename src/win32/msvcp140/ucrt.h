/* A function of the UCRT or of vcruntime140 under msvcp140 (ucrt.c), or
 * NULL. */
#ifndef LSW_MSVCP140_UCRT_H
#define LSW_MSVCP140_UCRT_H

void *msvcp_ucrt_proc(const char *name);
void *msvcp_vcruntime_proc(const char *name);

#endif
