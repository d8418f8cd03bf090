"""Cross-project aggregates (list, count, sum, min, max) computed from the facts table,
filtered by fund, status, end year and owner; every included project is cited."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus.budget_table import StatedTotal
from corpus.numbers import NUMBER_WORDS, format_kr
from corpus.types import ProjectFacts, Sourced, Span
from qa.fact_answers import Composed, FactComposer, approximate
from qa.types import FigureRef, Question
from qa.understanding import normalise
from qa.vocabulary import FUND_WORDS, in_fund

_ISO = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")


@dataclass(frozen=True, slots=True)
class AggregateFilter:
    fund: str | None = None
    status: str | None = None
    end_year: int | None = None
    end_date: str | None = None
    owner: str | None = None
    #: "I vilka projekt har projektledaren bytts ut?": projects with a former manager.
    manager_change: bool = False
    #: "Vilka projekt drivs av kommunala bolag?": the kinds of owner (see ``owner_kind``).
    owner_kinds: frozenset[str] = frozenset()
    #: "Vilka projekt har förlängts?": projects whose end was moved (an original end stated).
    extended: bool = False
    #: "Vilka projekt håller på efter 2050?" / "… slutar före 2048?": the end's year beyond a bound.
    ends_after: int | None = None
    ends_before: int | None = None
    #: "Vilka projekt har sin budget i euro?": the currency a project's money is stated in.
    in_euro: bool = False

    def admits(self, f: ProjectFacts) -> bool:
        if self.manager_change and not f.former_managers:
            return False
        if self.extended and f.original_end_date is None:
            return False
        money = f.total_budget or f.eu_funding
        if self.in_euro and (money is None or money.unit != "euro"):
            return False
        end_year = int(str(f.end_date.value)[:4]) if f.end_date else None
        if self.ends_after and (end_year is None or end_year <= self.ends_after):
            return False
        if self.ends_before and (end_year is None or end_year >= self.ends_before):
            return False
        if self.fund and (f.fund is None or not in_fund(f.fund.value, self.fund)):
            return False
        if self.status and (f.status is None or f.status.value != self.status):
            return False
        end = str(f.end_date.value) if f.end_date else ""
        if self.end_date and end != self.end_date:
            return False
        if self.end_year and not end.startswith(str(self.end_year)):
            return False
        if self.owner_kinds and (f.owner is None or owner_kind(str(f.owner.value)) not in self.owner_kinds):
            return False
        return not (self.owner and (f.owner is None or normalise(str(f.owner.value)) != self.owner))

    def sources(self, f: ProjectFacts) -> list[Sourced]:
        """The facts that made ``f`` pass the filter, best first (what to cite for it)."""
        first: list[Sourced | None]
        if self.manager_change:
            first = [*f.managers, *f.former_managers]
        elif self.extended:
            first = [f.end_date, f.original_end_date]
        elif self.in_euro:
            first = [f.total_budget, f.eu_funding]
        elif self.end_date or self.end_year or self.ends_after or self.ends_before:
            first = [f.end_date]
        elif self.fund:
            first = [f.fund]
        elif self.status:
            first = [f.status, f.end_date]
        elif self.owner or self.owner_kinds:
            first = [f.owner]
        else:
            first = []
        return [s for s in (*first, f.total_budget, f.owner) if s is not None]


_ENDED_OR_ENDING = re.compile(
    r"\b(?:avslutats|avslutades|slutat|slutade)\s+eller\s+(?:ska\s+|kommer\s+att\s+)?(?:avslutas|sluta|slutar)\b"
)


_TO_BE_ENDED = re.compile(r"\bska\s+(?:vara\s+|ha\s+)?(?:avslutade|avslutat|avslutats)\b")


def read_filter(q: Question, rows: list[ProjectFacts], newest_year: int | None) -> AggregateFilter:
    norm = normalise(q.text)
    fund = next((name for name, words in FUND_WORDS.items() if any(f" {w}" in norm for w in words)), None)
    status = None
    if any(w in norm for w in (" pågår ", " pågående ", " fortfarande ")):
        status = "ongoing"
    elif any(w in norm for w in (" avslutade ", " avslutats ", " avslutat ", " avslutades ", " slutförda ")):
        status = "ended"
    if _ENDED_OR_ENDING.search(norm) or _TO_BE_ENDED.search(norm) and q.year:
        # "har avslutats eller avslutas under 2031", "ska vara avslutade under 2040": the end
        # year decides
        status = None
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
    change = "manager" in q.fields and _MANAGER_CHANGE.search(norm) is not None
    # The kinds the question names before it sets any aside: "drivs av ett bolag eller en
    # förening i stället för av en förvaltning".
    aside = _ASIDE.search(norm)
    kinds = frozenset(kind for kind, rx in _KIND_ASKED.items()
                      if (m := rx.search(norm)) and (aside is None or m.start() < aside.start()))
    after, before = _END_BOUND.search(norm), _END_BOUND_BEFORE.search(norm)
    about_end = bool({"end_date", "status", "period"} & set(q.fields)) or _GOES_ON.search(norm) is not None
    bounds = (int(after.group(1)) if after else None, int(before.group(1)) if before else None)
    if about_end and "start_date" not in q.fields and any(bounds):
        end_year = None
    else:
        bounds = (None, None)
    euro = bool({"total_budget", "eu_funding"} & set(q.fields)) and " euro " in norm
    return AggregateFilter(fund, status, end_year, end_date, owner, change, kinds,
                           _EXTENDED.search(norm) is not None, *bounds, euro)


# "har förlängts", "fått förlängd projekttid", "skjuta fram sitt slutdatum", "fått mer tid"
_EXTENDED = re.compile(r" (?:förläng\w*|(?:skjuta|skjutit|skjutits|flytta|flyttat|flyttats) fram \w* ?slut\w*"
                       r"|fått (?:mer|längre) tid) ")
# "håller på efter att 2050 är slut", "slutar efter 2048", "pågår längre än 2049"
_END_BOUND = re.compile(r" (?:efter|senare än|längre än|bortom) (?:att |utgången av |år )?(20\d\d)\b")
_END_BOUND_BEFORE = re.compile(r" (?:före|innan|tidigare än) (?:utgången av |år )?(20\d\d)\b")
_GOES_ON = re.compile(r" (?:håller på|hålla på|pågår|pågå|fortsätter|löper|slutar|avslutas) ")


_ASIDE = re.compile(r" (?:i stället för|istället för|och inte|men inte|snarare än|inte av) ")

# Kinds of project owner, as owners' names show them and as questions ask for them.
_KIND_NAMED = {
    "company": re.compile(r"\bAB\b|aktiebolag|\bbolag(?:et)?\b"),
    "association": re.compile(r"(?i)förening|\bstiftelse"),
    "department": re.compile(r"(?i)förvaltning|kontoret\b|nämnd"),
}
_KIND_ASKED = {
    "company": re.compile(r" (?:kommunala |kommunägda )?(?:bolag|bolagen|aktiebolag)\b"),
    "association": re.compile(r" (?:ideella )?(?:föreningar|föreningarna|förening|stiftelser)\b"),
    "department": re.compile(r" (?:förvaltningar|förvaltningarna|förvaltning|en förvaltning)\b"),
}


def owner_kind(owner: str) -> str | None:
    """Whether an owner is a (municipal) company, an association or a department."""
    return next((kind for kind, rx in _KIND_NAMED.items() if rx.search(owner)), None)


_MANAGER_CHANGE = re.compile(r"\bbyt(?:t|ts|te|tes|e)?\b|\bbyte\b|\bny projektledare\b|\bersat|\btog över\b")


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
