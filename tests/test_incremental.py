"""Regeneration: the per-seed cache, adding seeds, and byte-identical rebuilds."""
import filecmp
import shutil

from conftest import ROOT, Site, build_site
from dossier.add import add_seeds
from dossier.cache import Cache
from dossier.contract import to_json
from dossier.pipeline import build_dossier

STORY = ("{title}\n\nHome | World | Business\n\n"
         "{place}, March {day}, 2021 -- {who} met officials in {place} today to discuss the water accord, "
         "the ministry said in a statement released after the talks had ended.\n\n"
         "The accord, signed in 1999, expires next year, and both sides said they would meet again in June.\n\n"
         "Copyright 2021 Example Wire. All rights reserved.\n")


def story(n: int) -> str:
    return STORY.format(title=f"Ministers discuss water accord, round {n}", place="Khartoum", day=n, who="Minister Ali Hassan")


def write_seeds(folder, count):
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        (folder / f"{n:03}.txt").write_text(story(n), encoding="utf-8")


def test_rebuild_after_one_new_seed_redoes_only_that_seed(tmp_path):
    seeds = tmp_path / "seeds"
    write_seeds(seeds, 3)
    first = Cache(tmp_path / "cache")
    build_dossier(sorted(seeds.glob("*.txt")), cache=first)
    assert first.hits == 0 and first.misses == 6  # read + analysis for each seed

    (seeds / "004.txt").write_text(story(4), encoding="utf-8")
    second = Cache(tmp_path / "cache")
    dossier = build_dossier(sorted(seeds.glob("*.txt")), cache=second)
    assert second.misses == 2 and second.hits == 6
    assert len(dossier.articles) == 4


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
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:10])  # as if the build had crashed mid-write
    cache = Cache(tmp_path / "cache")
    dossier = build_dossier(sorted(seeds.glob("*.txt")), cache=cache)
    assert cache.hits == 0 and len(dossier.articles) == 2
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_site_rebuild_shows_a_new_seed(tmp_path):
    content = tmp_path / "content"
    write_seeds(content / "seeds", 2)
    build_site(content, tmp_path / "out1")
    added = add_seeds([("new.txt", story(9).replace("water accord", "river treaty").encode())], content / "seeds")
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
