"""Result figures: the numbers a report gives for each project's goals and outcomes.

``extract_figures`` reads every sentence of a project's sections (except success factors
and challenges), turns each count, share or amount into a ``Figure`` with a short label
from the words after the number ("deltagare till arbete"), and says whether the sentence
states a goal ("Målet är …", "ska") or an outcome ("har", "hittills", "nådde").
``facts_as_figures`` exposes ``ProjectFacts`` in the same shape for the API.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from corpus.dates import find_dates
from corpus.fact_patterns import SentenceText, split_sentences
from corpus.facts import name_key
from corpus.numbers import EURO_AFTER, EURO_SCALE, Quantity, find_amounts, find_quantities
from corpus.types import Figure, ProjectFacts, Report, Section, SectionKind, SectionType, Sourced, Span

PEOPLE = {
    "deltagare", "projektdeltagare", "personer", "person", "ungdomar", "unga", "kvinnor", "män", "individer",
    "kandidater", "elever", "sökande", "arbetssökande", "nyanlända", "barn", "familjer", "föräldrar",
    "praktikanter", "invånare", "medarbetare", "handledare", "språkombud", "hushåll", "deltagarna",
}
_SKIP_TYPES = (SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES)
# "mål", "målet", "målsättning", not "målgruppen" (who the project is for).
_GOAL = re.compile(r"\bmål(?!grupp)\w*|målsättning\w*|\bska\b|\bskulle\b|förväntas|förväntade|prognos\w*|"
                   r"planera\w*|\bsyftar\b|\bavser\b", re.IGNORECASE)
_GOAL_NEAR = re.compile(r"(?:mål(?!grupp)\w*|målsättning\w*)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
_ATTAINED = re.compile(r"\b(?:nått|nådde|uppnått|uppnådde|klarat|klarade|överträffat|överträffade)\b"
                       r"(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
# After the number: "(mål: 25)" beside it, or a comparison with the goal ("29 procent,
# vilket är under målet", "högre än målsättningen").
_GOAL_AFTER = re.compile(
    r"[^()]{0,60}\(\s*mål|[^.;()]{0,40}\b(?:under|över|än|i nivå med|jämfört med)\s+(?:\w+\s+){0,2}mål",
    re.IGNORECASE,
)
_OUTCOME = re.compile(r"\b(?:har|hade|hittills|nådde|nått|uppnått|uppnådde|totalt|blev|fick|startade|"
                      r"utbildades|skrevs|överträffa\w*|resulterat)\b", re.IGNORECASE)
_RESULT_WORDS = re.compile(r"arbete|anställning|studier|självförsörj|startat|startats|utbildats|utbildade|"
                           r"förflyttning|vidare|avslutats|jobb|examen|rekryterats|inskrivna", re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(r"(?:delmoment|målgrupp|steg|fas|nr|nummer|punkt|kapitel|insatsområde|etapp|"
                             r"version|del)\s*$", re.IGNORECASE)
# Words between a number and what it counts ("13 nya företag").
_ADJECTIVES = {"nya", "olika", "andra", "egna", "fler", "stycken", "st", "st.", "helt", "totalt"}
_STOP = {"och", "som", "varav", "men", "där", "vilket", "då", "eller", "samt", "under", "i", "på", "av",
         "för", "från", "med", "inom", "efter", "om", "vid", "mot", "per", "än", "att"}
_AUX = {"har", "hade", "varit", "blivit", "ha", "ska", "skulle", "kommer", "kunnat", "är", "var", "blev"}
_PREFIX_KEEP = {"till"}


def _label(text: str, end: int, unit: str | None) -> str:
    """A short noun phrase after a number: its unit word plus up to three content words."""
    words = [unit] if unit and unit not in ("%", "andel") else []
    rest = text[end:]
    if unit and unit not in ("%", "andel"):
        rest = re.sub(r"^\s*\(?" + re.escape(unit), "", rest, count=1, flags=re.IGNORECASE)
    for w in re.findall(r"[\wåäöÅÄÖ-]+|[,.;:()]", rest)[:8]:
        lw = w.lower()
        if not re.match(r"[\wåäö]", lw) or (lw in _STOP and lw not in _PREFIX_KEEP) or lw.isdigit():
            break
        if lw in _AUX:
            continue
        words.append(lw)
        if len(words) >= 4:
            break
    return " ".join(words) or (unit or "")


def _kind(sentence: str, local_start: int) -> str | None:
    """Goal or outcome, decided by the nearest cue before the number (else the sentence's
    first). A goal word after an attainment verb ("har nått båda målen: 171 …") is an
    outcome cue, and a number followed by "(mål: 150)" or compared with the goal ("…, vilket
    är under målet") is an outcome measured against it."""
    if _GOAL_NEAR.search(sentence[max(0, local_start - 45):local_start]):
        return "goal"
    cues = [
        (m.start(), "outcome" if _ATTAINED.search(sentence[max(0, m.start() - 30):m.start()]) else "goal")
        for m in _GOAL.finditer(sentence)
    ]
    cues += [(m.start(), "outcome") for m in _OUTCOME.finditer(sentence)]
    before = [c for c in cues if c[0] < local_start]
    if before:
        return max(before)[1]
    if _GOAL_AFTER.match(sentence[local_start:]):
        return "outcome"
    return min(cues)[1] if cues else None




def _field(unit: str | None, label: str, kind: str | None) -> str:
    if unit in ("%", "andel"):
        return "share"
    if kind == "goal":
        return "goal"
    if unit in PEOPLE and not _RESULT_WORDS.search(label):
        return "participants"
    if _RESULT_WORDS.search(label):
        return "outcome"
    return "count"


def _value(q: Quantity) -> int | float | str:
    if q.upper is not None:
        return f"{q.value}–{q.upper}".replace(".", ",")
    if isinstance(q.value, Fraction):
        return round(float(q.value) * 100, 2) if q.unit == "andel" else float(q.value)
    if isinstance(q.value, int):
        return q.value
    return float(q.value)


def figures_in_sentence(report_id: str, project: str | None, sent: SentenceText) -> list[Figure]:
    """Counts, shares and amounts in one sentence, as labelled figures."""
    t = sent.text
    dates = [d.span for d in find_dates(t, sent.start) if d.precision != "year"]
    years = [d.span for d in find_dates(t, sent.start, include_years=True) if d.precision == "year"]
    out: list[Figure] = []
    previous_unit: str | None = None
    for q in find_quantities(t, sent.start):
        if any(q.span.start < d.end and d.start < q.span.end for d in dates):
            continue
        local = q.span.start - sent.start
        if _ORDINAL_BEFORE.search(t[:local]):
            continue
        euro = EURO_AFTER.match(t, q.span.end - sent.start)
        if euro and q.upper is None and not isinstance(q.value, Fraction):
            # "486 000 euro", "2,4 miljoner euro": an amount in euro, not a count of euros.
            amount = int(Decimal(str(q.value)) * EURO_SCALE.get((euro.group(1) or "").lower(), 1))
            span = Span(q.span.start, sent.start + euro.end())
            label = _label(t, euro.end(), None) or "euro"
            out.append(Figure(report_id, project, "amount", amount, "euro", label, span, t, _kind(t, local)))
            continue
        unit = q.unit if q.unit not in _AUX else None
        inherit = re.match(r"\s*till\b", t[q.span.end - sent.start:]) or re.search(r"varav\s*$", t[:local])
        if unit is None and previous_unit and inherit:
            unit = previous_unit
        year_like = any(y.start == q.span.start for y in years)
        if unit is None or (year_like and not (unit in PEOPLE or re.search(r"(?:er|ar|or)$", unit))):
            continue
        unit = "%" if unit == "andel" else unit
        label = _label(t, q.span.end - sent.start, unit)
        if unit in _ADJECTIVES and (head := re.match(r"\s*\S+\s+([\wåäö-]+)", t[q.span.end - sent.start:])):
            unit = head.group(1).lower()
        kind = _kind(t, local)
        value = _value(q)
        out.append(Figure(report_id, project, _field(q.unit or unit, label, kind), value, unit, label,
                          q.span, t, kind))
        previous_unit = unit if unit in PEOPLE else previous_unit
    for a in find_amounts(t, sent.start):
        label = _label(t, a.span.end - sent.start, None) or "kr"
        out.append(Figure(report_id, project, "amount", a.value, "kr", label, a.span, t,
                          _kind(t, a.span.start - sent.start)))
    return sorted(out, key=lambda f: f.span.start)


def _sub_project_at(report: Report, section: Section, subs: list[str], offset: int) -> str | None:
    """The sub-project whose name stands alone as a line last before ``offset`` in ``section``."""
    current = None
    text = report.text[section.body.start:offset]
    keys = {name_key(s): s for s in subs}
    for line in text.split("\n"):
        current = keys.get(name_key(line), current) if line.strip() else current
    return current


def extract_figures(report: Report, facts: list[ProjectFacts]) -> list[Figure]:
    """Result figures of every project section, skipping the money and dates already in ``facts``."""
    fact_spans = [s.span for f in facts for s in _sourced(f)]
    subs_of: dict[str, list[str]] = {}
    for f in facts:
        if f.parent:
            subs_of.setdefault(f.parent, []).append(f.project)
    out: list[Figure] = []
    for section in report.all_sections():
        if section.kind not in (SectionKind.PROJECT, SectionKind.SUBPROJECT) or not section.project:
            continue
        for sub in section.children or [section]:
            if sub.section_type in _SKIP_TYPES:
                continue
            text = report.text[sub.body.start:sub.body.end]
            for sent in split_sentences(text, sub.body.start):
                project = _sub_project_at(report, section, subs_of.get(section.project, []), sent.start)
                for fig in figures_in_sentence(report.id, project or section.project, sent):
                    if not any(fig.span.start < s.end and s.start < fig.span.end for s in fact_spans):
                        out.append(fig)
    return out


def _sourced(f: ProjectFacts) -> list[Sourced]:
    single = [f.owner, f.start_date, f.end_date, f.original_end_date, f.status, f.total_budget,
              f.eu_funding, f.fund, f.original_total_budget, f.eu_share]
    return [s for s in single if s is not None] + f.managers + f.former_managers + f.co_financiers


def money_unit(s: Sourced | None) -> str:
    """The unit of an amount fact: "kr" unless the report stated it in another currency."""
    return s.unit if s is not None and s.unit else "kr"


def facts_as_figures(facts: list[ProjectFacts]) -> list[Figure]:
    """Project facts as API figures: total_budget, eu_funding, fund, owner, manager, dates, status."""
    out: list[Figure] = []
    for f in facts:
        fields: list[tuple[str, Sourced | None, str, str]] = [
            ("total_budget", f.total_budget, money_unit(f.total_budget), "total budget"),
            ("eu_funding", f.eu_funding, money_unit(f.eu_funding), "EU-stöd"),
            ("fund", f.fund, "", "fond"),
            ("owner", f.owner, "", "projektägare"),
            ("start_date", f.start_date, "datum", "startdatum"),
            ("end_date", f.end_date, "datum", "slutdatum"),
            ("status", f.status, "", "status"),
        ]
        fields += [("manager", m, "", "projektledare") for m in f.managers]
        fields += [("manager", m, "", "tidigare projektledare") for m in f.former_managers]
        for name, src, unit, label in fields:
            if src is not None and isinstance(src.value, int | float | str):
                out.append(Figure(f.report_id, f.project, name, src.value, unit, label, src.span,
                                  src.sentence))
    return out


__all__ = ["PEOPLE", "extract_figures", "facts_as_figures", "figures_in_sentence"]
