"""Sentence-level patterns for project facts: owner and fund (budgets and EU funding are
read in ``corpus.budgets``, managers in ``corpus.managers``, periods in ``corpus.periods``).

Each reader takes one sentence (its text and absolute start offset) and returns what it
found with absolute spans; ``corpus.facts`` decides how findings combine into a record.
The vocabulary is the genre's (projektägare, projektledare, projekttid, totala budget,
varav … finansieras av Europeiska socialfonden), never any one report's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.sentences import split_sentences as _split
from corpus.types import Span


@dataclass(frozen=True, slots=True)
class SentenceText:
    """A sentence of a segment with its absolute start offset."""

    text: str
    start: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.start + len(self.text))


def split_sentences(text: str, base: int = 0) -> list[SentenceText]:
    """Sentences (whole bullets) of ``text``, which starts at offset ``base``: the corpus's
    Swedish splitter (no split after "t.ex.", "ca.", decimals …) with their texts."""
    return [SentenceText(text[sp.start : sp.end], base + sp.start) for sp in _split(text)]


_TABLE_KEY_VALUE = re.compile(r"^\|([^|]+)\|([^|]+)\|?\s*$")
# A Markdown row of three cells: label, value and a comment ("| Projektledare | X | Från juni |").
_TABLE_KEY_VALUE_NOTE = re.compile(r"^\|([^|]+)\|([^|]+)\|([^|]*)\|?\s*$")
# A Word or PDF table row of two cells, which reading keeps tab-separated.
_TAB_KEY_VALUE = re.compile(r"^[^\t|]+\t[^\t]+$")
# A row of three cells: label, value and a comment ("Projektledare<TAB>X<TAB>Ersatte Y …").
_TAB_KEY_VALUE_NOTE = re.compile(r"^[^\t|]+\t[^\t]+\t[^\t]*$")


# A label line with dot leaders: "Projektansvarig ......... <namn>".
_DOT_LEADER = re.compile(r"^[^\W\d][^.:\n]{0,40}?(\s*(?:\.{3,}|…+)\s*)(?=\S)")


# A label line whose values were aligned ("Projektledare     : X" reads as a tab before the
# colon, "Projektledare:<TAB>X" as one after it): already a key and its value.
_COLON_ALIGNED = re.compile(r"[^\t:\n]{2,60}(?:\t[ ]*:|:[ ]*\t)")


def table_row_as_key_value(sent: SentenceText) -> SentenceText:
    """A two-cell table row ("| Projektägare | X |", or "Projektägare<TAB>X" from a Word
    table, also with a third cell of comment) or a label line with dot leaders ("Budget
    ...... Y kr") read as "Projektägare: X",
    keeping every offset: the pipes become spaces, the separator a colon of the same length."""
    leader = _DOT_LEADER.match(sent.text)
    if leader:
        a, b = leader.span(1)
        return SentenceText(sent.text[:a] + ":" + " " * (b - a - 1) + sent.text[b:], sent.start)
    if _COLON_ALIGNED.match(sent.text):
        return SentenceText(sent.text.replace("\t", " ", 1), sent.start)
    if _TAB_KEY_VALUE.match(sent.text):
        return SentenceText(sent.text.replace("\t", ":", 1), sent.start)
    if _TAB_KEY_VALUE_NOTE.match(sent.text):
        # the comment is a clause of its own: "Projektledare:X;Ersatte Y som slutade …"
        return SentenceText(sent.text.replace("\t", ":", 1).replace("\t", ";", 1), sent.start)
    note = _TABLE_KEY_VALUE_NOTE.match(sent.text)
    if note and note.group(3).strip():
        # the comment is a clause of its own, as in a Word row of three cells
        a, b = note.end(1), note.end(2)
        t = sent.text
        text = " " + t[1:a] + ":" + t[a + 1 : b] + ";" + t[b + 1 :]
        return SentenceText(text[: len(text.rstrip())].rstrip("|").ljust(len(t)), sent.start)
    m = _TABLE_KEY_VALUE.match(sent.text) or note
    if not m:
        return sent
    t = sent.text
    second = m.end(1)
    text = " " + t[1:second] + ":" + t[second + 1 :]
    if text.rstrip().endswith("|"):
        end = text.rstrip().rfind("|")
        text = text[:end] + " " + text[end + 1 :]
    return SentenceText(text, sent.start)


def clean_name(s: str) -> str:
    """A name without emphasis stars, quotes and stray spaces."""
    return re.sub(r"\s+", " ", s.replace("*", "").strip(" \t\n\"”“'’:,;.")).strip()


# ---- owner ---------------------------------------------------------------------------------
FOR_CLAUSE = r"(?:\s+för\s+(?:\*[^*]+\*|.+?(?=\s+(?:är|var|har\s+varit)\s)))?"
# Municipal departments and units: "-förvaltningen", "-kontoret", "Socialtjänsten",
# "Vuxenutbildningen", "Individ- och familjeomsorgen".
_UNIT = r"(?:förvaltningen|kontoret|nämnden|avdelningen|bolaget|stad|tjänsten|omsorgen|utbildningen)"
_OWNER_RE = re.compile(
    rf"(?:projektägare|ägare|huvudman(?:nen)?|ansvarig\s+(?:förvaltning|organisation)|projektägande\s+förvaltning"
    # "Ansvarig: Miljöförvaltningen", the label naming a department ("Ansvarig: Anna Berg" leads it)
    rf"|ansvarig(?=\s*:\s*[A-ZÅÄÖ][^,.;:\n]{{0,60}}?{_UNIT}\b)){FOR_CLAUSE}"
    # "Projektägare i Luleå:", "Projektägare för kommunens del:"
    r"(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]+|\s+för\s+[\wåäöÅÄÖ-]+\s+del)?"
    r"\s*(?P<verb>är|var|har\s+varit|:)\s*(?P<owner>\*[^*]+\*|.+?)"
    r"(?=\s+(?:och|samt|medan)\s+(?:projektledare|projektledningen|ansvarig)|\s*[,;(·|]|\.\s|\.?$)",
    re.IGNORECASE,
)
_DEPT = rf"[A-ZÅÄÖ][^,.;]*?{_UNIT}"
# After "ägs av" a department may be written in lower case ("ägdes av miljöförvaltningen").
_OWNED_DEPT = rf"[\wÅÄÖåäö][^,.;]*?{_UNIT}"
# Owners that are not departments: a company, a region, a foundation, an association.
_ORG = (r"(?:[A-ZÅÄÖ][\wåäö&-]+\s+){1,3}AB\b|AB(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,2}"  # companies
        # associations named by place: "Saivojärvi byaförening", "Norrstrands Bygderåd"
        r"|(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,2}[\wåäö-]*(?:förening|[Rr]åd|förbund)(?:en|et)?\b"
        # "Föreningen Ungdomens hus i Ljungby", "Föreningen Gotländska småskaliga matproducenter":
        # lower-case words may close the name
        r"|(?:Region|Stiftelsen|Föreningen|Samordningsförbundet)(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,3}"
        r"(?:\s+(?!(?:och|som|samt|med|men|eller|i|är|har|leds|pågår|sedan|från)\b)[a-zåäö]{3,}){0,2}"
        r"(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+län)?)?"
        r"|Förvaltningen\s+för\s+[a-zåäö-]+(?:\s+och\s+[a-zåäö-]+)?"
        # a municipality or region by its place: "Ljungby kommun", "Hultsfreds kommun"
        r"|(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,2}(?:kommun|landskommun)\b")
# "av det kommunala bolaget X AB", "av den ideella föreningen X": the kind of organisation
# before its name is no part of the name.
_KIND = (r"(?:(?:det|den)\s+(?:[a-zåäö]+\s+){0,2}(?:bolaget|föreningen|organisationen|stiftelsen|förbundet)"
         r"\s+(?=[A-ZÅÄÖ]))?")
_OWNED_BY_RE = re.compile(
    # also "För kommunens del ägs projektet av X"
    # (not "Luleå Hamn AB, som ägs av Luleå kommun": a partner's owner)
    rf"(?<!AB, som )(?:ägs|äges|ägdes|ägts)\s+(?:projektet\s+|det\s+)?av\s+{_KIND}"
    rf"(?P<owner>\*[^*]+\*|{_ORG}|{_OWNED_DEPT})(?=\W|$)|"
    rf"^(?P<owner2>\*[^*]+\*|{_DEPT})\s+(?:är|var|har\s+varit)\s+projektägare|"
    # "med Socialförvaltningen som projektägare och X som projektledare"
    rf"\bmed\s+(?P<owner3>\*[^*]+\*|{_ORG}|{_DEPT})\s+som\s+projektägare\b|"
    # "X är Utbildningsförvaltningens mobilitetsprojekt inom Erasmus+"
    rf"\b(?:är|var)\s+(?P<owner4>[A-ZÅÄÖ][\wåäö-]*{_UNIT})s\s+[\wåäö-]*projekt\b|"
    # "Ljungby Näringsliv AB äger projektet, som leds av …"
    rf"^(?P<owner5>\*[^*]+\*|{_ORG}|{_DEPT})\s+(?:äger|ägde|har\s+ägt)\s+projektet\b",
)


# "X drivs av Stiftelsen Y", "Förstudien genomfördes av Vård- och omsorgsförvaltningen": who
# runs the project, read only when no sentence says who owns it (a department that
# "driver" a project sometimes only operates what another owns).
_RUN_BY_RE = re.compile(
    rf"(?:drivs|drevs|drivits|genomförs|genomfördes|genomförts)\s+av\s+{_KIND}"
    rf"(?P<owner>{_ORG}|{_OWNED_DEPT})(?=\W|$)"
    # "ett ungdomsutbyte som Kultur- och fritidsförvaltningen driver tillsammans med …"
    rf"|\bsom\s+(?P<owner2>{_DEPT})\s+(?:driver|drev|har\s+drivit)\b"
)


def find_owner(sent: SentenceText) -> tuple[str, Span] | None:
    """The owning department a sentence names ("Projektägare är *Miljöförvaltningen*")."""
    m = _OWNER_RE.search(sent.text) or _OWNED_BY_RE.search(sent.text)
    return _owner_match(sent, m) if m else None


def find_runner(sent: SentenceText) -> tuple[str, Span] | None:
    """The department or organisation a sentence says runs the project ("drivs av X")."""
    m = _RUN_BY_RE.search(sent.text)
    return _owner_match(sent, m) if m else None


def _owner_match(sent: SentenceText, m: re.Match[str]) -> tuple[str, Span] | None:
    group = next(g for g in ("owner", "owner2", "owner3", "owner4", "owner5") if m.groupdict().get(g))
    # "Socialtjänsten genom avdelningen för stöd och omsorg": the owner is the first.
    value = m.group(group)
    cut = value.find(" genom ")
    end = m.start(group) + (cut if cut > 0 else len(value))
    owner = clean_name(sent.text[m.start(group) : end])
    # "ägdes av det kommunala bostadsbolaget Kungsbackahem AB": the name after the description.
    if owner and owner[0].islower() and (named := _NAME_AFTER.match(sent.text, end)):
        return named.group(1), Span(sent.start + named.start(1), sent.start + named.end(1))
    if owner and m.re is not _OWNER_RE:
        owner = owner[0].upper() + owner[1:]  # a name, however the sentence wrote it
    if not owner or not owner[0].isupper() or len(owner.split()) > 8:
        return None
    # "Region Gotland, Utbildnings- och arbetslivsförvaltningen, enheten X": the region or
    # municipality is every department's; the department named next owns the project.
    dept = _DEPT_AFTER.match(sent.text, end) if _WHOLE_ORGANISATION.fullmatch(owner) else None
    if dept:
        return clean_name(dept.group(1)), Span(sent.start + dept.start(1), sent.start + dept.end(1))
    return owner, Span(sent.start + m.start(group), sent.start + end)


_NAME_AFTER = re.compile(r"\s+([A-ZÅÄÖ][\w&-]+(?:\s+(?:(?:och\s+|&\s+)?[A-ZÅÄÖ][\w&-]*|AB|ek\.\s?för\.?))*)")
_WHOLE_ORGANISATION = re.compile(r"Region\s+\w+|[\wåäöÅÄÖ]+\s+(?:kommun|stad)")
_DEPT_AFTER = re.compile(rf",\s*({_DEPT})(?=\W|$)")


def subject_of_owner_clause(sent: SentenceText) -> str | None:
    """The project a "Projektägare för *X* …" sentence is about, if it names one."""
    m = re.search(r"(?:projektägare|projektledare)\s+för\s+(\*[^*]+\*|.+?)\s+(?:är|var|har\s+varit)\s",
                  sent.text, re.IGNORECASE)
    return clean_name(m.group(1)) if m else None


# ---- funds -----------------------------------------------------------------------------------
FUND_WORDS = {
    "ESF": re.compile(r"socialfond|\bESF\b|ESF-", re.IGNORECASE),
    "ERUF": re.compile(r"regionala\s+utvecklingsfond|regionalfond|\bERUF\b|ERUF-|\bERDF\b", re.IGNORECASE),
    "AMIF": re.compile(r"\bAMIF\b|migrations- och integrationsfond", re.IGNORECASE),
    "Interreg": re.compile(r"\bInterreg\b", re.IGNORECASE),
    "FRO": re.compile(r"rättvis\s+omställning|omställningsfond|\bFRO\b|FRO-|\bJTF\b", re.IGNORECASE),
    "Erasmus+": re.compile(r"\bErasmus\b\+?", re.IGNORECASE),
    "EJFLU": re.compile(r"jordbruksfonden\s+för\s+landsbygdsutveckling|landsbygdsfond|\bEJFLU\b",
                        re.IGNORECASE),
    "FEAD": re.compile(r"\bFEAD\b|bistånd\s+till\s+(?:dem|de)\s+som\s+har\s+det\s+sämst",
                       re.IGNORECASE),
    # The programme's name in capitals only: "life" is an English word in projects' names.
    "LIFE": re.compile(r"\bLIFE\b|\bLIFE-"),
    "EHFVF": re.compile(r"havs-,?\s*fiskeri-\s*och\s*vattenbruksfond|\bEHFVF\b|\bEHFF\b|\bEMFF\b",
                        re.IGNORECASE),
    # Leader, the local development method of the rural fund ("stöd genom LEADER").
    "LEADER": re.compile(r"\bLEADER\b|\bLeader(?:-|\b)"),
}
_PLUS = re.compile(r"\w*\+|\w*\s*plus\b|-plus\b", re.IGNORECASE)
_PLUS_NOTE = re.compile(r"\w*\s*\(\s*ESF\+", re.IGNORECASE)


# Sentences that say which fund finances the project, with or without an amount.
_FUND_STATEMENT = re.compile(
    r"(?:(?:finansier\w*|stöd\w*|medel|beviljat?s?)\s+"
    r"(?:\w+\s+){0,2}(?:av|från|genom|inom|ur)\s+(?:den\s+)?|\b(?:är|var)\s+ett\s+(?:\w+\s+inom\s+)?|"
    # "är Utbildningsförvaltningens mobilitetsprojekt inom Erasmus+"
    r"\b(?:är|var)\s+\w+s\s+\w*projekt\s+inom\s+)"
    r"(?=\s*(?:Europeiska|EU|ESF|ERUF|AMIF|Interreg|FRO\b|JTF\b|FEAD\b|LIFE\b|EHFVF\b|Erasmus|\w*fonden))",
    re.IGNORECASE,
)


# A line labelled with the fund: "Fond: Europeiska socialfonden", "Program: Interreg Aurora".
# Also one pair of a line of pairs: "Ägare: X; Fond: Interreg Central Baltic".
_FUND_LABEL = re.compile(
    r"(?:^|(?<=[;·|]))\s*(?:fond|program|stödgivare|finansiering|finansiär)[\w\s]{0,25}?:", re.IGNORECASE
)


_ITEM = re.compile(r"[^·]+")


def find_fund_statement(sent: SentenceText) -> tuple[str, Span] | None:
    """The fund a sentence says finances the project ("Fond: Europeiska socialfonden",
    "finansierades av Europeiska regionala utvecklingsfonden"). A labelled value is any
    fund's name ("Asyl-, migrations- och integrationsfonden (AMIF)"); in running text the
    name must follow the verb."""
    m = _FUND_LABEL.search(sent.text) or _FUND_STATEMENT.search(sent.text)
    if not m:
        # "Projektägare: X · Projektledare: Y · ESF+ · A – B": an item that is a fund's name.
        items = _ITEM.finditer(sent.text) if " · " in sent.text else iter(())
        for item in items:
            found = find_fund(item.group(0), sent.start + item.start())
            if found and len(item.group(0).split()) <= 4:
                return found
        return None
    return find_fund(sent.text[m.end() : m.end() + 80], sent.start + m.end())


def find_fund(text: str, base: int = 0) -> tuple[str, Span] | None:
    """ESF, ESF+, ERUF, AMIF, Interreg or FRO named in ``text`` (first mention wins)."""
    hits = [(m.start(), name, m) for name, rx in FUND_WORDS.items() if (m := rx.search(text))]
    if not hits:
        return None
    _, name, m = min(hits, key=lambda h: h[0])
    # "ESF+", "socialfonden plus", and "Europeiska socialfonden (ESF+)"
    plus = (_PLUS.match(text, m.end()) or _PLUS_NOTE.match(text, m.end())) if name == "ESF" else None
    if plus:  # the 2021–2027 fund, "ESF+" / "Europeiska socialfonden plus"
        return "ESF+", Span(base + m.start(), base + plus.end())
    return name, Span(base + m.start(), base + m.end())
