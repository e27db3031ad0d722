#ifndef LSW_CLI_H
#define LSW_CLI_H

#include <stdbool.h>
#include <stddef.h>

int cmd_run(int argc, char **argv);

/* locate.c: where lsw's runtime and DLLs are (build tree or install). */
int locate_components(char *runtime, size_t rlen, char *dll_dir, size_t dlen);
/* The prefix directory: --prefix, else $LSW_PREFIX, else ~/.lsw; created
 * with its drive_c skeleton on first use.  Returns 0 or -1 (message printed). */
int prefix_prepare(const char *given, char *out, size_t len);

/* environment.c: the Windows environment block for a new process. */
struct env_builder;
struct env_builder *env_new(void);
int env_set(struct env_builder *e, const char *name, const char *value);
int env_add_option(struct env_builder *e, const char *opt); /* NAME=VALUE or NAME */
void env_add_host(struct env_builder *e, char **host);
char **env_finish(struct env_builder *e);  /* sorted NAME=value, NULL-terminated */

#endif
