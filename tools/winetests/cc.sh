#!/bin/bash
# The compiler the shared harness (../shared/winetests/build.sh) calls, through
# which a test program is linked the way Wine links its own test of DLL D:
# with D's import library and the IMPORTS its tests/Makefile.in names, with
# the test directory's resources (version/info, kernel32/loader and others
# look themselves up), and importing user32 and advapi32 whether or not it
# calls them (tests assume both are loaded); GUIDs come from libuuid.
# build.sh exports WINE (the source tree) and OUT (its output directory).
set -u
real=${LSW_WINETESTS_CC:-x86_64-w64-mingw32-gcc}
out="" prev=""
for a in "$@"; do [ "$prev" = -o ] && out=$a; prev=$a; done
case $out in *.exe) ;; *) exec "$real" "$@";; esac
name=$(basename "$out" .exe); name=${name%_stubbed}
# NAME is DLL_FILE and DLL may hold underscores (ws2_32): the split whose test exists
dll="" rest=$name
while [ "$rest" != "${rest#*_}" ]; do
	rest=${rest#*_}; dll=${name%_"$rest"}
	[ -f "$WINE/dlls/$dll/tests/$rest.c" ] && break
done
extra=()
imports=$(sed -n 's/^IMPORTS *= *//p' "$WINE/dlls/$dll/tests/Makefile.in" 2>/dev/null)
for lib in "$dll" $imports uuid; do
	[ -f "/usr/x86_64-w64-mingw32/lib/lib$lib.a" ] && extra+=("-l$lib")
done
for rc in "$WINE/dlls/$dll/tests/"*.rc; do
	[ -f "$rc" ] || continue
	res="$OUT/obj/${name}_$(basename "$rc" .rc).res.o"
	x86_64-w64-mingw32-windres -I"$WINE/include" -I"$WINE/dlls/$dll/tests" "$rc" "$res" || exit 1
	extra+=("$res")
done
exec "$real" "$@" "${extra[@]}" -Wl,-u,__imp_CharUpperA -Wl,-u,__imp_RegCloseKey
