"""The progress bar of a long build: shown on a terminal, silent in logs and for a few seeds."""

import io

from dossier.corpus.progress import MIN_SEEDS, analysis_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_counts_articles_analysed_of_the_total_on_a_terminal():
    stream = Terminal()
    with analysis_bar(40, stream) as bar:
        for _ in range(40):
            bar.update()
    shown = stream.getvalue()
    assert "dossier: analysing" in shown and "40/40" in shown and "articles" in shown


def test_the_bar_is_silent_when_the_output_is_not_a_terminal_or_the_work_is_short():
    log = io.StringIO()
    with analysis_bar(1000, log) as bar:
        bar.update(1000)
    assert log.getvalue() == ""
    terminal = Terminal()
    with analysis_bar(MIN_SEEDS - 1, terminal) as bar:
        bar.update(MIN_SEEDS - 1)
    assert terminal.getvalue() == ""
