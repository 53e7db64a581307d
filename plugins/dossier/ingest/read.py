"""Read a seed file into clean text, whatever encoding it was pasted in.

charset-normalizer detects the encoding and ftfy repairs mojibake (UTF-8 read as cp1252 and the
like): both are well-kept libraries, so no hand-written code-page tables live here.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import ftfy
from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

from .. import lexicon
from ..model import SeedText

MAX_BYTES = 1_000_000  # larger files are cut here: a pasted article is a few kilobytes
BOMS = {b"\xef\xbb\xbf": "utf-8-sig", b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16"}
# Control and invisible characters removed from every text: C0 and C1 controls, zero-width space, marks and
# separators, the byte-order mark, and the bidirectional embeddings, overrides and isolates (U+202A-202E,
# U+2066-2069) that make "\u202egnp.exe" display as "exe.png"; a right-to-left script needs none of them.
CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
# Of those, the ones named on /problems/ when removed: C0 controls other than NUL (named apart) and line
# ends, and the direction overrides. Zero-width spaces and marks come with pasted web text and change
# nothing seen; C1 controls are mostly mojibake, which ftfy repairs before they would be removed.
UNSEEN = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
CDATA = re.compile(r"<!\[CDATA\[|\]\]>")  # the wrapper of a feed's or page's text: markup, not words
SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# A whole saved web page, not text that merely mentions tags: a doctype or <html> first, or a <body>.
HTML_PAGE = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])|<body[\s>].*</body\s*>", re.I | re.S
)


class UnreadableSeed(Exception):
    """Why a seed file was not opened; str() is the message for the build log and /problems/."""


KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def read_bytes(path: str | Path, folders: tuple[str | Path, ...] = ()) -> bytes:
    """The first MAX_BYTES + 1 bytes of a seed file, or UnreadableSeed saying why not.

    Only a regular file is opened, never through a symbolic link (a link may lead anywhere: /etc/passwd,
    /proc/self/environ) and never a FIFO or device (reading one blocks forever). With `folders`, the
    file must also lie inside one of them once every link on the way is resolved.
    """
    path = os.fspath(path)
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            raise UnreadableSeed(
                "cannot be read: it is a symbolic link (seeds are read only from regular "
                "files inside the seeds folder)"
            )
        _check_kind(info)
        if folders and not _inside(path, folders):
            raise UnreadableSeed("cannot be read: it is outside the seeds folder")
        # O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a FIFO since lstat() is refused, not waited
        # on.
        fd = os.open(
            path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
        )
    except OSError as error:
        raise UnreadableSeed(f"cannot be read: {error.strerror or error}") from None
    with os.fdopen(fd, "rb") as handle:
        _check_kind(os.fstat(fd))
        return handle.read(MAX_BYTES + 1)


def _check_kind(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in KINDS if test(info.st_mode)), "not a regular file")
        raise UnreadableSeed(f"cannot be read: it is {kind}, not a regular file")


def _inside(path: str, folders: tuple[str | Path, ...]) -> bool:
    real = os.path.realpath(path)
    return any(os.path.commonpath([real, root]) == root for root in map(os.path.realpath, folders))


def display_path(path: str) -> str:
    """A file name as it can be printed and published: bytes that are not UTF-8 become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_seed(path: str | Path, data: bytes | None = None) -> SeedText:
    """Decode a seed; `skip` is set when there is nothing to build (empty, binary, unreadable)."""
    path = str(path)
    if data is None:
        try:
            data = read_bytes(path)
        except UnreadableSeed as error:
            return SeedText(path, "", problems=[str(error)], skip=True)
    problems = []
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
        problems.append(f"larger than {MAX_BYTES // 1_000_000} MB: only the first part was read")
    if not data.strip():
        return SeedText(path, "", problems=["is empty"], skip=True)
    decoded = decode(data)
    encoding, text = decoded.encoding, decoded.text
    if text is None:
        return SeedText(path, "", problems=["is binary, not text (an image, PDF or archive?)"], skip=True)
    if decoded.replaced:
        problems.append(
            f"has {decoded.replaced} character(s) that are not valid {encoding} (such as a lone surrogate): "
            "each was replaced by U+FFFD"
        )
    if "\x00" in text:
        problems.append("contains NUL bytes (removed)")
    if controls := len(UNSEEN.findall(text)):
        problems.append(
            f"contains {controls} control or text-direction character(s), such as U+202E (removed: "
            "they hide or reverse what a reader sees)"
        )
    if CDATA.search(text):
        text = CDATA.sub("", text)
        problems.append("contains XML CDATA markers (<![CDATA[ and ]]>): removed, their text kept")
    if HTML_PAGE.search(text[:200_000]):
        text = html_to_text(text)
        problems.append("is an HTML page, not text: converted to its text")
    text = normalise(text)
    if not text.strip():
        return SeedText(path, "", encoding, problems + ["has no text"], skip=True)
    return SeedText(path, text, encoding, problems)


@dataclass(frozen=True)
class Decoded:
    encoding: str  # "binary" when the bytes are not text
    text: str | None  # None when binary
    replaced: int = 0  # characters that were not valid in the encoding, now U+FFFD


def decode(data: bytes) -> Decoded:
    """The text of bytes in any encoding (None when they are binary)."""
    for bom, encoding in BOMS.items():
        if data.startswith(bom):
            return _lenient(data, encoding)
    try:
        return Decoded("utf-8", data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        return Decoded("binary", None)
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        utf16 = _utf16_without_bom(data)  # charset-normalizer gives up on one invalid character in it
        return _lenient(data, utf16) if utf16 else Decoded("binary", None)
    # Short texts fit several code pages equally well: prefer cp1252, the web's legacy default
    # (browsers read latin-1 as cp1252 too), when it ties with the best guess.
    for match in matches:
        if match.encoding == "cp1252" and (match.chaos, match.coherence) == (best.chaos, best.coherence):
            return Decoded(match.encoding, str(match))
    return Decoded(best.encoding, str(best))


def _lenient(data: bytes, encoding: str) -> Decoded:
    """Bytes in a known encoding, the characters invalid in it (a lone surrogate) replaced and counted."""
    try:
        return Decoded(encoding, data.decode(encoding))
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        return Decoded(
            encoding, text, text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
        )


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when every other byte is mostly NUL (Latin text in UTF-16), else None."""
    sample = data[:4096]
    half = len(sample) / 2
    if sample[1::2].count(0) > half * 0.6:
        return "utf-16-le"
    if sample[0::2].count(0) > half * 0.6:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    """Many NULs or other C0 controls outside UTF-16 text mean a binary file."""
    sample = data[:4096]
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if even_nuls > len(sample) / 4 or odd_nuls > len(sample) / 4:
        return False  # UTF-16 without a BOM: charset-normalizer will decode it
    return controls > len(sample) / 20


def html_to_text(html: str) -> str:
    """The visible text of a page, one block per paragraph (BeautifulSoup does the parsing)."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "noscript", "template", "svg", "head"]):
        hidden.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(sorted(lexicon.words("html_block_tags"))):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    text = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", "\n", soup.get_text())
    return re.sub(r"\n{3,}", "\n\n", text)


def normalise(text: str) -> str:
    """Repair mojibake, unify newlines and spaces; keep every word as written."""
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_character_width=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip() + "\n"


def text_digest(text: str) -> str:
    """What makes two seeds exact duplicates: the same words, however spaces and line breaks fall."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
