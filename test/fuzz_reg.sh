#!/bin/sh
# Fuzzes the .reg importer and exporter, then the hive journal's decoder,
# with libFuzzer for a bounded time.
#
#   fuzz_reg.sh SOURCE_ROOT
#
# FUZZ_TIME (seconds, default 30) bounds the run; FUZZ_CORPUS names a
# directory to keep the corpus in between runs.  Exits 77 (meson's skip,
# never a pass) when clang is missing, 1 on any crash, leak, timeout,
# sanitizer report or round-trip mismatch; the input is kept in
# ./fuzz-reg-artifacts/.
set -eu

src=${1:?usage: fuzz_reg.sh SOURCE_ROOT}
time=${FUZZ_TIME:-30}

if ! command -v clang >/dev/null 2>&1; then
	echo "SKIP: clang not found"
	exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lsw-fuzz-reg.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

e=$src/src/emul
r=$e/registry
for harness in fuzz_reg fuzz_reg_journal; do
	clang -g -O1 -std=c11 -D_GNU_SOURCE -Wall -Wextra \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-I"$src/include" -I"$src/src" \
		"$src/fuzz/$harness.c" "$r/reg_store.c" "$r/reg_journal.c" "$r/reg_utf.c" \
		"$r/reg_text.c" "$r/reg_hive.c" "$r/reg_hive_flush.c" "$r/reg_hive_merge.c" \
		"$r/reg_journal_file.c" "$r/reg_link.c" "$e/upcase.c" -o "$work/$harness"
done

# Seeds: each syntax the importer knows, in UTF-8 and in UTF-16LE.
mkdir "$work/seeds"
printf 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\a\\b]\r\n@="x"\r\n"n\\"q"="v\\\\w"\r\n"d"=dword:0000002a\r\n"h"=hex:01,02,\\\r\n  03\r\n"e"=hex(2):25,00,00,00\r\n"m"=hex(7):61,00,00,00,00,00\r\n"q"=hex(b):01,00,00,00,00,00,00,00\r\n"z"=hex(0):\r\n"t"=hex(1234):ff\r\n\r\n[-HKCU\\a\\b]\r\n\r\n[HKCU\\c]\r\n"gone"=-\r\n; comment\r\n' \
	> "$work/seeds/v5.reg"
printf 'REGEDIT4\n\n[HKCU\\x]\n"s"="text"\n"e"=hex(2):41,42,00\n' > "$work/seeds/v4.reg"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE < "$work/seeds/v5.reg"; } > "$work/seeds/v5-utf16.reg"

corpus=${FUZZ_CORPUS:-$work/corpus}
mkdir -p "$corpus"
artifacts=$PWD/fuzz-reg-artifacts
mkdir -p "$artifacts"

# run_fuzzer NAME SECONDS MAX_LEN CORPUS SEEDS: fails the script on a finding.
run_fuzzer() {
	status=0
	"$work/$1" -max_total_time="$2" -max_len="$3" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$artifacts/" "$4" "$5" \
		>"$work/$1.log" 2>&1 || status=$?
	if [ "$status" -ne 0 ]; then
		tail -n 60 "$work/$1.log"
		echo "FAIL: $1 crashed (exit $status); inputs in $artifacts:" >&2
		ls -l "$artifacts" >&2
		exit 1
	fi
	grep -E '^(Done|stat::)' "$work/$1.log" || true
}

run_fuzzer fuzz_reg "$time" 16384 "$corpus" "$work/seeds"

# The journal decoder: half the time, from a seed record (one REG_SZ set,
# wrapped in a frame by the harness) and an empty input.
mkdir "$work/jseeds" "$work/jcorpus"
printf '\000\002\000\000\000\001\000\000\000\002\000\000\000\001\000\000\000\004\000\000\000\001\000k\000v\000x\000\000\000' \
	> "$work/jseeds/set"
: > "$work/jseeds/empty"
run_fuzzer fuzz_reg_journal "$((time / 2 + 1))" 4096 "$work/jcorpus" "$work/jseeds"
rmdir "$artifacts" 2>/dev/null || true
echo "PASS: fuzz_reg ran ${time}s, fuzz_reg_journal $((time / 2 + 1))s without findings"
