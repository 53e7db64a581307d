"""Corpus: the pipeline over all seeds, its per-seed cache and the history of builds."""
