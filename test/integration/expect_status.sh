#!/bin/sh
# usage: expect_status.sh STATUS COMMAND [ARGS...]: COMMAND must exit with
# STATUS and print something on stderr (a clear error, not silence).
want=$1; shift
err=$("$@" 2>&1 >/dev/null); got=$?
echo "$ $*"; echo "stderr: $err"; echo "exit: $got"
[ "$got" = "$want" ] || { echo "FAIL: exit $got, expected $want"; exit 1; }
[ -n "$err" ] || { echo "FAIL: no error message"; exit 1; }
