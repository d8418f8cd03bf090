"""Filling a project's facts from outside its fact text: the rest of the project's own
text, and the report's overview table.

A fact block states what it states; reports often give the period in the introduction
paragraph or the budget only in the overview table. These fill only fields that are still
empty, so what the project's fact text says always wins.
"""

from __future__ import annotations

import re

from corpus.budget_table import BudgetRow
from corpus.consistency import match_row
from corpus.dates import find_date_ranges
from corpus.fact_patterns import clean_name
from corpus.types import ProjectFacts

_FILLABLE = ("owner", "start_date", "end_date", "total_budget", "eu_funding", "fund")


def fill_missing(facts: ProjectFacts, extra: ProjectFacts) -> None:
    """Take fields the fact text did not state from the rest of the project's text."""
    for name in _FILLABLE:
        if getattr(facts, name) is None and getattr(extra, name) is not None:
            setattr(facts, name, getattr(extra, name))
    if facts.end_date is extra.end_date and facts.original_end_date is None:
        facts.original_end_date = extra.original_end_date  # the end it replaced comes with it
    if not facts.managers and not facts.former_managers:
        facts.managers, facts.former_managers = extra.managers, extra.former_managers
    if facts.status is None and extra.status is not None:
        facts.status, facts.ended_year = extra.status, extra.ended_year


# A table amount in tkr ("8 940") is the report's figure to the thousand kronor. A bare
# "8,9" under "(Mkr)" is rounded past what a budget question wants, and an answer could
# only restate it as exact kronor; "7,2 mnkr" carries its unit, and answers quote it so.
_TO_THE_THOUSAND = 500
_OWN_UNIT = re.compile(r"\d\s*[A-Za-zåäö]")
# A person's name in a table cell ("Karin Öberg"), not "rekrytering pågår" or a department.
_PERSON = re.compile(r"[A-ZÅÄÖÉ][\wåäöé'’-]+(?:\s+[A-ZÅÄÖÉ][\wåäöé'’-]+){1,2}")


def fill_from_table(facts: list[ProjectFacts], table: list[BudgetRow]) -> None:
    """Take what a project's text does not state from the report's own overview table:
    fund, owner, manager, period, whole budget and EU funding (see ``_TO_THE_THOUSAND``)."""
    for row in table:
        f = match_row(row, facts)
        if f is None:
            continue
        if f.fund is None and row.fund:
            f.fund = row.sourced(row.fund)
        owner = _TABLE_NOTE.sub("", clean_name(row.owner)) if row.owner else ""
        if f.owner is None and owner and not _CUT_SHORT.search(owner):
            f.owner = row.sourced(owner)
        written = _as_written(row, row.tolerance, row.amount_raw)
        if f.total_budget is None and row.whole_budget and row.amount and written:
            f.total_budget = row.sourced_cell(row.amount, row.amount_raw)
        if f.eu_funding is None and row.eu_amount and _as_written(row, row.eu_tolerance, row.eu_raw):
            f.eu_funding = row.sourced_cell(row.eu_amount, row.eu_raw)
        if not f.managers and row.manager and _PERSON.fullmatch(row.manager.strip()):
            f.managers = [row.sourced(row.manager.strip())]
        ranges = find_date_ranges(row.period) if row.period else []
        if ranges and f.start_date is None and f.end_date is None:
            f.start_date, f.end_date = row.sourced(ranges[0].start.iso), row.sourced(ranges[0].end.iso)
        elif ranges and f.start_date is None and f.end_date and str(f.end_date.value).startswith(
                ranges[0].end.iso):
            # The text told only the end ("avbröts i förtid den 31 maj 2050"); the table's
            # period with the same end has the start.
            f.start_date = row.sourced(ranges[0].start.iso)
        elif ranges and f.end_date is None and f.start_date and str(f.start_date.value).startswith(
                ranges[0].start.iso):
            f.end_date = row.sourced(ranges[0].end.iso)  # and the end of a start told alone


def _as_written(row: BudgetRow, tolerance: int, raw: str | None) -> bool:
    """To the thousand, or rounded with its unit in its own cell (the unit is not the header's)."""
    return tolerance <= _TO_THE_THOUSAND or bool(raw and _OWN_UNIT.search(raw) and raw in row.line)


# "Kultur- och" of a cell a PDF table wrapped over two lines: no name.
_CUT_SHORT = re.compile(r"(?:\boch|-|,)$")
# "Arbetsmarknadsförvaltningen (partner)": a note in a table cell is no part of the name.
_TABLE_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
