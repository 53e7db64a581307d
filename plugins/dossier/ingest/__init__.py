"""Ingest: a seed file in, an `Article` of kept and removed blocks out (read, clean, masthead)."""
