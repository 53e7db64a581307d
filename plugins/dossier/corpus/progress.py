"""The progress bar of a long build: articles analysed of the total and the time left (tqdm's estimate),
on standard error when it is a terminal; silent otherwise (logs, CI, tests), and for a handful of
seeds, where it would only flash."""

from __future__ import annotations

import sys

from tqdm import tqdm

MIN_SEEDS = 32  # fewer seeds to analyse than this take seconds: no bar


def analysis_bar(total: int, stream=None):
    """A bar counting analysed articles up to `total`; `.update(n)` as batches finish, used as a context."""
    stream = stream or sys.stderr
    shown = total >= MIN_SEEDS and stream.isatty()
    return tqdm(
        total=total,
        desc="dossier: analysing",
        unit=" articles",
        file=stream,
        disable=not shown,
        dynamic_ncols=True,
        mininterval=0.5,
    )
