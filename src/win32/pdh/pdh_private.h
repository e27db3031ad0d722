/* pdh.dll's private declarations: the counters it collects
 * (counters.c), their names and paths (names.c, paths.c), query and
 * counter handles (handles.c). */
#ifndef LSW_PDH_PRIVATE_H
#define LSW_PDH_PRIVATE_H

#define DECLSPEC_IMPORT /* pdh.h declares our exports imported */
#include <windows.h>
#include <winperf.h>
#include <pdh.h>
#include <pdhmsg.h>

#define PDH_API __declspec(dllexport)

/* A counter pdh can collect: its object and counter (perf name indexes),
 * its counter type, whether its object has instances, and how one
 * sample is taken (FALSE: the instance does not exist). */
struct pdh_counter_def {
	DWORD object, counter, type;
	BOOL instances;
	BOOL (*sample)(const WCHAR *instance, PDH_RAW_COUNTER *raw);
};

/* counters.c */
const struct pdh_counter_def *pdh_find_counter(DWORD object, DWORD counter);
BOOL pdh_object_known(DWORD object);
/* The instances of an object, a multi-string in a heap buffer. */
WCHAR *pdh_instances(DWORD object, DWORD *chars);

/* names.c: English name <-> index (lsw/perf_names.h). */
const WCHAR *pdh_name_of(DWORD index);
BOOL pdh_index_of(const WCHAR *name, DWORD *index);

/* paths.c: a counter path split into its parts (pointers into `buf`). */
struct pdh_path {
	WCHAR buf[PDH_MAX_COUNTER_PATH + 1];
	WCHAR *machine, *object, *parent, *instance, *counter;
	DWORD index;
};
PDH_STATUS pdh_parse_path(const WCHAR *path, struct pdh_path *p);
/* The counter a path names on this machine (PDH_CSTATUS_* otherwise). */
PDH_STATUS pdh_resolve(const struct pdh_path *p, const struct pdh_counter_def **def);

/* One counter of a query. */
struct pdh_counter {
	const struct pdh_counter_def *def;
	WCHAR path[PDH_MAX_COUNTER_PATH + 1];
	WCHAR instance[64];
	DWORD_PTR user_data;
	LONG scale;
	PDH_RAW_COUNTER raw, last; /* this sample and the one before */
	BOOL collected;            /* raw came from a collection, not from the add */
	PDH_HQUERY query;
	PDH_HCOUNTER self;
	struct pdh_path parts;     /* the path split, for PdhGetCounterInfo */
	char parts_a[PDH_MAX_COUNTER_PATH * 2 + 16]; /* its A strings, one after another */
};

/* handles.c: queries and counters are slots of one table, tagged by
 * kind, so a stale or made-up handle is refused (PDH_INVALID_HANDLE).
 * The lock is held between pdh_lock and pdh_unlock. */
enum pdh_kind { PDH_KIND_QUERY = 1, PDH_KIND_COUNTER };
void pdh_lock(void);
void pdh_unlock(void);
HANDLE pdh_handle_new(enum pdh_kind kind, void *object);
void *pdh_object(HANDLE h, enum pdh_kind kind);   /* under the lock */
void pdh_handle_free(HANDLE h);                    /* under the lock */
/* The counters of query q, one after another (under the lock). */
struct pdh_counter *pdh_next_counter(PDH_HQUERY q, DWORD *cursor);

/* handles.c, helpers: a heap copy of s as UTF-16 (NULL stays NULL); v
 * in decimal at out, its length returned. */
WCHAR *pdh_a_to_w(const char *s);
DWORD pdh_decimal(DWORD v, WCHAR *out);

#endif
