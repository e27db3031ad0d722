/*
 * Image layouts (sealed memfds) kept by file identity for the next image
 * section of the same file: off until a long-lived host (lswhost) turns
 * it on.
 */
#ifndef LSW_IMAGE_CACHE_H
#define LSW_IMAGE_CACHE_H

#include <stdint.h>
#include <sys/stat.h>
#include "loader/pe.h"

/* Keeps up to entries layouts of at most total_bytes together. */
void image_cache_enable(unsigned entries, uint64_t total_bytes);
/* A new read-only fd of the layout of the file st describes, its headers in *pe;
 * -1 if none is kept (or the file changed since). */
int image_cache_get(const struct stat *st, struct pe_image *pe);
/* Keeps a read-only reopening of fd, the layout of the file st describes. */
void image_cache_put(const struct stat *st, const struct pe_image *pe, int fd);
/* Lets every kept layout go. */
void image_cache_clear(void);

#endif
