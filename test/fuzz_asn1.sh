#!/bin/sh
# Fuzzes crypt32's DER decoder (fixtures/asn1fuzz.c: mutated certificate
# values decoded as every structure type, sized then filled, encoded
# again) under lsw for a bounded time.
#
#   fuzz_asn1.sh LSW ASN1FUZZ_EXE
#
# FUZZ_TIME (seconds, default 30) bounds the run; FUZZ_SEED picks the
# random sequence (default: a new one each run, printed).  Exits 1 on a
# crash (the input is printed), a size mismatch or a write past the size.
set -eu

lsw=${1:?usage: fuzz_asn1.sh LSW ASN1FUZZ_EXE}
exe=${2:?usage: fuzz_asn1.sh LSW ASN1FUZZ_EXE}
time=${FUZZ_TIME:-30}
seed=${FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}

echo "fuzz-asn1: seed $seed, $time s"
out=$("$lsw" run --timeout $((time + 60)) -- "$exe" "$time" "$seed") || {
	status=$?
	printf '%s\n' "$out" | grep -v '^$' | tail -5
	echo "FAILED: asn1fuzz exited $status (rerun with FUZZ_SEED=$seed)"
	exit 1
}
printf '%s\n' "$out" | tail -3
printf '%s\n' "$out" | grep -q '^asn1fuzz: .* 0 mismatches'
