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
name=$(basename "$out"); name=${name%.exe}; name=${name%.o}; name=${name%_stubbed}
# NAME is DLL_FILE and DLL may hold underscores (ws2_32): the split whose test exists
dll="" rest=$name
while [ "$rest" != "${rest#*_}" ]; do
	rest=${rest#*_}; dll=${name%_"$rest"}
	[ -f "$WINE/dlls/$dll/tests/$rest.c" ] && break
done
# ucrtbase's tests are built for the UCRT (its three-argument wcstok...),
# as Wine builds them: its headers' _MSVCR_VER 140, not the harness's 0
if [ "$dll" = ucrtbase ]; then
	set -- "${@/#-D_MSVCR_VER=0/-D_MSVCR_VER=140}"
fi
# the harness's own unit keeps the last error across its TLS lookup
# (harness_keep_error.h); the test's units are compiled as they are
case $out in *_testlist.o) exec "$real" -include "$(dirname "$0")/harness_keep_error.h" "$@";; esac
case $out in *.exe) ;; *) exec "$real" "$@";; esac
libs=() extra=()
imports=$(sed -n 's/^IMPORTS *= *//p' "$WINE/dlls/$dll/tests/Makefile.in" 2>/dev/null)
for lib in "$dll" $imports uuid; do
	[ -f "/usr/x86_64-w64-mingw32/lib/lib$lib.a" ] && libs+=("-l$lib")
done
for rc in "$WINE/dlls/$dll/tests/"*.rc; do
	[ -f "$rc" ] || continue
	res="$OUT/obj/${name}_$(basename "$rc" .rc).res.o"
	x86_64-w64-mingw32-windres -I"$WINE/include" -I"$WINE/dlls/$dll/tests" "$rc" "$res" || exit 1
	extra+=("$res")
done
# A helper DLL of the test directory (NAME.c + NAME.spec) is built and
# embedded as resource NAME.dll of type TESTDLL, as Wine's build does.
for spec in "$WINE/dlls/$dll/tests/"*.spec; do
	[ -f "$spec" ] && [ -f "${spec%.spec}.c" ] || continue
	base=$(basename "$spec" .spec) dir="$OUT/obj/${name}_testdll"
	mkdir -p "$dir"
	{ echo EXPORTS; sed -n 's/^@ *[a-z]* *\([A-Za-z_0-9]*\).*/\1/p' "$spec"; } > "$dir/$base.def"
	"$real" -shared -O2 -w -D__WINESRC__ -I"$WINE/dlls/$dll/tests" -I"$OUT/ovl" \
		"${spec%.spec}.c" "$dir/$base.def" -o "$dir/$base.dll" "${libs[@]}" || exit 1
	echo "$base.dll TESTDLL \"$dir/$base.dll\"" > "$dir/$base.rc"
	x86_64-w64-mingw32-windres "$dir/$base.rc" "$dir/$base.res.o" || exit 1
	extra+=("$dir/$base.res.o")
done
# the test's own libraries go before the harness's (-lmsvcrt...): a
# ucrtbase test calls ucrtbase's functions, as Wine links it
args=() placed=0
for a in "$@"; do
	if [ $placed = 0 ] && [ "${a#-l}" != "$a" ]; then args+=("${libs[@]}"); placed=1; fi
	args+=("$a")
done
[ $placed = 1 ] || args+=("${libs[@]}")
exec "$real" "${args[@]}" "${extra[@]}" -Wl,-u,__imp_CharUpperA -Wl,-u,__imp_RegCloseKey
