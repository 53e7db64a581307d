"""A date at the precision its source gives: a year, a month or a day, never a string's length."""

from __future__ import annotations

import re
from dataclasses import dataclass

PRECISIONS = ("year", "month", "day")  # coarse to fine, as dossier.json's "precision" names them
ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?")


@dataclass(frozen=True, slots=True)
class Date:
    """An ISO value ("2007", "2007-05", "2007-05-14") with its precision ("year", "month", "day")."""

    value: str
    precision: str

    @classmethod
    def of(cls, value: str) -> Date:
        """The date an ISO value gives, at the precision of the fields it has."""
        match = ISO.fullmatch(value)
        if not match:
            raise ValueError(f"not a date: {value!r} (a date is YYYY, YYYY-MM or YYYY-MM-DD)")
        fields = sum(1 for part in ("year", "month", "day") if match[part])
        return cls(value, PRECISIONS[fields - 1])

    def finer_than(self, other: Date) -> bool:
        return PRECISIONS.index(self.precision) > PRECISIONS.index(other.precision)

    def at(self, precision: str) -> Date:
        """This date cut to a coarser precision ("2007-05-14" at "month": "2007-05")."""
        return Date.of(self.value[: (4, 7, 10)[PRECISIONS.index(precision)]])

    def not_before(self, day: str) -> bool:
        """True when this date (as a whole year, month or day) is not over before `day` begins."""
        return self.value >= Date.of(day).at(self.precision).value
