"""Regeneration: the per-seed cache, adding seeds, and byte-identical rebuilds."""

import filecmp
import gc
import hashlib
import json
import os
import shutil
from pathlib import Path

from pelican.log import LimitFilter

from dossier.add import add_seeds
from dossier.corpus import pipeline
from dossier.corpus.cache import Cache
from dossier.corpus.pipeline import build_dossier
from dossier.publish.contract import to_json
from dossier.registry import Registry
from dossier_site.build import build
from dossier_site.writer import MANIFEST

from conftest import ROOT, Site, build_site

STORY = (
    "{title}\n\nHome | World | Business\n\n"
    "{place}, March {day}, 2021 -- {who} met officials in {place} today to discuss the water accord, "
    "the ministry said in a statement released after the talks had ended.\n\n"
    "The accord, signed in 1999, expires next year, and both sides said they would meet again in June.\n\n"
    "Copyright 2021 Example Wire. All rights reserved.\n"
)


def story(n: int) -> str:
    return STORY.format(
        title=f"Ministers discuss water accord, round {n}", place="Khartoum", day=n, who="Minister Ali Hassan"
    )


def write_seeds(folder, count):
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        (folder / f"{n:03}.txt").write_text(story(n), encoding="utf-8")


def test_rebuild_after_one_new_seed_redoes_only_that_seed(tmp_path, monkeypatch):
    analysed = []
    monkeypatch.setattr(
        pipeline,
        "analyse_batch",
        lambda jobs, real=pipeline.analyse_batch: (analysed.extend(j.seed.path for j in jobs), real(jobs))[1],
    )
    seeds = tmp_path / "seeds"
    write_seeds(seeds, 3)
    build_dossier(sorted(seeds.glob("*.txt")), cache=Cache(tmp_path / "cache"))
    assert len(analysed) == 3

    (seeds / "004.txt").write_text(story(4), encoding="utf-8")
    analysed.clear()
    dossier = build_dossier(sorted(seeds.glob("*.txt")), cache=Cache(tmp_path / "cache"))
    assert analysed == [str(seeds / "004.txt")]
    assert len(dossier.articles) == 4
    assert [p.name for p in (tmp_path / "cache").glob("*.msgpack")] == ["corpus.msgpack"]  # the latest only
    assert gc.isenabled()  # paused while the cache is read and the corpus steps run, on again after


