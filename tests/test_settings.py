"""The one DOSSIER settings dict: defaults fill what is not given; a mistake stops the build at start-up,
named, before any page is written."""

import os

import pytest

from dossier_site.settings import DEFAULTS, dossier_settings


def test_defaults_fill_what_is_not_given():
    assert dossier_settings({"DOSSIER": {"mentions_per_page": 7, "cache": "c"}}) == {
        **DEFAULTS,
        "mentions_per_page": 7,
        "cache": "c",
        "history": os.path.join("c", "history.json"),
    }
    assert dossier_settings({}) == {**DEFAULTS, "history": os.path.join(DEFAULTS["cache"], "history.json")}
    assert dossier_settings({"DOSSIER": {"cache": None}})["history"] is None  # no cache, no history
    assert dossier_settings({"DOSSIER": {"history": "h.json"}})["history"] == "h.json"


@pytest.mark.parametrize(
    "given, message",
    [
        (
            {"mention_per_page": 2},
            "dossier: unknown DOSSIER setting(s): mention_per_page (expected: registry, cache,",
        ),
        (
            {"timeline_per_page": 0},
            "dossier: DOSSIER['timeline_per_page'] must be a whole number of at least 1, not 0",
        ),
        (
            {"search_shard": "2000"},
            "dossier: DOSSIER['search_shard'] must be a whole number of at least 1, not '2000'",
        ),
        (
            {"main_entities": True},
            "dossier: DOSSIER['main_entities'] must be a whole number of at least 1, not True",
        ),
        (
            {"mentions_per_page": 2.5},
            "dossier: DOSSIER['mentions_per_page'] must be a whole number of at least 1, not 2.5",
        ),
    ],
)
def test_a_wrong_setting_is_named(given, message):
    with pytest.raises(ValueError) as raised:
        dossier_settings({"DOSSIER": given})
    assert str(raised.value).startswith(message)


def test_a_wrong_setting_stops_pelican_at_start_up(tmp_path):
    """The check runs when Pelican starts (its `initialized` signal), before any seed is read."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from conftest import ROOT

    settings = read_settings(
        str(ROOT / "pelican.conf.py"),
        override={
            "PATH": str(tmp_path),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "DOSSIER": {"timeline_perpage": 2},
        },
    )
    with pytest.raises(ValueError, match=r"unknown DOSSIER setting\(s\): timeline_perpage"):
        Pelican(settings)  # not .run(): nothing is read yet
