#!/usr/bin/env bash
# Installs the build and test dependencies on Debian 12 (needs root or sudo).
set -euo pipefail
pkgs=(meson ninja-build pkg-config gcc gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64
      libseccomp-dev libcap-dev libunwind-dev check python3 clang strace lld llvm)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