def test_a_rebuild_with_nothing_changed_reuses_the_corpus_steps_as_they_were(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    write_seeds(seeds, 3)
    (seeds / "004.txt").write_text(OTHER, encoding="utf-8")
    (seeds / "005.txt").write_text(story(1).replace("Khartoum", "Juba"), encoding="utf-8")  # 001's headline
    registry = Registry(path="dossier.yaml", hide_topics=["no such topic"])  # a problem the corpus steps find
    computed = build_dossier(sorted(seeds.glob("*.txt")), registry, cache=Cache(tmp_path / "cache"))
    assert computed.entities and computed.events and computed.problems
    assert len({a.id for a in computed.articles}) == 5
    monkeypatch.setattr(pipeline, "corpus_steps", None)  # must not run
    cache = Cache(tmp_path / "cache")
    reused = build_dossier(sorted(seeds.glob("*.txt")), registry, cache=cache)
    assert cache.misses == 0 and reused == computed
    monkeypatch.undo()
    seeds_read = pipeline.read_seeds(sorted(map(str, seeds.glob("*.txt"))), cache, [])
    lost = pipeline.seed_entries(seeds_read, registry)[1].key
    cache._path(lost).unlink()  # one seed's work lost: it is analysed again, and the result is the same
    assert build_dossier(sorted(seeds.glob("*.txt")), registry, cache=Cache(tmp_path / "cache")) == computed
    cache = Cache(tmp_path / "cache")
    edited = build_dossier(sorted(seeds.glob("*.txt")), Registry(path="dossier.yaml"), cache=cache)
    assert cache.misses == 1 and edited.problems != computed.problems  # a registry edit runs them again


def test_cached_and_fresh_builds_agree(tmp_path):
    seeds = tmp_path / "seeds"
    write_seeds(seeds, 3)
    fresh = build_dossier(sorted(seeds.glob("*.txt")))
    build_dossier(sorted(seeds.glob("*.txt")), cache=Cache(tmp_path / "cache"))
    cached = build_dossier(sorted(seeds.glob("*.txt")), cache=Cache(tmp_path / "cache"))
    assert to_json(fresh) == to_json(cached)


def test_a_corrupt_cache_entry_is_recomputed(tmp_path):
    seeds = tmp_path / "seeds"
    write_seeds(seeds, 2)
    build_dossier(sorted(seeds.glob("*.txt")), cache=Cache(tmp_path / "cache"))
    for entry in (tmp_path / "cache").rglob("*.msgpack"):
        entry.write_bytes(entry.read_bytes()[:10])  # as if the build had crashed mid-write
    cache = Cache(tmp_path / "cache")
    dossier = build_dossier(sorted(seeds.glob("*.txt")), cache=cache)
    assert cache.hits == 0 and len(dossier.articles) == 2
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_site_rebuild_shows_a_new_seed(tmp_path):
    content = tmp_path / "content"
    write_seeds(content / "seeds", 2)
    build_site(content, tmp_path / "out1")
    added = add_seeds(
        [("new.txt", story(9).replace("water accord", "river treaty").encode())], content / "seeds"
    )
    assert added[0].path is not None and added[0].path.name.endswith(".txt")
    site = Site(build_site(content, tmp_path / "out2"))
    titles = {a["title"] for a in site.json()["articles"]}
    assert "Ministers discuss river treaty, round 9" in titles
    new = next(a for a in site.json()["articles"] if a["title"].endswith("round 9"))
    assert "river treaty" in site.page(new["url"]).select_one(".body").get_text()
    assert len(site.json()["articles"]) == 3


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "seeds", content / "seeds")
    write_seeds(content / "seeds", 2)
    one = build_site(content, tmp_path / "a")
    shutil.rmtree(tmp_path / "cache")  # the second build computes everything again
    two = build_site(content, tmp_path / "b")
    compare = filecmp.dircmp(one, two)
    assert _all_same(compare), "outputs differ"


def _all_same(compare: filecmp.dircmp) -> bool:
    _, mismatch, errors = filecmp.cmpfiles(compare.left, compare.right, compare.common_files, shallow=False)
    if compare.left_only or compare.right_only or mismatch or errors:
        print(compare.left_only, compare.right_only, mismatch, errors)
        return False
    return all(_all_same(sub) for sub in compare.subdirs.values())


def test_add_refuses_exact_duplicates_and_reports_near_ones(tmp_path):
    folder = tmp_path / "seeds"
    first = add_seeds([("a.txt", story(1).encode())], folder)
    assert first[0].path.exists()
    again = add_seeds([("b.txt", ("  " + story(1).replace("\n", "\r\n")).encode("utf-16"))], folder)
    assert again[0].path is None and "same text" in again[0].message
    near = add_seeds([("c.txt", ("Other Outlet | Menu\n\n" + story(1)).encode())], folder)
    assert near[0].path is not None and "near-duplicate" in near[0].message
    empty = add_seeds([("d.txt", b"")], folder)
    assert empty[0].path is None and "empty" in empty[0].message
    assert len(list(folder.glob("*.txt"))) == 2


OTHER = (
    "Envoys agree on grain corridor\n\nNews | Sport\n\n"
    "ODESSA, May 4, 2022 -- Envoy Maria Lopez met Turkish officials in Istanbul on Tuesday to discuss the "
    "grain corridor, the foreign ministry said after the talks.\n\n"
    "The corridor opened in 2021 and will be reviewed in September, Lopez told reporters in Ankara.\n"
)


