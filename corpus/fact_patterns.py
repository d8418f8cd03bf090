"""Sentence-level patterns for project facts: owner, budget, EU funding and fund (managers
are read in ``corpus.managers``, periods in ``corpus.periods``).

Each reader takes one sentence (its text and absolute start offset) and returns what it
found with absolute spans; ``corpus.facts`` decides how findings combine into a record.
The vocabulary is the genre's (projektägare, projektledare, projekttid, totala budget,
varav … finansieras av Europeiska socialfonden), never any one report's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.numbers import Amount, find_amounts, with_conversions
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
_OWNER_RE = re.compile(
    rf"(?:projektägare|ägare|huvudman(?:nen)?|ansvarig\s+förvaltning|projektägande\s+förvaltning){FOR_CLAUSE}"
    # "Projektägare i Luleå:", "Projektägare för kommunens del:"
    r"(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]+|\s+för\s+[\wåäöÅÄÖ-]+\s+del)?"
    r"\s*(?P<verb>är|var|har\s+varit|:)\s*(?P<owner>\*[^*]+\*|.+?)"
    r"(?=\s+(?:och|samt|medan)\s+(?:projektledare|projektledningen|ansvarig)|\s*[,;(·|]|\.\s|\.?$)",
    re.IGNORECASE,
)
# Municipal departments and units: "-förvaltningen", "-kontoret", "Socialtjänsten",
# "Vuxenutbildningen", "Individ- och familjeomsorgen".
_UNIT = r"(?:förvaltningen|kontoret|nämnden|avdelningen|bolaget|stad|tjänsten|omsorgen|utbildningen)"
_DEPT = rf"[A-ZÅÄÖ][^,.;]*?{_UNIT}"
# After "ägs av" a department may be written in lower case ("ägdes av miljöförvaltningen").
_OWNED_DEPT = rf"[\wÅÄÖåäö][^,.;]*?{_UNIT}"
# Owners that are not departments: a company, a region, a foundation, an association.
_ORG = (r"(?:[A-ZÅÄÖ][\wåäö&-]+\s+){1,3}AB\b|AB(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,2}"  # companies
        # associations named by place: "Saivojärvi byaförening", "Norrstrands Bygderåd"
        r"|(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,2}[\wåäö-]*(?:förening|[Rr]åd|förbund)(?:en|et)?\b"
        r"|(?:Region|Stiftelsen|Föreningen|Samordningsförbundet)(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,3}"
        r"(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+län)?)?"
        r"|Förvaltningen\s+för\s+[a-zåäö-]+(?:\s+och\s+[a-zåäö-]+)?")
_OWNED_BY_RE = re.compile(
    # also "För kommunens del ägs projektet av X"
    rf"(?:ägs|äges|ägdes|ägts)\s+(?:projektet\s+|det\s+)?av\s+(?P<owner>\*[^*]+\*|{_ORG}|{_OWNED_DEPT})(?=\W|$)|"
    rf"^(?P<owner2>\*[^*]+\*|{_DEPT})\s+(?:är|var|har\s+varit)\s+projektägare|"
    # "med Socialförvaltningen som projektägare och X som projektledare"
    rf"\bmed\s+(?P<owner3>\*[^*]+\*|{_ORG}|{_DEPT})\s+som\s+projektägare\b|"
    # "X är Utbildningsförvaltningens mobilitetsprojekt inom Erasmus+"
    rf"\b(?:är|var)\s+(?P<owner4>[A-ZÅÄÖ][\wåäö-]*{_UNIT})s\s+[\wåäö-]*projekt\b",
)


# "X drivs av Stiftelsen Y", "Förstudien genomfördes av Vård- och omsorgsförvaltningen": who
# runs the project, read only when no sentence says who owns it (a department that
# "driver" a project sometimes only operates what another owns).
_RUN_BY_RE = re.compile(
    rf"(?:drivs|drevs|drivits|genomförs|genomfördes|genomförts)\s+av\s+"
    # "drivs av den ideella föreningen X": the kind of organisation is no part of its name
    r"(?:den\s+(?:ideella\s+)?(?:föreningen|organisationen)\s+(?=[A-ZÅÄÖ]))?"
    rf"(?P<owner>{_ORG}|{_OWNED_DEPT})(?=\W|$)"
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
    group = next(g for g in ("owner", "owner2", "owner3", "owner4") if m.groupdict().get(g))
    # "Socialtjänsten genom avdelningen för stöd och omsorg": the owner is the first.
    value = m.group(group)
    cut = value.find(" genom ")
    end = m.start(group) + (cut if cut > 0 else len(value))
    owner = clean_name(sent.text[m.start(group) : end])
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


_WHOLE_ORGANISATION = re.compile(r"Region\s+\w+|[\wåäöÅÄÖ]+\s+(?:kommun|stad)")
_DEPT_AFTER = re.compile(rf",\s*({_DEPT})(?=\W|$)")


def subject_of_owner_clause(sent: SentenceText) -> str | None:
    """The project a "Projektägare för *X* …" sentence is about, if it names one."""
    m = re.search(r"(?:projektägare|projektledare)\s+för\s+(\*[^*]+\*|.+?)\s+(?:är|var|har\s+varit)\s",
                  sent.text, re.IGNORECASE)
    return clean_name(m.group(1)) if m else None


# ---- budget and EU funding -------------------------------------------------------------------
_BUDGET_CUE = re.compile(
    r"total\w*\s+\w*budget|omsluter|budget(?:en)?\s*(?:\([^)]*\)\s*)?(?:totalt\s*)?"
    r"(?:uppgår|uppgick|är|var|har\s+varit|omfattar|omfattade|på|:)|(?:omfattade|uppgick)\s+budgeten|"
    r"budget\w*\s+(?:har\s+)?(?:reviderades|reviderats|justerades|justerats|ändrades|ändrats|sänktes|"
    r"höjdes|utökades|utökats|minskades|minskats)|"
    r"budgetomslutning|omslutning|total\w*\s+kostnad|totalkostnad|kostnadsram", re.IGNORECASE,
)
_ORIGINAL_CUE = re.compile(r"ursprunglig\w*\s+budget|budget\w*\s+var\s+ursprungligen|före\s+revidering|"
                           r"tidigare\s+budget", re.IGNORECASE)
# A budget that was changed: "reviderades", "utökades från X till Y", "höjdes", "sänktes" …
_REVISED_CUE = re.compile(
    r"revider|efter\s+revidering|ändrad\s+budget|justerad\s+budget|"
    r"\b(?:utökade?s|utökats|höjdes|höjts|sänktes|sänkts|minskades|minskats|ändrades|ändrats|"
    r"justerades|justerats|ökades|ökats)\b",
    re.IGNORECASE,
)
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
    # Leader, the local development method of the rural fund ("stöd genom LEADER").
    "LEADER": re.compile(r"\bLEADER\b|\bLeader(?:-|\b)"),
}
_PLUS = re.compile(r"\w*\+|\w*\s*plus\b|-plus\b", re.IGNORECASE)
_PLUS_NOTE = re.compile(r"\w*\s*\(\s*ESF\+", re.IGNORECASE)
_FINANCED_BY_EU = re.compile(
    r"^[^.;]*?\bav\s+(?:den\s+)?(?:Europeiska|EU\b|ESF|ERUF|AMIF|Interreg|FRO\b|JTF\b|\w*fonden)",
    re.IGNORECASE,
)
_EU_CUE = re.compile(r"europeiska|\bEU\b|EU-|ESF|ERUF|AMIF|Interreg|strukturfond|socialfond|utvecklingsfond|"
                     r"regionalfond|integrationsfond|\bFRO\b|FRO-|\bJTF\b|rättvis\s+omställning|\bFEAD\b|\bLeader\b",
                     re.IGNORECASE)


_FUND_NAME = (
    r"(?:Europeiska\s+\w+(?:\s+\w+)?|EU\b|ESF\+?|ERUF|AMIF|Interreg|FRO\b|JTF\b|FEAD\b|LIFE\b|Erasmus\+?|Leader\b"
    r"|\w*fonden\+?)"
)


@dataclass(frozen=True, slots=True)
class BudgetFinding:
    """Total budget (and its pre-revision value), EU funding and the fund a sentence states."""

    total: Amount | None = None
    original_total: Amount | None = None  # the budget before a revision
    eu: Amount | None = None
    fund: tuple[str, Span] | None = None
    revised: bool = False


# Sentences that say which fund finances the project, with or without an amount.
_FUND_STATEMENT = re.compile(
    r"(?:(?:finansier\w*|stöd\w*|medel|beviljat?s?)\s+"
    r"(?:\w+\s+){0,2}(?:av|från|genom|inom|ur)\s+(?:den\s+)?|\b(?:är|var)\s+ett\s+(?:\w+\s+inom\s+)?|"
    # "är Utbildningsförvaltningens mobilitetsprojekt inom Erasmus+"
    r"\b(?:är|var)\s+\w+s\s+\w*projekt\s+inom\s+)"
    r"(?=\s*(?:Europeiska|EU|ESF|ERUF|AMIF|Interreg|FRO\b|JTF\b|FEAD\b|LIFE\b|Erasmus|\w*fonden))",
    re.IGNORECASE,
)


# A line labelled with the fund: "Fond: Europeiska socialfonden", "Program: Interreg Aurora".
_FUND_LABEL = re.compile(r"^\s*(?:fond|program|stödgivare|finansiering|finansiär)[\w\s]{0,25}?:",
                         re.IGNORECASE)


_ITEM = re.compile(r"[^·]+")


def find_fund_statement(sent: SentenceText) -> tuple[str, Span] | None:
    """The fund a sentence says finances the project ("Fond: Europeiska socialfonden",
    "finansierades av Europeiska regionala utvecklingsfonden"). A labelled value is any
    fund's name ("Asyl-, migrations- och integrationsfonden (AMIF)"); in running text the
    name must follow the verb."""
    m = _FUND_LABEL.match(sent.text) or _FUND_STATEMENT.search(sent.text)
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


def find_budget(sent: SentenceText) -> BudgetFinding | None:
    """Budget facts in a sentence: "totala budget är X kr, varav Y kr finansieras av …"."""
    t = sent.text
    # A budget in euro only when the sentence states no kronor, or states them as the
    # conversion of the euro ("N euro (ca M kr)"); "N euro, varav kommunens del M kr" is
    # read in kronor.
    euro, converted = with_conversions(t, sent.start)
    kronor = [a for a in find_amounts(t, sent.start) if a not in converted]
    amounts = sorted(kronor + euro, key=lambda a: a.span.start) if converted else kronor or euro
    if not amounts:
        return None
    cue = _BUDGET_CUE.search(t)
    eu = _eu_amount(t, sent.start, amounts)
    rest = [a for a in amounts if a is not eu and (cue is None or a.span.start - sent.start >= cue.start())]
    total = original = None
    revised = bool(_REVISED_CUE.search(t))
    if cue and rest:
        total = rest[0]
        between = t[total.span.end - sent.start : rest[1].span.start - sent.start] if len(rest) >= 2 else ""
        if re.fullmatch(r"\s*\(\s*", between):
            # "drygt N miljoner kronor (N NNN NNN kr)": the exact figure beside the rounded one
            total, rest = rest[1], rest[1:]
        frm = re.search(r"\bfrån\b", t[cue.start():])
        # "X, reviderad till Y": the same change written without "från".
        gap = t[rest[0].span.end - sent.start : rest[1].span.start - sent.start] if len(rest) >= 2 else ""
        to = re.search(r"\btill\b", gap)
        if revised and len(rest) >= 2 and (frm or to):
            original, total = rest[0], rest[1]
        elif _ORIGINAL_CUE.search(t):
            original, total = rest[0], None
    if total is None and eu is None and original is None:
        return None
    fund = find_fund(t, sent.start) if (eu or _EU_CUE.search(t)) else None
    return BudgetFinding(total, original, eu, fund, (revised and total is not None) or original is not None)


def _eu_amount(t: str, base: int, amounts: list[Amount]) -> Amount | None:
    for a in amounts:
        s, e = a.span.start - base, a.span.end - base
        after = re.split(r"[,;.]\s", t[e:], maxsplit=1)[0]
        before = t[max(0, s - 90): s]
        # "varav Y kr finansieras av ERUF", also "varav Y kr, eller 40 procent, finansieras av …"
        if re.search(r"varav\s*$", before, re.IGNORECASE) and (
            _EU_CUE.search(after) or _FINANCED_BY_EU.search(t[e:])
        ):
            return a
        # "finansieras <belopp>, alltså drygt <avrundat>, av Europeiska socialfonden"
        financed = re.search(r"finansier(?:as|ades|ats)\s*$", before, re.IGNORECASE)
        if financed and _FINANCED_BY_EU.search(t[e:]):
            return a
        # "varav Y kronor i stöd från fonden", "varav Y euro från LIFE"
        if re.search(r"varav\s*$", before, re.IGNORECASE) and re.match(
            r"\s+(?:i\s+(?:EU-)?stöd\s+)?från\s+(?:den\s+)?" + _FUND_NAME, after, re.IGNORECASE
        ):
            return a
        # "Finansiering: Regionalfonden, Y Mkr av en total budget på X Mkr"
        if re.match(r"\s+av\s+(?:en|den)\s+total(?:a)?\s+budget", after, re.IGNORECASE) and re.search(
            _FUND_NAME, t[:s], re.IGNORECASE
        ):
            return a
        # "varav EU-stöd 65 procent (Y kr)"
        if re.search(r"(?:EU|ESF\+?|ERUF)-?(?:stöd|medel|finansiering)\w*\s+\d+(?:,\d+)?\s*"
                     r"(?:procent|%)\s*\(\s*$", before, re.IGNORECASE):
            return a
        # "ESF+ finansierar Y kronor", "varav Regionalfonden står för Y kr", "där AMIF står för Y kr",
        # "Europeiska socialfonden plus bidrog med Y", "av det svarar ESF+ för Y"
        if re.search(r"(?:(?:varav|där)\s+(?:den\s+)?)?" + _FUND_NAME + r"\s+"
                     r"(?:(?:står|stod|svarar|svarade)\s+för|(?:bidrar|bidrog|har\s+bidragit)\s+med|"
                     r"finansier(?:ar|ade|at))\s*$", before, re.IGNORECASE) or re.search(
                         r"\b(?:står|stod|svarar|svarade)\s+(?:den\s+)?" + _FUND_NAME + r"\s+för\s*$", before,
                         re.IGNORECASE):
            return a
        # A fund named right before the amount: "varav Regionalfonden 6 380 tkr", "Varav ESF+: Y kr",
        # "(Regionalfonden Y kr, kommunen Z kr)", and a line labelled by the fund ("FRO-stöd: Y kr").
        named = re.search(r"(?:\b(?:varav|därav)\s+(?:den\s+)?|[(,]\s*)" + _FUND_NAME + r"\s*:?\s*$", before,
                          re.IGNORECASE)
        # Also "Beviljat AMIF-stöd: Y kr", "Stöd från Regionalfonden: Y kr", "Beviljat EU-stöd: Y kr".
        # The label may be set in bold ("**Stöd från Regionalfonden:** 5 890 tkr").
        # A label line set as a table row ("Interreg Nord<tab>1 200 000 euro") names the fund too.
        labelled = (r"\s*\**(?:(?:beviljat?\s+|sökt\s+)?(?:(?:EU-)?(?:stöd|bidrag)\s+från\s+(?:den\s+)?)?"
                    + _FUND_NAME + r"(?:\s+[A-ZÅÄÖ]\w+)?(?:-?(?:stöd|bidrag|medel))?"
                    r"|beviljat?\s+(?:EU-)?(?:stöd|bidrag))\**\s*(?::|\t)\s*\**\s*")
        if named or re.fullmatch(labelled, t[:s], re.IGNORECASE):
            return a
        # "Projektet beviljades 268 000 euro", "har beviljats 1 926 400 kr": the grant (not "har
        # beviljats en total budget på …")
        granted = re.search(r"\b(?:beviljades|beviljats)\s+(?:totalt\s+)?$", before, re.IGNORECASE)
        if granted and not re.search(r"budget", after, re.IGNORECASE):
            return a
        # "770 tkr (65 procent) stöd genom Leader"
        if re.match(r"\s*(?:\([^()]{0,30}\)\s*)?(?:i\s+)?(?:EU-)?(?:stöd|bidrag)\s+(?:genom|från|via)\s+"
                    r"(?:den\s+)?" + _FUND_NAME, after, re.IGNORECASE):
            return a
        # "Av dessa kommer Y kr från Europeiska socialfonden+"
        from_fund = re.match(r"\s+från\s+(?:den\s+)?" + _FUND_NAME, after)
        if from_fund and re.search(r"\b(?:kommer|kom)\s*$", before):
            return a
        # "Regionalfonden finansierar 40 procent, motsvarande Y kr"
        if re.search(_FUND_NAME + r"\s+(?:finansierar|står\s+för|bidrar\s+med)\s+[^.;]{0,40}?"
                     r"(?:motsvarande|dvs\.?|det\s+vill\s+säga|eller)\s*$", before):
            return a
        # "EU-stöd Y", "varav AMIF-stöd Y", "regionalfondsstöd Y", "Leaderstöd: Y"
        if re.search(r"(?:(?:EU|ESF|ERUF|AMIF|FRO|JTF|FEAD|LIFE|Interreg|Leader|Erasmus)\+?-?|\w+fonds)"
                     r"(?:stöd|finansiering|medel|bidrag)\w*\s*"
                     r"(?:är|var|på|om|(?:uppgår|uppgick|uppgått)\s+till|:)?\s*$|"
                     r"(?:stöd|bidrag)\w*\s+från\s+.{0,60}?(?:(?:uppgår|uppgick|uppgått)\s+till|är|var|på|om|med|:)\s*$|"
                     r"stöd\w*\s+från\s+(?:den\s+)?" + _FUND_NAME + r"\s*$|"
                     r"(?:finansier\w*|bidrag\w*|beviljat?s?)\s+(?:\w+\s+){0,2}(?:av|från)\s+(?:den\s+)?"
                     r"(?:Europeiska\s+\w+(?:\s+\w+)?|EU|ESF|ERUF|\w*fonden)\s+(?:med|på|om|:)\s*$",
                     before, re.IGNORECASE):
            return a
    return None
