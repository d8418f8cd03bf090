"""The facts table: every project's extracted facts across the indexed reports, with the
newest report's record preferred unless a question names a report or year."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from corpus.budget_table import StatedTotal
from corpus.types import ProjectFacts, Sourced

#: The stored facts behind each field a question can ask (qa.fact_answers.FACT_FIELDS).
_SOURCES = {
    "manager": ("managers", "former_managers"),
    "period": ("start_date", "end_date", "original_end_date"),
    "end_date": ("end_date", "original_end_date"),
}


class FactsTable:
    def __init__(
        self,
        facts: Iterable[ProjectFacts],
        report_years: dict[str, int | None],
        stated_totals: Iterable[StatedTotal] = (),
        discrepancies: Iterable[dict[str, Any]] = (),
    ):
        self.report_years = report_years
        self._rows = list(facts)
        self._stated = list(stated_totals)
        #: Consistency findings as stored by the index (``corpus.consistency`` JSON).
        self.discrepancies = list(discrepancies)

    def stated_totals(self, report_ids: tuple[str, ...] = ()) -> list[StatedTotal]:
        """Grand totals stated in the newest report in scope."""
        ids = report_ids or tuple(self.report_years)
        if not ids:
            return []
        newest = max(ids, key=self._rank)
        return [t for t in self._stated if t.source.report_id == newest]

    def discrepancies_for(self, project: str, field: str) -> list[dict[str, Any]]:
        return [d for d in self.discrepancies if d.get("project") == project and d.get("field") == field]

    def _rank(self, report_id: str) -> tuple[int, str]:
        return (self.report_years.get(report_id) or 0, report_id)

    def rows(self, report_ids: tuple[str, ...] = ()) -> list[ProjectFacts]:
        """One record per project (within scope): each field as the newest report that
        states it says it, so a later report that omits a fact does not erase it."""
        by_project: dict[str, list[ProjectFacts]] = {}
        for f in sorted(self._rows, key=lambda f: self._rank(f.report_id)):
            if not report_ids or f.report_id in report_ids:
                by_project.setdefault(f.project, []).append(f)
        return [_merge(records) for records in by_project.values()]

    def project(self, name: str, report_ids: tuple[str, ...] = ()) -> ProjectFacts | None:
        return next((f for f in self.rows(report_ids) if f.project == name), None)

    def sources(
        self, names: Iterable[str], fields: Sequence[str], report_ids: tuple[str, ...] = ()
    ) -> list[Sourced]:
        """Where the named projects' facts for ``fields`` are stated ("period" is its dates)."""
        out: list[Sourced] = []
        for f in filter(None, (self.project(n, report_ids) for n in names)):
            for attr in (a for name in fields for a in _SOURCES.get(name, (name,))):
                value = getattr(f, attr, None)
                out += value if isinstance(value, list) else [value] if value is not None else []
        return out

    def history(self, name: str) -> list[ProjectFacts]:
        """The project's record in every report, oldest first."""
        return sorted((f for f in self._rows if f.project == name), key=lambda f: self._rank(f.report_id))

    def leaves(self, report_ids: tuple[str, ...] = ()) -> list[ProjectFacts]:
        """Projects that are not merely a heading over sub-projects (for aggregates)."""
        rows = self.rows(report_ids)
        parents = {f.parent for f in rows if f.parent}
        return [f for f in rows if f.project not in parents or f.total_budget is not None]


def _merge(records: list[ProjectFacts]) -> ProjectFacts:
    """Field-wise merge, oldest first: a later record's stated value wins."""
    merged = dataclasses.replace(records[-1])
    for field in dataclasses.fields(ProjectFacts):
        if getattr(merged, field.name) in (None, []):
            for older in reversed(records[:-1]):
                value = getattr(older, field.name)
                if value not in (None, []):
                    setattr(merged, field.name, value)
                    break
    return merged
