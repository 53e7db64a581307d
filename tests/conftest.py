"""Shared fixtures: a real site build in a temporary folder, and its parsed pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# The built example sites (theme_content, theme_site, subpath_site, absolute_site), shared by the
# link, browser and publishing tests.
pytest_plugins = ["theme_site"]


def build_site(
    content: Path, output: Path, settings_file: Path = ROOT / "pelican.conf.py", **overrides
) -> Path:
    """Build `content` (seeds/ + dossier.yaml) with the project's pelican.conf.py (or another of its
    settings files, such as publishconf.py) into `output`."""
    from pelican import Pelican
    from pelican.log import LimitFilter
    from pelican.settings import read_settings

    settings = read_settings(
        str(settings_file),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            **overrides,
            "DOSSIER": {
                "registry": str(content / "dossier.yaml"),
                "cache": str(output.parent / "cache"),
                **overrides.get("DOSSIER", {}),
            },
        },
    )
    LimitFilter._raised_messages.clear()  # Pelican logs a message once per process; each build is a new run
    Pelican(settings).run()
    return output


class Site:
    def __init__(self, output: Path):
        self.output = output

    def page(self, url: str) -> BeautifulSoup:
        path = self.output / url.strip("/") / "index.html" if not url.endswith(".html") else self.output / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def json(self) -> dict:
        return json.loads((self.output / "dossier.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Site:
    """The project's own content/ (the seeds and the curated registry), built once."""
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOT / "content" / "seeds", content / "seeds")
    return Site(build_site(content, tmp_path_factory.mktemp("output")))


@pytest.fixture
def make_site(tmp_path):
    """Build a site from seeds given as {file name: bytes or str}, with an optional registry text."""

    def make(seeds: dict[str, bytes | str], registry: str = "", **overrides) -> Site:
        content = tmp_path / "content"
        (content / "seeds").mkdir(parents=True)
        for name, data in seeds.items():
            path = content / "seeds" / name
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if registry:
            (content / "dossier.yaml").write_text(registry, encoding="utf-8")
        return Site(build_site(content, tmp_path / "output", **overrides))

    return make
