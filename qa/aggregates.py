"""Cross-project aggregates (list, count, sum, min, max) computed from the facts table,
filtered as ``qa.aggregate_filter`` reads the question; every included project is cited."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.budget_table import StatedTotal
from corpus.numbers import NUMBER_WORDS, format_kr
from corpus.types import ProjectFacts, Span
from qa.aggregate_filter import AggregateFilter, read_filter
from qa.fact_answers import Composed, FactComposer, approximate
from qa.types import FigureRef, Question
from qa.understanding import normalise
from qa.vocabulary import FUND_WORDS


@dataclass(frozen=True, slots=True)
class ReportSentence:
    """A sentence of a retrieved passage, where it stands in its report."""

    report_id: str
    span: Span
    text: str


#: "Tre av projekten", "fyra ESF-projekt"; not "de fyra projekt som beskrivs" (all of them).
_COUNT_OF_PROJECTS = re.compile(
    r"(?<!\bde )(?<!\bdessa )(?<!\bsamtliga )(?<!\balla )"
    r"\b(?P<n>\d{1,3}|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv)\s+(?:\w+\s+){0,2}?(?:av\s+)?(?:\w+-)?"
    r"projekt(?:en|et)?\b",
    re.IGNORECASE,
)
def _filter_words(flt: AggregateFilter) -> tuple[str, ...] | None:
    """Words a sentence must use to state the count ``flt`` selects (None: not a filter
    a report sentence can be matched to). Counts of all projects are left out: reports
    also mention earlier years' totals ("samtliga åtta projekt som då ingick")."""
    if flt.owner or flt.owner_kinds or flt.end_date:
        return None
    if flt.fund:
        return tuple(f" {w}" for w in FUND_WORDS[flt.fund])
    if flt.end_year:
        return (f" {flt.end_year}",)
    if flt.status == "ended":
        return (" avslut",)
    if flt.status == "ongoing":
        return (" pågå", " pågick")
    return None


def stated_selection(
    flt: AggregateFilter,
    sentences: Iterable[ReportSentence],
    chosen: Sequence[str] = (),
    by_name: bool = False,
    others: Sequence[str] = (),
) -> ReportSentence | None:
    """The first sentence where the report itself states the selection ``flt`` makes: a
    number of such projects ("Tre av projekten finansieras av Europeiska socialfonden") or
    several of the ``chosen`` projects by name ("… har Ung Framtid och Föräldrakraft
    avslutats"), the kind ``by_name`` asks for first; cited beside what is computed from
    the project facts. A sentence naming any of the ``others`` (projects not selected)
    and none of the chosen is about another selection ("Ytterligare två projekt, C och D,
    avslutas 2028")."""
    words = _filter_words(flt)
    if words is None:
        return None
    names = [normalise(n) for n in chosen]
    excluded = [n for n in (normalise(o) for o in others) if n.strip()]
    best: tuple[int, ReportSentence] | None = None
    for sentence in sentences:
        norm = normalise(sentence.text)
        if not any(w in norm for w in words) or (flt.end_year and not _ENDS.search(norm)):
            continue
        count = _COUNT_OF_PROJECTS.search(sentence.text)
        named = len(names) >= 2 and sum(1 for n in names if n.strip() and n in norm) >= 2
        if not named and any(n in norm for n in excluded):
            continue
        # A sentence whose count is the one computed ("Två projekt avslutades under 2027: A
        # och B") before one that counts something else that year ("tio projekt, pågående
        # eller avslutade").
        same = count is not None and bool(chosen) and _number(count.group("n")) == len(chosen)
        score = 3 * (named if by_name else count is not None) + 2 * same + (named or count is not None)
        if score and (best is None or score > best[0]):
            best = (score, sentence)
    return best[1] if best else None


def _number(token: str) -> int | None:
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token.lower())


# A sentence about the projects ending in a year says they end ("Fyra projekt avslutas 2026").
_ENDS = re.compile(r" (?:avslut|slut|upphör|löper ut|löpte ut)")


def _amount_fields(q: Question) -> list[str]:
    fields: list[str] = [f for f in ("total_budget", "eu_funding") if f in q.fields]
    return fields or ["total_budget"]


def aggregate(
    q: Question,
    rows: list[ProjectFacts],
    composer: FactComposer,
    newest_year: int | None,
    stated: Sequence[StatedTotal] = (),
    sentences: Iterable[ReportSentence] = (),
) -> Composed | None:
    """Compose the aggregate answer, or None when the question is not one we can compute.

    ``sentences`` (best first) may hold the report's own statement of a count; it is
    quoted and cited first, before the projects counted from their facts."""
    flt = read_filter(q, rows, newest_year)
    chosen = [f for f in rows if flt.admits(f)]
    out = Composed()
    op = q.aggregate
    if op in ("min", "max", "sum"):
        for name in _amount_fields(q) if op == "sum" else _amount_fields(q)[:1]:
            if op == "sum" and flt == AggregateFilter():
                # The report's own total first: it is what the question usually quotes.
                _stated(name, stated, out, composer, _total(chosen, name, composer))
            _numeric(op, name, chosen, composer, out)
        return out
    if op not in ("list", "count"):
        return None
    if flt == AggregateFilter() and q.fields:
        # "Vilka projekt har en budget över 10 Mkr?": a condition on a fact we do not read as a
        # filter; listing every project would claim they all meet it.
        return None
    if not chosen:
        out.sentences.append("Inget projekt i rapporterna uppfyller det.")
        return out
    others = [f.project for f in rows if f not in chosen]
    own = stated_selection(flt, sentences, [f.project for f in chosen], by_name=op == "list", others=others)
    if own is not None:
        n = composer.book.cite_span(own.report_id, own.span)
        if n is not None:
            out.sentences.append(f"Rapporten anger: ”{own.text.strip()}” [{n}].")
    parts = []
    for f in chosen:
        cited = next((n for n in (composer.cite(s) for s in flt.sources(f)) if n is not None), None)
        name = f.project
        if flt.manager_change:
            now, before = (" och ".join(str(m.value) for m in ms) for ms in (f.managers, f.former_managers))
            name += f" (projektledare {now}, tidigare {before})" if now else f" (tidigare {before})"
        parts.append(f"{name} [{cited}]" if cited is not None else name)
    lead = f"{len(chosen)} projekt" if op == "count" else "Projekten"
    if out.sentences:
        lead = f"Räknat ur projektens egna uppgifter: {lead}"
    out.sentences.append(f"{lead}: {', '.join(parts)}.")
    out.figures.append(
        FigureRef(None, "count", len(chosen), "projekt", "; ".join(f.project for f in chosen), None)
    )
    return out


