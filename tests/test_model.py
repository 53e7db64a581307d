"""The shared vocabulary: the Date value, and the package that keeps `from dossier.model import X` working."""

from __future__ import annotations

from pathlib import Path

import pytest

import dossier.model
from dossier.model import Date, Event


@pytest.mark.parametrize(
    ("value", "precision"), [("1994", "year"), ("1994-02", "month"), ("1994-02-28", "day")]
)
def test_a_date_has_the_precision_of_the_fields_it_gives(value, precision):
    assert Date.of(value) == Date(value, precision)


@pytest.mark.parametrize("value", ["94", "1994-2", "1994-02-28T10:00", "February 1994", ""])
def test_what_is_not_an_iso_date_is_refused_by_name(value):
    with pytest.raises(ValueError, match="not a date"):
        Date.of(value)


def test_a_month_is_not_before_a_day_inside_it_but_a_day_earlier_in_it_is():
    assert Date.of("1994-02").not_before("1994-02-28")
    assert not Date.of("1994-02-27").not_before("1994-02-28")
    assert Date.of("1994").not_before("1994-12-31") and not Date.of("1993").not_before("1994-01-01")
    assert Date.of("1994-03-01").finer_than(Date.of("1994-03"))
    assert Date.of("1994-03-01").at("year") == Date("1994", "year")


def test_an_event_gives_its_date_as_a_value():
    event = Event("e", "2031-06", "month", "expected", "The Brindlemoor canal reopens.")
    assert event.when == Date("2031-06", "month")


def test_every_module_of_the_model_is_short_and_everything_is_exported():
    folder = Path(dossier.model.__file__).parent
    assert all(len(p.read_text().splitlines()) <= 400 for p in folder.glob("*.py"))
    assert {"Entity", "Event", "Dossier", "History", "Date", "TYPES"} <= set(dossier.model.__all__)
