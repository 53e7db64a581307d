"""A small dossier with entities and events, built the way `dossier build` builds it (Pelican, then
the Pagefind index), for the tests of the theme: links, HTML validity and the browser.

The registry names and types the entities, so the page families that need them (graphs, timelines,
filters) always have something to draw.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, Site, build_site

REGISTRY = """\
title: Missile defence and arms control, 2007
summary: >-
  Test dossier <em>about</em> the US missile-defence plans & Russia's answer.
entities:
  - {name: Robert Gates, type: person, aliases: [Gates], description: "U.S. Secretary of Defense <script>alert(1)</script>"}
  - {name: Vladimir Putin, type: person, aliases: [Putin]}
  - {name: Sergei Lavrov, type: person, aliases: [Lavrov]}
  - {name: Condoleezza Rice, type: person, aliases: [Rice]}
  - {name: Anatoly Serdyukov, type: person}
  - {name: Jaap de Hoop Scheffer, type: person, aliases: [de Hoop Scheffer, De Hoop Scheffer]}
  - {name: NATO, type: organisation}
  - {name: Russia, type: country}
  - {name: United States, type: country, aliases: [U.S., US, Washington]}
  - {name: Afghanistan, type: country}
  - {name: Moscow, type: place}
  - {name: CFE Treaty, type: treaty, aliases: [Conventional Armed Forces in Europe (CFE) Treaty, CFE treaty]}
  - {name: START-1, type: treaty}
"""

# The third seed carries markup where names go, to show it never reaches a page unescaped.
EXTRA_SEED = """\
Putin and Gates <b>talk</b> again in Moscow

MOSCOW, October 20, 2007 -- Vladimir Putin met Robert Gates in Moscow on Saturday to talk about the CFE Treaty and NATO.
Putin said Russia would <script>alert('x')</script> answer the plan of the United States in November 2007.
Gates said NATO and the United States expect to sign a new agreement with Russia in 2008.
Lavrov said the CFE Treaty had been suspended by Russia on July 13, 2007, and that START-1 expires in 2012.
"""


def make_content(folder: Path) -> Path:
    (folder / "seeds").mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "content" / "seeds").glob("*.txt")):
        shutil.copy(seed, folder / "seeds" / seed.name)
    (folder / "seeds" / "zz_markup.txt").write_text(EXTRA_SEED, encoding="utf-8")
    (folder / "dossier.yaml").write_text(REGISTRY, encoding="utf-8")
    return folder


def build_theme_site(content: Path, output: Path, **overrides) -> Site:
    """Pelican, whose plugin indexes the site for search (Pagefind), as `dossier build` does."""
    # the further pages of a long entity page too, and a search index in several shards
    overrides.setdefault("DOSSIER", {"mentions_per_page": 1, "search_shard": 15})
    build_site(content, output, **overrides)
    return Site(output)


@pytest.fixture(scope="session")
def theme_content(tmp_path_factory) -> Path:
    return make_content(tmp_path_factory.mktemp("theme-content"))


@pytest.fixture(scope="session")
def theme_site(theme_content, tmp_path_factory) -> Site:
    """Relative URLs, as `make html` builds without SITEURL."""
    return build_theme_site(theme_content, tmp_path_factory.mktemp("theme") / "output")


SUBPATH = "/dossier"


@pytest.fixture(scope="session")
def subpath_site(theme_content, tmp_path_factory) -> Site:
    """Absolute URLs under a sub-path, as a host serving the site at /dossier/ would need."""
    return build_theme_site(
        theme_content,
        tmp_path_factory.mktemp("theme-subpath") / "output",
        SITEURL=SUBPATH,
        RELATIVE_URLS=False,
    )


PUBLIC_URL = "https://example.org/dossier"


@pytest.fixture(scope="session")
def absolute_site(theme_content, tmp_path_factory) -> Site:
    """publishconf.py with SITEURL in the environment, as `SITEURL=https://example.org/dossier make publish`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITEURL", PUBLIC_URL)
        return build_theme_site(
            theme_content,
            tmp_path_factory.mktemp("theme-absolute") / "output",
            settings_file=ROOT / "publishconf.py",
        )
