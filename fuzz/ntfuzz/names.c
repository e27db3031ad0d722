/*
 * Object names: NT paths, DOS paths, registry and object-directory names
 * from a small vocabulary (so that what one call creates another opens),
 * mostly of the kind the call expects; now and then with odd characters,
 * device names, stream syntax, or deep and very long.
 */
#include "ntfuzz.h"

#define MAX_CHARS 32767   /* the most a UNICODE_STRING holds */
#define N(a) (sizeof(a) / sizeof((a)[0]))

unsigned name_class;

static const char *const file_prefixes[] = {
	"\\??\\C:\\", "\\??\\D:\\", "\\??\\D:\\fuzz\\", "\\??\\E:\\", "\\??\\C:\\Windows\\Temp\\",
	"\\??\\C:\\Windows\\System32\\", "\\??\\c:\\Users\\", "\\??\\Z:\\", "\\DosDevices\\D:\\",
	"\\??\\UNC\\host\\share\\", "\\Device\\HarddiskVolume1\\", "\\Device\\Null", "C:\\", "D:",
	"\\??\\CONOUT$", "\\??\\CONIN$", "\\??\\NUL", "\\??\\pipe\\", "\\\\?\\D:\\", "\\\\.\\",
	"\\??\\C:\\..\\..\\..\\etc\\", "\\??\\Z:\\etc\\", "\\??\\D:\\..\\", "\\??\\GLOBALROOT\\",
};

static const char *const key_prefixes[] = {
	"\\Registry\\Machine\\Software\\", "\\Registry\\Machine\\Software\\fuzz\\",
	"\\Registry\\User\\S-1-5-21-0-0-0-1000\\Software\\",
	"\\Registry\\User\\S-1-5-21-0-0-0-1000\\Software\\fuzz\\",
	"\\Registry\\User\\S-1-5-21-0-0-0-1000\\Volatile Environment\\",
	"\\Registry\\Machine\\System\\CurrentControlSet\\", "\\Registry\\User\\",
	"\\REGISTRY\\MACHINE\\", "\\Registry\\", "\\Registry\\Machine\\Software\\Classes\\",
	"\\Registry\\Machine\\Software\\Microsoft\\Windows NT\\CurrentVersion\\",
};

static const char *const object_prefixes[] = {
	"\\BaseNamedObjects\\", "\\Sessions\\1\\BaseNamedObjects\\", "Global\\", "Local\\",
	"\\BaseNamedObjects\\Global\\", "\\KnownDlls\\", "\\GLOBAL??\\", "\\", "\\??\\",
};

static const char *const words[] = {
	"fuzz", "a", "b", "dir", "f1", "f2", "key", "Key", "FUZZ", "fuzz.txt", "x y",
	"Environment", "CurrentVersion", "Software", "Classes", "Temp", "Users",
	"Windows", "System32", "ntdll.dll", "kernel32.dll", "desktop.ini",
};

static const char *const odd_words[] = {
	".", "..", "...", " ", "CON", "nul.txt", "COM1", "LPT9", "AUX", "conout$", "*",
	"?", "<", ">", "\"", "|", "a:b", "f:$DATA", "::$INDEX_ALLOCATION", "%s%n%x",
	"trailing.", "trailing ", "$MFT", "..\\..", "a\\b\\c", "passwd", "proc", "self",
};

/* Characters that change meaning under case folding, encodings or C. */
static const uint16_t odd_units[] = {
	0xE9, 0x4E2D, 0xD800, 0xDC00, 0xDBFF, 0xFFFF, 0xFEFF, 0, '/', 0x7F, 0x130,
	0x131, 0x3A3, 0x3C2, 0xFF21, 0x212A, 0x2044, 0x202E, 1, 0x1F, ':', '\\',
};

static unsigned put(uint16_t *w, unsigned at, const char *s)
{
	while (*s && at < MAX_CHARS)
		w[at++] = (uint8_t)*s++;
	return at;
}

static unsigned put_run(uint16_t *w, unsigned at, uint16_t c, unsigned n)
{
	while (n-- && at < MAX_CHARS)
		w[at++] = c;
	return at;
}

static unsigned put_odd_part(uint16_t *w, unsigned at)
{
	switch (below(5)) {
	case 0:
		for (unsigned k = 1 + below(4); k && at < MAX_CHARS; k--)
			w[at++] = chance(50) ? odd_units[below(N(odd_units))]
					     : (uint16_t)('a' + below(26));
		return at;
	case 1:
		return put_run(w, at, chance(50) ? 'a' : 0x4E2D, 100 + below(300));
	case 2:
		for (unsigned k = 1 + below(12); k && at < MAX_CHARS; k--)
			w[at++] = (uint16_t)(0x20 + below(0x5F));
		return at;
	default:
		return put(w, at, odd_words[below(N(odd_words))]);
	}
}

static unsigned put_separator(uint16_t *w, unsigned at)
{
	switch (below(40)) {
	case 0: return put(w, at, "/");
	case 1: return put(w, at, "\\\\");
	case 2: return at;
	default: return put(w, at, "\\");
	}
}

static const char *prefix(void)
{
	unsigned c = chance(75) ? name_class : below(3) == 0 ? C_FILE : below(2) ? C_KEY : C_SYNC;

	if (c == C_FILE)
		return file_prefixes[below(N(file_prefixes))];
	if (c == C_KEY)
		return key_prefixes[below(N(key_prefixes))];
	return object_prefixes[below(N(object_prefixes))];
}

/* Names made lately, and names a call with OBJECT_ATTRIBUTES succeeded
 * with: many names are one of them again, so what one call creates
 * another finds. */
#define RING 16
#define RING_CHARS 96
struct ring {
	uint16_t name[RING][RING_CHARS];
	unsigned len[RING], n, next;
};
static struct ring recent, worked;
static const uint16_t *last_objattr;
static unsigned last_objattr_len;

static unsigned again(const struct ring *r, uint16_t *w)
{
	unsigned k = below(r->n);

	for (unsigned i = 0; i < r->len[k]; i++)
		w[i] = r->name[k][i];
	return r->len[k];
}

static void remember(struct ring *r, const uint16_t *w, unsigned n)
{
	if (n > RING_CHARS)
		return;
	for (unsigned i = 0; i < n; i++)
		r->name[r->next][i] = w[i];
	r->len[r->next] = n;
	r->next = (r->next + 1) % RING;
	if (r->n < RING)
		r->n++;
}

void name_in_objattr(const uint16_t *w, unsigned n)
{
	last_objattr = w;
	last_objattr_len = n;
}

void name_worked(void)
{
	if (last_objattr)
		remember(&worked, last_objattr, last_objattr_len);
	last_objattr = 0;
}

unsigned make_name(uint16_t *w, int relative)
{
	unsigned at = 0, parts_n = below(3) + (chance(20) ? 1 : 0);
	int odd = chance(15);

	if (worked.n && chance(25))
		return again(&worked, w);
	if (recent.n && chance(15))
		return again(&recent, w);

	if (!relative ? chance(95) : chance(5))
		at = put(w, at, prefix());
	if (odd && chance(10))
		parts_n = 20 + below(300);          /* deep */
	for (unsigned i = 0; i < parts_n && at < MAX_CHARS; i++) {
		if (i > 0)
			at = odd ? put_separator(w, at) : put(w, at, "\\");
		at = odd && chance(40) ? put_odd_part(w, at) : put(w, at, words[below(N(words))]);
	}
	if (odd && chance(5))
		at = put_run(w, at, 'x', MAX_CHARS);  /* as long as a name can be */
	remember(&recent, w, at);
	return at;
}
