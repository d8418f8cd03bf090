"""Exact fact answers from the facts table: composed Swedish sentences with the
Swedish-formatted value, a structured figure and a citation of the source sentence."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus.dates import months_between
from corpus.figures import money_unit
from corpus.managers import is_contact_line
from corpus.numbers import find_amounts, find_euro_amounts, format_kr, format_number
from corpus.types import ProjectFacts, Sourced
from qa.citebook import CiteBook
from qa.date_wording import as_written, manager_since, spelled
from qa.types import FigureRef

FUND_NAMES = {
    "ESF": "Europeiska socialfonden (ESF)",
    "ESF+": "Europeiska socialfonden plus (ESF+)",
    "ERUF": "Europeiska regionala utvecklingsfonden (ERUF)",
    "AMIF": "Asyl-, migrations- och integrationsfonden (AMIF)",
    "Interreg": "Interreg",
    "FRO": "Fonden för en rättvis omställning (FRO)",
    "Erasmus+": "Erasmus+",
    "EJFLU": "Europeiska jordbruksfonden för landsbygdsutveckling (EJFLU)",
    "FEAD": "Fonden för europeiskt bistånd till dem som har det sämst ställt (FEAD)",
    "LIFE": "EU:s program för miljö och klimat (LIFE)",
    "EHFVF": "Europeiska havs-, fiskeri- och vattenbruksfonden (EHFVF)",
    "LEADER": "LEADER inom Europeiska jordbruksfonden för landsbygdsutveckling (EJFLU)",
}

#: Fields the facts table can answer, in the order statements are made.
FACT_FIELDS = (
    "owner",
    "manager",
    "total_budget",
    "eu_funding",
    "fund",
    "period",
    "start_date",
    "end_date",
    "status",
    "co_financiers",
)

MISSING_LABELS = {
    "owner": "projektägare",
    "manager": "projektledare",
    "total_budget": "total budget",
    "eu_funding": "EU-stöd",
    "fund": "fond",
    "period": "projekttid",
    "start_date": "startdatum",
    "end_date": "slutdatum",
    "status": "status",
    "co_financiers": "medfinansiärer",
}


@dataclass
class Composed:
    """Sentences, figures and notes produced for one question."""

    sentences: list[str] = field(default_factory=list)
    figures: list[FigureRef] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def fact_sentences(f: ProjectFacts) -> list[str]:
    """Every source sentence of a project's facts."""
    return [s.sentence for s in f.sources()]


_AMOUNTS = ("total_budget", "eu_funding")


def partner_fields(question: str, fields: list[str], rows: list[ProjectFacts]) -> list[str]:
    """The fact fields to answer with: an amount asked about a co-financier the question
    names ("Med hur mycket pengar går Region X in?") is that partner's contribution, not
    the budget or the EU funding that "pengar" or "bidrar" would otherwise ask for."""
    low = question.casefold()
    partners = {str(c.value).casefold() for f in rows for c in f.co_financiers}
    named = any(len(p) > 3 and p in low for p in partners)
    if not named or not set(_AMOUNTS) & set(fields):
        return fields
    return [f for f in fields if f not in _AMOUNTS and f != "co_financiers"] + ["co_financiers"]


# The unit of the owning department that runs the project, right after the owner's name:
# "Arbetsmarknadsförvaltningen, enheten Integration och sfi", "X, Hållbarhetsavdelningen,",
# "Socialtjänsten genom avdelningen för stöd", "X och drivs av dess enhet Jobbcentrum Unga".
_UNIT_WORD = r"(?:enhet(?:en)?|avdelning(?:en)?|sektion(?:en)?|verksamhet(?:en)?|funktion(?:en)?)"
_OWNER_UNIT = re.compile(
    r"^\**\s*(?:,\s*|\s+genom\s+|\s+och\s+drivs\s+av\s+(?:dess\s+)?)"
    # … or a school of the department: "Barn- och utbildningsförvaltningen, Ljungdalsgymnasiet"
    rf"(?P<unit>{_UNIT_WORD}\s+[^,.;()]+?|[A-ZÅÄÖ][\wåäö-]*(?:{_UNIT_WORD}|gymnasiet|skolan))"
    r"(?=\s*[,.;(]|\s+(?:och|med|samt)\s+(?:projektledare|drivs|leds|i\s+samarbete)|\s+i\s+samarbete|\s*$)"
)


def owner_unit(sentence: str, owner: str) -> str | None:
    """The unit of ``owner`` that the owner's sentence names right after it, if any."""
    at = sentence.find(owner)
    if at < 0:
        return None
    m = _OWNER_UNIT.match(sentence[at + len(owner) :])
    if not m:
        return None
    unit = m.group("unit").strip()
    return re.sub(r"^enhet\s", "enheten ", unit)


