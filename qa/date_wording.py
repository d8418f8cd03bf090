"""Dates in answers as the report words them: a day spelled out ("31 juli 2034") where
the report spells it, a month always in words, and the date a manager took over."""

from __future__ import annotations

import re

from corpus.dates import MONTHS, find_dates
from corpus.types import Sourced


def spelled(date: Sourced) -> bool:
    """Whether the date's sentence spells its month ("31 juli 2034")."""
    iso = str(date.value)
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", iso):
        return False
    y, m, d = iso.split("-")
    return re.search(rf"(?<!\d)0?{int(d)} {MONTHS[int(m) - 1]},? {y}", date.sentence) is not None


def as_written(date: Sourced, words: bool) -> str:
    """A day as "31 juli 2034" when ``words``, else its ISO date; a month always in words
    ("februari 2039": "2039-02" reads as no date to most)."""
    iso = str(date.value)
    if words and re.fullmatch(r"\d{4}-\d\d-\d\d", iso):
        y, m, d = iso.split("-")
        return f"{int(d)} {MONTHS[int(m) - 1]} {y}"
    if re.fullmatch(r"\d{4}-\d\d", iso):
        y, m = iso.split("-")
        return f"{MONTHS[int(m) - 1]} {y}"
    return iso


_SINCE = re.compile(r"(?:sedan|från|fr\.o\.m\.?|från\s+och\s+med)\s*(?:den\s+)?$", re.IGNORECASE)


def manager_since(sentence: str) -> str | None:
    """The date a manager's sentence says they lead the project from ("Sedan 2025-04-01
    leds projektet av X"): a change of manager is what such a date records."""
    for d in find_dates(sentence):
        if d.precision in ("day", "month") and _SINCE.search(sentence[: d.span.start]):
            return d.iso
    return None
