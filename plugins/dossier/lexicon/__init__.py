"""The lexicon: every list of words the stages use, as data files in this folder, loaded once.

One concept a file, as jusText ships its stoplists and spaCy its `lang/en/` data: a linguist can edit
them without reading Python. Each file opens with `#` lines saying what the list is for and where its
words come from; the loader refuses a file without them. Formats:

- `NAME.txt`, words: whitespace-separated words, several to a line (`words("function_words")`);
- `NAME.txt` with `[section]` lines: words per section (`sections("roles")`);
- `NAME.txt` of verbs: one verb a line, its lemma then its forms (`lemmas("speech_verbs")`,
  `forms("speech_verbs")`);
- `NAME.tsv` or a list of phrases: one entry a line (`lines("treaties.tsv")`, `phrases("...")`).

Words are kept as written (lower case unless the concept is about capitals). Use the loader's result
where the concept is needed; never copy a list into code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


class LexiconError(ValueError):
    """A lexicon file that is missing or has no header saying what it is for."""


@cache
def _text(name: str) -> str:
    file = resources.files(__name__).joinpath(name if "." in name else f"{name}.txt")
    if not file.is_file():
        raise LexiconError(f"lexicon: no file {file.name} in plugins/dossier/lexicon/")
    text = file.read_text(encoding="utf-8")
    if not text.startswith("#"):
        raise LexiconError(f"lexicon/{file.name}: the file must open with '#' lines saying what it is for")
    return text


@cache
def lines(name: str) -> tuple[str, ...]:
    """The file's entries, one a line, without its header, comments and blank lines."""
    return tuple(
        line for line in _text(name).splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def words(name: str) -> frozenset[str]:
    """Every word of the file (a word list: whitespace-separated words, several to a line; of a file with
    sections, the words of them all)."""
    return frozenset(word for line in lines(name) if not _is_section(line) for word in line.split())


@cache
def lemmas(name: str, section: str | None = None) -> frozenset[str]:
    """The first word of each line (of one `[section]`, or all): a verb's lemma, as the parse gives it."""
    return frozenset(line.split()[0] for line in _entries(name, section))


@cache
def forms(name: str, section: str | None = None) -> frozenset[str]:
    """The words after the first on each line (of one `[section]`, or all): a verb's forms as they stand
    in the text ("said")."""
    return frozenset(word for line in _entries(name, section) for word in line.split()[1:])


def _entries(name: str, section: str | None) -> list[str]:
    """The file's lines but section lines: every one, or those under `[section]`."""
    found, current, seen = [], None, set()
    for line in lines(name):
        if _is_section(line):
            current = line.strip()[1:-1]
            seen.add(current)
        elif section is None or current == section:
            found.append(line)
    if section is not None and section not in seen:
        raise LexiconError(f"lexicon/{name}: no [{section}] section")
    return found


@cache
def phrases(name: str) -> tuple[str, ...]:
    """One phrase a line, in the file's order (a list of multi-word entries)."""
    return tuple(line.strip() for line in lines(name))


@cache
def sections(name: str) -> dict[str, frozenset[str]]:
    """Words under each `[section]` line of the file."""
    found: dict[str, set[str]] = {}
    current = None
    for line in lines(name):
        stripped = line.strip()
        if _is_section(stripped):
            current = found.setdefault(stripped[1:-1], set())
        elif current is None:
            raise LexiconError(f"lexicon/{name}: words before the first [section] line")
        else:
            current.update(stripped.split())
    return {key: frozenset(value) for key, value in found.items()}


def _is_section(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("[") and stripped.endswith("]")
