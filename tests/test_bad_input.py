"""Bad seeds never break the build: each is built as well as it can be or skipped, and named."""

import hashlib
import logging
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier_site.build import build

from conftest import ROOT

GOOD = (
    "Farmers protest water quotas in the valley\n\n"
    "FRESNO, August 3, 2022 (Example Wire) -- Hundreds of farmers gathered outside the regional water "
    "board today to protest new quotas, which they said would leave fields dry by the end of the summer.\n\n"
    "The board's chair, Maria Lopez, said the quotas were needed to protect the aquifer and that they "
    "would be reviewed in six months.\n"
)
HOSTILE = (
    "Hackers <script>alert('t')</script> target the {{ SITENAME }} board\n\n"
    "FRESNO, August 4, 2022 -- An e-mail with <img src=x onerror=alert(1)> and "
    '<a href="javascript:alert(2)">a link</a> and [click](javascript:alert(3)) and {% raw %} '
    "and &lt;b&gt; and *stars* reached the board's staff today, officials said in a long statement.\n"
)


def bad_seeds(tmp: Path) -> dict[str, bytes]:
    return {
        "good.txt": GOOD.encode(),
        "empty.txt": b"",
        "blank.txt": b" \n\t \n",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
        "document.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes([0, 7, 1, 200, 3, 9, 0, 5]) * 2000,
        "huge.txt": (GOOD.replace("\n\n", "\n\n") + "\n").encode() * 12_000,  # about 4.5 MB
        "page.txt": b"<!DOCTYPE html><html><head><script>alert(9)</script></head><body><p>"
        + GOOD.replace("valley", "foothills").replace("\n\n", "</p><p>").encode()
        + b"</p></body></html>",
        "cp1252.txt": GOOD.replace("Maria Lopez", "Mar\u00eda L\u00f3pez \u2013 \u201cchair\u201d").encode(
            "cp1252"
        ),
        "utf16.txt": GOOD.replace("valley", "valley again").encode("utf-16"),
        "mojibake.txt": GOOD.replace("Maria", "Mar\u00eda")
        .replace("valley", "hills")
        .encode()
        .decode("cp1252")
        .encode(),
        "controls.txt": GOOD.replace("farmers", "farm\x00ers\x07").replace("valley", "plain").encode(),
        "longline.txt": ("A very long line " + "word " * 200_000).encode(),
        "notitle.txt": b"just some lowercase words without any structure or date at all",
        "duplicate.txt": GOOD.encode(),
        "hostile.txt": HOSTILE.encode(),
        " spaced  name .txt": GOOD.replace("valley", "river").encode(),
        "\u00dcn\u00efc\u00f6d\u00e9 \u043d\u043e\u0432\u043e\u0441\u0442\u044c.txt": GOOD.replace(
            "valley", "delta"
        ).encode(),
        ".hidden.txt": GOOD.replace("valley", "canyon").encode(),
        "..%2F..%2Fetc%2Fpasswd.txt": GOOD.replace("valley", "basin").encode(),
        "-rf.txt": GOOD.replace("valley", "county").encode(),
    }


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    from conftest import Site, build_site

    tmp = tmp_path_factory.mktemp("bad")
    content = tmp / "content"
    (content / "seeds").mkdir(parents=True)
    for name, data in bad_seeds(tmp).items():
        (content / "seeds" / name).write_bytes(data)
    os.symlink(tmp / "nowhere.txt", content / "seeds" / "dangling.txt")
    before = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (content / "seeds").iterdir()
        if p.exists()
    }
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        site = Site(build_site(content, tmp / "output"))
    finally:
        logging.getLogger().removeHandler(handler)
    after = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (content / "seeds").iterdir()
        if p.exists()
    }
    site.seed_hashes = (before, after)
    site.log = [r.getMessage() for r in records]
    return site


PROBLEMS = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "image.txt": "binary",
    "document.txt": "binary",
    "huge.txt": "larger than",
    "page.txt": "HTML page",
    "controls.txt": "NUL",
    "good.txt": "duplicate of duplicate.txt",
    "dangling.txt": "cannot be read",
    "notitle.txt": "no headline was recognised",
}


