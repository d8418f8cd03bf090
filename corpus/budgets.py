"""Sentence-level patterns for a project's budget and EU funding: "totala budget är X kr,
varav Y kr finansieras av Europeiska socialfonden", a revised budget and its earlier
value, a grant named by its fund ("varav Regionalfonden 6 380 tkr", "Y euro från LIFE").

Each reader takes one sentence (its text and absolute start offset) and returns what it
found with absolute spans; ``corpus.facts`` decides how findings combine into a record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.fact_patterns import SentenceText, find_fund
from corpus.numbers import Amount, find_amounts, with_conversions
from corpus.types import Span

_BUDGET_CUE = re.compile(
    # "Budgeten för fas 2 är X": the budget of a phase
    r"total\w*\s+\w*budget|omsluter|budget(?:en)?\s*(?:\([^)]*\)\s*|för\s+(?:fas|etapp|steg)\s+\d\s+)?(?:totalt\s*)?"
    r"(?:uppgår|uppgick|är|var|har\s+varit|omfattar|omfattade|på|:)|(?:omfattade|uppgick)\s+budgeten|"
    r"budget\w*\s+(?:har\s+)?(?:reviderades|reviderats|justerades|justerats|ändrades|ändrats|sänktes|"
    r"höjdes|utökades|utökats|minskades|minskats)|"
    r"budgetomslutning|omslutning|total\w*\s+kostnad|totalkostnad|kostnadsram|(?:budget|kostnad\w*)\s+totalt|"
    # A label of the project's money with the total first: "Ekonomi: 5 400 000 kr (varav …)".
    r"^\s*ekonomi\s*:\s*(?=(?:totalt\s+)?\d)|"
    # "kostnad: 8,2 mnkr", a memo's lower-case key for the total.
    r"^\s*kostnad\s*:\s*(?=\d)|"
    # "Beviljade medel: 14,6 miljoner kronor" (then "Därav EU: …"); a grant names its fund.
    r"^\s*beviljade?\s+(?:medel|budget|belopp)\s*:(?![^\n]*(?:\b(?:EU|ESF|ERUF|AMIF|Interreg)\b|fond))",
    re.IGNORECASE,
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

_FINANCED_BY_EU = re.compile(
    r"^[^.;]*?\bav\s+(?:den\s+)?(?:Europeiska|EU\b|ESF|ERUF|AMIF|Interreg|FRO\b|JTF\b|\w*fonden)",
    re.IGNORECASE,
)
_EU_CUE = re.compile(r"europeiska|\bEU\b|EU-|ESF|ERUF|AMIF|Interreg|strukturfond|socialfond|utvecklingsfond|"
                     r"regionalfond|integrationsfond|\bFRO\b|FRO-|\bJTF\b|rättvis\s+omställning|\bFEAD\b|\bLeader\b"
                     r"|\bErasmus\+?|\bLIFE\b|\bEHFVF\b",
                     re.IGNORECASE)


_FUND_NAME = (
    r"(?:Europeiska\s+\w+(?:\s+\w+)?|EU\b|ESF\+?|ERUF|AMIF|Interreg|FRO\b|JTF\b|FEAD\b|LIFE\b|Erasmus\+?|Leader\b"
    r"|\w*fonden\+?)"
)
# A word for the grant itself: "EU-stödet", "Interregstödet", "regionalfondsmedlen".
_GRANT_WORD = (r"(?:EU|ESF\+?|ERUF|AMIF|FRO|JTF|Interreg|Leader|\w*fonds?)-?"
               r"(?:stöd|medel|bidrag|finansiering|pengar)\w*|EU-?andel\w*|EU:s\s+(?:bidrag|stöd|andel)\w*")


@dataclass(frozen=True, slots=True)
class BudgetFinding:
    """Total budget (and its pre-revision value), EU funding and the fund a sentence states."""

    total: Amount | None = None
    original_total: Amount | None = None  # the budget before a revision
    eu: Amount | None = None
    fund: tuple[str, Span] | None = None
    revised: bool = False


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
    eu = _exact_beside(_eu_amount(t, sent.start, amounts), t, sent.start, amounts)
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


def _exact_beside(a: Amount | None, t: str, base: int, amounts: list[Amount]) -> Amount | None:
    """The exact figure a rounded amount gives in brackets ("8,8 Mkr (8 767 440 kr)")."""
    if a is None:
        return None
    later = [b for b in amounts if b.span.start >= a.span.end]
    if later and re.fullmatch(r"\s*\(\s*", t[a.span.end - base : later[0].span.start - base]):
        return later[0]
    return a


# A label's end before its value: "EU-bidrag (LIFE) ........", "Stöd (ERUF)<tab>", "Stöd:".
_LABEL_GAP = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*(?:\.{3,}\s*|\t\s*|:\s*)$")


def _eu_amount(t: str, base: int, amounts: list[Amount]) -> Amount | None:
    for a in amounts:
        s, e = a.span.start - base, a.span.end - base
        after = re.split(r"[,;.]\s", t[e:], maxsplit=1)[0]
        before = t[max(0, s - 90): s]
        if gap := _LABEL_GAP.search(before):
            before = before[: gap.start()] + ": "
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
        # "varav EU-bidrag från LIFE Y kr" too.
        grant_from = r"(?:(?:EU-)?(?:stöd|bidrag|medel)\s+från\s+)?"
        named = re.search(r"(?:\b(?:varav|därav)\s+" + grant_from + r"(?:den\s+)?|[(,]\s*)"
                          + _FUND_NAME + r"\s*:?\s*$", before, re.IGNORECASE)
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
        # "Regionalfonden finansierar 40 procent, motsvarande Y kr", "Interregstödet täcker 60
        # procent av kostnaderna, vilket för Mölndals del motsvarar Y euro"
        # … and a label line of the grant: "EU-medel: 40 procent, motsvarande Y kr".
        if re.search(rf"(?:{_FUND_NAME}|{_GRANT_WORD})"
                     r"(?:\s+(?:finansierar|står\s+för|bidrar\s+med|täcker|utgör|är)\s+|\s*:\s*)[^.;]{0,40}?(?:procent|%)[^.;]{0,80}?"
                     r"(?:motsvarande|dvs\.?|det\s+vill\s+säga|eller|motsvarar)\s*$", t[max(0, s - 160): s]):
            return a
        # "EU-stöd Y", "varav AMIF-stöd Y", "regionalfondsstöd Y", "Leaderstöd: Y"
        if re.search(r"(?:(?:EU|ESF|ERUF|AMIF|FRO|JTF|FEAD|LIFE|Interreg|Leader|Erasmus)\+?-?|\w+fonds)"
                     r"(?:stöd|finansiering|medel|bidrag)\w*\s*"
                     r"(?:är|var|på|om|(?:uppgår|uppgick|uppgått)\s+till|:)?\s*$|"
                     r"(?:stöd|bidrag)\w*\s+från\s+(?:(?!budget).){0,60}?(?:(?:uppgår|uppgick|uppgått)\s+till|är|var|på|om|med|:)\s*$|"
                     r"stöd\w*\s+från\s+(?:den\s+)?" + _FUND_NAME + r"\s*$|"
                     r"(?:finansier\w*|bidrag\w*|beviljat?s?)\s+(?:\w+\s+){0,2}(?:av|från)\s+(?:den\s+)?"
                     r"(?:Europeiska\s+\w+(?:\s+\w+)?|EU|ESF|ERUF|\w*fonden)\s+(?:med|på|om|:)\s*$",
                     before, re.IGNORECASE):
            return a
    return None


# The grant as a share of the budget, where no amount states it: "Varav EU: 40 procent av
# total budget", "Varav EU-medel<tab>56 procent av den totala budgeten", "EU-stödet motsvarar
# 65 procent av de totala kostnaderna", "Regionalfonden finansierar 40 procent".
_SHARE = r"(?:ca\.?\s+|cirka\s+|drygt\s+|knappt\s+)?(?P<pct>\d{1,3}(?:,\d+)?)\s*(?:procent\b|%)"
_EU_SHARES = tuple(re.compile(p, re.IGNORECASE | re.MULTILINE) for p in (
    rf"(?:\bvarav\s+(?:EU\b|{_GRANT_WORD})|^\s*\**(?:{_GRANT_WORD}|stöd\s+från\s+EU|EU))\**"
    rf"\s*(?::|\t|\.{{3,}})?\s*\**\s*{_SHARE}",
    rf"\b(?:{_GRANT_WORD})\s+(?:utgör|motsvarar|täcker|står\s+för|uppgår\s+till|är|blir)\s+{_SHARE}",
    rf"{_FUND_NAME}\s+(?:finansierar|står\s+för|täcker|bidrar\s+med|svarar\s+för)\s+{_SHARE}",
))


def find_eu_share(sent: SentenceText) -> tuple[float, Span] | None:
    """The EU grant stated only as a share of the budget, as a percentage and its span.

    Only where the sentence gives the grant no amount: "varav 4,7 MSEK EU-stöd, vilket
    motsvarar 75 procent" is read as the amount."""
    m = next((m for p in _EU_SHARES if (m := p.search(sent.text))), None)
    if m is None:
        return None
    pct = float(m.group("pct").replace(",", "."))
    if not 0 < pct <= 100:
        return None
    return pct, Span(sent.start + m.start("pct"), sent.start + m.end())
