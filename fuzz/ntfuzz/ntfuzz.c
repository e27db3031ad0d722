/*
 * ntfuzz SEED COUNT [v][s]: makes COUNT random NT calls drawn from SEED and
 * prints "ntfuzz: seed S: N calls, K succeeded, ..." every 1000 calls and
 * at the end (so a run that ends early still says how far it got).  v prints
 * each call before it is made (the last line names the call in flight when
 * something broke); s prints, per call, how often it was made and succeeded.
 */
#include "ntfuzz.h"

#define PROGRESS_EVERY 1000

static int row_write_file;
static unsigned made_by_row[1024], ok_by_row[1024];

/* Output goes out a line at a time (one NtWriteFile per line). */
void say(const char *s)
{
	static char line[512];
	static uint32_t n;
	uint64_t a[NT_MAX_ARGS] = { 0 }, iosb[2];

	for (; *s; s++) {
		line[n++] = *s;
		if (*s != '\n' && n < sizeof(line))
			continue;
		a[0] = out_handle;
		a[4] = (uint64_t)iosb;
		a[5] = (uint64_t)line;
		a[6] = n;
		raw_ntcall(calls[row_write_file].number, a);
		n = 0;
	}
}

static void say_num(uint64_t v, unsigned base)
{
	char buf[24];
	int i = sizeof(buf) - 1;

	buf[i] = 0;
	do {
		buf[--i] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (base == 16) {
		buf[--i] = 'x';
		buf[--i] = '0';
	}
	say(buf + i);
}

void say_hex(uint64_t v)
{
	say_num(v, 16);
}

void say_dec(uint64_t v)
{
	say_num(v, 10);
}

/* The process parameters' command line, past the program name. */
static const uint16_t *arguments(uint16_t *len)
{
	uint8_t *peb, *params;
	const uint16_t *s;
	unsigned i = 0, n, quoted = 0;

	__asm__("mov %%gs:0x60, %0" : "=r"(peb));
	params = *(uint8_t **)(peb + 0x20);
	n = *(uint16_t *)(params + 0x70) / 2;
	s = *(const uint16_t **)(params + 0x78);
	for (; i < n && (quoted || s[i] != ' '); i++)
		if (s[i] == '"')
			quoted = !quoted;
	*len = (uint16_t)(n - i);
	return s + i;
}

/* The next number on the command line (decimal, or hex after 0x). */
static uint64_t number(const uint16_t **s, const uint16_t *end)
{
	uint64_t v = 0;
	unsigned base = 10;

	while (*s < end && **s == ' ')
		(*s)++;
	if (end - *s > 2 && (*s)[0] == '0' && ((*s)[1] | 0x20) == 'x') {
		base = 16;
		*s += 2;
	}
	for (; *s < end && **s != ' '; (*s)++) {
		unsigned c = **s, d = c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0';

		if (d >= base)
			break;
		v = v * base + d;
	}
	return v;
}

/* Which call: mostly implemented ones, some not, a few numbers no table has.
 * Never 335 (0x14f): since Linux 6.11 that number is uretprobe, which
 * passes seccomp unfiltered and raises SIGILL, so no NT call can have it. */
static void pick(struct fuzz_call *fc)
{
	unsigned r = below(100);

	if (r < 2) {
		fc->row = -1;
		fc->number = chance(50) ? 0x1000 + below(0x500) : (uint32_t)rng() | 0x10000;
		return;
	}
	do
		fc->row = (int)below(ncalls);
	while ((calls[fc->row].support == S_NI) != (r < 8) || calls[fc->row].number == 335);
	fc->number = calls[fc->row].number;
}

static void show(const struct fuzz_call *fc, uint64_t i)
{
	say("#");
	say_dec(i);
	say(" ");
	say(fc->row >= 0 ? calls[fc->row].name : "?");
	for (int k = 0; k < fc->nargs; k++) {
		say(k ? ", " : "(");
		say_hex(fc->a[k]);
	}
	say(fc->nargs ? ")\n" : "()\n");
}

static void stats(void)
{
	for (unsigned r = 0; r < ncalls && r < 1024; r++) {
		if (!made_by_row[r])
			continue;
		say("ntfuzz-stat: ");
		say(calls[r].name);
		say(" ");
		say_dec(made_by_row[r]);
		say(" ");
		say_dec(ok_by_row[r]);
		say("\n");
	}
}

static void setup_output(void)
{
	uint8_t *peb, *params;
	uint64_t a[NT_MAX_ARGS] = { 0 }, h = 0;
	uint8_t flags[2] = { 0, 1 };   /* not inherited, protected from close */

	__asm__("mov %%gs:0x60, %0" : "=r"(peb));
	params = *(uint8_t **)(peb + 0x20);
	out_handle = *(uint64_t *)(params + 0x28);   /* StandardOutput */
	a[0] = a[2] = (uint64_t)-1;
	a[1] = out_handle;
	a[3] = (uint64_t)&h;
	a[6] = 2;                                    /* DUPLICATE_SAME_ACCESS */
	if (!raw_ntcall(calls[call_row("NtDuplicateObject")].number, a) && h)
		out_handle = h;
	memset(a, 0, sizeof(a));
	a[0] = out_handle;
	a[1] = 4;                                    /* ObjectHandleFlagInformation */
	a[2] = (uint64_t)flags;
	a[3] = sizeof(flags);
	raw_ntcall(calls[call_row("NtSetInformationObject")].number, a);
}

static void summary(uint64_t seed, uint64_t made, uint64_t ok)
{
	say("ntfuzz: seed ");
	say_dec(seed);
	say(": ");
	say_dec(made);
	say(" calls, ");
	say_dec(ok);
	say(" succeeded, ");
	say_dec(threads_made);
	say(" threads, ");
	say_dec(apc_count());
	say(" APCs\n");
}

int entry(void)
{
	uint16_t len;
	const uint16_t *s = arguments(&len), *end = s + len;
	uint64_t seed = number(&s, end), count = number(&s, end), made = 0, ok = 0;
	int verbose = 0, per_call = 0;

	for (; s < end; s++) {
		verbose |= *s == 'v';
		per_call |= *s == 's';
	}
	row_write_file = call_row("NtWriteFile");
	threads_init();
	setup_output();
	guard_init();
	memory_init();
	rng_seed(seed);
	for (uint64_t i = 0; i < count; i++) {
		struct fuzz_call fc;
		uint32_t status;

		pick(&fc);
		scratch_reset();
		make_args(&fc);
		if (!guard(&fc))
			continue;
		if (verbose)
			show(&fc, i);
		status = raw_ntcall(fc.number, fc.a);
		harvest(&fc, status);
		made++;
		ok += (int32_t)status >= 0;
		if (fc.row >= 0 && fc.row < 1024) {
			made_by_row[fc.row]++;
			ok_by_row[fc.row] += (int32_t)status >= 0;
		}
		if (verbose) {
			say("  = ");
			say_hex(status);
			say("\n");
		}
		if (made % PROGRESS_EVERY == 0)
			summary(seed, made, ok);
	}
	if (per_call)
		stats();
	summary(seed, made, ok);
	return 0;
}