#: How far an approximate part ("ca 13,8 Mkr") may be from the exact figure behind it.
APPROX_SLACK = 0.05


def _total(rows: list[ProjectFacts], field: str, composer: FactComposer) -> tuple[int | None, int]:
    """The sum of the projects' own figures and how much of it is uncertain (the slack
    of the parts the report gives only approximately)."""
    parts = [s for f in rows if (s := getattr(f, field)) is not None and s.unit is None]
    if not parts:
        return None, 0
    slack = sum(int(int(s.value) * APPROX_SLACK) for s in parts if approximate(composer.amount(s)))
    return sum(int(s.value) for s in parts), slack


def _stated(
    field: str,
    stated: Sequence[StatedTotal],
    out: Composed,
    composer: FactComposer,
    ours: tuple[int | None, int],
) -> None:
    """What the report itself states as the grand total (one sentence, every statement
    cited), and which statements differ from the sum of the projects' own figures."""
    parts = []
    differ = False
    for t in stated:
        if t.kind != field:
            continue
        words = composer.amount(t.source)
        if not approximate(words):
            words = f"{t.qualifier} {format_kr(t.value)}" if t.qualifier else format_kr(t.value)
        mark = ""
        if ours[0] is not None and abs(ours[0] - t.value) > t.tolerance + ours[1]:
            mark, differ = "*", True
        parts.append(f"{words}{mark}{composer.ref(t.source)}")
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
    if not parts:
        return
    label = "EU-stöd" if field == "eu_funding" else "total budget"
    text = f"Rapporten anger själv {label} {' och '.join(parts)}"
    if differ and ours[0] is not None:
        text += f" (* skiljer sig från summan av projektens egna uppgifter, {format_kr(ours[0])})"
    out.sentences.append(text + ".")


def _numeric(
    op: str, field: str, rows: list[ProjectFacts], composer: FactComposer, out: Composed
) -> Composed:
    # Kronor and euro are not added or compared; amounts in euro are said on their own after.
    valued = [(f, s) for f in rows if (s := getattr(f, field)) is not None and s.unit is None]
    foreign = [(f, s) for f in rows if (s := getattr(f, field)) is not None and s.unit is not None]
    label = "EU-stöd" if field == "eu_funding" else "total budget"
    if not valued:
        out.missing.append(label)
    elif op == "sum":
        total = sum(int(s.value) for _, s in valued)
        amounts = [composer.amount(s) for _, s in valued]
        parts = [f"{f.project} {a}{composer.ref(s)}" for (f, s), a in zip(valued, amounts, strict=True)]
        # A sum with a rounded or approximate part is itself approximate.
        approx = "ca " if any(approximate(a) for a in amounts) else ""
        out.sentences.append(
            f"Sammanlagt {approx}{format_kr(total)} i {label} för {len(valued)} projekt: "
            + "; ".join(parts)
            + "."
        )
        out.figures.append(FigureRef(None, "amount", total, "kr", "summa av " + label, None, label=field))
        for f, s in valued:
            composer.add_figure(out, f, field, s, "kr")
    else:
        pick = min if op == "min" else max
        f, s = pick(valued, key=lambda fs: int(fs[1].value))
        word = "minst" if op == "min" else "störst"
        out.sentences.append(f"{f.project} har {word} {label}: {composer.amount(s)}{composer.ref(s)}.")
        composer.add_figure(out, f, field, s, "kr")
    if foreign:
        named = "; ".join(f"{f.project} {composer.amount(s)}{composer.ref(s)}" for f, s in foreign)
        out.sentences.append(f"Angivet i annan valuta än kronor och därför inte medräknat: {named}.")
        for f, s in foreign:
            composer.add_figure(out, f, field, s, s.unit)
    return out


def open_listing(q: Question, scoped: bool, content: set[str]) -> bool:
    """Whether a "vilka projekt …" question is an open question rather than a listing:
    it names no fact, fund, owner or year to select projects by (``scoped``: a fund or
    owner did), but has ``content`` of its own ("Vilka projekt har påverkats av att
    personal slutat?"). It is then answered per project from the text."""
    if q.aggregate != "list" or q.fields or q.year is not None or q.projects or scoped:
        return False
    return bool(content)
