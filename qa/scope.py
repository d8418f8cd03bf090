"""Scoping a question: which reports and which projects it is about.

Reports: the one the request names, or those whose year or period the question names
("enligt rapporten 2021", "juni 2018–maj 2019"), or the newest that has every named
project; projects: the named ones with their group or sub-projects, or a named fund's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from corpus.dates import find_date_ranges
from corpus.types import ProjectFacts
from qa.errors import UnknownReport
from qa.facts_table import FactsTable
from qa.types import Question
from qa.understanding import ProjectCatalog, has_phrase, normalise
from qa.vocabulary import FUND_WORDS, in_fund


class Scope:
    def __init__(
        self,
        reports_meta: dict[str, dict[str, Any]],
        catalog: ProjectCatalog,
        facts: FactsTable,
        query_terms: Callable[[str], list[str]],
    ):
        self.reports_meta = reports_meta
        self.report_years: dict[str, int | None] = {rid: m.get("year") for rid, m in reports_meta.items()}
        self.catalog = catalog
        self.facts = facts
        self.query_terms = query_terms
        generic = {t for w in ("rapport", "projekt", "projektplattform", "stad") for t in query_terms(w)}
        self.title_terms = {
            rid: {t for t in query_terms(str(meta.get("title") or "")) if not t.isdigit()} - generic
            for rid, meta in reports_meta.items()
        }
        self._series_of = self._series(self.title_terms)
        # Read once: sorting by recency happens on every question that names no report.
        self._recency = {
            rid: (self.report_years.get(rid) or 0, self._period_end(rid), rid) for rid in reports_meta
        }

    def reports(self, q: Question, report: str | None) -> tuple[str, ...]:
        if report is not None:
            if report not in self.report_years:
                raise UnknownReport(report)
            return (report,)
        norm = normalise(q.rest or q.text)
        years = {int(y) for y in re.findall(r"\b(20\d\d)\b", norm)}
        named = []
        for rid, meta in self.reports_meta.items():
            period = normalise(str(meta.get("period") or "")).strip()
            if period and f" {period} " in norm or meta.get("year") in years and " rapport" in norm:
                named.append(rid)
        return tuple(named)

    def newest_with(self, q: Question) -> tuple[str, ...]:
        """For questions about named projects: the newest report that has them all, so
        facts that changed are read where they were last reported."""
        if not q.projects:
            return ()
        having = [{r.report_id for r in self.catalog.refs if r.name == p.name} for p in q.projects]
        common = set.intersection(*having)
        if len(common) < 2:
            return ()
        return (max(common, key=self.recency),)

    def implied_report(self, q: Question) -> tuple[str, ...]:
        """The report whose own title words (platform, organisation) the question uses,
        e.g. a platform's name: the newest of that platform's reports; () when no title
        word is used or several platforms match equally."""
        asked = set(self.query_terms(q.text))
        overlap = {rid: len(asked & terms) for rid, terms in self.title_terms.items()}
        best = max(overlap.values(), default=0)
        winners = {self._series_of[rid] for rid, n in overlap.items() if n == best}
        return (self._newest(next(iter(winners))),) if best > 0 and len(winners) == 1 else ()

    def current_reports(self) -> tuple[str, ...]:
        """The newest report of each platform: what "the platform" means today when a
        question names no report, year or period (projects that ended before it are gone)."""
        return tuple(sorted({self._newest(series) for series in self._series_of.values()}))

    def _newest(self, series: int) -> str:
        members = [rid for rid, s in self._series_of.items() if s == series]
        return max(members, key=self.recency)

    def recency(self, report_id: str) -> tuple[int, str, str]:
        """Sort key, newest last: the report's year, then the end of the period it covers
        (two reports of 2022: one on June 2021–May 2022, one on calendar 2022), then id."""
        return self._recency.get(report_id) or (0, "", report_id)

    def _period_end(self, report_id: str) -> str:
        ranges = find_date_ranges(str(self.reports_meta.get(report_id, {}).get("period") or ""))
        return ranges[0].end.first_day().isoformat() if ranges else ""

    @staticmethod
    def _series(title_terms: dict[str, set[str]]) -> dict[str, int]:
        """Reports of one platform: their titles without years share the same words (one
        title's words may be a subset of another's, "Rapport 2020 – Etablera fler snabbare").
        A report without title words is a platform of its own."""
        series: dict[str, int] = {}
        reps: list[set[str]] = []
        for rid, terms in sorted(title_terms.items()):
            found = next((i for i, t in enumerate(reps) if terms and t and (terms <= t or t <= terms)), None)
            if found is None:
                reps.append(set(terms))
                found = len(reps) - 1
            else:
                reps[found] |= terms
            series[rid] = found
        return series

    def projects(self, q: Question) -> tuple[str, ...]:
        """Projects a question restricts to: the ones it names (with their group or
        sub-projects), else those matching the fund, owner department and year it names
        ("ESF-projekten", "Stadskontorets projekt", "projekten som pågick 2019")."""
        if not q.projects and not q.aggregate:
            return self._by_metadata(q)
        names: list[str] = []
        for ref in q.projects:
            names.append(ref.name)
            # A group's text covers its sub-projects and vice versa.
            names += [r.name for r in self.catalog.refs if r.parent == ref.name]
            if ref.parent:
                names.append(ref.parent)
        return tuple(dict.fromkeys(names))

    def sole_owned(self, q: Question) -> tuple[str, str] | None:
        """The one project whose owner the question names, with the owner as written in the
        facts: "Hur stort bidrag har Hagalundsgymnasiet fått?" asks about its project. None
        when the owner runs several projects, or the question names a project or a set."""
        if q.projects or q.aggregate or not q.fields:
            return None
        norm = normalise(q.text)
        owned = {(f.project, str(f.owner.value)) for f in self.facts.rows()
                 if f.owner and has_phrase(norm, str(f.owner.value))}
        return owned.pop() if len(owned) == 1 else None

    def own_fund_terms(self, text: str, rows: list[ProjectFacts]) -> set[str]:
        """Stems of the fund a question names ("från omställningsfonden") when it is the
        fund of every project asked about: the facts say it in their words."""
        norm = normalise(text)
        funds = {f: words for f, words in FUND_WORDS.items() if any(has_phrase(norm, w) for w in words)}
        own = {f: words for f, words in funds.items()
               if rows and all(r.fund is not None and in_fund(r.fund.value, f) for r in rows)}
        return {t for words in own.values() for w in words for t in self.query_terms(w)}

    def _by_metadata(self, q: Question) -> tuple[str, ...]:
        """Projects of the fund, owner department and active year the question names;
        () when it names none of these (or nothing matches), i.e. no restriction."""
        norm = normalise(q.text)
        everything = self.facts.rows()
        rows = everything
        fund = next((f for f, words in FUND_WORDS.items() if any(has_phrase(norm, w) for w in words)), None)
        if fund:
            rows = [f for f in rows if f.fund and in_fund(f.fund.value, fund)]
        # "Stadskontorets projekt": the owner's name, word-prefix matched, takes genitives.
        owned = [f for f in rows if f.owner and has_phrase(norm, str(f.owner.value))]
        if owned:
            rows = owned
        if q.year is not None and any(f" {w} " in norm for w in ("pågick", "pågår", "pågått", "aktiva")):
            rows = [f for f in rows if _active_in(f, q.year)]
        if len(rows) == len(everything):
            return ()
        names = {f.project for f in rows}
        # Sub-projects' text stands in their group's sections.
        names |= {r.parent for r in self.catalog.refs if r.parent and r.name in names}
        return tuple(sorted(names))


def _active_in(f: ProjectFacts, year: int) -> bool:
    start = str(f.start_date.value)[:4] if f.start_date else "0000"
    end = str(f.end_date.value)[:4] if f.end_date else "9999"
    return start <= str(year) <= end


# "plattformen Siljansporten", "Plattformen Framåt Övik", "projektplattformen Knutpunkt": the
# portfolio's own name, which a question may use for "the portfolio".
_PLATFORM_NAME = re.compile(r"\b[Pp]lattform(?:en)?\s+((?:[A-ZÅÄÖ][\wåäö-]{2,})(?:\s+[A-ZÅÄÖ][\wåäö-]{2,})?)")


def platform_names(texts: Iterable[str]) -> set[str]:
    """The names the reports give their project platforms."""
    return {m.group(1) for text in texts for m in _PLATFORM_NAME.finditer(text)}