def build_with(content: Path, output: Path, cache: Path) -> Path:
    """`dossier build` (staging, hard links, swap, Pagefind) of `content` into `output`."""
    settings = output.parent / f"{output.name}.conf.py"
    settings.write_text(
        f"exec(open({str(ROOT / 'pelican.conf.py')!r}).read())\n"
        f"PATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"DOSSIER = {{'registry': {str(content / 'dossier.yaml')!r}, 'cache': {str(cache)!r}, "
        "'timeline_per_page': 2, 'mentions_per_page': 2, 'search_shard': 3}\n",
        encoding="utf-8",
    )  # long pages continue, the search index is in shards
    LimitFilter._raised_messages.clear()
    assert build(str(settings), str(output), quiet=True) == 0
    return output


def snapshot(site: Path, into: Path) -> dict[Path, str]:
    """Hard links to every file of the site, and their content's hash: the previous site as it was."""
    hashes = {}
    for path in site.rglob("*"):
        if path.is_file():
            link = into / path.relative_to(site)
            link.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, link)
            hashes[link] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def test_an_incremental_site_is_byte_identical_to_a_full_build(tmp_path):
    content = tmp_path / "content"
    seeds = content / "seeds"
    shutil.copytree(ROOT / "content" / "seeds", seeds)
    write_seeds(seeds, 3)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_with(content, site, cache)
    changes = [
        ("nothing", lambda: None),  # the corpus steps' result is reused from the cache
        ("a new seed", lambda: (seeds / "grain.txt").write_text(OTHER, encoding="utf-8")),
        (
            "a changed seed",
            lambda: (seeds / "002.txt").write_text(
                story(2).replace("Minister Ali Hassan", "Envoy Maria Lopez"), encoding="utf-8"
            ),
        ),
        ("a removed seed", lambda: (seeds / "003.txt").unlink()),
        (
            "an edited registry",
            lambda: (content / "dossier.yaml").write_text(
                "title: Water and grain\nentities:\n  - name: Maria Lopez\n    type: person\n"
                "    description: A special envoy.\n    aliases: [Lopez]\nignore: [Example Wire]\n",
                encoding="utf-8",
            ),
        ),
    ]
    for step, (what, change) in enumerate(changes):
        before = snapshot(site, tmp_path / f"before-{step}")
        change()
        build_with(content, site, cache)
        full = build_with(content, tmp_path / f"full-{step}", tmp_path / f"cache-{step}")
        # /updates/ and its feed differ by design: they tell what changed since the previous build
        assert _all_same(
            filecmp.dircmp(site, full, ignore=["pagefind", "updates", "updates.atom.xml", MANIFEST])
        ), f"after {what}"
        assert drawn_from(site) == drawn_from(full), f"after {what}"
        for path, digest in before.items():  # the previous site was never written into
            assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, (what, path)
    assert not (site / "articles" / "003").exists()


def drawn_from(site: Path) -> dict:
    """The manifest's digest of each page's inputs, but /updates/'s (drawn from the build's history)."""
    pages = json.loads((site / MANIFEST).read_text(encoding="utf-8"))["pages"]
    return {
        name: key for name, key in pages.items() if not name.startswith("updates/") and "updates." not in name
    }


def test_search_shards_are_indexed_again_only_when_their_records_change(tmp_path):
    from dossier_site import search

    content = tmp_path / "content"
    write_seeds(content / "seeds", 6)
    site = build_with(content, tmp_path / "site", tmp_path / "cache")
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    records = len(data["articles"]) + len(data["entities"])
    bundles = search.bundles(records, 3)
    assert len(bundles) >= 3

    def entries():
        return {b: (site / b / "pagefind-entry.json").stat().st_ino for b in bundles}

    def pages(bundle):
        entry = json.loads((site / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(language["page_count"] for language in entry["languages"].values())

    assert sum(pages(b) for b in bundles) == records  # every article and entity, each in one shard
    script = str(Site(site).page("search/").find_all("script")[-1])
    assert all(f'root + "{b}"' in script for b in bundles[1:]) and 'root + "pagefind/"' not in script
    before = entries()
    seed = content / "seeds" / "002.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("again in June.", "again in June, officials said."),
        encoding="utf-8",
    )
    build_with(content, site, tmp_path / "cache")
    changed = [b for b, inode in entries().items() if before[b] != inode]
    assert len(changed) == 1 and sum(pages(b) for b in bundles) == records
