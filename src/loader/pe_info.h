/*
 * `lsw info`: prints the headers, sections, imports, exports, relocations
 * and TLS directory of PE32+ files, as text or JSON.
 */
#ifndef LSW_PE_INFO_H
#define LSW_PE_INFO_H

#include <stdio.h>

#include "loader/pe.h"

/* `lsw info [--json] FILE...`; argv[0] is "info".  Returns 0, 1 on a usage
 * error, 2 when any file is missing or malformed. */
int lsw_info_main(int argc, char **argv);

/* Prints a parsed image (pe_parse succeeded) to out; path names it.  0, or
 * -1 with img->error when a table is malformed (output is then partial, so
 * callers print into a buffer). */
int pe_info_print(FILE *out, struct pe_image *img, const char *path, int json);

#endif
