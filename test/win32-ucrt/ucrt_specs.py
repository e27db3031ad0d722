#!/usr/bin/env python3
"""Writes a gcc specs file that links mingw-w64 programs with the UCRT
(-lucrt: the api-ms-win-crt-* sets, that is ucrtbase.dll) instead of
msvcrt.dll.  usage: ucrt_specs.py CC OUT"""
import subprocess
import sys

specs = subprocess.run([sys.argv[1], '-dumpspecs'], check=True, capture_output=True,
                       text=True).stdout
if '-lmsvcrt' not in specs:
    sys.exit('ucrt_specs.py: no -lmsvcrt in the specs of ' + sys.argv[1])
with open(sys.argv[2], 'w') as f:
    f.write(specs.replace('-lmsvcrt', '-lucrt'))
