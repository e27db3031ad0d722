"""LSW's corpus of real third-party Windows programs: the manifest, the
download cache, the runs under lsw (or Wine) and the missing-imports report.
tools/corpus.py is the command line."""
