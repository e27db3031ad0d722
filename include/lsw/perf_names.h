/* The performance objects and counters lsw knows, by their English names
 * and the indexes Windows gives them (HKEY_PERFORMANCE_TEXT's "Counter"
 * value): advapi32's performance keys list them, pdh looks names up and
 * collects the counters among them.  Index 1 names the last index
 * (1847, "End Marker"), as on Windows. */
#ifndef LSW_PERF_NAMES_H
#define LSW_PERF_NAMES_H

#define LSW_PERF_NAMES(X) \
	X(1, "1847") \
	X(2, "System") \
	X(4, "Memory") \
	X(6, "% Processor Time") \
	X(24, "Available Bytes") \
	X(26, "Committed Bytes") \
	X(230, "Process") \
	X(238, "Processor") \
	X(248, "Processes") \
	X(250, "Threads") \
	X(674, "System Up Time") \
	X(1380, "Available KBytes") \
	X(1382, "Available MBytes") \
	X(1406, "% Committed Bytes In Use") \
	X(1846, "End Marker")

#endif
