/* Image layouts shared by every image section of the same file
 * (image_cache.c). */
#ifndef LSW_IMAGE_CACHE_H
#define LSW_IMAGE_CACHE_H

/* A new fd of the layout made for the file open as file_fd, if it has not
 * changed since; -1 if there is none. */
int image_cache_get(int file_fd);
/* Remembers layout_fd (a sealed memfd, duplicated) as file_fd's layout. */
void image_cache_put(int file_fd, int layout_fd);

#endif
