#!/bin/sh
# usage: bench/random.sh [LSW [RANDBENCH.EXE [N]]]
# What a random byte costs: ProcessPrng (the process generator, ChaCha20
# seeded from the kernel) against a supervisor round trip per request
# (IOCTL_KSEC_RNG), and the generator's throughput (fixtures/randbench.c).
# Prints; asserts nothing.
root=$(cd "$(dirname "$0")/.." && pwd)
lsw=${1:-$root/build/cli/lsw} exe=${2:-$root/build/fixtures/randbench.exe} n=${3:-200000}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
"$lsw" run --prefix "$work/prefix" "$exe" "$n" | tr -d '\r'