def _kr(v: object) -> str:
    return format_kr(int(v)) if isinstance(v, int | float) else str(v)


# An Interreg programme's name: "Interreg Sverige–Norge", "Interreg Öresund-Kattegat-Skagerrak".
_INTERREG_PROGRAMME = re.compile(r"Interreg(?: +[A-ZÅÄÖ][\wåäö]*(?:[–-][A-ZÅÄÖ][\wåäö]*)*)+")
# A LEADER area's local group: "Leader Vänerbygden", "Leader Kustlandet".
_LEADER_AREA = re.compile(r"\bLeader +[A-ZÅÄÖ][\wåäö]+(?:[ –-][A-ZÅÄÖ][\wåäö]+)*")
_CONTRIBUTES = re.compile(
    r"\s+(?:med|bidrar med|står för|medfinansier\w*(?:\s+projektet)?\s+med)\s+"
    r"(?:(?:\w+\s+){0,2}(?:medfinansiering|medel|bidrag)\s+på\s+)?"
)


def contributions(f: ProjectFacts) -> list[int]:
    """The amounts the report says the project's co-financiers bring."""
    return [v for c in f.co_financiers if (v := _contribution(str(c.value), c.sentence)) is not None]


def _contribution(name: str, sentence: str) -> int | None:
    """The amount a co-financier brings when the sentence says so right after its name
    ("… från Region Norr med 250 000 kr …", "X bidrar med kontant medfinansiering på …")."""
    at = sentence.find(name)
    if at < 0:
        return None
    tail = sentence[at + len(name) :]
    # "med 250 000 kr", "bidrar med kontant medfinansiering på 400 000 kr"
    m = _CONTRIBUTES.match(tail)
    if not m:
        return None
    found = find_amounts(tail[m.end() :])
    return found[0].value if found and found[0].span.start == 0 else None


_ROUNDED_UNIT = re.compile(r"mkr|mnkr|msek|tkr|tsek|ksek|kkr|miljon|milj\.?|tusen", re.IGNORECASE)


def approximate(raw: str) -> bool:
    """Whether an amount as written is approximate ("ca", "drygt") or in a rounded unit."""
    found = find_amounts(raw)
    return bool(found and found[0].approx) or _ROUNDED_UNIT.search(raw) is not None


