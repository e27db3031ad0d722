#!/bin/sh
# Fuzzes the PE32+ parser and `lsw info` with libFuzzer for a bounded time.
#
#   fuzz_pe.sh SOURCE_ROOT [SEED_FILE...]
#
# FUZZ_TIME (seconds, default 30) bounds the run; FUZZ_CORPUS names a
# directory to keep the corpus in between runs.  Exits 77 (meson's skip,
# never a pass) when clang is missing, 1 on any crash, leak, timeout or
# sanitizer report; the crashing input is kept in ./fuzz-pe-artifacts/.
set -eu

src=${1:?usage: fuzz_pe.sh SOURCE_ROOT [SEED_FILE...]}
shift
time=${FUZZ_TIME:-30}

if ! command -v clang >/dev/null 2>&1; then
	echo "SKIP: clang not found"
	exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lsw-fuzz-pe.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

clang -g -O1 -std=c11 -D_GNU_SOURCE -Wall -Wextra \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-I"$src/include" -I"$src/src" \
	"$src/fuzz/fuzz_pe.c" "$src/src/loader/pe.c" \
	"$src/src/loader/pe_info.c" -o "$work/fuzz_pe"

# Seeds: the given files, a stripped copy and a truncated copy of each,
# and (with mingw-w64) a DLL with forwarded and ordinal-only exports.
mkdir "$work/seeds"
n=0
for f in "$@"; do
	n=$((n + 1))
	cp "$f" "$work/seeds/seed$n"
	head -c 1024 "$f" >"$work/seeds/seed$n.head"
	if command -v x86_64-w64-mingw32-strip >/dev/null 2>&1; then
		x86_64-w64-mingw32-strip -o "$work/seeds/seed$n.strip" "$f" ||
			true
	fi
done
if command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
	printf 'int f(void) { return 1; }\nint g(void) { return 2; }\n' \
		>"$work/fwd.c"
	printf 'EXPORTS\nf\ng @7 NONAME\nHeap = NTDLL.RtlAllocateHeap\n' \
		>"$work/fwd.def"
	x86_64-w64-mingw32-gcc -shared -s -nostdlib -o "$work/seeds/fwd.dll" \
		"$work/fwd.c" "$work/fwd.def" 2>/dev/null || true
fi

corpus=${FUZZ_CORPUS:-$work/corpus}
mkdir -p "$corpus"
artifacts=$PWD/fuzz-pe-artifacts
mkdir -p "$artifacts"

status=0
"$work/fuzz_pe" -max_total_time="$time" -max_len=65536 -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$artifacts/" "$corpus" "$work/seeds" \
	>"$work/log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
	tail -n 60 "$work/log"
	echo "FAIL: fuzz_pe crashed (exit $status); inputs in $artifacts:" >&2
	ls -l "$artifacts" >&2
	exit 1
fi
grep -E '^(Done|stat::)' "$work/log" || true
rmdir "$artifacts" 2>/dev/null || true
echo "PASS: fuzz_pe ran ${time}s without findings"
