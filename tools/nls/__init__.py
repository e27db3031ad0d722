"""Generators of the NLS tables in src/win32/nls (tools/gen_nls.py)."""