@pytest.mark.parametrize("name, reason", PROBLEMS.items())
def test_each_bad_seed_is_named_with_its_reason(bad_site, name, reason):
    problems = [p["message"] for p in bad_site.json()["problems"] if Path(p["file"]).name == name]
    assert any(reason in message for message in problems), problems
    assert any(name in line and reason in line and "\n" not in line for line in bad_site.log)
    assert name in bad_site.page("problems/").get_text()


def test_good_and_repaired_seeds_are_built(bad_site):
    articles = {Path(a["source_file"]).name: a for a in bad_site.json()["articles"]}
    for name in [
        "duplicate.txt",
        "huge.txt",
        "page.txt",
        "cp1252.txt",
        "utf16.txt",
        "mojibake.txt",
        "controls.txt",
        "longline.txt",
        "hostile.txt",
        " spaced  name .txt",
        ".hidden.txt",
        "-rf.txt",
        "..%2F..%2Fetc%2Fpasswd.txt",
        "\u00dcn\u00efc\u00f6d\u00e9 \u043d\u043e\u0432\u043e\u0441\u0442\u044c.txt",
    ]:
        assert name in articles, name
        assert (bad_site.output / articles[name]["url"] / "index.html").exists()
    body = " ".join(articles["cp1252.txt"]["body"])
    assert "Mar\u00eda L\u00f3pez \u2013 \u201cchair\u201d" in body
    assert "Mar\u00eda" in " ".join(articles["mojibake.txt"]["body"])
    assert "farmers" in " ".join(articles["controls.txt"]["body"])
    assert not any(
        name in articles for name in ["empty.txt", "blank.txt", "image.txt", "document.txt", "good.txt"]
    )


def test_no_executable_markup_reaches_any_page(bad_site):
    for path in bad_site.output.rglob("*"):
        if path.suffix not in (".html", ".xml", ".json", ".svg") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "alert(" not in text or path.suffix in (".json",) or _only_as_text(text, path), path


def _only_as_text(text: str, path: Path) -> bool:
    """Seed text may say alert(...) but only as text: no script body, handler or javascript: URL has it."""
    if path.suffix == ".xml":
        return "<script" not in text and "onerror=" not in text.replace(
            "onerror=alert", ""
        )  # escaped in XML text
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(True):
        if tag.name == "script" and "alert(" in (tag.string or ""):
            return False
        for attr, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if attr.startswith("on") or value.strip().lower().startswith("javascript:"):
                return False
    return True


def test_jinja_and_entities_show_as_written(bad_site):
    record = next(a for a in bad_site.json()["articles"] if a["source_file"].endswith("hostile.txt"))
    text = bad_site.page(record["url"]).select_one(".body").get_text()
    for literal in [
        "{% raw %}",
        "&lt;b&gt;",
        "*stars*",
        "[click](javascript:alert(3))",
        "<img src=x onerror=alert(1)>",
    ]:
        assert literal in text


def test_seed_files_are_never_modified(bad_site):
    before, after = bad_site.seed_hashes
    assert before == after


def test_a_failed_build_leaves_the_previous_site(tmp_path, monkeypatch):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous site")
    (output / "dossier.json").write_text("{}")  # a site this project built
    settings = tmp_path / "broken.conf.py"
    settings.write_text(
        (ROOT / "pelican.conf.py").read_text().replace('THEME = "theme"', 'THEME = "no-such-theme"')
    )
    monkeypatch.chdir(ROOT)
    assert build(str(settings), str(output), quiet=True) != 0
    assert (output / "index.html").read_text() == "previous site"
    assert not (tmp_path / "output.new").exists()


def test_strict_fails_on_problems_and_keeps_the_previous_site(tmp_path, monkeypatch):
    content = tmp_path / "content"
    (content / "seeds").mkdir(parents=True)
    (content / "seeds" / "good.txt").write_text(GOOD)
    (content / "seeds" / "empty.txt").write_text("")
    settings = tmp_path / "site.conf.py"
    settings.write_text(
        (ROOT / "pelican.conf.py").read_text()
        + f"\nPATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        + f"DOSSIER = {{'registry': None, 'cache': {str(tmp_path / 'cache')!r}}}\n"
    )
    monkeypatch.chdir(tmp_path)
    output = tmp_path / "output"
    assert build(str(settings), str(output), quiet=True) == 0
    assert (output / "index.html").exists()
    (output / "marker").write_text("kept")
    assert build(str(settings), str(output), strict=True, quiet=True) == 1
    assert (output / "marker").exists()
