"""Helpers for the Windows DLL tools: spec files, import libraries, prototypes."""
