"""Reading seeds: any encoding a pasted file comes in, repaired and normalised, or a clear refusal."""

import pytest

from dossier.ingest.read import read_seed

TEXT = "Le ministre a dit « non » à Genève — “pas question”, café 5 €."


@pytest.mark.parametrize(
    "label, data",
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("utf-16 LE with BOM", TEXT.encode("utf-16")),
        ("utf-16 BE with BOM", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("cp1252", TEXT.encode("cp1252")),
    ],
)
def test_encodings_decode_to_the_same_text(label, data):
    seed = read_seed("x.txt", data)
    assert not seed.skip
    assert seed.text.strip() == TEXT


def test_mojibake_is_repaired():
    text = "Genève — the café’s bill was 5 € said Ms. Müller."
    garbled = text.encode("utf-8").decode("cp1252").encode("utf-8")  # UTF-8 read as cp1252, saved again
    assert read_seed("x.txt", garbled).text.strip() == text


def test_latin1_accents_survive():
    text = "Réunion à Genève: l'élève reçoit son diplôme."
    assert read_seed("x.txt", text.encode("latin-1")).text.strip() == text


def test_whitespace_is_normalised_but_words_are_kept():
    seed = read_seed("x.txt", "Title\r\n\r\nOne\u00a0two   three\t four \r\nnext line\u200b".encode())
    assert seed.text == "Title\n\nOne two three four\nnext line\n"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary"),
        (b"%PDF-1.4\n" + bytes([0, 1, 2, 3, 200, 17, 5]) * 500, "binary"),
    ],
)
def test_nothing_to_build_is_skipped_with_a_reason(data, reason):
    seed = read_seed("bad.txt", data)
    assert seed.skip
    assert any(reason in p for p in seed.problems)


def test_nul_bytes_are_removed_and_reported():
    seed = read_seed("x.txt", b"Headline\n\nSome\x00 text here.")
    assert "\x00" not in seed.text and "Some text here." in seed.text
    assert any("NUL" in p for p in seed.problems)


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path):
    seed = read_seed(tmp_path / "missing.txt")
    assert seed.skip and "cannot be read" in seed.problems[0]


def test_a_saved_html_page_becomes_its_text():
    page = (
        "<!DOCTYPE html><html><head><title>T</title><script>var x = '<p>no</p>';</script>"
        "<style>p {color: red}</style></head><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav>"
        "<h1>Floods hit the <em>delta</em></h1><p>Rain fell for <b>three</b> days.<br>Rivers rose.</p>"
        "<p>Officials said &quot;stay home&quot; &amp; wait.</p></body></html>"
    )
    seed = read_seed("page.txt", page.encode())
    assert not seed.skip and any("HTML page" in p for p in seed.problems)
    blocks = seed.text.strip().split("\n\n")
    assert blocks == [
        "Home | World",
        "Floods hit the delta",
        "Rain fell for three days.\nRivers rose.",
        'Officials said "stay home" & wait.',
    ]


def test_text_that_mentions_tags_is_not_an_html_page():
    text = "Headline\n\nThe hacker typed <script>alert(1)</script> and <p> into the form &amp; left.\n"
    seed = read_seed("x.txt", text.encode())
    assert seed.text == text and not seed.problems


def test_the_build_and_dossier_add_agree_on_duplicates(tmp_path):
    """One digest: a re-paste with other line breaks is a duplicate for the build as for `dossier add`."""
    from dossier.add import add_seeds
    from dossier.corpus.cache import NoCache
    from dossier.corpus.pipeline import read_seeds

    story = "Acme Corp said on Monday it would close two plants.\n\nThe plants employ 400 people.\n"
    (tmp_path / "a.txt").write_text(story)
    (tmp_path / "b.txt").write_text(story.replace("\n\n", "\n").replace(" two", "\ntwo"))
    problems = []
    assert [
        s.path for s in read_seeds([str(tmp_path / n) for n in ("a.txt", "b.txt")], NoCache(), problems)
    ] == [str(tmp_path / "a.txt")]
    assert [p.message for p in problems] == ["is a duplicate of a.txt: skipped"]
    refused = add_seeds([("b.txt", (tmp_path / "b.txt").read_bytes())], tmp_path / "seeds-of-a")
    assert refused[0].path is not None  # an empty folder takes it ...
    again = add_seeds([("a.txt", story.encode())], tmp_path / "seeds-of-a")
    assert again[0].path is None and "same text" in again[0].message  # ... and then refuses its re-paste