class FactComposer:
    def __init__(self, book: CiteBook):
        self.book = book

    def cite(self, s: Sourced) -> int | None:
        return self.book.cite_span(s.report_id, s.span)

    def ref(self, s: Sourced) -> str:
        n = self.cite(s)
        return f" [{n}]" if n is not None else ""

    def amount(self, s: Sourced) -> str:
        """An amount in Swedish form; as the report words it when that is approximate or
        rounded ("ca 13,8 Mkr"): exact kronor would claim a precision the report lacks."""
        raw = self.book.text_at(s.report_id, s.span)
        if raw and isinstance(s.value, int | float) and (approximate(raw) or s.unit):
            # also "186 400 euro (cirka 2,1 miljoner kronor)": the report's conversion with it
            return " ".join(raw.split())
        if s.unit and isinstance(s.value, int):
            return f"{format_number(s.value)} {s.unit}"  # "398 400 euro"
        return _kr(s.value)

    def add_figure(
        self, out: Composed, f: ProjectFacts, name: str, s: Sourced, unit: str | None,
        label: str | None = None,
    ) -> None:
        out.figures.append(
            FigureRef(f.project, name, s.value, unit, s.sentence, self.cite(s), label)  # type: ignore[arg-type]
        )

    def compose(self, f: ProjectFacts, fields: list[str], out: Composed) -> None:
        """Statements for ``fields`` of one project; a field the report lacks is noted."""
        ended = f.status is not None and f.status.value == "ended"
        verb = "var" if ended else "är"
        handlers: dict[str, Callable[[ProjectFacts, str, Composed], bool]] = {
            "owner": self._owner,
            "manager": self._manager,
            "total_budget": self._budget,
            "eu_funding": self._eu,
            "fund": self._fund,
            "period": self._period,
            "start_date": self._period,
            "end_date": self._period,
            "status": self._status,
            "co_financiers": self._cofin,
        }
        done: set[Callable[[ProjectFacts, str, Composed], bool]] = set()
        if end_asked_alone(fields) and f.end_date is None and f.original_end_date is None:
            # "När tar X slut?" of a project whose facts give only its start: "pågår 1 mars
            # 2035 – okänt datum" would look like an answer; the end is what is missing.
            done.add(self._period)
            out.missing.append(MISSING_LABELS["end_date"])
        for name in fields:
            handler = handlers[name]
            if handler in done:
                continue
            done.add(handler)
            if not handler(f, verb, out):
                out.missing.append(MISSING_LABELS[name])

    def _owner(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        if f.owner is None:
            return False
        unit = owner_unit(f.owner.sentence, str(f.owner.value))
        owner = f"{f.owner.value} ({unit})" if unit else str(f.owner.value)
        out.sentences.append(f"Projektägare för {f.project} {verb} {owner}{self.ref(f.owner)}.")
        self.add_figure(out, f, "owner", f.owner, None)
        return True

    def _manager(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        if not f.managers and not f.former_managers:
            return False
        if f.managers:
            names = " och ".join(str(m.value) for m in f.managers)
            refs = "".join(dict.fromkeys(self.ref(m) for m in f.managers))
            since = manager_since(f.managers[0].sentence) if len(f.managers) == 1 else None
            names += f" (sedan {since})" if since else ""
            # A fact box's contact person where no manager is named: said as what it is.
            contact = all(is_contact_line(m.sentence) for m in f.managers)
            role = "Kontaktperson" if contact else "Projektledare"
            out.sentences.append(f"{role} för {f.project} {verb} {names}{refs}.")
            if contact:
                out.sentences.append("Någon projektledare anges inte.")
            for m in f.managers:
                self.add_figure(out, f, "manager", m, None, "kontaktperson" if contact else None)
        if f.former_managers:
            names = " och ".join(str(m.value) for m in f.former_managers)
            refs = "".join(dict.fromkeys(self.ref(m) for m in f.former_managers))
            contact = all(is_contact_line(m.sentence) for m in f.former_managers)
            earlier = "Tidigare kontaktperson" if contact else "Tidigare projektledare"
            out.sentences.append(f"{earlier} har varit {names}{refs}.")
            for m in f.former_managers:
                # Labelled, so a reader of the figures can tell the current manager.
                self.add_figure(out, f, "manager", m, None, earlier.lower())
        return True

    def _budget(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        if f.total_budget is None:
            return False
        revised = ""
        if f.budget_revised:
            before = f.original_total_budget
            revised = f" efter revidering (tidigare {self.amount(before)})" if before else " efter revidering"
        text = f"Den totala budgeten för {f.project} {verb}{revised} {self.amount(f.total_budget)}"
        self.add_figure(out, f, "total_budget", f.total_budget, money_unit(f.total_budget))
        part_of_other = f.eu_funding is not None and _grant_of_another_sum(f.total_budget, f.eu_funding)
        if f.eu_funding is not None and not part_of_other:
            fund = FUND_NAMES.get(str(f.fund.value), "EU") if f.fund else "EU"
            text += f", varav {self.amount(f.eu_funding)} från {fund}"
            self.add_figure(out, f, "eu_funding", f.eu_funding, money_unit(f.eu_funding))
        stated = (f.total_budget,) if part_of_other else (f.total_budget, f.eu_funding)
        refs = "".join(dict.fromkeys(self.ref(s) for s in stated if s))
        out.sentences.append(f"{text}{refs}.")
        if part_of_other:
            self._eu(f, "", out)  # the grant of a part ("Karlskronas del: …, varav …"), said apart
        return True

    def _eu(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        if f.eu_funding is None:
            return self._eu_share(f, verb, out)
        if any(fig.field == "eu_funding" and fig.project == f.project for fig in out.figures):
            return True
        fund = FUND_NAMES.get(str(f.fund.value), "EU-fonderna") if f.fund else "EU-fonderna"
        out.sentences.append(
            f"{f.project} finansieras med {self.amount(f.eu_funding)} från {fund}{self.ref(f.eu_funding)}."
        )
        self.add_figure(out, f, "eu_funding", f.eu_funding, money_unit(f.eu_funding))
        return True

    def _eu_share(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        """A grant the report states only as a share of the budget: the share as written,
        with the budget it is a share of (no amount is made up from the two)."""
        if f.eu_share is None:
            return False
        pct = format_number(float(str(f.eu_share.value)))
        text = f"EU-stödet till {f.project} {verb} {pct} procent av den totala budgeten{self.ref(f.eu_share)}"
        if f.total_budget is not None:
            text += f", som {verb} {self.amount(f.total_budget)}{self.ref(f.total_budget)}"
        out.sentences.append(f"{text}. Rapporten anger inget belopp för EU-stödet.")
        self.add_figure(out, f, "eu_funding", f.eu_share, "procent", "andel av total budget")
        return True

    def _fund(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        if f.fund is None:
            return False
        name = FUND_NAMES.get(str(f.fund.value), str(f.fund.value))
        # "Interreg Central Baltic": the programme, as the report names it (in the fund's
        # sentence, else in another of the project's fact sentences).
        named = (_INTERREG_PROGRAMME.search(x) for x in (f.fund.sentence, *fact_sentences(f)))
        if f.fund.value == "Interreg" and (programme := next((m for m in named if m), None)):
            name = programme.group(0)
        areas = (_LEADER_AREA.search(x) for x in (f.fund.sentence, *fact_sentences(f)))
        if f.fund.value == "LEADER" and (area := next((m for m in areas if m), None)):
            name = f"{name} genom {area.group(0)}"
        out.sentences.append(f"{f.project} finansieras av {name}{self.ref(f.fund)}.")
        self.add_figure(out, f, "fund", f.fund, None)
        return True

    def _period(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        if f.start_date is None and f.end_date is None:
            return False
        # Dates as the report writes them: spelled out ("31 juli 2034") where it spells
        # either, both alike; the figures keep the ISO dates.
        words = any(spelled(d) for d in (f.start_date, f.end_date, f.original_end_date) if d)
        start = as_written(f.start_date, words) if f.start_date else "okänt datum"
        end = as_written(f.end_date, words) if f.end_date else "okänt datum"
        if f.end_date is None and f.original_end_date is not None:
            end = f"{as_written(f.original_end_date, words)} (planerat)"  # "Planerad projekttid: A – B"
        not_started = f.status is not None and f.status.value == "planned"
        tense = "pågick" if verb == "var" else "ska pågå" if not_started else "pågår"
        text = f"{f.project} {tense} {start} – {end}"
        if f.end_date and f.original_end_date is not None and f.original_end_date.value != f.end_date.value:
            planned = as_written(f.original_end_date, words)
            if str(f.end_date.value) < str(f.original_end_date.value):
                text += f" (avslutat i förtid; planerat till {planned})"
            else:
                months = months_between(str(f.original_end_date.value), str(f.end_date.value))
                by = f" med {months} månader" if months else ""
                text += f" (ursprungligen till {planned}, sedan förlängt{by})"
        dates = (f.start_date, f.end_date or f.original_end_date)
        refs = "".join(dict.fromkeys(self.ref(s) for s in dates if s))
        out.sentences.append(text + refs + ".")
        for name, s in (("start_date", f.start_date), ("end_date", f.end_date)):
            if s is not None:
                self.add_figure(out, f, name, s, None)
        return True

    def _status(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        if f.status is None:
            return False
        if f.status.value == "ended":
            year = f" {f.ended_year}" if f.ended_year else ""
            out.sentences.append(f"{f.project} avslutades{year}{self.ref(f.status)}.")
        elif f.status.value == "planned":
            out.sentences.append(f"{f.project} har ännu inte startat{self.ref(f.status)}.")
        elif not any(s.startswith(f"{f.project} pågår ") for s in out.sentences):
            # A period already said "X pågår A – B"; saying it again adds nothing.
            out.sentences.append(f"{f.project} pågår enligt rapporten{self.ref(f.status)}.")
        self.add_figure(out, f, "status", f.status, None)
        return True

    def _cofin(self, f: ProjectFacts, verb: str, out: Composed) -> bool:
        if not f.co_financiers:
            return False
        named = []
        for c in f.co_financiers:
            share = _contribution(str(c.value), c.sentence)
            named.append(f"{c.value} ({format_kr(share)})" if share is not None else str(c.value))
            if share is not None:
                out.figures.append(FigureRef(f.project, "co_financing", share, "kr", c.sentence, self.cite(c),
                                             label=str(c.value)))
        refs = "".join(dict.fromkeys(self.ref(c) for c in f.co_financiers))
        together = ", ".join(named)
        out.sentences.append(f"{f.project} drivs eller medfinansieras tillsammans med {together}{refs}.")
        return True


def end_asked_alone(fields: list[str]) -> bool:
    """Whether the question asks when a project ends, not its start or whole period."""
    return "end_date" in fields and "start_date" not in fields


def _grant_of_another_sum(total: Sourced, eu: Sourced) -> bool:
    """Whether the grant's own sentence makes it part of a sum other than the total budget
    ("Karlskronas del: 412 000 euro, varav 329 600 euro Interregstöd" beside a total of
    1 840 000 euro): then "varav" would claim it of the total."""
    m = re.search(r"\bvarav\b", eu.sentence, re.IGNORECASE)
    if eu.sentence == total.sentence or m is None or not isinstance(eu.value, int):
        return False
    before = eu.sentence[: m.start()]
    sums = [a.value for a in (*find_amounts(before), *find_euro_amounts(before))]
    return any(v != total.value and v > eu.value for v in sums)
