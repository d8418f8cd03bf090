"""Where a report contradicts itself: project sums vs stated totals, table vs "Projektfakta".

Nothing is resolved here: every disagreement becomes a ``Discrepancy`` carrying both
values and both sources. ``severity`` separates a rounding slip ("1,2 Mkr" in a table
for 1 234 567 kr in the text) from a real conflict, so a caller can show either honestly.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corpus.budget_table import BudgetRow, StatedTotal
from corpus.fact_patterns import clean_name
from corpus.numbers import format_kr
from corpus.types import ProjectFacts, Sourced


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Two statements of one figure that disagree; ``a`` is the stated/table side, ``b`` the facts."""

    kind: str  # "sum_vs_total" or "table_vs_facts"
    field: str  # "total_budget", "eu_funding", "fund" or "owner"
    project: str | None
    value_a: object
    source_a: Sourced
    value_b: object
    sources_b: tuple[Sourced, ...]
    severity: str  # "rounding" or "conflict"
    message: str

    def to_json(self) -> dict[str, Any]:
        """Plain JSON (no pickle) for the index and the API."""
        def src(s: Sourced) -> dict[str, Any]:
            return {"value": s.value, "report_id": s.report_id, "start": s.span.start, "end": s.span.end,
                    "sentence": s.sentence}

        return {"kind": self.kind, "field": self.field, "project": self.project, "value_a": self.value_a,
                "source_a": src(self.source_a), "value_b": self.value_b,
                "sources_b": [src(s) for s in self.sources_b], "severity": self.severity,
                "message": self.message}


def _key(name: str) -> str:
    s = clean_name(name).casefold().replace("–", "-")
    return re.sub(r"[^\wåäö0-9]+", " ", s).strip()


def _same_owner(a: str, b: str) -> bool:
    """Whether two spellings name the same owner: equal, or one the other written out
    further ("Kalmar Fastigheter" and "… AB"; "Region X" and "Region X,
    Regional utveckling")."""
    ka, kb = _key(a), _key(b)
    return ka == kb or ka.startswith(kb + " ") or kb.startswith(ka + " ")


def match_row(row: BudgetRow, facts: Sequence[ProjectFacts]) -> ProjectFacts | None:
    """The project a table row is about: exact, contained or closely spelled name."""
    key = _key(row.project)
    best, best_score = None, 0.0
    for f in facts:
        fk = _key(f.project)
        if fk == key:
            return f
        words = set(key.split())
        score = difflib.SequenceMatcher(None, key, fk).ratio()
        if key and (key in fk or fk in key):
            score = max(score, 0.9)
        overlap = len(words & set(fk.split())) / max(1, len(words))
        score = max(score, overlap * 0.85)
        if row.parent and f.parent and _key(row.parent) != _key(f.parent):
            score *= 0.5
        if score > best_score:
            best, best_score = f, score
    return best if best_score >= 0.6 else None


def _kr(s: Sourced) -> int:
    if not isinstance(s.value, int):
        raise TypeError(f"not an amount in kronor: {s.value!r}")
    return s.value


def _leaf_facts(facts: Sequence[ProjectFacts]) -> list[ProjectFacts]:
    parents = {f.parent for f in facts if f.parent}
    return [f for f in facts if f.project not in parents]


def _total_ok(total: StatedTotal, computed: int) -> tuple[bool, bool]:
    """(agrees, within rounding) for a stated total vs the computed sum."""
    diff = computed - total.value
    slack = max(total.tolerance, 1)
    if total.qualifier in ("drygt", "över", "minst"):
        return 0 <= diff <= 2 * slack + total.value // 100, abs(diff) <= 2 * slack
    if total.qualifier in ("knappt", "under", "högst"):
        return 0 <= -diff <= 2 * slack + total.value // 100, abs(diff) <= 2 * slack
    if total.qualifier == "cirka":
        return abs(diff) <= 2 * slack + total.value // 200, False
    return abs(diff) <= total.tolerance, abs(diff) <= 2 * slack


def _sum_checks(facts: Sequence[ProjectFacts], totals: Sequence[StatedTotal]) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    leaves = _leaf_facts(facts)
    for total in totals:
        # Amounts in euro are no part of a sum in kronor; such projects lack a kronor figure.
        sources = [s for f in leaves if (s := getattr(f, total.kind)) is not None and s.unit is None]
        if not sources:
            continue
        computed = sum(_kr(s) for s in sources)
        agrees, near = _total_ok(total, computed)
        missing = [f.project for f in leaves if (s := getattr(f, total.kind)) is None or s.unit is not None]
        if agrees and not missing:
            continue
        note = f" ({len(missing)} projekt saknar uppgift)" if missing else ""
        out.append(Discrepancy(
            "sum_vs_total", total.kind, None, total.value, total.source, computed, tuple(sources),
            "rounding" if near and not missing else "conflict",
            f"Rapporten anger {total.source.sentence.strip()!r}, men summan av projektens uppgifter är "
            f"{format_kr(computed)}{note}."))
    return out


def _amount_check(row: BudgetRow, f: ProjectFacts, field: str, value: int | None,
                  tolerance: int) -> list[Discrepancy]:
    fact: Sourced | None = getattr(f, field)
    if value is None or fact is None or fact.unit is not None:
        return []  # a table in kronor says nothing against an amount in euro
    diff = abs(_kr(fact) - value)
    if diff <= tolerance:
        return []
    near = tolerance > 0 and diff <= 2 * tolerance
    what = "budget" if field == "total_budget" else "EU-stöd"
    return [Discrepancy("table_vs_facts", field, f.project, value, row.sourced(value), fact.value, (fact,),
                        "rounding" if near else "conflict",
                        f"Tabellen anger {what} {format_kr(value)} för {f.project}, texten "
                        f"{format_kr(_kr(fact))}.")]


def _row_checks(row: BudgetRow, f: ProjectFacts) -> list[Discrepancy]:
    out = _amount_check(row, f, "total_budget", row.amount, row.tolerance)
    out += _amount_check(row, f, "eu_funding", row.eu_amount, row.eu_tolerance)
    if row.fund and f.fund is not None and row.fund != f.fund.value:
        out.append(Discrepancy("table_vs_facts", "fund", f.project, row.fund, row.sourced(row.fund),
                               f.fund.value, (f.fund,), "conflict",
                               f"Tabellen anger fonden {row.fund} för {f.project}, texten {f.fund.value}."))
    if row.owner and f.owner is not None and not _same_owner(row.owner, str(f.owner.value)):
        out.append(Discrepancy("table_vs_facts", "owner", f.project, row.owner, row.sourced(row.owner),
                               f.owner.value, (f.owner,), "conflict",
                               f"Tabellen anger projektägare {row.owner} för {f.project}, "
                               f"Projektfakta {f.owner.value}."))
    return out


def check_consistency(facts: Sequence[ProjectFacts], table: Sequence[BudgetRow],
                      totals: Sequence[StatedTotal]) -> list[Discrepancy]:
    """Every disagreement between project facts, the report's tables and its stated totals."""
    out = _sum_checks(facts, totals)
    for row in table:
        f = match_row(row, facts)
        if f is not None:
            out.extend(_row_checks(row, f))
    return out
