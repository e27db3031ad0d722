/* Finding lsw's parts: next to the build tree when run from it, else the
 * install directories. */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lsw_config.h"
#include "cli.h"
#include "emul/io/volume_ids.h"

int locate_components(char *runtime, size_t rlen, char *dll_dir, size_t dlen)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	size_t root = strlen(LSW_BUILD_ROOT);

	if (n > 0)
		self[n] = 0;
	if (n > 0 && !strncmp(self, LSW_BUILD_ROOT, root) && self[root] == '/') {
		snprintf(runtime, rlen, "%s/src/loader/runtime/lsw-runtime", LSW_BUILD_ROOT);
		snprintf(dll_dir, dlen, "%s/src/win32", LSW_BUILD_ROOT);
	} else {
		snprintf(runtime, rlen, "%s/lsw-runtime", LSW_INSTALL_LIBEXECDIR);
		snprintf(dll_dir, dlen, "%s", LSW_INSTALL_DLLDIR);
	}
	if (access(runtime, X_OK) < 0) {
		fprintf(stderr, "lsw: runtime not found at %s\n", runtime);
		return -1;
	}
	return 0;
}

static int mkdirs(const char *path)
{
	char buf[PATH_MAX + 64];

	snprintf(buf, sizeof(buf), "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, 0755) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(buf, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

/* The prefix directory's path (nothing made). */
static void prefix_locate(const char *given, char *out, size_t len)
{
	const char *env = getenv("LSW_PREFIX"), *home = getenv("HOME");

	if (given)
		snprintf(out, len, "%s", given);
	else if (env && *env)
		snprintf(out, len, "%s", env);
	else if (home && *home)
		snprintf(out, len, "%s/.lsw", home);
	else {
		struct passwd *pw = getpwuid(getuid());
		snprintf(out, len, "%s/.lsw", pw ? pw->pw_dir : "/tmp");
	}
}

int prefix_find(const char *given, char *out, size_t len)
{
	char drive[PATH_MAX + 16];
	struct stat st;

	prefix_locate(given, out, len);
	snprintf(drive, sizeof(drive), "%s/drive_c", out);
	if (stat(drive, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	return prefix_prepare(given, out, len);
}

int prefix_prepare(const char *given, char *out, size_t len)
{
	/* a Windows 10 drive's skeleton, with its casing; <user> is %s */
	static const char *const dirs[] = {
		"drive_c/Windows/System32", "drive_c/Windows/Temp",
		"drive_c/Users/%s/AppData/Roaming", "drive_c/Users/%s/AppData/Local/Temp",
		"drive_c/Users/%s/Documents", "drive_c/Users/%s/Desktop",
		"drive_c/Users/Public", "drive_c/ProgramData",
		"drive_c/Program Files/Common Files", "drive_c/Program Files (x86)/Common Files",
	};
	char sub[PATH_MAX + 64], rel[256];

	prefix_locate(given, out, len);
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		const char *user = lsw_user_name();

		if (strstr(dirs[i], "%s"))
			snprintf(rel, sizeof(rel), dirs[i], user);
		else
			snprintf(rel, sizeof(rel), "%s", dirs[i]);
		snprintf(sub, sizeof(sub), "%s/%s", out, rel);
		if (mkdirs(sub) < 0) {
			fprintf(stderr, "lsw: cannot create prefix %s: %s\n", sub, strerror(errno));
			return -1;
		}
	}
	/* before any --overlay: the key is the prefix's, not one run's; a
	 * prefix that cannot take it (read-only) gets one per run */
	volume_ids_key_create(out);
	return 0;
}
