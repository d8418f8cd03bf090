"""Cross-project aggregates (list, count, sum, min, max) computed from the facts table,
filtered by fund, status, end year and owner; every included project is cited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.budget_table import StatedTotal
from corpus.numbers import format_kr
from corpus.types import ProjectFacts, Sourced
from qa.fact_answers import Composed, FactComposer
from qa.types import FigureRef, Question
from qa.understanding import normalise
from qa.vocabulary import FUND_WORDS

_ISO = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")


@dataclass(frozen=True, slots=True)
class AggregateFilter:
    fund: str | None = None
    status: str | None = None
    end_year: int | None = None
    end_date: str | None = None
    owner: str | None = None

    def admits(self, f: ProjectFacts) -> bool:
        if self.fund and (f.fund is None or f.fund.value != self.fund):
            return False
        if self.status and (f.status is None or f.status.value != self.status):
            return False
        end = str(f.end_date.value) if f.end_date else ""
        if self.end_date and end != self.end_date:
            return False
        if self.end_year and not end.startswith(str(self.end_year)):
            return False
        return not (self.owner and (f.owner is None or normalise(str(f.owner.value)) != self.owner))

    def sources(self, f: ProjectFacts) -> list[Sourced]:
        """The facts that made ``f`` pass the filter, best first (what to cite for it)."""
        if self.end_date or self.end_year:
            first = [f.end_date]
        elif self.fund:
            first = [f.fund]
        elif self.status:
            first = [f.status, f.end_date]
        elif self.owner:
            first = [f.owner]
        else:
            first = []
        return [s for s in (*first, f.total_budget, f.owner) if s is not None]


def read_filter(q: Question, rows: list[ProjectFacts], newest_year: int | None) -> AggregateFilter:
    norm = normalise(q.text)
    fund = next((name for name, words in FUND_WORDS.items() if any(f" {w}" in norm for w in words)), None)
    status = None
    if any(w in norm for w in (" pågår ", " pågående ", " fortfarande ")):
        status = "ongoing"
    elif any(w in norm for w in (" avslutade ", " avslutats ", " avslutat ", " avslutades ", " slutförda ")):
        status = "ended"
    end_date = None
    end_year = None
    if ("end_date" in q.fields or "status" in q.fields) and status is None:
        iso = _ISO.search(q.text)
        end_date = iso.group(1) if iso else None
        if end_date is None:
            end_year = q.year or (newest_year if " i år " in norm else None)
        if end_date or end_year:
            status = None
    owners = {normalise(str(f.owner.value)) for f in rows if f.owner}
    owner = next((o for o in owners if o.strip() and o in norm), None)
    return AggregateFilter(fund, status, end_year, end_date, owner)


def _amount_fields(q: Question) -> list[str]:
    fields: list[str] = [f for f in ("total_budget", "eu_funding") if f in q.fields]
    return fields or ["total_budget"]


def aggregate(
    q: Question,
    rows: list[ProjectFacts],
    composer: FactComposer,
    newest_year: int | None,
    stated: Sequence[StatedTotal] = (),
) -> Composed | None:
    """Compose the aggregate answer, or None when the question is not one we can compute."""
    flt = read_filter(q, rows, newest_year)
    chosen = [f for f in rows if flt.admits(f)]
    out = Composed()
    op = q.aggregate
    if op in ("min", "max", "sum"):
        for name in _amount_fields(q) if op == "sum" else _amount_fields(q)[:1]:
            _numeric(op, name, chosen, composer, out)
            if op == "sum" and flt == AggregateFilter():
                _stated(name, stated, out, composer)
        return out
    if op not in ("list", "count"):
        return None
    if not chosen:
        out.sentences.append("Inget projekt i rapporterna uppfyller det.")
        return out
    parts = []
    for f in chosen:
        cited = next((n for n in (composer.cite(s) for s in flt.sources(f)) if n is not None), None)
        parts.append(f"{f.project} [{cited}]" if cited is not None else f.project)
    lead = f"{len(chosen)} projekt" if op == "count" else "Projekten"
    out.sentences.append(f"{lead}: {', '.join(parts)}.")
    out.figures.append(
        FigureRef(None, "count", len(chosen), "projekt", "; ".join(f.project for f in chosen), None)
    )
    return out


def _stated(field: str, stated: Sequence[StatedTotal], out: Composed, composer: FactComposer) -> None:
    """What the report itself states as the grand total, and whether it agrees."""
    ours = next((f.value for f in out.figures if f.field == "amount" and f.label == field), None)
    for t in stated:
        if t.kind != field:
            continue
        approx = f"{t.qualifier} " if t.qualifier else ""
        text = f"Rapporten anger själv {approx}{format_kr(t.value)}{composer.ref(t.source)}"
        if isinstance(ours, int) and abs(ours - t.value) > t.tolerance:
            text += f", vilket skiljer sig från summan av projektens egna uppgifter ({format_kr(ours)})"
        out.sentences.append(text + ".")
        out.figures.append(
            FigureRef(
                None,
                "amount",
                t.value,
                "kr",
                t.source.sentence,
                composer.cite(t.source),
                label=field,
                kind="stated",
            )
        )


def _numeric(
    op: str, field: str, rows: list[ProjectFacts], composer: FactComposer, out: Composed
) -> Composed:
    valued = [(f, getattr(f, field)) for f in rows if getattr(f, field) is not None]
    label = "EU-stöd" if field == "eu_funding" else "total budget"
    if not valued:
        out.missing.append(label)
        return out
    if op == "sum":
        total = sum(int(s.value) for _, s in valued)
        parts = [f"{f.project} {format_kr(int(s.value))}{composer.ref(s)}" for f, s in valued]
        out.sentences.append(
            f"Sammanlagt {format_kr(total)} i {label} för {len(valued)} projekt: " + "; ".join(parts) + "."
        )
        out.figures.append(FigureRef(None, "amount", total, "kr", "summa av " + label, None, label=field))
        for f, s in valued:
            composer.add_figure(out, f, field, s, "kr")
        return out
    pick = min if op == "min" else max
    f, s = pick(valued, key=lambda fs: int(fs[1].value))
    word = "minst" if op == "min" else "störst"
    out.sentences.append(f"{f.project} har {word} {label}: {format_kr(int(s.value))}{composer.ref(s)}.")
    composer.add_figure(out, f, field, s, "kr")
    return out
