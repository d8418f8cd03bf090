"""A project's status from its end date and the day its report was written: a project
whose end has passed has ended, one whose end is still ahead is ongoing."""

from __future__ import annotations

import datetime as dt
import re

from corpus.dates import find_date_ranges, find_dates
from corpus.types import ProjectFacts, Report, Sourced


def decide_status(facts: ProjectFacts, report_day: dt.date | None) -> None:
    end = facts.end_date
    end_day = dt.date.fromisoformat(str(end.value)) if end and len(str(end.value)) == 10 else None
    if facts.status is not None:
        if end_day and facts.status.value != "planned":
            facts.ended_year = end_day.year
        return
    if end is None or end_day is None or report_day is None:
        return
    ended = end_day < report_day
    facts.status = Sourced("ended" if ended else "ongoing", end.report_id, end.span, end.sentence)
    facts.ended_year = end_day.year if ended else None


def report_date(report: Report) -> dt.date | None:
    """The day a report was written ("Datum: 2019-08-18"), else 1 January of its year."""
    head = report.text[:1500]
    m = re.search(r"(?:datum|upprättad|daterad)\s*:?\s*", head, re.IGNORECASE)
    dates = [d for d in find_dates(head[m.end():] if m else head) if d.precision == "day"]
    if dates:
        day = dt.date.fromisoformat(dates[0].iso)
        if not m and report.year:
            # An unlabelled later date is when the report was handled ("Behandlad i KSAU
            # 2039-03-10"); it describes the state at the end of its year.
            day = min(day, dt.date(report.year + 1, 1, 1))
        return day
    # "Februari 2041" on the title page of the report for 2040: written after its year.
    months = [d.first_day() for d in find_dates(head) if d.precision == "month"]
    if report.year and any(d.year > report.year for d in months):
        return dt.date(report.year + 1, 1, 1)
    # A report is written after the period it covers ("juni 2020–maj 2021").
    ranges = find_date_ranges(report.period or "")
    if ranges:
        first = ranges[0].end.first_day()
        nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return nxt if ranges[0].end.precision == "month" else first
    return dt.date(report.year, 1, 1) if report.year else None
